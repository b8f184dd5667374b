#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with ASan and UBSan (the CMake options WINNOW_SANITIZE
# and WINNOW_FUZZ, clang) into DIR/build (default DIR /tmp/winnow-fuzz), links each into DIR, and
# writes seed corpora into DIR/seeds/<target> (make_seeds.sh). Then run one, for example:
#   DIR/raw_text_bodies_fuzz -dict=tests/fuzz/html.dict -max_len=4096 -max_total_time=600 \
#     DIR/corpus/raw_text_bodies_fuzz DIR/seeds/raw_text_bodies_fuzz
# (the first directory collects new inputs; a difference or a sanitizer report stops the run and
# writes the input to crash-*). Set LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp to let Gumbo's
# own leaks pass. tests/fuzz/run_all.sh runs them all at once. Needs clang, libclang-rt-dev and the
# packages of tools/install-deps; the seeds come from golden/ and, if unpacked, build/corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/winnow-fuzz}
targets=(raw_text_bodies_fuzz nesting_limit_fuzz clean_text_fuzz clean_html_fuzz jsonl_fuzz warc_fuzz model_fuzz)
cmake -S . -B "$out/build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g" -DWINNOW_SANITIZE=ON -DWINNOW_FUZZ=ON \
  -DWINNOW_BUILD_TESTS=ON -DWINNOW_BUILD_BENCH=OFF >/dev/null
cmake --build "$out/build" --target "${targets[@]}" -j2
for t in "${targets[@]}"; do
  ln -sfn "build/tests/fuzz/$t" "$out/$t"
  mkdir -p "$out/corpus/$t"
done
tests/fuzz/make_seeds.sh "$out/seeds" "$([ -d build/corpus ] && echo build/corpus)"
echo "built ${targets[*]} in $out; seeds in $out/seeds"
