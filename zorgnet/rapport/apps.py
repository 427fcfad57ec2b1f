from django.apps import AppConfig


class RapportConfig(AppConfig):
    name = "zorgnet.rapport"
    label = "rapport"
    verbose_name = "Rapport"

    def ready(self) -> None:
        from . import buurtsectie, secties

        secties.registreer()
        buurtsectie.registreer()
