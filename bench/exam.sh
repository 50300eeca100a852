#!/usr/bin/env bash
# The 6,000-taker exam (issue 17, ADR 0037) against a published Fazhi, real HTTP from the bench's own process.
#   bench/exam.sh [sqlite|postgres] [takers, 6000] [questions, 100] [answers/s, 500] [answer seconds, 120] [start seconds, 60] [submit seconds, 120]
#   bench/exam.sh [sqlite|postgres] max [questions, 100] [from, 3000] [step, 3000] [to, 60000]   (the largest sustained number of takers)
# postgres: FAZHI_BENCH_PG="Host=localhost;Port=5432;Username=...;Password=..." (a role that may create databases).
# Publishes the host and the bench (Release), starts Fazhi with --demo on a fresh database, and runs
# `Fazhi.Bench.dll exam`: set-up as demo-city (bank, register import, exam, codes), the baseline (/health/live at the answer
# rate), then every taker signs in with a one-time code and starts, answers are saved at the given rate, everybody hands in;
# p50/p95/p99/max, errors and the server's CPU per request per step. The code sign-in limit per address is lifted: the bench is one address.
# Half-way through the answers the server is killed with SIGKILL and restarted (FAZHI_BENCH_NOKILL=1 skips it); then every
# taker resumes: the same attempt and deadline, every acknowledged answer present, the right remaining time.
set -euo pipefail
cd "$(dirname "$0")/.."
engine=${1:-sqlite}; shift || true
out=${FAZHI_BENCH_DIR:-/tmp/fazhi-bench/exam}
port=${FAZHI_BENCH_PORT:-5217}
mkdir -p "$out"
if [ -z "${FAZHI_BENCH_NOBUILD:-}" ]; then
  dotnet publish src/Fazhi.Host -c Release -o "$out/app" >/dev/null
  dotnet publish bench/Fazhi.Bench -c Release -o "$out/bench" >/dev/null
fi
rm -rf "$out/data"; mkdir -p "$out/data"
fenv=(Data__Directory="$out/data" Learning__CodeSignInsPerMinute=100000000 Logging__LogLevel__Default=Warning)
if [ "$engine" = postgres ]; then
  : "${FAZHI_BENCH_PG:?set FAZHI_BENCH_PG to a connection string without Database}"
  kv() { echo "$FAZHI_BENCH_PG" | tr ';' '\n' | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print $2}'; }
  export PGHOST=$(kv Host) PGPORT=$(kv Port) PGUSER=$(kv Username) PGPASSWORD=$(kv Password)
  psql -q -d postgres -c "DROP DATABASE IF EXISTS fazhi_bench_exam WITH (FORCE)" -c "CREATE DATABASE fazhi_bench_exam" >/dev/null
  fenv+=(Database__Provider=postgres Database__MigrateOnStart=true "Database__ConnectionString=$FAZHI_BENCH_PG;Database=fazhi_bench_exam")
fi
# The server is started by a helper the bench also calls for the kill -9 step (FAZHI_BENCH_RESTART): SIGKILL, start again on
# the same database (without --demo: the data is there), back when /health/ready answers. Its pid is kept in server.pid.
q() { printf '%q' "$1"; }
cat >"$out/server.sh" <<EOF
#!/usr/bin/env bash
set -u
cd $(q "$out/data")
if [ -s $(q "$out/server.pid") ]; then
  old=\$(cat $(q "$out/server.pid")); kill -9 "\$old" 2>/dev/null || true
  while kill -0 "\$old" 2>/dev/null; do sleep 0.05; done
  echo "--- kill -9 \$old at \$(date -u +%T), restarting" >>$(q "$out/fazhi.log")
  demo=
else
  demo=--demo
fi
env $(printf '%q ' "${fenv[@]}") setsid dotnet $(q "$out/app/Fazhi.Host.dll") \$demo --urls http://127.0.0.1:$port >>$(q "$out/fazhi.log") 2>&1 &
echo \$! >$(q "$out/server.pid")
for i in \$(seq 1 2400); do curl -sf http://127.0.0.1:$port/health/ready >/dev/null && exit 0; sleep 0.1; done
echo "the server did not become ready" >&2; exit 1
EOF
chmod +x "$out/server.sh"
rm -f "$out/server.pid" "$out/fazhi.log"
cleanup() { [ -s "$out/server.pid" ] && kill "$(cat "$out/server.pid")" 2>/dev/null || true; }
trap cleanup EXIT
"$out/server.sh"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); engine $engine"
export FAZHI_BENCH_PIDFILE="$out/server.pid"
if [ -z "${FAZHI_BENCH_NOKILL:-}" ]; then export FAZHI_BENCH_RESTART="$out/server.sh"; fi
set +e
dotnet "$out/bench/Fazhi.Bench.dll" exam "http://127.0.0.1:$port" "$@"
rc=$?
set -e
echo "server: $(ps -o rss= -p "$(cat "$out/server.pid")" | awk '{printf "%.0f MB RSS", $1/1024}') at the end; load $(cut -d' ' -f1-3 /proc/loadavg)"
exit $rc
