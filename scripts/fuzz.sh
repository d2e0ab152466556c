#!/usr/bin/env bash
# Runs each libFuzzer target (built by scripts/test-hardening.sh into build-hardening/) for
# SECONDS (default 60): first over every committed regression file, then fuzzing from the seed
# corpus. A crash leaves its input in build-hardening/fuzz/crash-*: commit it under
# tests/fuzz/regressions/<target>/ with the fix. FUZZ_SEED fixes the mutation sequence (CI uses
# a fixed one so a submission is judged by repeatable runs); unset, each run explores afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
bin=build-hardening/tests/fuzz
work=build-hardening/fuzz
seed_flag=()
[ -n "${FUZZ_SEED:-}" ] && seed_flag=(-seed="$FUZZ_SEED")
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
for target in case_roundtrip mesh_import reader_answer; do
  dict=()
  [ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
  regressions=(tests/fuzz/regressions/$target/*)
  if [ -e "${regressions[0]}" ]; then
    echo "-- $target: ${#regressions[@]} regression inputs"
    "$bin/fuzz_$target" -runs=1 "${regressions[@]}" 2>"$work-$target-regressions.log" || { cat "$work-$target-regressions.log"; exit 1; }
  fi
  mkdir -p "$work/$target"
  corpus=tests/fuzz/corpus/${target%%_*}  # case/, mesh/ (files), or the target's own folder
  [ -d "tests/fuzz/corpus/$target" ] && corpus=tests/fuzz/corpus/$target
  echo "-- $target: fuzzing for ${seconds} s"
  # New inputs go to the scratch corpus; the committed seeds are only read.
  if ! "$bin/fuzz_$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=65536 -print_final_stats=1 \
      "${seed_flag[@]}" "${dict[@]}" -artifact_prefix="$work/$target-" "$work/$target" "$corpus" \
      >"$work-$target.log" 2>&1; then
    tail -60 "$work-$target.log"
    echo "fuzz_$target found a failure: its input is in $work/$target-{crash,leak,timeout,oom}-* (reproduce: $bin/fuzz_$target FILE)"
    exit 1
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+.*DONE" "$work-$target.log" | sed "s/^/   /" || true
done
echo "fuzzing: 3 passed, 0 failed"
