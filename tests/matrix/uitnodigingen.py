"""Partners aan boord (issue 18): notifications, people management, password reset, agenda."""

from types import SimpleNamespace

from . import Regel

B = {"buurt_id": "buurt_a"}
IEDEREEN = Regel(get="200 200 200 200 302", post="405 405 405 405 302")
ALLEEN_POST = "405 405 405 405 302"
PUBLIEK = Regel(get="200 200 200 200 200", post="200 200 200 200 200")
PUBLIEK_LEZEN = Regel(get="200 200 200 200 200", post="405 405 405 405 405")

REGELS = {
    # the bell: only the user's own notifications
    "meldingen:lijst": IEDEREEN,
    "meldingen:teller": IEDEREEN,
    # an empty POST is an invalid form: it comes back, nothing is saved
    "meldingen:voorkeuren": Regel(get="200 200 200 200 302", post="200 200 200 200 302"),
    "meldingen:alles_gelezen": Regel(get=ALLEEN_POST, post="302 302 302 302 302"),
    # partner_a's notification: someone else's answers 404
    "meldingen:openen": Regel(
        get=ALLEEN_POST, post="404 404 302 404 302", kwargs={"melding_id": "melding_a"}
    ),
    # people management in a buurt: the regisseur only
    "leden:leden_list": Regel(get="200 404 403 403 302", post=ALLEEN_POST, kwargs=B),
    "leden:uitnodigen": Regel(get=ALLEEN_POST, post="200 404 403 403 302", kwargs=B),
    "leden:rol_wijzigen": Regel(
        get=ALLEEN_POST, post="302 404 403 403 302", kwargs={**B, "lidmaatschap_id": "lezer_lid"}
    ),
    "leden:beeindigen": Regel(
        get=ALLEEN_POST, post="302 404 403 403 302", kwargs={**B, "lidmaatschap_id": "lezer_lid"}
    ),
    # the gemeente's buurten: the coordinator only (regisseur_a sees the gemeente through a buurt)
    "leden:gemeente_buurten": Regel(
        get="403 404 403 200 302", post="403 404 403 200 302", kwargs={"gemeente_id": "gemeente_1"}
    ),
    "leden:regisseur_uitnodigen": Regel(
        get=ALLEEN_POST,
        post="403 404 403 302 302",
        kwargs={"gemeente_id": "gemeente_1", "buurt_id": "buurt_a2"},
    ),
    # the invitation link needs no login; an empty POST is refused by the form
    "leden:uitnodiging_aanvaarden": Regel(
        get="200 200 200 200 200", post="200 200 200 200 200", kwargs={"token": "uitnodiging_link"}
    ),
    # password reset (Django's views): the same answer for everyone, no account enumeration
    "password_reset": PUBLIEK,
    "password_reset_done": PUBLIEK_LEZEN,
    "password_reset_confirm": Regel(
        get="200 200 200 200 200",
        post="200 200 200 200 200",
        kwargs={"uidb64": "herstel_uid", "token": "herstel_token"},
    ),
    "password_reset_complete": PUBLIEK_LEZEN,
    # meetings: invite by e-mail and cancel (the regisseur organises)
    "activiteiten:genodigden_uitnodigen": Regel(
        get=ALLEEN_POST,
        post="302 404 403 403 302",
        kwargs={**B, "bijeenkomst_id": "agenda_bijeenkomst"},
    ),
    "activiteiten:bijeenkomst_annuleren": Regel(
        get=ALLEEN_POST,
        post="302 404 403 403 302",
        kwargs={**B, "bijeenkomst_id": "agenda_bijeenkomst"},
    ),
    # the agenda page and its key; the feeds answer for the key's owner (partner_a), whoever asks
    "activiteiten:agenda": IEDEREEN,
    "activiteiten:agenda_vernieuwen": Regel(get=ALLEEN_POST, post="302 302 302 302 302"),
    "activiteiten:agenda_buurt": Regel(
        get="200 200 200 200 200",
        post="405 405 405 405 405",
        kwargs={"sleutel": "agendasleutel", "buurt_id": "buurt_a"},
    ),
    # a series in a buurt partner_a does not belong to: 404, whoever asks
    "activiteiten:agenda_reeks": Regel(
        get="404 404 404 404 404",
        post="405 405 405 405 405",
        kwargs={"sleutel": "agendasleutel", "reeks_id": "agenda_reeks_b"},
    ),
}


def maak(w) -> None:
    from activiteiten.bijeenkomsten.services import agendatoken_vernieuwen
    from buurten.meldingen.models import Melding, Meldingsoort
    from buurten.models import Rol
    from tests.factories import (
        BijeenkomstFactory,
        LidmaatschapFactory,
        ReeksFactory,
        UserFactory,
    )
    from zorgnet.toegang.leden.models import Uitnodiging
    from zorgnet.toegang.leden.services import token_voor

    w.melding_a = Melding.objects.create(
        ontvanger=w.partner_a, soort=Meldingsoort.RELATIE, titel="Test", link="/"
    )
    w.lezer_lid = LidmaatschapFactory(
        gebruiker=UserFactory(username="lezer_matrix"), buurt=w.buurt_a, rol=Rol.LEZER
    )
    uitnodiging = Uitnodiging.objects.create(
        email="nieuw@example.org", buurt=w.buurt_a, rol=Rol.LEZER, uitgenodigd_door=w.regisseur_a
    )
    w.uitnodiging_link = SimpleNamespace(pk=token_voor(uitnodiging))
    w.herstel_uid = SimpleNamespace(pk="MQ")
    w.herstel_token = SimpleNamespace(pk="ongeldig-token")
    w.agenda_bijeenkomst = BijeenkomstFactory(buurt=w.buurt_a)
    w.agenda_reeks_b = ReeksFactory(buurt=w.buurt_b)
    w.agendasleutel = SimpleNamespace(pk=agendatoken_vernieuwen(gebruiker=w.partner_a).sleutel)
