"""One life cycle for the records made by a job: the network analysis run, the report file, the
report preview and the big export all inherit `Taakrecord` and live through this module.

    wachtend --claim--> bezig --rond_af--> klaar
        ^                 |  \\--markeer_mislukt--> mislukt
        '--(retry, stuck)-'

Every step is a conditional UPDATE: it only moves a record from the state it expects, so a
duplicate delivery of a job changes nothing. A claim also remembers, for this process, *when* it
claimed (`gestart_op`); finishing and failing check that moment, so a late worker whose record was
declared stuck and taken over by another job changes nothing either.

`TaakrecordTaak` is the base of the jobs: it retries on transient database and broker errors
(the record goes back to the queue first) and marks the record failed, in Dutch, on any other error.
`reset_vastgelopen` is the one beat job for records whose worker died or whose message was lost.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from contextvars import ContextVar
from datetime import datetime, timedelta

import kombu.exceptions
import redis.exceptions
from celery.contrib.django.task import DjangoTask
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zorgnet.lib import fragmentcache

from .choices import TaakStatus

__all__ = [
    "LOPEND",
    "TRANSIENT",
    "Taakrecord",
    "TaakrecordTaak",
    "TaakStatus",
    "claim",
    "markeer_mislukt",
    "reset_vastgelopen",
    "rond_af",
    "terug_in_wachtrij",
]

log = logging.getLogger(__name__)

LOPEND = (TaakStatus.WACHTEND, TaakStatus.BEZIG)

# Errors after which the same job may well succeed a moment later: the database or the broker was
# briefly away. Anything else is a bug or bad input, and retrying it would only loop.
TRANSIENT = (
    OperationalError,
    InterfaceError,
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)


class Taakrecord(models.Model):
    """What every record made by a job carries. Abstract: each model keeps its own table.

    The class attributes are the record's life-cycle policy; a model overrides what differs."""

    status = models.CharField(
        _("status"), max_length=20, choices=TaakStatus.choices, default=TaakStatus.WACHTEND
    )
    fout = models.TextField(_("foutmelding"), blank=True)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangevraagd door"),
    )
    aangemaakt_op = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)

    # A job still 'bezig' after its hard time limit (plus a margin) lost its worker: the limit
    # would have ended it otherwise.
    VASTGELOPEN_NA = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 300)
    # A record still 'wachtend' after this lost its message (broker restart, purge).
    WACHTEND_NA = timedelta(minutes=10)
    # Claims before a stuck record fails instead of going back to the queue. One by default: a job
    # that ran past its hard limit (or took its worker down) would most likely do so again.
    MAX_POGINGEN = 1
    MISLUKT_MELDING = _(
        "De taak kon niet worden uitgevoerd. Probeer het opnieuw; lukt het dan nog niet, meld "
        "dit aan de beheerder. (Technische details: %(fout)s)"
    )

    class Meta:
        abstract = True

    @property
    def is_lopend(self) -> bool:
        return self.status in LOPEND

    @property
    def is_afgewerkt(self) -> bool:
        return self.status in (TaakStatus.KLAAR, TaakStatus.MISLUKT)

    @classmethod
    def mislukt_melding(cls, fout: BaseException | str) -> str:
        """The Dutch message a user reads: a ValidationError is already written for them; for any
        other error one line of technical detail, never a traceback (that goes to the log)."""
        if isinstance(fout, ValidationError):
            return " ".join(fout.messages)
        technisch = fout if isinstance(fout, str) else f"{type(fout).__name__}: {fout}"
        eerste_regel = (str(technisch).strip().splitlines() or [""])[0]
        return str(cls.MISLUKT_MELDING % {"fout": eerste_regel[:300]})


# --- the claims of this process ------------------------------------------------------------------
# (model label, pk) -> the gestart_op this process wrote when it claimed the record. A worker runs
# one job at a time per process (or per thread: a ContextVar follows the thread), so this is "the
# claim of the running job".
_claims: ContextVar[dict[tuple[str, int], datetime] | None] = ContextVar("taakclaims", default=None)


def _mijn_claims() -> dict[tuple[str, int], datetime]:
    claims = _claims.get()
    if claims is None:
        claims = {}
        _claims.set(claims)
    return claims


def _sleutel(model: type[models.Model], pk: int) -> tuple[str, int]:
    return (model._meta.label, int(pk))


def eigen_claim(model: type[models.Model], pk: int) -> datetime | None:
    """When this process claimed the record (None: it did not, or it has finished with it)."""
    return _mijn_claims().get(_sleutel(model, pk))


def vergeet_claim(model: type[models.Model], pk: int) -> None:
    _mijn_claims().pop(_sleutel(model, pk), None)


# --- the steps -----------------------------------------------------------------------------------
def claim(model: type[Taakrecord], pk: int) -> bool:
    """wachtend -> bezig; False when another job has it or it is no longer queued."""
    nu = timezone.now()
    genomen = model.objects.filter(pk=pk, status=TaakStatus.WACHTEND).update(
        status=TaakStatus.BEZIG, gestart_op=nu, fout="", pogingen=F("pogingen") + 1
    )
    if genomen:
        _mijn_claims()[_sleutel(model, pk)] = nu
    # No fragment-cache bump here or in terug_in_wachtrij: 'wachtend' and 'bezig' both show as
    # running. Finishing and failing do bump (a conditional UPDATE sends no signals).
    return bool(genomen)


