"""Demo data of the activiteiten app; one module per capability."""

from . import acties_demo, bijeenkomsten_demo, pakketten_demo


def laad(ctx: dict) -> None:
    acties_demo.laad(ctx)
    pakketten_demo.laad(ctx)
    bijeenkomsten_demo.laad(ctx)
