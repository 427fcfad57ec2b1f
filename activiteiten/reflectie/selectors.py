"""Reads for the reflection cycle: sessions with their scores, the talking points computed from the
other capabilities' data, the trend per factor, successes, contact-moment tallies, outcomes,
stories and progress indicators."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from statistics import mean

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.http import Http404
from django.utils import formats
from django.utils.translation import gettext as _

from activiteiten.bijeenkomsten import selectors as bijeenkomsten
from activiteiten.models import (
    RAPPORT_TOESTEMMINGEN,
    Activiteitenpakket,
    Capaciteit,
    Contactmoment,
    ContactSoort,
    FrameworkElement,
    FrameworkSoort,
    GeoogsteUitkomst,
    Indicatormeting,
    Reflectiemoment,
    Reflectiescore,
    Succes,
    UitkomstSoort,
    Verhaal,
    Voortgangsindicator,
)
from buurten.models import Buurt
from buurten.permissions import kan_beheren, partner_ids_van
from partners import selectors as partners
from partners.models import Partner
from zorgnet.lib import svg
from zorgnet.lib.choices import Intensiteit


# --- frameworks -------------------------------------------------------------------------------------
def elementen(soort: str) -> QuerySet[FrameworkElement]:
    return (
        FrameworkElement.objects.filter(framework__soort=soort)
        .select_related("framework")
        .order_by("framework_id", "nummer")
    )


def factoren() -> list[FrameworkElement]:
    return list(elementen(FrameworkSoort.WERKENDE_FACTOREN))


def spanningsvelden() -> list[FrameworkElement]:
    return list(elementen(FrameworkSoort.SPANNINGSVELDEN))


def vragen() -> list[FrameworkElement]:
    return list(elementen(FrameworkSoort.REFLECTIEVRAGEN))


def uitkomstcategorieen() -> QuerySet[FrameworkElement]:
    return elementen(FrameworkSoort.UITKOMSTEN)


# --- sessions ---------------------------------------------------------------------------------------
def momenten_van(buurt: Buurt) -> QuerySet[Reflectiemoment]:
    return (
        Reflectiemoment.objects.filter(buurt=buurt)
        .prefetch_related("partners")
        .annotate(aantal_scores=Count("scores", distinct=True))
    )


def get_moment_or_404(buurt: Buurt, moment_id: int) -> Reflectiemoment:
    try:
        return (
            Reflectiemoment.objects.filter(buurt=buurt)
            .select_related("buurt__gemeente")
            .prefetch_related("partners")
            .get(pk=moment_id)
        )
    except Reflectiemoment.DoesNotExist as exc:
        raise Http404(_("Dit reflectiemoment bestaat niet.")) from exc


def deelnemers(moment: Reflectiemoment) -> list[tuple[str, str]]:
    """Who scores in this session: [(key, label)]; 'samen', 'regisseur' or 'p<partner id>'."""
    if moment.samen_scoren:
        return [("samen", _("Samen"))]
    rijen = [("regisseur", _("Buurtregisseur"))] if moment.met_regisseur else []
    return rijen + [(f"p{p.id}", p.naam) for p in moment.partners.all()]


def ontleed_deelnemer(deelnemer: str) -> tuple[str, int | None]:
    """'samen' / 'regisseur' / 'p<id>' -> (bron, partner id)."""
    if deelnemer.startswith("p") and deelnemer[1:].isdigit():
        return "partner", int(deelnemer[1:])
    return deelnemer, None


@dataclass
class Scoreregel:
    element: FrameworkElement
    scores: list[Reflectiescore]

    @property
    def gemiddelde(self) -> float | None:
        return round(mean(s.waarde for s in self.scores), 1) if self.scores else None


def scoretabel(moment: Reflectiemoment) -> dict[str, list[Scoreregel]]:
    """Factors and tensions of a session, each with its scores and their mean."""
    per: dict[int, list[Reflectiescore]] = defaultdict(list)
    for score in moment.scores.select_related("partner"):
        per[score.element_id].append(score)
    return {
        "factoren": [Scoreregel(e, per[e.id]) for e in factoren()],
        "spanningsvelden": [Scoreregel(e, per[e.id]) for e in spanningsvelden()],
    }


def bestaande_scores(moment: Reflectiemoment, bron: str, partner_id: int | None) -> dict:
    """{element id: score} of one participant, to fill the score form again."""
    return {
        s.element_id: s
        for s in moment.scores.filter(bron=bron, partner_id=partner_id).select_related("element")
    }


def antwoorden(moment: Reflectiemoment) -> dict[int, str]:
    return dict(moment.antwoorden.values_list("vraag_id", "antwoord"))


# --- talking points -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Gespreksonderwerp:
    """A talking point computed from the data, with a suggested action title."""

    soort: str
    tekst: str
    voorstel: str


def _lage_scores(moment: Reflectiemoment) -> list[Gespreksonderwerp]:
    punten = []
    tabel = scoretabel(moment)
    for regel in tabel["factoren"]:
        if regel.gemiddelde is not None and regel.gemiddelde <= 2:
            punten.append(
                Gespreksonderwerp(
                    "lage_factor",
                    _("De werkende factor '%(f)s' scoort laag (%(s)s op 5).")
                    % {"f": regel.element.naam, "s": formats.number_format(regel.gemiddelde, 1)},
                    _("Versterken: %(f)s") % {"f": regel.element.naam},
                )
            )
    for regel in tabel["spanningsvelden"]:
        g = regel.gemiddelde
        if g is not None and (g <= 1.5 or g >= 4.5):
            pool = regel.element.pool_links if g <= 1.5 else regel.element.pool_rechts
            punten.append(
                Gespreksonderwerp(
                    "spanningsveld",
                    _("Het spanningsveld '%(t)s' helt sterk over naar %(p)s.")
                    % {"t": regel.element.naam, "p": pool},
                    _("Balans zoeken: %(t)s") % {"t": regel.element.naam.rstrip(".")},
                )
            )
    return punten


def _mandaten(buurt: Buurt, op: date) -> list[Gespreksonderwerp]:
    punten = []
    for w in partners.mandaat_waarschuwingen(buurt, op=op):
        voorstel = (
            _("Mandaat vernieuwen") if w.soort == "verlopen" else _("Back-up of mandaat regelen")
        )
        punten.append(Gespreksonderwerp(w.soort, w.tekst, voorstel))
    return punten


def _banden(buurt: Buurt, op: date) -> list[Gespreksonderwerp]:
    intensiteiten = list(
        partners.relaties_voor_netwerk([buurt.id], tot=op).values_list("intensiteit", flat=True)
    )
    licht = sum(1 for i in intensiteiten if i <= Intensiteit.INFO_DELEN)
    if not intensiteiten or licht * 2 <= len(intensiteiten):
        return []
    return [
        Gespreksonderwerp(
            "info_delen",
            _("%(n)d van de %(t)d banden gaan niet verder dan info delen of doorverwijzen.")
            % {"n": licht, "t": len(intensiteiten)},
            _("Samenwerking verdiepen: van info delen naar afstemmen"),
        )
    ]


def _bijeenkomsten_zonder_acties(moment: Reflectiemoment, op: date) -> list[Gespreksonderwerp]:
    zonder = (
        bijeenkomsten.bijeenkomsten_van(moment.buurt)
        .filter(datum__gte=moment.periode_van, datum__lte=min(moment.periode_tot, op))
        .exclude(uitkomsten__soort=UitkomstSoort.ACTIE)
        .order_by("datum")
    )
    namen = [f"{b} ({b.datum:%d/%m/%Y})" for b in zonder]
    if not namen:
        return []
    return [
        Gespreksonderwerp(
            "bijeenkomst_zonder_actie",
            _("%(n)d bijeenkomst(en) zonder afgesproken actie: %(lijst)s.")
            % {"n": len(namen), "lijst": ", ".join(namen[:5])},
            _("Acties vasthouden na bijeenkomsten"),
        )
    ]


def _capaciteit_zonder_team(buurt: Buurt) -> list[Gespreksonderwerp]:
    in_team = Activiteitenpakket.objects.filter(buurt=buurt).values("team")
    ids = (
        Capaciteit.objects.filter(activiteit__buurt=buurt)
        .exclude(partner_id__in=in_team)
        .values("partner_id")
    )
    namen = list(Partner.objects.filter(id__in=ids).order_by("naam").values_list("naam", flat=True))
    return [
        Gespreksonderwerp(
            "capaciteit_zonder_team",
            _("%(p)s heeft capaciteiten voor een activiteit, maar zit in geen enkel pakketteam.")
            % {"p": naam},
            _("%(p)s uitnodigen in een pakketteam") % {"p": naam},
        )
        for naam in namen
    ]


def gespreksonderwerpen(moment: Reflectiemoment, op: date | None = None) -> list[Gespreksonderwerp]:
    """The talking points of a session, from its own scores and from the buurt's data."""
    op = op or date.today()
    buurt = moment.buurt
    return [
        *_lage_scores(moment),
        *_mandaten(buurt, op),
        *_banden(buurt, op),
        *_bijeenkomsten_zonder_acties(moment, op),
        *_capaciteit_zonder_team(buurt),
    ]


