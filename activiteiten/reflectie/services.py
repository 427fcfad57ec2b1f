"""Writes for the reflection cycle. Every write validates fully and is atomic: bad input raises a
Dutch ValidationError and nothing is written. Follow-ups become actions and goal changes through
the services of those capabilities (acties, pakketten)."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from activiteiten.acties.services import actie_bewaren
from activiteiten.models import (
    SCORE_MAX,
    SCORE_MIN,
    Actie,
    Activiteitenpakket,
    Contactmoment,
    Doel,
    FrameworkElement,
    FrameworkSoort,
    GeoogsteUitkomst,
    Indicatormeting,
    OpvolgingSoort,
    Reflectieantwoord,
    Reflectiemoment,
    Reflectieopvolging,
    Reflectiescore,
    Scorebron,
    Succes,
    Verhaal,
    Voortgangsindicator,
)
from activiteiten.pakketten.services import doel_wijzigen
from buurten.models import Buurt
from partners.models import Partner
from zorgnet.lib import fragmentcache


def _ingelogd(door):
    return door if getattr(door, "is_authenticated", False) else None


def _vereis_in_buurt(partners: Iterable[Partner], buurt: Buurt, veld: str) -> None:
    ids = {p.id for p in partners}
    if ids and Partner.objects.filter(id__in=ids, buurten=buurt).count() != len(ids):
        raise ValidationError({veld: _("Kies alleen partners die in deze buurt actief zijn.")})


# --- reflectiemomenten ------------------------------------------------------------------------------
@transaction.atomic
def reflectie_aanmaken(*, moment: Reflectiemoment, partners: Iterable[Partner], door=None):
    """A session needs its participants: at least one partner organisation besides the regisseur
    ("Stilstaan bij samenwerken" is done together)."""
    partners = list(partners)
    if not partners:
        raise ValidationError(
            {"partners": _("Een reflectie doe je samen: kies minstens één deelnemende partner.")}
        )
    _vereis_in_buurt(partners, moment.buurt, "partners")
    if moment.pk is None:
        moment.aangemaakt_door = _ingelogd(door)
    moment.full_clean()
    moment.save()
    moment.partners.set(partners)
    return moment


def _score(waarde) -> int:
    try:
        getal = int(waarde)
    except (TypeError, ValueError):
        getal = None
    if getal is None or not SCORE_MIN <= getal <= SCORE_MAX:
        raise ValidationError(
            _("Een score ligt tussen %(a)d en %(b)d.") % {"a": SCORE_MIN, "b": SCORE_MAX},
            code="score",
        )
    return getal


def _bron_en_partner(moment: Reflectiemoment, deelnemer: str) -> tuple[str, Partner | None]:
    if moment.samen_scoren:
        if deelnemer != Scorebron.SAMEN:
            raise ValidationError(_("In dit reflectiemoment wordt samen gescoord."))
        return Scorebron.SAMEN, None
    if deelnemer == Scorebron.REGISSEUR and moment.met_regisseur:
        return Scorebron.REGISSEUR, None
    if deelnemer.startswith("p") and deelnemer[1:].isdigit():
        partner = moment.partners.filter(pk=int(deelnemer[1:])).first()
        if partner:
            return Scorebron.PARTNER, partner
    raise ValidationError(_("Deze deelnemer neemt niet deel aan dit reflectiemoment."))


@transaction.atomic
def scores_bewaren(
    *,
    moment: Reflectiemoment,
    deelnemer: str,
    waarden: Mapping[int, tuple[object, str]],
    door=None,
) -> list[Reflectiescore]:
    """Replace one participant's scores: {element id: (score 1-5, note)} for factors and tensions.
    A score outside 1-5 anywhere refuses the whole set."""
    bron, partner = _bron_en_partner(moment, deelnemer)
    toegelaten = {
        e.id: e
        for e in FrameworkElement.objects.filter(
            id__in=list(waarden),
            framework__soort__in=[FrameworkSoort.WERKENDE_FACTOREN, FrameworkSoort.SPANNINGSVELDEN],
        )
    }
    if set(waarden) - set(toegelaten):
        raise ValidationError(_("Score alleen werkende factoren en spanningsvelden."))
    if not waarden:
        raise ValidationError(_("Geef minstens één score."))
    fouten = {}
    nieuw = []
    for element_id, (waarde, notitie) in waarden.items():
        try:
            score = Reflectiescore(
                moment=moment,
                element=toegelaten[element_id],
                bron=bron,
                partner=partner,
                waarde=_score(waarde),
                notitie=(notitie or "").strip(),
                aangemaakt_door=_ingelogd(door),
            )
            score.full_clean()
        except ValidationError as fout:
            fouten[f"e{element_id}"] = fout.messages
            continue
        nieuw.append(score)
    if fouten:
        raise ValidationError(fouten)
    moment.scores.filter(bron=bron, partner=partner).delete()
    fragmentcache.wijzig(buurten=[moment.buurt_id])  # bulk_create sends no signals
    return Reflectiescore.objects.bulk_create(nieuw)


@transaction.atomic
def antwoorden_bewaren(*, moment: Reflectiemoment, antwoorden: Mapping[int, str]) -> int:
    """Answers to the 'Stilstaan bij samenwerken' questions; an empty answer removes it."""
    vragen = set(
        FrameworkElement.objects.filter(
            id__in=list(antwoorden), framework__soort=FrameworkSoort.REFLECTIEVRAGEN
        ).values_list("id", flat=True)
    )
    if set(antwoorden) - vragen:
        raise ValidationError(_("Onbekende vraag."))
    fouten = {}
    for vraag_id, tekst in antwoorden.items():
        tekst = (tekst or "").strip()
        if not tekst:
            moment.antwoorden.filter(vraag_id=vraag_id).delete()
            continue
        antwoord = Reflectieantwoord.objects.filter(moment=moment, vraag_id=vraag_id).first()
        antwoord = antwoord or Reflectieantwoord(moment=moment, vraag_id=vraag_id)
        antwoord.antwoord = tekst
        try:
            antwoord.full_clean()
        except ValidationError as fout:
            fouten[f"v{vraag_id}"] = fout.messages
            continue
        antwoord.save()
    if fouten:
        raise ValidationError(fouten)
    return len(antwoorden)


@transaction.atomic
def opvolging_als_actie(
    *, moment: Reflectiemoment, actie: Actie, aanleiding: str = "", door=None
) -> Reflectieopvolging:
    """A follow-up that becomes a new action (through the actions service)."""
    actie.buurt = moment.buurt
    actie = actie_bewaren(actie=actie, door=door)
    return Reflectieopvolging.objects.create(
        moment=moment,
        soort=OpvolgingSoort.ACTIE,
        actie=actie,
        aanleiding=aanleiding[:500],
        aangemaakt_door=_ingelogd(door),
    )


@transaction.atomic
def opvolging_als_doelwijziging(
    *,
    moment: Reflectiemoment,
    doel: Doel,
    titel: str,
    termijn: str,
    omschrijving: str,
    reden: str,
    door=None,
) -> Reflectieopvolging:
    """A follow-up that adjusts a goal ("Ga na waarom je de doelen wil bijsturen"), versioned by
    the packages service with the reason."""
    if doel.buurt_id != moment.buurt_id:
        raise ValidationError({"doel": _("Dit doel hoort niet bij deze buurt.")})
    if not (reden or "").strip():
        raise ValidationError({"reden": _("Geef de reden van deze wijziging van het doel.")})
    reden = _("Reflectie '%(m)s': %(r)s") % {"m": moment.titel, "r": reden.strip()}
    doel = doel_wijzigen(
        doel=doel,
        titel=titel,
        termijn=termijn,
        omschrijving=omschrijving,
        reden=reden,
        gebruiker=_ingelogd(door),
    )
    return Reflectieopvolging.objects.create(
        moment=moment,
        soort=OpvolgingSoort.DOEL,
        doel=doel,
        aanleiding=reden[:500],
        aangemaakt_door=_ingelogd(door),
    )


# --- contributions (regisseur, or a partner for its own organisation) ---------------------------
def _vereis_eigen_partner(obj, eigen: set[int] | None) -> None:
    """`eigen` is None for the regisseur; for a partner user, its organisations."""
    if eigen is None:
        return
    if obj.partner_id not in eigen:
        raise ValidationError({"partner": _("Je kan dit alleen voor je eigen organisatie doen.")})


def _vereis_eigen_werk(succes: Succes, eigen: set[int] | None) -> None:
    if eigen is None:
        return
    eigen_acties = Actie.objects.filter(Q(trekker_id__in=eigen) | Q(co_partners__id__in=eigen))
    if succes.actie_id and not eigen_acties.filter(pk=succes.actie_id).exists():
        raise ValidationError({"actie": _("Kies een actie van je eigen organisatie.")})
    if (
        succes.pakket_id
        and not Activiteitenpakket.objects.filter(pk=succes.pakket_id, team__id__in=eigen).exists()
    ):
        raise ValidationError(
            {"pakket": _("Kies een pakket waarin je organisatie in het team zit.")}
        )
    if (
        succes.bijeenkomst_id
        and not succes.bijeenkomst.aanwezigheden.filter(partner_id__in=eigen).exists()
    ):
        raise ValidationError(
            {"bijeenkomst": _("Kies een bijeenkomst waar je organisatie aanwezig was.")}
        )


@transaction.atomic
def succes_bewaren(*, succes: Succes, eigen: set[int] | None = None, door=None) -> Succes:
    _vereis_eigen_partner(succes, eigen)
    if succes.partner_id:
        _vereis_in_buurt([succes.partner], succes.buurt, "partner")
    _vereis_eigen_werk(succes, eigen)
    if eigen is not None:
        succes.in_rapport = False  # the regisseur curates
    if succes.pk is None:
        succes.aangemaakt_door = _ingelogd(door)
    succes.full_clean()
    succes.save()
    return succes


@transaction.atomic
def succes_voor_rapport(*, succes: Succes, in_rapport: bool) -> Succes:
    succes.in_rapport = in_rapport
    succes.full_clean()
    succes.save(update_fields=["in_rapport"])
    return succes


@transaction.atomic
def contactmoment_tellen(
    *,
    buurt: Buurt,
    soort: str,
    datum: date | None = None,
    aantal: int = 1,
    partner: Partner | None = None,
    eigen: set[int] | None = None,
    door=None,
) -> Contactmoment:
    """One tap on the counter: a kind, a date and a count; never a name."""
    moment = Contactmoment(buurt=buurt, soort=soort, aantal=aantal, partner=partner)
    if datum:
        moment.datum = datum
    if eigen is not None:
        _vereis_eigen_partner(moment, eigen)
    if partner is not None:
        _vereis_in_buurt([partner], buurt, "partner")
    moment.aangemaakt_door = _ingelogd(door)
    moment.full_clean()
    moment.save()
    return moment


@transaction.atomic
def uitkomst_bewaren(
    *,
    uitkomst: GeoogsteUitkomst,
    doelen: Iterable[Doel] = (),
    pakketten: Iterable[Activiteitenpakket] = (),
    acties: Iterable[Actie] = (),
    eigen: set[int] | None = None,
    door=None,
) -> GeoogsteUitkomst:
    """A harvested outcome; every text passes the resident-identifier check (full_clean)."""
    if eigen is not None:
        _vereis_eigen_partner(uitkomst, eigen)
    doelen, pakketten, acties = list(doelen), list(pakketten), list(acties)
    for veld, lijst in (("doelen", doelen), ("pakketten", pakketten), ("acties", acties)):
        if any(o.buurt_id != uitkomst.buurt_id for o in lijst):
            raise ValidationError({veld: _("Kies alleen uit deze buurt.")})
    if uitkomst.categorie_id and uitkomst.categorie.framework.soort != FrameworkSoort.UITKOMSTEN:
        raise ValidationError({"categorie": _("Kies een soort uitkomst uit Figuur 3.")})
    if uitkomst.pk is None:
        uitkomst.aangemaakt_door = _ingelogd(door)
    uitkomst.full_clean()
    uitkomst.save()
    uitkomst.doelen.set(doelen)
    uitkomst.pakketten.set(pakketten)
    uitkomst.acties.set(acties)
    return uitkomst


@transaction.atomic
def verhaal_bewaren(*, verhaal: Verhaal, eigen: set[int] | None = None, door=None) -> Verhaal:
    """A story; the text passes the identifier check, a photo needs consent."""
    if eigen is not None:
        _vereis_eigen_partner(verhaal, eigen)
        verhaal.in_rapport = False  # the regisseur picks
    if verhaal.pk is None:
        verhaal.aangemaakt_door = _ingelogd(door)
    verhaal.full_clean()
    verhaal.save()
    return verhaal


@transaction.atomic
def verhaal_voor_rapport(*, verhaal: Verhaal, in_rapport: bool) -> Verhaal:
    """The regisseur picks a story for the report; without consent for a report, refused."""
    verhaal = Verhaal.objects.select_for_update().get(pk=verhaal.pk)
    verhaal.in_rapport = in_rapport
    verhaal.full_clean()
    verhaal.save(update_fields=["in_rapport"])
    return verhaal


@transaction.atomic
def indicator_bewaren(*, indicator: Voortgangsindicator) -> Voortgangsindicator:
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def meting_toevoegen(*, meting: Indicatormeting, door=None) -> Indicatormeting:
    meting.aangemaakt_door = _ingelogd(door)
    meting.full_clean()
    meting.save()
    return meting
