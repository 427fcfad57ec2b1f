"""Meetings as calendar entries (iCalendar, RFC 5545, with the `icalendar` package).

One UID per meeting, for good: a change raises SEQUENCE, a cancellation sends STATUS:CANCELLED,
so a calendar updates the entry it already has instead of adding a second one. An entry holds the
title, time, place and a link; never the meeting's agenda, situation or attendees.
"""

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar, Event

from zorgnet.lib.mail import absolute_url

from .models import Bijeenkomst

DOMEIN = "zorgnet"


def uid(bijeenkomst: Bijeenkomst) -> str:
    return f"bijeenkomst-{bijeenkomst.pk}@{DOMEIN}"


def _event(bijeenkomst: Bijeenkomst) -> Event:
    tz = ZoneInfo(settings.TIME_ZONE)
    event = Event()
    event.add("uid", uid(bijeenkomst))
    event.add("sequence", bijeenkomst.volgnummer)
    event.add("dtstamp", timezone.now())
    event.add("last-modified", bijeenkomst.gewijzigd_op or timezone.now())
    event.add("summary", str(bijeenkomst.titel or bijeenkomst.get_type_display()))
    if bijeenkomst.begintijd:
        begin = datetime.combine(bijeenkomst.datum, bijeenkomst.begintijd, tzinfo=tz)
        einde_tijd = (
            bijeenkomst.eindtijd
            or (
                datetime.combine(bijeenkomst.datum, bijeenkomst.begintijd) + timedelta(hours=2)
            ).time()
        )
        einde = datetime.combine(bijeenkomst.datum, einde_tijd, tzinfo=tz)
        event.add("dtstart", begin)
        event.add("dtend", max(einde, begin))
    else:
        event.add("dtstart", bijeenkomst.datum)
        event.add("dtend", bijeenkomst.datum + timedelta(days=1))
    if bijeenkomst.plaats:
        event.add("location", bijeenkomst.plaats)
    link = absolute_url(
        reverse("activiteiten:bijeenkomst_detail", args=[bijeenkomst.buurt_id, bijeenkomst.pk])
    )
    event.add("url", link)
    event.add("description", f"{bijeenkomst.get_type_display()} · {link}")
    event.add("status", "CANCELLED" if bijeenkomst.geannuleerd_op else "CONFIRMED")
    return event


def kalender(bijeenkomsten: Iterable[Bijeenkomst], *, naam: str, methode: str = "") -> bytes:
    """An iCalendar file; `methode` REQUEST or CANCEL for an invitation by e-mail."""
    cal = Calendar()
    cal.add("prodid", "-//zorgnet//agenda//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", naam)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    if methode:
        cal.add("method", methode)
    for bijeenkomst in bijeenkomsten:
        cal.add_component(_event(bijeenkomst))
    return cal.to_ical()


def wanneer(bijeenkomst: Bijeenkomst) -> str:
    """'17/06/2026 om 19:30' for a mail."""
    datum = bijeenkomst.datum.strftime("%d/%m/%Y")
    if bijeenkomst.begintijd:
        return f"{datum} om {bijeenkomst.begintijd:%H:%M}"
    return datum
