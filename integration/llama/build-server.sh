#!/usr/bin/env bash
# Builds llama.cpp's llama-server from the source bundled in the npm package
# node-llama-cpp and caches it outside the work tree, keyed by the package version:
#
#   ${HVAE_LLAMA_CACHE:-$HOME/.cache/hvae/llama}/node-llama-cpp-VERSION/
#       bin/llama-server                       (statically linked against ggml/llama)
#       src/gguf-py/                           (Python GGUF writer, for make-tiny-model.py)
#       src/models/ggml-vocab-llama-spm.gguf   (vocabulary for the tiny model)
#
# The only download is `npm pack` from the npm registry. Idempotent: if the cache
# already holds a working binary, nothing is done. The last line on stdout is the
# path of the binary.
#
# Environment:
#   HVAE_LLAMA_CACHE            cache root (default $HOME/.cache/hvae/llama)
#   HVAE_NODE_LLAMA_CPP_VERSION npm package version (default 3.22.1)
#   HVAE_LLAMA_JOBS             parallel build jobs (default 2)
set -euo pipefail

VERSION="${HVAE_NODE_LLAMA_CPP_VERSION:-3.22.1}"
CACHE_ROOT="${HVAE_LLAMA_CACHE:-$HOME/.cache/hvae/llama}"
DEST="$CACHE_ROOT/node-llama-cpp-$VERSION"
BIN="$DEST/bin/llama-server"
JOBS="${HVAE_LLAMA_JOBS:-2}"

log() { echo "[build-server] $*" >&2; }
die() { echo "[build-server] ERROR: $*" >&2; exit 1; }

binary_works() {
  [[ -x "$BIN" ]] || return 1
  "$BIN" --version >/dev/null 2>&1 || return 1
  [[ -d "$DEST/src/gguf-py/gguf" ]] || return 1
  [[ -f "$DEST/src/models/ggml-vocab-llama-spm.gguf" ]] || return 1
}

if binary_works; then
  log "cached build found: $BIN"
  echo "$BIN"
  exit 0
fi

# --- prerequisites -----------------------------------------------------------
missing=()
for tool in npm tar git cmake make g++ gcc; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  pkgs=()
  for t in "${missing[@]}"; do
    case "$t" in
      g++) pkgs+=(g++) ;; gcc|make) pkgs+=(build-essential) ;;
      cmake) pkgs+=(cmake) ;; git) pkgs+=(git) ;; npm) pkgs+=(npm) ;; tar) pkgs+=(tar) ;;
    esac
  done
  die "missing tools: ${missing[*]}. Install with: sudo apt-get install -y $(printf '%s\n' "${pkgs[@]}" | sort -u | tr '\n' ' ')"
fi

mkdir -p "$CACHE_ROOT"
# one build per version at a time: a concurrent caller waits, then finds the cached binary
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE_ROOT/.build-$VERSION.lock"
  if ! flock -n 9; then
    log "another build of $VERSION is running; waiting for it"
    flock 9
  fi
  if binary_works; then
    log "cached build found: $BIN"
    echo "$BIN"
    exit 0
  fi
fi
WORK="$(mktemp -d "$CACHE_ROOT/.build-$VERSION.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

start=$(date +%s)

# --- fetch source -------------------------------------------------------------
log "fetching node-llama-cpp@$VERSION with npm pack (about 36 MB)"
(cd "$WORK" && npm pack --silent "node-llama-cpp@$VERSION" >/dev/null)
TARBALL="$WORK/node-llama-cpp-$VERSION.tgz"
[[ -f "$TARBALL" ]] || die "npm pack did not produce $TARBALL"

log "extracting package/llama/gitRelease.bundle"
tar -xzf "$TARBALL" -C "$WORK" package/llama/gitRelease.bundle package/llama/binariesGithubRelease.json 2>/dev/null \
  || tar -xzf "$TARBALL" -C "$WORK" package/llama/gitRelease.bundle
