#!/usr/bin/env bash
# Benchmark: N small objects (default 20,000 of 1 KiB); `avesa migrate` is started without --wait,
# `avesa status --json` is polled (every 2 s at most; each call is a JVM) until objectsCopied
# reaches 50% of N, the worker is SIGKILLed and a new one started, and `avesa result --json`
# waits for the run. Re-copies are counted from the versioned target bucket: for every key,
# versions - 1, summed (ListObjectVersions, all pages). PASS if the run verified and re-copies
# are at most 2% of N.
#
#   bench/kill-resume.sh [--objects N] [--keep]      (also: bench/run.sh --kill)
#
# Starts its own moto, dev server and worker (see bench/common.sh) and stops them on exit.
NAME=kill-resume.sh
OBJECTS=20000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --objects) OBJECTS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "$NAME: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

start_stack
export JAVA_OPTS="${JAVA_OPTS:-}"
start_worker "$work/worker-1.log"
log "seeding $OBJECTS objects of 1 KiB"
seed_start=$(now)
seed_objects bench-src "$OBJECTS"
seed_target_role
log "seeded in $(calc "$(now) - $seed_start" 1) s"

ID="bench-kill-$$"
write_config "$work/kill.yaml" avesa-bench-kill "[ { source: bench-src, target: bench-dst, prefixes: [] } ]" "[]"
HALF=$(( (OBJECTS + 1) / 2 ))
t0=$(now)
bin/avesa migrate -c "$work/kill.yaml" --json --id "$ID" >"$work/start.out" 2>"$work/start.err" \
  || { echo "$NAME: migrate did not start: $(cat "$work/start.err")" >&2; exit 1; }
log "started $ID; polling status until objectsCopied >= $HALF"
copied=0; polls=0
while :; do
  p0=$SECONDS
  bin/avesa status "$ID" --json >"$work/status.json" 2>/dev/null || true
  polls=$((polls + 1))
  copied=$(jq -r '.progress.objectsCopied // 0' "$work/status.json" 2>/dev/null || echo 0)
  st=$(jq -r '.status // ""' "$work/status.json" 2>/dev/null || echo "")
  [[ $copied -ge $HALF ]] && break
  [[ $st == RUNNING || -z $st ]] || { echo "$NAME: run ended ($st) before the kill, $copied copied" >&2; exit 1; }
  (( SECONDS - p0 >= 2 )) || sleep $(( 2 - (SECONDS - p0) ))
done
kill -9 "$WORKER_PID"; wait "$WORKER_PID" 2>/dev/null || true
keep=(); for p in "${pids[@]}"; do [[ $p == "$WORKER_PID" ]] || keep+=("$p"); done; pids=("${keep[@]}")  # reaped: not ours to signal again
KILL_AT=$(calc "$(now) - $t0" 1)
log "killed worker $WORKER_PID at ${KILL_AT}s: status said objectsCopied=$copied ($polls polls)"
sleep 1
# the CLI applies --query per page: one number per page of 1,000, summed
in_target=$(target_s3 s3api list-objects-v2 --bucket bench-dst --query 'length(Contents || `[]`)' --output text 2>/dev/null \
  | awk '{for (i = 1; i <= NF; i++) s += $i} END {print s + 0}')
log "target bucket holds $in_target objects after the kill"
start_worker "$work/worker-2.log"
log "second worker $WORKER_PID up; waiting for the result"
rc=0; bin/avesa result "$ID" --json >"$work/result.json" 2>"$work/result.err" || rc=$?
WALL=$(calc "$(now) - $t0" 1)
# the migration's history over all its continue-as-new runs (issue 14: <= 2,000 events for 20,000 objects)
hist=$(java -cp client-cli/target/avesa-cli.jar bench/HistoryChain.java "$TEMPORAL_ADDRESS" default "$ID" 2>/dev/null || echo '{}')
status=$(jq -r .status "$work/result.json" 2>/dev/null || echo none)
verified=$(jq -r .verified "$work/result.json" 2>/dev/null || echo none)
r_copied=$(jq '[.buckets[].copied] | add' "$work/result.json" 2>/dev/null || echo "?")
r_skipped=$(jq '[.buckets[].skipped] | add' "$work/result.json" 2>/dev/null || echo "?")
[[ $rc == 0 ]] || { log "result exited $rc:"; tail -5 "$work/result.err" >&2; head -c 600 "$work/result.json" >&2; echo >&2; }

target_s3 s3api list-object-versions --bucket bench-dst --query 'Versions[].Key' --output text \
  | tr '\t' '\n' | grep -v '^None$' | grep -v '^$' >"$work/versions.txt"
target_s3 s3api list-object-versions --bucket bench-dst --query 'length(DeleteMarkers || `[]`)' --output text \
  | awk '{for (i = 1; i <= NF; i++) s += $i} END {print s + 0}' >"$work/markers.txt" || true
versions=$(wc -l <"$work/versions.txt")
keys=$(sort -u "$work/versions.txt" | wc -l)
recopied=$((versions - keys))
twice=$(sort "$work/versions.txt" | uniq -c | awk '$1 > 1' | wc -l)
pct=$(calc "100 * $recopied / $OBJECTS" 2)

echo
echo "avesa-cutover kill/resume benchmark  $(date -u +%Y-%m-%dT%H:%M:%SZ)  objects=$OBJECTS (1 KiB), concurrency 32, pages of 1,000"
machine_line
echo "killed the worker (SIGKILL) ${KILL_AT}s after the start, when status said objectsCopied=$copied (target bucket then held $in_target objects); second worker started"
echo "result: exit $rc, status $status, verified $verified, report copied=$r_copied skipped=$r_skipped; wall (start to result) ${WALL}s"
echo "target versions $versions for $keys keys (delete markers: $(tr -d '\n' <"$work/markers.txt")): re-copied objects (sum of versions-1) $recopied = ${pct}% of $OBJECTS; keys with >1 version $twice"
echo "history: $(jq -r '"\(.events) events over \(.runs) run(s), largest run \(.maxEvents)"' <<<"$hist" 2>/dev/null || echo unknown) for $OBJECTS objects"
ok=0; [[ $rc == 0 && $verified == true && $keys == "$OBJECTS" ]] && awk "BEGIN {exit !($recopied <= 0.02 * $OBJECTS)}" && ok=1
verdict "killed at 50% of $OBJECTS objects (objectsCopied $copied at kill): $recopied re-copied = ${pct}% <= 2%, verified $verified" "$ok == 1"
