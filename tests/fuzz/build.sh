#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with ASan and UBSan, and a seed corpus, into DIR
# (default /tmp/winnow-fuzz). Then run, for example:
#   DIR/raw_text_bodies_fuzz -dict=tests/fuzz/html.dict -max_len=4096 -max_total_time=600 DIR/corpus DIR/seeds
# (the first directory collects new inputs; a difference or a sanitizer report stops the run and
# writes the input to crash-*). Needs clang++ and libgumbo-dev; the seeds come from golden/ and, if
# it is unpacked, build/corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/winnow-fuzz}
mkdir -p "$out/seeds" "$out/corpus"
clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Ifilter \
  tests/fuzz/raw_text_bodies_fuzz.cpp filter/raw_text_bodies.cpp $(pkg-config --cflags --libs gumbo) \
  -o "$out/raw_text_bodies_fuzz"
# Seeds: the golden HTML cases, and the first 16 KB of some corpus pages of both HTML sets.
find golden -name '*.html' -exec cp {} "$out/seeds/" \;
for set in wcxb-dev dragnet; do
  if [ -d "build/corpus/$set" ]; then
    ls "build/corpus/$set"/*.html | head -150 | while read -r page; do
      head -c 16384 "$page" > "$out/seeds/$set-$(basename "$page")"
    done
  fi
done
echo "built $out/raw_text_bodies_fuzz; seeds in $out/seeds ($(ls "$out/seeds" | wc -l) files)"
