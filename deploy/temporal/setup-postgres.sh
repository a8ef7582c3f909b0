#!/bin/sh
# One-shot schema job (temporalio/admin-tools): creates the `temporal` and `temporal_visibility`
# databases on Postgres and brings both schemas to the version this admin-tools image ships,
# the way Temporal's own compose examples do it (auto-setup is deprecated). Safe to re-run on a
# kept volume: an existing database is left as it is, and a database that already has a schema
# only gets the versions it is missing (setup-schema -v 0.0 runs on a fresh database only).
set -eu

: "${POSTGRES_SEEDS:?POSTGRES_SEEDS (the Postgres host) is required}"
: "${POSTGRES_USER:?POSTGRES_USER is required}"
: "${SQL_PASSWORD:?SQL_PASSWORD (the Postgres password) is required}"
DB_PORT="${DB_PORT:-5432}"
SCHEMA_DIR=/etc/temporal/schema/postgresql/v12

echo "waiting for Postgres at ${POSTGRES_SEEDS}:${DB_PORT}"
attempt=1
until nc -z -w 5 "${POSTGRES_SEEDS}" "${DB_PORT}"; do
  if [ "$attempt" -ge 30 ]; then
    echo "Postgres at ${POSTGRES_SEEDS}:${DB_PORT} did not answer after 30 attempts" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done

sql() {
  temporal-sql-tool --plugin postgres12 --ep "${POSTGRES_SEEDS}" -p "${DB_PORT}" -u "${POSTGRES_USER}" "$@"
}

for db in temporal temporal_visibility; do
  case "$db" in
    temporal) versioned="${SCHEMA_DIR}/temporal/versioned" ;;
    *) versioned="${SCHEMA_DIR}/visibility/versioned" ;;
  esac
  echo "schema of database ${db}"
  sql --db "$db" create || echo "database ${db} already exists"
  if sql --db "$db" update-schema -d "$versioned" >/dev/null 2>&1; then
    echo "database ${db}: existing schema updated"
  else
    sql --db "$db" setup-schema -v 0.0
    sql --db "$db" update-schema -d "$versioned"
  fi
done
echo "Temporal schema on Postgres is ready"
