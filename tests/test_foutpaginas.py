"""The embedded default answers in Dutch (issue 19): no English debug page listing every URL.

The suite itself runs with DEBUG off (pytest-django), so the defaults are checked in a fresh
Python process with the environment of `make run`: no ZORGNET_ENV, no DJANGO_DEBUG.
"""

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client, RequestFactory
from django.views.defaults import server_error

client = Client(raise_request_exception=False)
niet_gevonden = client.get("/bestaat-niet/")
css = client.get("/static/css/zorgnet.css")
fout = server_error(RequestFactory().get("/"))
print(json.dumps({
    "debug": settings.DEBUG,
    "404": [niet_gevonden.status_code, niet_gevonden.content.decode()],
    "static": [css.status_code, css.get("Content-Type", "")],
    "500": [fout.status_code, fout.content.decode()],
}))
"""


def test_the_embedded_default_shows_dutch_error_pages_and_still_serves_static_files(tmp_path):
    omgeving = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "zorgnet.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
    }
    uit = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    antwoord = json.loads(uit.stdout.strip().splitlines()[-1])
    assert antwoord["debug"] is False
    status, html = antwoord["404"]
    assert status == 404
    assert "Niet gevonden" in html and 'lang="nl-BE"' in html
    assert "URLconf" not in html and "Page not found" not in html
    assert antwoord["static"] == [200, 'text/css; charset="utf-8"']
    status, html = antwoord["500"]
    assert status == 500 and "Er liep iets mis" in html and "Server Error" not in html
