"""Reflection, successes, contact moments, outcomes, stories and indicators (issue 22).

Everyone in the buurt reads; the regisseur and partner users contribute (a partner for its own
organisation); only the regisseur curates (plans reflections, picks for the report, indicators).
A coordinator reads stories only when they have consent for a report, so it can see story A."""

import io

from django.core.files.base import ContentFile
from PIL import Image

from activiteiten.models import (
    Doel,
    Reflectiemoment,
    Succes,
    Toestemming,
    Verhaal,
    Voortgangsindicator,
)

from . import Regel

GET_ONLY = "405 405 405 405 302"
POST_ONLY = "405 405 405 405 302"
LEZEN = "200 404 200 200 302"
BIJDRAGEN = "200 404 200 403 302"
CUREREN = "200 404 403 403 302"
CUREREN_POST = "302 404 403 403 302"
A = {"buurt_id": "buurt_a"}
M = {**A, "moment_id": "reflectie_a"}

REGELS = {
    "activiteiten:reflectie_overzicht": Regel(get=LEZEN, post=GET_ONLY, kwargs=A),
    "activiteiten:reflectie_create": Regel(get=CUREREN, post=CUREREN, kwargs=A),
    "activiteiten:reflectie_detail": Regel(get=LEZEN, post=GET_ONLY, kwargs=M),
    # partner A takes part and scores for its own organisation; the coordinator does not
    "activiteiten:reflectie_scores": Regel(get=BIJDRAGEN, post=BIJDRAGEN, kwargs=M),
    "activiteiten:reflectie_vragen": Regel(get=CUREREN, post=CUREREN, kwargs=M),
    "activiteiten:reflectie_opvolging": Regel(get=CUREREN, post=CUREREN, kwargs=M),
    "activiteiten:succes_list": Regel(get=LEZEN, post=GET_ONLY, kwargs=A),
    "activiteiten:succes_create": Regel(get=BIJDRAGEN, post=BIJDRAGEN, kwargs=A),
    "activiteiten:succes_rapport": Regel(
        get=POST_ONLY, post=CUREREN_POST, kwargs={**A, "succes_id": "succes_a"}
    ),
    "activiteiten:contactmomenten": Regel(get=LEZEN, post=BIJDRAGEN, kwargs=A),
    "activiteiten:oogst_list": Regel(get=LEZEN, post=GET_ONLY, kwargs=A),
    "activiteiten:oogst_create": Regel(get=BIJDRAGEN, post=BIJDRAGEN, kwargs=A),
    "activiteiten:verhaal_list": Regel(get=LEZEN, post=GET_ONLY, kwargs=A),
    "activiteiten:verhaal_create": Regel(get=BIJDRAGEN, post=BIJDRAGEN, kwargs=A),
    "activiteiten:verhaal_rapport": Regel(
        get=POST_ONLY, post=CUREREN_POST, kwargs={**A, "verhaal_id": "verhaal_a"}
    ),
    "activiteiten:verhaal_foto": Regel(
        get=LEZEN, post=GET_ONLY, kwargs={**A, "verhaal_id": "verhaal_a"}
    ),
    "activiteiten:indicator_list": Regel(get=LEZEN, post=CUREREN, kwargs=A),
    "activiteiten:meting_create": Regel(
        get=POST_ONLY, post=CUREREN_POST, kwargs={**A, "indicator_id": "indicator_a"}
    ),
}


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "#1f6f5c").save(buffer, "PNG")
    return buffer.getvalue()


def maak(w) -> None:
    from datetime import date, timedelta

    vandaag = date.today()
    w.reflectie_a = Reflectiemoment.objects.create(
        buurt=w.buurt_a,
        titel="Reflectie voorjaar",
        periode_van=vandaag - timedelta(days=90),
        periode_tot=vandaag,
        samen_scoren=False,
    )
    w.reflectie_a.partners.set([w.partner])
    w.succes_a = Succes.objects.create(buurt=w.buurt_a, titel="Buurtfeest gelukt")
    w.verhaal_a = Verhaal(
        buurt=w.buurt_a,
        titel="Koffie op het plein",
        tekst="Elke dinsdag schuiven meer buren aan.",
        toestemming=Toestemming.RAPPORT,
    )
    w.verhaal_a.foto.save("plein.png", ContentFile(_png()), save=False)
    w.verhaal_a.save()
    doel = Doel.objects.create(buurt=w.buurt_a, titel="Minder eenzaamheid")
    w.indicator_a = Voortgangsindicator.objects.create(
        buurt=w.buurt_a, doel=doel, naam="Deelnemers koffieklets", streefwaarde=20
    )
