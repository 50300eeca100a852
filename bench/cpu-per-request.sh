#!/usr/bin/env bash
# CPU time a running server spends per request (issue 14, ADR 0042), from the process's own counters: robust on a machine
# shared with other work, where requests per second are not.
#   bench/cpu-per-request.sh PID URL SECONDS [extra wrk args, e.g. -H "Authorization: Bearer ..."]
# Runs wrk -t2 -c8 for SECONDS against URL and divides the process's user+system CPU time over the run by the requests.
set -euo pipefail
pid=$1; url=$2; secs=$3; shift 3
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
tick=$(getconf CLK_TCK)
read -r u0 s0 < <(awk '{print $14, $15}' "/proc/$pid/stat")
out=$(wrk -t2 -c8 -d"${secs}s" "$@" "$url")
read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$pid/stat")
n=$(echo "$out" | awk '/requests in/ {print $1}')
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
bad=$(echo "$out" | awk '/Non-2xx/ {print $4}')
awk -v url="$url" -v n="$n" -v rps="$rps" -v cpu=$(( (u1 + s1) - (u0 + s0) )) -v tick="$tick" -v bad="${bad:-0}" \
  'BEGIN { printf "%-45s %7d requests %8.0f/s  CPU %6.3f ms/request  non-2xx %s\n", url, n, rps, 1000 * cpu / tick / n, bad }'
