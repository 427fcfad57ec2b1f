"""Export benchmark: streamed CSV of 100k and 1M actions, write-only XLSX, the export view end to
end, and the report: the gemeente report of the largest gemeente (PDF and XLSX) and the preview
of the largest buurt, each with a network snapshot present.

Targets: the CSV streams with under 20 MB extra peak memory that does not grow with the row count
(1M vs 100k: at most 5 MB more); XLSX uses openpyxl's write-only mode, is built in a request up to
20,000 rows (above that the view hands it to a job on the long queue, which runs the same code into
a temporary file) and is measured at that size.
"""

from bench import omgeving
from bench.figuur import Figuur

MAX_EXTRA_MB = 20
XLSX_MAX_RIJEN = 20_000  # settings.ZORGNET_XLSX_JOB_VANAF: the most rows built in a request
MAX_GROEI_MB = 5
XLSX_JOB_RIJEN = 200_000  # the job's writer at 10x the in-request limit


def run() -> list[Figuur]:
    url = omgeving.database_url()
    totaal = round(1_000_000 * omgeving.schaal())
    figuren: list[Figuur] = []
    metingen = {}
    for n in (totaal // 10, totaal):
        m = omgeving.meet(url, "export_csv", limiet=n)
        metingen[n] = m
        figuren.append(
            Figuur(f"CSV export {m['rijen']:,} rows: rows/s", m["rijen"] / m["seconden"], "rows/s")
        )
        figuren.append(
            Figuur(
                f"CSV export {m['rijen']:,} rows: extra peak RSS ({m['mb']:.0f} MB written)",
                m["extra_mb"],
                "MB",
                f"< {MAX_EXTRA_MB} MB",
                m["extra_mb"] < MAX_EXTRA_MB and m["rijen"] == n,
            )
        )
    klein, groot = metingen[totaal // 10], metingen[totaal]
    groei = groot["extra_mb"] - klein["extra_mb"]
    figuren.append(
        Figuur(
            "CSV extra RSS growth 10x rows",
            groei,
            "MB",
            f"< {MAX_GROEI_MB} MB",
            groei < MAX_GROEI_MB,
        )
    )
    v = omgeving.meet(url, "export_view")
    figuren.append(
        Figuur(
            f"CSV export view, largest buurt ({v['rijen']:,} rows): rows/s",
            v["rijen"] / v["seconden"],
            "rows/s",
            "streamed",
            v["streaming"],
        )
    )
    figuren.append(
        Figuur(
            "CSV export view: extra peak RSS",
            v["extra_mb"],
            "MB",
            f"< {MAX_EXTRA_MB} MB",
            v["extra_mb"] < MAX_EXTRA_MB,
        )
    )
    x = omgeving.meet(url, "export_xlsx", limiet=XLSX_MAX_RIJEN)
    figuren.append(
        Figuur(
            f"XLSX write-only {XLSX_MAX_RIJEN:,} rows: rows/s", x["rijen"] / x["seconden"], "rows/s"
        )
    )
    figuren.append(
        Figuur(
            f"XLSX write-only {XLSX_MAX_RIJEN:,} rows: extra peak RSS ({x['mb']:.1f} MB file)",
            x["extra_mb"],
            "MB",
            f"< {MAX_EXTRA_MB} MB",
            x["extra_mb"] < MAX_EXTRA_MB,
        )
    )
    figuren.extend(_xlsx_job(url))
    figuren.extend(_rapport(url))
    return figuren


# The report (issue 21): the gemeente report of the largest gemeente with a network snapshot
# present, and the preview of the largest buurt, over the last year.
RAPPORT_PDF_MAX_S = 8
RAPPORT_PDF_MAX_MB = 60
RAPPORT_XLSX_MAX_S = 3
VOORBEELD_MAX_S = 1


def _rapport(url: str) -> list[Figuur]:
    r = omgeving.meet(url, "rapport")
    pdf, xlsx, voorbeeld = r["pdf"], r["xlsx"], r["voorbeeld"]
    return [
        Figuur(
            f"gemeente report PDF largest gemeente ({pdf['cpu']:.1f} s CPU, {pdf['queries']} "
            f"queries, {pdf['kB']:,} kB)",
            pdf["seconden"],
            "s",
            f"< {RAPPORT_PDF_MAX_S} s",
            pdf["seconden"] < RAPPORT_PDF_MAX_S,
        ),
        Figuur(
            "gemeente report PDF extra peak RSS",
            pdf["extra_mb"],
            "MB",
            f"< {RAPPORT_PDF_MAX_MB} MB",
            pdf["extra_mb"] < RAPPORT_PDF_MAX_MB,
        ),
        Figuur(
            f"gemeente report XLSX largest gemeente ({xlsx['cpu']:.1f} s CPU, "
            f"{xlsx['queries']} queries)",
            xlsx["seconden"],
            "s",
            f"< {RAPPORT_XLSX_MAX_S} s",
            xlsx["seconden"] < RAPPORT_XLSX_MAX_S,
        ),
        Figuur("gemeente report XLSX extra peak RSS", xlsx["extra_mb"], "MB"),
        Figuur(
            f"report preview largest buurt ({voorbeeld['cpu']:.1f} s CPU, "
            f"{voorbeeld['queries']} queries, {voorbeeld['kB']:,} kB HTML)",
            voorbeeld["seconden"],
            "s",
            f"< {VOORBEELD_MAX_S} s",
            voorbeeld["seconden"] < VOORBEELD_MAX_S,
        ),
    ]


def _xlsx_job(url: str) -> list[Figuur]:
    """Above the in-request limit the XLSX is written by a job: its writer at 200,000 rows into a
    file, and the job itself on an export of the largest buurt."""
    j = omgeving.meet(url, "export_xlsx_job", limiet=round(XLSX_JOB_RIJEN * omgeving.schaal()))
    s, job = j["schrijven"], j["job"]
    return [
        Figuur(
            f"XLSX job writer {s['rijen']:,} rows: rows/s", s["rijen"] / s["seconden"], "rows/s"
        ),
        Figuur(
            f"XLSX job writer {s['rijen']:,} rows: extra peak RSS ({s['mb']:.1f} MB file)",
            s["extra_mb"],
            "MB",
            f"< {MAX_EXTRA_MB} MB",
            s["extra_mb"] < MAX_EXTRA_MB,
        ),
        Figuur(
            f"XLSX export job, largest buurt ({job['rijen']:,} rows): rows/s",
            job["rijen"] / job["seconden"],
            "rows/s",
            "status klaar",
            job["status"] == "klaar",
        ),
        Figuur(
            "XLSX export job: extra peak RSS",
            job["extra_mb"],
            "MB",
            f"< {MAX_EXTRA_MB} MB",
            job["extra_mb"] < MAX_EXTRA_MB,
        ),
    ]
