"""Load the fictional demo data set (DOMAIN.md §7). Idempotent: running it twice changes nothing.

Each app that has demo data provides `<app>/demo.py` with `laad(ctx: dict) -> None`; they run in
dependency order and share `ctx` (gemeenten, buurten, users, partners, ...).
"""

import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_MODULES = [
    "buurten.demo",
    "partners.demo",
    "buurten.analyse_demo",
    "activiteiten.demo",
    "partners.netwerk_demo",
    "zorgnet.rapport.demo",
]


class Command(BaseCommand):
    help = "Laadt de fictieve demodata (Buurtegem, Stederen, Gemeentegem met De Leefhoek)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stil", action="store_true", help="Toon de demologins niet (voor tests)."
        )

    def handle(self, *args, **options):
        ctx: dict = {}
        with transaction.atomic():
            for naam in DEMO_MODULES:
                try:
                    module = importlib.import_module(naam)
                except ModuleNotFoundError as exc:
                    if exc.name == naam:
                        continue
                    raise
                module.laad(ctx)
        if not options["stil"]:
            self.stdout.write(
                self.style.SUCCESS("Demodata geladen. Aanmelden op http://127.0.0.1:8000 met:")
            )
            for gebruikersnaam, wachtwoord, rol in ctx.get("logins", []):
                self.stdout.write(
                    f"  {rol:<34} gebruiker: {gebruikersnaam:<22} wachtwoord: {wachtwoord}"
                )
