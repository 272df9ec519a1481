#!/usr/bin/env bash
# Measures decisions compiled to WebAssembly, in Node (V8, the same WebAssembly engine as
# Chromium): builds the binding with the `bench` feature into target/domain-js-bench and runs
# domain-js/bench/decide.mjs. Results go in docs/benchmarks.md.
#
#   bash domain-js/bench/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$(dirname "$here")")"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
cd "$root"
PATH="$HOME/.cargo/bin:$PATH"
"${CARGO:-cargo}" build --profile wasm-release --target wasm32-unknown-unknown -p inzage-domain-js --features bench
out="$target_dir/domain-js-bench"
rm -rf "$out"
wasm-bindgen --target nodejs --out-dir "$out" \
  "$target_dir/wasm32-unknown-unknown/wasm-release/inzage_domain_js.wasm"
node "$here/decide.mjs" "$out/inzage_domain_js.js"
