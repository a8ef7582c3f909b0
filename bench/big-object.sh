#!/usr/bin/env bash
# Benchmark: one 1 GiB object copied by `avesa migrate --wait` in stream mode (data.copyMode:
# stream, default multipartThreshold 64MiB) with the worker at -Xmx256m. PASS only if migrate
# exits 0 with a verified report, the worker is alive with no OutOfMemoryError in its log, and
# the target object's size is exactly 1 GiB. Prints the worker's peak RSS (VmHWM) and wall time.
#
#   bench/big-object.sh [--size-mib N] [--source-part-mib M] [--xmx 256m] [--keep]   (also: bench/run.sh --big)
#
# --source-part-mib M seeds the source as a multipart upload of M MiB parts (default 64; issue 14
# measured 5: a 1 GiB object of 205 parts). The GETs and UploadParts moto answered are counted.
#
# Starts its own moto, dev server and worker (see bench/common.sh); needs ~1 GiB free in /tmp for
# the seed file (deleted once uploaded) plus what moto spools for the two copies.
NAME=big-object.sh
SIZE_MIB=1024
SOURCE_PART_MIB=64
XMX=256m
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size-mib) SIZE_MIB="$2"; shift 2 ;;
    --source-part-mib) SOURCE_PART_MIB="$2"; shift 2 ;;
    --xmx) XMX="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "$NAME: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

log "disk before: $(df -h /tmp | awk 'NR==2 {print $4 " free of " $2 " on " $6}')"
start_stack
export JAVA_OPTS="-Xmx$XMX"
start_worker "$work/worker.log"
log "worker pid $WORKER_PID with JAVA_OPTS=$JAVA_OPTS: $(tr '\0' ' ' </proc/$WORKER_PID/cmdline | cut -c1-120)"

# ---------------------------------------------------------------- seed
BYTES=$((SIZE_MIB * 1048576))
log "seeding one object of $SIZE_MIB MiB (aws s3 cp, $SOURCE_PART_MIB MiB parts)"
seed_start=$(now)
awsm s3api create-bucket --bucket bench-big-src >/dev/null
head -c "$BYTES" /dev/urandom >"$work/big.bin"
printf '[default]\ns3 =\n  multipart_chunksize = %sMB\n  multipart_threshold = %sMB\n  max_concurrent_requests = 4\n' "$SOURCE_PART_MIB" "$SOURCE_PART_MIB" >"$work/aws.cfg"
AWS_CONFIG_FILE="$work/aws.cfg" awsm s3 cp --cli-read-timeout 0 --only-show-errors "$work/big.bin" s3://bench-big-src/big.bin
rm -f "$work/big.bin"
src_etag=$(awsm s3api head-object --bucket bench-big-src --key big.bin --query ETag --output text)
log "source ETag $src_etag"
src_size=$(awsm s3api head-object --bucket bench-big-src --key big.bin --query ContentLength --output text)
[[ $src_size == "$BYTES" ]] || { echo "$NAME: source object is $src_size bytes, expected $BYTES" >&2; exit 1; }
seed_target_role
wc -l <"$work/moto.log" >"$work/moto.seed-lines"
log "seeded in $(calc "$(now) - $seed_start" 1) s; disk now: $(df -h /tmp | awk 'NR==2 {print $4 " free"}')"

# ---------------------------------------------------------------- measure
write_config "$work/big.yaml" avesa-bench-big "[ { source: bench-big-src, target: bench-big-dst, prefixes: [] } ]" "[]" \
  "  copyMode: stream"
log "avesa migrate --wait (stream mode)"
t0=$(now)
rc=0; bin/avesa migrate -c "$work/big.yaml" --wait --json --id "bench-big-$$" >"$work/migrate.out" 2>"$work/migrate.err" || rc=$?
WALL=$(calc "$(now) - $t0" 1)
alive=false; kill -0 "$WORKER_PID" 2>/dev/null && alive=true
HWM_KB=$(awk '/VmHWM/ {print $2}' "/proc/$WORKER_PID/status" 2>/dev/null || echo 0)
oom=$(grep -c OutOfMemoryError "$work/worker.log" || true)
status=$(jq -r .status "$work/migrate.out" 2>/dev/null || echo none)
verified=$(jq -r .verified "$work/migrate.out" 2>/dev/null || echo none)
dst_size=$(target_s3 s3api head-object --bucket bench-big-dst --key big.bin --query ContentLength --output text 2>/dev/null || echo 0)
[[ $rc == 0 ]] || { log "migrate exited $rc:"; tail -5 "$work/migrate.err" >&2; head -c 600 "$work/migrate.out" >&2; echo >&2; }
seeded_lines=$(cat "$work/moto.seed-lines" 2>/dev/null || echo 0)
gets=$(tail -n +"$((seeded_lines + 1))" "$work/moto.log" | grep -c '"GET /bench-big-src/big.bin' || true)
parts=$(tail -n +"$((seeded_lines + 1))" "$work/moto.log" | grep -c '"PUT /bench-big-dst/big.bin?[^ ]*partNumber=' || true)
log "disk after: $(df -h /tmp | awk 'NR==2 {print $4 " free"}'); moto RSS $(awk '/VmHWM/ {print $2 / 1024 " MiB peak"}' "/proc/$MOTO_PID/status")"

echo
echo "avesa-cutover big-object benchmark  $(date -u +%Y-%m-%dT%H:%M:%SZ)  one object of $SIZE_MIB MiB, copyMode stream, multipartThreshold 64MiB (default), worker JAVA_OPTS=$JAVA_OPTS"
machine_line
echo "migrate --wait exit $rc, status $status, verified $verified; worker alive $alive, OutOfMemoryError lines $oom; target size $dst_size bytes (want $BYTES)"
echo "source stored in $SOURCE_PART_MIB MiB parts (ETag $src_etag); moto answered $gets GETs of the source and $parts UploadPart(s) during migrate"
echo "wall time (migrate --wait, CLI start to exit): ${WALL} s = $(calc "$SIZE_MIB / $WALL" 1) MiB/s; worker peak RSS (VmHWM) $(calc "$HWM_KB / 1024" 0) MiB"
ok=0; [[ $rc == 0 && $status == COMPLETED && $verified == true && $alive == true && $oom == 0 && $dst_size == "$BYTES" ]] && ok=1
verdict "$SIZE_MIB MiB object copied in stream mode with -Xmx$XMX (exit $rc, verified $verified, no OOM: $([[ $oom == 0 && $alive == true ]] && echo yes || echo no), size $dst_size)" "$ok == 1"
