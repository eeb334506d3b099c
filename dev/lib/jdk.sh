# shellcheck shell=bash
# Finds a JDK 21 or newer and exports JAVA_HOME. Sourced by dev/stack, dev/test and .ci/run.
# Order: JAVA_HOME if it is 21+, then the usual JDK folders, newest first.

java_major() {
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  printf '%s' "${v%%.*}"
}

# Maven 3.9 on JDK 24+ warns about sun.misc.Unsafe at every start; the option that allows it quietly
# exists only from JDK 24 on, so it is set here rather than in .mvn/jvm.config.
quiet_maven_on() {
  if [ "$(java_major "$1")" -ge 24 ] 2>/dev/null; then
    case "${MAVEN_OPTS:-}" in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
  fi
}

find_jdk() {
  local candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      quiet_maven_on "$JAVA_HOME"
      return 0
    fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
                       /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -rV); do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      quiet_maven_on "$JAVA_HOME"
      return 0
    fi
  done
  cat >&2 <<'MSG'
error: no JDK 21 or newer found (JAVA_HOME is unset or older, and none in /usr/lib/jvm).
       Install one, for example Temurin 21 or 25 (Debian 12 ships only 17), or openjdk-21-jdk on
       Debian 13 / Ubuntu 24.04,
       or set JAVA_HOME to a JDK 21+ and run the command again.
MSG
  return 1
}
