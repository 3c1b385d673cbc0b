#!/usr/bin/env bash
# Entry point for people and CI: finds a JDK 21+ by itself, then builds, starts or tests through the Maven Wrapper.
set -euo pipefail
cd "$(dirname "$0")"

java_major() { # prints the feature version of the java binary given, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n1
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for d in /usr/lib/jvm/*/ /opt/java/*/ /opt/jdk*/; do [ -d "$d" ] && candidates+=("${d%/}"); done
  local best="" best_v=0 v
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    v=$(java_major "$home/bin/java"); [ -n "$v" ] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$home"; best_v="$v"; fi
  done
  if [ -z "$best" ]; then
    echo "platform: no JDK 21 or newer found (looked at JAVA_HOME, the java on PATH and /usr/lib/jvm)." >&2
    echo "platform: install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    exit 1
  fi
  echo "$best"
}

export JAVA_HOME="$(find_jdk)"
export PATH="$JAVA_HOME/bin:$PATH"
MVN=(./mvnw -B -ntp)

cmd="${1:-help}"; shift || true
case "$cmd" in
  start)   # build (tests skipped; the server and the plugin jars, not the benchmarks) and run in the foreground
    "${MVN[@]}" -q -DskipTests -pl '!platform/bench' install
    exec java ${PLATFORM_JAVA_OPTS:-} -jar platform/app/target/app.jar "$@" ;;
  test)    # the whole test suite, every module
    exec "${MVN[@]}" verify "$@" ;;
  build)
    exec "${MVN[@]}" -DskipTests install "$@" ;;
  *)
    echo "usage: ./platform.sh start | test | build" >&2; exit 2 ;;
esac
