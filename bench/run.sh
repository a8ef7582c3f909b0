#!/usr/bin/env bash
# Benchmark: copies N small S3 objects and a DynamoDB table of M items inside a private moto_server
# with this project (avesa migrate --wait, worker already running), aws s3 sync, rclone copy and a
# serial GET+PUT loop, and measures the emulator's own limit with wrk (unsigned CopyObject and
# BatchWriteItem requests). Prints objects/s, items/s, client CPU seconds per 1,000 objects, each
# tool's ratio to the limit, the project's history length, and PASS/FAIL against the targets.
#
#   bench/run.sh [--objects N] [--items M] [--quick] [--load-seconds S] [--keep]
#   bench/run.sh --big [options]    runs bench/big-object.sh: a 1 GiB object, stream mode, -Xmx256m
#   bench/run.sh --kill [options]   runs bench/kill-resume.sh: worker SIGKILLed at 50% of 20,000 objects
#   bench/run.sh --sync [options]   runs bench/sync.sh: final sync of 100,000 objects, 1% changed, vs aws s3 sync, rclone
#   bench/run.sh --workers W ...    the copies above with W workers on the task queue (the emulator stays the limit)
#
# Needs the built jars (./mvnw -B -o -q package -DskipTests), moto_server, curl, jq; installs rclone,
# wrk and time with apt-get when missing; uses `aws` if on PATH, else tries Debian's awscli.
# Starts its own moto, `avesa dev-server` and `avesa-worker` on free loopback ports and stops them
# on exit. Not part of the tests.
set -euo pipefail

case "${1:-}" in   # the two separate measurements, each with its own moto, dev server and worker
  --big) shift; exec "$(dirname "${BASH_SOURCE[0]}")/big-object.sh" "$@" ;;
  --kill) shift; exec "$(dirname "${BASH_SOURCE[0]}")/kill-resume.sh" "$@" ;;
  --sync) shift; exec "$(dirname "${BASH_SOURCE[0]}")/sync.sh" "$@" ;;
esac

OBJECTS=5000
ITEMS=20000
LOAD_SECONDS=10
KEEP=0
WORKERS=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --objects) OBJECTS="$2"; shift 2 ;;
    --items) ITEMS="$2"; shift 2 ;;
    --quick) OBJECTS=500; ITEMS=2000; LOAD_SECONDS=5; shift ;;
    --load-seconds) LOAD_SECONDS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --workers) WORKERS="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

