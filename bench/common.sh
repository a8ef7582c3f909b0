# Shared by bench/run.sh, bench/big-object.sh and bench/kill-resume.sh (sourced, not run): starts a private
# moto_server, `avesa dev-server` and `avesa-worker` on free loopback ports, stops everything it
# started on exit (trap), and provides the seeding and measuring helpers. Expects $NAME set.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
for jar in client-cli/target/avesa-cli.jar worker/target/avesa-worker.jar; do
  [[ -f $jar ]] || { echo "$NAME: $jar missing; build first: ./mvnw -B -o -q package -DskipTests" >&2; exit 2; }
done
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
for t in curl jq aws; do command -v $t >/dev/null || { echo "$NAME: $t is required" >&2; exit 2; }; done
MOTO=$(pyenv which moto_server 2>/dev/null || command -v moto_server || true)
[[ -n $MOTO ]] || { echo "$NAME: moto_server not found (pip install 'moto[server]')" >&2; exit 2; }
PY=$(head -1 "$MOTO" | sed -n 's/^#!//p' | awk '{print $1}')
[[ -x ${PY:-} ]] || PY=python3

work=$(mktemp -d /tmp/avesa-bench.XXXXXX)
pids=()
KEEP=${KEEP:-0}
cleanup() {
  local i
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  for ((i=${#pids[@]}-1; i>=0; i--)); do   # moto holding GiBs can take ~20 s to exit; at most 30 s each
    local t; for ((t=0; t<300; t++)); do kill -0 "${pids[$i]}" 2>/dev/null || break; sleep 0.1; done
    [[ $t -lt 300 ]] || kill -9 "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true
  done
  if [[ $KEEP == 1 ]]; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # description, seconds, command...
  local what=$1 secs=$2; shift 2
  local end=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [[ $SECONDS -lt $end ]] || { echo "$NAME: $what did not come up in ${secs}s" >&2; exit 1; }
    sleep 0.3
  done
}
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
verdict() { if awk "BEGIN {exit !($2)}"; then echo "PASS  $1"; else echo "FAIL  $1"; fi; }

MOTO_PORT=$(free_port); TEMPORAL_PORT=$(free_port); METRICS_PORT=$(free_port)
EP="http://127.0.0.1:$MOTO_PORT"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1
export AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT" METRICS_PORT TEMPORAL_NAMESPACE=default
awsm() { aws --endpoint-url "$EP" "$@"; }

start_stack() {
  log "moto on $EP, Temporal on $TEMPORAL_ADDRESS, worker metrics on $METRICS_PORT, files in $work"
  "$MOTO" -H 127.0.0.1 -p "$MOTO_PORT" >"$work/moto.log" 2>&1 &
  MOTO_PID=$!; pids+=("$MOTO_PID")
  bin/avesa dev-server --port "$TEMPORAL_PORT" >"$work/dev-server.log" 2>&1 &
  DEV_PID=$!; pids+=("$DEV_PID")
  wait_for moto 30 curl -sf "$EP/moto-api/"
  wait_for "dev server" 60 bash -c "</dev/tcp/127.0.0.1/$TEMPORAL_PORT"
}
# start_worker LOGFILE: starts bin/avesa-worker with the caller's JAVA_OPTS; sets WORKER_PID
start_worker() {
  bin/avesa-worker >"$1" 2>&1 &
  WORKER_PID=$!; pids+=("$WORKER_PID")
  wait_for worker 90 curl -sf "http://127.0.0.1:$METRICS_PORT/health"
}
# start_extra_worker LOGFILE: one more worker on the same task queue (its own metrics port)
start_extra_worker() {
  local port; port=$(free_port)
  METRICS_PORT=$port bin/avesa-worker >"$1" 2>&1 &
  pids+=("$!")
  wait_for "extra worker" 90 curl -sf "http://127.0.0.1:$port/health"
}

AUTH_S3="AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000"
# seed_objects BUCKET N [STEP] [BODY]: N objects of 1 KiB (obj/0000000, obj/STEP, ...; the same random
# body for all, BODY if given), 16 parallel unsigned PUTs (as bench/run.sh does)
seed_objects() {
  local bucket=$1 n=$2 step=${3:-1} body=${4:-$work/obj.bin} ok
  awsm s3api create-bucket --bucket "$bucket" >/dev/null 2>&1 || true
  [[ -f $body ]] || head -c 1024 /dev/urandom >"$body"
  awk -v n="$n" -v s="$step" -v ep="$EP" -v b="$bucket" -v f="$body" 'BEGIN {
    for (i = 0; i < n; i++) printf "url = \"%s/%s/obj/%07d\"\nupload-file = \"%s\"\noutput = \"/dev/null\"\n", ep, b, i * s, f }' >"$work/put.cfg"
  curl -s --parallel --parallel-max 16 -H "Expect:" -H "Authorization: $AUTH_S3" -H "x-amz-date: 20260101T000000Z" \
    -w '%{http_code}\n' -K "$work/put.cfg" >"$work/put.codes" 2>"$work/put.err"
  ok=$(grep -c '^200$' "$work/put.codes" || true)
  [[ $ok == "$n" ]] || { echo "$NAME: seeding S3: $ok of $n PUTs answered 200" >&2; exit 1; }
}

# the target account: moto gives an assumed role's credentials the role's account
ROLE_ARN=arn:aws:iam::987654321098:role/AVESADeploymentRole
seed_target_role() {
  local creds tk ts tt
  creds=$(awsm sts assume-role --role-arn "$ROLE_ARN" --role-session-name bench-seed --external-id avesa-deployment-key \
    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)
  read -r tk ts tt <<<"$creds"
  AWS_ACCESS_KEY_ID=$tk AWS_SECRET_ACCESS_KEY=$ts AWS_SESSION_TOKEN=$tt awsm iam create-role --role-name AVESADeploymentRole \
    --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"avesa-deployment-key"}}}]}' >/dev/null
}
# target_s3 ARGS...: the aws CLI as the target account (where avesa writes)
target_s3() {
  local creds tk ts tt
  creds=$(awsm sts assume-role --role-arn "$ROLE_ARN" --role-session-name bench-check --external-id avesa-deployment-key \
    --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)
  read -r tk ts tt <<<"$creds"
  AWS_ACCESS_KEY_ID=$tk AWS_SECRET_ACCESS_KEY=$ts AWS_SESSION_TOKEN=$tt aws --endpoint-url "$EP" "$@"
}

# write_config FILE NAME BUCKETS_YAML TABLES_YAML [EXTRA_DATA_LINES]
write_config() {
  cat >"$1" <<YAML
name: $2
region: us-east-1
endpoint: $EP
source:
  accountId: "123456789012"
target:
  accountId: "987654321098"
  roleArn: $ROLE_ARN
  externalId: avesa-deployment-key
data:
  buckets: $3
  tables: $4
  concurrency: 32
${5:-}
YAML
}
machine_line() {
  echo "machine: $(uname -srm), $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo); load at start: $LOAD_START, at end: $(cut -d' ' -f1-3 /proc/loadavg); moto $("$PY" -c 'import moto; print(moto.__version__)')"
}
