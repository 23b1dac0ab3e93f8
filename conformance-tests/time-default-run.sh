#!/usr/bin/env bash
# Times the default run (embedded reference server, 100 tries, random seed) of the runnable jar.
# Usage: conformance-tests/time-default-run.sh [runs]   (build the jar first: ./mvnw -B -pl conformance-tests -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-3}"
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  java -jar target/conformance.jar --report-dir "target/timed-run-$i" > "target/timed-run-$i.log" 2>&1 || true
  end=$(date +%s.%N)
  printf 'run %d: %s; wall %.1f s\n' "$i" "$(grep -E '^[0-9]+ checks:' "target/timed-run-$i.log")" "$(echo "$end - $start" | bc)"
done
