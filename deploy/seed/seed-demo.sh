#!/bin/sh
# One-shot job: seeds the demo AVESA estate (two emulated accounts: tenants' raw/ and canonical/
# objects, both tables, tenant secrets, the deployment role) into the compose stack's moto and
# writes the config that migrates it to /config/avesa-demo.yaml (a volume the worker mounts).
# Moto keeps everything in memory: after moto restarts, run this job again
# (`docker compose up seed-demo`).
set -eu

ENDPOINT="${MOTO_ENDPOINT:-http://moto:5000}"
CONFIG="${CONFIG_OUT:-/config/avesa-demo.yaml}"

echo "seeding the demo estate into ${ENDPOINT}"
java ${JAVA_OPTS:-} -jar /app/avesa-worker.jar seed-demo --endpoint "${ENDPOINT}" --config-out "${CONFIG}"
echo "config for the demo migration: ${CONFIG}"
echo "run it: docker compose exec worker avesa plan -c ${CONFIG}"
