"""E-mail helpers without app imports: render a Dutch mail (plain text + HTML) and send it.

Templates are `templates/mail/<naam>.txt` and `templates/mail/<naam>.html`; both get the same
context plus `basis_url`. Links in mails are absolute (`absolute_url`), since a Celery task has no
request. Mails carry a title and a link only: never signal text or resident data.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string


@dataclass(frozen=True)
class Opgemaakt:
    onderwerp: str
    tekst: str
    html: str


def absolute_url(pad: str) -> str:
    """`/buurten/1/` -> `https://zorgnet.example/buurten/1/` (ZORGNET_BASIS_URL)."""
    if pad.startswith(("http://", "https://")):
        return pad
    return f"{settings.ZORGNET_BASIS_URL}{pad}"


def opmaken(naam: str, onderwerp: str, context: dict) -> Opgemaakt:
    """Render `mail/<naam>.txt` and `mail/<naam>.html` with the context."""
    ctx = {"basis_url": settings.ZORGNET_BASIS_URL, "onderwerp": onderwerp, **context}
    return Opgemaakt(
        onderwerp=" ".join(onderwerp.split())[:200],
        tekst=render_to_string(f"mail/{naam}.txt", ctx),
        html=render_to_string(f"mail/{naam}.html", ctx),
    )


def versturen(
    *,
    aan: str,
    onderwerp: str,
    tekst: str,
    html: str = "",
    bijlage: tuple[str, str, str] | None = None,
) -> None:
    """Send one mail through the configured backend (EMAIL_URL); errors propagate to the task."""
    bericht = EmailMultiAlternatives(
        subject=onderwerp,
        body=tekst,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[aan],
        connection=get_connection(),
    )
    if html:
        bericht.attach_alternative(html, "text/html")
    if bijlage:
        naam, inhoud, mimetype = bijlage
        bericht.attach(naam, inhoud, mimetype)
    bericht.send(fail_silently=False)
