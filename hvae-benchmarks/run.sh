#!/usr/bin/env bash
# The performance harness, all seven figures: builds the benchmarks jar through the reactor, runs
# figures 1-3 and 2b (java -jar benchmarks.jar), figure 4 (replay.sh), figures 5 and 6 (the
# rate-limited and the dead endpoint), figure 7 (a real llama.cpp server, started by
# integration/llama/with-server.sh when its build is cached), then figure 8 (boundary: the
# verdict's error rates, about 80 s of CPU), and prints the figures with the machine they came
# from. Takes about 12 minutes (figures 1-6 about 9, 7 about 1, 8 about 1.5).
# Usage, from the repository root:
#   hvae-benchmarks/run.sh            (offline Maven; MVN_FLAGS= to let Maven download)
#   hvae-benchmarks/run.sh --quick    (every figure small, in a few minutes: checks the harness,
#                                      its numbers are not the figures; no replay.sh)
# Figure 7: HVAE_BENCH_ENGINE=1 builds the server when it is not cached (6-13 minutes), and
# HVAE_BENCH_ENGINE_SLOTS (4) sets its parallel slots. llama-server splits its context (-c,
# HVAE_LLAMA_CTX, 32768) among the slots: each slot must hold a whole conversation (about 2,000
# tokens with constrained answers).
set -euo pipefail
quick=""
if [[ "${1:-}" == "--quick" ]]; then
  quick="--quick"
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
log="$(mktemp)"
slots_dir=""
trap 'rm -f "$log"; [[ -z "$slots_dir" ]] || rm -rf "$slots_dir"' EXIT

mvn ${MVN_FLAGS--o} -B -q -Dstyle.color=never -pl hvae-benchmarks -am package -DskipTests
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)
java -jar hvae-benchmarks/target/benchmarks.jar $quick efficiency overhead recording calls 2>&1 | tee "$log"
if [[ -z "$quick" ]]; then
  hvae-benchmarks/replay.sh 2>&1 | tee -a "$log"
fi
java -jar hvae-benchmarks/target/benchmarks.jar $quick ratelimited dead 2>&1 | tee -a "$log"
llama_bin="${HVAE_LLAMA_CACHE:-$HOME/.cache/hvae/llama}/node-llama-cpp-${HVAE_NODE_LLAMA_CPP_VERSION:-3.22.1}/bin/llama-server"
if [[ -x "$llama_bin" || -n "${HVAE_BENCH_ENGINE:-}" ]]; then
  slots_dir="$(mktemp -d)"
  # --metrics: the server's own prompt and generation time; --slot-save-path: lets the figure
  # erase every slot's KV cache before each run.
  HVAE_LLAMA_SERVER_ARGS="-np ${HVAE_BENCH_ENGINE_SLOTS:-4} --metrics --slot-save-path $slots_dir ${HVAE_LLAMA_SERVER_ARGS:-}" \
    integration/llama/with-server.sh java -jar hvae-benchmarks/target/benchmarks.jar $quick engine 2>&1 | tee -a "$log"
else
  echo "FIGURE 7 real engine: skipped, no llama.cpp server is built ($llama_bin); HVAE_BENCH_ENGINE=1 builds one" \
    | tee -a "$log"
fi
java -jar hvae-benchmarks/target/benchmarks.jar $quick boundary 2>&1 | tee -a "$log"
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)

echo
echo "=== hvae-benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC') ==="
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | xargs)," \
  "$(java -version 2>&1 | head -1); load average before ${load_before}, after ${load_after}"
grep '^FIGURE' "$log"
echo "FIGURE 8 boundary: $(grep '^max false pass' "$log")"
