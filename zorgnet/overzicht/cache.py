"""The fragment cache of the buurt page and the dashboard: which writes count, and the keys.

The mechanism is `zorgnet/lib/fragmentcache.py`; this module decides what feeds these pages. Every
model that has a buurt or gemeente (directly or through its foreign keys) bumps on every save,
delete and many-to-many change, except the models listed in `UITGESLOTEN` with the reason why.
`tests/overzicht/test_fragmentcache.py` walks the app registry, so a new model is either bumped or
named here.

A block is rendered without the request: a block template cannot reach `user` or `request`, so
the only per-user input is the block's context, and what that context may depend on is the
user's `profiel` in the key (superuser flag, roles, partner organisations).
"""

from collections.abc import Callable, Sequence

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from buurten.models import Buurt, Gemeente
from buurten.permissions import leden, partner_ids_van, rollen_in_buurt
from zorgnet.lib import fragmentcache
from zorgnet.overzicht.taken import mijn_taken

SCOPE_MODELLEN = {"b": Buurt, "g": Gemeente}

# Models with a buurt or gemeente that do not feed the buurt page or the dashboard blocks.
UITGESLOTEN: dict[str, str] = {
    "buurten.Toegangsgebeurtenis": "het toegangslog; niet op de pagina's, en elke lezing schrijft er een",
    "buurten.Melding": "meldingen staan alleen in 'Mijn taken' en de bel, per gebruiker en niet gecachet",
    "partners.Importtaak": "een importtaak; alleen op haar eigen statuspagina",
    "activiteiten.ExportBestand": "een exportbestand; alleen op de exportpagina",
    "rapport.RapportVoorbeeld": "een rapportvoorbeeld; alleen op de rapportpagina",
    "activiteiten.Genodigde": "genodigden van een bijeenkomst; alleen op de bijeenkomstpagina",
    "toegang.Uitnodiging": "uitnodigingen; alleen op de ledenpagina",
    "netwerkanalyse.PartnerMetriek": "metriekrijen, in bulk door de netwerktaak; het afronden van de "
    "analyse zelf verhoogt de versie",
}


def is_historiek(model) -> bool:
    """django-simple-history rows: written together with their model, whose write bumps."""
    return hasattr(model, "instance_type") and hasattr(model, "history_id")


def te_verbinden() -> dict:
    """{model: paths} of every scoped model that feeds the pages."""
    return {
        model: paden
        for model, paden in fragmentcache.scoped_modellen(SCOPE_MODELLEN).items()
        if paden and model._meta.label not in UITGESLOTEN and not is_historiek(model)
    }


def verbind() -> None:
    fragmentcache.verbind(te_verbinden(), SCOPE_MODELLEN)


# --- keys ----------------------------------------------------------------------------------------
def buurtprofiel(user, buurt: Buurt) -> tuple:
    """All that a buurt block's context may differ in between two users of this buurt."""
    return (
        bool(user.is_superuser),
        tuple(sorted(rollen_in_buurt(user, buurt))),
        tuple(sorted(partner_ids_van(user, buurt))),
    )


def dashboardprofiel(user) -> tuple:
    """The dashboard differs per set of memberships (roles, buurten, gemeenten, partners)."""
    rijen = sorted(
        (lid.rol, lid.buurt_id or 0, lid.gemeente_id or 0, lid.partner_id or 0)
        for lid in leden(user)
    )
    return (bool(user.is_superuser), tuple(rijen))


def _render(blok, maak_context: Callable[[], dict]) -> Callable[[], SafeString]:
    # Without the request: see the module docstring.
    return lambda: mark_safe(render_to_string(blok.template, {"ctx": maak_context()}))  # noqa: S308


def buurtblokken(request, buurt: Buurt, blokken: Sequence) -> list[SafeString]:
    """The rendered blocks of the buurt page; a block's context is only computed on a miss."""
    versie = fragmentcache.versies(buurten=[buurt.id], gemeenten=[buurt.gemeente_id])
    profiel = buurtprofiel(request.user, buurt)
    gevraagd = [
        (
            fragmentcache.sleutel(f"buurt:{blok.slug}", buurt.id, versie, profiel),
            _render(blok, lambda blok=blok: blok.context(request, buurt)),
        )
        for blok in blokken
    ]
    return [mark_safe(html) for html in fragmentcache.fragmenten(gevraagd)]  # noqa: S308


def dashboardblokken(
    request, scopes: Sequence[tuple[int, int]], blokken: Sequence, buurten: Callable[[], list]
) -> list[SafeString]:
    """The dashboard's fragments (the buurt cards first, then the blocks); `scopes` are the
    (buurt id, gemeente id) of the user's buurten, `buurten()` loads them only on a miss."""
    versie = fragmentcache.versies(
        buurten=[b for b, _g in scopes], gemeenten=[g for _b, g in scopes]
    )
    profiel = dashboardprofiel(request.user)
    geladen: list = []

    def lijst() -> list:
        if not geladen:
            geladen.append(buurten())
        return geladen[0]

    gevraagd = [
        (
            fragmentcache.sleutel(f"dashboard:{blok.slug}", versie, profiel),
            _render(blok, lambda blok=blok: blok.context(request, lijst())),
        )
        for blok in blokken
    ]
    return [mark_safe(html) for html in fragmentcache.fragmenten(gevraagd)]  # noqa: S308


def takenblokken(
    request, scopes: Sequence[tuple[int, int]], *, toon_buurt: bool
) -> list[SafeString]:
    """A partner user's 'Mijn taken' per buurt (`scopes`: (buurt id, gemeente id), in page order),
    for the buurten where the user acts for a partner organisation.

    The to-dos read ties, referrals and meeting actions of the buurt (each bumps the buurt's or
    the gemeente's version), the user's partner ids and roles in that buurt (the `buurtprofiel`)
    and today's date (in every key); nothing else of the user. On a miss the buurt is loaded and
    its to-dos are counted; on a hit neither happens."""
    user = request.user
    gevraagd = []
    for buurt_id, gemeente_id in scopes:
        scope = Buurt(id=buurt_id, gemeente_id=gemeente_id)
        if not partner_ids_van(user, scope):
            continue
        versie = fragmentcache.versies(buurten=[buurt_id], gemeenten=[gemeente_id])

        def maak(buurt_id=buurt_id) -> SafeString:
            buurt = Buurt.objects.select_related("gemeente").get(pk=buurt_id)
            context = {
                "taak": mijn_taken(user, buurt),
                "toon_buurt": toon_buurt,
                "vandaag": timezone.localdate(),
            }
            return mark_safe(render_to_string("overzicht/_mijn_taken.html", context))  # noqa: S308

        gevraagd.append(
            (
                fragmentcache.sleutel(
                    "taken", buurt_id, versie, buurtprofiel(user, scope), toon_buurt
                ),
                maak,
            )
        )
    return [mark_safe(html) for html in fragmentcache.fragmenten(gevraagd)]  # noqa: S308
