#!/usr/bin/env bash
# Least-privilege PostgreSQL for welkom: one LOGIN role per store that owns only its schema of the
# same name (the services' welkom_opvang, welkom_huisvesting, welkom_inburgering, welkom_mzd, and
# welkom_logboek for the Logboek Dataverwerkingen of audit and Logboek reads and DLQ replays),
# and the NOLOGIN welkom_audit role that may read every schema and write nothing. Each role's
# password comes from the libpq password file welkom itself reads (PGPASSFILE), so the two cannot
# drift. Safe to re-run: it creates what is missing and sets every password and privilege again
# (change a password = edit the passfile, run this again, restart welkom).
#
# Connects as the bootstrap superuser POSTGRES_USER to database POSTGRES_DB; the usual libpq
# variables (PGHOST, PGPORT, PGPASSWORD, ...) choose the server. In deploy/compose.yaml the
# one-shot postgres-init service runs it on every `up`. By hand, e.g. against a local cluster:
#   POSTGRES_USER=postgres POSTGRES_DB=scratch PGHOST=127.0.0.1 \
#     WELKOM_PGPASS_FILE=./welkom.pgpass bash deploy/postgres/initdb/10-welkom-schemas.sh
#
# Passfile (libpq format, one line per role; '\' escapes ':' and '\'; mode 0600):
#   postgres:5432:welkom:welkom_opvang:<password>
# Only the database and user fields are matched here; libpq matches all four when welkom connects.
set -euo pipefail

PGPASS_FILE="${WELKOM_PGPASS_FILE:-/run/secrets/welkom.pgpass}"
DB="${POSTGRES_DB:?set POSTGRES_DB (the welkom database)}"
ADMIN="${POSTGRES_USER:?set POSTGRES_USER (the bootstrap superuser)}"
# The stores: the four services and the Logboek (services/logboek/), each its own role and schema.
STORES=(opvang huisvesting inburgering mzd logboek)

fail() { printf 'postgres-init: ERROR: %s\n' "$*" >&2; exit 1; }

# The password of role $1 for database $DB: the first matching passfile line, unescaped.
password_for() {
  local role="$1" line field i c
  local -a fields
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line%$'\r'}"
    [[ -z "$line" || "$line" == \#* ]] && continue
    fields=() field=""
    for ((i = 0; i < ${#line}; i++)); do
      c="${line:i:1}"
      if [[ "$c" == "\\" ]]; then
        i=$((i + 1)) && field+="${line:i:1}"
      elif [[ "$c" == ":" && ${#fields[@]} -lt 4 ]]; then
        fields+=("$field") && field=""
      else
        field+="$c"
      fi
    done
    fields+=("$field")
    if [[ ${#fields[@]} -eq 5 && "${fields[3]}" == "$role" && ("${fields[2]}" == "$DB" || "${fields[2]}" == "*") ]]; then
      printf '%s' "${fields[4]}"
      return 0
    fi
  done <"$PGPASS_FILE"
  return 1
}

# A value as a single-quoted psql meta-command argument ('' for ', \\ for \).
psql_quoted() {
  local v="${1//\\/\\\\}"
  printf "'%s'" "${v//\'/\'\'}"
}

[[ -r "$PGPASS_FILE" ]] || fail "cannot read the passfile $PGPASS_FILE (WELKOM_PGPASS_FILE)"
declare -A PW
for s in "${STORES[@]}"; do
  PW[$s]="$(password_for "welkom_$s")" || fail "$PGPASS_FILE has no line for database $DB, user welkom_$s"
  [[ -n "${PW[$s]}" && "${PW[$s]}" != replace-with* ]] || fail "$PGPASS_FILE: set a real password for welkom_$s"
done

# The passwords go to psql on stdin, never on a command line; psql echoes nothing, and its error
# messages are terse (no statement text).
{
  printf '\\set VERBOSITY terse\n'
  for s in "${STORES[@]}"; do
    printf '\\set pw_%s %s\n' "$s" "$(psql_quoted "${PW[$s]}")"
  done
  cat <<'SQL'
SET client_min_messages = warning;
-- The passwords must not reach the server log, whatever log_statement says.
SET log_statement = 'none';
SET log_min_error_statement = 'panic';
SET log_min_duration_statement = -1;

-- Nobody connects to this database, creates temporary tables in it or writes to public unless
-- granted here.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database())
\gexec
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

SELECT format('CREATE ROLE %I', role)
FROM unnest(ARRAY['welkom_opvang', 'welkom_huisvesting', 'welkom_inburgering', 'welkom_mzd', 'welkom_logboek',
                  'welkom_audit']) AS role
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role)
\gexec
ALTER ROLE welkom_audit NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS '
              'PASSWORD %L', role, pw)
FROM (VALUES ('welkom_opvang', :'pw_opvang'), ('welkom_huisvesting', :'pw_huisvesting'),
             ('welkom_inburgering', :'pw_inburgering'), ('welkom_mzd', :'pw_mzd'),
             ('welkom_logboek', :'pw_logboek')) AS t(role, pw)
\gexec

-- Each store's role owns its schema of the same name (and, after an upgrade from one shared
-- role, the tables, types and functions already in it) and can reach nothing else; welkom_audit
-- reads all five.
SELECT stmt
FROM unnest(ARRAY['welkom_opvang', 'welkom_huisvesting', 'welkom_inburgering', 'welkom_mzd',
                  'welkom_logboek']) AS s,
LATERAL (VALUES
  (1, format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), s)),
  (2, format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', s, s)),
  (3, format('ALTER SCHEMA %I OWNER TO %I', s, s)),
  (4, format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', s)),
  (5, format('GRANT USAGE ON SCHEMA %I TO welkom_audit', s)),
  (6, format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT ON TABLES TO welkom_audit', s, s))
) AS t(n, stmt)
ORDER BY s, n
\gexec
SELECT format('ALTER TABLE %I.%I OWNER TO %I', schemaname, tablename, schemaname)
FROM pg_tables
WHERE schemaname IN ('welkom_opvang', 'welkom_huisvesting', 'welkom_inburgering', 'welkom_mzd',
                     'welkom_logboek')
  AND tableowner <> schemaname
\gexec
SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, t.typname, n.nspname)
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
WHERE n.nspname IN ('welkom_opvang', 'welkom_huisvesting', 'welkom_inburgering', 'welkom_mzd',
                    'welkom_logboek')
  AND pg_get_userbyid(t.typowner) <> n.nspname
\gexec
SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, n.nspname)
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname IN ('welkom_opvang', 'welkom_huisvesting', 'welkom_inburgering', 'welkom_mzd',
                    'welkom_logboek')
  AND pg_get_userbyid(p.proowner) <> n.nspname
\gexec
SELECT format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO welkom_audit', s)
FROM unnest(ARRAY['welkom_opvang', 'welkom_huisvesting', 'welkom_inburgering', 'welkom_mzd',
                  'welkom_logboek']) AS s
\gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO welkom_audit', current_database())
\gexec
SQL
} | psql -X --quiet -v ON_ERROR_STOP=1 --username "$ADMIN" --dbname "$DB" >/dev/null

printf 'postgres-init: roles%s and welkom_audit in place in database %s\n' \
  "$(printf ' welkom_%s' "${STORES[@]}")" "$DB"