# --- trend ----------------------------------------------------------------------------------------
def factortrend(buurt_ids: list[int], tot: date | None = None) -> dict:
    """Mean score per werkende factor per session: {labels, rijen: [(factor, [mean|None])]}."""
    momenten = Reflectiemoment.objects.filter(buurt_id__in=buurt_ids)
    if tot:
        momenten = momenten.filter(datum__lte=tot)
    momenten = list(momenten.order_by("datum", "id").values_list("id", "datum"))
    gemiddelden = defaultdict(dict)
    rijen = (
        Reflectiescore.objects.filter(
            moment_id__in=[m for m, _d in momenten],
            element__framework__soort=FrameworkSoort.WERKENDE_FACTOREN,
        )
        .values("moment_id", "element_id")
        .annotate(som=Sum("waarde"), n=Count("id"))
    )
    for r in rijen:
        gemiddelden[r["element_id"]][r["moment_id"]] = round(r["som"] / r["n"], 1)
    labels = [d.strftime("%d/%m/%Y") for _m, d in momenten]  # with the year (issue 19)
    return {
        "labels": labels,
        "rijen": [
            (f, [gemiddelden[f.id].get(m) for m, _d in momenten])
            for f in factoren()
            if gemiddelden[f.id]
        ],
    }


def _kort(tekst: str, lengte: int = 38) -> str:
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def trendgrafieken(trend: dict) -> list:
    """One small server-rendered line chart per factor (small multiples keep nine lines legible)."""
    return [
        (factor, svg.lijngrafiek(trend["labels"], {_("Score"): waarden},
                                 titel=f"{factor.nummer}. {_kort(factor.naam)}", breedte=320,
                                 hoogte=150))
        for factor, waarden in trend["rijen"]
    ]  # fmt: skip


