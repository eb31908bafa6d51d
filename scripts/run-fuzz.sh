#!/usr/bin/env bash
# Runs every libFuzzer harness built in BUILD_DIR (make fuzz) for SECONDS each, on a working
# corpus seeded from the shipped files (the source tree is only read), and prints each
# harness's executions. Exits non-zero at the first harness that crashed, naming the input.
set -euo pipefail
build=${1:?build dir}
seconds=${2:-60}
status=0
while read -r harness seeds; do
  [ -n "$harness" ] || continue
  exe="$build/tests/fuzz/fuzz_$harness"
  work="$build/corpus/$harness"
  crashes="$build/crashes/$harness/"
  mkdir -p "$work" "$crashes"
  log="$build/fuzz-$harness.log"
  # shellcheck disable=SC2086  # $seeds is a list of folders
  if "$exe" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
       -artifact_prefix="$crashes" -print_final_stats=1 "$work" $seeds >"$log" 2>&1; then
    runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' || echo 0)
    echo "fuzz $harness: $runs executions in ${seconds} s, no crash"
  else
    echo "fuzz $harness: FAILED — input saved under $crashes (add it to tests/fuzz/regressions/$harness/)"
    tail -40 "$log"
    status=1
  fi
done < "$build/fuzz-seeds.txt"
exit $status
