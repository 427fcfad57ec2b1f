from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """The partner register, smoelenboek, partnerscan, mandates and declared ties."""

    name = "partners"
    verbose_name = "Partners"

    def ready(self) -> None:
        # RelatieBuurt follows every model write of a tie or of a partner's buurten.
        from . import relatiebuurten

        relatiebuurten.verbinden()
