# shellcheck shell=bash
# Keycloak (Quarkus distribution from Maven Central) for the local stack and the tests.
# Source after dev/lib/common.sh and dev/lib/jdk.sh (find_jdk must have run: the build and Keycloak use JAVA_HOME).
#
#   kc_prepare                                                   unpack once, `kc.sh build` once (prints the home folder)
#   kc_start HTTP_PORT MGMT_PORT DATA_DIR LOG_FILE PID_FILE      start, import the realm if new, wait until ready
#   kc_stop PID_FILE                                             stop what kc_start started
#
# One distribution folder (.local/dist/keycloak-quarkus-dist-<version>) is shared by the stack and the tests;
# everything that changes at run time (H2 database, imported realm file, transaction log, temp files) lives in
# DATA_DIR, so two Keycloaks (stack + tests) can run side by side from the same folder on different ports.

KC_REALM_FILE="${KC_REALM_FILE:-$ROOT/devstack/keycloak/esg-one-realm.json}"
KC_REALM="esg-one"
# Build-time options for `start --optimized`. Organizations are a default feature in 26.x.
KC_BUILD_OPTIONS=(--db=dev-file --health-enabled=true)
# What the build must have persisted for those options (checked, so a `start-dev` or another build is noticed).
KC_BUILD_PERSISTED=$'kc.db=dev-file\nkc.health-enabled=true\nkc.optimized=true\nkc.profile=prod'

# The build options persisted in the distribution ("kc.*" lines, sorted), or nothing when not built.
_kc_persisted() {
  unzip -p "$1/lib/quarkus/generated-bytecode.jar" META-INF/keycloak-persisted.properties 2>/dev/null \
    | grep '^kc\.' | LC_ALL=C sort
}

# Unpacks the distribution once and runs the one-time `kc.sh build` when it is not built with KC_BUILD_OPTIONS.
# Serialised with a lock: dev/stack and dev/test may prepare at the same time. Prints the Keycloak home folder.
kc_prepare() {
  local version home lock
  version=$(pom_property keycloak.version)
  [ -n "$version" ] || fail "keycloak.version is not set in $ROOT/pom.xml"
  mkdir -p "$DIST_DIR"
  lock="$DIST_DIR/.keycloak-$version.lock"
  (
    flock -w 900 9 || fail "timed out waiting for another Keycloak preparation (lock $lock)"
    home=$(unpack_distribution org.keycloak keycloak-quarkus-dist "$version")
    [ -x "$home/bin/kc.sh" ] || fail "$home/bin/kc.sh is missing: delete $home and run again"
    if [ "$(_kc_persisted "$home")" != "$KC_BUILD_PERSISTED" ]; then
      info "building Keycloak $version for start --optimized (once, 20-50 s)" >&2
      # (a Keycloak running from this folder would be disturbed by a rebuild: it only happens when options change)
      "$home/bin/kc.sh" build "${KC_BUILD_OPTIONS[@]}" >"$home/build.log" 2>&1 \
        || fail "Keycloak build failed. Its log: $home/build.log"
      [ "$(_kc_persisted "$home")" = "$KC_BUILD_PERSISTED" ] \
        || fail "Keycloak build did not persist the expected options. Its log: $home/build.log"
    fi
  ) 9>"$lock" || exit 1
  printf '%s' "$DIST_DIR/keycloak-quarkus-dist-$version"
}

