# shellcheck shell=bash
# Reads dev/services, the table of our applications. Source after dev/lib/common.sh.
#
#   SERVICES            the names, in start order
#   service_port NAME   its port: the value of its port variable, else the default
#   service_port_var NAME, service_default_port NAME
#   service_env NAME    the environment it needs (one VAR=value a line), ports and {data} filled in; needs DATA

SERVICES=()
declare -A _SERVICE_PORT_VAR _SERVICE_DEFAULT_PORT _SERVICE_ENV

_services_load() {
  local name var port env
  while read -r name var port env; do
    case "$name" in ''|'#'*) continue ;; esac
    [[ "$var" =~ ^[A-Z][A-Z0-9_]*$ && "$port" =~ ^[0-9]+$ ]] \
      || fail "dev/services: the line of '$name' needs a port variable and a default port"
    SERVICES+=("$name")
    _SERVICE_PORT_VAR[$name]=$var
    _SERVICE_DEFAULT_PORT[$name]=$port
    _SERVICE_ENV[$name]=$env
  done < "$ROOT/dev/services"
  [ ${#SERVICES[@]} -gt 0 ] || fail "dev/services lists no application"
}
_services_load

service_port() {
  local var=${_SERVICE_PORT_VAR[$1]:?"$1 is not in dev/services"}
  printf '%s' "${!var:-${_SERVICE_DEFAULT_PORT[$1]}}"
}

# Its port variable (e.g. GATEWAY_PORT) and its default port.
service_port_var() { printf '%s' "${_SERVICE_PORT_VAR[$1]:?"$1 is not in dev/services"}"; }
service_default_port() { printf '%s' "${_SERVICE_DEFAULT_PORT[$1]:?"$1 is not in dev/services"}"; }

service_env() {
  local assignment value other
  for assignment in ${_SERVICE_ENV[$1]}; do
    value=${assignment//\{data\}/${DATA:?DATA must be set}}
    for other in "${SERVICES[@]}"; do
      value=${value//\{$other\}/$(service_port "$other")}
    done
    [[ "$value" != *'{'* ]] || fail "dev/services: unknown placeholder in '$assignment' (line of $1)"
    printf '%s\n' "$value"
  done
}
