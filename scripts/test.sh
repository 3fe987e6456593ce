#!/usr/bin/env bash
# Runs every test: native (core, catalog freshness, eval floors), wasm in headless Chromium,
# and browser end-to-end tests against a release build served on loopback.
# Installs what is missing first (scripts/setup.sh --test).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true

echo "== the core builds natively without web crates (ARCHITECTURE.md invariant)"
if cargo tree -e normal,dev --prefix none 2>/dev/null | grep -E '^(leptos|web-sys|wasm-bindgen|serde-wasm-bindgen|console_error_panic_hook) '; then
  echo "a web crate is in the host dependency tree" >&2
  exit 1
fi

echo "== native tests (cargo test)"
cargo test --release --quiet 2>&1 | tail -n 40

echo "== wasm tests in headless Chromium (cargo test --target wasm32-unknown-unknown)"
export CHROMEDRIVER=$(command -v chromedriver)
cargo test --release --target wasm32-unknown-unknown --test wasm 2>&1 | tail -n 20

echo "== release build (trunk build --release)"
trunk build --release >/tmp/sspr-trunk-build.log 2>&1 || { cat /tmp/sspr-trunk-build.log; exit 1; }
node scripts/size.mjs dist

echo "== end-to-end tests (node --test e2e/, headless Chromium)"
node --test --test-concurrency=1 e2e/
