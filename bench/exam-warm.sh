#!/usr/bin/env bash
# One published Fazhi (from bench/exam.sh's /tmp/fazhi-bench/exam/app) on a fresh demo database, and the same small exam bench run
# twice against it: cold (right after start: the JIT still tiering up) and warm. Prints each phase's server CPU per request.
#   bench/exam-warm.sh LABEL [VAR=value ...]   (e.g. DOTNET_TieredPGO=0 to compare a runtime setting)
#   FAZHI_BENCH_APP=/path/to/published/host runs another build (e.g. a copy of the app before a change) with the same bench.
label=$1; shift
d=/tmp/fazhi-bench/twice-$label; rm -rf $d; mkdir -p $d/data; cd $d/data
env "$@" Data__Directory=$d/data Learning__CodeSignInsPerMinute=100000000 Logging__LogLevel__Default=Warning setsid dotnet ${FAZHI_BENCH_APP:-/tmp/fazhi-bench/exam/app}/Fazhi.Host.dll --demo --urls http://127.0.0.1:5218 > $d/fazhi.log 2>&1 &
echo $! > $d/server.pid
for i in $(seq 1 1200); do curl -sf http://127.0.0.1:5218/health/ready >/dev/null && break; sleep 0.1; done
sleep 15
for run in cold warm; do
  echo "== $label $run load $(cut -d' ' -f1-3 /proc/loadavg)"
  FAZHI_BENCH_PIDFILE=$d/server.pid dotnet /tmp/fazhi-bench/exam/bench/Fazhi.Bench.dll exam http://127.0.0.1:5218 1500 100 50 20 60 20 2>&1 | grep -E 'phase|POST|GET /att|PUT|hand in'
done
echo "rss $(ps -o rss= -p $(cat $d/server.pid))"
kill $(cat $d/server.pid)
