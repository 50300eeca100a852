#!/usr/bin/env bash
# The 6,000-taker exam (issue 17, ADR 0037) against a published Fazhi, real HTTP from the bench's own process.
#   bench/exam.sh [sqlite|postgres] [takers, 6000] [questions, 100] [answers/s, 500] [answer seconds, 120] [start seconds, 60] [submit seconds, 120]
# postgres: FAZHI_BENCH_PG="Host=localhost;Port=5432;Username=...;Password=..." (a role that may create databases).
# Publishes the host and the bench (Release), starts Fazhi with --demo on a fresh database, and runs
# `Fazhi.Bench.dll exam`: set-up as demo-city (bank, register import, exam, codes), the baseline (/health/live at the answer
# rate), then every taker signs in with a one-time code and starts, answers are saved at the given rate, everybody hands in;
# p50/p95/p99/max and errors per step. The code sign-in limit per address is lifted: the bench is one address.
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
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; }
trap cleanup EXIT
(cd "$out/data" && exec env "${fenv[@]}" dotnet "$out/app/Fazhi.Host.dll" --demo --urls "http://127.0.0.1:$port" >"$out/fazhi.log" 2>&1) &
pid=$!
for i in $(seq 1 480); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.25; done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); engine $engine"
dotnet "$out/bench/Fazhi.Bench.dll" exam "http://127.0.0.1:$port" "$@"
echo "server: $(ps -o rss= -p "$pid" | awk '{printf "%.0f MB RSS", $1/1024}') at the end"
