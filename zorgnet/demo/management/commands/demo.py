"""`manage.py demo`: load the fictional demo data set and print the demo logins."""

from django.core.management.base import BaseCommand

from zorgnet.demo.laden import laad_demo


class Command(BaseCommand):
    help = "Laadt de fictieve demodata (Buurtegem, Stederen, Gemeentegem met De Leefhoek)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--stil", action="store_true", help="Toon de demologins niet (voor tests)."
        )

    def handle(self, *args, **options):
        ctx = laad_demo()
        if not options["stil"]:
            self.stdout.write(
                self.style.SUCCESS("Demodata geladen. Aanmelden op http://127.0.0.1:8000 met:")
            )
            for gebruikersnaam, wachtwoord, rol in ctx.get("logins", []):
                self.stdout.write(
                    f"  {rol:<34} gebruiker: {gebruikersnaam:<22} wachtwoord: {wachtwoord}"
                )
