#!/usr/bin/env bash
# Bescheid rendering benchmark (issue 15): time to render one Bescheid as PDF/A-1b against the
# receipt PDF as the baseline, both measured in one run (alternating rounds after a warm-up).
#
#   benchmarks/decision-render.sh [rounds]     (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests -DskipITs -Dspotless.check.skip=true -pl sdk-core/applications -am
mvn -B -ntp -q -pl sdk-core/applications test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dspotless.check.skip=true
java -Xmx512m -cp "sdk-core/applications/target/classes:sdk-core/applications/target/test-classes:$(cat sdk-core/applications/target/benchmark.classpath)" \
  de.buergerbuero.applications.benchmark.DecisionRenderingBenchmark "$@"
