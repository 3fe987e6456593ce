#!/usr/bin/env bash
# Installs everything the build and the tests need, from the package registries only
# (crates.io, npm, Debian). Idempotent: a tool already present at the right version is kept.
#   scripts/setup.sh          build tools (wasm32 target, trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --test   the same, plus Chromium and ChromeDriver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, or the generated glue breaks.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

say() { printf '[setup] %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"; }

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! have_version trunk "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION from crates.io (takes ~9 min once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION" || ! command -v wasm-bindgen-test-runner >/dev/null; then
  # Not --locked: the crate's own lock file names a webpki-roots version the registry lacks.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (takes ~3 min once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt 132 from npm (binaryen@132.0.0; Debian's binaryen 108 produces a blank page) and
# terser (the build's post-build hook minifies the JS glue with it).
if ! have_version wasm-opt "version_132" || [ ! -d node_modules/terser ]; then
  say "installing npm tooling (binaryen, terser, playwright-core, axe-core)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      say "installing Debian's chromium and chromium-driver"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq chromium chromium-driver >/dev/null
    else
      say "Chromium is missing. Install it with: sudo apt-get install chromium chromium-driver"
      exit 1
    fi
  fi
  [ -d node_modules/playwright-core ] && [ -d node_modules/axe-core ] || npm ci --no-audit --no-fund
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
