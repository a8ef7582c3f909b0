#!/usr/bin/env bash
# Benchmark: the final sync. N objects of 1 KiB (default 100,000) under obj/; a first `avesa migrate`
# copies them; then 1% of them (every 100th key) are rewritten with new content and the sync is timed:
# `avesa sync --wait` (partitioned listings, data.partitions), `aws s3 sync` and `rclone sync
# --checksum` (each on its own destination bucket, seeded with the same content before the change, so
# every tool starts from the same state); then a no-op `avesa sync` whose per-object requests (any
# request naming a key, not a listing) are counted in moto's log. With --workers 2, a second worker
# polls the same task queue.
#
#   bench/sync.sh [--objects N] [--workers W] [--partitions P] [--keep]     (also: bench/run.sh --sync)
#
# Starts its own moto, dev server and worker(s) (see bench/common.sh) and stops them on exit.
NAME=sync.sh
OBJECTS=100000
WORKERS=1
PARTITIONS=8
while [[ $# -gt 0 ]]; do
  case "$1" in
    --objects) OBJECTS="$2"; shift 2 ;;
    --workers) WORKERS="$2"; shift 2 ;;
    --partitions) PARTITIONS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "$NAME: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v rclone >/dev/null || apt-get install -y rclone >/dev/null 2>&1 || true
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

start_stack
export JAVA_OPTS="${JAVA_OPTS:-}"
start_worker "$work/worker-1.log"
for ((w = 2; w <= WORKERS; w++)); do start_extra_worker "$work/worker-$w.log"; done
CHANGED=$(( OBJECTS / 100 ))
log "seeding $OBJECTS objects of 1 KiB into bench-src and the peers' destinations"
seed_start=$(now)
seed_objects bench-src "$OBJECTS"
seed_target_role
log "seeded in $(calc "$(now) - $seed_start" 1) s"

write_config "$work/sync.yaml" avesa-bench-sync "[ { source: bench-src, target: bench-dst-avesa, prefixes: [] } ]" "[]" \
  "  partitions: $PARTITIONS"
log "first copy: avesa migrate"
t0=$(now)
bin/avesa migrate -c "$work/sync.yaml" --wait --json --id "bench-sync-first-$$" >"$work/first.out" 2>"$work/first.err" \
  || { echo "$NAME: first migrate failed: $(tail -3 "$work/first.err")" >&2; exit 1; }
log "first copy in $(calc "$(now) - $t0" 1) s: $(jq -c '.buckets[0] | {objects, copied, verifiedObjects}' "$work/first.out")"

# the peers' destinations: same content as the source before the change, written after it (newer)
seed_objects bench-dst-aws "$OBJECTS"
seed_objects bench-dst-rclone "$OBJECTS"

log "changing $CHANGED objects (every 100th key) to new content"
head -c 1024 /dev/urandom >"$work/changed.bin"
sleep 1.1   # a newer LastModified than the peers' copies, as a real change would have
seed_objects bench-src "$CHANGED" 100 "$work/changed.bin"

moto_lines() { wc -l <"$work/moto.log"; }
# requests naming a key (HEAD/GET/PUT/POST/DELETE /bucket/key...), not listings (/bucket?list-type...)
per_object() { tail -n +"$(( $1 + 1 ))" "$work/moto.log" | grep -cE '"(GET|PUT|POST|HEAD|DELETE) /bench-[a-z-]+/[^? ]' || true; }
all_requests() { tail -n +"$(( $1 + 1 ))" "$work/moto.log" | grep -cE '"(GET|PUT|POST|HEAD|DELETE) ' || true; }
declare -A WALL REQ OBJREQ
measure() { # name command...
  local name=$1; shift
  local l0 t0; sleep 0.3; l0=$(moto_lines); t0=$(now)
  "$@" >"$work/$name.out" 2>"$work/$name.err" || { log "$name failed: $(tail -3 "$work/$name.err")"; return 1; }
  WALL[$name]=$(calc "$(now) - $t0" 2); sleep 0.3
  REQ[$name]=$(all_requests "$l0"); OBJREQ[$name]=$(per_object "$l0")
  log "$name: ${WALL[$name]} s, ${REQ[$name]} requests, ${OBJREQ[$name]} naming a key"
}
LOAD_SYNC=$(cut -d' ' -f1-3 /proc/loadavg)
measure "avesa sync" bin/avesa sync -c "$work/sync.yaml" --wait --json --id "bench-sync-$$"
jq -c '{status, verified, runs, b: (.buckets[0] | {objects, toCopy, copied, skipped, verifiedObjects})}' "$work/avesa sync.out" >&2 || true
measure "aws s3 sync" aws --endpoint-url "$EP" s3 sync s3://bench-src s3://bench-dst-aws --only-show-errors
HAVE_RCLONE=0
if command -v rclone >/dev/null; then
  HAVE_RCLONE=1
  export RCLONE_CONFIG_MOTO_TYPE=s3 RCLONE_CONFIG_MOTO_PROVIDER=Other RCLONE_CONFIG_MOTO_ENDPOINT="$EP" \
    RCLONE_CONFIG_MOTO_ACCESS_KEY_ID=test RCLONE_CONFIG_MOTO_SECRET_ACCESS_KEY=test RCLONE_CONFIG_MOTO_REGION=us-east-1 \
    RCLONE_CONFIG_MOTO_FORCE_PATH_STYLE=true
  measure "rclone sync" env -u AWS_CA_BUNDLE rclone sync --checksum --fast-list moto:bench-src moto:bench-dst-rclone
fi
measure "avesa no-op sync" bin/avesa sync -c "$work/sync.yaml" --wait --json --id "bench-sync-noop-$$"
changed_in_noop=$(jq '.buckets[0].copied' "$work/avesa no-op sync.out" 2>/dev/null || echo "?")

echo
echo "avesa-cutover final-sync benchmark  $(date -u +%Y-%m-%dT%H:%M:%SZ)  objects=$OBJECTS (1 KiB) changed=$CHANGED workers=$WORKERS partitions=$PARTITIONS"
machine_line
echo "load (1/5/15 min) when the timed syncs started: $LOAD_SYNC"
printf '%-18s %9s %10s %14s\n' tool wall_s requests key_requests
for t in "avesa sync" "aws s3 sync" "rclone sync" "avesa no-op sync"; do
  [[ -n ${WALL[$t]:-} ]] && printf '%-18s %9s %10s %14s\n' "$t" "${WALL[$t]}" "${REQ[$t]}" "${OBJREQ[$t]}"
done
echo "rclone: --checksum --fast-list (compares listed ETags; its default mtime check HEADs every object)."
echo "the no-op avesa sync copied $changed_in_noop object(s)."
echo
if [[ -n ${WALL[avesa sync]:-} && -n ${WALL[aws s3 sync]:-} ]]; then
  verdict "avesa sync ${WALL[avesa sync]} s <= 1/2 of aws s3 sync's ${WALL[aws s3 sync]} s" "${WALL[avesa sync]} <= ${WALL[aws s3 sync]} / 2"
fi
if [[ -n ${OBJREQ[avesa no-op sync]:-} ]]; then
  verdict "no-op avesa sync sent ${OBJREQ[avesa no-op sync]} per-object requests (target 0)" "${OBJREQ[avesa no-op sync]} == 0"
fi
