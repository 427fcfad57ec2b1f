"""Stored files: what may be uploaded, under which name it is stored, and how it is served.

One rule for every file a user uploads or a job makes (issue 16):

- **Type by content.** A document must be a PDF or an Office/OpenDocument file (`DOCUMENTEN`), an
  image a JPEG, PNG or WebP (`AFBEELDINGEN`); the file's first bytes (its magic number, read with
  `filetype`, and the member names of a zip-based Office file) decide, and they must match the
  extension. HTML, SVG, scripts and anything unknown are refused with a Dutch message.
- **Size.** At most `ZORGNET_UPLOAD_MAX_MB` megabytes (`max_bytes()`).
- **Images are re-encoded** with Pillow (`herencodeer`): the stored file is a fresh JPEG/PNG/WebP
  of the pixels only, so metadata (EXIF location), comments and any trailing payload are gone, and
  the longest side is at most `MAX_ZIJDE` pixels.
- **Unguessable names.** `OnraadbaarPad("map")` as `upload_to` stores `map/<uuid4>.<ext>`; the
  name the user sees comes from the download view, never from the storage path.
- **One way out.** Nothing under MEDIA_ROOT is routed; every file leaves through a view that first
  reads its object from a permission-scoped query, logs the download, and answers with
  `bestand_response()`: `Content-Disposition: attachment`, `X-Content-Type-Options: nosniff` and
  a content type from the allowlist (anything else is `application/octet-stream`).

Model fields `DocumentField` and `AfbeeldingField` wire this up: their form fields (`DocumentVeld`,
`AfbeeldingVeld`, also used by the admin) validate and re-encode, and they store under an
unguessable name. A new upload field should be one of these two.
"""

import io
import uuid
import zipfile
from pathlib import PurePath

import filetype
from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

__all__ = [
    "AFBEELDINGEN",
    "DOCUMENTEN",
    "AfbeeldingField",
    "AfbeeldingVeld",
    "DocumentField",
    "DocumentVeld",
    "OnraadbaarPad",
    "bestand_response",
    "controleer_document",
    "controleer_grootte",
    "herencodeer",
    "max_bytes",
]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# extension -> content type; the only types stored from an upload.
DOCUMENTEN = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": XLSX,
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
AFBEELDINGEN = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
# Files made by zorgnet itself (reports, exports) are served with these types too.
VEILIGE_TYPES = {
    **DOCUMENTEN,
    **AFBEELDINGEN,
    "csv": "text/csv; charset=utf-8",
    "zip": "application/zip",
}

MAX_ZIJDE = 2400  # pixels; a re-encoded image is at most this wide and high
_PILLOW_FORMAAT = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
_KOP = 8192  # bytes read to recognise a type (filetype reads as many)
# Members that identify a zip-based Office file.
_OOXML = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
_ODF = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}


def max_bytes() -> int:
    return settings.ZORGNET_UPLOAD_MAX_MB * 1024 * 1024


def extensie(naam: str) -> str:
    return PurePath(naam or "").suffix.lower().lstrip(".")


def controleer_grootte(bestand, maximum: int | None = None) -> None:
    """A Dutch ValidationError when the upload is larger than `maximum` bytes (default
    ZORGNET_UPLOAD_MAX_MB). Checked on the size the upload handler counted, before reading."""
    maximum = max_bytes() if maximum is None else maximum
    if (bestand.size or 0) > maximum:
        raise ValidationError(
            _("Het bestand is te groot: maximaal %(mb)s MB.") % {"mb": _mb(maximum)},
            code="te_groot",
        )


def _mb(aantal: int) -> str:
    return f"{aantal / 1024 / 1024:g}".replace(".", ",")


def _lees(bestand) -> bytes:
    bestand.seek(0)
    inhoud = bestand.read()
    bestand.seek(0)
    return inhoud


