"""Flanders-scale data set for benchmarks (issue 11): `python manage.py schaaldata --schaal 1.0`.

Bulk inserts only (COPY on PostgreSQL, executemany elsewhere): no model save(), so no signals and
no history rows for millions of rows. Distributions are skewed like real life: buurt and gemeente
sizes follow a lognormal / Zipf law, so most buurten are small and a few are large. Deterministic
(fixed seed), so two runs at the same scale give the same data set.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, models, transaction
from django.utils import timezone

# Full-scale counts (schaal 1.0).
VOLLEDIG = {
    "gemeenten": 300,
    "buurten": 1_500,
    "partners": 30_000,
    "relaties": 150_000,
    "acties": 1_000_000,
    "signalen": 300_000,
    "bijeenkomsten": 50_000,
}
PREFIX = "Schaalgem"
PERSONAS = {
    "regisseur": "bench_regisseur",
    "coordinator": "bench_coordinator",
    "partner": "bench_partner",
}
BATCH = 20_000


def aantallen(schaal: float) -> dict[str, int]:
    """Counts per table at a scale; at least one of each, at least one buurt per gemeente."""
    n = {k: max(1, round(v * schaal)) for k, v in VOLLEDIG.items()}
    n["buurten"] = max(n["buurten"], n["gemeenten"])
    n["partners"] = max(n["partners"], 2 * n["buurten"])
    return n


@dataclass
class Resultaat:
    aantallen: dict[str, int]
    seconden: dict[str, float]
    grootste_buurt_id: int
    grootste_gemeente_id: int


def veilige_database() -> bool:
    """Only a database whose name says bench (or a test database) may be filled or wiped."""
    naam = str(connection.settings_dict.get("NAME") or "")
    return "bench" in naam or naam.startswith("test") or "memory" in naam


def bestaat(schaal: float) -> bool:
    """Is a data set of this scale already loaded? (marker: the gemeente count and action count)."""
    from activiteiten.models import Actie
    from buurten.models import Gemeente

    n = aantallen(schaal)
    gemeenten = Gemeente.objects.filter(naam__startswith=PREFIX)
    return (
        gemeenten.count() == n["gemeenten"]
        and Actie.objects.filter(buurt__gemeente__naam__startswith=PREFIX).count() == n["acties"]
    )


def wis() -> None:
    """Remove a previous scale data set (everything under the Schaalgem gemeenten) with raw SQL."""
    from buurten.models import Gemeente

    ids = list(Gemeente.objects.filter(naam__startswith=PREFIX).values_list("id", flat=True))
    get_user_model().objects.filter(username__in=PERSONAS.values()).delete()
    if not ids:
        return
    # Delete children first, table by table, so no ORM cascade collects millions of objects.
    from activiteiten.models import Actie, Signaal
    from partners.models import Partner, Relatie, RelatieBuurt

    partner_qs = Partner.objects.filter(gemeente_id__in=ids)
    buurt_model = apps.get_model("buurten", "Buurt")
    buurt_qs = buurt_model.objects.filter(gemeente_id__in=ids)
    bijeenkomst = _bijeenkomst_model()
    if bijeenkomst is not None:
        for rel in _kind_modellen(bijeenkomst):
            rel.objects.filter(
                **{f"{_fk_naar(rel, bijeenkomst)}__buurt__in": buurt_qs}
            )._raw_delete(connection.alias)
        for m2m in bijeenkomst._meta.many_to_many:
            m2m.remote_field.through.objects.filter(
                **{f"{m2m.m2m_field_name()}__buurt__in": buurt_qs}
            )._raw_delete(connection.alias)
        bijeenkomst.objects.filter(buurt__in=buurt_qs)._raw_delete(connection.alias)
    for m2m in Actie._meta.many_to_many:
        m2m.remote_field.through.objects.filter(actie__buurt__in=buurt_qs)._raw_delete(
            connection.alias
        )
    Actie.objects.filter(buurt__in=buurt_qs)._raw_delete(connection.alias)
    Signaal.objects.filter(buurt__in=buurt_qs)._raw_delete(connection.alias)
    RelatieBuurt.objects.filter(relatie__van_partner__in=partner_qs)._raw_delete(connection.alias)
    Relatie.objects.filter(van_partner__in=partner_qs)._raw_delete(connection.alias)
    Partner.buurten.through.objects.filter(partner__in=partner_qs)._raw_delete(connection.alias)
    # The rest (scans, contacts, memberships, ...) is small: the ORM cascade may handle it.
    partner_qs.delete()
    buurt_qs.delete()
    Gemeente.objects.filter(id__in=ids).delete()


# --- bulk loading ---------------------------------------------------------------------------------
def _laad(model: type[models.Model], kolommen: Sequence[str], rijen: Iterable[Sequence]) -> int:
    """Insert rows (tuples in `kolommen` order) without the ORM: COPY on PostgreSQL."""
    tabel = model._meta.db_table
    velden = [model._meta.get_field(k) for k in kolommen]
    namen = ", ".join(connection.ops.quote_name(v.column) for v in velden)
    n = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {tabel} ({namen}) FROM STDIN") as copy:
                for rij in rijen:
                    copy.write_row(rij)
                    n += 1
            return n
        sql = f"INSERT INTO {tabel} ({namen}) VALUES ({', '.join(['%s'] * len(velden))})"
        batch: list = []
        for rij in rijen:
            batch.append(
                [
                    w if isinstance(v, models.JSONField) else v.get_db_prep_save(w, connection)
                    for v, w in zip(velden, rij, strict=True)
                ]
            )
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                n += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            n += len(batch)
    return n


def _ids(model: type[models.Model], **filters) -> list[int]:
    return list(model.objects.filter(**filters).order_by("id").values_list("id", flat=True))


def _bijeenkomst_model() -> type[models.Model] | None:
    try:
        return apps.get_model("activiteiten", "Bijeenkomst")
    except LookupError:
        return None


def _fk_naar(model: type[models.Model], doel: type[models.Model]) -> str | None:
    for veld in model._meta.concrete_fields:
        if veld.is_relation and veld.related_model is doel:
            return veld.name
    return None


def _kind_modellen(ouder: type[models.Model]) -> list[type[models.Model]]:
    """Models with a foreign key to `ouder` (e.g. attendance rows), history models excluded."""
    return [
        m
        for m in apps.get_models()
        if m is not ouder
        and not m.__name__.startswith("Historical")
        and _fk_naar(m, ouder)
        and not m._meta.auto_created
    ]


# --- the generator --------------------------------------------------------------------------------
class Generator:
    def __init__(self, schaal: float, *, seed: int = 42, uitvoer=None):
        self.schaal = schaal
        self.n = aantallen(schaal)
        self.rnd = random.Random(seed)
        self.nu = timezone.now()
        self.vandaag = timezone.localdate()
        self.seconden: dict[str, float] = {}
        self.uitvoer = uitvoer or (lambda tekst: None)

    def _stap(self, naam: str, functie) -> None:
        begin = time.perf_counter()
        functie()
        self.seconden[naam] = time.perf_counter() - begin
        self.uitvoer(f"{naam}: {self.n.get(naam, '')} in {self.seconden[naam]:.1f} s")

    def _datum(self, dagen: int = 3 * 365) -> date:
        return self.vandaag - timedelta(days=int(self.rnd.random() * dagen))

    def run(self) -> Resultaat:
        with transaction.atomic():
            self._stap("gemeenten", self._gemeenten)
            self._stap("buurten", self._buurten)
            self._stap("partners", self._partners)
            self._stap("relaties", self._relaties)
            self._stap("acties", self._acties)
            self._stap("signalen", self._signalen)
            self._stap("bijeenkomsten", self._bijeenkomsten)
            self._stap("personas", self._personas)
        if connection.vendor == "postgresql":
            # Fresh statistics and visibility map, as autovacuum would leave them (index-only scans).
            opdracht = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
            self._stap("analyze", lambda: connection.cursor().execute(opdracht))
        return Resultaat(
            aantallen=self.n,
            seconden=self.seconden,
            grootste_buurt_id=self.buurt_ids[0],
            grootste_gemeente_id=self.gemeente_ids[0],
        )

    # Gemeenten: Zipf weights, gemeente 0 is the largest.
    def _gemeenten(self) -> None:
        from buurten.models import Gemeente

        provincies = [
            "Antwerpen",
            "Limburg",
            "Oost-Vlaanderen",
            "Vlaams-Brabant",
            "West-Vlaanderen",
        ]
        Gemeente.objects.bulk_create(
            [
                Gemeente(
                    naam=f"{PREFIX} {i:04d}",
                    nis_code=f"{10000 + i}",
                    provincie=provincies[i % len(provincies)],
                )
                for i in range(self.n["gemeenten"])
            ],
            batch_size=BATCH,
        )
        self.gemeente_ids = _ids(Gemeente, naam__startswith=PREFIX)

    # Buurten: one per gemeente, the rest by Zipf weight of the gemeente; buurt weights lognormal.
    def _buurten(self) -> None:
        from buurten.models import Buurt

        ng, nb = self.n["gemeenten"], self.n["buurten"]
        zipf = [1 / (i + 1) ** 0.9 for i in range(ng)]
        per_gemeente = list(range(ng)) + self.rnd.choices(range(ng), weights=zipf, k=nb - ng)
        per_gemeente.sort()
        gewichten = [self.rnd.lognormvariate(0, 1.1) for _ in range(nb)]
        grootste = max(range(nb), key=gewichten.__getitem__)
        gewichten[0], gewichten[grootste] = gewichten[grootste], gewichten[0]
        # The largest buurt lies in the largest gemeente: buurt 0 is the first of gemeente 0.
        teller: dict[int, int] = {}
        objecten = []
        for g in per_gemeente:
            teller[g] = teller.get(g, 0) + 1
            objecten.append(
                Buurt(
                    gemeente_id=self.gemeente_ids[g],
                    naam=f"Buurt {g:04d}-{teller[g]:03d}",
                    beschrijving="",
                    afbakening="",
                )
            )
        Buurt.objects.bulk_create(objecten, batch_size=BATCH)
        self.buurt_ids = _ids(Buurt, gemeente_id__in=self.gemeente_ids)
        self.buurt_gemeente = dict(
            Buurt.objects.filter(id__in=self.buurt_ids).values_list("id", "gemeente_id")
        )
        # buurt_ids[0] (first buurt of the largest gemeente) carries the largest weight.
        self.gewicht = dict(zip(self.buurt_ids, gewichten, strict=True))
        cum, totaal = [], 0.0
        for b in self.buurt_ids:
            totaal += self.gewicht[b]
            cum.append(totaal)
        self.cum = cum

    def _kies_buurten(self, k: int) -> list[int]:
        return self.rnd.choices(self.buurt_ids, cum_weights=self.cum, k=k)

    # Partners: one per buurt first (every buurt has a partner), then by buurt weight; 30 % are
    # also active in a second buurt of the same gemeente.
    def _partners(self) -> None:
        from partners.models import Partner, PartnerSoort
        from zorgnet.lib.choices import Sector

        np_ = self.n["partners"]
        hoofd = self.buurt_ids + self._kies_buurten(np_ - len(self.buurt_ids))
        sectoren = Sector.values
        soorten = PartnerSoort.values
        rijen = []
        for i, b in enumerate(hoofd):
            rijen.append(
                (
                    self.buurt_gemeente[b],
                    f"Partner {i:06d}",
                    soorten[i % len(soorten)] if i % 4 == 0 else PartnerSoort.ORGANISATIE,
                    sectoren[self.rnd.randrange(len(sectoren))],
                    i % 5 != 0,
                    "formeel" if i % 5 != 0 else "informeel",
                    "geografische_buurt",
                    "actief" if i % 10 else "potentieel",
                    "",
                    "",
                    self.nu,
                )
            )
        _laad(
            Partner,
            [
                "gemeente",
                "naam",
                "soort",
                "sector",
                "formeel",
                "stakeholder_soort",
                "werkingsgebied",
                "status",
                "wat_wij_doen",
                "website",
                "aangemaakt_op",
            ],
            rijen,
        )
        partner_ids = _ids(Partner, gemeente_id__in=self.gemeente_ids)
        # Names are zero-padded and inserted in order, so ids follow the generation order.
        self.partners_van: dict[int, list[int]] = {b: [] for b in self.buurt_ids}
        koppels = []
        per_gemeente: dict[int, list[int]] = {}
        for b in self.buurt_ids:
            per_gemeente.setdefault(self.buurt_gemeente[b], []).append(b)
        for pid, b in zip(partner_ids, hoofd, strict=True):
            self.partners_van[b].append(pid)
            koppels.append((pid, b))
            andere = per_gemeente[self.buurt_gemeente[b]]
            if len(andere) > 1 and self.rnd.random() < 0.3:
                tweede = andere[self.rnd.randrange(len(andere))]
                if tweede != b:
                    self.partners_van[tweede].append(pid)
                    koppels.append((pid, tweede))
        _laad(Partner.buurten.through, ["partner", "buurt"], koppels)
        self.partner_ids = partner_ids

    def _twee_partners(self, b: int) -> tuple[int, int] | None:
        lijst = self.partners_van[b]
        if len(lijst) < 2:
            return None
        a, c = self.rnd.sample(lijst, 2)
        return a, c

    def _relaties(self) -> None:
        from partners.models import Bevestiging, Relatie

        bevestigingen = [Bevestiging.BEVESTIGD] * 6 + [Bevestiging.OPEN] * 3 + [Bevestiging.BETWIST]
        niveaus = [["operationeel"], ["structureel", "operationeel"], ["strategisch"]]

        def rijen():
            gemaakt = 0
            while gemaakt < self.n["relaties"]:
                for b in self._kies_buurten(min(BATCH, self.n["relaties"] - gemaakt)):
                    paar = self._twee_partners(b)
                    if paar is None:
                        continue
                    gemaakt += 1
                    yield (
                        paar[0],
                        paar[1],
                        self.rnd.randint(1, 4),
                        json.dumps(niveaus[self.rnd.randrange(3)]),
                        "",
                        bevestigingen[self.rnd.randrange(10)],
                        self._datum(),
                        self.nu,
                    )

        _laad(
            Relatie,
            [
                "van_partner",
                "naar_partner",
                "intensiteit",
                "niveaus",
                "toelichting",
                "bevestiging",
                "sinds",
                "aangemaakt_op",
            ],
            rijen(),
        )
        # COPY sends no signals: a buurt's ties (RelatieBuurt) in one statement.
        from partners.relatiebuurten import alles_vullen

        alles_vullen()

    def _acties(self) -> None:
        from activiteiten.models import Actie, ActieStatus
        from zorgnet.lib.choices import ActieCategorie, Doelgroep

        categorieen = ActieCategorie.values
        doelgroepen = Doelgroep.values
        statussen = [ActieStatus.AFGEROND] * 6 + [ActieStatus.GEBORGD, ActieStatus.LOPEND]
        leeg = json.dumps([])

        def rijen():
            r = self.rnd
            for i, b in enumerate(self._kies_buurten(self.n["acties"])):
                trekkers = self.partners_van[b]
                start = self._datum()
                yield (
                    b,
                    f"Actie {i:07d}",
                    categorieen[r.randrange(len(categorieen))],
                    statussen[r.randrange(len(statussen))],
                    start,
                    trekkers[r.randrange(len(trekkers))],
                    r.randrange(5, 80),
                    json.dumps([doelgroepen[r.randrange(len(doelgroepen))]]) if i % 3 else leeg,
                    "",
                    "",
                    False,
                    i % 7 == 0,
                    "",
                    self.nu,
                    self.nu,
                )

        _laad(
            Actie,
            [
                "buurt",
                "titel",
                "categorie",
                "status",
                "startdatum",
                "trekker",
                "deelnemers",
                "doelgroepen",
                "verhaal",
                "verhaal_foto",
                "toestemming_verhaal",
                "terugkerend",
                "draaiboek",
                "aangemaakt_op",
                "gewijzigd_op",
            ],
            rijen(),
        )

    def _signalen(self) -> None:
        from activiteiten.models import Signaal, SignaalStatus
        from zorgnet.lib.choices import (
            Responsniveau,
            SignaalKanaal,
            SignaalThema,
            Urgentie,
            Zorgniveau,
        )

        kanalen, themas = SignaalKanaal.values, SignaalThema.values
        zorg, respons, urgent = Zorgniveau.values, Responsniveau.values, Urgentie.values
        statussen = [SignaalStatus.OPGELOST] * 5 + [
            SignaalStatus.NIEUW,
            SignaalStatus.IN_BEHANDELING,
            SignaalStatus.DOORVERWEZEN,
        ]

        def rijen():
            r = self.rnd
            for b in self._kies_buurten(self.n["signalen"]):
                partners = self.partners_van[b]
                yield (
                    b,
                    self._datum(2 * 365),
                    kanalen[r.randrange(len(kanalen))],
                    themas[r.randrange(len(themas))],
                    r.random() < 0.2,
                    zorg[r.randrange(len(zorg))],
                    respons[r.randrange(len(respons))],
                    urgent[r.randrange(len(urgent))],
                    statussen[r.randrange(len(statussen))],
                    "",
                    partners[r.randrange(len(partners))] if r.random() < 0.7 else None,
                    self.nu,
                    self.nu,
                )

        _laad(
            Signaal,
            [
                "buurt",
                "datum",
                "kanaal",
                "thema",
                "collectief",
                "zorgniveau",
                "responsniveau",
                "urgentie",
                "status",
                "omschrijving",
                "partner",
                "aangemaakt_op",
                "gewijzigd_op",
            ],
            rijen(),
        )

    # Bijeenkomsten are built by another issue: fill whatever shape the model has, by introspection.
    def _bijeenkomsten(self) -> None:
        model = _bijeenkomst_model()
        if model is None:
            self.n["bijeenkomsten"] = 0
            self.uitvoer("bijeenkomsten: geen model (nog niet gebouwd), overgeslagen")
            return
        objecten = []
        for i, b in enumerate(self._kies_buurten(self.n["bijeenkomsten"])):
            waarden = {}
            for veld in model._meta.concrete_fields:
                if veld.primary_key or veld.has_default() or veld.null:
                    continue
                waarden[veld.name] = self._waarde(veld, i, b)
            objecten.append(model(**waarden))
        model.objects.bulk_create(objecten, batch_size=5_000)
        self._aanwezigheid(model, objecten)

    def _waarde(self, veld, i: int, b: int):
        from buurten.models import Buurt, Gemeente
        from partners.models import Partner

        if veld.is_relation:
            doel = veld.related_model
            if doel is Buurt:
                return Buurt(pk=b)
            if doel is Gemeente:
                return Gemeente(pk=self.buurt_gemeente[b])
            if doel is Partner:
                return Partner(pk=self.partners_van[b][0])
            raise ValueError(f"schaaldata kent {veld} niet")
        if veld.choices:
            return veld.choices[i % len(veld.choices)][0]
        if isinstance(veld, models.DateTimeField):
            return self.nu
        if isinstance(veld, models.DateField):
            return self._datum()
        if isinstance(veld, models.TimeField):
            return timezone.datetime(2000, 1, 1, 19, 0).time()
        if isinstance(veld, models.JSONField):
            return []
        if isinstance(veld, models.BooleanField):
            return False
        if isinstance(veld, models.IntegerField | models.DecimalField | models.FloatField):
            return 1
        if isinstance(veld, models.CharField | models.TextField):
            return f"Bijeenkomst {i:06d}"[: veld.max_length or 200]
        raise ValueError(f"schaaldata kent {veld} niet")

    def _aanwezigheid(self, model, objecten) -> None:
        """Attendance: 3-12 partners of the buurt per meeting, as m2m rows or attendance rows."""
        from partners.models import Partner

        m2m = [f for f in model._meta.many_to_many if f.related_model is Partner]
        kind = [m for m in _kind_modellen(model) if _fk_naar(m, Partner)]
        if not m2m and not kind:
            return
        rijen = []
        for obj in objecten:
            lijst = self.partners_van[obj.buurt_id] if hasattr(obj, "buurt_id") else []
            for pid in self.rnd.sample(lijst, min(len(lijst), self.rnd.randint(3, 12))):
                rijen.append((obj.pk, pid))
        if m2m:
            veld = m2m[0]
            through = veld.remote_field.through
            _laad(through, [veld.m2m_field_name(), veld.m2m_reverse_field_name()], rijen)
            return
        aanwezig = kind[0]
        velden = [_fk_naar(aanwezig, model), _fk_naar(aanwezig, Partner)]
        extra = {
            v.name: self._waarde(v, 0, objecten[0].buurt_id)
            for v in aanwezig._meta.concrete_fields
            if not v.primary_key
            and not v.has_default()
            and not v.null
            and v.name not in velden
            and not v.is_relation
        }
        aanwezig.objects.bulk_create(
            [aanwezig(**{f"{velden[0]}_id": a, f"{velden[1]}_id": p}, **extra) for a, p in rijen],
            batch_size=5_000,
        )

    def _personas(self) -> None:
        from buurten.models import Lidmaatschap, Rol

        User = get_user_model()
        buurt, gemeente = self.buurt_ids[0], self.gemeente_ids[0]
        gebruikers = {}
        for rol, naam in PERSONAS.items():
            gebruiker, _ = User.objects.get_or_create(username=naam)
            gebruiker.set_password("bench-wachtwoord")
            gebruiker.save()
            gebruikers[rol] = gebruiker
        Lidmaatschap.objects.get_or_create(
            gebruiker=gebruikers["regisseur"], buurt_id=buurt, rol=Rol.REGISSEUR
        )
        Lidmaatschap.objects.get_or_create(
            gebruiker=gebruikers["coordinator"], gemeente_id=gemeente, rol=Rol.COORDINATOR
        )
        Lidmaatschap.objects.get_or_create(
            gebruiker=gebruikers["partner"],
            buurt_id=buurt,
            rol=Rol.PARTNER,
            partner_id=self.partners_van[buurt][0],
        )


def genereer(schaal: float, *, uitvoer=None) -> Resultaat:
    return Generator(schaal, uitvoer=uitvoer).run()
