#!/usr/bin/env bash
# Starts a local llama-server with a tiny random-weight llama model, for integration tests.
#
# Builds llama-server (build-server.sh) and the tiny model (make-tiny-model.py) first if
# they are not cached yet, picks a free port (or $HVAE_LLAMA_PORT), starts the server in
# the background, waits until it answers, and writes its pid to the pid file.
#
# stdout (eval-friendly; the last line is always the base URL):
#   HVAE_LLAMA_PIDFILE=/path/to/llama-server.pid
#   HVAE_LLAMA_BASE_URL=http://127.0.0.1:PORT/v1
#
# Environment:
#   HVAE_LLAMA_PORT         fixed port (default: a free one)
#   HVAE_LLAMA_PIDFILE      pid file (default $HVAE_LLAMA_CACHE/run/llama-server.pid);
#                           the log is written next to it (*.log), the URL to *.url
#   HVAE_LLAMA_MODEL        serve this GGUF instead of the tiny model
#   HVAE_LLAMA_CTX          context size (default 32768, shared by the 4 slots)
#   HVAE_LLAMA_N_PREDICT    tokens a request may generate when it sends no max_tokens
#                           (default 128: the random model never ends a free-text answer
#                           on its own; -1 = until the context is full)
#   HVAE_LLAMA_THREADS      threads (default 2)
#   HVAE_LLAMA_READY_TIMEOUT seconds to wait for readiness (default 60)
#   HVAE_LLAMA_SERVER_ARGS  extra arguments for llama-server (word-split)
#   HVAE_LLAMA_CACHE, HVAE_NODE_LLAMA_CPP_VERSION, HVAE_PYTHON: see build-server.sh
set -euo pipefail
# shellcheck source=common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"

log() { echo "[start-server] $*" >&2; }
die() { echo "[start-server] ERROR: $*" >&2; exit 1; }

command -v curl >/dev/null 2>&1 || die "curl is missing. Install with: sudo apt-get install -y curl"

RUN_DIR="$(dirname "$LLAMA_PIDFILE")"
mkdir -p "$RUN_DIR"
LOGFILE="${LLAMA_PIDFILE%.pid}.log"
URLFILE="${LLAMA_PIDFILE%.pid}.url"

# --- already running with this pid file? ---------------------------------------
if [[ -f "$LLAMA_PIDFILE" ]]; then
  old_pid="$(cat "$LLAMA_PIDFILE" 2>/dev/null || true)"
  if llama_pid_is_server "$old_pid" && [[ -f "$URLFILE" ]]; then
    url="$(cat "$URLFILE")"
    if curl -sf -o /dev/null --max-time 5 "${url%/v1}/health"; then
      log "llama-server already running (pid $old_pid) at $url"
      echo "HVAE_LLAMA_PIDFILE=$LLAMA_PIDFILE"
      echo "HVAE_LLAMA_BASE_URL=$url"
      exit 0
    fi
  fi
  log "removing stale pid file $LLAMA_PIDFILE"
  rm -f "$LLAMA_PIDFILE" "$URLFILE"
fi

# --- binary and model -------------------------------------------------------------
"$LLAMA_SCRIPTS_DIR/build-server.sh" >/dev/null

if [[ -n "${HVAE_LLAMA_MODEL:-}" ]]; then
  MODEL="$HVAE_LLAMA_MODEL"
  [[ -f "$MODEL" ]] || die "HVAE_LLAMA_MODEL=$MODEL does not exist"
else
  # keyed by the generator's content, so a changed generator produces a new model
  gen="$LLAMA_SCRIPTS_DIR/make-tiny-model.py"
  key="$(sha256sum "$gen" | cut -c1-12)"
  MODEL="$LLAMA_DEST/models/hvae-tiny-$key.gguf"
  if [[ ! -s "$MODEL" ]]; then
    PY="$(llama_find_python)" || die "no python3 with numpy found (set HVAE_PYTHON, or: sudo apt-get install -y python3-numpy)"
    log "generating tiny model $MODEL"
    t0=$(date +%s.%N)
    "$PY" "$gen" "$MODEL" >/dev/null
    log "model generated in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
    # drop models written by earlier versions of the generator
    find "$(dirname "$MODEL")" -maxdepth 1 -name 'hvae-tiny-*.gguf' ! -name "$(basename "$MODEL")" -delete 2>/dev/null || true
  fi
