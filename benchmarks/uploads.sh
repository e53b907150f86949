#!/usr/bin/env bash
# Upload memory benchmark: N parallel multipart applications with one attachment of M MB each
# against a server capped at -Xmx512m. Measures, in one run on the same server, the live heap
# (used heap right after a full GC, sampled every second while the uploads run) and compares:
#   idle      no requests
#   baseline  N parallel uploads of 1 MB
#   large     N parallel uploads of M MB (default 8 x 100 MB = 800 MB, more than the whole heap)
# Target: every large upload answered 201 and large/baseline live-heap peak <= 1.5 (flat).
#
#   benchmarks/uploads.sh [parallel] [megabytes]      (defaults: 8 100)
#
# Builds and starts the reference app (embedded Derby) on BENCH_PORT (default 9135) and stops it
# at the end. Needs curl and the JDK's jcmd/jstat.
set -euo pipefail
cd "$(dirname "$0")/.."
PARALLEL=${1:-8}
MB=${2:-100}
PORT=${BENCH_PORT:-9135}
HEAP=${BENCH_HEAP:-512m}
URL=http://127.0.0.1:$PORT
SERVER_DIR=reference-app/target/liberty/wlp/usr/servers/buergerbuero
LIMIT=$(((MB + 1) * 1024 * 1024))
WORK=$(mktemp -d)

mvn -B -ntp -q install -DskipTests -DskipITs -Dspotless.check.skip=true
rm -rf "$SERVER_DIR"/{data,dms,dms-derby,xdomea}
mvn -B -ntp -q -pl reference-app -DskipITs -Dhttp.port="$PORT" -Dhttps.port=$((PORT + 1)) \
  -Dliberty.jvm.maxHeap="-Xmx$HEAP" \
  -Dliberty.var.buergerbuero.upload.max-file-bytes="$LIMIT" \
  -Dliberty.var.buergerbuero.upload.max-total-bytes="$LIMIT" \
  -Dliberty.bootstrap.buergerbuero.profile=development -Dliberty.var.buergerbuero.profile=development \
  liberty:create liberty:deploy liberty:start
stop_server() {
  mvn -B -ntp -q -pl reference-app liberty:stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop_server EXIT
curl -sf "$URL/health/ready" >/dev/null
PID=$(cat reference-app/target/liberty/wlp/usr/servers/.pid/buergerbuero.pid)
grep -q -- "-Xmx$HEAP" "$SERVER_DIR/jvm.options" || { echo "jvm.options lacks -Xmx$HEAP"; exit 1; }

printf '{"address":{"street":"Hauptstraße 1","postalCode":"12345","city":"Musterstadt"},"items":["Sofa"]}' >"$WORK/form.json"
make_pdf() { # megabytes file
  { printf '%%PDF-1.7\n'; head -c $(($1 * 1024 * 1024 - 9)) /dev/zero; } >"$2"
}

# used heap in KB right after a full GC (the live set)
live_kb() {
  jcmd "$PID" GC.run >/dev/null
  jstat -gc "$PID" | awk 'NR == 2 { printf "%d\n", $3 + $4 + $6 + $8 }'
}

phase() { # label megabytes
  local label=$1 mb=$2 file="$WORK/$1.pdf" peak=0 kb
  make_pdf "$mb" "$file"
  local start
  start=$(date +%s.%N)
  for i in $(seq "$PARALLEL"); do
    curl -s -o "$WORK/$label-$i.out" -w '%{http_code}\n' -u anna:anna \
      -F serviceId=sperrmuell -F "formData=<$WORK/form.json;type=application/json" \
      -F "attachments=@$file;type=application/pdf;filename=Anlage-$i.pdf" \
      "$URL/api/v1/applications" >"$WORK/$label-$i.code" &
  done
  while [ -n "$(jobs -r)" ]; do
    kb=$(live_kb)
    [ "$kb" -gt "$peak" ] && peak=$kb
    sleep 1
  done
  wait
  local secs ok
  secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  ok=$(cat "$WORK/$label"-*.code | grep -c '^201$' || true)
  kb=$(live_kb)
  [ "$kb" -gt "$peak" ] && peak=$kb
  echo "$label: $PARALLEL x $mb MB, $ok/$PARALLEL answered 201 in $secs s, live heap peak $((peak / 1024)) MB" >&2
  [ "$ok" -eq "$PARALLEL" ] || { head -c 400 "$WORK/$label-1.out" >&2; echo >&2; }
  echo "$peak"
  rm -f "$file"
}

idle=$(live_kb)
echo "idle: live heap $((idle / 1024)) MB (-Xmx$HEAP)" >&2
phase warmup 1 >/dev/null
base=$(phase baseline 1)
large=$(phase large "$MB")
# the outbox worker files the applications into the DMS (streamed from the database): sample until
# nothing is pending
filing=0
start=$(date +%s)
while curl -s "$URL/health/ready" | grep -qv '"outboxPending":0'; do
  kb=$(live_kb)
  [ "$kb" -gt "$filing" ] && filing=$kb
  [ $(($(date +%s) - start)) -gt 600 ] && { echo "filing did not finish in 600 s" >&2; break; }
  sleep 1
done
kb=$(live_kb)
[ "$kb" -gt "$filing" ] && filing=$kb
echo "filing into the DMS: $(($(date +%s) - start)) s, live heap peak $((filing / 1024)) MB" >&2
[ "$filing" -gt "$large" ] && large=$filing
awk -v b="$base" -v l="$large" -v i="$idle" -v p="$PARALLEL" -v m="$MB" 'BEGIN {
  printf "ratio large/baseline = %.2f, large/idle = %.2f (target <= 1.5): %d x %d MB uploaded and filed under a %s heap\n", l / b, l / i, p, m, "'"$HEAP"'";
}'
curl -s "$URL/health/ready"; echo
