#!/usr/bin/env bash
# Indoor routing benchmark: generated buildings of 2 500, 5 000 and 10 000 nodes; heap of the
# router per node+edge and p50/p99 route latency (A*, default and wheelchair profiles). The
# smallest building is the baseline of the ratios. Target: p99 <= 5 ms at 10 000 nodes, memory
# linear in nodes + edges (bytes per element about constant).
#
#   benchmarks/indoor-routing.sh [sizes...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q install -DskipTests -DskipITs -Dspotless.check.skip=true -pl sdk-core/indoor -am
mvn -B -ntp -q -pl sdk-core/indoor test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dspotless.check.skip=true
java -Xmx2g -XX:+UseSerialGC -cp "sdk-core/indoor/target/classes:sdk-core/indoor/target/test-classes:$(cat sdk-core/indoor/target/benchmark.classpath)" \
  de.buergerbuero.indoor.benchmark.IndoorRoutingBenchmark "$@"
