#!/usr/bin/env bash
# Cold start to ready and idle memory of the published host (Release), on embedded SQLite.
#   bench/startup.sh [runs]
# "first start" = empty data folder (migrate + seed + first administrator); "restart" = existing database.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
out=$(mktemp -d)
dotnet publish src/Fazhi.Host -c Release -o "$out/app" >/dev/null
port=5091
measure() { # data dir -> prints ms to ready
  local data=$1 start end
  start=$(date +%s%N)
  Database__ConnectionString="Data Source=$data/fazhi.db" Security__KeyFile="$data/keys/fazhi.key" Storage__Root="$data/files" \
    dotnet "$out/app/Fazhi.Host.dll" --urls "http://127.0.0.1:$port" >"$data/log" 2>&1 &
  echo $! >"$data/pid"
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.02; done
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
stop() { local p; p=$(cat "$1/pid"); kill "$p"; while kill -0 "$p" 2>/dev/null; do sleep 0.05; done; }
first=(); again=(); rss=()
for i in $(seq 1 "$runs"); do
  data="$out/data$i"; mkdir -p "$data"
  first+=("$(measure "$data")"); stop "$data"
  again+=("$(measure "$data")")
  sleep 10  # idle
  rss+=("$(( $(awk '/VmRSS/ {print $2}' "/proc/$(cat "$data/pid")/status") / 1024 ))")
  stop "$data"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "first start to ready (ms):  ${first[*]}  median $(median "${first[@]}")"
echo "restart to ready (ms):      ${again[*]}  median $(median "${again[@]}")"
echo "idle working set (MB):      ${rss[*]}  median $(median "${rss[@]}")"
rm -rf "$out"
