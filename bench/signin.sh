#!/usr/bin/env bash
# Signed-in requests against a stock ASP.NET Core peer, in one run, alternately, warm (issue 14, ADR 0026).
#   bench/signin.sh [sqlite|postgres] [seconds per measurement, 10] [rounds, 3]
# postgres: FAZHI_BENCH_PG="Host=localhost;Port=5432;Username=...;Password=..." (a role that may create databases).
# Publishes the host (Release) and bench/Fazhi.Bench.Peer, starts both from their folders on fresh databases (Fazhi with
# --demo), then per round runs wrk (-t2 -c8) on: the peer's signed-in no-op and Fazhi's GET /api/platform/account/me
# with a bearer token and with a cookie; the peer's signed-in INSERT and Fazhi's dispute intake (POST /api/disputes/cases,
# a new applicant each request); Fazhi's worklist page (GET /disputes, HTML) against the peer's no-op; and both
# anonymous endpoints. Prints medians over the rounds and the ratios the issue sets targets for.
set -euo pipefail
cd "$(dirname "$0")/.."
engine=${1:-sqlite}; secs=${2:-10}; rounds=${3:-3}
out=${FAZHI_BENCH_DIR:-/tmp/fazhi-bench/signin}
fport=5192; pport=5193
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 1; }
mkdir -p "$out"
if [ -z "${FAZHI_BENCH_NOBUILD:-}" ]; then
  dotnet publish src/Fazhi.Host -c Release -o "$out/app" >/dev/null
  dotnet publish bench/Fazhi.Bench.Peer -c Release -o "$out/peer" >/dev/null
fi
rm -rf "$out/data" "$out/peer-data"; mkdir -p "$out/data" "$out/peer-data"
fenv=(Data__Directory="$out/data" Security__SignInAttemptsPerMinute=100000 Disputes__PublicPostsPerMinute=100000000)
pargs=()
if [ "$engine" = postgres ]; then
  : "${FAZHI_BENCH_PG:?set FAZHI_BENCH_PG to a connection string without Database}"
  kv() { echo "$FAZHI_BENCH_PG" | tr ';' '\n' | awk -F= -v k="$1" 'tolower($1)==tolower(k) {print $2}'; }
  export PGHOST=$(kv Host) PGPORT=$(kv Port) PGUSER=$(kv Username) PGPASSWORD=$(kv Password)
  for db in fazhi_bench_signin fazhi_bench_peer; do
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
  done
  fenv+=(Database__Provider=postgres Database__MigrateOnStart=true "Database__ConnectionString=$FAZHI_BENCH_PG;Database=fazhi_bench_signin")
  pargs=(--db postgres --conn "$FAZHI_BENCH_PG;Database=fazhi_bench_peer")
else
  pargs=(--conn "Data Source=$out/peer-data/peer.db")
fi

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
(cd "$out/data" && exec env "${fenv[@]}" dotnet "$out/app/Fazhi.Host.dll" --demo --urls "http://127.0.0.1:$fport" >"$out/fazhi.log" 2>&1) &
pids+=($!)
(cd "$out/peer-data" && exec dotnet "$out/peer/Fazhi.Bench.Peer.dll" --urls "http://127.0.0.1:$pport" "${pargs[@]}" >"$out/peer.log" 2>&1) &
pids+=($!)
for url in "http://127.0.0.1:$fport/health/ready" "http://127.0.0.1:$pport/anonymous"; do
  for i in $(seq 1 240); do curl -sf "$url" >/dev/null && break; sleep 0.25; done
