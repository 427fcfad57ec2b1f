"""Buurtanalyse URLs (issue 4): everyone in scope reads, only the regisseur writes."""

import datetime as dt

from . import Regel

LEZEN = "200 404 200 200 302"
BEHEER = "200 404 403 403 302"
GEEN_POST = "405 405 405 405 302"
ANALYSE = {"buurt_id": "buurt_a", "analyse_id": "buurtanalyse"}

REGELS = {
    "buurten:buurtanalyse": Regel(get=LEZEN, post=GEEN_POST, kwargs={"buurt_id": "buurt_a"}),
    "buurten:buurtanalyse_detail": Regel(get=LEZEN, post=GEEN_POST, kwargs=ANALYSE),
    "buurten:buurtanalyse_create": Regel(get=BEHEER, post=BEHEER, kwargs={"buurt_id": "buurt_a"}),
    "buurten:buurtanalyse_update": Regel(get=BEHEER, post=BEHEER, kwargs=ANALYSE),
    "buurten:buurtanalyse_baseline": Regel(
        get=GEEN_POST, post="302 404 403 403 302", kwargs=ANALYSE
    ),
    "buurten:indicatorwaarde_import": Regel(
        get=BEHEER, post=BEHEER, kwargs={"buurt_id": "buurt_a"}
    ),
    "buurten:werkingsfase_update": Regel(
        get=BEHEER, post="302 404 403 403 302", kwargs={"buurt_id": "buurt_a"}
    ),
    "buurten:bevraging_create": Regel(get=BEHEER, post=BEHEER, kwargs=ANALYSE),
    "buurten:bevinding_create": Regel(get=BEHEER, post=BEHEER, kwargs=ANALYSE),
    "buurten:uitdaging_create": Regel(get=BEHEER, post=BEHEER, kwargs=ANALYSE),
    "buurten:voorziening_create": Regel(get=BEHEER, post=BEHEER, kwargs=ANALYSE),
}
for _soort in ("bevinding", "uitdaging", "bevraging", "voorziening"):
    REGELS[f"buurten:{_soort}_delete"] = Regel(
        get=GEEN_POST, post="302 404 403 403 302", kwargs={**ANALYSE, "pk": _soort}
    )


def maak(w) -> None:
    """An editable analysis version for buurt A with one indicator value and one finding."""
    from buurten.models import (
        Bevinding,
        Bevraging,
        Buurtanalyse,
        Indicator,
        IndicatorWaarde,
        Uitdaging,
        Voorziening,
    )

    indicator = Indicator.objects.create(code="aandeel_65plus", naam="Aandeel 65-plussers")
    IndicatorWaarde.objects.create(
        buurt=w.buurt_a, indicator=indicator, peildatum=dt.date(2025, 1, 1), waarde=21
    )
    w.buurtanalyse = Buurtanalyse.objects.create(
        buurt=w.buurt_a, versie=1, titel="Buurtanalyse", peildatum=dt.date(2025, 6, 30)
    )
    w.bevinding = Bevinding.objects.create(
        analyse=w.buurtanalyse, thema="D", soort="nood", tekst="Weinig plekken om elkaar te zien."
    )
    w.uitdaging = Uitdaging.objects.create(
        analyse=w.buurtanalyse, titel="Ontmoeting", kant="collectief", complexiteit="laag"
    )
    w.bevraging = Bevraging.objects.create(
        analyse=w.buurtanalyse, methode="buurtbabbel", datum=dt.date(2025, 5, 1)
    )
    w.voorziening = Voorziening.objects.create(
        analyse=w.buurtanalyse, naam="Parochiezaal", soort="ontmoetingsplaats"
    )
