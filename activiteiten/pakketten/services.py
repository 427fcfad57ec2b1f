"""Write side of the activity packages ('Ontwar het bos'). Keyword-only, atomic, Dutch errors."""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from activiteiten.models import (
    GEWICHT_MAX,
    GEWICHT_MIN,
    Activiteit,
    Activiteitenpakket,
    Afwijking,
    Capaciteit,
    Doel,
    DoelVersie,
    Factor,
    PakketRelatie,
    Samenhang,
    Stapvoortgang,
    Starttemplate,
    ToCElement,
    ToCSoort,
)
from activiteiten.pakketten import advies
from buurten.models import Buurt, Uitdaging
from partners import services as partner_services
from partners.models import Mandaat, Partner
from zorgnet.lib import fragmentcache
from zorgnet.lib.choices import Niveau


def _zelfde_buurt(buurt: Buurt, objecten: Iterable, veld: str, melding: str) -> None:
    if any(o.buurt_id != buurt.pk for o in objecten):
        raise ValidationError({veld: melding})


def _uitdagingen_van_buurt(buurt: Buurt, uitdagingen: Iterable[Uitdaging]) -> list[Uitdaging]:
    uitdagingen = list(uitdagingen)
    if any(u.analyse.buurt_id != buurt.pk for u in uitdagingen):
        raise ValidationError({"uitdagingen": _("Een uitdaging hoort niet bij deze buurt.")})
    return uitdagingen


# --- doelen en veranderingstheorie ------------------------------------------------------------
@transaction.atomic
def doel_aanmaken(
    *,
    buurt: Buurt,
    titel: str,
    termijn: str,
    omschrijving: str = "",
    uitdagingen: Iterable[Uitdaging] = (),
    gebruiker=None,
) -> Doel:
    uitdagingen = _uitdagingen_van_buurt(buurt, uitdagingen)
    doel = Doel(buurt=buurt, titel=titel, termijn=termijn, omschrijving=omschrijving)
    doel.full_clean()
    doel.save()
    doel.uitdagingen.set(uitdagingen)
    DoelVersie.objects.create(
        doel=doel,
        versie=1,
        titel=titel,
        omschrijving=omschrijving,
        termijn=termijn,
        reden=_("Eerste versie"),
        gewijzigd_door=gebruiker,
    )
    return doel


@transaction.atomic
def doel_wijzigen(
    *,
    doel: Doel,
    titel: str,
    termijn: str,
    reden: str,
    omschrijving: str = "",
    uitdagingen: Iterable[Uitdaging] | None = None,
    gebruiker=None,
) -> Doel:
    """Every change to a goal needs its reason, so the way can be traced back later (W4)."""
    if not (reden or "").strip():
        raise ValidationError({"reden": _("Geef de reden van deze wijziging van het doel.")})
    doel = Doel.objects.select_for_update().get(pk=doel.pk)
    if uitdagingen is not None:
        uitdagingen = _uitdagingen_van_buurt(doel.buurt, uitdagingen)
    doel.titel, doel.termijn, doel.omschrijving = titel, termijn, omschrijving
    doel.versie += 1
    doel.full_clean()
    doel.save()
    if uitdagingen is not None:
        doel.uitdagingen.set(uitdagingen)
    DoelVersie.objects.create(
        doel=doel,
        versie=doel.versie,
        titel=titel,
        omschrijving=omschrijving,
        termijn=termijn,
        reden=reden.strip(),
        gewijzigd_door=gebruiker,
    )
    return doel


_TOEGELATEN_OUDERS = {
    ToCSoort.IMPACT: set(),
    ToCSoort.TUSSENDOEL: {ToCSoort.IMPACT, ToCSoort.TUSSENDOEL},
    ToCSoort.RANDVOORWAARDE: {ToCSoort.IMPACT, ToCSoort.TUSSENDOEL},
    ToCSoort.INDICATOR: {ToCSoort.IMPACT, ToCSoort.TUSSENDOEL},
}


