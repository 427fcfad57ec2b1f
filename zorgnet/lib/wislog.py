"""The erasure log: every GDPR erasure and retention anonymisation, kept OUTSIDE the database.

After restoring an older backup, `manage.py herhaal_wissingen` replays the log so nothing that was
erased comes back. The handlers per object type are listed in zorgnet/toegang/wissingen.py; each
must be idempotent (erasing twice changes nothing) and must ignore ids that no longer exist.
"""

import json
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings

Handler = Callable[[int], bool]  # object id -> True if something was (re-)erased


def _pad() -> Path:
    return Path(settings.ZORGNET_WISLOG)


def registreer_wissing(object_type: str, object_id: int, actie: str) -> None:
    """Append one erasure to the log (ids and types only, never content)."""
    pad = _pad()
    pad.parent.mkdir(parents=True, exist_ok=True)
    regel = {
        "tijdstip": datetime.now(UTC).isoformat(),
        "object_type": object_type,
        "object_id": int(object_id),
        "actie": actie,
    }
    with pad.open("a", encoding="utf-8") as log:
        log.write(json.dumps(regel) + "\n")


def wissingen() -> list[dict]:
    pad = _pad()
    if not pad.exists():
        return []
    return [json.loads(lijn) for lijn in pad.read_text(encoding="utf-8").splitlines() if lijn]


def herhaal_alle(handlers: Mapping[str, Handler]) -> tuple[int, int]:
    """Re-apply every logged erasure; returns (logged, re-erased now)."""
    regels = wissingen()
    opnieuw = 0
    for regel in regels:
        handler = handlers.get(regel["object_type"])
        if handler is None:
            raise LookupError(f"geen wishandler voor {regel['object_type']!r}")
        opnieuw += bool(handler(regel["object_id"]))
    return len(regels), opnieuw
