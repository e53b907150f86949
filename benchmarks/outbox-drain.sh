#!/usr/bin/env bash
# Outbox drain benchmark: how fast the worker files pending applications into the file-system DMS.
#   1. pause the worker, submit applications with wrk until at least N are pending (default 10 000)
#   2. resume the worker and time how long it takes until nothing is pending
# Prints deliveries/s, the intake rate measured while the queue filled (same server, same run, 32
# connections, nothing delivered meanwhile) and the ratio drain/intake. Target: ratio >= 1.0, i.e.
# the worker keeps up with the intake (issue 20).
#
#   benchmarks/outbox-drain.sh [pending]
#   BENCH_DB=postgresql benchmarks/outbox-drain.sh     # on PostgreSQL (bin/postgres first)
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${1:-10000}
ADMIN="Authorization: Basic YWRtaW46YWRtaW4="
# shellcheck source=benchmarks/server.sh
source benchmarks/server.sh

pending() { curl -s "$URL/health/ready" | sed -E 's/.*"outboxPending":([0-9]+).*/\1/'; }

curl -sf -X POST -H "$ADMIN" "$URL/api/v1/admin/outbox/worker/pause" >/dev/null
requests=0
seconds=0
while [ "$(pending)" -lt "$TARGET" ]; do
  r=$(wrk -t2 -c32 -d10s -s "$BENCH_DIR/intake.lua" "$URL/api/v1/applications" | awk '/^Requests\/sec/ { print $2 }')
  requests=$(awk -v a="$requests" -v r="$r" 'BEGIN { print a + r * 10 }')
  seconds=$((seconds + 10))
done
before=$(pending)
echo "pending before drain: $before"
start=$(date +%s.%N)
curl -sf -X POST -H "$ADMIN" "$URL/api/v1/admin/outbox/worker/resume" >/dev/null
while [ "$(pending)" -gt 0 ]; do sleep 0.5; done
end=$(date +%s.%N)
awk -v n="$before" -v s="$start" -v e="$end" -v q="$requests" -v t="$seconds" 'BEGIN {
  d = e - s; i = q / t
  printf "drained %d entries in %.1f s: %.1f deliveries/s; intake while filling: %.1f req/s\n", n, d, n / d, i
  printf "ratio drain/intake = %.2f (target >= 1.0)\n", (n / d) / i }'
curl -s "$URL/health/ready"; echo
