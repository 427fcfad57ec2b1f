#!/usr/bin/env bash
# Restore a backup made by ops/backup.sh into DATABASE_URL (which must exist and may be empty),
# then re-apply every erasure and anonymisation recorded since (manage.py herhaal_wissingen).
# Usage: DATABASE_URL=postgres://.../zorgnet_nieuw ops/restore.sh backups/zorgnet-....dump
set -euo pipefail
: "${DATABASE_URL:?zet DATABASE_URL (postgres://...)}"
bestand="${1:?geef het backupbestand op}"
[ -f "$bestand" ] || { echo "backupbestand niet gevonden: $bestand" >&2; exit 2; }
pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
  --dbname="$DATABASE_URL" "$bestand"
cd "$(dirname "$0")/.."
"${PYTHON:-.venv/bin/python}" manage.py migrate --noinput -v0
"${PYTHON:-.venv/bin/python}" manage.py herhaal_wissingen
echo "hersteld in $DATABASE_URL"
