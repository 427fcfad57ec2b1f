"""Demo: the regisseur's notes and a generated report (PDF and XLSX) for Buurtegem. Idempotent."""

from datetime import timedelta

from django.utils import timezone

from activiteiten.models import Actie
from zorgnet.lib import fragmentcache
from zorgnet.lib.taakrecords import TaakStatus

from .models import Formaat, RapportBestand, Rapportnotitie
from .services import maak_bestand

VERHALEN = {
    "Buurtfeest (jaarlijks)": "Buren die elkaar enkel van zien kenden, spraken af om samen te "
    "koken. Sinds het buurtfeest eten ze elke maand samen in de zaal van het straatcomité.",
    "Boterhammen in het buurtpark": "Een bewoner die al jaren alleen woont, kwam voor het eerst "
    "mee picknicken. Ze helpt nu mee met de volgende editie.",
}


def laad(ctx: dict) -> None:
    buurtegem = ctx["buurten"]["buurtegem"]
    regisseur = ctx["gebruikers"]["regisseur"]
    vandaag = timezone.localdate()
    van, tot = vandaag - timedelta(days=365), vandaag

    # Consented stories for the report (the partners asked the people involved).
    for titel, verhaal in VERHALEN.items():
        Actie.objects.filter(buurt=buurtegem, titel=titel, toestemming_verhaal=False).update(
            verhaal=verhaal, toestemming_verhaal=True
        )
    fragmentcache.wijzig(buurten=[buurtegem.id])

    Rapportnotitie.objects.get_or_create(
        buurt=buurtegem,
        van=van,
        tot=tot,
        defaults={
            "drempels": "Informele partners haken af wanneer overleg overdag valt. Het "
            "straatcomité heeft geen vaste ontmoetingsruimte.",
            "ondersteuning": "Een vaste buurtruimte (ook 's avonds) en een klein werkingsbudget "
            "voor bewonersinitiatieven.",
            "volgende_stappen": "Infomarkt mantelzorg organiseren met de thuiszorgdienst; "
            "een tweede partnerscan; het beleidssignaal over onveiligheid aan de bushalte "
            "opvolgen met de dienst mobiliteit.",
            "bijgewerkt_door": regisseur,
        },
    )
    for formaat in (Formaat.PDF, Formaat.XLSX):
        bestand, _ = RapportBestand.objects.get_or_create(
            gemeente=buurtegem.gemeente,
            buurt=buurtegem,
            van=van,
            tot=tot,
            formaat=formaat,
            defaults={"aangevraagd_door": regisseur},
        )
        if bestand.status != TaakStatus.KLAAR:
            maak_bestand(bestand_id=bestand.pk)
