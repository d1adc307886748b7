#!/usr/bin/env bash
# Installs what is missing, builds the wasm and serves the page (with a sample article) on localhost.
source "$(dirname "$0")/env.sh"
scripts/setup.sh
scripts/build.sh
step "serving www/"
exec node scripts/serve.mjs --host "$(cfg serve.host)" --port "${PORT:-$(cfg serve.port)}" --root www
