"""Reads for the regisseur's audit pages: the history of a buurt's sensitive objects and its
access log. Reads the historical tables of several apps, like the report does (DESIGN.md §3)."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import CharField, OuterRef, Q, QuerySet, Subquery, Value
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.acties.permissions import leesbare_signaal_ids
from activiteiten.models import Beleidssignaal, Signaal
from buurten.models import Buurt, Lidmaatschap, Toegangsactie, Toegangsgebeurtenis
from partners.models import Contactpersoon, Mandaat, Partner, Relatie

SOORTEN = {
    "partner": (Partner, gettext_lazy("Partner")),
    "contactpersoon": (Contactpersoon, gettext_lazy("Contactpersoon")),
    "relatie": (Relatie, gettext_lazy("Relatie")),
    "mandaat": (Mandaat, gettext_lazy("Mandaat")),
    "lidmaatschap": (Lidmaatschap, gettext_lazy("Lidmaatschap")),
    "signaal": (Signaal, gettext_lazy("Signaal")),
    "beleidssignaal": (Beleidssignaal, gettext_lazy("Beleidssignaal")),
}
# Bookkeeping fields that change on every save and say nothing.
NIET_VERGELIJKEN = {"aangemaakt_op", "gewijzigd_op", "buurten"}
# Free text that only someone who may read the signal itself may see.
VRIJE_TEKST = {"signaal": {"omschrijving"}}
VERBORGEN = gettext_lazy("(verborgen)")
MAX_TEKST = 120


def _historie(buurt: Buurt) -> dict[str, QuerySet]:
    """Historical rows per object type that belong to the buurt."""
    partner_ids = Partner.objects.filter(buurten=buurt).values("id")
    return {
        "partner": Partner.history.filter(id__in=partner_ids),
        "contactpersoon": Contactpersoon.history.filter(partner_id__in=partner_ids),
        "relatie": Relatie.history.filter(
            Q(van_partner_id__in=partner_ids) | Q(naar_partner_id__in=partner_ids)
        ),
        "mandaat": Mandaat.history.filter(buurt_id=buurt.id),
        "lidmaatschap": Lidmaatschap.history.filter(buurt_id=buurt.id),
        "signaal": Signaal.history.filter(buurt_id=buurt.id),
        "beleidssignaal": Beleidssignaal.history.filter(buurt_id=buurt.id),
    }


def geschiedenis_van(buurt: Buurt, *, soort: str = "") -> QuerySet:
    """One time-ordered list (bron, history_id, history_date) over every history table; paginate
    it, then load the page with `geschiedenis_regels`."""
    delen = [
        qs.order_by()
        .annotate(bron=Value(naam, output_field=CharField()))
        .values("bron", "history_id", "history_date")
        for naam, qs in _historie(buurt).items()
        if not soort or naam == soort
    ]
    eerste, *rest = delen
    return eerste.union(*rest, all=True).order_by("-history_date", "-history_id")


@dataclass
class Regel:
    """One history row as shown: when, who, what, and the changed fields (label, old, new)."""

    soort: str
    soort_label: str
    tijdstip: Any
    gebruiker: str
    actie: str
    object_id: int
    omschrijving: str
    wijzigingen: list[tuple[str, str, str]] = field(default_factory=list)
    toont_vrije_tekst: bool = False  # a signal's text is shown: the page logs the read


# simple-history's own labels are English ("Created", "Changed", "Deleted").
HISTORIEKSOORTEN = {
    "+": gettext_lazy("Aangemaakt"),
    "~": gettext_lazy("Gewijzigd"),
    "-": gettext_lazy("Verwijderd"),
}


def _naam(gebruiker) -> str:
    """Who made a change, as people know them: the full name, else the user name."""
    if gebruiker is None:
        return ""
    return gebruiker.get_full_name() or gebruiker.get_username()


def _tekst(model, veldnaam: str, waarde, verwijzingen: dict | None = None) -> str:
    if waarde is None or waarde == "":
        return "—"
    try:
        veld = model._meta.get_field(veldnaam)
    except Exception:
        veld = None
    if veld is not None and veld.choices:
        waarde = dict(veld.choices).get(waarde, waarde)
    elif veld is not None and veld.is_relation and verwijzingen is not None:
        # a foreign key's change holds the id: show the object (a user by name)
        doel = verwijzingen.get((veld.related_model, waarde))
        if doel is not None:
            waarde = _naam(doel) if doel._meta.model_name == "user" else str(doel)
    elif isinstance(waarde, datetime):
        waarde = date_format(timezone.localtime(waarde), "j N Y H:i")
    elif isinstance(waarde, date):
        waarde = date_format(waarde, "j N Y")
    elif isinstance(waarde, Decimal | float):
        waarde = number_format(waarde, use_l10n=True)
    elif isinstance(waarde, bool):
        waarde = _("ja") if waarde else _("nee")
    elif isinstance(waarde, list):
        waarde = ", ".join(str(w) for w in waarde)
    tekst = str(waarde)
    return tekst if len(tekst) <= MAX_TEKST else tekst[: MAX_TEKST - 1] + "…"


def _omschrijving(soort: str, h) -> str:
    if soort == "partner":
        return h.naam
    if soort == "contactpersoon":
        return f"{h.voornaam} {h.achternaam}".strip()
    if soort == "relatie":
        return f"{h.van_partner.naam if h.van_partner else '?'} → " + (
            h.naar_partner.naam if h.naar_partner else "?"
        )
    if soort == "mandaat":
        return h.omschrijving
    if soort == "lidmaatschap":
        return f"{h.gebruiker.get_username() if h.gebruiker else '?'} · {h.get_rol_display()}"
    if soort == "signaal":
        return f"{h.get_thema_display()} ({h.datum:%d/%m/%Y})"
    return h.titel


SELECT = {
    "relatie": ("van_partner", "naar_partner"),
    "lidmaatschap": ("gebruiker",),
}


def geschiedenis_regels(user, buurt: Buurt, rijen: list[dict]) -> list[Regel]:
    """Load one page of history rows with their changes in a fixed number of queries: per object
    type on the page, the rows themselves and their previous versions (plus one visibility query
    for signals)."""
    per_soort: dict[str, list[int]] = {}
    for rij in rijen:
        per_soort.setdefault(rij["bron"], []).append(rij["history_id"])
    geladen: dict[tuple[str, int], Regel] = {}
    for soort, ids in per_soort.items():
        model, label = SOORTEN[soort]
        hist = model.history.model
        vorige = Subquery(
            hist.objects.filter(id=OuterRef("id"), history_date__lt=OuterRef("history_date"))
            .order_by("-history_date", "-history_id")
            .values("history_id")[:1]
        )
        records = list(
            hist.objects.filter(history_id__in=ids)
            .select_related("history_user", *SELECT.get(soort, ()))
            .annotate(vorige_id=vorige)
        )
        vorigen = hist.objects.in_bulk([r.vorige_id for r in records if r.vorige_id])
        verborgen = set()
        if soort in VRIJE_TEKST:
            object_ids = {r.id for r in records}
            zichtbaar = leesbare_signaal_ids(user, buurt, object_ids)
            verborgen = object_ids - zichtbaar
        velden = [
            f.name for f in hist.tracked_fields if f.editable and f.name not in NIET_VERGELIJKEN
        ]
        verwijzingen = _verwijzingen(model, records, vorigen, velden)
        for r in records:
            oud = vorigen.get(r.vorige_id)
            wijzigingen = []
            vrije_tekst = False
            if oud is not None:
                for c in r.diff_against(oud, included_fields=velden).changes:
                    if r.id in verborgen and c.field in VRIJE_TEKST.get(soort, ()):
                        wijzigingen.append((_label(model, c.field), str(VERBORGEN), str(VERBORGEN)))
                    else:
                        vrije_tekst = vrije_tekst or c.field in VRIJE_TEKST.get(soort, ())
                        wijzigingen.append(
                            (
                                _label(model, c.field),
                                _tekst(model, c.field, c.old, verwijzingen),
                                _tekst(model, c.field, c.new, verwijzingen),
                            )
                        )
            geladen[(soort, r.history_id)] = Regel(
                soort=soort,
                soort_label=str(label),
                tijdstip=r.history_date,
                gebruiker=_naam(r.history_user),
                actie=str(HISTORIEKSOORTEN.get(r.history_type, r.get_history_type_display())),
                object_id=r.id,
                omschrijving=_omschrijving(soort, r),
                wijzigingen=wijzigingen,
                toont_vrije_tekst=vrije_tekst,
            )
    return [geladen[(rij["bron"], rij["history_id"])] for rij in rijen]


def _verwijzingen(model, records, vorigen, velden) -> dict:
    """{(related model, id): object} for the foreign keys on this page's rows: one query per
    related model (a user, a partner), whatever the number of rows."""
    gevraagd: dict = {}
    for veldnaam in velden:
        veld = model._meta.get_field(veldnaam)
        if veld.is_relation and veld.many_to_one:
            for rij in [*records, *vorigen.values()]:
                waarde = getattr(rij, veld.attname, None)
                if waarde is not None:
                    gevraagd.setdefault(veld.related_model, set()).add(waarde)
    return {
        (doelmodel, pk): obj
        for doelmodel, ids in gevraagd.items()
        for pk, obj in doelmodel._default_manager.in_bulk(ids).items()
    }


def _label(model, veldnaam: str) -> str:
    try:
        return str(model._meta.get_field(veldnaam).verbose_name)
    except Exception:
        return veldnaam


def toegangslog_van(buurt: Buurt, *, actie: str = "") -> QuerySet[Toegangsgebeurtenis]:
    """Access events of the buurt, newest first, optionally of one action."""
    qs = Toegangsgebeurtenis.objects.filter(buurt=buurt).select_related("gebruiker")
    if actie in Toegangsactie.values:
        qs = qs.filter(actie=actie)
    return qs.order_by("-tijdstip", "-id")
