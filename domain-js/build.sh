#!/usr/bin/env bash
# Builds the npm package's generated part, domain-js/pkg/: the crate compiled to wasm32 with the
# workspace's `wasm-release` profile, then wasm-bindgen's Node.js glue and TypeScript types.
#
#   bash domain-js/build.sh        (from anywhere; `cargo xtask test` runs it)
#
# Uses $CARGO_TARGET_DIR when set, otherwise the workspace's target/. Needs the wasm32 target
# and the wasm-bindgen CLI at the version of the `wasm-bindgen` crate in Cargo.lock
# (`cargo xtask test` installs both).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
if [[ -n "${CARGO_TARGET_DIR:-}" ]]; then
  # Absolute, because the build runs from the workspace root.
  CARGO_TARGET_DIR="$(realpath -m "$CARGO_TARGET_DIR")"
  export CARGO_TARGET_DIR
fi
target_dir="${CARGO_TARGET_DIR:-$root/target}"
cd "$root"

# The CLI must match the crate exactly, or the glue does not fit the wasm.
locked="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)"
if ! command -v wasm-bindgen >/dev/null && [[ -x "$HOME/.cargo/bin/wasm-bindgen" ]]; then
  PATH="$HOME/.cargo/bin:$PATH"
fi
found="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [[ "$found" != "$locked" ]]; then
  echo "build.sh: need wasm-bindgen $locked (the version in Cargo.lock), found '${found:-none}';" >&2
  echo "          install it with: cargo install wasm-bindgen-cli@$locked" >&2
  exit 1
fi

"${CARGO:-cargo}" build --profile wasm-release --target wasm32-unknown-unknown -p inzage-domain-js

rm -rf "$here/pkg"
wasm-bindgen --target nodejs --out-dir "$here/pkg" \
  "$target_dir/wasm32-unknown-unknown/wasm-release/inzage_domain_js.wasm"
ls -l "$here/pkg"
