#!/usr/bin/env bash
# Builds the wasm package into www/pkg (settings in wasm-pack.toml [build]), prints its size and fails when
# it is over the gzip budget.
source "$(dirname "$0")/env.sh"

OUT=$(cfg build.out-dir)
# Cargo.toml's release profile is tuned for native speed; the wasm is built for size.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=$(cfg build.opt-level)
# Only the wasm's own code: with wasm-pack's --target, RUSTFLAGS skips build scripts.
export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-C llvm-args=-inline-threshold=$(cfg build.inline-threshold)"
step "CARGO_PROFILE_RELEASE_OPT_LEVEL=$CARGO_PROFILE_RELEASE_OPT_LEVEL RUSTFLAGS=\"$RUSTFLAGS\" wasm-pack build --$(cfg build.profile) --target $(cfg build.target) --out-dir $OUT"
# --mode no-install: use the pinned wasm-bindgen on PATH, never download one.
wasm-pack build "--$(cfg build.profile)" --target "$(cfg build.target)" --out-dir "$OUT" --mode no-install --no-pack -- --locked

WASM="$OUT/article_checker_bg.wasm"
raw=$(wc -c < "$WASM")
gz=$(gzip -9 -c "$WASM" | wc -c)
awk -v raw="$raw" -v gz="$gz" 'BEGIN { printf "wasm size: %d bytes raw (%.1f KiB), %d bytes gzip -9 (%.1f KiB)\n", raw, raw / 1024, gz, gz / 1024 }'
max=$(cfg build.max-gzip-bytes)
if [ "$gz" -gt "$max" ]; then
  echo "error: the wasm is $gz bytes gzipped, over the budget of $max (wasm-pack.toml [build] max-gzip-bytes)" >&2
  exit 1
fi
