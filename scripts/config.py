#!/usr/bin/env python3
"""Prints a setting from wasm-pack.toml: `config.py tools.wasm-pack` -> 0.15.1; lists print space-separated.

wasm-pack.toml pins the tool versions and holds the build/test/serve settings; the shell scripts read it
through this helper (Python 3.11's tomllib), so the versions live in one place.
"""
import sys
import tomllib
from pathlib import Path

def main() -> int:
    if len(sys.argv) != 2:
        print("usage: config.py SECTION.KEY", file=sys.stderr)
        return 2
    data = tomllib.loads((Path(__file__).resolve().parent.parent / "wasm-pack.toml").read_text())
    value = data
    for part in sys.argv[1].split("."):
        if not isinstance(value, dict) or part not in value:
            print(f"wasm-pack.toml has no setting {sys.argv[1]}", file=sys.stderr)
            return 1
        value = value[part]
    if isinstance(value, list):
        print(" ".join(str(v) for v in value))
    elif isinstance(value, bool):
        print("true" if value else "false")
    else:
        print(value)
    return 0

if __name__ == "__main__":
    sys.exit(main())
