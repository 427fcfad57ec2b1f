"""The network job on real (generated) data: the largest gemeente of the bench database, the whole
job (read, metrics, per-layer figures, layout, write) against the all-igraph suite on that graph
(bench/referentie.py), in CPU seconds. Target (issue 17): at most 1.2x."""

from bench import omgeving
from bench.figuur import Figuur


def run() -> list[Figuur]:
    url = omgeving.database_url()
    r = omgeving.meet(url, "netwerkjob")
    label = f"largest gemeente ({r['knopen']:,} partners / {r['banden']:,} ties)"
    print(f"netwerkjob {label}: job {r['job']:.2f} s, all-igraph suite {r['igraph']:.2f} s, "
          f"phases {r['tijden_ms']}", flush=True)  # fmt: skip
    ratio = r["job"] / r["igraph"] if r["igraph"] else 0.0
    b = omgeving.meet(url, "netwerkjob", scope="buurt")
    buurt = f"largest buurt ({b['knopen']:,} partners / {b['banden']:,} ties)"
    print(f"netwerkjob {buurt}: job {b['job']:.3f} s, phases {b['tijden_ms']}", flush=True)
    return [
        # Informational: the 300-partner target (< 0.5 s) is bench_netwerk's suite at 300 nodes;
        # the largest generated buurt is denser (hundreds of partners, ~20,000 ties).
        Figuur(f"network job CPU, {buurt}", b["job"], "s"),
        Figuur(
            f"network job status, {label}",
            r["status"] == "klaar",
            "",
            "klaar",
            r["status"] == "klaar",
        ),
        Figuur(f"network job CPU, {label}", r["job"], "s"),
        Figuur(f"network all-igraph suite CPU, {label}", r["igraph"], "s"),
        Figuur(f"network job / all-igraph suite, {label}", ratio, "x", "<= 1.2x", ratio <= 1.2),
    ]