fi

# --- start ------------------------------------------------------------------------
pick_port() {
  if [[ -n "${HVAE_LLAMA_PORT:-}" ]]; then echo "$HVAE_LLAMA_PORT"; return; fi
  local py
  py="$(command -v python3 || command -v /usr/bin/python3 || true)"
  if [[ -n "$py" ]]; then
    "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
  else
    local p
    for _ in $(seq 50); do
      p=$(( 20000 + RANDOM % 40000 ))
      (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
    done
    return 1
  fi
}

CTX="${HVAE_LLAMA_CTX:-32768}"
N_PREDICT="${HVAE_LLAMA_N_PREDICT:-128}"
THREADS="${HVAE_LLAMA_THREADS:-2}"
TIMEOUT="${HVAE_LLAMA_READY_TIMEOUT:-60}"
# shellcheck disable=SC2206
EXTRA=(${HVAE_LLAMA_SERVER_ARGS:-})

SETSID=""
command -v setsid >/dev/null 2>&1 && SETSID="setsid"

attempts=3
[[ -n "${HVAE_LLAMA_PORT:-}" ]] && attempts=1
for attempt in $(seq "$attempts"); do
  PORT="$(pick_port)" || die "could not find a free port"
  BASE="http://127.0.0.1:$PORT"
  log "starting llama-server on $BASE (model $(basename "$MODEL"), log $LOGFILE)"
  t0=$(date +%s.%N)
  # own session (setsid): a Ctrl-C meant for the caller's foreground job does not hit the
  # server; it runs until stop-server.sh. (setsid execs in place here, so $! is the server.)
  $SETSID nohup "$LLAMA_BIN" -m "$MODEL" --host 127.0.0.1 --port "$PORT" -c "$CTX" -n "$N_PREDICT" -t "$THREADS" \
    --no-webui --no-jinja ${EXTRA[@]+"${EXTRA[@]}"} >"$LOGFILE" 2>&1 </dev/null &
  PID=$!
  echo "$PID" > "$LLAMA_PIDFILE"

  deadline=$(( $(date +%s) + TIMEOUT ))
  ready=0
  while (( $(date +%s) < deadline )); do
    if ! kill -0 "$PID" 2>/dev/null; then break; fi
    if curl -sf -o /dev/null --max-time 2 "$BASE/health" \
       && curl -sf -o /dev/null --max-time 2 "$BASE/v1/models"; then
      ready=1; break
    fi
    sleep 0.2
  done
  if (( ready )); then
    echo "$BASE/v1" > "$URLFILE"
    log "ready in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s (pid $PID)"
    echo "HVAE_LLAMA_PIDFILE=$LLAMA_PIDFILE"
    echo "HVAE_LLAMA_BASE_URL=$BASE/v1"
    exit 0
  fi

  if kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    sleep 1
    kill -9 "$PID" 2>/dev/null || true
    rm -f "$LLAMA_PIDFILE"
    echo "----- last lines of $LOGFILE -----" >&2; tail -n 30 "$LOGFILE" >&2
    die "llama-server did not become ready within ${TIMEOUT}s"
  fi
  rm -f "$LLAMA_PIDFILE"
  if (( attempt < attempts )) && grep -qiE 'bind|address already in use|couldn.t bind' "$LOGFILE"; then
    log "port $PORT was taken, retrying with another port"
    continue
  fi
  echo "----- last lines of $LOGFILE -----" >&2; tail -n 30 "$LOGFILE" >&2
  die "llama-server exited during startup"
done
die "llama-server could not be started"
