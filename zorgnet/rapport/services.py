"""Writes for reports: request a report (job), generate its file, the on-screen preview (job),
the regisseur's notes, zip all."""

import io
import logging
import zipfile
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from buurten.models import Buurt, Gemeente, Toegangsactie
from buurten.services import registreer_toegang
from zorgnet.lib import taakrecords
from zorgnet.lib.pdf import html_naar_pdf
from zorgnet.lib.taakrecords import LOPEND, TaakStatus
from zorgnet.rapport.sectie import Scope

from . import selectors, xlsx
from .models import Formaat, RapportBestand, Rapportnotitie, RapportVoorbeeld

log = logging.getLogger(__name__)


# --- rendering (one set of templates for screen and PDF) -----------------------------------------
def rapport_context(scope: Scope, *, pdf: bool) -> dict:
    rapport = selectors.bouw_rapport(scope)
    return {"rapport": rapport, "scope": scope, "pdf": pdf, "gemaakt_op": timezone.localdate()}


def rapport_html(scope: Scope) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string("rapport/rapport_pdf.html", rapport_context(scope, pdf=True))


def voorbeeld_html(scope: Scope) -> str:
    """The report as the preview page shows it: the same fragment as the PDF, without a request."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string("rapport/_rapport_inhoud.html", rapport_context(scope, pdf=False))


def rapport_pdf(scope: Scope) -> bytes:
    css = settings.BASE_DIR / "static" / "css" / "rapport.css"
    return html_naar_pdf(rapport_html(scope), stylesheets=[css])


def rapport_bladen(scope: Scope, rapport: selectors.Rapport | None = None) -> dict:
    """The workbook: what the report covers, the summary, then every sheet of every section with
    data. Titles are unique and valid sheet names (zorgnet.rapport.xlsx.bladnaam)."""
    with translation.override(settings.LANGUAGE_CODE):
        rapport = rapport or selectors.bouw_rapport(scope)
        over = [
            [_("Rapport"), str(scope.titel)],
            [_("Periode van"), scope.van],
            [_("Periode tot en met"), scope.tot],
            [_("Buurten"), ", ".join(rapport.buurtnamen)],
            [_("Gemaakt op"), timezone.localdate()],
        ]
        if rapport.is_leeg:
            over.append([_("Gegevens"), _("Geen gegevens in deze periode.")])
        samenvatting = [
            [str(o.sectie.titel), str(label), waarde]
            for o, cijfers in rapport.samenvatting()
            for label, waarde in cijfers
        ]
        bezet: set[str] = set()
        bladen = {
            xlsx.bladnaam(_("Over dit rapport"), bezet): ([_("Gegeven"), _("Waarde")], over),
            xlsx.bladnaam(_("Samenvatting"), bezet): (
                [_("Onderdeel"), _("Cijfer"), _("Waarde")],
                samenvatting,
            ),
        }
        for onderdeel in rapport.onderdelen:
            for titel, (kolommen, rijen) in onderdeel.sectie.bladen(onderdeel.gegevens).items():
                bladen[xlsx.bladnaam(titel, bezet)] = ([str(k) for k in kolommen], rijen)
        return bladen


def rapport_xlsx(scope: Scope) -> bytes:
    return xlsx.werkboek(rapport_bladen(scope))


# --- requesting and generating -----------------------------------------------------------------
@transaction.atomic
def vraag_rapport_aan(
    *,
    gebruiker,
    gemeente: Gemeente,
    buurt: Buurt | None,
    van: date,
    tot: date,
    formaten: list[str],
    namen_opnemen: bool = False,
) -> list[RapportBestand]:
    """Queue one file per format. The caller authorised the scope; nothing is written if invalid."""
    if not formaten:
        raise ValidationError(_("Kies minstens één formaat."))
    bestanden = []
    for formaat in formaten:
        bestand = RapportBestand(
            gemeente=gemeente,
            buurt=buurt,
            van=van,
            tot=tot,
            formaat=formaat,
            aangevraagd_door=gebruiker,
            namen_opnemen=namen_opnemen and buurt is not None,
        )
        bestand.full_clean()
        bestand.save()
        bestanden.append(bestand)
        registreer_toegang(
            gebruiker=gebruiker,
            actie=Toegangsactie.EXPORT,
            object_type="rapport",
            object_id=bestand.pk,
            omschrijving=f"rapport {formaat} {bestand.scope_naam} {van:%d/%m/%Y}-{tot:%d/%m/%Y}",
            buurt=buurt,
            gemeente=gemeente,
        )
    from .tasks import lang_rapport_maken

    for bestand in bestanden:
        transaction.on_commit(lambda pk=bestand.pk: lang_rapport_maken.delay(pk))
    return bestanden


def maak_bestand(*, bestand_id: int) -> RapportBestand | None:
    """Generate the file of a queued report; None when it is not (or no longer) queued, so a
    finished file is not made again. An error propagates: the job marks the record failed."""
    if not taakrecords.claim(RapportBestand, bestand_id):
        return None
    bestand = RapportBestand.objects.select_related("buurt", "gemeente").get(pk=bestand_id)
    scope = selectors.scope_van_bestand(bestand)
    inhoud = rapport_pdf(scope) if bestand.formaat == Formaat.PDF else rapport_xlsx(scope)
    opgeslagen = ""
    try:
        bestand.bestand.save(bestand.bestandsnaam(), ContentFile(inhoud), save=False)
        opgeslagen = bestand.bestand.name
        klaar = taakrecords.rond_af(RapportBestand, bestand_id, bestand=opgeslagen)
    except BaseException:
        _verwijder_bestand(opgeslagen)
        raise
    if not klaar:  # declared stuck meanwhile: do not keep an orphan file
        _verwijder_bestand(opgeslagen)
        return None
    bestand.refresh_from_db()
    return bestand


def _verwijder_bestand(naam: str) -> None:
    if naam:
        RapportBestand._meta.get_field("bestand").storage.delete(naam)


@transaction.atomic
def rapporten_opruimen(*, vandaag: date | None = None) -> int:
    """Delete report files (record and file) and previews older than the retention period
    (ZORGNET_BEWAARTERMIJNEN["rapport"]), and log it per gemeente as a 'gewist' access event.
    Files go only once the deletion is committed; running jobs are left alone. Idempotent."""
    dagen = settings.ZORGNET_BEWAARTERMIJNEN["rapport"]
    vandaag = vandaag or timezone.localdate()
    grens = timezone.make_aware(
        datetime.combine(vandaag - timedelta(days=dagen), datetime.min.time())
    )
    per_gemeente: dict[int, int] = {}
    namen: list[str] = []
    for model in (RapportBestand, RapportVoorbeeld):
        oud = model.objects.filter(aangemaakt_op__lt=grens).exclude(status__in=LOPEND)
        for rij in oud.values("gemeente_id", *(["bestand"] if model is RapportBestand else [])):
            per_gemeente[rij["gemeente_id"]] = per_gemeente.get(rij["gemeente_id"], 0) + 1
            if rij.get("bestand"):
                namen.append(rij["bestand"])
        oud.delete()
    transaction.on_commit(lambda: [_verwijder_bestand(naam) for naam in namen])
    for gemeente in Gemeente.objects.filter(pk__in=per_gemeente):
        registreer_toegang(
            gebruiker=None,
            actie=Toegangsactie.GEWIST,
            object_type="rapport",
            omschrijving=f"{per_gemeente[gemeente.pk]} rapporten en voorbeelden verwijderd "
            f"(bewaartermijn {dagen} dagen)",
            gemeente=gemeente,
        )
    totaal = sum(per_gemeente.values())
    if totaal:
        log.info("rapporten en voorbeelden verwijderd: %d", totaal)
    return totaal


# --- the on-screen preview: made by a job, served as stored ---------------------------------------
# Superseded previews of other periods are removed once they are this old (they are a cache).
VOORBEELD_BEWAREN = timedelta(days=7)


@transaction.atomic
def vraag_voorbeeld_aan(
    *,
    gebruiker,
    gemeente: Gemeente,
    buurt: Buurt | None,
    van: date,
    tot: date,
    vernieuwen: bool = False,
) -> RapportVoorbeeld:
    """Queue a preview of the scope and period, unless one is being made (that one is returned) or,
    without `vernieuwen`, a current one exists. The caller authorised the scope."""
    voorbeeld = RapportVoorbeeld(
        gemeente=gemeente,
        buurt=buurt,
        van=van,
        tot=tot,
        aangevraagd_door=gebruiker if getattr(gebruiker, "is_authenticated", False) else None,
    )
    voorbeeld.full_clean(validate_constraints=False)
    zelfde = selectors.voorbeelden_van(gemeente=gemeente, buurt=buurt, van=van, tot=tot).defer(
        "html"
    )
    lopend = zelfde.filter(status__in=LOPEND).first()
    if lopend is not None:
        if not lopend.is_vastgelopen:
            return lopend
        taakrecords.markeer_mislukt(
            RapportVoorbeeld, lopend.pk, _("Het voorbeeld werd niet op tijd gemaakt.")
        )
    if not vernieuwen:
        laatste = zelfde.filter(status=TaakStatus.KLAAR).first()
        if laatste is not None and laatste.is_vers:
            return laatste
    try:
        with transaction.atomic():
            voorbeeld.save()
    except IntegrityError:
        # Someone queued the same preview a moment ago (the partial unique constraint): use theirs.
        return zelfde.get(status__in=LOPEND)
    from .tasks import voorbeeld_maken

    voorbeeld_maken.delay_on_commit(voorbeeld.pk)
    return voorbeeld


def maak_voorbeeld(*, voorbeeld_id: int) -> RapportVoorbeeld | None:
    """Render a queued preview and store it. Idempotent: only the job that claims the queued
    preview (conditional UPDATE) renders it; None when another job has it or it is done."""
    if not taakrecords.claim(RapportVoorbeeld, voorbeeld_id):
        return None
    voorbeeld = RapportVoorbeeld.objects.select_related("buurt", "gemeente").get(pk=voorbeeld_id)
    html = voorbeeld_html(selectors.scope_van_bestand(voorbeeld))
    nu = timezone.now()
    with transaction.atomic():
        if not taakrecords.rond_af(
            RapportVoorbeeld, voorbeeld_id, html=html
        ):  # given up as stuck meanwhile: a newer request took over
            return None
        # The new preview replaces the older ones of this period; old ones of other periods go.
        selectors.voorbeelden_van(
            gemeente=voorbeeld.gemeente, buurt=voorbeeld.buurt, van=voorbeeld.van, tot=voorbeeld.tot
        ).exclude(pk=voorbeeld_id).exclude(status__in=LOPEND).delete()
        RapportVoorbeeld.objects.filter(
            gemeente=voorbeeld.gemeente,
            buurt=voorbeeld.buurt,
            aangemaakt_op__lt=nu - VOORBEELD_BEWAREN,
        ).exclude(status__in=LOPEND).delete()
    voorbeeld.refresh_from_db()
    return voorbeeld


def registreer_download(*, gebruiker, bestand: RapportBestand) -> None:
    registreer_toegang(
        gebruiker=gebruiker,
        actie=Toegangsactie.DOWNLOAD,
        object_type="rapport",
        object_id=bestand.pk,
        omschrijving=f"rapport {bestand.formaat} {bestand.scope_naam}",
        buurt=bestand.buurt,
        gemeente=bestand.gemeente,
    )


def zip_van(*, gebruiker, gemeente: Gemeente, bestanden: list[RapportBestand]) -> bytes:
    """One zip with the given finished files; logged as one download of the gemeente."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
        for bestand in bestanden:
            with bestand.bestand.open("rb") as f:
                archief.writestr(bestand.bestandsnaam(), f.read())
    registreer_toegang(
        gebruiker=gebruiker,
        actie=Toegangsactie.DOWNLOAD,
        object_type="rapport_zip",
        object_id=gemeente.pk,
        omschrijving=f"alle rapporten ({len(bestanden)}) gemeente {gemeente.naam}",
        gemeente=gemeente,
    )
    return buffer.getvalue()


# --- the regisseur's notes ---------------------------------------------------------------------
@transaction.atomic
def notitie_opslaan(
    *,
    gebruiker,
    buurt: Buurt,
    van: date,
    tot: date,
    drempels: str,
    ondersteuning: str,
    volgende_stappen: str,
) -> Rapportnotitie:
    if tot < van:
        raise ValidationError({"tot": _("Het einde van de periode ligt voor het begin.")})
    notitie = Rapportnotitie.objects.filter(
        buurt=buurt, van=van, tot=tot
    ).first() or Rapportnotitie(buurt=buurt, van=van, tot=tot)
    notitie.drempels = drempels
    notitie.ondersteuning = ondersteuning
    notitie.volgende_stappen = volgende_stappen
    notitie.bijgewerkt_door = gebruiker
    notitie.full_clean()
    notitie.save()
    return notitie
