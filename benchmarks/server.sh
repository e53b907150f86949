# Sourced by the benchmark scripts: installs wrk when missing and, unless BENCH_URL points to a
# running server, builds and starts the reference app (embedded Derby, empty data) and stops it
# on exit. Sets URL and BENCH_DIR.
export BENCH_DIR="$PWD/benchmarks"
URL=${BENCH_URL:-http://127.0.0.1:9080}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

started=""
if [ -z "${BENCH_URL:-}" ]; then
  mvn -B -ntp -q install -DskipTests -DskipITs -Dspotless.check.skip=true
  rm -rf reference-app/target/liberty/wlp/usr/servers/buergerbuero/{data,dms,dms-derby,xdomea}
  # the search rate limit (appointments) would measure itself, not the server: off here; the
  # benchmarks log in as the development users, so the development profile is set (ADR 0015)
  mvn -B -ntp -q -pl reference-app -DskipITs -Dliberty.var.buergerbuero.appointments.searches-per-minute=0 \
    -Dliberty.bootstrap.buergerbuero.profile=development -Dliberty.var.buergerbuero.profile=development \
    liberty:create liberty:deploy liberty:start
  started=yes
fi
stop_server() { [ -n "$started" ] && mvn -B -ntp -q -pl reference-app liberty:stop >/dev/null 2>&1 || true; }
trap stop_server EXIT
curl -sf "$URL/health/ready" >/dev/null
