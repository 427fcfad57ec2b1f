"""Read side of the activity packages: scoped querysets, the six steps, warnings and advice."""

from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activiteiten.models import (
    TEAM_MAX,
    TEAM_MIN,
    Activiteit,
    Activiteitenpakket,
    Capaciteit,
    Doel,
    DoelVersie,
    PakketRelatie,
    Samenhang,
    StapStatus,
    Stapvoortgang,
    ToCElement,
)
from activiteiten.pakketten import advies
from buurten.analyse.selectors import uitdagingen_voor
from buurten.models import Buurt, Buurtanalyse, Uitdaging
from buurten.permissions import buurten_voor
from zorgnet.lib import fragmentcache
from zorgnet.lib.choices import Intensiteit, Niveau, Schaal
from zorgnet.netwerk.banden import WaargenomenBand

STAPPEN = [
    (1, gettext_lazy("Ken je buurt"), gettext_lazy("Alle uitdagingen en hoe ze samenhangen.")),
    (
        2,
        gettext_lazy("Doelen en activiteiten"),
        gettext_lazy("Wat is echt nodig, los van wat al bestaat en wie actief is?"),
    ),
    (
        3,
        gettext_lazy("Samenhangende pakketten"),
        gettext_lazy("Intern zo samenhangend mogelijk, extern zo weinig mogelijk."),
    ),
    (
        4,
        gettext_lazy("Binnen elk pakket"),
        gettext_lazy("Werkingsgebied, partners, intensiteit en coördinatie."),
    ),
    (
        5,
        gettext_lazy("Tussen pakketten"),
        gettext_lazy("Benodigde intensiteit en welke beslissingen samen."),
    ),
    (
        6,
        gettext_lazy("Toets aan de realiteit"),
        gettext_lazy("Afwijkingen van het ideale plan en hoe je ze opvangt."),
    ),
]
STERKE_SAMENHANG = 4


@dataclass(frozen=True)
class Stap:
    nummer: int
    titel: str
    uitleg: str
    status: str
    status_label: str
    # True when the regisseur set the status; False when it follows what was filled in.
    ingesteld: bool = False
    automatisch_label: str = ""


