# shellcheck shell=bash
# Elasticsearch for development and tests, without Docker: the integ-test-zip distribution from Maven
# Central plus our es-analysis-plugin (the analysis components the official distribution's analysis-common
# module would provide). Sourced by dev/stack and dev/test after dev/lib/common.sh and dev/lib/jdk.sh
# (and after find_jdk: Elasticsearch needs Java 21+, which it takes from ES_JAVA_HOME, not JAVA_HOME).
#
#   es_prepare                                    unpack the distribution once, build + install the plugin
#   es_start PORT DATA_DIR LOG_FILE PID_FILE      start a single-node cluster on 127.0.0.1:PORT, wait for it
#   es_stop PID_FILE                              stop it
#
# Several nodes (the local stack, the tests) can run from the one unpacked distribution at the same time:
# each gets its own copy of config/ (ES_PATH_CONF) and its own data, logs and temporary folders in DATA_DIR.

ES_USER=esgone                                   # Elasticsearch refuses to run as root
ES_PLUGIN_NAME=esg-analysis
ES_PLUGIN_MODULE=es-analysis-plugin

# Unpacks the distribution (once) into $DIST_DIR, builds the plugin zip when it is missing or older than its
# sources, and (re)installs it into the distribution when the zip changed. Sets and exports ES_DIST.
es_prepare() {
  local version lock
  version=$(pom_property elasticsearch.version)
  [ -n "$version" ] || fail "no elasticsearch.version in $ROOT/pom.xml"
  mkdir -p "$DIST_DIR"
  lock="$DIST_DIR/.elasticsearch.lock"
  # dev/stack and dev/test may prepare at the same time: one at a time (the lock goes with the subshell)
  (
    flock -w 600 9 || fail "timed out waiting for $lock"
    es_prepare_locked "$version"
  ) 9>"$lock" || exit 1
  ES_DIST="$DIST_DIR/elasticsearch-$version"
  export ES_DIST
}

es_prepare_locked() {
  local version=$1 dist zip sum marker
  dist=$(unpack_distribution org.elasticsearch.distribution.integ-test-zip elasticsearch "$version") || exit 1

  zip=$(es_plugin_zip)
  if [ -z "$zip" ] || [ -n "$(find "$ROOT/$ES_PLUGIN_MODULE/pom.xml" "$ROOT/$ES_PLUGIN_MODULE/src" -newer "$zip" -print -quit)" ] \
     || ! unzip -p "$zip" plugin-descriptor.properties | grep -qx "elasticsearch.version=$version"; then
    info "building the Elasticsearch analysis plugin ($ES_PLUGIN_MODULE)"
    # the module's own pom (its parent is found through ../pom.xml): a sibling module being edited cannot break this
    mvnw -f "$ROOT/$ES_PLUGIN_MODULE/pom.xml" package -DskipTests >&2 \
      || fail "could not build $ES_PLUGIN_MODULE (run: ./mvnw -pl $ES_PLUGIN_MODULE package)"
    zip=$(es_plugin_zip)
    [ -n "$zip" ] || fail "the build of $ES_PLUGIN_MODULE made no zip in $ES_PLUGIN_MODULE/target"
    # Maven leaves an unchanged jar and zip as they were (old mtime): mark the zip as built from these sources
    touch "$zip"
  fi

  # the checksum of the installed zip lives beside the distribution, not inside the plugin's folder
  sum=$(sha256sum "$zip" | cut -d' ' -f1)
  marker="$dist/.$ES_PLUGIN_NAME.sha256"
  if [ ! -d "$dist/plugins/$ES_PLUGIN_NAME" ] || [ "$(cat "$marker" 2>/dev/null)" != "$sum" ]; then
    info "installing the $ES_PLUGIN_NAME plugin into $dist"
    rm -f "$marker"
    if [ -d "$dist/plugins/$ES_PLUGIN_NAME" ]; then
      ES_JAVA_HOME="$JAVA_HOME" JAVA_HOME='' "$dist/bin/elasticsearch-plugin" remove --purge "$ES_PLUGIN_NAME" >&2 \
        || rm -rf "${dist:?}/plugins/$ES_PLUGIN_NAME"
    fi
    ES_JAVA_HOME="$JAVA_HOME" JAVA_HOME='' "$dist/bin/elasticsearch-plugin" install --batch "file://$zip" >&2 \
      || fail "could not install $zip into $dist"
    printf '%s\n' "$sum" >"$marker"
  fi
}

