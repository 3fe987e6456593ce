#!/usr/bin/env bash
# Serves the page at http://127.0.0.1:8080/ (installs what is missing first).
# PORT=9000 scripts/serve.sh to pick another port.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
port=${PORT:-8080}
echo "sspr-lookup: serving on http://127.0.0.1:$port/"
# No autoreload: its injected inline script would break the strict CSP the page carries.
exec trunk serve --release --no-autoreload --port "$port" --address 127.0.0.1
