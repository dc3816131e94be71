#!/bin/bash
# Can this machine build a GraalVM native executable from what the registries serve? Runs GraalVM's native-image
# builder from its Maven Central jars on the local JDK 25, on a hello-world class, and reports the first thing that
# stops it at each step (docs/native.md has the findings). Not part of any test run; heavy steps run under nice.
#
#   scripts/native-probe.sh [work-dir]     (default: ${TMPDIR:-/tmp}/native-probe; nothing is written to the repo)
#   SVM_VERSION=25.0.2 scripts/native-probe.sh    (another builder version; 25.0.4 is the default)
#
# Exit status: 0 if a native hello-world was built and ran, 3 if the build is blocked (the reasons are printed).
set -uo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-${TMPDIR:-/tmp}/native-probe}
SVM_VERSION=${SVM_VERSION:-25.0.4}
JDK=${JDK25_HOME:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}
[ -x "$JDK/bin/java" ] || { echo "No JDK 25 found (set JDK25_HOME)." >&2; exit 1; }
command -v gcc >/dev/null || { echo "gcc is needed (apt-get install gcc)." >&2; exit 1; }
mkdir -p "$WORK/jars" "$WORK/logs" "$WORK/hello" "$WORK/clibraries"
echo "JDK: $("$JDK/bin/java" -version 2>&1 | head -1) at $JDK; builder: org.graalvm.nativeimage:svm:$SVM_VERSION"

# 1. The builder and the Graal compiler, from Maven Central, with their dependencies.
deps=""
for ga in org.graalvm.nativeimage:svm org.graalvm.nativeimage:pointsto org.graalvm.nativeimage:objectfile \
          org.graalvm.nativeimage:native-image-base org.graalvm.nativeimage:svm-capnproto-runtime \
          org.graalvm.nativeimage:svm-configure org.graalvm.compiler:compiler; do
  deps+="<dependency><groupId>${ga%%:*}</groupId><artifactId>${ga#*:}</artifactId><version>$SVM_VERSION</version></dependency>"
done
cat > "$WORK/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>probe</groupId><artifactId>native-probe</artifactId><version>1</version><packaging>pom</packaging>
<dependencies>$deps</dependencies></project>
EOF
rm -f "$WORK"/jars/*.jar
JAVA_HOME=$JDK nice -n 19 "$REPO/mvnw" -B -q -f "$WORK/pom.xml" dependency:copy-dependencies \
  -DoutputDirectory="$WORK/jars" >"$WORK/logs/maven.log" 2>&1 || { echo "Maven download failed: $WORK/logs/maven.log"; exit 1; }
echo "1. builder jars from Maven Central: $(ls "$WORK/jars" | wc -l) jars, $(du -sh "$WORK/jars" | cut -f1)"

# The launcher's JVM arguments (the native-image driver that normally writes them is not published to Maven).
#    Every package of every JDK module is opened to the builder's modules: wider than the driver's list, but simple.
targets="ALL-UNNAMED"
for jar in "$WORK"/jars/*.jar; do
  targets+=,$("$JDK/bin/jar" --describe-module --file "$jar" | head -1 | cut -d' ' -f1)
done
for m in $("$JDK/bin/java" --list-modules | sed 's/@.*//'); do
  "$JDK/bin/java" --describe-module "$m" | awk -v m="$m" -v t="$targets" \
    '$1=="contains"||$1=="exports"{print "--add-opens=" m "/" $2 "=" t} $1=="qualified"{print "--add-opens=" m "/" $3 "=" t}'
done | sort -u >"$WORK/opens.args"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello, native"); } }\n' \
  >"$WORK/hello/Hello.java"
"$JDK/bin/javac" -d "$WORK/hello/classes" "$WORK/hello/Hello.java"

