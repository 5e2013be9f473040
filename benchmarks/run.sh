#!/usr/bin/env bash
# Builds the benchmarks module and runs every benchmark (JMH and the separate-JVM ones), then writes
# BENCHMARKS.md at the repository root. About 15-20 minutes on 2 cores.
#
#   benchmarks/run.sh                   # everything, writes BENCHMARKS.md
#   benchmarks/run.sh --quick           # shorter runs, writes benchmarks/BENCHMARKS-quick.md
#   benchmarks/run.sh --only=overhead,structured,chains,concurrency,startup,listeners,tools,streaming,spring
#                                       # (spring: Spring Boot start-up with 20 prompt interfaces, 21 pairs of JVMs, ~4 minutes)
#   benchmarks/run.sh --only=load       # CPU and bytes per request over HTTP, chains in flight: benchmarks/LOAD.md
#                                       # (about 20 minutes; --quick about 6; not part of the default run)
#
# Environment: P4J_TARGET (build folder, default "target"), MAVEN_ARGS (extra Maven flags, e.g. -o),
# P4J_BENCH_JAVA21_HOME (a Java 21+ home for the virtual-thread concurrency run; skipped if absent).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="${P4J_TARGET:-target}"
cd "$root"
# shellcheck disable=SC2086
mvn -q -B ${MAVEN_ARGS:-} -Dp4j.target="$target" -Pbenchmarks -pl runtime,processor,prompt4j-test,opentelemetry,benchmarks -DskipTests package
# The Spring Boot start-up harness (section "spring") runs on spring-boot-example's test class path.
only=""
for arg in "$@"; do case "$arg" in --only=*) only="${arg#--only=}" ;; esac; done
if [[ -z "$only" || ",$only," == *",spring,"* ]]; then
  # shellcheck disable=SC2086
  mvn -q -B ${MAVEN_ARGS:-} -Dp4j.target="$target" -pl spring-boot-example -am -DskipTests test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$target/startup-classpath.txt"
fi
cp="$root/benchmarks/$target/classes:$(cat "$root/benchmarks/$target/classpath.txt")"
exec java -Xmx1g -cp "$cp" dev.prompt4j.benchmarks.RunAll "$root" "$@"
