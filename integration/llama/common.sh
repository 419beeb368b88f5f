# Shared settings for the llama-server scripts (sourced, not executed).
# shellcheck shell=bash
HVAE_NODE_LLAMA_CPP_VERSION="${HVAE_NODE_LLAMA_CPP_VERSION:-3.22.1}"
export HVAE_NODE_LLAMA_CPP_VERSION
LLAMA_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LLAMA_CACHE_ROOT="${HVAE_LLAMA_CACHE:-$HOME/.cache/hvae/llama}"
LLAMA_DEST="$LLAMA_CACHE_ROOT/node-llama-cpp-$HVAE_NODE_LLAMA_CPP_VERSION"
LLAMA_BIN="$LLAMA_DEST/bin/llama-server"
LLAMA_PIDFILE="${HVAE_LLAMA_PIDFILE:-$LLAMA_CACHE_ROOT/run/llama-server.pid}"

# A python3 that can import numpy (needed by make-tiny-model.py).
llama_find_python() {
  local py
  for py in ${HVAE_PYTHON:-} python3 /usr/bin/python3 "$HOME/.pyenv/shims/python3" python; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import numpy' >/dev/null 2>&1; then
      command -v "$py"; return 0
    fi
  done
  return 1
}

# True if $1 is a live process whose command line mentions llama-server.
llama_pid_is_server() {
  local pid="$1"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'llama-server'
}
