# JVM options of our applications when they run as services (dev/stack, benchmarks), kept in line with
# JAVA_TOOL_OPTIONS in k8s/base (kustomization.yaml for the services, gateway/kustomization.yaml for the
# gateway). Sized for at most 256 MB of resident memory per application at rest after load
# (bench/gateway/run measures it):
# - the services: G1 with a periodic collection when idle, which gives unused heap back;
# - directory-service also the C1 compiler only: it carries the Elasticsearch and Keycloak clients (the
#   most classes) and waits on Elasticsearch, not on the CPU, so C2's code and compiler memory (about
#   30 MB) buy it nothing; badge and offers keep C2 for their high-traffic public reads;
# - the gateway: the serial collector and both compilers, since its request path is CPU-bound
#   (bench/gateway/run compares it with nginx);
# - both: bounded metaspace, code cache, direct buffers and thread stacks; freed native memory returned
#   to the system every 10 s.
# shellcheck disable=SC2034 # used by the scripts that source this file
COMMON_JAVA_OPTS="-Xms16m -Xmx128m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=64m -Xss512k -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=10000 -XX:+ExitOnOutOfMemoryError"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--XX:+UseG1GC -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 $COMMON_JAVA_OPTS}"
DIRECTORY_JAVA_OPTS="${DIRECTORY_JAVA_OPTS:--XX:TieredStopAtLevel=1 $SERVICE_JAVA_OPTS}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--XX:+UseSerialGC $COMMON_JAVA_OPTS}"
# glibc keeps up to 8 malloc arenas per core otherwise, each holding on to freed memory
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# java_opts APP — the options for one of our applications
java_opts() {
  case "$1" in
    gateway) printf '%s' "$GATEWAY_JAVA_OPTS" ;;
    directory-service) printf '%s' "$DIRECTORY_JAVA_OPTS" ;;
    *) printf '%s' "$SERVICE_JAVA_OPTS" ;;
  esac
}
