"""Beat jobs across the apps: thin, each calls one service."""

from celery import shared_task

from . import services


@shared_task(name="zorgnet.overzicht.tasks.herinneringen_maken")
def herinneringen_maken() -> dict[str, int]:
    return services.herinneringen_maken()


@shared_task(name="zorgnet.overzicht.tasks.wekelijkse_samenvatting")
def wekelijkse_samenvatting() -> int:
    return services.wekelijkse_samenvatting()
