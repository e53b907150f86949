#!/usr/bin/env bash
# Intake benchmark: POST /api/v1/applications (JSON, ~2 KB form data) against GET /health/live as
# the baseline, both measured in the same run on the same server with wrk on loopback.
# Target (2 cores): intake/baseline >= 0.25 and intake p99 <= 100 ms at 32 connections.
#
#   benchmarks/intake.sh [connections] [seconds]      (defaults: 32 20)
#
# Builds and starts the reference app (embedded Derby) itself, unless BENCH_URL points to a
# running one. Installs wrk from Debian when missing (needs root).
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-32}
SECONDS_PER_RUN=${2:-20}
# shellcheck source=benchmarks/server.sh
source benchmarks/server.sh

run() { # script path label
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$BENCH_DIR/$1" "$URL$2" | grep '^RESULT' | sed "s/^RESULT/$3/"
}

echo "# warm-up (not counted)"
wrk -t2 -c"$CONNECTIONS" -d60s -s "$BENCH_DIR/intake.lua" "$URL/api/v1/applications" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d10s "$URL/health/live" >/dev/null

base=$(run baseline.lua /health/live baseline)
intake=$(run intake.lua /api/v1/applications intake)
echo "$base"
echo "$intake"
b=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$base")
i=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$intake")
p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$intake")
awk -v b="$b" -v i="$i" -v p="$p99" -v c="$CONNECTIONS" 'BEGIN {
  r = i / b;
  printf "ratio intake/baseline = %.3f (target >= 0.25), intake p99 = %.1f ms (target <= 100) at %d connections\n", r, p, c;
}'
curl -s "$URL/health/ready"; echo
