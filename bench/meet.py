"""Measurements that need Django, run in a fresh process per call by bench.omgeving.meet().

`python -m bench.meet <opdracht> '<json arguments>'` prints one JSON line.
"""

import json
import os
import sys
import time
from datetime import date

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgnet.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

from bench.schaaldata import PERSONAS  # noqa: E402


def _status(sleutel: str) -> int:
    with open("/proc/self/status") as f:
        for lijn in f:
            if lijn.startswith(sleutel + ":"):
                return int(lijn.split()[1]) * 1024
    return 0


def _reset_piek() -> None:
    """Reset VmHWM to the current RSS (Linux: write 5 to clear_refs)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def _grootste():
    from buurten.models import Lidmaatschap

    regie = Lidmaatschap.objects.get(gebruiker__username=PERSONAS["regisseur"])
    coord = Lidmaatschap.objects.get(gebruiker__username=PERSONAS["coordinator"])
    return regie.buurt_id, coord.gemeente_id


# The main pages per role. Optional pages (built by other issues) are tried by URL name and left
# out when the name does not exist yet.
def _kandidaten(buurt: int) -> list[tuple[str, str, str, str]]:
    b = {"buurt_id": buurt}
    return [
        ("regisseur", "dashboard", "dashboard", ""),
        ("regisseur", "buurt overview", "buurt_detail", ""),
        (
            "regisseur",
            "partner list (filters)",
            "partners:partner_list",
            "?status=actief&formeel=ja",
        ),
        ("regisseur", "action list", "activiteiten:actie_list", ""),
        ("regisseur", "signal queue", "activiteiten:signaal_open", ""),
        ("regisseur", "signal list (filter)", "activiteiten:signaal_list", "?status=nieuw"),
        ("regisseur", "relation list", "partners:relatie_list", ""),
        ("regisseur", "package overview", "activiteiten:pakket_list", ""),
        ("regisseur", "meeting list", "activiteiten:bijeenkomst_list", ""),
        ("regisseur", "network view", "netwerk:buurt_netwerk", ""),
        ("coordinator", "gemeente network view", "netwerk:gemeente_netwerk", ""),
        ("regisseur", "report page", "rapport:buurt_rapport", ""),
        ("regisseur", "report preview", "rapport:buurt_voorbeeld", ""),
        ("coordinator", "dashboard", "dashboard", ""),
        ("coordinator", "buurt overview", "buurt_detail", ""),
        ("coordinator", "signal list", "activiteiten:signaal_list", ""),
        ("partner", "dashboard", "dashboard", ""),
        ("partner", "signal list", "activiteiten:signaal_list", ""),
        ("partner", "partner list", "partners:partner_list", ""),
    ], b


def buurt_van(args: dict) -> dict:
    """The first buurt a user is a member of (e.g. the demo regisseur's buurt)."""
    from buurten.models import Lidmaatschap

    lid = Lidmaatschap.objects.filter(
        gebruiker__username=args["gebruiker"], buurt__isnull=False
    ).order_by("buurt_id")
    return {"buurt": lid.values_list("buurt_id", flat=True).first()}


def paginas(_: dict) -> dict:
    """The pages to benchmark, resolved against this database (largest buurt)."""
    buurt, gemeente = _grootste()
    kandidaten, b = _kandidaten(buurt)
    gevonden, gezien = [], set()
    for rol, naam, url_naam, query in kandidaten:
        if (rol, naam) in gezien:
            continue
        pad = None
        for kwargs in ({}, b, {"gemeente_id": gemeente}):
            try:
                pad = reverse(url_naam, kwargs=kwargs)
                break
            except NoReverseMatch:
                continue
        if pad is None:
            continue
        gezien.add((rol, naam))
        gevonden.append({"rol": rol, "naam": naam, "pad": pad + query})
    return {"paginas": gevonden, "buurt": buurt, "gemeente": gemeente}


def snapshots(_: dict) -> dict:
    """Finished network runs of the largest buurt and gemeente (the pages read their latest)."""
    from buurten.models import Buurt, Gemeente
    from zorgnet.lib.taakrecords import TaakStatus
    from zorgnet.netwerkanalyse.models import NetwerkAnalyse
    from zorgnet.netwerkanalyse.selectors import sleutel_van

    buurt, gemeente = _grootste()
    klaar = NetwerkAnalyse.objects.filter(status=TaakStatus.KLAAR)
    return {
        "buurt": klaar.filter(sleutel=sleutel_van(buurt=Buurt.objects.get(pk=buurt))).count(),
        "gemeente": klaar.filter(
            sleutel=sleutel_van(gemeente=Gemeente.objects.get(pk=gemeente))
        ).count(),
    }


def voorbeeld(_: dict) -> dict:
    """Make the report preview of the largest buurt (default period, as the page asks for it)
    through the service and its job, run in-process; the page benchmark then measures serving it."""
    from buurten.models import Buurt
    from zorgnet.celery import app
    from zorgnet.rapport import services
    from zorgnet.rapport.forms import PeriodeForm

    app.conf.task_always_eager = True  # the job runs here at commit, whatever broker is configured
    buurt = Buurt.objects.select_related("gemeente").get(pk=_grootste()[0])
    van, tot = (date.fromisoformat(d) for d in PeriodeForm.uit_query({}).data.values())
    begin = time.perf_counter()
    gemaakt = services.vraag_voorbeeld_aan(
        gebruiker=None, gemeente=buurt.gemeente, buurt=buurt, van=van, tot=tot, vernieuwen=True
    )
    gemaakt.refresh_from_db()
    return {
        "status": gemaakt.status,
        "seconden": round(time.perf_counter() - begin, 2),
        "kB": len(gemaakt.html) // 1024,
    }


def queries(_: dict) -> dict:
    """Queries and status per page, via the test client, on this database."""
    from django.contrib.auth import get_user_model

    lijst = paginas({})["paginas"]
    User = get_user_model()
    uit = []
    clients = {}
    for p in lijst:
        if p["rol"] not in clients:
            clients[p["rol"]] = Client()
            clients[p["rol"]].force_login(User.objects.get(username=PERSONAS[p["rol"]]))
        client = clients[p["rol"]]
        client.get(p["pad"])  # warm caches (session, content types)
        with CaptureQueriesContext(connection) as ctx:
            antwoord = client.get(p["pad"])
        uit.append({**p, "queries": len(ctx.captured_queries), "status": antwoord.status_code})
    return {"paginas": uit}


def _eerste(n: int):
    from activiteiten.models import Actie

    return Actie.objects.filter(
        pk__in=Actie.objects.order_by("-startdatum", "-id")[:n].values("pk")
    )


def export_csv(args: dict) -> dict:
    """Stream `limiet` actions (all buurten) through the CSV export's code path; rows/s and RSS."""
    from activiteiten.exports.selectors import KOLOMMEN, actie_rijen
    from activiteiten.models import Actie
    from zorgnet.lib.exports import csv_rijen

    limiet = args["limiet"]
    qs = Actie.objects.filter(
        pk__in=Actie.objects.order_by("-startdatum", "-id")[:limiet].values("pk")
    )
    list(csv_rijen(KOLOMMEN, actie_rijen(_eerste(10))))  # warm-up
    _reset_piek()
    voor = _status("VmRSS")
    begin = time.perf_counter()
    rijen = grootte = 0
    for lijn in csv_rijen(KOLOMMEN, actie_rijen(qs)):
        rijen += 1
        grootte += len(lijn)
    duur = time.perf_counter() - begin
    return {
        "rijen": rijen - 1,
        "seconden": duur,
        "extra_mb": (_status("VmHWM") - voor) / 2**20,
        "mb": grootte / 2**20,
    }


def export_view(_: dict) -> dict:
    """The export view end to end (largest buurt, as its regisseur): streamed, rows/s and RSS."""
    from django.contrib.auth import get_user_model

    buurt, _g = _grootste()
    client = Client()
    client.force_login(get_user_model().objects.get(username=PERSONAS["regisseur"]))
    pad = reverse("activiteiten:actie_export", kwargs={"buurt_id": buurt})
    b"".join(client.get(pad).streaming_content)  # warm-up
    _reset_piek()
    voor = _status("VmRSS")
    begin = time.perf_counter()
    antwoord = client.get(pad)
    rijen = sum(blok.count(b"\n") for blok in antwoord.streaming_content) - 1
    return {
        "rijen": rijen,
        "seconden": time.perf_counter() - begin,
        "extra_mb": (_status("VmHWM") - voor) / 2**20,
        "streaming": antwoord.streaming,
    }


def export_xlsx(args: dict) -> dict:
    """Write-only XLSX of `limiet` actions through the export's code path; rows/s and RSS."""
    from activiteiten.exports.selectors import KOLOMMEN, actie_rijen
    from activiteiten.models import Actie
    from zorgnet.lib.exports import xlsx_bytes

    limiet = args["limiet"]
    qs = Actie.objects.filter(
        pk__in=Actie.objects.order_by("-startdatum", "-id")[:limiet].values("pk")
    )
    xlsx_bytes({"acties": (KOLOMMEN, actie_rijen(_eerste(10)))})  # warm-up
    _reset_piek()
    voor = _status("VmRSS")
    begin = time.perf_counter()
    inhoud = xlsx_bytes({"acties": (KOLOMMEN, actie_rijen(qs))})
    return {
        "rijen": qs.count(),
        "seconden": time.perf_counter() - begin,
        "extra_mb": (_status("VmHWM") - voor) / 2**20,
        "mb": len(inhoud) / 2**20,
    }


def _netwerksnapshot(**scope) -> bool:
    """A finished combined network run for the scope (the report draws and quotes it): made by the
    real network job, in-process, when the bench database has none yet. True when one was made."""
    from zorgnet.lib.taakrecords import TaakStatus
    from zorgnet.netwerkanalyse import services as netwerk_services
    from zorgnet.netwerkanalyse.models import NetwerkAnalyse

    filter_ = {"buurt": scope["buurt"]} if "buurt" in scope else {
        "gemeente": scope["gemeente"], "buurt__isnull": True}  # fmt: skip
    runs = NetwerkAnalyse.objects.filter(
        status=TaakStatus.KLAAR, laag="gecombineerd", min_intensiteit=1, **filter_
    )
    if runs.exists():
        return False
    netwerk_services.start_analyse(**scope).refresh_from_db()
    return True


def rapport(_: dict) -> dict:
    """The gemeente report (PDF and XLSX) of the largest gemeente and the preview of the largest
    buurt over the last year, each with a network snapshot present (made first when missing):
    seconds, extra peak RSS, queries, size."""
    import datetime as dt

    from buurten.models import Buurt, Gemeente
    from zorgnet.rapport.selectors import scope_voor_buurt, scope_voor_gemeente
    from zorgnet.rapport.services import rapport_pdf, rapport_xlsx, voorbeeld_html

    buurt_id, gemeente_id = _grootste()
    gemeente = Gemeente.objects.get(pk=gemeente_id)
    buurt = Buurt.objects.get(pk=buurt_id)
    gemaakt = [_netwerksnapshot(gemeente=gemeente), _netwerksnapshot(buurt=buurt)]
    tot = dt.date.today()
    van = tot - dt.timedelta(days=365)
    uit: dict = {"beschikbaar": True, "snapshot_gemaakt": gemaakt}
    metingen = (
        ("pdf", rapport_pdf, lambda: scope_voor_gemeente(gemeente, van, tot)),
        ("xlsx", rapport_xlsx, lambda: scope_voor_gemeente(gemeente, van, tot)),
        ("voorbeeld", voorbeeld_html, lambda: scope_voor_buurt(buurt, van, tot)),
    )
    for formaat, functie, scope in metingen:
        scope = scope()  # a fresh scope: nothing shared between the measurements
        _reset_piek()
        voor = _status("VmRSS")
        begin, cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as ctx:
            inhoud = functie(scope)
        uit[formaat] = {
            "seconden": time.perf_counter() - begin,
            "cpu": time.process_time() - cpu,
            "extra_mb": (_status("VmHWM") - voor) / 2**20,
            "queries": len(ctx.captured_queries),
            "kB": len(inhoud) // 1024,
        }
    return uit


def _netwerk_scopes() -> list[tuple[str, dict]]:
    """(sleutel, scope fields) of the networks the page benchmarks show: the regisseur's (largest)
    buurt and the coordinator's (largest) gemeente."""
    from buurten.models import Buurt, Gemeente
    from zorgnet.netwerkanalyse.models import NetwerkScope

    buurt_id, gemeente_id = _grootste()
    buurt = Buurt.objects.get(pk=buurt_id)
    return [
        (
            f"buurt:{buurt_id}",
            {"scope": NetwerkScope.BUURT, "buurt": buurt, "gemeente_id": buurt.gemeente_id},
        ),
        (
            f"gemeente:{gemeente_id}",
            {"scope": NetwerkScope.GEMEENTE, "gemeente": Gemeente.objects.get(pk=gemeente_id)},
        ),
    ]


SNAPSHOTS = 12


def netwerksnapshots(_: dict) -> dict:
    """Data step: SNAPSHOTS finished network runs (weekly, the newest computed by the real job,
    the older ones copies of it a week apart, with their partner rows) for each benchmarked network.
    Idempotent: a network that already has them is left alone."""
    from django.db import connection, transaction

    from zorgnet.lib.taakrecords import TaakStatus
    from zorgnet.netwerkanalyse import services as netwerk_services
    from zorgnet.netwerkanalyse.models import NetwerkAnalyse, PartnerMetriek

    uit = {}
    for sleutel, velden in _netwerk_scopes():
        klaar = NetwerkAnalyse.objects.filter(
            sleutel=sleutel, status=TaakStatus.KLAAR, laag="gecombineerd", min_intensiteit=1
        )
        if klaar.count() >= SNAPSHOTS:
            uit[sleutel] = {"aanwezig": klaar.count()}
            continue
        # A run left queued or busy by an interrupted bench run would block the new one.
        NetwerkAnalyse.objects.filter(sleutel=sleutel).exclude(status=TaakStatus.KLAAR).delete()
        begin = time.process_time()
        nieuwste = klaar.order_by("-klaar_op", "-id").first()
        if nieuwste is None:
            nieuwste = NetwerkAnalyse.objects.create(sleutel=sleutel, **velden)
            netwerk_services.voer_analyse_uit(analyse_id=nieuwste.pk)
        kolommen = [f.column for f in NetwerkAnalyse._meta.concrete_fields if f.column != "id"]
        tijden = {
            f.column
            for f in NetwerkAnalyse._meta.concrete_fields
            if f.get_internal_type() == "DateTimeField"
        }
        rijen = [f.column for f in PartnerMetriek._meta.concrete_fields]
        rijen = [c for c in rijen if c not in ("id", "analyse_id")]
        with transaction.atomic(), connection.cursor() as cursor:
            for week in range(1, SNAPSHOTS - klaar.count() + 1):
                selectie = ", ".join(
                    f"{c} - interval '{week} weeks'" if c in tijden else c for c in kolommen
                )
                cursor.execute(
                    f"INSERT INTO {NetwerkAnalyse._meta.db_table} ({', '.join(kolommen)}) "
                    f"SELECT {selectie} FROM {NetwerkAnalyse._meta.db_table} WHERE id = %s "
                    "RETURNING id",
                    [nieuwste.pk],
                )
                kopie = cursor.fetchone()[0]
                cursor.execute(
                    f"INSERT INTO {PartnerMetriek._meta.db_table} (analyse_id, {', '.join(rijen)}) "
                    f"SELECT %s, {', '.join(rijen)} FROM {PartnerMetriek._meta.db_table} "
                    "WHERE analyse_id = %s",
                    [kopie, nieuwste.pk],
                )
        uit[sleutel] = {"gemaakt": SNAPSHOTS, "cpu_s": round(time.process_time() - begin, 1)}
    return uit


def netwerkpaginas(args: dict) -> dict:
    """One network view in this fresh process: the benchmarked buurt (regisseur) or gemeente
    (coordinator), with all its snapshots or (`een`) with only the newest (the others deleted in a
    transaction that is rolled back). Extra peak RSS of the first request of the page (after a
    warm-up on the status fragment, so imports and the session are loaded; the page's own
    templates and data are not), then the median time and the queries of `herhalingen` more."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from zorgnet.lib.taakrecords import TaakStatus
    from zorgnet.netwerkanalyse.models import NetwerkAnalyse

    gemeente = args["scope"] == "gemeente"
    sleutel, _velden = _netwerk_scopes()[1 if gemeente else 0]
    rol = "coordinator" if gemeente else "regisseur"
    naam = "netwerk:gemeente_" if gemeente else "netwerk:buurt_"
    pk = int(sleutel.split(":")[1])
    client = Client()
    client.force_login(get_user_model().objects.get(username=PERSONAS[rol]))
    klaar = NetwerkAnalyse.objects.filter(sleutel=sleutel, status=TaakStatus.KLAAR)
    with transaction.atomic():
        if args.get("een"):
            nieuwste = klaar.order_by("-klaar_op", "-id").values_list("pk", flat=True)[0]
            klaar.exclude(pk=nieuwste).delete()
        aantal = klaar.count()
        client.get(reverse(f"{naam}netwerk_status", args=[pk]))  # warm-up: imports, session
        pad = reverse(f"{naam}netwerk", args=[pk])
        _reset_piek()
        voor = _status("VmRSS")
        antwoord = client.get(pad)
        extra = (_status("VmHWM") - voor) / 2**20
        tijden, cpu = [], []
        for _i in range(args.get("herhalingen", 5)):
            begin, begin_cpu = time.perf_counter(), time.process_time()
            with CaptureQueriesContext(connection) as ctx:
                antwoord = client.get(pad)
            tijden.append(time.perf_counter() - begin)
            cpu.append(time.process_time() - begin_cpu)
        if args.get("oude_trend"):
            # What the trend cost before kerncijfers: every run of the history read whole.
            _reset_piek()
            voor_oud = _status("VmRSS")
            begin_oud = time.perf_counter()
            rijen = list(klaar.order_by("-klaar_op", "-id")[:12])
            oud = {
                "ms": (time.perf_counter() - begin_oud) * 1000,
                "extra_mb": (_status("VmHWM") - voor_oud) / 2**20,
                "runs": len(rijen),
            }
            del rijen
        transaction.set_rollback(True)
    tijden.sort()
    cpu.sort()
    return {
        "snapshots": aantal,
        "status": antwoord.status_code,
        "ms": tijden[len(tijden) // 2] * 1000,
        "cpu_ms": cpu[len(cpu) // 2] * 1000,
        **({"oude_trend": oud} if args.get("oude_trend") else {}),
        "extra_mb": extra,
        "queries": len(ctx.captured_queries),
        "kB": len(antwoord.content) // 1024,
    }


def netwerkjob(args: dict) -> dict:
    """The real network job on the largest gemeente (or, scope=buurt, the largest buurt) of the
    database, and the all-igraph suite
    on the same graph, in CPU seconds of this process. The run is a new one (its previous runs,
    the data step's snapshots, stay) and is deleted afterwards."""
    from bench.referentie import bereken_igraph, bouw_igraph
    from buurten.models import Buurt, Gemeente
    from zorgnet.netwerkanalyse import services as netwerk_services
    from zorgnet.netwerkanalyse.models import NetwerkAnalyse, NetwerkScope
    from zorgnet.netwerkanalyse.selectors import netwerk_invoer, sleutel_van

    buurt_id, gemeente_id = _grootste()
    if args.get("scope") == "buurt":
        buurt = Buurt.objects.get(pk=buurt_id)
        scope = {"buurt": buurt}
        analyse = NetwerkAnalyse.objects.create(
            scope=NetwerkScope.BUURT,
            sleutel=sleutel_van(buurt=buurt),
            buurt=buurt,
            gemeente_id=buurt.gemeente_id,
        )
    else:
        gemeente = Gemeente.objects.get(pk=gemeente_id)
        scope = {"gemeente": gemeente}
        analyse = NetwerkAnalyse.objects.create(
            scope=NetwerkScope.GEMEENTE, sleutel=sleutel_van(gemeente=gemeente), gemeente=gemeente
        )
    try:
        begin = time.process_time()
        netwerk_services.voer_analyse_uit(analyse_id=analyse.pk)
        job = time.process_time() - begin
        analyse.refresh_from_db()
        tijden = analyse.metrieken.get("tijden_ms", {})
        status = analyse.status
    finally:
        analyse.delete()
    invoer = netwerk_invoer(**scope)
    begin = time.process_time()
    bereken_igraph(bouw_igraph(invoer.knopen, invoer.banden)[0])
    igraph = time.process_time() - begin
    return {
        "status": status,
        "knopen": len(invoer.knopen),
        "banden": len(invoer.banden),
        "job": job,
        "igraph": igraph,
        "tijden_ms": tijden,
    }


def export_xlsx_job(args: dict) -> dict:
    """The XLSX export job (`maak_exportbestand`) on a bench-made export of the largest buurt, and
    the same writer (`xlsx_schrijven`) on `limiet` actions into a file: rows/s and RSS."""
    import tempfile
    from pathlib import Path

    from django.contrib.auth import get_user_model

    from activiteiten.exports import services as export_services
    from activiteiten.exports.selectors import KOLOMMEN, actie_rijen
    from activiteiten.models import Actie, ExportBestand
    from buurten.models import Buurt
    from zorgnet.lib.exports import xlsx_schrijven

    buurt_id, _g = _grootste()
    regisseur = get_user_model().objects.get(username=PERSONAS["regisseur"])
    uit = {}
    with tempfile.TemporaryDirectory(prefix="zorgnet-bench-") as map_:
        xlsx_schrijven({"acties": (KOLOMMEN, actie_rijen(_eerste(10)))}, Path(map_) / "w.xlsx")
        qs = Actie.objects.filter(
            pk__in=Actie.objects.order_by("-startdatum", "-id")[: args["limiet"]].values("pk")
        )
        _reset_piek()
        voor = _status("VmRSS")
        begin = time.perf_counter()
        rijen = xlsx_schrijven({"acties": (KOLOMMEN, actie_rijen(qs))}, Path(map_) / "groot.xlsx")
        uit["schrijven"] = {
            "rijen": rijen,
            "seconden": time.perf_counter() - begin,
            "extra_mb": (_status("VmHWM") - voor) / 2**20,
            "mb": (Path(map_) / "groot.xlsx").stat().st_size / 2**20,
        }
    bestand = ExportBestand.objects.create(
        buurt=Buurt.objects.get(pk=buurt_id), soort="acties", filters={}, aangevraagd_door=regisseur
    )
    try:
        _reset_piek()
        voor = _status("VmRSS")
        begin = time.perf_counter()
        export_services.maak_exportbestand(bestand_id=bestand.pk)
        duur = time.perf_counter() - begin
        bestand.refresh_from_db()
        uit["job"] = {
            "status": bestand.status,
            "rijen": bestand.aantal_rijen or 0,
            "seconden": duur,
            "extra_mb": (_status("VmHWM") - voor) / 2**20,
        }
    finally:
        if bestand.bestand:
            bestand.bestand.delete(save=False)
        bestand.delete()
    return uit


if __name__ == "__main__":
    opdracht, argumenten = sys.argv[1], json.loads(sys.argv[2] if len(sys.argv) > 2 else "{}")
    print(json.dumps(globals()[opdracht](argumenten)))