class _Aantal(Subquery):
    """COUNT(*) of a correlated queryset, as a subquery (0 when it has no rows)."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _aantal)"
    output_field = IntegerField()


def _aantal(qs: QuerySet) -> _Aantal:
    return _Aantal(qs.order_by().values("pk"))


def afgeleide_statussen(buurt: Buurt) -> dict[int, str]:
    """The status each step gets from what was filled in (docs/features.md, 'Ontwar het bos').

    1 klaar with a challenge in the buurtanalyse, bezig with an analysis without one;
    2 klaar with a goal and an activity, bezig with one of them;
    3 klaar when every activity is in a package, bezig with samenhang or a package;
    4 klaar when every package has a team and decision levels, bezig when one has;
    5 klaar when there are two packages or more and each has a relation, bezig with a relation;
    6 klaar when every package has a frozen ideal plan, bezig when one has.
    Two queries, whatever the size of the buurt."""
    open_, bezig, klaar = StapStatus.OPEN, StapStatus.BEZIG, StapStatus.KLAAR

    def drie(alles: bool, iets: bool) -> str:
        return klaar if alles else bezig if iets else open_

    # The flags and counts in one query (they were six: a round trip and a plan each).
    vlaggen = (
        Buurt.objects.filter(pk=buurt.pk)
        .annotate(
            uitdagingen=Exists(Uitdaging.objects.filter(analyse__buurt=OuterRef("pk"))),
            analyse=Exists(Buurtanalyse.objects.filter(buurt=OuterRef("pk"))),
            doel=Exists(Doel.objects.filter(buurt=OuterRef("pk"))),
            samenhang=Exists(Samenhang.objects.filter(activiteit_a__buurt=OuterRef("pk"))),
            n=_aantal(Activiteit.objects.filter(buurt=OuterRef("pk"))),
            los=_aantal(Activiteit.objects.filter(buurt=OuterRef("pk"), pakket__isnull=True)),
        )
        .values("uitdagingen", "analyse", "doel", "samenhang", "n", "los")
        .get()
    )
    uitdagingen, doel, samenhang = vlaggen["uitdagingen"], vlaggen["doel"], vlaggen["samenhang"]
    analyse = uitdagingen or vlaggen["analyse"]
    n, los = vlaggen["n"], vlaggen["los"]  # activities, and those in no package
    # Per package: team size, levels, plan and whether a relation names it.
    in_relatie_q = PakketRelatie.objects.filter(
        Q(pakket_a=OuterRef("pk")) | Q(pakket_b=OuterRef("pk"))
    )
    pakketten = list(
        Activiteitenpakket.objects.filter(buurt=buurt)
        .annotate(teamgrootte=Count("team"), in_relatie=Exists(in_relatie_q))
        .values_list("pk", "teamgrootte", "niveaus", "ideaal_plan", "in_relatie")
    )
    in_relatie = {pk for pk, *_r, rel in pakketten if rel}
    ingericht = [bool(team and niveaus) for _pk, team, niveaus, _plan, _rel in pakketten]
    plannen = [bool(plan) for _pk, _team, _niveaus, plan, _rel in pakketten]
    return {
        1: drie(uitdagingen, analyse),
        2: drie(doel and n > 0, doel or n > 0),
        3: drie(bool(pakketten) and n > 0 and los == 0, samenhang or bool(pakketten)),
        4: drie(bool(ingericht) and all(ingericht), any(ingericht)),
        5: drie(
            len(pakketten) >= 2 and all(pk in in_relatie for pk, *_r in pakketten),
            bool(in_relatie),
        ),
        6: drie(bool(plannen) and all(plannen), any(plannen)),
    }


def stappen(buurt: Buurt) -> list[Stap]:
    """The six steps: the status the regisseur set, otherwise the one that follows the data."""
    ingesteld = dict(Stapvoortgang.objects.filter(buurt=buurt).values_list("stap", "status"))
    # Derived from the buurt's own rows only: kept under the buurt's version, which every write
    # of an analysis, goal, activity, samenhang, package, team or relation raises.
    automatisch = fragmentcache.van_buurt(
        "stapstatussen", buurt.pk, lambda: afgeleide_statussen(buurt)
    )
    labels = dict(StapStatus.choices)
    uit = []
    for n, titel, uitleg in STAPPEN:
        status = ingesteld.get(n, automatisch[n])
        uit.append(
            Stap(n, titel, uitleg, status, labels[status], n in ingesteld, labels[automatisch[n]])
        )
    return uit


def doelen(user, buurt: Buurt) -> QuerySet[Doel]:
    return (
        Doel.objects.filter(buurt=buurt, buurt__in=buurten_voor(user))
        .prefetch_related("uitdagingen")
        .order_by("termijn", "titel")
    )


def doelversies(doel: Doel) -> QuerySet[DoelVersie]:
    return doel.versies.select_related("gewijzigd_door").order_by("-versie")


def toc_boom(buurt: Buurt) -> list[tuple[int, ToCElement]]:
    """(depth, element) in tree order."""
    elementen = list(ToCElement.objects.filter(buurt=buurt).order_by("pk"))
    kinderen: dict[int | None, list[ToCElement]] = {}
    for e in elementen:
        kinderen.setdefault(e.ouder_id, []).append(e)
    uit: list[tuple[int, ToCElement]] = []

    def loop(ouder_id, diepte):
        for e in kinderen.get(ouder_id, []):
            uit.append((diepte, e))
            loop(e.pk, diepte + 1)

    loop(None, 0)
    return uit


def activiteiten(user, buurt: Buurt) -> QuerySet[Activiteit]:
    return (
        Activiteit.objects.filter(buurt=buurt, buurt__in=buurten_voor(user))
        .select_related("uitdaging", "doel", "pakket")
        .prefetch_related(
            Prefetch("capaciteiten", queryset=Capaciteit.objects.select_related("partner"))
        )
        .order_by("uitdaging__titel", "naam")
    )


def pakketten(user, buurt: Buurt) -> QuerySet[Activiteitenpakket]:
    return (
        Activiteitenpakket.objects.filter(buurt=buurt, buurt__in=buurten_voor(user))
        .select_related("mandaat", "mandaat__partner")
        .prefetch_related(
            "team",
            Prefetch(
                "activiteiten",
                queryset=Activiteit.objects.prefetch_related("capaciteiten").order_by("naam"),
            ),
        )
        .order_by("naam")
    )


def relaties(buurt: Buurt) -> QuerySet[PakketRelatie]:
    return PakketRelatie.objects.filter(pakket_a__buurt=buurt).select_related(
        "pakket_a", "pakket_b"
    )


def samenhang_paren(buurt: Buurt) -> list[tuple[int, int, int]]:
    return list(
        Samenhang.objects.filter(activiteit_a__buurt=buurt).values_list(
            "activiteit_a_id", "activiteit_b_id", "gewicht"
        )
    )


@dataclass(frozen=True)
class Cel:
    """One cell of the samenhang matrix: the column's activity, the weight and the kind of cell."""

    kolom: Activiteit
    gewicht: int | str
    soort: str  # "diagonaal", "boven" (filled in) or "onder" (the mirror of "boven")
    veld: str = ""  # the input's name, g_<lower id>_<higher id>, whichever side it is on