build() { # build JAVA_HOME LOG: the builder (NativeImageGeneratorRunner) on the hello-world class
  local home=$1 log=$2 mp
  mp=$(ls "$WORK"/jars/*.jar | grep -v "/compiler-$SVM_VERSION.jar" | paste -sd: -)
  USE_NATIVE_IMAGE_JAVA_PLATFORM_MODULE_SYSTEM=true nice -n 19 "$home/bin/java" \
    -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -XX:-UseJVMCICompiler -XX:+UseParallelGC -Xss10m -Xmx4g \
    -Xshare:off -Djava.awt.headless=true -Dorg.graalvm.version="$SVM_VERSION" -Dorg.graalvm.vendor=probe \
    -Dcom.oracle.graalvm.isaot=true -Dorg.graalvm.nativeimage.imagecode=buildtime \
    -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader \
    -Djdk.internal.lambda.disableEagerInitialization=true @"$WORK/opens.args" \
    --enable-native-access=ALL-UNNAMED,org.graalvm.nativeimage.builder,org.graalvm.nativeimage.pointsto \
    --upgrade-module-path "$WORK/jars/compiler-$SVM_VERSION.jar" --module-path "$mp" \
    --module org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
    -imagecp "$WORK/hello/classes" -H:Path="$WORK/hello" -H:Name=hello -H:Class=Hello \
    -H:CLibraryPath="$WORK/clibraries" -H:ImageBuildID="$(cat /proc/sys/kernel/random/uuid)" 2>&1 \
    | grep -v '^WARNING: Unknown module' >"$log"
}
first_error() { grep -m1 -A3 -E '^Error:|^> |^Fatal error:' "$1" | grep -v '^\s*$' | head -4; }

# 2. As the JDK is. A JDK older than the builder's minimum JVMCI version stops it first; that check is then
#    turned off (JVMCI_VERSION_CHECK=ignore) so the next missing piece shows.
rm -f "$WORK/hello/hello"
build "$JDK" "$WORK/logs/build-1.log"
echo "2. builder on the JDK as it is:"; first_error "$WORK/logs/build-1.log" | sed 's/^/   /'
if grep -q 'minimum JVMCI API version' "$WORK/logs/build-1.log"; then
  export JVMCI_VERSION_CHECK=ignore
  build "$JDK" "$WORK/logs/build-1.log"
  echo "   again with JVMCI_VERSION_CHECK=ignore:"; first_error "$WORK/logs/build-1.log" | sed 's/^/   /'
fi

# 3. With empty stand-ins for the JDK's static libraries (in a copy of the JDK), only to see what is asked for next.
#    A stand-in for the builder's libreporterchelper.so lets the builder print its error report.
if grep -q 'requires static JDK libraries' "$WORK/logs/build-1.log"; then
  rm -rf "$WORK/jdk" && cp -a "$JDK" "$WORK/jdk"
  mkdir -p "$WORK/jdk/lib/static/linux-amd64/glibc" "$WORK/jdk/lib/svm/builder/lib"
  echo 'int native_probe_placeholder;' >"$WORK/empty.c" && gcc -c "$WORK/empty.c" -o "$WORK/empty.o"
  for lib in java nio net zip; do ar rcs "$WORK/jdk/lib/static/linux-amd64/glibc/lib$lib.a" "$WORK/empty.o"; done
  cat >"$WORK/reporterchelper.c" <<'EOF'
#include <jni.h>
#include <sys/resource.h>
JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *e, jclass c) {
    struct rusage u; return getrusage(RUSAGE_SELF, &u) == 0 ? (jlong) u.ru_maxrss * 1024 : -1;
}
JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *e, jclass c) {
    return 120;
}
EOF
  gcc -shared -fPIC -I"$JDK/include" -I"$JDK/include/linux" "$WORK/reporterchelper.c" \
    -o "$WORK/jdk/lib/svm/builder/lib/libreporterchelper.so"
  build "$WORK/jdk" "$WORK/logs/build-2.log"
  echo "3. with empty stand-ins for libjava.a, libnio.a, libnet.a, libzip.a:"
  first_error "$WORK/logs/build-2.log" | sed 's/^/   /'
fi

if [ -x "$WORK/hello/hello" ] && [ "$("$WORK/hello/hello")" = "hello, native" ]; then
  echo "RESULT: built and ran $WORK/hello/hello"; exit 0
fi
echo "RESULT: blocked. Logs: $WORK/logs (docs/native.md says what is missing and what a machine needs)"
exit 3
