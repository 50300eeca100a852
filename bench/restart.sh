#!/bin/bash
# Restart to /health/ready on a demo database, five times, and resident memory 10 s after ready (issue 14).
#   APP=/path/to/published/Fazhi.Host.dll bench/restart.sh   (e.g. the build bench/signin.sh publishes to /tmp/fazhi-bench/signin/app)
app=${APP:-/tmp/fazhi-pub/Fazhi.Host.dll}; port=5093
data=$(mktemp -d)
env Data__Directory=$data dotnet $app --demo --urls "http://127.0.0.1:$port" >$data/log0 2>&1 &
pid=$!; until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.05; done; sleep 3; kill $pid; wait $pid 2>/dev/null
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  env Data__Directory=$data dotnet $app --urls "http://127.0.0.1:$port" >$data/log$i 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.02; done
  end=$(date +%s%N); sleep 10
  echo "restart $i ready $(( (end-start)/1000000 )) ms rss $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB load $(cut -d' ' -f1 /proc/loadavg)"
  kill $pid; wait $pid 2>/dev/null
done
rm -rf $data
