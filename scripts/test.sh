#!/usr/bin/env bash
# Runs every test: the native core (cargo test), the wasm binding in headless Chromium
# (wasm-pack test), and the page end to end (node --test + playwright-core). Installs what is missing.
source "$(dirname "$0")/env.sh"
scripts/setup.sh --browser

step "cargo test"
cargo test --locked

step "wasm-pack test --headless --$(cfg test.browser) (tests/web.rs)"
log=$(mktemp)
wasm-pack test --headless "--$(cfg test.browser)" --chromedriver "$(cfg test.chromedriver)" --mode no-install -- --locked --test web 2>&1 | tee "$log"
# A browser-only file skipped by mistake still reports success with 0 tests: insist on a real count.
if ! grep -Eq 'test result: ok\. [1-9][0-9]* passed' "$log"; then
  echo "wasm-pack test ran no browser test" >&2
  exit 1
fi

scripts/build.sh

step "end-to-end tests of the page (node --test $(cfg test.e2e))"
node --test "$(cfg test.e2e)"
