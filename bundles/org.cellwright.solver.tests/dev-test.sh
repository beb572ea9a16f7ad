#!/usr/bin/env bash
# Compile the solver and its tests with a plain JDK (no Tycho) and run them with the
# JUnit console launcher. Usage: bundles/org.cellwright.solver.tests/dev-test.sh [extra launcher args]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SOLVER="$HERE/../org.cellwright.solver"
JDK="${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
M2="${HOME}/.m2/repository"
JUNIT="$M2/org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar"
GSON="$M2/com/google/code/gson/gson/2.13.2/gson-2.13.2.jar"
HIPPARCHUS="$M2/org/hipparchus/hipparchus-core/4.0.2/hipparchus-core-4.0.2.jar"
OPTIM="$M2/org/hipparchus/hipparchus-optim/4.0.2/hipparchus-optim-4.0.2.jar"
if [ ! -f "$JUNIT" ]; then (cd /tmp && mvn -q dependency:get -Dartifact=org.junit.platform:junit-platform-console-standalone:1.14.1); fi
if [ ! -f "$GSON" ]; then (cd /tmp && mvn -q dependency:get -Dartifact=com.google.code.gson:gson:2.13.2); fi
if [ ! -f "$HIPPARCHUS" ]; then (cd /tmp && mvn -q dependency:get -Dartifact=org.hipparchus:hipparchus-core:4.0.2); fi
if [ ! -f "$OPTIM" ]; then (cd /tmp && mvn -q dependency:get -Dartifact=org.hipparchus:hipparchus-optim:4.0.2); fi
LIBS="$GSON:$HIPPARCHUS:$OPTIM" # the solver's libraries
OUT="${OUT:-/tmp/cellwright-solver-devtest}"
rm -rf "$OUT"; mkdir -p "$OUT/main" "$OUT/test"
"$JDK/bin/javac" --release 21 -Xlint:all,-serial,-classfile -Werror -encoding UTF-8 -cp "$LIBS" -d "$OUT/main" $(find "$SOLVER/src" -name '*.java')
(cd "$SOLVER/src" && find . -type f ! -name '*.java' -exec cp --parents {} "$OUT/main" \;)
"$JDK/bin/javac" --release 21 -encoding UTF-8 -cp "$OUT/main:$LIBS:$JUNIT" -d "$OUT/test" $(find "$HERE/src" -name '*.java')
exec "$JDK/bin/java" -jar "$JUNIT" execute --disable-banner --details=summary \
  --class-path "$OUT/main:$OUT/test:$LIBS" --select-package org.cellwright.solver.tests "$@"
