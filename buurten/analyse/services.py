"""Writes for the buurtanalyse: versions, baseline, indicator import, findings and challenges.

A version frozen as baseline is immutable: every write below refuses it, and the import refuses
values on or before the baseline's peildatum (they would change what the baseline shows).
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from buurten.analyse.importeren import RuweRij
from buurten.analyse.models import (
    Bevinding,
    Bevraging,
    Buurtanalyse,
    Indicator,
    IndicatorWaarde,
    Uitdaging,
    Voorziening,
    Werkingsfase,
)
from buurten.models import Buurt
from zorgnet.lib import fragmentcache, importbestand
from zorgnet.lib.choices import Doelgroep, Fase


def bevroren_melding() -> str:
    return _("Deze versie is als baseline bevroren en kan niet meer gewijzigd worden.")


def vereis_bewerkbaar(analyse: Buurtanalyse) -> None:
    """Refuse any change to a frozen baseline (re-read from the database, not trusted from memory)."""
    if (
        analyse.bevroren
        or Buurtanalyse.objects.filter(pk=analyse.pk, bevroren_op__isnull=False).exists()
    ):
        raise ValidationError(bevroren_melding(), code="bevroren")


def _vandaag() -> dt.date:
    return timezone.localdate()


# --- versions ------------------------------------------------------------------------------------
@transaction.atomic
def analyse_aanmaken(
    *, buurt: Buurt, gebruiker, titel: str, peildatum: dt.date, samenvatting: str = ""
) -> Buurtanalyse:
    """A new version; it starts as a copy of the latest one so the previous one stays untouched."""
    Buurt.objects.select_for_update().filter(pk=buurt.pk).first()  # serialise version numbers
    if peildatum > _vandaag():
        raise ValidationError({"peildatum": _("De peildatum mag niet in de toekomst liggen.")})
    baseline = Buurtanalyse.objects.filter(buurt=buurt, is_baseline=True).first()
    if baseline and peildatum < baseline.peildatum:
        raise ValidationError(
            {
                "peildatum": _("Een nieuwe versie kan niet vóór de baseline (%(datum)s) liggen.")
                % {"datum": baseline.peildatum.strftime("%d/%m/%Y")}
            }
        )
    vorige = Buurtanalyse.objects.filter(buurt=buurt).order_by("-versie").first()
    hoogste = Buurtanalyse.objects.filter(buurt=buurt).aggregate(m=Max("versie"))["m"] or 0
    analyse = Buurtanalyse(
        buurt=buurt,
        versie=hoogste + 1,
        titel=titel,
        peildatum=peildatum,
        samenvatting=samenvatting,
        vorige=vorige,
        aangemaakt_door=gebruiker,
    )
    analyse.full_clean()
    analyse.save()
    if vorige:
        _kopieer_inhoud(van=vorige, naar=analyse)
    return analyse


def _kopieer_inhoud(*, van: Buurtanalyse, naar: Buurtanalyse) -> None:
    for v in van.voorzieningen.all():
        Voorziening.objects.create(
            analyse=naar,
            naam=v.naam,
            soort=v.soort,
            partner_id=v.partner_id,
            beschrijving=v.beschrijving,
        )
    bevragingen = {}
    for b in van.bevragingen.all():
        bevragingen[b.pk] = Bevraging.objects.create(
            analyse=naar,
            methode=b.methode,
            datum=b.datum,
            aantal_deelnemers=b.aantal_deelnemers,
            doelgroepen=list(b.doelgroepen),
            omschrijving=b.omschrijving,
        )
    bevindingen = {}
    for b in van.bevindingen.all():
        bevindingen[b.pk] = Bevinding.objects.create(
            analyse=naar,
            bevraging=bevragingen.get(b.bevraging_id),
            thema=b.thema,
            soort=b.soort,
            tekst=b.tekst,
            citaat=b.citaat,
            vorige=b,
        )
    uitdagingen = {}
    oude = list(van.uitdagingen.prefetch_related("bevindingen", "verwante"))
    for u in oude:
        nieuw = Uitdaging.objects.create(
            analyse=naar,
            titel=u.titel,
            beschrijving=u.beschrijving,
            kant=u.kant,
            complexiteit=u.complexiteit,
            vorige=u,
        )
        nieuw.bevindingen.set([bevindingen[b.pk] for b in u.bevindingen.all()])
        uitdagingen[u.pk] = nieuw
    for u in oude:
        uitdagingen[u.pk].verwante.add(*[uitdagingen[v.pk] for v in u.verwante.all()])


@transaction.atomic
def analyse_bijwerken(
    *, analyse: Buurtanalyse, titel: str, peildatum: dt.date, samenvatting: str = ""
) -> Buurtanalyse:
    vereis_bewerkbaar(analyse)
    if peildatum > _vandaag():
        raise ValidationError({"peildatum": _("De peildatum mag niet in de toekomst liggen.")})
    analyse.titel, analyse.peildatum, analyse.samenvatting = titel, peildatum, samenvatting
    analyse.full_clean()
    analyse.save(update_fields=["titel", "peildatum", "samenvatting"])
    return analyse


@transaction.atomic
def baseline_vastleggen(*, analyse: Buurtanalyse, gebruiker) -> Buurtanalyse:
    """Freeze this version as the baseline: how the buurt looked before the work started."""
    analyse = Buurtanalyse.objects.select_for_update().get(pk=analyse.pk)
    vereis_bewerkbaar(analyse)
    if Buurtanalyse.objects.filter(buurt_id=analyse.buurt_id, is_baseline=True).exists():
        raise ValidationError(_("Deze buurt heeft al een baseline; die blijft ongewijzigd."))
    if analyse.peildatum > _vandaag():
        raise ValidationError(_("Een baseline kan niet in de toekomst liggen."))
    vroegere = Buurtanalyse.objects.filter(
        buurt_id=analyse.buurt_id, peildatum__lt=analyse.peildatum
    ).exists()
    if vroegere:
        raise ValidationError(
            _("Er bestaan versies met een vroegere peildatum; kies de oudste als baseline.")
        )
    analyse.is_baseline = True
    analyse.bevroren_op = timezone.now()
    analyse.bevroren_door = gebruiker
    analyse.save(update_fields=["is_baseline", "bevroren_op", "bevroren_door"])
    return analyse


# --- qualitative content -------------------------------------------------------------------------
@transaction.atomic
def bevraging_toevoegen(
    *,
    analyse: Buurtanalyse,
    methode: str,
    datum: dt.date,
    aantal_deelnemers: int = 0,
    doelgroepen: Sequence[str] = (),
    omschrijving: str = "",
) -> Bevraging:
    vereis_bewerkbaar(analyse)
    if datum > _vandaag():
        raise ValidationError({"datum": _("Een bevraging kan niet in de toekomst liggen.")})
    onbekend = set(doelgroepen) - set(Doelgroep.values)
    if onbekend:
        raise ValidationError({"doelgroepen": _("Onbekende doelgroep.")})
    bevraging = Bevraging(
        analyse=analyse,
        methode=methode,
        datum=datum,
        aantal_deelnemers=aantal_deelnemers,
        doelgroepen=list(doelgroepen),
        omschrijving=omschrijving,
    )
    bevraging.full_clean()
    bevraging.save()
    return bevraging


@transaction.atomic
def bevinding_toevoegen(
    *,
    analyse: Buurtanalyse,
    thema: str,
    soort: str,
    tekst: str,
    citaat: str = "",
    bevraging: Bevraging | None = None,
) -> Bevinding:
    """A need or strength; text and quote are checked for resident identifiers."""
    vereis_bewerkbaar(analyse)
    if bevraging is not None and bevraging.analyse_id != analyse.pk:
        raise ValidationError({"bevraging": _("Deze bevraging hoort niet bij deze analyse.")})
    bevinding = Bevinding(
        analyse=analyse, bevraging=bevraging, thema=thema, soort=soort, tekst=tekst, citaat=citaat
    )
    bevinding.full_clean()
    bevinding.save()
    return bevinding


@transaction.atomic
def uitdaging_toevoegen(
    *,
    analyse: Buurtanalyse,
    titel: str,
    kant: str,
    complexiteit: str,
    beschrijving: str = "",
    bevindingen: Iterable[Bevinding] = (),
    verwante: Iterable[Uitdaging] = (),
) -> Uitdaging:
    """A challenge derived from findings, linked to the challenges it hangs together with."""
    vereis_bewerkbaar(analyse)
    bevindingen, verwante = list(bevindingen), list(verwante)
    if any(b.analyse_id != analyse.pk for b in bevindingen):
        raise ValidationError({"bevindingen": _("Een bevinding hoort niet bij deze analyse.")})
    if any(u.analyse_id != analyse.pk for u in verwante):
        raise ValidationError({"verwante": _("Een uitdaging hoort niet bij deze analyse.")})
    uitdaging = Uitdaging(
        analyse=analyse,
        titel=titel,
        beschrijving=beschrijving,
        kant=kant,
        complexiteit=complexiteit,
    )
    uitdaging.full_clean()
    uitdaging.save()
    uitdaging.bevindingen.set(bevindingen)
    uitdaging.verwante.set(verwante)
    return uitdaging


@transaction.atomic
def voorziening_toevoegen(
    *,
    analyse: Buurtanalyse,
    naam: str,
    soort: str,
    beschrijving: str = "",
    partner=None,
) -> Voorziening:
    vereis_bewerkbaar(analyse)
    if partner is not None and not analyse.buurt.partners.filter(pk=partner.pk).exists():
        raise ValidationError({"partner": _("Deze partner werkt niet in deze buurt.")})
    voorziening = Voorziening(
        analyse=analyse, naam=naam, soort=soort, beschrijving=beschrijving, partner=partner
    )
    voorziening.full_clean()
    voorziening.save()
    return voorziening


@transaction.atomic
def fasen_instellen(*, buurt: Buurt, fasen: Iterable[str]) -> list[Werkingsfase]:
    """The phases the werking is in now (several at once); idempotent."""
    gekozen = set(fasen)
    if gekozen - set(Fase.values):
        raise ValidationError({"fasen": _("Onbekende fase.")})
    Werkingsfase.objects.filter(buurt=buurt).exclude(fase__in=gekozen).delete()
    bestaand = set(Werkingsfase.objects.filter(buurt=buurt).values_list("fase", flat=True))
    for fase in sorted(gekozen - bestaand):
        Werkingsfase.objects.create(buurt=buurt, fase=fase)
    return list(Werkingsfase.objects.filter(buurt=buurt))


# --- indicator import ----------------------------------------------------------------------------
@dataclass
class ImportResultaat:
    """Outcome of an import or dry run: the valid rows and every row-level error."""

    rijen: list[dict] = field(default_factory=list)
    fouten: list[tuple[int, str]] = field(default_factory=list)
    opgeslagen: int = 0

    @property
    def geldig(self) -> bool:
        return not self.fouten


def _datum(cel) -> dt.date:
    if isinstance(cel, dt.datetime):
        return cel.date()
    if isinstance(cel, dt.date):
        return cel
    tekst = importbestand.tekst(cel)
    for formaat in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(tekst, formaat).date()
        except ValueError:
            continue
    raise ValueError(tekst)


def _buurtnamen(buurt: Buurt) -> set[str]:
    return {buurt.naam.strip().lower(), f"{buurt.naam} ({buurt.gemeente.naam})".lower()}


def _controleer_rij(
    rij: RuweRij,
    *,
    buurt: Buurt,
    indicatoren: dict[str, Indicator],
    baseline: Buurtanalyse | None,
) -> tuple[dict | None, list[str]]:
    fouten: list[str] = []
    naam = importbestand.tekst(rij.get("buurt"))
    if naam.lower() not in _buurtnamen(buurt):
        fouten.append(
            _("onbekende buurt ‘%(naam)s’ (dit bestand mag alleen rijen voor %(buurt)s bevatten)")
            % {"naam": naam, "buurt": buurt.naam}
        )
    code = importbestand.tekst(rij.get("indicator"))
    indicator = indicatoren.get(code.lower())
    if indicator is None:
        fouten.append(_("onbekende indicatorcode ‘%(code)s’") % {"code": code})
    peildatum = None
    try:
        peildatum = _datum(rij.get("peildatum"))
    except ValueError:
        fouten.append(
            _("peildatum ‘%(d)s’ is geen datum (gebruik 2025-01-01 of 01/01/2025)")
            % {"d": importbestand.tekst(rij.get("peildatum"))}
        )
    if peildatum and peildatum > _vandaag():
        fouten.append(
            _("peildatum %(d)s ligt in de toekomst") % {"d": peildatum.strftime("%d/%m/%Y")}
        )
    elif peildatum and baseline and peildatum <= baseline.peildatum:
        fouten.append(
            _(
                "peildatum %(d)s valt binnen de bevroren baseline (tot %(b)s) en kan niet meer "
                "toegevoegd worden"
            )
            % {"d": peildatum.strftime("%d/%m/%Y"), "b": baseline.peildatum.strftime("%d/%m/%Y")}
        )
    getallen = {}
    labels = {
        "waarde": _("waarde"),
        "gemeente": _("waarde gemeente"),
        "vlaanderen": _("waarde Vlaanderen"),
    }
    for veld, label in labels.items():
        try:
            getallen[veld] = importbestand.getal(rij.get(veld))
        except ValueError:
            fouten.append(
                _("%(label)s ‘%(w)s’ is geen getal")
                % {"label": label, "w": importbestand.tekst(rij.get(veld))}
            )
    if "waarde" in getallen and getallen["waarde"] is None:
        fouten.append(_("de waarde ontbreekt"))
    for veld, getal in getallen.items():
        if getal is not None and abs(getal) >= Decimal("1e11"):
            fouten.append(_("%(label)s is te groot") % {"label": labels[veld]})
    if fouten:
        return None, fouten
    return {
        "indicator": indicator,
        "peildatum": peildatum,
        "waarde": getallen["waarde"],
        "gemeente_waarde": getallen.get("gemeente"),
        "vlaanderen_waarde": getallen.get("vlaanderen"),
        "bron": importbestand.tekst(rij.get("bron"))[:160] or indicator.bron,
    }, []


@transaction.atomic
def indicatorwaarden_importeren(
    *, buurt: Buurt, rijen: Sequence[RuweRij], gebruiker, dry_run: bool = True
) -> ImportResultaat:
    """Check every row; write all of them (one transaction) only if none has an error."""
    resultaat = ImportResultaat()
    indicatoren = {i.code.lower(): i for i in Indicator.objects.all()}
    baseline = Buurtanalyse.objects.filter(buurt=buurt, is_baseline=True).first()
    bestaand = set(
        IndicatorWaarde.objects.filter(buurt=buurt).values_list("indicator_id", "peildatum")
    )
    gezien: dict[tuple[int, dt.date], int] = {}
    for rij in rijen:
        gegevens, fouten = _controleer_rij(
            rij, buurt=buurt, indicatoren=indicatoren, baseline=baseline
        )
        if gegevens:
            sleutel = (gegevens["indicator"].pk, gegevens["peildatum"])
            datum = gegevens["peildatum"].strftime("%d/%m/%Y")
            if sleutel in gezien:
                fouten.append(
                    _("dubbele rij: dezelfde buurt, indicator en peildatum als rij %(n)s")
                    % {"n": gezien[sleutel]}
                )
            elif sleutel in bestaand:
                fouten.append(
                    _("er is al een waarde voor %(code)s op %(d)s")
                    % {"code": gegevens["indicator"].code, "d": datum}
                )
            gezien.setdefault(sleutel, rij.regel)
        if fouten:
            resultaat.fouten.extend((rij.regel, fout) for fout in fouten)
        else:
            resultaat.rijen.append(gegevens)
    if dry_run or resultaat.fouten:
        return resultaat
    nieuw = [IndicatorWaarde(buurt=buurt, ingevoerd_door=gebruiker, **g) for g in resultaat.rijen]
    for waarde in nieuw:
        waarde.full_clean(exclude=["buurt", "indicator"], validate_unique=False)
    IndicatorWaarde.objects.bulk_create(nieuw)
    fragmentcache.wijzig(buurten=[buurt.id])  # bulk_create sends no signals
    resultaat.opgeslagen = len(nieuw)
    return resultaat


@transaction.atomic
def onderdeel_verwijderen(*, onderdeel: Voorziening | Bevraging | Bevinding | Uitdaging) -> None:
    """Remove a finding, challenge, bevraging or voorziening from an editable version."""
    vereis_bewerkbaar(onderdeel.analyse)
    onderdeel.delete()
