# Sourced by run.sh, verify.sh and .ci/run: exports JAVA_HOME as a JDK 21+ (the default java may be older), or
# says what to install and fails.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p'; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ] 2>/dev/null; then
  JAVA_HOME=""
  for candidate in /usr/lib/jvm/* /opt/java/* "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ] 2>/dev/null; then
      JAVA_HOME="$candidate"
      break
    fi
  done
  if [ -z "$JAVA_HOME" ]; then
    echo "No JDK 21 or newer found (looked at JAVA_HOME, /usr/lib/jvm, /opt/java and the java on PATH)." >&2
    echo "Install one, e.g.: apt-get install openjdk-21-jdk-headless, then run this again." >&2
    exit 1
  fi
  export JAVA_HOME
fi