# --- successes, contact moments, outcomes, stories, indicators ------------------------------------
def successen_van(buurt: Buurt) -> QuerySet[Succes]:
    return Succes.objects.filter(buurt=buurt).select_related(
        "partner", "actie", "bijeenkomst", "pakket"
    )


def get_succes_or_404(buurt: Buurt, succes_id: int) -> Succes:
    try:
        return successen_van(buurt).get(pk=succes_id)
    except Succes.DoesNotExist as exc:
        raise Http404(_("Dit succes bestaat niet.")) from exc


def contactmomenten_van(user, buurt: Buurt) -> QuerySet[Contactmoment]:
    """Contact moments one by one: all for the regisseur, a partner user its own."""
    qs = Contactmoment.objects.filter(buurt=buurt).select_related("partner")
    if kan_beheren(user, buurt):
        return qs
    return qs.filter(partner_id__in=partner_ids_van(user, buurt))


def contacttelling(buurt_ids: list[int], van: date | None = None, tot: date | None = None) -> dict:
    """Tally per month and kind: {maanden: [(month, [n per kind], total)], soorten: [(kind, label)],
    per_soort: {kind: n}, totaal}. Counts only; never who."""
    qs = Contactmoment.objects.filter(buurt_id__in=buurt_ids)
    if van:
        qs = qs.filter(datum__gte=van)
    if tot:
        qs = qs.filter(datum__lte=tot)
    rijen = (
        qs.annotate(maand=TruncMonth("datum"))
        .values("maand", "soort")
        .annotate(n=Sum("aantal"))
        .order_by("maand", "soort")
    )
    per_maand: dict = defaultdict(dict)
    per_soort: dict = defaultdict(int)
    for r in rijen:
        maand = r["maand"].date() if hasattr(r["maand"], "date") else r["maand"]
        per_maand[maand][r["soort"]] = r["n"]
        per_soort[r["soort"]] += r["n"]
    soorten = [(c, str(label)) for c, label in ContactSoort.choices if per_soort.get(c)]
    return {
        "maanden": [
            (m, [per_maand[m].get(c, 0) for c, _l in soorten], sum(per_maand[m].values()))
            for m in sorted(per_maand)
        ],
        "soorten": soorten,
        "per_soort": dict(per_soort),
        "totaal": sum(per_soort.values()),
    }