# kc_start HTTP_PORT MGMT_PORT DATA_DIR LOG_FILE PID_FILE
# Starts Keycloak on 127.0.0.1 with one fixed hostname (http://localhost:HTTP_PORT), so tokens always carry
# iss=http://localhost:HTTP_PORT/realms/esg-one whichever address the client used. Data (H2) in DATA_DIR,
# kept across restarts; the realm is imported when it does not exist yet (an existing realm is skipped).
kc_start() {
  local http_port=$1 mgmt_port=$2 data_dir=$3 log=$4 pid_file=$5 home pid
  [ $# -eq 5 ] || fail "usage: kc_start HTTP_PORT MGMT_PORT DATA_DIR LOG_FILE PID_FILE"
  [ -f "$KC_REALM_FILE" ] || fail "realm file $KC_REALM_FILE is missing"
  require_free_port "$http_port" "Keycloak HTTP"
  require_free_port "$mgmt_port" "Keycloak management"
  home=$(kc_prepare) || exit 1

  mkdir -p "$data_dir/import" "$data_dir/tmp" "$(dirname "$log")" "$(dirname "$pid_file")"
  data_dir=$(cd "$data_dir" && pwd)
  # Only the realm file: Keycloak imports every *.json in the folder.
  rm -f "$data_dir"/import/*.json
  cp "$KC_REALM_FILE" "$data_dir/import/$KC_REALM-realm.json"
  # An existing realm is kept (Keycloak skips importing it), unless the realm file changed since it was imported —
  # a client or role the applications now need: then Keycloak's database is set aside and the realm imported anew
  # (accounts registered locally are in the set-aside copy).
  local realm_hash
  realm_hash=$(sha256sum "$KC_REALM_FILE" | cut -d' ' -f1)
  if [ -d "$data_dir/h2" ] && [ "$(cat "$data_dir/realm.sha256" 2>/dev/null)" != "$realm_hash" ]; then
    local aside
    aside="$data_dir/h2.before-$(date +%Y%m%d-%H%M%S)"
    info "the realm file changed since Keycloak's data was made: importing realm $KC_REALM again (old data: $aside)" >&2
    mv "$data_dir/h2" "$aside"
  fi

  info "starting Keycloak on http://localhost:$http_port (management :$mgmt_port, data $data_dir, log $log)" >&2
  # KC_BOOTSTRAP_ADMIN_*: master-realm admin/admin, created on the first start only. Development only.
  # -Dkeycloak.migration.dir is what --import-realm sets, but pointing at DATA_DIR/import instead of
  # <home>/data/import (which is shared by every Keycloak started from this distribution).
  (
    cd "$data_dir" || exit 1
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
    export JAVA_OPTS_KC_HEAP="${KC_HEAP_OPTS:--Xms64m -Xmx512m}"
    unset JAVA_OPTS
    exec "$home/bin/kc.sh" start --optimized \
      --cache=local \
      --http-enabled=true --http-host=127.0.0.1 --http-port="$http_port" \
      --http-management-port="$mgmt_port" \
      --hostname="http://localhost:$http_port" \
      --log-level="info,io.smallrye.health:warn" \
      --db-url="jdbc:h2:file:$data_dir/h2/keycloakdb;NON_KEYWORDS=VALUE" \
      "-Dkeycloak.migration.dir=$data_dir/import" \
      "-Dquarkus.transaction-manager.object-store.directory=$data_dir/transaction-logs" \
      "-Djava.io.tmpdir=$data_dir/tmp" \
      </dev/null >"$log" 2>&1
  ) &
  pid=$!
  printf '%s\n' "$pid" >"$pid_file"
  if ! (wait_http "http://127.0.0.1:$mgmt_port/health/ready" 180 "$log" "$pid" "Keycloak"); then
    kc_stop "$pid_file"
    exit 1
  fi
  # the realm import runs before the server reports ready; check that the realm is there
  if ! curl -fsS -o /dev/null --max-time 10 "http://127.0.0.1:$http_port/realms/$KC_REALM/.well-known/openid-configuration"; then
    kc_stop "$pid_file"
    fail "Keycloak started but realm $KC_REALM is missing (import failed?). Its log: $log"
  fi
  printf '%s\n' "$realm_hash" >"$data_dir/realm.sha256"
}

# kc_stop PID_FILE — stops the Keycloak started by kc_start (the kc.sh wrapper and its java process).
kc_stop() {
  local pid_file=$1 pid children child
  [ -f "$pid_file" ] || return 0
  pid=$(cat "$pid_file")
  # only if that PID is still our kc.sh (not a reused PID)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && ps -o args= -p "$pid" | grep -q 'bin/kc\.sh start'; then
    children=$(pgrep -P "$pid" 2>/dev/null || true)
    stop_pid "$pid"
    for child in $children; do stop_pid "$child"; done
  fi
  rm -f "$pid_file"
}

# kc_admin_token KEYCLOAK_URL — an access token of the master admin (admin / admin) of a Keycloak we started.
kc_admin_token() {
  curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$1/realms/master/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# kc_portal_site KEYCLOAK_URL SITE_URL — lets the portal's client (esg-portal) sign people in and out at SITE_URL
# (http://localhost:<gateway port>) as well: the realm file names http://localhost:8080 only, so a stack on another
# gateway port would be refused ("Invalid parameter: redirect_uri"). Uses the master admin (admin / admin) of a
# Keycloak we started.
kc_portal_site() {
  local kc=$1 site=$2 admin id
  admin=$(kc_admin_token "$kc") || return 1
  id=$(curl -fsS -H "Authorization: Bearer $admin" "$kc/admin/realms/$KC_REALM/clients?clientId=esg-portal" |
    grep -oE '"id":"[^"]+"' | head -n 1 | sed -E 's/"id":"([^"]+)"/\1/') || return 1
  [ -n "$id" ] || return 1
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"redirectUris":["http://localhost:8080/login/oauth2/code/keycloak","'"$site"'/login/oauth2/code/keycloak"],
         "attributes":{"post.logout.redirect.uris":"http://localhost:8080/##'"$site"'/"}}' \
    "$kc/admin/realms/$KC_REALM/clients/$id"
}