@transaction.atomic
def toc_element_toevoegen(
    *,
    buurt: Buurt,
    soort: str,
    titel: str,
    ouder: ToCElement | None = None,
    doel: Doel | None = None,
) -> ToCElement:
    """Impact at the top; tussendoelen, randvoorwaarden and indicatoren hang under it."""
    if ouder is not None and ouder.buurt_id != buurt.pk:
        raise ValidationError({"ouder": _("Dat element hoort niet bij deze buurt.")})
    if doel is not None and doel.buurt_id != buurt.pk:
        raise ValidationError({"doel": _("Dat doel hoort niet bij deze buurt.")})
    toegelaten = _TOEGELATEN_OUDERS.get(soort, set())
    if soort == ToCSoort.IMPACT and ouder is not None:
        raise ValidationError({"ouder": _("De impact staat bovenaan en hangt nergens onder.")})
    if soort != ToCSoort.IMPACT and (ouder is None or ouder.soort not in toegelaten):
        raise ValidationError(
            {
                "ouder": _(
                    "Hang een tussendoel, randvoorwaarde of indicator onder een impact of tussendoel."
                )
            }
        )
    element = ToCElement(buurt=buurt, soort=soort, titel=titel, ouder=ouder, doel=doel)
    element.full_clean()
    element.save()
    return element


# --- activiteiten, capaciteiten, samenhang ----------------------------------------------------
@transaction.atomic
def activiteit_opslaan(
    *,
    buurt: Buurt,
    naam: str,
    uitdaging: Uitdaging | None = None,
    doel: Doel | None = None,
    omschrijving: str = "",
    bestaat_al: bool = False,
    voldoet: str = "onbekend",
    activiteit: Activiteit | None = None,
) -> Activiteit:
    if uitdaging is not None:
        _uitdagingen_van_buurt(buurt, [uitdaging])
    if doel is not None and doel.buurt_id != buurt.pk:
        raise ValidationError({"doel": _("Dat doel hoort niet bij deze buurt.")})
    activiteit = activiteit or Activiteit(buurt=buurt)
    activiteit.naam, activiteit.uitdaging, activiteit.doel = naam, uitdaging, doel
    activiteit.omschrijving, activiteit.bestaat_al, activiteit.voldoet = (
        omschrijving,
        bestaat_al,
        voldoet,
    )
    activiteit.full_clean()
    activiteit.save()
    return activiteit


def _vereis_buurt(buurt: Buurt, partners: Iterable[Partner], veld: str) -> list[Partner]:
    partners = list(partners)
    partner_services.vereis_in_buurt(buurt, partners=partners, veld=veld)
    return partners


@transaction.atomic
def capaciteit_toevoegen(
    *,
    activiteit: Activiteit,
    partner: Partner,
    omschrijving: str = "",
    werkt_al_samen: bool = False,
) -> Capaciteit:
    _vereis_buurt(activiteit.buurt, [partner], "partner")
    capaciteit, _nieuw = Capaciteit.objects.update_or_create(
        activiteit=activiteit,
        partner=partner,
        defaults={"omschrijving": omschrijving, "werkt_al_samen": werkt_al_samen},
    )
    return capaciteit


@transaction.atomic
def samenhang_instellen(*, buurt: Buurt, gewichten: Mapping[tuple[int, int], int | None]) -> int:
    """Set the weights of activity pairs (matrix or one pair); None or 0 removes the pair.

    Everything is checked before anything is written. Returns the number of pairs with a weight.
    """
    ids = set(Activiteit.objects.filter(buurt=buurt).values_list("pk", flat=True))
    fouten = []
    schoon: dict[tuple[int, int], int | None] = {}
    for (a, b), gewicht in gewichten.items():
        if a == b:
            fouten.append(_("Een activiteit kan niet met zichzelf samenhangen."))
            continue
        if a not in ids or b not in ids:
            fouten.append(_("Een activiteit hoort niet bij deze buurt."))
            continue
        if gewicht not in (None, 0) and not (GEWICHT_MIN <= gewicht <= GEWICHT_MAX):
            fouten.append(
                _("Het gewicht %(g)s ligt buiten het toegelaten bereik (%(min)s tot %(max)s).")
                % {"g": gewicht, "min": GEWICHT_MIN, "max": GEWICHT_MAX}
            )
            continue
        schoon[(min(a, b), max(a, b))] = gewicht or None
    if fouten:
        raise ValidationError(sorted(set(fouten)))
    for (a, b), gewicht in schoon.items():
        if gewicht is None:
            Samenhang.objects.filter(activiteit_a_id=a, activiteit_b_id=b).delete()
        else:
            Samenhang.objects.update_or_create(
                activiteit_a_id=a, activiteit_b_id=b, defaults={"gewicht": gewicht}
            )
    return Samenhang.objects.filter(activiteit_a__buurt=buurt).count()


