#!/usr/bin/env bash
# Stops the llama-server started by start-server.sh, using its pid file
# ($HVAE_LLAMA_PIDFILE, default $HVAE_LLAMA_CACHE/run/llama-server.pid).
# Succeeds if nothing is running. Only kills the pid if it is a llama-server.
set -euo pipefail
# shellcheck source=common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

log() { echo "[stop-server] $*" >&2; }
URLFILE="${LLAMA_PIDFILE%.pid}.url"

if [[ ! -f "$LLAMA_PIDFILE" ]]; then
  log "no pid file at $LLAMA_PIDFILE; nothing to stop"
  exit 0
fi
pid="$(cat "$LLAMA_PIDFILE" 2>/dev/null || true)"
if ! llama_pid_is_server "$pid"; then
  log "pid ${pid:-?} is not a running llama-server; removing stale pid file"
  rm -f "$LLAMA_PIDFILE" "$URLFILE"
  exit 0
fi
kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.2
done
if kill -0 "$pid" 2>/dev/null; then
  log "pid $pid did not stop after SIGTERM; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$LLAMA_PIDFILE" "$URLFILE"
log "stopped llama-server (pid $pid)"
