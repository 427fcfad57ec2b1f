"""Import of partners and contactpersonen (CSV, XLSX) with django-import-export.

Every import runs as a dry run first; the real import only happens when no row has an error, and
runs in one transaction, so a file with one bad row writes nothing.
"""

from __future__ import annotations

import base64
import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

import tablib
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from buurten.models import Buurt
from zorgnet.lib import fragmentcache, importbestand
from zorgnet.lib.choices import Intensiteit, Niveau, Schaal, Sector

from . import relatiebuurten
from .models import (
    BeantwoordAls,
    Bevestiging,
    Contactpersoon,
    Partner,
    PartnerSoort,
    PartnerStatus,
    Relatie,
)
from .services import _normaal

log = logging.getLogger(__name__)

# The partner import's columns, in file order; the resource imports exactly these fields.
PARTNERKOLOMMEN = [
    "naam",
    "sector",
    "soort",
    "formeel",
    "werkingsgebied",
    "status",
    "wat_wij_doen",
    "website",
]


class KeuzeWidget(widgets.Widget):
    """Accepts a code or its Dutch label (case-insensitive); anything else is a Dutch error."""

    def __init__(self, keuzes, omschrijving: str, standaard: str = "", **kwargs):
        super().__init__(**kwargs)
        self.keuzes = keuzes
        self.omschrijving = omschrijving
        self.standaard = standaard

    def clean(self, value, row=None, **kwargs):
        tekst = str(value or "").strip()
        if not tekst:
            if self.standaard:
                return self.standaard
            raise ValueError(_("%(wat)s ontbreekt.") % {"wat": self.omschrijving.capitalize()})
        for code, label in self.keuzes.choices:
            if tekst.lower() in (str(code).lower(), str(label).lower()):
                return code
        raise ValueError(
            _("Onbekende %(wat)s '%(waarde)s'. Kies uit: %(keuzes)s.")
            % {
                "wat": self.omschrijving,
                "waarde": tekst,
                "keuzes": ", ".join(str(c) for c in self.keuzes.values),
            }
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


class JaNeeWidget(widgets.Widget):
    """'ja'/'nee' (also 1/0, true/false, x/leeg)."""

    def __init__(self, standaard: bool, **kwargs):
        super().__init__(**kwargs)
        self.standaard = standaard

    def clean(self, value, row=None, **kwargs):
        tekst = str(value if value is not None else "").strip().lower()
        if tekst == "":
            return self.standaard
        if tekst in ("ja", "j", "1", "true", "waar", "x"):
            return True
        if tekst in ("nee", "n", "0", "false", "onwaar"):
            return False
        raise ValueError(_("Gebruik 'ja' of 'nee', niet '%(w)s'.") % {"w": value})

    def render(self, value, obj=None, **kwargs):
        return "ja" if value else "nee"


class PartnerResource(resources.ModelResource):
    """Partners of one buurt; a row with the name of a partner of this buurt updates that partner.

    Names are unique per gemeente. A name that belongs to a partner of the gemeente that does not
    work in this buurt is a row error: the import never updates another buurt's partner nor links
    it into this buurt (a new partner with that name cannot exist next to it).
    """

    naam = fields.Field(attribute="naam", column_name="naam")
    sector = fields.Field(
        attribute="sector", column_name="sector", widget=KeuzeWidget(Sector, _("sector"))
    )
    soort = fields.Field(
        attribute="soort",
        column_name="soort",
        widget=KeuzeWidget(PartnerSoort, _("soort"), PartnerSoort.ORGANISATIE),
    )
    formeel = fields.Field(attribute="formeel", column_name="formeel", widget=JaNeeWidget(True))
    werkingsgebied = fields.Field(
        attribute="werkingsgebied",
        column_name="werkingsgebied",
        widget=KeuzeWidget(Schaal, _("werkingsgebied"), Schaal.GEOGRAFISCHE_BUURT),
    )
    status = fields.Field(
        attribute="status",
        column_name="status",
        widget=KeuzeWidget(PartnerStatus, _("status"), PartnerStatus.ACTIEF),
    )
    wat_wij_doen = fields.Field(attribute="wat_wij_doen", column_name="wat_wij_doen")
    website = fields.Field(attribute="website", column_name="website")

    KOLOMMEN = PARTNERKOLOMMEN

    class Meta:
        model = Partner
        fields = tuple(PARTNERKOLOMMEN)
        import_id_fields = ()
        clean_model_instances = True
        skip_unchanged = False
        use_transactions = True

    def __init__(self, *, buurt: Buurt, **kwargs):
        super().__init__(**kwargs)
        self.buurt = buurt
        self._bestaand = {_normaal(n): pk for n, pk in buurt.partners.values_list("naam", "pk")}
        self._elders = {
            _normaal(n)
            for n in Partner.objects.filter(gemeente_id=buurt.gemeente_id)
            .exclude(buurten=buurt)
            .values_list("naam", flat=True)
        }
        self._gezien: set[str] = set()

    def get_instance(self, instance_loader, row):
        pk = self._bestaand.get(_normaal(str(row.get("naam") or "")))
        return self.buurt.partners.get(pk=pk) if pk else None

    def before_import_row(self, row, **kwargs):
        naam = _normaal(str(row.get("naam") or ""))
        if not naam:
            raise ValidationError({"naam": _("De naam ontbreekt.")})
        if naam in self._gezien:
            raise ValidationError(
                {"naam": _("De naam '%(n)s' staat twee keer in het bestand.") % {"n": row["naam"]}}
            )
        self._gezien.add(naam)
        if naam in self._elders:
            raise ValidationError(
                {
                    "naam": _(
                        "Er bestaat al een partner '%(n)s' in de gemeente, maar die werkt niet in "
                        "deze buurt. Deze import past alleen partners van deze buurt aan: kies "
                        "een andere naam, of vraag een beheerder om die partner aan deze buurt "
                        "te koppelen."
                    )
                    % {"n": row["naam"]}
                }
            )

    def import_instance(self, instance, row, **kwargs):
        instance.gemeente_id = self.buurt.gemeente_id
        super().import_instance(instance, row, **kwargs)
        for veld in ("wat_wij_doen", "website"):
            if getattr(instance, veld) is None:
                setattr(instance, veld, "")

    def after_save_instance(self, instance, row, **kwargs):
        if not kwargs.get("dry_run") and not instance.buurten.filter(pk=self.buurt.pk).exists():
            instance.buurten.add(self.buurt)


class ContactpersoonResource(resources.ModelResource):
    """Contact persons of partners in one buurt (always new rows)."""

    partner = fields.Field(attribute="partner", column_name="partner")
    voornaam = fields.Field(attribute="voornaam", column_name="voornaam")
    achternaam = fields.Field(attribute="achternaam", column_name="achternaam")
    functie = fields.Field(attribute="functie", column_name="functie")
    wat_ik_doe = fields.Field(attribute="wat_ik_doe", column_name="wat_ik_doe")
    email = fields.Field(attribute="email", column_name="email")
    telefoon = fields.Field(attribute="telefoon", column_name="telefoon")
    toestemming_contactgegevens = fields.Field(
        attribute="toestemming_contactgegevens",
        column_name="toestemming",
        widget=JaNeeWidget(False),
    )

    KOLOMMEN = [
        "partner",
        "voornaam",
        "achternaam",
        "functie",
        "wat_ik_doe",
        "email",
        "telefoon",
        "toestemming",
    ]

    class Meta:
        model = Contactpersoon
        fields = (
            "partner",
            "voornaam",
            "achternaam",
            "functie",
            "wat_ik_doe",
            "email",
            "telefoon",
            "toestemming_contactgegevens",
        )
        import_id_fields = ()
        clean_model_instances = True
        use_transactions = True

    def __init__(self, *, buurt: Buurt, **kwargs):
        super().__init__(**kwargs)
        self.buurt = buurt
        self.fields["partner"].widget = PartnerVanBuurtWidget.voor_buurt(buurt)

    def get_instance(self, instance_loader, row):
        return None

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        for veld in ("achternaam", "functie", "wat_ik_doe", "email", "telefoon"):
            if getattr(instance, veld) is None:
                setattr(instance, veld, "")
        if not instance.voornaam:
            raise ValidationError({"voornaam": _("De voornaam ontbreekt.")})


# --- ties (relaties) ------------------------------------------------------------------------------
# Column names other tools write for an edge list (Kumu "From"/"To", Gephi/igraph source/target)
# and the model's own names, mapped onto the import's columns.
RELATIE_ALIASSEN = {
    "from": "van",
    "source": "van",
    "to": "naar",
    "target": "naar",
    "strength": "intensiteit",
    "intensity": "intensiteit",
    "sinds": "begindatum",
    "start": "begindatum",
    "tot": "einddatum",
    "end": "einddatum",
    "bevestiging": "status",
}
RELATIEKOLOMMEN = [
    "van",
    "naar",
    "intensiteit",
    "niveaus",
    "begindatum",
    "einddatum",
    "status",
    "toelichting",
]
RELATIE_STANDAARD_INTENSITEIT = Intensiteit.DOORVERWIJZEN
RELATIE_STATUS = {
    "verklaard": Bevestiging.OPEN,
    "open": Bevestiging.OPEN,
    "bevestigd": Bevestiging.BEVESTIGD,
    "betwist": Bevestiging.BETWIST,
}
RELATIE_STATUS_UIT = {Bevestiging.OPEN: "verklaard", Bevestiging.BEVESTIGD: "bevestigd"}


def datum_uit_cel(cel) -> date | None:
    """A date from a cell (an Excel date, 2025-01-31, 31/01/2025, 31-01-2025); None when empty."""
    if isinstance(cel, datetime):
        return cel.date()
    if isinstance(cel, date):
        return cel
    waarde = importbestand.tekst(cel)
    if not waarde:
        return None
    for formaat in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(waarde, formaat).date()
        except ValueError:
            continue
    raise ValueError(_("'%(d)s' is geen datum (gebruik 2025-01-31 of 31/01/2025).") % {"d": waarde})


class DatumWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return datum_uit_cel(value)

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class IntensiteitWidget(widgets.Widget):
    """1-4 or the Dutch label ('Info delen'); anything else is a Dutch error."""

    def clean(self, value, row=None, **kwargs):
        waarde = importbestand.tekst(value)
        if not waarde:
            raise ValueError(_("De intensiteit ontbreekt."))
        for code, label in Intensiteit.choices:
            if waarde.lower() in (str(code), f"{code}.0", str(label).lower()):
                return code
        raise ValueError(
            _("Onbekende intensiteit '%(w)s'. Gebruik 1-4 of: %(labels)s.")
            % {"w": waarde, "labels": ", ".join(str(label) for _c, label in Intensiteit.choices)}
        )


class NiveausWidget(widgets.Widget):
    """Levels separated by comma, semicolon or '+', as code or label ('Strategisch')."""

    def clean(self, value, row=None, **kwargs):
        niveaus = []
        for deel in importbestand.tekst(value).replace(";", ",").replace("+", ",").split(","):
            deel = deel.strip().lower()
            if not deel:
                continue
            code = next((c for c, label in Niveau.choices if deel in (c, str(label).lower())), None)
            code = code or next(
                (c for c, label in Niveau.choices if str(label).lower().startswith(deel)), None
            )
            if code is None:
                raise ValueError(
                    _("Onbekend niveau '%(n)s'. Kies uit: %(k)s.")
                    % {"n": deel, "k": ", ".join(Niveau.values)}
                )
            if code not in niveaus:
                niveaus.append(code)
        return niveaus

    def render(self, value, obj=None, **kwargs):
        return ", ".join(value or [])


class StatusWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        waarde = importbestand.tekst(value).lower()
        if not waarde:
            return Bevestiging.OPEN
        if waarde in RELATIE_STATUS:
            return RELATIE_STATUS[waarde]
        raise ValueError(
            _("Onbekende status '%(s)s'. Gebruik 'verklaard' of 'bevestigd'.") % {"s": waarde}
        )


class PartnerVanBuurtWidget(widgets.Widget):
    """A partner of the buurt, by name (case and spaces ignored) or by id; anything else fails."""

    def __init__(self, partners: dict[str, Partner], ids: dict[int, Partner], **kwargs):
        super().__init__(**kwargs)
        self.partners = partners
        self.ids = ids

    @classmethod
    def voor_buurt(cls, buurt: Buurt) -> PartnerVanBuurtWidget:
        """The buurt's partners read once for the whole file (no query per row)."""
        partners = list(buurt.partners.all())
        return cls({_normaal(p.naam): p for p in partners}, {p.pk: p for p in partners})

    def zoek(self, value) -> Partner | None:
        waarde = importbestand.tekst(value)
        if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
            waarde = str(int(value))
        if waarde.isdigit() and int(waarde) in self.ids:
            return self.ids[int(waarde)]
        return self.partners.get(_normaal(waarde))

    def clean(self, value, row=None, **kwargs):
        if not importbestand.tekst(value):
            raise ValueError(_("De partner ontbreekt."))
        partner = self.zoek(value)
        if partner is None:
            raise ValueError(
                _("Geen partner '%(n)s' in deze buurt. Importeer eerst de partner.")
                % {"n": importbestand.tekst(value)}
            )
        return partner


def _wijzig_fragmenten(relaties) -> None:
    """Bulk writes send no signals: the gemeenten of both sides get a new fragment version."""
    fragmentcache.wijzig(
        gemeenten={p.gemeente_id for r in relaties for p in (r.van_partner, r.naar_partner)}
    )


class RelatieResource(resources.ModelResource):
    """Declared ties between partners of one buurt.

    A row for a tie that exists (same van, naar and begindatum, or the running one) updates it, so
    importing the relation export again changes nothing. 'bevestigd' in the file records the tie
    as confirmed through the import (beantwoord_als = import, by the importing regisseur).
    """

    van = fields.Field(attribute="van_partner", column_name="van")
    naar = fields.Field(attribute="naar_partner", column_name="naar")
    intensiteit = fields.Field(
        attribute="intensiteit", column_name="intensiteit", widget=IntensiteitWidget()
    )
    niveaus = fields.Field(attribute="niveaus", column_name="niveaus", widget=NiveausWidget())
    begindatum = fields.Field(attribute="sinds", column_name="begindatum", widget=DatumWidget())
    einddatum = fields.Field(attribute="tot", column_name="einddatum", widget=DatumWidget())
    status = fields.Field(attribute="bevestiging", column_name="status", widget=StatusWidget())
    toelichting = fields.Field(attribute="toelichting", column_name="toelichting")

    KOLOMMEN = RELATIEKOLOMMEN
    VERPLICHT = {"van", "naar"}
    BIJWERKEN = [
        "intensiteit",
        "niveaus",
        "sinds",
        "tot",
        "toelichting",
        "bevestiging",
        "beantwoord_door",
        "beantwoord_op",
        "beantwoord_als",
    ]
    ALIASSEN = RELATIE_ALIASSEN

    class Meta:
        model = Relatie
        fields = tuple(RELATIEKOLOMMEN)
        import_id_fields = ()
        # Every field is checked by its widget and `import_instance` (partners of the buurt only,
        # self-ties, dates): full_clean would only repeat that with three queries per row.
        clean_model_instances = False
        use_bulk = True
        batch_size = 500
        skip_unchanged = False
        use_transactions = True

    def __init__(self, *, buurt: Buurt, door=None, **kwargs):
        super().__init__(**kwargs)
        self.buurt = buurt
        self.door = door if getattr(door, "is_authenticated", False) else None
        widget = PartnerVanBuurtWidget.voor_buurt(buurt)
        self.fields["van"].widget = widget
        self.fields["naar"].widget = widget
        self.partnerwidget = widget
        self._gezien: dict[tuple, int] = {}
        ids = list(widget.ids)
        self._bestaand: dict[tuple[int, int], list[Relatie]] = {}
        for relatie in Relatie.objects.filter(van_partner_id__in=ids, naar_partner_id__in=ids):
            paar = (relatie.van_partner_id, relatie.naar_partner_id)
            self._bestaand.setdefault(paar, []).append(relatie)

    def _sleutel(self, row) -> tuple | None:
        van, naar = (self.partnerwidget.zoek(row.get(k)) for k in ("van", "naar"))
        if van is None or naar is None:
            return None
        try:
            sinds = datum_uit_cel(row.get("begindatum"))
        except ValueError:
            sinds = None
        return van, naar, sinds

    def get_instance(self, instance_loader, row):
        sleutel = self._sleutel(row)
        if sleutel is None or sleutel[0] == sleutel[1]:
            return None
        van, naar, sinds = sleutel
        bestaand = self._bestaand.get((van.pk, naar.pk), [])
        return next((r for r in bestaand if r.sinds == sinds), None) or next(
            (r for r in bestaand if r.tot is None), None
        )

    # Saved in bulk with their history (two queries per batch instead of two per row); a dry run
    # only checks: no row of this import depends on another one being saved.
    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self.create_instances and not dry_run:
            try:
                bulk_create_with_history(
                    self.create_instances,
                    Relatie,
                    batch_size=batch_size,
                    default_user=self.door,
                    default_change_reason=_("Relatie-import"),
                )
                # A bulk create sends no post_save: the new ties' buurt rows (RelatieBuurt).
                relatiebuurten.bijwerken(
                    partner_ids={r.van_partner_id for r in self.create_instances}
                    | {r.naar_partner_id for r in self.create_instances}
                )
                _wijzig_fragmenten(self.create_instances)
            except Exception as exc:  # reported as the import's error, as the library does
                self.handle_import_error(result, exc, raise_errors)
        self.create_instances.clear()

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        if self.update_instances and not dry_run:
            try:
                bulk_update_with_history(
                    self.update_instances,
                    Relatie,
                    self.BIJWERKEN,
                    batch_size=batch_size,
                    default_user=self.door,
                    default_change_reason=_("Relatie-import"),
                )
                # The answer may have changed: RelatieBuurt keeps a copy.
                relatiebuurten.bijwerken(relatie_ids=[r.pk for r in self.update_instances])
                _wijzig_fragmenten(self.update_instances)
            except Exception as exc:
                self.handle_import_error(result, exc, raise_errors)
        self.update_instances.clear()

    def before_import_row(self, row, **kwargs):
        sleutel = self._sleutel(row)
        if sleutel is None:
            return  # the widgets report the unknown partner
        van, naar, sinds = sleutel
        if van == naar:
            raise ValidationError(
                {
                    "naar": _("Een partner kan geen relatie met zichzelf hebben (%(p)s).")
                    % {"p": van}
                }
            )
        paar = (van.pk, naar.pk, sinds)
        if paar in self._gezien:
            raise ValidationError(
                _("Dubbele rij: dezelfde relatie %(van)s → %(naar)s als rij %(rij)s.")
                % {"van": van, "naar": naar, "rij": self._gezien[paar]}
            )
        self._gezien[paar] = kwargs.get("row_number", len(self._gezien)) + 1

    def import_instance(self, instance, row, **kwargs):
        vorige = instance.bevestiging if instance.pk else None
        super().import_instance(instance, row, **kwargs)
        if instance.toelichting is None:
            instance.toelichting = ""
        if instance.sinds and instance.tot and instance.tot < instance.sinds:
            raise ValidationError({"einddatum": _("De einddatum ligt vóór de begindatum.")})
        if not instance.pk:
            instance.verklaard_door = self.door
        if instance.bevestiging != vorige:
            beantwoord = instance.bevestiging != Bevestiging.OPEN
            instance.beantwoord_door = self.door if beantwoord else None
            instance.beantwoord_op = timezone.now() if beantwoord else None
            instance.beantwoord_als = BeantwoordAls.IMPORT if beantwoord else ""


def relatie_exportrij(r: Relatie) -> list:
    """One tie as a row of the import's columns (the relation export; import it again as is)."""
    return [
        r.van_partner.naam,
        r.naar_partner.naam,
        r.intensiteit,
        ", ".join(r.niveaus or []),
        r.sinds.isoformat() if r.sinds else "",
        r.tot.isoformat() if r.tot else "",
        RELATIE_STATUS_UIT.get(r.bevestiging, r.bevestiging),
        r.toelichting,
    ]


RESOURCES = {
    "partners": PartnerResource,
    "contactpersonen": ContactpersoonResource,
    "relaties": RelatieResource,
}


@dataclass
class Rijfout:
    """One row's problem, in words a regisseur understands."""

    rij: int
    meldingen: list[str]


@dataclass
class Importresultaat:
    """Outcome of a dry run or a real import."""

    rijen: int = 0
    nieuw: int = 0
    bijgewerkt: int = 0
    fouten: list[Rijfout] = field(default_factory=list)
    uitgevoerd: bool = False
    voorbeeld: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.fouten


def lees_bestand(inhoud: bytes, formaat: str) -> tablib.Dataset:
    """A CSV or XLSX file (the shared rules of zorgnet.lib.importbestand) into a tablib Dataset
    for django-import-export; column names lowercased, empty rows left out."""
    rijen = importbestand.lees_tabel(inhoud, formaat)
    if not rijen:
        raise ValidationError(_("Het bestand is leeg."))
    if importbestand.is_leeg(rijen[0]):  # found by fuzzing: an empty first row
        raise ValidationError(_("De eerste rij moet de kolomnamen bevatten."))
    dataset = tablib.Dataset(headers=[importbestand.tekst(k).lower() for k in rijen[0]])
    breedte = len(dataset.headers)
    for rij in rijen[1:]:
        if not importbestand.is_leeg(rij):
            cellen = ["" if c is None else c for c in rij]
            dataset.append((cellen + [""] * breedte)[:breedte])
    return dataset


def _fouten(resultaat) -> list[Rijfout]:
    fouten: dict[int, list[str]] = {}
    for fout in resultaat.base_errors:
        fouten.setdefault(0, []).append(str(fout.error))
    for nummer, rijfouten in resultaat.row_errors():
        for fout in rijfouten:
            fouten.setdefault(nummer + 1, []).append(str(fout.error))
    for ongeldig in resultaat.invalid_rows:
        meldingen = fouten.setdefault(ongeldig.number + 1, [])
        for veld, lijst in ongeldig.error_dict.items():
            for melding in lijst:
                meldingen.append(melding if veld == "__all__" else f"{veld}: {melding}")
    return [Rijfout(rij, m) for rij, m in sorted(fouten.items())]


def _kolommen_voor(dataset: tablib.Dataset, resource) -> None:
    """Other tools' column names onto the import's (only resources that define ALIASSEN), and a
    plain edge list without intensity gets the lowest one (said on the import page)."""
    aliassen = getattr(resource, "ALIASSEN", None)
    if not aliassen:
        return
    dataset.headers = [aliassen.get(k, k) for k in dataset.headers]
    if "intensiteit" not in dataset.headers:
        dataset.append_col([RELATIE_STANDAARD_INTENSITEIT] * len(dataset), header="intensiteit")


def aantal_rijen(inhoud: bytes, formaat: str) -> int:
    """The data rows of a file (the header and empty rows not counted)."""
    return len(lees_bestand(inhoud, formaat))


VOORTGANG_ELKE = 100  # rows between two progress reports of a job


def _met_voortgang(resource, voortgang: Callable[[int], None], basis: int) -> None:
    """Report `basis + rows done` every VOORTGANG_ELKE rows while the resource imports."""
    origineel = resource.import_row
    teller = itertools.count(1)

    def import_row(row, instance_loader, **kwargs):
        uitkomst = origineel(row, instance_loader, **kwargs)
        gedaan = next(teller)
        if gedaan % VOORTGANG_ELKE == 0:
            voortgang(basis + gedaan)
        return uitkomst

    resource.import_row = import_row


def importeren(
    *,
    buurt: Buurt,
    soort: str,
    inhoud: bytes,
    formaat: str,
    uitvoeren: bool,
    door=None,
    voortgang: Callable[[int], None] | None = None,
) -> Importresultaat:
    """Dry run (uitvoeren=False) or real import; the real import writes nothing if any row fails.

    Row numbers count the header as row 1, as in a spreadsheet. `voortgang` (a job's) hears the
    rows done so far: the dry run's, then (uitvoeren) the rows count on from the dry run's total.
    """
    dataset = lees_bestand(inhoud, formaat)
    resource_klasse = RESOURCES[soort]
    _kolommen_voor(dataset, resource_klasse)
    verplicht = getattr(resource_klasse, "VERPLICHT", None) or (
        {"naam", "sector"} if soort == "partners" else {"partner", "voornaam"}
    )
    ontbrekend = verplicht - set(dataset.headers or [])
    if ontbrekend:
        raise ValidationError(
            _("Kolommen ontbreken: %(k)s.") % {"k": ", ".join(sorted(ontbrekend))}
        )
    if not len(dataset):
        raise ValidationError(_("Het bestand bevat geen rijen."))
    extra = {"door": door} if soort == "relaties" else {}

    def _draai(dry_run: bool):
        resource = resource_klasse(buurt=buurt, **extra)
        if voortgang is not None:
            _met_voortgang(resource, voortgang, 0 if dry_run else len(dataset))
        return resource.import_data(
            dataset, dry_run=dry_run, raise_errors=False, use_transactions=True
        )

    proef = _draai(True)
    uitkomst = Importresultaat(
        rijen=len(dataset),
        nieuw=proef.totals.get("new", 0),
        bijgewerkt=proef.totals.get("update", 0),
        fouten=_fouten(proef),
        voorbeeld=[dict(zip(dataset.headers, rij, strict=False)) for rij in dataset[:20]],
    )
    if not uitvoeren or not uitkomst.ok:
        return uitkomst
    with transaction.atomic():
        echt = _draai(False)
        if echt.has_errors() or echt.has_validation_errors():
            # Something changed between the dry run and now: roll everything back.
            uitkomst.fouten = _fouten(echt)
            transaction.set_rollback(True)
            return uitkomst
    uitkomst.uitgevoerd = True
    log.info(
        "import %s in buurt %s door %s: %s rijen (%s nieuw, %s bijgewerkt)",
        soort,
        buurt.pk,
        getattr(door, "pk", None),
        uitkomst.rijen,
        uitkomst.nieuw,
        uitkomst.bijgewerkt,
    )
    return uitkomst


# --- the signed content: what a confirm POST and an import job carry -----------------------------
IMPORT_GELDIG_SECONDEN = 3600


def _importsalt(buurt: Buurt, soort: str) -> str:
    # Bound to the buurt and the kind of import: a preview of one cannot be confirmed for another.
    return f"partners.import.{soort}.{buurt.pk}"


def onderteken(inhoud: bytes, formaat: str, *, buurt: Buurt, soort: str) -> str:
    """The file, signed by the server (django.core.signing), for the confirm form and the job."""
    gegevens = {"inhoud": base64.b64encode(inhoud).decode(), "formaat": formaat}
    return signing.dumps(gegevens, salt=_importsalt(buurt, soort), compress=True)


def lees_ondertekend(token: str, *, buurt: Buurt, soort: str) -> tuple[bytes, str]:
    """The content and format of a signed token; a changed or expired one is refused in Dutch."""
    # base64 of the largest file, compressed: never more than its size plus a third
    importbestand.controleer_grootte(len(token) * 3 // 4)
    try:
        gegevens = signing.loads(
            token, salt=_importsalt(buurt, soort), max_age=IMPORT_GELDIG_SECONDEN
        )
        inhoud = base64.b64decode(gegevens["inhoud"], validate=True)
    except (signing.BadSignature, ValueError, KeyError, TypeError) as exc:
        raise ValidationError(
            _("Dit voorbeeld is verlopen of gewijzigd; laad het bestand opnieuw op.")
        ) from exc
    importbestand.controleer_grootte(len(inhoud))
    return inhoud, "xlsx" if gegevens.get("formaat") == "xlsx" else "csv"