# --- pakketten --------------------------------------------------------------------------------
def _schone_niveaus(niveaus: Iterable[str], veld: str) -> list[str]:
    niveaus = list(dict.fromkeys(niveaus))
    if any(n not in Niveau.values for n in niveaus):
        raise ValidationError({veld: _("Onbekend beslissingsniveau.")})
    return [n for n in Niveau.values if n in niveaus]


@transaction.atomic
def pakket_opslaan(
    *,
    buurt: Buurt,
    naam: str,
    activiteiten: Iterable[Activiteit],
    team: Iterable[Partner] = (),
    ideale_schaal: str,
    werkelijke_schaal: str = "",
    intensiteit: int,
    coordinatie: str,
    niveaus: Iterable[str] = (),
    mandaat: Mandaat | None = None,
    typologie: str = "",
    groepsrol: str = "",
    omschrijving: str = "",
    pakket: Activiteitenpakket | None = None,
) -> Activiteitenpakket:
    activiteiten = list(activiteiten)
    if not activiteiten:
        raise ValidationError(
            {"activiteiten": _("Een pakket heeft minstens één activiteit nodig.")}
        )
    _zelfde_buurt(
        buurt, activiteiten, "activiteiten", _("Een activiteit hoort niet bij deze buurt.")
    )
    team = _vereis_buurt(buurt, team, "team")
    if mandaat is not None and mandaat.buurt_id != buurt.pk:
        raise ValidationError({"mandaat": _("Dat mandaat hoort niet bij deze buurt.")})
    pakket = pakket or Activiteitenpakket(buurt=buurt)
    pakket.naam, pakket.omschrijving = naam, omschrijving
    pakket.ideale_schaal, pakket.werkelijke_schaal = ideale_schaal, werkelijke_schaal
    pakket.intensiteit, pakket.coordinatie = intensiteit, coordinatie
    pakket.niveaus = _schone_niveaus(niveaus, "niveaus")
    pakket.mandaat, pakket.typologie, pakket.groepsrol = mandaat, typologie, groepsrol
    pakket.full_clean()
    pakket.save()
    pakket.team.set(team)
    Activiteit.objects.filter(pakket=pakket).exclude(pk__in=[a.pk for a in activiteiten]).update(
        pakket=None
    )
    Activiteit.objects.filter(pk__in=[a.pk for a in activiteiten]).update(pakket=pakket)
    fragmentcache.wijzig(buurten=[pakket.buurt_id])  # the updates send no signals
    return pakket


@transaction.atomic
def ideaal_vastleggen(*, pakket: Activiteitenpakket) -> Activiteitenpakket:
    """Freeze the current choices as the ideal plan, the reference point for step 6."""
    pakket.ideaal_plan = {
        "schaal": pakket.ideale_schaal,
        "intensiteit": pakket.intensiteit,
        "coordinatie": pakket.coordinatie,
        "niveaus": list(pakket.niveaus),
        "team": sorted(pakket.team.values_list("naam", flat=True)),
        "activiteiten": sorted(pakket.activiteiten.values_list("naam", flat=True)),
    }
    pakket.save(update_fields=["ideaal_plan"])
    return pakket


@transaction.atomic
def pakketrelatie_opslaan(
    *,
    pakket_a: Activiteitenpakket,
    pakket_b: Activiteitenpakket,
    intensiteit: int,
    gezamenlijke_niveaus: Iterable[str] = (),
    afstemming: str = "",
) -> PakketRelatie:
    if pakket_a.pk == pakket_b.pk:
        raise ValidationError({"pakket_b": _("Een pakket kan geen relatie met zichzelf hebben.")})
    if pakket_a.buurt_id != pakket_b.buurt_id:
        raise ValidationError({"pakket_b": _("Beide pakketten moeten in dezelfde buurt liggen.")})
    a, b = sorted([pakket_a, pakket_b], key=lambda p: p.pk)
    relatie = PakketRelatie.objects.filter(pakket_a=a, pakket_b=b).first() or PakketRelatie(
        pakket_a=a, pakket_b=b
    )
    relatie.intensiteit = intensiteit
    relatie.gezamenlijke_niveaus = _schone_niveaus(gezamenlijke_niveaus, "gezamenlijke_niveaus")
    relatie.afstemming = afstemming
    relatie.full_clean()
    relatie.save()
    return relatie