def soort_van_inhoud(inhoud: bytes) -> str | None:
    """The extension that the content really has ('pdf', 'docx', 'png', ...), or None."""
    gok = filetype.guess(inhoud[:_KOP])
    if gok is None:
        return None
    if gok.extension in {"zip", *_OOXML, *_ODF.values()}:
        return _zip_soort(inhoud)
    return "jpg" if gok.extension == "jpg" else gok.extension


def _zip_soort(inhoud: bytes) -> str | None:
    """Office files are zip archives: look at the member names (nothing is unpacked)."""
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            namen = set(archief.namelist())
            if "mimetype" in namen:
                soort = archief.read("mimetype")[:100].decode("ascii", "replace").strip()
                return _ODF.get(soort)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    if "[Content_Types].xml" in namen:
        for ext, lid in _OOXML.items():
            if lid in namen:
                return ext
    return None


def controleer_document(bestand) -> str:
    """Check an uploaded document (size, extension, content); returns its extension."""
    controleer_grootte(bestand)
    ext = extensie(bestand.name)
    toegelaten = ", ".join(f".{e}" for e in DOCUMENTEN)
    if ext not in DOCUMENTEN:
        raise ValidationError(
            _("Dit bestandstype is niet toegelaten. Kies een bestand van het type %(t)s.")
            % {"t": toegelaten},
            code="type",
        )
    echt = soort_van_inhoud(_lees(bestand))
    if echt != ext:
        raise ValidationError(
            _(
                "De inhoud van dit bestand is geen .%(ext)s-bestand. Kies een bestand van het "
                "type %(t)s."
            )
            % {"ext": ext, "t": toegelaten},
            code="inhoud",
        )
    return ext


