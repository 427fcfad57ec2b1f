#!/usr/bin/env bash
# Back up the zorgnet PostgreSQL database with pg_dump (custom format, compressed).
# Usage: DATABASE_URL=postgres://... ops/backup.sh [output file]
# Also copy the erasure log (ZORGNET_WISLOG, default var/wissingen.jsonl): it lives outside the
# database so erasures can be re-applied after restoring an older backup.
set -euo pipefail
: "${DATABASE_URL:?zet DATABASE_URL (postgres://...)}"
uit="${1:-backups/zorgnet-$(date +%Y%m%d-%H%M%S).dump}"
mkdir -p "$(dirname "$uit")"
pg_dump --format=custom --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$uit"
echo "backup geschreven: $uit"
