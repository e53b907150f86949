#!/usr/bin/env bash
# Delivery lag benchmark: how long an accepted application waits until it is filed in the DMS
# (outbox createdAt -> deliveredAt), file-system DMS, embedded Derby.
#   1. baseline: 100 applications submitted one after another on an idle server
#   2. load: the intake load of benchmarks/intake.sh (wrk, 32 connections, 20 s) with the worker
#      running, then wait until nothing is pending
# Prints p50/p99 lag of both (the newest 1 000 deliveries of each phase) and the ratio load/baseline.
#
#   benchmarks/delivery-lag.sh [connections] [seconds]      (defaults: 32 20)
# Needs python3 (Debian python3) to compute the percentiles.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-32}
SECONDS_PER_RUN=${2:-20}
ANNA="Authorization: Basic YW5uYTphbm5h"
ADMIN="Authorization: Basic YWRtaW46YWRtaW4="
# shellcheck source=benchmarks/server.sh
source benchmarks/server.sh

pending() { curl -s "$URL/health/ready" | sed -E 's/.*"outboxPending":([0-9]+).*/\1/'; }
drain() { while [ "$(pending)" -gt 0 ]; do sleep 0.2; done; }
lag() { # label: percentiles over the newest 1 000 delivered entries
  curl -s -H "$ADMIN" "$URL/api/v1/admin/outbox?state=DELIVERED&limit=1000" | python3 -c '
import json, sys
from datetime import datetime
def t(s): return datetime.fromisoformat(s.replace("Z", "+00:00"))
lags = sorted((t(e["deliveredAt"]) - t(e["createdAt"])).total_seconds() * 1000 for e in json.load(sys.stdin))
p = lambda q: lags[min(len(lags) - 1, int(q * len(lags)))]
print("'"$1"' n=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f" % (len(lags), p(0.5), p(0.99), lags[-1]))'
}

body='{"serviceId":"laermbeschwerde","formData":{"address":{"street":"Hauptstraße 1","postalCode":"12345","city":"Musterstadt"},"description":"Baseline"}}'
for _ in $(seq 1 100); do
  curl -sf -o /dev/null -H "$ANNA" -H 'Content-Type: application/json' -d "$body" "$URL/api/v1/applications"
  sleep 0.05
done
drain
base=$(lag baseline)

start=$(date +%s.%N)
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s "$BENCH_DIR/intake.lua" "$URL/api/v1/applications" | grep Requests/sec | sed 's/^/intake /'
drain
end=$(date +%s.%N)
load=$(lag load)
echo "$base"
echo "$load"
awk -v s="$start" -v e="$end" 'BEGIN { printf "load phase incl. drain: %.1f s\n", e - s }'
b=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$base")
l=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$load")
awk -v b="$b" -v l="$l" 'BEGIN { printf "delivery lag p99 under load / idle p99 = %.1f\n", l / (b > 0 ? b : 1) }'
