#!/usr/bin/env bash
# Runs a command with a local llama-server up:  with-server.sh CMD [ARGS...]
#
# Starts the server (start-server.sh) with a private pid file, exports
# HVAE_LLAMA_BASE_URL (http://127.0.0.1:PORT/v1), runs CMD, and stops the server on
# every exit path (normal exit, failure, Ctrl-C, SIGTERM). Exits with CMD's exit code.
# Example:  integration/llama/with-server.sh mvn -q verify -Pllama
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if (($# == 0)); then
  echo "usage: $(basename "$0") CMD [ARGS...]" >&2
  exit 2
fi

RUN_TMP="$(mktemp -d "${TMPDIR:-/tmp}/hvae-llama.XXXXXX")"
export HVAE_LLAMA_PIDFILE="$RUN_TMP/llama-server.pid"

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  "$HERE/stop-server.sh" || true
  rm -rf "$RUN_TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT    # while the server is starting
trap 'exit 143' TERM

out="$("$HERE/start-server.sh")"
HVAE_LLAMA_BASE_URL="$(printf '%s\n' "$out" | sed -n 's/^HVAE_LLAMA_BASE_URL=//p' | tail -n 1)"
[[ -n "$HVAE_LLAMA_BASE_URL" ]] || { echo "[with-server] start-server.sh printed no URL" >&2; exit 1; }
export HVAE_LLAMA_BASE_URL
echo "[with-server] HVAE_LLAMA_BASE_URL=$HVAE_LLAMA_BASE_URL" >&2

# Run CMD as a child so that SIGTERM/SIGINT sent to this script can be forwarded to it
# (async children of a script ignore SIGINT, hence SIGTERM for both) and the server is
# stopped right after CMD ends. stdin is passed through explicitly.
child=""
got=""
forward() { got="$1"; [[ -n "$child" ]] && kill -TERM "$child" 2>/dev/null; return 0; }
trap 'forward INT' INT
trap 'forward TERM' TERM
set +e
"$@" <&0 &
child=$!
while kill -0 "$child" 2>/dev/null; do wait "$child"; done
wait "$child"
rc=$?
set -e
# killed by the SIGTERM we forwarded for a SIGINT: report it as an interrupt
[[ "$got" == INT && "$rc" == 143 ]] && rc=130
exit "$rc"
