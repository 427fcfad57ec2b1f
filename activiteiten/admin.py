from . import acties_admin  # noqa: F401
