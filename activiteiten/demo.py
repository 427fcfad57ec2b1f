"""Demo data of the activiteiten app; one module per capability."""

from . import acties_demo, pakketten_demo


def laad(ctx: dict) -> None:
    acties_demo.laad(ctx)
    pakketten_demo.laad(ctx)
