from django.apps import AppConfig


class BuurtenConfig(AppConfig):
    name = "buurten"
    verbose_name = "Buurten"
