from django.apps import AppConfig


class ActiviteitenConfig(AppConfig):
    name = "activiteiten"
    verbose_name = "Activiteiten"

    def ready(self) -> None:
        from . import acties_secties, bijeenkomsten_secties, pakketten_secties

        acties_secties.registreer()
        pakketten_secties.registreer()
        bijeenkomsten_secties.registreer()

        from zorgnet.lib.wislog import registreer_handler

        from .acties_services import signaal_opnieuw_anonimiseren

        registreer_handler("signaal", signaal_opnieuw_anonimiseren)