def uitkomsten_van(buurt: Buurt) -> QuerySet[GeoogsteUitkomst]:
    return (
        GeoogsteUitkomst.objects.filter(buurt=buurt)
        .select_related("categorie__framework", "partner")
        .prefetch_related("doelen", "pakketten", "acties")
    )


def verhalen_voor(user, buurt: Buurt) -> QuerySet[Verhaal]:
    """Stories the user may read: everyone in the buurt's network; a coordinator (gemeente level)
    only those with consent for a report or the public."""
    qs = Verhaal.objects.filter(buurt=buurt).select_related("partner", "actie", "bijeenkomst")
    if kan_beheren(user, buurt) or partner_ids_van(user, buurt):
        return qs
    return qs.filter(toestemming__in=RAPPORT_TOESTEMMINGEN)


def get_verhaal_or_404(user, buurt: Buurt, verhaal_id: int) -> Verhaal:
    try:
        return verhalen_voor(user, buurt).get(pk=verhaal_id)
    except Verhaal.DoesNotExist as exc:
        raise Http404(_("Dit verhaal bestaat niet of je hebt er geen toegang toe.")) from exc


def indicatoren_van(buurt: Buurt) -> QuerySet[Voortgangsindicator]:
    return (
        Voortgangsindicator.objects.filter(buurt=buurt)
        .select_related("doel", "actie", "buurtindicator")
        .prefetch_related(Prefetch("metingen", queryset=Indicatormeting.objects.order_by("datum")))
    )


def get_indicator_or_404(buurt: Buurt, indicator_id: int) -> Voortgangsindicator:
    try:
        return indicatoren_van(buurt).get(pk=indicator_id)
    except Voortgangsindicator.DoesNotExist as exc:
        raise Http404(_("Deze indicator bestaat niet.")) from exc


def basislijnwaarden(buurt: Buurt, indicatoren: list[Voortgangsindicator]) -> dict[int, list]:
    """{indicator id: [(peildatum, waarde)]} of the buurtanalyse indicator each one points at."""
    from buurten.analyse.models import IndicatorWaarde

    ids = {i.buurtindicator_id for i in indicatoren if i.buurtindicator_id}
    waarden: dict[int, list] = defaultdict(list)
    for w in IndicatorWaarde.objects.filter(buurt=buurt, indicator_id__in=ids).order_by(
        "peildatum"
    ):
        waarden[w.indicator_id].append((w.peildatum, w.waarde))
    return {i.id: waarden.get(i.buurtindicator_id, []) for i in indicatoren}


