# Sourced by the benchmark scripts: installs wrk when missing and, unless BENCH_URL points to a
# running server, builds and starts the reference app (embedded Derby, empty data; with
# BENCH_DB=postgresql on a fresh database buergerbuero_bench of bin/postgres's server) and stops it
# on exit. BENCH_JVM_OPTS adds JVM options (e.g. -Xmx384m). Sets URL and BENCH_DIR.
export BENCH_DIR="$PWD/benchmarks"
URL=${BENCH_URL:-http://127.0.0.1:9080}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

started=""
if [ -z "${BENCH_URL:-}" ]; then
  mvn -B -ntp -q install -DskipTests -DskipITs -Dspotless.check.skip=true
  rm -rf reference-app/target/liberty/wlp/usr/servers/buergerbuero/{data,dms,dms-derby,xdomea}
  # the search rate limit (appointments) would measure itself, not the server: off here; the
  # benchmarks log in as the development users, so the development profile is set (ADR 0015)
  export JVM_ARGS="${BENCH_JVM_OPTS:-}"
  db=()
  if [ "${BENCH_DB:-derby}" = postgresql ]; then
    # a fresh database of its own on the PostgreSQL of bin/postgres (run that first)
    su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
DROP DATABASE IF EXISTS buergerbuero_bench;
CREATE DATABASE buergerbuero_bench OWNER buergerbuero ENCODING 'UTF8' TEMPLATE template0;
SQL
    db=(-Ddb.kind=postgresql -Ddb.name=buergerbuero_bench)
  fi
  mvn -B -ntp -q -pl reference-app -DskipITs "${db[@]}" -Dliberty.var.buergerbuero.appointments.searches-per-minute=0 \
    -Dliberty.bootstrap.buergerbuero.profile=development -Dliberty.var.buergerbuero.profile=development \
    liberty:create liberty:deploy liberty:start
  started=yes
fi
stop_server() { [ -n "$started" ] && mvn -B -ntp -q -pl reference-app liberty:stop >/dev/null 2>&1 || true; }
trap stop_server EXIT
curl -sf "$URL/health/ready" >/dev/null
