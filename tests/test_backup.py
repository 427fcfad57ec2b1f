"""Backup and restore on real PostgreSQL: dump, restore into a fresh database, compare row counts;
erasures logged outside the database are re-applied after the restore."""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests.conftest import ROOT, _database_url_voor_worker
from zorgnet.lib import wislog
from zorgnet.toegang import wissingen

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump ontbreekt"),
]


def _tellingen(cursor) -> dict[str, int]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    tabellen = [rij[0] for rij in cursor.fetchall()]
    resultaat = {}
    for tabel in tabellen:
        cursor.execute(f'SELECT count(*) FROM "{tabel}"')
        resultaat[tabel] = cursor.fetchone()[0]
    return resultaat


@pytest.fixture
def lege_database():
    import psycopg

    naam = f"zorgnet_restore_{uuid.uuid4().hex[:8]}"
    instellingen = connection.settings_dict
    beheer = dict(
        host=instellingen.get("HOST") or "127.0.0.1",
        port=instellingen.get("PORT") or 5432,
        user=instellingen.get("USER") or "postgres",
        dbname="postgres",
        autocommit=True,
    )
    with psycopg.connect(**beheer) as conn:
        conn.execute(f'CREATE DATABASE "{naam}"')
    url = _database_url_voor_worker().rsplit("/", 1)[0] + f"/{naam}"
    yield naam, url, beheer
    with psycopg.connect(**beheer) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def test_backup_restores_into_a_fresh_database_with_equal_row_counts(
    lege_database, tmp_path, settings
):
    if connection.vendor != "postgresql":
        pytest.skip("backup en restore gebruiken pg_dump: alleen op PostgreSQL")
    import psycopg

    settings.ZORGNET_WISLOG = tmp_path / "wissingen.jsonl"
    call_command("demo", "--stil")
    with connection.cursor() as cursor:
        origineel = _tellingen(cursor)
    assert origineel["buurten_buurt"] >= 3

    bron = _database_url_voor_worker()
    dump = tmp_path / "zorgnet.dump"
    env = {**os.environ, "DATABASE_URL": bron, "ZORGNET_WISLOG": str(tmp_path / "wissingen.jsonl")}
    subprocess.run([str(ROOT / "ops/backup.sh"), str(dump)], env=env, check=True, cwd=ROOT)
    assert dump.stat().st_size > 0

    naam, doel, beheer = lege_database
    env["DATABASE_URL"] = doel
    env["PYTHON"] = sys.executable
    herstel = subprocess.run(
        [str(ROOT / "ops/restore.sh"), str(dump)], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert herstel.returncode == 0, herstel.stderr
    with psycopg.connect(**{**beheer, "dbname": naam}) as conn, conn.cursor() as cursor:
        hersteld = _tellingen(cursor)
    assert hersteld == origineel


def test_restore_refuses_a_missing_file(tmp_path):
    resultaat = subprocess.run(
        [str(ROOT / "ops/restore.sh"), str(tmp_path / "bestaat-niet.dump")],
        env={**os.environ, "DATABASE_URL": "postgres://127.0.0.1/niet-gebruikt"},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert resultaat.returncode == 2
    assert "niet gevonden" in resultaat.stderr


def test_the_erasure_log_is_replayed(tmp_path, settings, monkeypatch):
    settings.ZORGNET_WISLOG = tmp_path / "wissingen.jsonl"
    gewist: list[int] = []
    monkeypatch.setitem(
        wissingen.WISHANDLERS, "testobject", lambda object_id: gewist.append(object_id) or True
    )
    wislog.registreer_wissing("testobject", 7, "gewist")
    wislog.registreer_wissing("testobject", 9, "geanonimiseerd")
    assert [r["object_id"] for r in wislog.wissingen()] == [7, 9]
    assert "inhoud" not in Path(settings.ZORGNET_WISLOG).read_text()
    call_command("herhaal_wissingen")
    assert gewist == [7, 9]
