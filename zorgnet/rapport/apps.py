from django.apps import AppConfig


class RapportConfig(AppConfig):
    name = "zorgnet.rapport"
    label = "rapport"
    verbose_name = "Rapport"