def herencodeer(bestand) -> SimpleUploadedFile:
    """Check an uploaded image and return a fresh copy of its pixels only (no metadata, no
    trailing bytes), at most MAX_ZIJDE pixels on each side, under a neutral name."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    controleer_grootte(bestand)
    ext = extensie(bestand.name)
    if ext not in AFBEELDINGEN:
        raise ValidationError(_("Kies een foto van het type .jpg, .png of .webp."), code="type")
    inhoud = _lees(bestand)
    echt = soort_van_inhoud(inhoud)
    if _PILLOW_FORMAAT.get(echt or "") != _PILLOW_FORMAAT[ext]:
        raise ValidationError(
            _("De inhoud van dit bestand is geen .%(ext)s-afbeelding.") % {"ext": ext},
            code="inhoud",
        )
    try:
        with Image.open(io.BytesIO(inhoud)) as beeld:
            beeld.load()
            beeld = ImageOps.exif_transpose(beeld)
            beeld.thumbnail((MAX_ZIJDE, MAX_ZIJDE))
            return _opslaan(beeld, ext)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("Deze afbeelding kon niet gelezen worden."), code="onleesbaar"
        ) from exc


def _opslaan(beeld, ext: str) -> SimpleUploadedFile:
    formaat = _PILLOW_FORMAAT[ext]
    if formaat == "JPEG":
        beeld = beeld.convert("RGB")
    elif beeld.mode not in ("RGB", "RGBA", "L", "LA"):
        beeld = beeld.convert("RGBA")
    uit = io.BytesIO()
    beeld.save(uit, format=formaat, **({"quality": 85} if formaat != "PNG" else {}))
    return SimpleUploadedFile(f"foto.{ext}", uit.getvalue(), content_type=AFBEELDINGEN[ext])


# --- form fields ---------------------------------------------------------------------------------
class _HuidigBestand:
    """What the file input shows for the stored file: a neutral label and the download view's
    address (set by the form as `widget.download_url`), never the storage path."""

    def __init__(self, url: str | None):
        self.url = url or "#"

    def __str__(self) -> str:
        return str(gettext_lazy("huidig bestand"))


class BestandInput(forms.ClearableFileInput):
    download_url: str | None = None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            context["widget"]["value"] = _HuidigBestand(self.download_url)
        return context


class AdminBestandInput(BestandInput, AdminFileWidget):
    """The Django admin's file input for our file fields: the stored file links to its download
    view (set by `BestandenAdmin`), never to a storage path under /media/."""


def _widget_voor(kwargs: dict, attrs: dict) -> None:
    """Our input everywhere: the admin asks for its AdminFileWidget, which would link to /media/."""
    gevraagd = kwargs.get("widget")
    if gevraagd is None:
        kwargs["widget"] = BestandInput(attrs=attrs)
    elif gevraagd is AdminFileWidget or isinstance(gevraagd, AdminFileWidget):
        kwargs["widget"] = AdminBestandInput(attrs=attrs)


class BestandenAdmin:
    """ModelAdmin mixin: `bestand_urls` maps a file field to a function giving the download view's
    address for an object, so the change form links the stored file there."""

    bestand_urls: dict = {}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        for veld, url in self.bestand_urls.items():
            if veld in form.base_fields and obj is not None and getattr(obj, veld):
                form.base_fields[veld].widget.download_url = url(obj)
        return form


class DocumentVeld(forms.FileField):
    """A document upload (PDF or Office): type by content, size cap."""

    def __init__(self, **kwargs):
        _widget_voor(kwargs, {"accept": ",".join(f".{e}" for e in DOCUMENTEN)})
        kwargs["help_text"] = kwargs.get("help_text") or gettext_lazy(
            "PDF of een Office-bestand (Word, Excel, PowerPoint, OpenDocument)."
        )
        super().__init__(**kwargs)

    def to_python(self, data):
        bestand = super().to_python(data)
        if bestand is not None:
            controleer_document(bestand)
        return bestand


class AfbeeldingVeld(forms.FileField):
    """A photo upload (JPEG, PNG or WebP): type by content, size cap, re-encoded."""

    def __init__(self, **kwargs):
        _widget_voor(kwargs, {"accept": ".jpg,.jpeg,.png,.webp"})
        kwargs["help_text"] = kwargs.get("help_text") or gettext_lazy(
            "Een foto (JPEG, PNG of WebP); ze wordt opnieuw opgeslagen zonder metadata."
        )
        super().__init__(**kwargs)

    def to_python(self, data):
        bestand = super().to_python(data)
        return None if bestand is None else herencodeer(bestand)


# --- model fields --------------------------------------------------------------------------------
@deconstructible
class OnraadbaarPad:
    """`upload_to` that stores `<map>/<uuid4>.<ext>`: nobody can guess another file's name."""

    def __init__(self, map: str):
        self.map = map

    def __call__(self, instance, bestandsnaam: str) -> str:
        ext = extensie(bestandsnaam)
        return f"{self.map}/{uuid.uuid4().hex}{'.' + ext if ext.isalnum() else ''}"

    def __eq__(self, other) -> bool:
        return isinstance(other, OnraadbaarPad) and other.map == self.map


class DocumentField(models.FileField):
    """A stored document: uploaded through DocumentVeld, kept under an unguessable name."""

    def __init__(self, *args, map: str = "documenten", **kwargs):
        kwargs.setdefault("upload_to", OnraadbaarPad(map))
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": DocumentVeld, **kwargs})


class AfbeeldingField(models.FileField):
    """A stored photo: uploaded (and re-encoded) through AfbeeldingVeld, unguessable name."""

    def __init__(self, *args, map: str = "fotos", **kwargs):
        kwargs.setdefault("upload_to", OnraadbaarPad(map))
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": AfbeeldingVeld, **kwargs})


# --- serving -------------------------------------------------------------------------------------
def bestand_response(veldbestand, bestandsnaam: str) -> FileResponse:
    """Answer a stored file as a download. The caller has read its object from a
    permission-scoped query and logged the download; this only serves it safely."""
    if not veldbestand:
        raise Http404(_("Dit bestand bestaat niet (meer)."))
    try:
        geopend = veldbestand.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404(_("Dit bestand bestaat niet (meer).")) from exc
    soort = VEILIGE_TYPES.get(extensie(veldbestand.name), "application/octet-stream")
    response = FileResponse(geopend, as_attachment=True, filename=bestandsnaam, content_type=soort)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
