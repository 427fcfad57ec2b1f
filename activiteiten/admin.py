"""Django's admin loads `<app>.admin`; each capability package keeps its own admin module."""

from activiteiten.acties import admin as acties_admin  # noqa: F401  (registers its models)
from activiteiten.reflectie import admin as reflectie_admin  # noqa: F401  (registers its models)