def rond_af(model: type[Taakrecord], pk: int, **velden) -> bool:
    """bezig -> klaar with the result fields, only for this process's own claim; False when the
    record was declared stuck (and perhaps taken over) meanwhile."""
    geclaimd = eigen_claim(model, pk)
    if geclaimd is None:
        return False
    klaar = model.objects.filter(pk=pk, status=TaakStatus.BEZIG, gestart_op=geclaimd).update(
        status=TaakStatus.KLAAR, klaar_op=timezone.now(), fout="", **velden
    )
    vergeet_claim(model, pk)
    if klaar:
        fragmentcache.wijzig_rijen(model, [pk])
    return bool(klaar)


def terug_in_wachtrij(model: type[Taakrecord], pk: int) -> bool:
    """After a transient error: this process's claim goes back to the queue, so the retry of the
    job can claim it again. `gestart_op` stays, so a failure after the last retry still finds it."""
    geclaimd = eigen_claim(model, pk)
    if geclaimd is None:
        return False
    return bool(
        model.objects.filter(pk=pk, status=TaakStatus.BEZIG, gestart_op=geclaimd).update(
            status=TaakStatus.WACHTEND
        )
    )


def markeer_mislukt(
    model: type[Taakrecord], pk: int, melding: str, *, van_deze_taak: bool = False
) -> bool:
    """An unfinished record -> mislukt with a Dutch message; a finished one stays finished.

    With `van_deze_taak` (the failing job itself): only this process's claim, or, when it had not
    claimed yet, only a record still queued; a record another job has taken over is left alone."""
    records = model.objects.filter(pk=pk, status__in=LOPEND)
    if van_deze_taak:
        geclaimd = eigen_claim(model, pk)
        if geclaimd is None:
            records = records.filter(status=TaakStatus.WACHTEND)
        else:
            records = records.filter(gestart_op=geclaimd)
        vergeet_claim(model, pk)
    mislukt = records.update(
        status=TaakStatus.MISLUKT, fout=melding[:2000], klaar_op=timezone.now()
    )
    if mislukt:
        fragmentcache.wijzig_rijen(model, [pk])
    return bool(mislukt)


def reset_vastgelopen(model: type[Taakrecord], opnieuw: Callable[[int], object]) -> int:
    """The beat job for stuck records of `model`; `opnieuw(pk)` queues the job for a record.

    'bezig' too long (the worker died): back to the queue while the model allows more claims,
    otherwise failed. 'wachtend' too long (the message was lost): offered again; a duplicate is a
    no-op thanks to the claim. Returns how many records it touched."""
    nu = timezone.now()
    vast = model.objects.filter(status=TaakStatus.BEZIG, gestart_op__lt=nu - model.VASTGELOPEN_NA)
    fragmentcache.wijzig_queryset(vast)  # its rows change state below, in queryset updates
    opgegeven = vast.filter(pogingen__gte=model.MAX_POGINGEN).update(
        status=TaakStatus.MISLUKT,
        fout=model.mislukt_melding(gettext("de taak liep vast")),
        klaar_op=nu,
    )
    terug = list(vast.values_list("id", flat=True))
    # A late worker of these finds its claim gone (rond_af checks gestart_op), so nulling it is safe.
    vast.filter(pk__in=terug).update(status=TaakStatus.WACHTEND, gestart_op=None)
    verloren = list(
        model.objects.filter(status=TaakStatus.WACHTEND, aangemaakt_op__lt=nu - model.WACHTEND_NA)
        .exclude(pk__in=terug)
        .values_list("id", flat=True)
    )
    for pk in terug + verloren:
        opnieuw(pk)
    if opgegeven or terug or verloren:
        log.info(
            "%s vastgelopen: %d mislukt, %d terug in de wachtrij, %d opnieuw aangeboden",
            model._meta.label,
            opgegeven,
            len(terug),
            len(verloren),
        )
    return opgegeven + len(terug) + len(verloren)


# --- the job ---------------------------------------------------------------------------------------
class TaakrecordTaak(DjangoTask):
    """Base of the job that makes one Taakrecord; its first argument is the record's id.

    Use as `@shared_task(base=TaakrecordTaak, taakrecord="app_label.Model", name=...)`. A DjangoTask
    (the project's default task class) so that `delay_on_commit` stays available."""

    taakrecord: str = ""  # "app_label.ModelName" of the record the job makes
    autoretry_for = TRANSIENT
    max_retries = 3
    retry_backoff = 2  # seconds, doubled per retry, with jitter
    retry_backoff_max = 60
    retry_jitter = True
    acks_late = True

    def record_model(self) -> type[Taakrecord]:
        return apps.get_model(self.taakrecord)

    def record_id(self, args, kwargs) -> int:
        """The record's id: the job's first argument, positional or by name."""
        if args:
            return int(args[0])
        eerste = next(iter(inspect.signature(self.run).parameters))
        return int(kwargs[eerste])

    def retry(self, args=None, kwargs=None, exc=None, throw=True, **options):
        # Give the claim back first, or the retry would find the record 'bezig' and skip it.
        try:
            terug_in_wachtrij(
                self.record_model(), self.record_id(self.request.args, self.request.kwargs)
            )
        except TRANSIENT:
            # The database is still away: the record stays 'bezig' and the beat job resets it.
            log.warning("%s: claim niet teruggegeven voor de nieuwe poging", self.name)
        return super().retry(args=args, kwargs=kwargs, exc=exc, throw=throw, **options)

    def on_failure(self, exc, task_id, args, kwargs, einfo) -> None:
        model = self.record_model()
        try:
            markeer_mislukt(
                model, self.record_id(args, kwargs), model.mislukt_melding(exc), van_deze_taak=True
            )
        except TRANSIENT:
            log.warning("%s: record niet als mislukt gemarkeerd (database weg)", self.name)

    def after_return(self, status, retval, task_id, args, kwargs, einfo) -> None:
        # The claim belongs to this run only; a later run in this process claims anew.
        vergeet_claim(self.record_model(), self.record_id(args, kwargs))
