from django.apps import AppConfig


def _sectie_context(request, buurt) -> dict:
    from . import selectors

    return {
        "cijfers": selectors.kerncijfers(request.user, buurt),
        "waarschuwingen": selectors.mandaat_waarschuwingen(buurt),
        "buurt": buurt,
    }


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Partners"

    def ready(self) -> None:
        from zorgnet.lib.secties import Sectie, registreer_buurtsectie

        registreer_buurtsectie(
            Sectie(
                slug="partners",
                template="partners/_buurtsectie.html",
                context=_sectie_context,
                url_name="partners:partner_list",
            )
        )
        from .netwerk_sectie import registreer as registreer_netwerk

        registreer_netwerk()

        from zorgnet.lib.wislog import registreer_handler

        from .privacy import contactpersoon_opnieuw_wissen

        registreer_handler("contactpersoon", contactpersoon_opnieuw_wissen)
