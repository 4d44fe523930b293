#!/usr/bin/env bash
# Runs each fuzz target for FUZZ_SECONDS (default 30) from its seeds and the corpus it grew
# before; a crash is kept in Fuzz/regressions/TARGET/, where the test suite replays it ever after.
# FUZZ_SEED fixes libFuzzer's random seed (0, the default, picks one), so a short run in
# `make test` is the same run every time.
# Prints the executions per target; exits non-zero if any target crashed.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-30}
status=0
total=0
for target in money dates bank csv playbook; do
  corpus=.build/fuzz/corpus-$target
  mkdir -p "$corpus"
  log=.build/fuzz/$target.log
  # TOMLKit leaks on every parse (its error pointer, among others, is never freed): not ours, and
  # harmless in a process that reads one playbook, so leak checks are off for that target and it
  # may grow past libFuzzer's usual 2 GB.
  leaks=1 memory=2048
  [ "$target" = playbook ] && leaks=0 memory=8192
  ASAN_OPTIONS=detect_leaks=$leaks .build/fuzz/fuzz-$target "$corpus" Fuzz/seeds/$target \
    -max_total_time="$SECONDS_PER_TARGET" -seed="${FUZZ_SEED:-0}" -max_len=65536 -rss_limit_mb=$memory \
    -print_final_stats=1 -artifact_prefix=Fuzz/regressions/$target/ > "$log" 2>&1
  result=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  total=$((total + ${runs:-0}))
  if [ $result -eq 0 ]; then
    echo "fuzz $target: ${runs:-0} executions, no crash"
  else
    echo "fuzz $target: CRASH after ${runs:-?} executions, input kept in Fuzz/regressions/$target/ (see $log)"
    status=1
  fi
done
echo "fuzz: $total executions in all"
exit $status
