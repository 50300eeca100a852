#!/bin/bash
# Restart to /health/ready on a demo database, and resident memory 10 s after ready (issue 14, ADR 0026, 0070).
#   APP=/path/to/published/Fazhi.Host.dll bench/restart.sh [runs]      (e.g. the build bench/signin.sh publishes)
#   APPS="before=/tmp/h-start-before/Fazhi.Host.dll after=/tmp/h-start-after/Fazhi.Host.dll" bench/restart.sh [runs]
# With several builds: the first makes one demo database (--demo), each build gets a copy and one restart that is not
# counted (a build may record something on its first start), then the builds restart in turn, alternating, `runs` times.
# Per restart, on a loaded machine the CPU figures are the ones to compare:
#   ready  wall ms from launch to the first 200 of /health/ready (polled every 20 ms)
#   cpu    the server's CPU (user + sys, /proc/PID/stat) at that moment
#   first  wall ms from ready to the first signed-in page (token for demo-shizhong, then GET /disputes), and the CPU by then
#   rss    resident memory 10 s after ready: total (anonymous + file-backed)
# FAZHI_RESTART_ENV="DOTNET_TieredPGO=0 ..." adds environment variables to every measured start (runtime knobs);
# FAZHI_RESTART_LOGS=DIR keeps the servers' logs (each start logs its phases: "Start-up: ..."), and
# FAZHI_RESTART_TEMPLATE=DIR starts from a copy of a demo data folder made earlier instead of making one.
runs=${1:-5}
port=${FAZHI_RESTART_PORT:-5093}
apps=${APPS:-"build=${APP:-/tmp/fazhi-pub/Fazhi.Host.dll}"}
work=$(mktemp -d)
tick=$(getconf CLK_TCK)
url="http://127.0.0.1:$port"
cpu_ms() { awk -v t="$tick" '{print int(($14+$15)*1000/t)}' "/proc/$1/stat"; }
wait_ready() { # pid: until ready, or exit if the server died
  until curl -sf "$url/health/ready" >/dev/null; do kill -0 "$1" 2>/dev/null || { echo "the server exited; see its log" >&2; exit 1; }; sleep 0.02; done; }

first=${apps%% *}; first=${first#*=}
if [ -n "$FAZHI_RESTART_TEMPLATE" ]; then
  cp -r "$FAZHI_RESTART_TEMPLATE" "$work/template"
else
  mkdir -p "$work/template"
  env Data__Directory="$work/template" dotnet "$first" --demo --urls "$url" >"$work/template.log" 2>&1 &
  pid=$!; wait_ready $pid; sleep 3; kill $pid; wait $pid 2>/dev/null
fi

start_one() { # label dll counted
  local label=$1 dll=$2 counted=$3 data="$work/data-$1" start ready cpu tok done_ms cpu2 rss anon file
  start=$(date +%s%N)
  env Data__Directory="$data" $FAZHI_RESTART_ENV dotnet "$dll" --urls "$url" >>"$data.log" 2>&1 &
  pid=$!
  wait_ready $pid
  ready=$(date +%s%N); cpu=$(cpu_ms $pid)
  tok=$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"userName":"demo-shizhong","password":"Demo-Fazhi-2026-zz"}' \
    "$url/api/platform/account/token" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  curl -sf -o /dev/null -H "Authorization: Bearer $tok" "$url/disputes"
  done_ms=$(( ($(date +%s%N) - ready) / 1000000 )); cpu2=$(cpu_ms $pid)
  sleep 10
  rss=$(awk '/^VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  anon=$(awk '/^RssAnon/ {print int($2/1024)}' /proc/$pid/status)
  file=$(awk '/^RssFile/ {print int($2/1024)}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null
  [ "$counted" = 1 ] && printf '%-8s ready %6d ms  cpu %6d ms  first page +%5d ms (cpu %6d ms)  rss %4d MB (anon %4d, file %3d)  load %s\n' \
    "$label" $(( (ready - start) / 1000000 )) "$cpu" "$done_ms" "$cpu2" "$rss" "$anon" "$file" "$(cut -d' ' -f1 /proc/loadavg)"
}

for a in $apps; do cp -r "$work/template" "$work/data-${a%%=*}"; start_one "${a%%=*}" "${a#*=}" 0; done
for i in $(seq 1 "$runs"); do
  for a in $apps; do start_one "${a%%=*}" "${a#*=}" 1; done
done
[ -n "$FAZHI_RESTART_LOGS" ] && mkdir -p "$FAZHI_RESTART_LOGS" && cp "$work"/*.log "$FAZHI_RESTART_LOGS"/
rm -rf "$work"