@transaction.atomic
def afwijking_toevoegen(
    *,
    pakket: Activiteitenpakket,
    aspect: str,
    omschrijving: str,
    reden: str,
    implicatie: str,
    opvang: str,
) -> Afwijking:
    afwijking = Afwijking(
        pakket=pakket,
        aspect=aspect,
        omschrijving=omschrijving,
        reden=reden,
        implicatie=implicatie,
        opvang=opvang,
    )
    afwijking.full_clean()
    afwijking.save()
    return afwijking


@transaction.atomic
def factor_toevoegen(
    *,
    pakket: Activiteitenpakket,
    soort: str,
    omschrijving: str,
    wegwerkbaar: bool = True,
    aanpak: str = "",
) -> Factor:
    factor = Factor(
        pakket=pakket,
        soort=soort,
        omschrijving=omschrijving,
        wegwerkbaar=wegwerkbaar,
        aanpak=aanpak,
    )
    factor.full_clean()
    factor.save()
    return factor


@transaction.atomic
def stap_instellen(*, buurt: Buurt, stap: int, status: str) -> Stapvoortgang | None:
    """Set a step's status by hand; "automatisch" (or empty) removes it, so the status follows
    what was filled in again (selectors.afgeleide_statussen)."""
    if status in ("", "automatisch"):
        Stapvoortgang.objects.filter(buurt=buurt, stap=stap).delete()
        return None
    voortgang = Stapvoortgang.objects.filter(buurt=buurt, stap=stap).first() or Stapvoortgang(
        buurt=buurt, stap=stap
    )
    voortgang.status = status
    voortgang.full_clean()
    voortgang.save()
    return voortgang


@transaction.atomic
def starttemplate_toepassen(
    *, buurt: Buurt, template: Starttemplate, uitdaging: Uitdaging | None = None, gebruiker=None
) -> Doel:
    """Turn a start template into a goal with its suggested activities (E24)."""
    uitdagingen = [uitdaging] if uitdaging else []
    doel = Doel.objects.filter(buurt=buurt, titel=template.doel).first()
    if doel is None:
        doel = doel_aanmaken(
            buurt=buurt,
            titel=template.doel,
            termijn="kort",
            omschrijving=_("Vanuit de beginsituatie: %s") % template.beginsituatie,
            uitdagingen=uitdagingen,
            gebruiker=gebruiker,
        )
    elif uitdaging:
        _uitdagingen_van_buurt(buurt, uitdagingen)
        doel.uitdagingen.add(uitdaging)
    for naam in template.acties:
        Activiteit.objects.get_or_create(
            buurt=buurt,
            naam=naam,
            defaults={"uitdaging": uitdaging, "doel": doel},
        )
    return doel


@transaction.atomic
def advies_overnemen(*, buurt: Buurt) -> list[Activiteitenpakket]:
    """Apply the suggested split: each group goes to the package that already holds most of it."""
    activiteiten = list(Activiteit.objects.filter(buurt=buurt).order_by("pk"))
    paren = Samenhang.objects.filter(activiteit_a__buurt=buurt).values_list(
        "activiteit_a_id", "activiteit_b_id", "gewicht"
    )
    groepen = advies.voorgestelde_opsplitsing([a.pk for a in activiteiten], list(paren))
    per_id = {a.pk: a for a in activiteiten}
    bestaande = {p.pk: p for p in Activiteitenpakket.objects.filter(buurt=buurt)}
    gebruikt: set[int] = set()
    resultaat = []
    for nummer, groep in enumerate(groepen, start=1):
        tellingen: dict[int, int] = {}
        for a_id in groep:
            p_id = per_id[a_id].pakket_id
            if p_id and p_id not in gebruikt:
                tellingen[p_id] = tellingen.get(p_id, 0) + 1
        if tellingen:
            pakket = bestaande[max(sorted(tellingen), key=lambda p: tellingen[p])]
        else:
            naam = _("Pakket: %s") % per_id[groep[0]].naam
            while Activiteitenpakket.objects.filter(buurt=buurt, naam=naam).exists():
                naam = f"{naam} ({nummer})"
            pakket = Activiteitenpakket.objects.create(buurt=buurt, naam=naam[:200])
        gebruikt.add(pakket.pk)
        Activiteit.objects.filter(pk__in=groep).update(pakket=pakket)
        resultaat.append(pakket)
    fragmentcache.wijzig(buurten=[buurt.id])  # the updates send no signals
    return resultaat
