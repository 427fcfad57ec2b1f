"""Fill the database with a Flanders-scale data set for benchmarks (issue 11).

`python manage.py schaaldata --schaal 1.0` (0.01 and 0.1 make the 1/100 and 1/10 versions).
Refuses to run unless the database name contains "bench" (or it is a test database).
"""

from django.core.management.base import BaseCommand, CommandError

from bench import schaaldata


class Command(BaseCommand):
    help = "Vult de database met een schaaldataset (Vlaanderen) voor benchmarks."

    def add_arguments(self, parser):
        parser.add_argument(
            "--schaal", type=float, default=1.0, help="1.0 = volledig, 0.01 = 1/100."
        )
        parser.add_argument(
            "--opnieuw",
            action="store_true",
            help="Wis een bestaande schaaldataset en maak hem opnieuw.",
        )

    def handle(self, *args, **options):
        schaal = options["schaal"]
        if not 0 < schaal <= 10:
            raise CommandError("--schaal moet tussen 0 en 10 liggen.")
        if not schaaldata.veilige_database():
            raise CommandError(
                "Weigert: de databasenaam bevat geen 'bench'. Schaaldata hoort in een "
                "aparte benchmarkdatabase, nooit in echte gegevens."
            )
        if schaaldata.bestaat(schaal) and not options["opnieuw"]:
            self.stdout.write(f"Schaaldataset {schaal} bestaat al; niets gedaan.")
            return
        schaaldata.wis()
        resultaat = schaaldata.genereer(schaal, uitvoer=self.stdout.write)
        totaal = sum(resultaat.seconden.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Schaaldataset {schaal} klaar in {totaal:.0f} s: "
                + ", ".join(f"{k} {v:,}" for k, v in resultaat.aantallen.items())
            )
        )
