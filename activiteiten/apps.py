from django.apps import AppConfig


class ActiviteitenConfig(AppConfig):
    """Actions and signals, activity packages, meetings and export files (one package each)."""

    name = "activiteiten"
    verbose_name = "Activiteiten"
