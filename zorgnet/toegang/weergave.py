"""How the access log and the history read for a person: page and object names, not codes (issue 19).

The log keeps the exact URL name and object type (audit data); these functions only turn them into
words on the page: "activiteiten:signaal_detail" reads "Signaal bekijken".
"""

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

HANDELINGEN = {
    "list": gettext_lazy("lijst"),
    "detail": gettext_lazy("bekijken"),
    "create": gettext_lazy("aanmaken"),
    "update": gettext_lazy("bewerken"),
    "delete": gettext_lazy("verwijderen"),
    "export": gettext_lazy("exporteren"),
    "import": gettext_lazy("importeren"),
    "download": gettext_lazy("downloaden"),
    "foto": gettext_lazy("foto"),
    "draaiboek": gettext_lazy("draaiboek"),
    "wissen": gettext_lazy("wissen"),
    "gegevens": gettext_lazy("gegevens"),
    "status": gettext_lazy("status"),
}


def _modelnamen() -> dict[str, str]:
    return {m._meta.model_name: str(m._meta.verbose_name) for m in apps.get_models()}


def objectnaam(object_type: str) -> str:
    """'signaal' -> 'Signaal', 'actie_draaiboek' -> 'Actie draaiboek', 'pagina' -> 'Pagina'."""
    modellen = _modelnamen()
    delen = object_type.split("_")
    for i in range(len(delen), 0, -1):
        model = "".join(delen[:i])
        if model in modellen:
            rest = [str(HANDELINGEN.get(d, d)) for d in delen[i:]]
            return " ".join([modellen[model], *rest]).capitalize()
    return " ".join(str(HANDELINGEN.get(d, d)) for d in delen).capitalize()


def paginanaam(url_naam: str) -> str:
    """A URL name as the page a person saw: 'activiteiten:signaal_detail' -> 'Signaal bekijken'."""
    return objectnaam(url_naam.rsplit(":", 1)[-1])


def toegangsomschrijving(omschrijving: str) -> str:
    """A refusal is logged as '403 GET app:url_name': shown as 'Signaal bekijken (403, GET)'."""
    delen = omschrijving.split(" ")
    if len(delen) == 3 and delen[0] in ("403", "404"):
        status, methode, url_naam = delen
        return _("%(pagina)s (geweigerd: %(status)s, %(methode)s)") % {
            "pagina": paginanaam(url_naam),
            "status": status,
            "methode": methode,
        }
    return omschrijving
