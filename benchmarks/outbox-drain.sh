#!/usr/bin/env bash
# Outbox drain benchmark: how fast the worker files pending applications into the file-system DMS.
#   1. pause the worker, submit applications with wrk until at least N are pending (default 10 000)
#   2. resume the worker and time how long it takes until nothing is pending
# Prints deliveries/s. Target (2 cores): >= 500 deliveries/s to the file-system connector.
#
#   benchmarks/outbox-drain.sh [pending]
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${1:-10000}
ADMIN="Authorization: Basic YWRtaW46YWRtaW4="
# shellcheck source=benchmarks/server.sh
source benchmarks/server.sh

pending() { curl -s "$URL/health/ready" | sed -E 's/.*"outboxPending":([0-9]+).*/\1/'; }

curl -sf -X POST -H "$ADMIN" "$URL/api/v1/admin/outbox/worker/pause" >/dev/null
while [ "$(pending)" -lt "$TARGET" ]; do
  wrk -t2 -c32 -d10s -s "$BENCH_DIR/intake.lua" "$URL/api/v1/applications" >/dev/null
done
before=$(pending)
echo "pending before drain: $before"
start=$(date +%s.%N)
curl -sf -X POST -H "$ADMIN" "$URL/api/v1/admin/outbox/worker/resume" >/dev/null
while [ "$(pending)" -gt 0 ]; do sleep 0.5; done
end=$(date +%s.%N)
awk -v n="$before" -v s="$start" -v e="$end" 'BEGIN {
  d = e - s; printf "drained %d entries in %.1f s: %.1f deliveries/s (target >= 500)\n", n, d, n / d }'
curl -s "$URL/health/ready"; echo
