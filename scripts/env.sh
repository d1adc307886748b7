# Sourced by the other scripts: the repository root, PATH for cargo-installed tools and the npm wasm-opt,
# and `cfg KEY` to read wasm-pack.toml.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
cfg() { python3 "$ROOT/scripts/config.py" "$1"; }
step() { printf '\n==> %s\n' "$*"; }
