from django.apps import AppConfig


class OverzichtConfig(AppConfig):
    """Top layer: the dashboard and the buurt page, composed from the apps' blocks."""

    name = "zorgnet.overzicht"
    label = "overzicht"
    verbose_name = "Overzicht"
