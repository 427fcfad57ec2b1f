"""PDFs with WeasyPrint that load their assets from disk, never over HTTP (issue 16, finding 8).

A PDF rendered with `base_url=request.build_absolute_uri("/")` fetched its stylesheet from the app
itself: every PDF held one worker while waiting for another, and four at once froze both. Here
every URL a document names is answered by `url_fetcher` from the file system:

- `/static/...` (whatever scheme and host): the collected file in STATIC_ROOT, else the file the
  staticfiles finders find (development);
- `file://` URLs only inside STATIC_ROOT, the static folders or MEDIA_ROOT (a report's photos);
- `data:` URLs as WeasyPrint reads them.

Anything else (another host, a path elsewhere on disk) is refused: WeasyPrint logs it and leaves
the resource out. `html_naar_pdf` is the one way zorgnet renders a PDF.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation


def _static_prefix() -> str:
    return "/" + settings.STATIC_URL.strip("/") + "/"


def _toegelaten_mappen() -> list[Path]:
    mappen = [settings.STATIC_ROOT, settings.MEDIA_ROOT, *settings.STATICFILES_DIRS]
    return [Path(m).resolve() for m in mappen if m]


def _binnen(pad: Path, mappen: list[Path]) -> bool:
    return any(pad == m or m in pad.parents for m in mappen)


def lokaal_pad(url: str) -> Path | None:
    """The file on disk a URL in a PDF stands for, or None when it may not be read."""
    delen = urlparse(url)
    pad = unquote(delen.path)
    if delen.scheme in ("http", "https", "file", "") and pad.startswith(_static_prefix()):
        relatief = pad[len(_static_prefix()) :]
        kandidaat = Path(settings.STATIC_ROOT) / relatief
        if not kandidaat.is_file():
            try:
                gevonden = finders.find(relatief)
            except SuspiciousFileOperation:  # "../" out of the static folders
                return None
            kandidaat = Path(gevonden) if gevonden else kandidaat
        kandidaat = kandidaat.resolve()
        return (
            kandidaat if kandidaat.is_file() and _binnen(kandidaat, _toegelaten_mappen()) else None
        )
    if delen.scheme == "file":
        kandidaat = Path(pad).resolve()
        return (
            kandidaat if kandidaat.is_file() and _binnen(kandidaat, _toegelaten_mappen()) else None
        )
    return None


def url_fetcher(url: str, *args, **kwargs) -> dict:
    if url.startswith("data:"):
        from weasyprint import default_url_fetcher

        return default_url_fetcher(url, *args, **kwargs)
    pad = lokaal_pad(url)
    if pad is None:
        raise ValueError(f"zorgnet laadt in een PDF alleen eigen bestanden, niet {url}")
    return {
        "string": pad.read_bytes(),
        "mime_type": mimetypes.guess_type(pad.name)[0] or "application/octet-stream",
        "redirected_url": pad.as_uri(),
    }


def html_naar_pdf(html: str, *, stylesheets: list[Path] | tuple = ()) -> bytes:
    """A PDF of `html`; relative URLs resolve against the project folder, through url_fetcher."""
    from weasyprint import CSS, HTML

    bladen = [CSS(filename=str(p), url_fetcher=url_fetcher) for p in stylesheets]
    document = HTML(string=html, base_url=settings.BASE_DIR.as_uri() + "/", url_fetcher=url_fetcher)
    return document.write_pdf(stylesheets=bladen)
