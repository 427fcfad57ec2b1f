from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """The partner register, smoelenboek, partnerscan, mandates and declared ties."""

    name = "partners"
    verbose_name = "Partners"