done
F=http://127.0.0.1:$fport; P=http://127.0.0.1:$pport
json() { python3 -c "import sys,json;print(json.load(sys.stdin)['$1'])"; }
ftok=$(curl -sf -X POST -H 'Content-Type: application/json' -d '{"userName":"demo-shizhong","password":"Demo-Fazhi-2026-zz"}' "$F/api/platform/account/token" | json accessToken)
ptok=$(curl -sf -X POST "$P/token?user=demo-shizhong" | json accessToken)
# Cookies are signed in afresh before each cookie measurement: a browser takes the renewed cookie a server sends (sliding
# expiration, the stamp check every minute), wrk keeps sending the one it was given.
cookies() {
  local jar page anti; jar=$(mktemp); page=$(curl -sf -c "$jar" -b "$jar" "$F/account/login")
  anti=$(echo "$page" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -sf -c "$jar" -b "$jar" -o /dev/null --data-urlencode _handler=login --data-urlencode "__RequestVerificationToken=$anti" \
    --data-urlencode Input.UserName=demo-shizhong --data-urlencode Input.Password=Demo-Fazhi-2026-zz "$F/account/login"
  fcookie="fazhi.auth=$(awk '$6=="fazhi.auth" {print $7}' "$jar")"
  curl -sf -c "$jar" -b "$jar" -o /dev/null -X POST "$P/cookie?user=demo-shizhong"
  pcookie=".AspNetCore.Cookies=$(awk '$6==".AspNetCore.Cookies" {print $7}' "$jar")"
  rm -f "$jar"
}

# POST bodies: the peer's INSERT has none; each intake is a new applicant (a valid resident id), so none is a duplicate.
lua=$out/intake.lua
cat >"$lua" <<LUA
local n = 0
local w = {7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2}
local c = "10X98765432"
local thread_id = 0
local categories = {"婚姻家庭", "邻里纠纷", "合同纠纷", "劳动争议", "物业纠纷", "消费纠纷", "交通事故", "医疗纠纷"}
local surnames = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"}
local given = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛"}
local details = {"多次协商未果", "经村委会调解未成", "对方拒不履行约定", "双方对赔偿数额分歧较大", "对方长期拖欠款项", "噪音扰民持续半年"}
setup = function(thread) thread_id = thread_id + 1; thread:set("tid", thread_id) end
request = function()
  n = n + 1
  -- born on a valid day: year by thread, month and day by the thousands, the sequence number by the rest
  local k = math.floor(n / 1000)
  local base = string.format("370402%04d%02d%02d%03d", 1950 + tid, k % 12 + 1, math.floor(k / 12) % 28 + 1, n % 1000)
  local s = 0
  for i = 1, 17 do s = s + tonumber(base:sub(i, i)) * w[i] end
  local id = base .. c:sub(s % 11 + 1, s % 11 + 1)
  -- different people and facts each time, as at a real front desk (identical texts would all be flagged as duplicates)
  local category = categories[n % #categories + 1]
  local respondent = surnames[(n * 7) % #surnames + 1] .. given[(n * 13 + tid) % #given + 1] .. n
  local body = '{"caseType":"PeoplesMediation","channel":"WalkIn","category":"' .. category .. '","placeCode":"370402",'
    .. '"description":"申请人称与被申请人' .. respondent .. '因' .. category .. '发生争议，' .. details[n % #details + 1] .. '，请求中心调解处理。",'
    .. '"applicant":{"kind":"Person","name":"' .. surnames[n % #surnames + 1] .. given[(n * 3) % #given + 1] .. tid .. '-' .. n .. '","idNumber":"' .. id .. '","phone":"138' .. string.format("%08d", (tid * 7919 + n) % 100000000) .. '"},'
    .. '"respondent":{"kind":"Person","name":"' .. respondent .. '"}}'
  return wrk.format("POST", "/api/disputes/cases", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer $ftok"}, body)
end
LUA
post=$out/post.lua
echo 'wrk.method = "POST"' >"$post"

res=$out/results.txt; : >"$res"
# name, url, extra wrk args...
measure() {
  local name=$1 url=$2; shift 2
  local o; o=$(wrk -t2 -c8 -d"${secs}s" --latency "$@" "$url")
  local rps p99 errs
  rps=$(echo "$o" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$o" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}')
  errs=$(echo "$o" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  echo "$name $rps $p99" >>"$res"
  printf '  %-34s %10.0f req/s  p99 %7.2f ms %s\n' "$name" "$rps" "$p99" "$errs"
}
echo "== warm-up (${secs}s each)"
measure warm.peer "$P/noop" -H "Authorization: Bearer $ptok" >/dev/null
measure warm.fazhi "$F/api/platform/account/me" -H "Authorization: Bearer $ftok" >/dev/null
measure warm.intake "$F/" -s "$lua" >/dev/null
measure warm.page "$F/disputes" -H "Authorization: Bearer $ftok" >/dev/null
: >"$res"
for r in $(seq 1 "$rounds"); do
  echo "== round $r ($engine, load $(cut -d' ' -f1 /proc/loadavg))"
  measure peer.noop.bearer "$P/noop" -H "Authorization: Bearer $ptok"
  measure fazhi.me.bearer "$F/api/platform/account/me" -H "Authorization: Bearer $ftok"
  cookies
  measure peer.noop.cookie "$P/noop" -H "Cookie: $pcookie"
  measure fazhi.me.cookie "$F/api/platform/account/me" -H "Cookie: $fcookie"
  measure peer.insert "$P/insert" -s "$post" -H "Authorization: Bearer $ptok"
  measure fazhi.intake "$F/" -s "$lua"
  measure fazhi.worklist.page "$F/disputes" -H "Authorization: Bearer $ftok"
  measure peer.anonymous "$P/anonymous"
  measure fazhi.health.live "$F/health/live"
done
rows=$(curl -sf -H "Authorization: Bearer $ftok" "$F/disputes" | grep -c '<tr' || true)
echo "== medians over $rounds rounds ($engine; worklist page rows incl. header: $rows)"
awk -v rounds="$rounds" '
  { rps[$1] = rps[$1] " " $2; p99[$1] = p99[$1] " " $3 }
  function median(list,   a, n, i, j, t) { n = split(list, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }; return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END {
    for (k in rps) { m[k] = median(rps[k]); q[k] = median(p99[k]); printf "  %-34s %10.0f req/s  p99 %7.2f ms\n", k, m[k], q[k] }
    printf "ratio signed-in no-op (bearer), Fazhi / peer:   %.2f  (target >= 0.50); Fazhi p99 %.2f ms (target < 5)\n", m["fazhi.me.bearer"] / m["peer.noop.bearer"], q["fazhi.me.bearer"]
    printf "ratio signed-in no-op (cookie), Fazhi / peer:   %.2f\n", m["fazhi.me.cookie"] / m["peer.noop.cookie"]
    printf "ratio worklist page / peer signed-in no-op:     %.2f  (target >= 0.20)\n", m["fazhi.worklist.page"] / m["peer.noop.bearer"]
    printf "ratio dispute intake / peer signed-in INSERT:   %.3f (target >= 0.15)\n", m["fazhi.intake"] / m["peer.insert"]
    printf "ratio anonymous, Fazhi /health/live / peer:     %.2f\n", m["fazhi.health.live"] / m["peer.anonymous"]
  }' "$res" | sort
echo "resident memory after the run: Fazhi $(( $(awk '/VmRSS/ {print $2}' /proc/${pids[0]}/status 2>/dev/null || echo 0) / 1024 )) MB (the dotnet process)"
