"""Django's admin loads `<app>.admin`; each capability package keeps its own admin module."""

from activiteiten.acties import admin as acties_admin  # noqa: F401  (registers its models)
