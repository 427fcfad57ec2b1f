from django.apps import AppConfig


class BuurtenConfig(AppConfig):
    """Gemeenten, buurten, memberships and scoping; the buurtanalyse (buurten/analyse/)."""

    name = "buurten"
    verbose_name = "Buurten"

    def ready(self) -> None:
        # A custom lookup exists for the ORM only once it is registered on the field class
        # (Field.register_lookup); no import of a model module can do that, so it happens here.
        from zorgnet.lib import lookups  # noqa: F401