NAME=run.sh
# ---------------------------------------------------------------- tools (before common.sh checks them)
install_pkgs=()
command -v rclone >/dev/null || install_pkgs+=(rclone)
command -v wrk >/dev/null || install_pkgs+=(wrk)
[[ -x /usr/bin/time ]] || install_pkgs+=(time)
command -v aws >/dev/null || install_pkgs+=(awscli)
if [[ ${#install_pkgs[@]} -gt 0 ]]; then
  echo "run.sh: installing ${install_pkgs[*]}" >&2
  apt-get install -y "${install_pkgs[@]}" >/dev/null 2>&1 \
    || for p in "${install_pkgs[@]}"; do apt-get install -y "$p" >/dev/null 2>&1 || echo "run.sh: could not install $p" >&2; done
fi
command -v aws >/dev/null || { echo "run.sh: the aws CLI is needed to create buckets and tables" >&2; exit 2; }
command -v wrk >/dev/null || { echo "run.sh: wrk is required" >&2; exit 2; }
HAVE_RCLONE=0; command -v rclone >/dev/null && HAVE_RCLONE=1

# moto, dev server and worker on free ports, cleanup on exit, seeding and config helpers
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
HAVE_BOTO=0; "$PY" -c 'import boto3' 2>/dev/null && HAVE_BOTO=1
export JAVA_OPTS="${JAVA_OPTS:-}"
CLK=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }       # utime + stime of the whole process, in ticks
cpu_of() { awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ {s += $2} END {printf "%.2f", s}' "$1"; }
ddb_count() { awsm dynamodb scan --table-name "$1" --select COUNT --query Count --output text | awk '{for (i = 1; i <= NF; i++) s += $i} END {print s + 0}'; }

start_stack
start_worker "$work/worker.log"
for ((w = 2; w <= WORKERS; w++)); do start_extra_worker "$work/worker-$w.log"; done

# ---------------------------------------------------------------- seed
AUTH_DDB="AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000"
log "seeding $OBJECTS objects of 1 KiB and $ITEMS items"
seed_start=$(now)
seed_objects bench-src "$OBJECTS"

make_table() { awsm dynamodb create-table --table-name "$1" --billing-mode PAY_PER_REQUEST \
  --attribute-definitions AttributeName=pk,AttributeType=S --key-schema AttributeName=pk,KeyType=HASH >/dev/null; }
make_table bench-src
mkdir -p "$work/batches"
awk -v n="$ITEMS" -v dir="$work/batches" 'BEGIN {
  pad = sprintf("%120s", ""); gsub(/ /, "x", pad)
  for (b = 0; b * 25 < n; b++) {
    f = sprintf("%s/b%05d.json", dir, b); body = "{\"RequestItems\":{\"bench-src\":["
    for (i = b * 25; i < n && i < b * 25 + 25; i++)
      body = body (i > b * 25 ? "," : "") sprintf("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"item-%07d\"},\"tenant\":{\"S\":\"t%d\"},\"n\":{\"N\":\"%d\"},\"payload\":{\"S\":\"%s\"}}}}", i, i % 10, i, pad)
    print body "]}}" > f; close(f)
  } }'
# one curl per batch (a curl config with several bodies would concatenate them)
ls "$work"/batches/b*.json | xargs -P 8 -I{} curl -s -o {}.out -w '%{http_code}\n' -H "Expect:" \
  -H "Authorization: $AUTH_DDB" -H "x-amz-date: 20260101T000000Z" \
  -H "X-Amz-Target: DynamoDB_20120810.BatchWriteItem" -H "Content-Type: application/x-amz-json-1.0" \
  --data-binary @{} "$EP/" >"$work/post.codes"
batches=$(ls "$work"/batches/b*.json | wc -l)
ok=$(grep -c '^200$' "$work/post.codes" || true)
unprocessed=$(cat "$work"/batches/*.out | grep -c '"UnprocessedItems": *{ *"' || true)
[[ $ok == "$batches" && $unprocessed == 0 ]] || { echo "run.sh: seeding DynamoDB: $ok of $batches batches ok, $unprocessed with unprocessed items" >&2; exit 1; }
count=$(ddb_count bench-src)
[[ $count == "$ITEMS" ]] || { echo "run.sh: source table holds $count items, expected $ITEMS" >&2; exit 1; }

seed_target_role
log "seeded in $(calc "$(now) - $seed_start" 1) s"

# ---------------------------------------------------------------- measuring
declare -A R   # R[tool,field]
rows=()
record() { # tool kind count wall cpu motocpu
  local tool=$1; rows+=("$tool")
  R[$tool,kind]=$2; R[$tool,count]=$3; R[$tool,wall]=$4; R[$tool,cpu]=$5; R[$tool,moto]=$6
  R[$tool,rate]=$(calc "$3 / $4" 1); R[$tool,load]=$LOAD1; R[$tool,rpo]=$(calc "$REQS / $3" 2)
  R[$tool,cpuk]=$(calc "$5 * 1000 / $3" 3)
}
# timed NAME command...: /usr/bin/time -v of the command; sets WALL, CPU (client user+sys), MOTOCPU
timed() {
  local name=$1; shift
  local m0 t0 t1 m1
  RQ0=$(moto_requests); LOAD1=$(cut -d' ' -f1 /proc/loadavg); m0=$(ticks "$MOTO_PID"); t0=$(now)
  if ! /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"; then
    log "$name failed:"; tail -5 "$work/$name.err" >&2; return 1
  fi
  t1=$(now); m1=$(ticks "$MOTO_PID")
  REQS=$(( $(moto_requests) - RQ0 )); WALL=$(calc "$t1 - $t0" 3); CPU=$(cpu_of "$work/$name.time"); MOTOCPU=$(calc "($m1 - $m0) / $CLK")
}
moto_requests() { sleep 0.3; grep -cE '"(GET|PUT|POST|HEAD|DELETE) ' "$work/moto.log" || true; }
s3_count() { awsm s3 ls "s3://$1" --recursive | wc -l; }
reset_bucket() { awsm s3 rb "s3://$1" --force >/dev/null 2>&1 || true; awsm s3api create-bucket --bucket "$1" >/dev/null; }

# --- the emulator's limit: wrk, unsigned requests; the best of two connection counts
limit_s3=0; limit_ddb=0
for c in 8 32; do
  b=bench-limit-c$c
  awsm s3api create-bucket --bucket "$b" >/dev/null
  m0=$(ticks "$MOTO_PID")
  BENCH_OBJECTS=$OBJECTS BENCH_SRC_BUCKET=bench-src BENCH_LIMIT_BUCKET=$b \
    wrk -t2 -c$c -d"${LOAD_SECONDS}s" -s bench/copyobject.lua "$EP" >"$work/wrk-s3-c$c.txt"
  mcpu=$(calc "($(ticks "$MOTO_PID") - $m0) / $CLK")
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-s3-c$c.txt")
  reqs=$(awk '/requests in/ {print $1}' "$work/wrk-s3-c$c.txt")
  bad=$(awk '/Non-2xx/ {print $NF}' "$work/wrk-s3-c$c.txt"); bad=${bad:-0}
  landed=$(s3_count "$b")
  log "CopyObject limit, $c connections: $rps req/s ($reqs requests, $bad non-2xx, $landed objects landed, moto CPU ${mcpu}s)"
  [[ $bad == 0 ]] || { log "wrk got errors from moto: see $work/wrk-s3-c$c.txt"; rps=0; }
  R[limit-s3-c$c,rate]=$rps; R[limit-s3-c$c,moto]=$mcpu
  awk -v a="$rps" -v b="$limit_s3" 'BEGIN {exit !(a > b)}' && limit_s3=$rps && limit_s3_c=$c
  awsm s3 rb "s3://$b" --force >/dev/null
done
for c in 8 32; do
  t=bench-limit-c$c
  make_table "$t"
  m0=$(ticks "$MOTO_PID")
  BENCH_LIMIT_TABLE=$t wrk -t2 -c$c -d"${LOAD_SECONDS}s" -s bench/batchwrite.lua "$EP" >"$work/wrk-ddb-c$c.txt"
  mcpu=$(calc "($(ticks "$MOTO_PID") - $m0) / $CLK")
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-ddb-c$c.txt")
  reqs=$(awk '/requests in/ {print $1}' "$work/wrk-ddb-c$c.txt")
  bad=$(awk '/Non-2xx/ {print $NF}' "$work/wrk-ddb-c$c.txt"); bad=${bad:-0}
  landed=$(ddb_count "$t")
  ips=$(calc "$rps * 25" 1)
  log "BatchWriteItem limit, $c connections: $rps req/s = $ips items/s ($reqs requests, $bad non-2xx, $landed items landed, moto CPU ${mcpu}s)"
  [[ $bad == 0 ]] || { log "wrk got errors from moto: see $work/wrk-ddb-c$c.txt"; ips=0; }
  awk -v a="$ips" -v b="$limit_ddb" 'BEGIN {exit !(a > b)}' && limit_ddb=$ips && limit_ddb_c=$c
  awsm dynamodb delete-table --table-name "$t" >/dev/null
done

# --- this project: the worker is running; its CPU is read from /proc/<pid>/stat around the run
HIST_CP="client-cli/target/avesa-cli.jar"
java -cp "$HIST_CP" bench/HistoryChain.java "$TEMPORAL_ADDRESS" default none-such >/dev/null 2>&1 || true  # warm the source launcher
avesa_run() { # tool kind config id
  local tool=$1 kind=$2 cfg=$3 id=$4 w0 d0 w1 d1 hist n wf_wall
  w0=$(ticks "$WORKER_PID"); d0=$(ticks "$DEV_PID")
  timed "$tool" bin/avesa migrate -c "$cfg" --wait --json --id "$id" || return 1
  w1=$(ticks "$WORKER_PID"); d1=$(ticks "$DEV_PID")
  local report="$work/$tool.out"
  [[ $(jq -r .status "$report") == COMPLETED && $(jq -r .verified "$report") == true ]] \
    || { log "$tool: not completed and verified: $(head -c 400 "$report")"; return 1; }
  if [[ $kind == objects ]]; then n=$(jq '[.buckets[].copied] | add' "$report"); else n=$(jq '[.tables[].copied] | add' "$report"); fi
  hist=$(java -cp "$HIST_CP" bench/HistoryChain.java "$TEMPORAL_ADDRESS" default "$id")
  echo "$hist" >"$work/$tool.history"
  wf_wall=$(jq -r '(.closeMs - .startMs) / 1000' <<<"$hist")
  record "$tool" "$kind" "$n" "$wf_wall" "$(calc "($w1 - $w0) / $CLK")" "$MOTOCPU"
  R[$tool,cli]=$CPU; R[$tool,cliwall]=$WALL; R[$tool,dev]=$(calc "($d1 - $d0) / $CLK")
  R[$tool,runs]=$(jq .runs <<<"$hist"); R[$tool,events]=$(jq .events <<<"$hist"); R[$tool,maxevents]=$(jq .maxEvents <<<"$hist")
  R[$tool,reportruns]=$(jq .runs "$report")
  log "$tool: $n $kind in ${wf_wall}s (workflow), CLI ${WALL}s; worker CPU ${R[$tool,cpu]}s, dev server CPU ${R[$tool,dev]}s; history $hist"
}
write_config "$work/bench-s3.yaml" avesa-bench-s3 "[ { source: bench-src, target: bench-dst-avesa, prefixes: [] } ]" "[]" "  verify: listing"
write_config "$work/bench-ddb.yaml" avesa-bench-ddb "[]" "[ { source: bench-src, target: bench-dst-avesa } ]"
log "avesa migrate: S3"
avesa_run avesa-s3 objects "$work/bench-s3.yaml" "bench-s3-$$" || log "avesa S3 run failed"
log "avesa migrate: DynamoDB"
avesa_run avesa-ddb items "$work/bench-ddb.yaml" "bench-ddb-$$" || log "avesa DynamoDB run failed"

# --- peers: same account, source bucket into a fresh destination bucket
peer() { # tool kind dest command...
  local tool=$1 kind=$2 dest=$3; shift 3
  log "$tool"
  timed "$tool" "$@" || return 1
  local n
  if [[ $kind == objects ]]; then n=$(s3_count "$dest"); else n=$(ddb_count "$dest"); fi
  local want=$OBJECTS; [[ $kind == items ]] && want=$ITEMS
  [[ $n == "$want" ]] || log "$tool: destination holds $n of $want"
  record "$tool" "$kind" "$n" "$WALL" "$CPU" "$MOTOCPU"
  log "$tool: $n $kind in ${WALL}s, client CPU ${CPU}s, moto CPU ${MOTOCPU}s"
}
reset_bucket bench-dst
peer "aws s3 sync" objects bench-dst aws --endpoint-url "$EP" s3 sync s3://bench-src s3://bench-dst --only-show-errors \
  || log "aws s3 sync failed"
if [[ $HAVE_RCLONE == 1 ]]; then
  reset_bucket bench-dst
  export RCLONE_CONFIG_MOTO_TYPE=s3 RCLONE_CONFIG_MOTO_PROVIDER=Other RCLONE_CONFIG_MOTO_ENDPOINT="$EP" \
    RCLONE_CONFIG_MOTO_ACCESS_KEY_ID=test RCLONE_CONFIG_MOTO_SECRET_ACCESS_KEY=test RCLONE_CONFIG_MOTO_REGION=us-east-1 \
    RCLONE_CONFIG_MOTO_FORCE_PATH_STYLE=true
  peer "rclone copy" objects bench-dst env -u AWS_CA_BUNDLE rclone copy moto:bench-src moto:bench-dst || log "rclone failed"
else
  log "rclone: not installed and not installable; skipped"
fi
if [[ $HAVE_BOTO == 1 ]]; then
  reset_bucket bench-dst
  peer "serial GET+PUT" objects bench-dst "$PY" bench/serial_copy.py s3 "$EP" bench-src bench-dst || log "serial S3 failed"
  make_table bench-dst
  peer "serial scan+batch" items bench-dst "$PY" bench/serial_copy.py ddb "$EP" bench-src bench-dst || log "serial DynamoDB failed"
else
  log "serial loop: no python with boto3 ($PY); skipped"
fi

# ---------------------------------------------------------------- report
echo
echo "avesa-cutover benchmark  $(date -u +%Y-%m-%dT%H:%M:%SZ)  objects=$OBJECTS (1 KiB)  items=$ITEMS  load-seconds=$LOAD_SECONDS  workers=$WORKERS"
echo "machine: $(uname -srm), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); load at start: $LOAD_START, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "moto $("$PY" -c 'import moto; print(moto.__version__)')  aws $(aws --version 2>&1 | cut -d' ' -f1)  $(rclone version 2>/dev/null | head -1)  $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
echo
echo "emulator limit (wrk, unsigned): CopyObject $limit_s3 objects/s (best of 8/32 connections: c=$limit_s3_c); BatchWriteItem $limit_ddb items/s (c=$limit_ddb_c)"
echo
printf '%-20s %-7s %7s %8s %10s %9s %12s %8s %9s %6s %8s\n' tool unit count wall_s rate/s client_cpu cpu_s/1000 moto_cpu vs_limit load1 req/unit
for t in "${rows[@]}"; do
  lim=$limit_s3; [[ ${R[$t,kind]} == items ]] && lim=$limit_ddb
  printf '%-20s %-7s %7s %8s %10s %9s %12s %8s %9s %6s %8s\n' "$t" "${R[$t,kind]}" "${R[$t,count]}" "${R[$t,wall]}" "${R[$t,rate]}" \
    "${R[$t,cpu]}" "${R[$t,cpuk]}" "${R[$t,moto]}" "$(awk -v r="${R[$t,rate]}" -v l="$lim" 'BEGIN {if (l > 0) printf "%.2f", r / l; else print "n/a"}')" "${R[$t,load]}" "${R[$t,rpo]}"
done
echo
echo "req/unit = requests moto logged during the tool's run per object (or per item); load1 = 1-min load average when it started."
echo "avesa: wall = first run's start to last run's close (Temporal history); client_cpu = worker process (/proc/<pid>/stat; with --workers, the first worker only)."
for t in avesa-s3 avesa-ddb; do
  [[ -n ${R[$t,count]:-} ]] || continue
  echo "  $t: CLI (migrate --wait) wall ${R[$t,cliwall]}s, CLI CPU ${R[$t,cli]}s, dev server CPU ${R[$t,dev]}s;" \
    "historyLength ${R[$t,events]} events over ${R[$t,runs]} runs (report says runs=${R[$t,reportruns]}), largest run ${R[$t,maxevents]}"
done
echo
if [[ -n ${R[avesa-s3,rate]:-} ]]; then
  a=${R[avesa-s3,rate]}
  verdict "objects/s $a >= 0.9 x emulator limit $limit_s3 ($(calc "0.9 * $limit_s3" 1))" "$a >= 0.9 * $limit_s3"
  if [[ -n ${R[aws s3 sync,rate]:-} ]]; then
    verdict "objects/s $a > aws s3 sync ${R[aws s3 sync,rate]}" "$a > ${R[aws s3 sync,rate]}"
    verdict "client CPU ${R[avesa-s3,cpuk]} s/1000 objects <= 1/4 of aws s3 sync's ${R[aws s3 sync,cpuk]} ($(calc "${R[aws s3 sync,cpuk]} / 4" 3))" \
      "${R[avesa-s3,cpuk]} <= ${R[aws s3 sync,cpuk]} / 4"
  else
    echo "SKIP  objects/s vs aws s3 sync, CPU vs aws s3 sync: aws s3 sync did not run"
  fi
  if [[ -n ${R[rclone copy,rate]:-} ]]; then
    verdict "objects/s $a > rclone copy ${R[rclone copy,rate]}" "$a > ${R[rclone copy,rate]}"
  else
    echo "SKIP  objects/s vs rclone: rclone did not run"
  fi
else
  echo "FAIL  avesa S3 migration did not complete and verify"
fi
if [[ -n ${R[avesa-ddb,rate]:-} ]]; then
  verdict "items/s ${R[avesa-ddb,rate]} >= 0.9 x BatchWriteItem limit $limit_ddb ($(calc "0.9 * $limit_ddb" 1))" "${R[avesa-ddb,rate]} >= 0.9 * $limit_ddb"
else
  echo "FAIL  avesa DynamoDB migration did not complete and verify"
fi
if [[ -n ${R[avesa-s3,events]:-} && -n ${R[avesa-ddb,events]:-} ]]; then
  m1=${R[avesa-s3,maxevents]}; m2=${R[avesa-ddb,maxevents]}; mx=$(( m1 > m2 ? m1 : m2 ))
  echo "INFO  history events: S3 ${R[avesa-s3,events]} over ${R[avesa-s3,runs]} runs, DynamoDB ${R[avesa-ddb,events]} over ${R[avesa-ddb,runs]} runs"
  verdict "largest single run $mx events <= 10,240 (Temporal's history-size warning threshold)" "$mx <= 10240"
fi