BUNDLE="$WORK/package/llama/gitRelease.bundle"
[[ -f "$BUNDLE" ]] || die "tarball has no package/llama/gitRelease.bundle"
if [[ -f "$WORK/package/llama/binariesGithubRelease.json" ]]; then
  log "llama.cpp release: $(tr -d '\n ' < "$WORK/package/llama/binariesGithubRelease.json")"
fi

log "cloning the git bundle"
git -c advice.detachedHead=false clone --quiet "$BUNDLE" "$WORK/src"
rm -f "$TARBALL"
SRC="$WORK/src"
[[ -f "$SRC/CMakeLists.txt" ]] || die "cloned bundle has no CMakeLists.txt"

# --- configure ----------------------------------------------------------------
cmake_args=(
  -S "$SRC" -B "$SRC/build"
  -DCMAKE_BUILD_TYPE=Release
  -DBUILD_SHARED_LIBS=OFF
  -DLLAMA_BUILD_TESTS=OFF
  -DLLAMA_BUILD_EXAMPLES=OFF
  -DLLAMA_BUILD_UI=OFF
  -DLLAMA_OPENSSL=OFF
)
# LLAMA_CURL only where it is still a real option (in 3.22.x's llama.cpp it is deprecated/ignored)
if grep -qE '^[[:space:]]*option\([[:space:]]*LLAMA_CURL[[:space:]]' "$SRC/CMakeLists.txt"; then
  cmake_args+=(-DLLAMA_CURL=OFF)
fi
log "configuring: cmake ${cmake_args[*]:4}"
cmake "${cmake_args[@]}" >"$WORK/cmake-configure.log" 2>&1 \
  || { tail -n 40 "$WORK/cmake-configure.log" >&2; die "cmake configure failed"; }

# --- build --------------------------------------------------------------------
log "building target llama-server with -j$JOBS (about 10 minutes on 2 cores)"
if ! cmake --build "$SRC/build" --config Release --target llama-server -j "$JOBS" >"$WORK/cmake-build.log" 2>&1; then
  tail -n 60 "$WORK/cmake-build.log" >&2
  die "build failed"
fi
BUILT="$SRC/build/bin/llama-server"
[[ -x "$BUILT" ]] || BUILT="$(find "$SRC/build" -type f -name llama-server -perm -u+x | head -n 1)"
[[ -n "$BUILT" && -x "$BUILT" ]] || die "build finished but no llama-server binary found"

# --- install into the cache (atomically) --------------------------------------
STAGE="$WORK/stage"
mkdir -p "$STAGE/bin" "$STAGE/src/models"
cp "$BUILT" "$STAGE/bin/llama-server"
# copy any non-system shared libraries from the build tree (none expected with a static build)
while read -r lib; do
  case "$lib" in "$SRC"/*) cp "$lib" "$STAGE/bin/"; log "bundled shared lib $(basename "$lib")" ;; esac
done < <(ldd "$BUILT" 2>/dev/null | awk '/=>/ {print $3}')
if ldd "$BUILT" 2>/dev/null | grep -q 'not found'; then
  ldd "$BUILT" >&2
  die "llama-server has unresolved shared libraries"
fi
cp -r "$SRC/gguf-py" "$STAGE/src/gguf-py"
cp "$SRC/models/ggml-vocab-llama-spm.gguf" "$STAGE/src/models/"
cp "$SRC/LICENSE" "$STAGE/src/LICENSE" 2>/dev/null || true
git -C "$SRC" log -1 --format='%H %cd' > "$STAGE/src/COMMIT" 2>/dev/null || true
echo "$VERSION" > "$STAGE/NODE_LLAMA_CPP_VERSION"
(cd "$STAGE" && LD_LIBRARY_PATH="$STAGE/bin${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" ./bin/llama-server --version) >&2 2>&1 \
  || die "freshly built llama-server does not run"

rm -rf "$DEST"
mv "$STAGE" "$DEST"

log "done in $(( ($(date +%s) - start) / 60 )) min $(( ($(date +%s) - start) % 60 )) s"
log "cached build: $BIN"
echo "$BIN"
