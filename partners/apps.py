from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = "Partners"

    def ready(self):
        from .netwerk_sectie import registreer as registreer_netwerk

        registreer_netwerk()
