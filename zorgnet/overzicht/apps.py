from django.apps import AppConfig


class OverzichtConfig(AppConfig):
    """Top layer: the dashboard and the buurt page, composed from the apps' blocks."""

    name = "zorgnet.overzicht"
    label = "overzicht"
    verbose_name = "Overzicht"

    def ready(self) -> None:
        # get_FOO_display from a cached label lookup, for every project model (zorgnet.lib.choices).
        from django.apps import apps

        from zorgnet.lib.choices import snelle_labels

        snelle_labels(
            m for m in apps.get_models() if not m._meta.app_label.startswith(("auth", "django"))
        )
        # The write signals of every model that feeds the buurt page and the dashboards bump the
        # fragment cache's versions (zorgnet/overzicht/cache.py says which models and why).
        from zorgnet.overzicht import cache

        cache.verbind()