def samenhang_matrix(acts: list[Activiteit], paren) -> list[tuple[Activiteit, list[Cel]]]:
    """A square matrix: rows and columns in the same order; each pair is filled in once, above
    the diagonal, and shown mirrored below it."""
    gewichten = {(a, b): g for a, b, g in paren}
    rijen = []
    for i, a in enumerate(acts):
        cellen = []
        for j, b in enumerate(acts):
            soort = "diagonaal" if i == j else "boven" if j > i else "onder"
            g = gewichten.get((min(a.pk, b.pk), max(a.pk, b.pk)), "") if i != j else ""
            veld = f"g_{min(a.pk, b.pk)}_{max(a.pk, b.pk)}"
            cellen.append(Cel(b, g, soort, veld))
        rijen.append((a, cellen))
    return rijen


def uitdagingen(user, buurt: Buurt):
    return uitdagingen_voor(user, buurt)


def schaal(pakket: Activiteitenpakket) -> str:
    return pakket.werkelijke_schaal or pakket.ideale_schaal


def waarschuwingen(
    pakketten_lijst: list[Activiteitenpakket],
    relaties_lijst: list[PakketRelatie],
    paren: list[tuple[int, int, int]],
) -> dict[int, list[str]]:
    """The method's warnings per package id (prefetched packages; no extra queries)."""
    uit: dict[int, list[str]] = {p.pk: [] for p in pakketten_lijst}
    per_id = {p.pk: p for p in pakketten_lijst}
    pakket_van = {a.pk: p.pk for p in pakketten_lijst for a in p.activiteiten.all()}
    for p in pakketten_lijst:
        team = list(p.team.all())
        if not p.activiteiten.all():
            uit[p.pk].append(_("Pakket zonder activiteiten."))
        if team and not (TEAM_MIN <= len(team) <= TEAM_MAX):
            uit[p.pk].append(
                _("Team van %(n)s partners: ideaal tussen %(min)s en %(max)s.")
                % {"n": len(team), "min": TEAM_MIN, "max": TEAM_MAX}
            )
        nodig = {c.partner_id for a in p.activiteiten.all() for c in a.capaciteiten.all()}
        for partner in team:
            if partner.pk not in nodig:
                uit[p.pk].append(
                    _("Niet-nodige partner? %s is aan geen activiteit van dit pakket gekoppeld.")
                    % partner.naam
                )
    # Strong coherence between packages: 'samen uitvoeren' or a strong samenhang across them.
    sterk: set[tuple[int, int]] = set()
    alle_niveaus = set(Niveau.values)
    for r in relaties_lijst:
        if r.intensiteit == Intensiteit.SAMEN_UITVOEREN:
            sterk.add((r.pakket_a_id, r.pakket_b_id))
            if set(r.gezamenlijke_niveaus) >= alle_niveaus:
                tekst = _(
                    "Herbekijk de opsplitsing: %(a)s en %(b)s moeten samen uitvoeren en samen "
                    "beslissen op elk niveau."
                ) % {"a": r.pakket_a.naam, "b": r.pakket_b.naam}
                for pid in (r.pakket_a_id, r.pakket_b_id):
                    if pid in uit:
                        uit[pid].append(tekst)
    for a, b, gewicht in paren:
        pa, pb = pakket_van.get(a), pakket_van.get(b)
        if pa and pb and pa != pb and gewicht >= STERKE_SAMENHANG:
            sterk.add((pa, pb))
    gemeld = set()
    for pa, pb in sterk:
        if pa not in per_id or pb not in per_id:
            continue
        for groot, klein in ((per_id[pa], per_id[pb]), (per_id[pb], per_id[pa])):
            if (
                Schaal.rang(schaal(groot)) > Schaal.rang(schaal(klein))
                and (
                    groot.pk,
                    klein.pk,
                )
                not in gemeld
            ):
                gemeld.add((groot.pk, klein.pk))
                uit[groot.pk].append(
                    _(
                        "Grotere schaal dan het sterk samenhangende pakket %(klein)s (%(schaal)s): "
                        "organiseer samenhangende activiteiten op de kleinste ideale schaal."
                    )
                    % {"klein": klein.naam, "schaal": klein.get_ideale_schaal_display()}
                )
    return uit


