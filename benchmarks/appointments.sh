#!/usr/bin/env bash
# Appointments benchmark: the free-days calendar (60 days ahead, one service), the free times of
# one day and the booking race (hold requests for random free times), against GET /health/live as
# the baseline, in the same run with wrk on loopback.
# Target (2 cores): calendar p99 <= 50 ms.
#
#   benchmarks/appointments.sh [connections] [seconds]      (defaults: 16 20)
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-16}
SECONDS_PER_RUN=${2:-20}
# shellcheck source=benchmarks/server.sh
source benchmarks/server.sh

LOCATION=rathaus-buergerbuero
SERVICE=personalausweis
DAYS="$URL/api/v1/appointments/locations/$LOCATION/days?service=$SERVICE"
day=$(curl -sf "$DAYS" | sed -E 's/.*"date":"([0-9-]+)".*/\1/' | head -c 10)
TIMES="$URL/api/v1/appointments/locations/$LOCATION/times?service=$SERVICE&date=$day"

run() { # url label
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$BENCH_DIR/baseline.lua" "$1" | grep '^RESULT' | sed "s/^RESULT/$2/"
}
wrk -t2 -c"$CONNECTIONS" -d10s "$DAYS" >/dev/null # warm-up
base=$(run "$URL/health/live" baseline)
calendar=$(run "$DAYS" calendar-60-days)
times=$(run "$TIMES" times-of-a-day)
echo "$base"; echo "$calendar"; echo "$times"
b=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$base")
c=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$calendar")
p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$calendar")
awk -v b="$b" -v c="$c" -v p="$p99" 'BEGIN {
  printf "calendar/baseline = %.3f, calendar p99 = %.1f ms (target <= 50)\n", c / b, p }'

# Booking race: many clients hold random free times of the next 20 days (capacity 3 per slot);
# 201 = held, 409 = taken by someone else. Never more than the capacity (AppointmentIT checks it).
export BENCH_STARTS="$PWD/target/bench-starts.txt"
mkdir -p target && : > "$BENCH_STARTS"
DAYS1="$URL/api/v1/appointments/locations/$LOCATION/days?service=meldebescheinigung"
for d in $(curl -sf "$DAYS1" | grep -o '"date":"[0-9-]*"' | cut -d'"' -f4 | head -20); do
  curl -sf "$URL/api/v1/appointments/locations/$LOCATION/times?service=meldebescheinigung&date=$d" \
    | tr -d '[]"' | tr ',' '\n' >> "$BENCH_STARTS"
done
places=$(( $(wc -l < "$BENCH_STARTS") * 3 ))
holds=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$BENCH_DIR/holds.lua" "$URL" | grep '^RESULT' | sed 's/^RESULT/holds/')
echo "$holds (free places at the start: $places; non2xx = 409 taken)"
h=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$holds")
awk -v b="$b" -v h="$h" 'BEGIN { printf "hold requests/baseline = %.3f\n", h / b }'
