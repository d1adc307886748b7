#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) needs, at the versions pinned in wasm-pack.toml.
# Skips whatever is already present at the right version, so a second run takes a second.
# Usage: scripts/setup.sh [--browser]
source "$(dirname "$0")/env.sh"

WASM_PACK=$(cfg tools.wasm-pack)
BINDGEN=$(cfg tools.wasm-bindgen-cli)
TARGET=$(cfg tools.rust-target)

if ! grep -q "^wasm-bindgen = \"=$BINDGEN\"" Cargo.toml; then
  echo "setup: wasm-pack.toml pins wasm-bindgen-cli $BINDGEN but Cargo.toml does not pin wasm-bindgen = \"=$BINDGEN\"; make them equal" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx "$TARGET"; then
  step "rustup target add $TARGET"
  rustup target add "$TARGET"
fi

if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK" ]; then
  step "cargo install wasm-pack $WASM_PACK (a few minutes, once)"
  cargo install wasm-pack --version "=$WASM_PACK" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$BINDGEN" ]; then
  step "cargo install wasm-bindgen-cli $BINDGEN (a few minutes, once)"
  # Its lockfile has named dependency versions the registry no longer has: fall back to a fresh resolve.
  cargo install wasm-bindgen-cli --version "=$BINDGEN" --locked || cargo install wasm-bindgen-cli --version "=$BINDGEN"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ]; then
  step "npm ci (wasm-opt from binaryen, playwright-core)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  missing=()
  for pkg in $(cfg tools.apt); do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi
