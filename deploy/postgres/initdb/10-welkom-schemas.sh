#!/usr/bin/env bash
# Creates one schema per welkom service in the welkom database, owned by the application role,
# and a read-only audit role (NOLOGIN) for the audit/replay tooling. Runs once, on an empty volume.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v app_role="$POSTGRES_USER" <<'SQL'
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', s, :'app_role')
FROM unnest(ARRAY['welkom_opvang', 'welkom_huisvesting', 'welkom_inburgering', 'welkom_mzd']) AS s
\gexec

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'welkom_audit') THEN
    CREATE ROLE welkom_audit NOLOGIN;
  END IF;
END
$$;

-- The audit tooling reads every service's event store and writes nothing.
SELECT format('GRANT USAGE ON SCHEMA %I TO welkom_audit', s)
FROM unnest(ARRAY['welkom_opvang', 'welkom_huisvesting', 'welkom_inburgering', 'welkom_mzd']) AS s
\gexec
SELECT format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT ON TABLES TO welkom_audit',
              :'app_role', s)
FROM unnest(ARRAY['welkom_opvang', 'welkom_huisvesting', 'welkom_inburgering', 'welkom_mzd']) AS s
\gexec
SQL