@dataclass(frozen=True)
class Advies:
    huidige: list[list[Activiteit]]
    huidige_modulariteit: float | None
    voorstel: list[list[Activiteit]]
    voorstel_modulariteit: float | None
    zelfde: bool
    # What to do next when the split cannot follow the advice yet ('' when it does or can).
    hint: str = ""


def samenhang_advies(user, buurt: Buurt) -> Advies:
    acts = list(activiteiten(user, buurt))
    per_id = {a.pk: a for a in acts}
    paren = samenhang_paren(buurt)
    g = advies.graaf(per_id, paren)
    huidige_ids: dict[int, list[int]] = {}
    for a in acts:
        if a.pakket_id:
            huidige_ids.setdefault(a.pakket_id, []).append(a.pk)
    huidig = list(huidige_ids.values())
    voorstel = advies.voorgestelde_opsplitsing(list(per_id), paren)
    norm = lambda groepen: sorted(tuple(sorted(x)) for x in groepen)  # noqa: E731
    met_losse = huidig + [[a.pk] for a in acts if not a.pakket_id]
    # Without packages nothing "follows" the advice, even when every activity stands alone.
    zelfde = bool(huidig) and norm(met_losse) == norm(voorstel)
    if not acts:
        hint = _("Voeg eerst activiteiten toe in stap 2.")
    elif not paren:
        hint = _(
            "Vul eerst de samenhang tussen de activiteiten in: dan volgt een voorstel van pakketten."
        )
    elif not huidig:
        hint = _(
            "Er zijn nog geen pakketten. Neem het voorstel over of maak de pakketten zelf in stap 4."
        )
    else:
        hint = ""
    return Advies(
        huidige=[[per_id[i] for i in x] for x in huidig],
        huidige_modulariteit=advies.modulariteit(g, huidig) if huidig else None,
        voorstel=[[per_id[i] for i in x] for x in voorstel],
        voorstel_modulariteit=advies.modulariteit(g, voorstel),
        zelfde=zelfde,
        hint=hint,
    )


def overzicht(user, buurt: Buurt) -> dict:
    lijst = list(pakketten(user, buurt))
    if not lijst:  # no package: no relation between packages and nothing to warn about
        return {"pakketten": [], "relaties": [], "waarschuwingen": {}}
    rel = list(relaties(buurt))
    alle = waarschuwingen(lijst, rel, samenhang_paren(buurt))
    for p in lijst:
        p.waarschuwingen = alle[p.pk]
    return {"pakketten": lijst, "relaties": rel, "waarschuwingen": alle}


def pakketteam_banden(buurt_ids, van, tot) -> list[WaargenomenBand]:
    """Observed ties: partners sharing a package team.

    Packages have no period of their own, so `van`/`tot` do not narrow this source.
    """
    teams: dict[int, list[int]] = {}
    through = Activiteitenpakket.team.through
    for pakket_id, partner_id in through.objects.filter(
        activiteitenpakket__buurt_id__in=list(buurt_ids)
    ).values_list("activiteitenpakket_id", "partner_id"):
        teams.setdefault(pakket_id, []).append(partner_id)
    banden = []
    for leden in teams.values():
        leden = sorted(set(leden))
        for i, a in enumerate(leden):
            for b in leden[i + 1 :]:
                banden.append(WaargenomenBand(partner_a=a, partner_b=b, bron="pakketteam"))
    return banden
