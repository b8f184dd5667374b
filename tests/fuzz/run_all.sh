#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz for SECONDS each (default 60), two at a time (one a
# core), with ASan, UBSan and leak detection on, and fails if any of them finds something.
#
#   tests/fuzz/run_all.sh DIR [SECONDS]
#
# DIR is a build directory configured with -DWINNOW_SANITIZE=ON -DWINNOW_FUZZ=ON and clang
# (tools/sanitize-tests makes one); the targets are built there if they are not yet. The run's
# files go to DIR/fuzz-run:
#   seeds/T      made afresh each run by make_seeds.sh (golden/, corpus pages when DIR/corpus or
#                build/corpus is unpacked, made-up JSONL, WARC and model files)
#   corpus/T     the inputs the fuzzer found new coverage with, kept between runs
#   logs/T.log   libFuzzer's output
#   artifacts/T/ crash-*, leak-*, timeout-*, oom-*: the input that failed
# tests/fuzz/regressions/T/ is read as seeds too, so an input once reported fails every run until
# it is fixed (keep the fixed ones: they stay regression tests).
#
# A failure is anything that stops a target: a crash, a sanitizer report, a broken invariant, a
# leak (lsan.supp lets only Gumbo's own leaks pass), one input running over 10 s, or a process over
# 2 GB. For each, the target, the input and the report are printed; the exit status is 1.
set -uo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [SECONDS]" >&2; exit 2; }
dir=$(cd "$1" && pwd) || exit 2
seconds=${2:-60}
work=$dir/fuzz-run
fuzz=$src/tests/fuzz

# Target, longest input, dictionary. A cleaner takes about 1 ms a KB under the sanitizers, so its
# inputs are kept to a few KB (a page's worth of structure, dozens of text lines) for thousands of
# runs a minute; the model parser is fast enough for 64 KB (ten trees of the real model).
targets=(
  "clean_html_fuzz 8192 html.dict"
  "clean_text_fuzz 4096 -"
  "raw_text_bodies_fuzz 4096 html.dict"
  "nesting_limit_fuzz 4096 html.dict"
  "jsonl_fuzz 8192 json.dict"
  "warc_fuzz 16384 warc.dict"
  "model_fuzz 65536 model.dict"
)
names=()
for t in "${targets[@]}"; do names+=("${t%% *}"); done

if ! cmake --build "$dir" --target "${names[@]}" -j2 >"$dir/fuzz-build.log" 2>&1; then
  tail -30 "$dir/fuzz-build.log"
  echo "run_all.sh: building the fuzz targets in $dir failed (configured with -DWINNOW_FUZZ=ON?)" >&2
  exit 1
fi

corpus_pages=
for c in "$dir/corpus" "$src/build/corpus"; do
  if [ -d "$c/wcxb-dev" ]; then corpus_pages=$c; break; fi
done
mkdir -p "$work/logs"
"$fuzz/make_seeds.sh" "$work/seeds" $corpus_pages

# Leaks are looked for after every input and at exit; a leak is a failure unless its stack runs
# through Gumbo's own code (lsan.supp).
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0:handle_abort=1
export LSAN_OPTIONS=suppressions=$fuzz/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

run_target() {  # NAME MAX_LEN DICT
  local name=$1 max_len=$2 dict=$3
  local args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len"
              -print_final_stats=1 -artifact_prefix="$work/artifacts/$name/")
  [ "$dict" != - ] && args+=(-dict="$fuzz/$dict")
  rm -rf "$work/artifacts/$name"
  mkdir -p "$work/corpus/$name" "$work/artifacts/$name"
  local inputs=("$work/corpus/$name" "$work/seeds/$name")
  [ -d "$fuzz/regressions/$name" ] && inputs+=("$fuzz/regressions/$name")
  "$dir/tests/fuzz/$name" "${args[@]}" "${inputs[@]}" >"$work/logs/$name.log" 2>&1
  echo $? >"$work/logs/$name.rc"
}

start=$SECONDS
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n; done
  # shellcheck disable=SC2086
  run_target $t &
done
wait

failed=0
printf '\n%-22s %12s %10s %8s  %s\n' target executions 'exec/s' corpus result
for name in "${names[@]}"; do
  log=$work/logs/$name.log
  rc=$(cat "$work/logs/$name.rc" 2>/dev/null || echo '?')
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  result=ok
  if [ "$rc" != 0 ] || grep -qE '^==[0-9]+==ERROR: |runtime error:|INVARIANT BROKEN|DIFFERENCE at' "$log"; then
    result="FAILED (exit $rc)"
    failed=1
  fi
  printf '%-22s %12s %10s %8s  %s\n' "$name" "${execs:-?}" "${speed:-?}" "$(ls "$work/corpus/$name" | wc -l)" "$result"
done
echo "fuzzing took $((SECONDS - start)) s; logs in $work/logs"

for name in "${names[@]}"; do
  log=$work/logs/$name.log
  rc=$(cat "$work/logs/$name.rc" 2>/dev/null || echo '?')
  [ "$rc" = 0 ] && ! grep -qE '^==[0-9]+==ERROR: |runtime error:|INVARIANT BROKEN|DIFFERENCE at' "$log" && continue
  echo
  echo "=== $name FAILED (exit $rc); log $log"
  input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
  echo "input: ${input:-(none written; see the log)}"
  # The report from its first line: the sanitizer's or libFuzzer's error line, or ours.
  first=$(grep -nE '^==[0-9]+==ERROR: |runtime error:|INVARIANT BROKEN|DIFFERENCE at|ALARM: working|ERROR: libFuzzer' "$log" |
          head -1 | cut -d: -f1)
  if [ -n "$first" ]; then sed -n "${first},$((first + 60))p" "$log"; else tail -40 "$log"; fi
done
exit $failed
