# shellcheck shell=bash
# Helpers shared by dev/stack and dev/test. Source after setting ROOT (the repository root).

: "${ROOT:?ROOT must be set to the repository root}"
LOCAL_DIR="${ESG_LOCAL_DIR:-$ROOT/.local}"
DIST_DIR="$ROOT/.local/dist"     # unpacked server distributions, shared by the stack and the tests

info()  { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
warn()  { printf '\033[1;33mwarning:\033[0m %s\n' "$*" >&2; }
fail()  { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# mvnw with the JDK found by find_jdk; quiet, batch mode.
mvnw() { "$ROOT/mvnw" -q -B "$@"; }

# A version pinned in the root pom, e.g. pom_property elasticsearch.version
pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1
}

# Fails with the name of the process holding a TCP port on 127.0.0.1, if any.
require_free_port() {
  local port=$1 what=$2 holder
  if port_in_use "$port"; then
    holder=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*users:((\("[^"]*",pid=[0-9]*\).*/\1/p' | head -n 1)
    fail "port $port (for $what) is already in use${holder:+ by $holder}. Stop that process or set another port (see README)."
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# A free TCP port on loopback, at or above $1.
free_port() {
  local port=${1:-20000}
  while port_in_use "$port"; do port=$((port + 1)); done
  printf '%s' "$port"
}

# wait_http URL SECONDS LOGFILE PID [what] — waits for a 2xx answer; fails with the log path otherwise.
wait_http() {
  local url=$1 seconds=$2 log=$3 pid=$4 what=${5:-$1} i
  for ((i = 0; i < seconds * 2; i++)); do
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
      return 0
    fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      fail "$what exited while starting. Its log: $log"
    fi
    sleep 0.5
  done
  fail "$what did not become ready within ${seconds}s ($url). Its log: $log"
}

# Stops a process we started (by the PID we recorded), politely first.
stop_pid() {
  local pid=$1 i
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
}

# Downloads (through Maven, so from Maven Central and cached in ~/.m2) and unpacks a zip distribution
# once. Prints the unpacked folder. Args: groupId artifactId version
unpack_distribution() {
  local group=$1 artifact=$2 version=$3 target="$DIST_DIR/$2-$3" zip
  if [ ! -f "$target/.unpacked" ]; then
    mkdir -p "$DIST_DIR"
    mvnw org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy \
      -Dartifact="$group:$artifact:$version:zip" -DoutputDirectory="$DIST_DIR" -Dmdep.overWriteIfNewer=true >&2 \
      || fail "could not download $group:$artifact:$version from Maven Central"
    zip="$DIST_DIR/$artifact-$version.zip"
    rm -rf "$target.tmp" && mkdir -p "$target.tmp"
    unzip -q "$zip" -d "$target.tmp" || fail "could not unpack $zip (is unzip installed?)"
    rm -rf "$target"
    # the zips hold one top-level folder
    mv "$target.tmp"/*/ "$target"
    rm -rf "$target.tmp" "$zip"
    touch "$target/.unpacked"
  fi
  printf '%s' "$target"
}
