#!/bin/sh
# One-shot job (temporalio/admin-tools): registers the namespace the worker polls
# (TEMPORAL_NAMESPACE, default `default`) once the server answers; the plain temporalio/server
# image creates no namespace by itself; then the run search attributes (below). Safe to re-run.
set -eu

NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
ADDRESS="${TEMPORAL_ADDRESS:-temporal:7233}"
RETENTION="${NAMESPACE_RETENTION:-72h}"

attempt=1
until temporal operator cluster health --address "$ADDRESS" >/dev/null 2>&1; do
  if [ "$attempt" -ge 60 ]; then
    echo "Temporal at ${ADDRESS} is not healthy after 60 attempts" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done

if temporal operator namespace describe --address "$ADDRESS" -n "$NAMESPACE" >/dev/null 2>&1; then
  echo "namespace ${NAMESPACE} already exists"
else
  temporal operator namespace create --address "$ADDRESS" -n "$NAMESPACE" --retention "$RETENTION"
  echo "namespace ${NAMESPACE} created (retention ${RETENTION})"
fi

# The run search attributes (all Keyword; RunSearchAttributes.REQUIRED in the code): runs upsert
# their phase, outcome and pending gate only when the namespace has them, and `avesa list
# --config/--phase/--outcome/--gate` filters on them.
for attribute in AvesaConfig AvesaKind AvesaPhase AvesaOutcome AvesaPendingGate; do
  if temporal operator search-attribute list --address "$ADDRESS" -n "$NAMESPACE" | grep -qw "$attribute"; then
    echo "search attribute ${attribute} already exists"
  else
    temporal operator search-attribute create --address "$ADDRESS" -n "$NAMESPACE" --name "$attribute" --type Keyword
    echo "search attribute ${attribute} created (Keyword)"
  fi
done
