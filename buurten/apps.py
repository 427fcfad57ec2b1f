from django.apps import AppConfig


class BuurtenConfig(AppConfig):
    name = "buurten"
    verbose_name = "Buurten"

    def ready(self) -> None:
        from zorgnet.lib import lookups  # noqa: F401  (registers the __in_lijst lookup)
        from zorgnet.lib.secties import Sectie, registreer_buurtsectie

        from .analyse_selectors import sectie_context

        registreer_buurtsectie(
            Sectie(
                slug="buurtanalyse",
                template="buurten/_buurtanalyse_sectie.html",
                context=sectie_context,
                url_name="buurten:buurtanalyse",
            )
        )
