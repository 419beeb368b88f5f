#!/usr/bin/env bash
# The performance harness, all seven figures: builds the benchmarks jar through the reactor, runs
# figures 1-3 (java -jar benchmarks.jar), figure 4 (replay.sh), figures 5 and 6 (the rate-limited
# and the dead endpoint), then figure 7 (boundary: the verdict's error rates, about 80 s of CPU),
# and prints the figures with the machine they came from.
# Takes about 9 minutes. Usage, from the repository root:
#   hvae-benchmarks/run.sh            (offline Maven; MVN_FLAGS= to let Maven download)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

mvn ${MVN_FLAGS--o} -B -q -Dstyle.color=never -pl hvae-benchmarks -am package -DskipTests
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)
java -jar hvae-benchmarks/target/benchmarks.jar efficiency overhead recording calls 2>&1 | tee "$log"
hvae-benchmarks/replay.sh 2>&1 | tee -a "$log"
java -jar hvae-benchmarks/target/benchmarks.jar ratelimited dead 2>&1 | tee -a "$log"
java -jar hvae-benchmarks/target/benchmarks.jar boundary 2>&1 | tee -a "$log"
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)

echo
echo "=== hvae-benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC') ==="
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | xargs)," \
  "$(java -version 2>&1 | head -1); load average before ${load_before}, after ${load_after}"
grep '^FIGURE' "$log"
echo "FIGURE 7 boundary: $(grep '^max false pass' "$log")"