def indicatorgrafiek(indicator: Voortgangsindicator):
    metingen = list(indicator.metingen.all())
    if not metingen:
        return None
    labels = [m.datum.strftime("%d/%m") for m in metingen]
    return svg.lijngrafiek(
        labels,
        {
            _("Meting"): [float(m.waarde) for m in metingen],
            _("Streefwaarde"): [float(indicator.streefwaarde)] * len(metingen),
        },
        titel=indicator.naam,
        breedte=360,
        hoogte=170,
    )


# --- for the buurt page and the report ------------------------------------------------------------
def buurtcijfers(buurt: Buurt) -> dict:
    laatste = Reflectiemoment.objects.filter(buurt=buurt).order_by("-datum", "-id").first()

    def telling(model):
        rijen = model.objects.filter(buurt=OuterRef("pk")).order_by().values("buurt")
        return Coalesce(Subquery(rijen.annotate(n=Count("*")).values("n")), 0)

    # The three counts in one query (scalar subqueries), not one query each.
    n = (
        Buurt.objects.filter(pk=buurt.pk)
        .values(
            n_successen=telling(Succes),
            n_uitkomsten=telling(GeoogsteUitkomst),
            n_verhalen=telling(Verhaal),
        )
        .get()
    )
    return {
        "laatste": laatste,
        "successen": n["n_successen"],
        "uitkomsten": n["n_uitkomsten"],
        "verhalen": n["n_verhalen"],
    }


def reflecties_in_periode(buurt_ids: list[int], van: date, tot: date) -> list[Reflectiemoment]:
    return list(
        Reflectiemoment.objects.filter(buurt_id__in=buurt_ids, datum__gte=van, datum__lte=tot)
        .select_related("buurt")
        .prefetch_related("partners", "opvolgingen", "scores")
        .order_by("datum", "id")
    )


def successen_voor_rapport(buurt_ids: list[int], van: date, tot: date) -> QuerySet[Succes]:
    return (
        Succes.objects.filter(buurt_id__in=buurt_ids, datum__gte=van, datum__lte=tot)
        .select_related("buurt", "partner", "actie", "bijeenkomst", "pakket")
        .order_by("datum", "id")
    )


def uitkomsten_voor_rapport(buurt_ids: list[int], van: date, tot: date):
    return (
        GeoogsteUitkomst.objects.filter(buurt_id__in=buurt_ids, datum__gte=van, datum__lte=tot)
        .select_related("categorie__framework", "buurt")
        .order_by("categorie__framework_id", "categorie__nummer", "datum", "id")
    )


def verhalen_voor_rapport(buurt_ids: list[int], van: date, tot: date) -> QuerySet[Verhaal]:
    """The stories the regisseur picked, with consent for a report, in the period."""
    return (
        Verhaal.objects.filter(
            buurt_id__in=buurt_ids,
            in_rapport=True,
            toestemming__in=RAPPORT_TOESTEMMINGEN,
            datum__gte=van,
            datum__lte=tot,
        )
        .select_related("buurt")
        .order_by("datum", "id")
    )


def uitkomsten_per_categorie(buurt_ids: list[int], van: date, tot: date) -> list[tuple]:
    rijen = (
        GeoogsteUitkomst.objects.filter(buurt_id__in=buurt_ids, datum__gte=van, datum__lte=tot)
        .values("categorie__framework__naam", "categorie__framework_id")
        .annotate(n=Count("id"))
        .order_by("categorie__framework_id")
    )
    return [(r["categorie__framework__naam"], r["n"]) for r in rijen]
