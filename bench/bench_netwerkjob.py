"""The network job on real (generated) data: the largest gemeente of the bench database, the whole
job (read, metrics, per-layer figures, layout, write) against the all-igraph suite on that graph."""

from bench import omgeving
from bench.figuur import Figuur


def run() -> list[Figuur]:
    url = omgeving.database_url()
    r = omgeving.meet(url, "netwerkjob")
    label = f"largest gemeente ({r['knopen']:,} partners / {r['banden']:,} ties)"
    print(f"netwerkjob {label}: job {r['job']:.2f} s, all-igraph suite {r['igraph']:.2f} s, "
          f"phases {r['tijden_ms']}", flush=True)  # fmt: skip
    ratio = r["job"] / r["igraph"] if r["igraph"] else 0.0
    return [
        Figuur(
            f"network job status, {label}",
            r["status"] == "klaar",
            "",
            "klaar",
            r["status"] == "klaar",
        ),
        Figuur(f"network job CPU, {label}", r["job"], "s"),
        Figuur(f"network all-igraph suite CPU, {label}", r["igraph"], "s"),
        Figuur(f"network job / all-igraph suite, {label}", ratio, "x", "informational"),
    ]