# The newest plugin zip the build made, if any.
es_plugin_zip() {
  ls -t "$ROOT/$ES_PLUGIN_MODULE"/target/*.zip 2>/dev/null | head -n 1
}

# Creates the unprivileged system user that runs Elasticsearch when we are root.
es_ensure_user() {
  id -u "$ES_USER" >/dev/null 2>&1 && return 0
  info "creating the system user $ES_USER (Elasticsearch refuses to run as root)"
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER" \
    || fail "could not create the system user $ES_USER"
}

# es_start PORT DATA_DIR LOG_FILE PID_FILE — starts a single-node cluster in the background on 127.0.0.1:PORT,
# records its PID and waits (up to 120 s) for the cluster to be at least yellow.
# es_open_path PATH... — lets the Elasticsearch user pass through (o+x, not list) the folders above each PATH that
# belong to us and keep others out; folders of other owners are left as they are (the check after it names them).
es_open_path() {
  local dir
  for dir in "$@"; do
    while [ "$dir" != / ] && [ -n "$dir" ]; do
      dir=$(dirname "$dir")
      if [ -O "$dir" ] && [ -z "$(find "$dir" -maxdepth 0 -perm -o+x)" ]; then
        warn "letting $ES_USER pass through $dir (chmod o+x) to reach Elasticsearch's files"
        chmod o+x "$dir"
      fi
    done
  done
}

es_start() {
  local port=$1 data=$2 log=$3 pidfile=$4 transport conf pid start
  [ $# -eq 4 ] || fail "usage: es_start PORT DATA_DIR LOG_FILE PID_FILE"
  [ -n "${ES_DIST:-}" ] && [ -x "$ES_DIST/bin/elasticsearch" ] || es_prepare
  [ -n "${JAVA_HOME:-}" ] || fail "es_start: JAVA_HOME is not set (call find_jdk first)"
  require_free_port "$port" "Elasticsearch"
  transport=$(free_port $((port + 100)))

  mkdir -p "$data" "$(dirname "$log")" "$(dirname "$pidfile")"
  data=$(cd "$data" && pwd)
  conf="$data/config"
  # A config folder per node, copied from the pristine one in the distribution: Elasticsearch writes into
  # its config folder (keystore, and security auto-configuration if it is not told the security setting).
  if [ ! -f "$conf/elasticsearch.yml" ] || [ "$(cat "$conf/.copied-from" 2>/dev/null)" != "$ES_DIST" ]; then
    rm -rf "$conf" && cp -R "$ES_DIST/config" "$conf"
    printf '%s\n' "$ES_DIST" >"$conf/.copied-from"
    # the distribution's jvm.options name the GC log and the crash file relative to the working folder
    # (the distribution, which the node's user cannot write): put them with the node's logs
    sed -i -e "s|file=gc.log|file=$data/logs/gc.log|" -e "s|ErrorFile=hs_err|ErrorFile=$data/logs/hs_err|" \
      "$conf/jvm.options"
  fi
  mkdir -p "$data/data" "$data/logs" "$data/tmp"

  local -a run=()
  if [ "$(id -u)" -eq 0 ]; then
    es_ensure_user
    chown -R "$ES_USER:$ES_USER" "$data"
    # every folder above DATA_DIR and the JDK must be reachable by that user: a checkout in a private folder of ours
    # (mktemp -d, /root) gets a pass-through (o+x, not a listing) on the folders on the way
    es_open_path "$data" "$ES_DIST" "$JAVA_HOME"
    setpriv --reuid="$ES_USER" --regid="$ES_USER" --init-groups -- test -r "$conf/jvm.options" -a -x "$JAVA_HOME/bin/java" -a -r "$ES_DIST/lib" \
      || fail "user $ES_USER cannot reach $data, $ES_DIST or $JAVA_HOME (a folder on the way is not world-readable)"
    # setpriv (util-linux, like runuser) execs in place, so the PID we record is Elasticsearch's own
    # launcher: runuser would stay in between as a parent and SIGKILL the node 2 s after forwarding a SIGTERM
    run=(setpriv --reuid="$ES_USER" --regid="$ES_USER" --init-groups --)
  fi

  info "starting Elasticsearch on 127.0.0.1:$port (transport $transport, data $data, log $log)"
  start=$(date +%s)
  # xpack.security.enabled is passed on every start: without it, the first start auto-configures
  # security (TLS, passwords) into the config folder.
  ES_JAVA_HOME="$JAVA_HOME" JAVA_HOME='' ES_PATH_CONF="$conf" ES_TMPDIR="$data/tmp" \
  ES_JAVA_OPTS="-Xms512m -Xmx512m -XX:HeapDumpPath=$data/logs ${ES_EXTRA_JAVA_OPTS:-}" \
    "${run[@]}" "$ES_DIST/bin/elasticsearch" \
      -E discovery.type=single-node \
      -E cluster.name=esgone-dev \
      -E node.name="esgone-$port" \
      -E network.host=127.0.0.1 \
      -E http.port="$port" \
      -E transport.port="$transport" \
      -E path.data="$data/data" \
      -E path.logs="$data/logs" \
      -E xpack.security.enabled=false \
      -E xpack.ml.enabled=false \
      -E cluster.routing.allocation.disk.threshold_enabled=false \
      </dev/null >"$log" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$pidfile"
  # (GET / answers 405 on this distribution.) On a time-out, stop the node rather than leave it behind.
  if ! (wait_http "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=1s" 120 "$log" "$pid" \
          "Elasticsearch (127.0.0.1:$port)"); then
    stop_pid "$pid"
    rm -f "$pidfile"
    exit 1
  fi
  info "Elasticsearch is up on http://127.0.0.1:$port after $(( $(date +%s) - start ))s"
}

# es_stop PID_FILE — stops the node started by es_start (politely, then by force after 30 s).
es_stop() {
  local pidfile=$1 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  stop_pid "$pid"
  rm -f "$pidfile"
}

# es_delete_indexes URL PREFIX — deletes the indexes whose names start with PREFIX (a benchmark's, on an
# Elasticsearch it did not start); one by one, as Elasticsearch refuses wildcard deletes by default.
es_delete_indexes() {
  local url=$1 prefix=$2 index
  [ -n "$url" ] && [ -n "$prefix" ] || return 0
  for index in $(curl -fsS --max-time 10 "$url/_cat/indices/$prefix*?h=index" 2>/dev/null); do
    case "$index" in "$prefix"*) curl -fsS --max-time 30 -X DELETE "$url/$index" >/dev/null 2>&1 || true ;; esac
  done
}
