from django.apps import AppConfig


class RapportConfig(AppConfig):
    """Top layer: the period report per buurt or gemeente (sections in secties/)."""

    name = "zorgnet.rapport"
    label = "rapport"
    verbose_name = "Rapport"
