"""The production shape: settings refuse to start without a secret, compose validates, no dev tools."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def _schone_omgeving() -> dict[str, str]:
    """The environment without test-only switches (the browser fixture allows async-unsafe ORM)."""
    weg = {"DJANGO_SECRET_KEY", "ZORGNET_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE", "ZORGNET_BENCH"}
    return {k: v for k, v in os.environ.items() if k not in weg}


def _django(code: str, **extra_env) -> subprocess.CompletedProcess:
    env = _schone_omgeving()
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    resultaat = _django(
        "print('gestart')", ZORGNET_ENV="production", DJANGO_SETTINGS_MODULE="zorgnet.settings"
    )
    assert resultaat.returncode != 0
    assert "DJANGO_SECRET_KEY ontbreekt" in resultaat.stderr
    assert "gestart" not in resultaat.stdout


def test_production_settings_pass_check_deploy():
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **_schone_omgeving(),
            "ZORGNET_ENV": "production",
            "DJANGO_SECRET_KEY": "x" * 20 + "een-lange-willekeurige-productiesleutel-0123456789",
            "DJANGO_ALLOWED_HOSTS": "zorgnet.example",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "no issues" in resultaat.stdout


def test_production_settings_carry_no_development_tools():
    resultaat = _django(
        "from django.conf import settings; print(','.join(settings.INSTALLED_APPS)); "
        "print(settings.DEBUG)",
        ZORGNET_ENV="production",
        DJANGO_SECRET_KEY="y" * 60,
        DJANGO_SETTINGS_MODULE="zorgnet.settings",
    )
    assert resultaat.returncode == 0, resultaat.stderr
    apps, debug = resultaat.stdout.strip().splitlines()
    assert debug == "False"
    for ontwikkeltool in ("debug_toolbar", "silk", "django_extensions", "pyinstrument", "bench"):
        assert ontwikkeltool not in apps.split(",")


def test_the_benchmark_baseline_is_routed_only_when_the_bench_setting_is_on():
    code = (
        "from django.urls import NoReverseMatch, reverse\n"
        "try:\n    print(reverse('basislijn'))\nexcept NoReverseMatch:\n    print('geen')"
    )
    uit = _django(code, DJANGO_SETTINGS_MODULE="zorgnet.settings")
    aan = _django(code, DJANGO_SETTINGS_MODULE="zorgnet.settings", ZORGNET_BENCH="1")
    assert uit.returncode == 0 and aan.returncode == 0, uit.stderr + aan.stderr
    assert uit.stdout.strip() == "geen"
    assert aan.stdout.strip() == "/bench/basislijn/"


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose ontbreekt")
def test_docker_compose_file_validates():
    resultaat = subprocess.run(
        ["docker-compose", "config", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "DJANGO_SECRET_KEY": "compose-test"},
    )
    assert resultaat.returncode == 0, resultaat.stderr


@pytest.mark.django_db
def test_migrations_are_complete():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
