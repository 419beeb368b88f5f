#!/usr/bin/env bash
# Figure 4, replay speed: the four-value sample suite (InducedValuesTest: ALTRUISTIC, PROSOCIAL,
# INDIVIDUALISTIC, COMPETITIVE, 10 samples each) recorded once into a temporary cassette
# directory, then replayed; prints the whole Maven run's wall time and the time inside the test
# JVM (Surefire's elapsed for the suite, and the sum of the evaluations' durationMs).
#
# Run from anywhere: hvae-benchmarks/replay.sh   (MVN_FLAGS="-o" by default; set MVN_FLAGS= to go online)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cassettes="$(mktemp -d)"
trap 'rm -rf "$cassettes"' EXIT
flags=(${MVN_FLAGS--o} -B -q -Dstyle.color=never -pl hvae-junit,sample-tests -Psamples
  -Dtest=InducedValuesTest -Dsurefire.failIfNoSpecifiedTests=false -Dhvae.cassette-dir="$cassettes")

echo "Figure 4, replay speed: recording the four-value sample suite into $cassettes"
mvn "${flags[@]}" test -Dhvae.cassette=record > "$cassettes/record.log" 2>&1 \
  || { cat "$cassettes/record.log"; exit 1; }
recorded=$(find "$cassettes" -name '*.json' | wc -l)
echo "  recorded $recorded cassettes"

runs=${REPLAY_RUNS:-3}
best=""
for i in $(seq 1 "$runs"); do
  report="sample-tests/target/hvae/hvae-report.json"
  rm -f "$report"
  started=$(date +%s%N)
  mvn "${flags[@]}" test -Dhvae.cassette=replay > "$cassettes/replay.log" 2>&1 \
    || { cat "$cassettes/replay.log"; exit 1; }
  wall_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  # The report's first durationMs is the run's (first evaluation started to last finished), then
  # one per evaluation.
  durations=$(grep -o '"durationMs" *: *[0-9]*' "$report" | grep -o '[0-9]*$')
  run_ms=$(head -1 <<< "$durations")
  evaluations=$(tail -n +2 <<< "$durations" | wc -l)
  duration_sum=$(tail -n +2 <<< "$durations" | awk '{s += $1} END {print s}')
  surefire_s=$(grep -o 'testsuite [^>]*time="[0-9.]*"' \
    sample-tests/target/surefire-reports/TEST-com.example.alignment.InducedValuesTest.xml \
    | grep -o 'time="[0-9.]*"' | head -1 | grep -o '[0-9.]*')
  echo "  replay $i: Maven run ${wall_ms} ms wall; in the test JVM: suite ${surefire_s} s (Surefire)," \
    "run ${run_ms} ms (report's run.durationMs), $evaluations evaluations of ${duration_sum} ms together" \
    "(durationMs, concurrent)"
  if [[ -z "$best" || "$wall_ms" -lt "${best%% *}" ]]; then
    best="$wall_ms $surefire_s $run_ms $duration_sum $evaluations"
  fi
done
# Maven's own floor for these two modules: start, read the POMs, no compiling, no tests.
started=$(date +%s%N)
mvn ${MVN_FLAGS--o} -B -q -Dstyle.color=never -pl hvae-junit,sample-tests validate > /dev/null 2>&1
floor_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "  mvn validate on the same modules (Maven starting, nothing built): ${floor_ms} ms"
read -r wall suite run sum n <<< "$best"
echo "FIGURE 4 replay speed (best of $runs): whole Maven run ${wall} ms (Maven alone ${floor_ms} ms); inside the test JVM" \
  "${suite} s for the suite (Surefire), ${run} ms from first evaluation to last, ${n} evaluations" \
  "of ${sum} ms together"
