"""Import of partners and contactpersonen (CSV, XLSX) with django-import-export.

Every import runs as a dry run first; the real import only happens when no row has an error, and
runs in one transaction, so a file with one bad row writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import tablib
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from buurten.models import Buurt
from zorgnet.lib import importbestand
from zorgnet.lib.choices import Schaal, Sector

from .models import Contactpersoon, Partner, PartnerSoort, PartnerStatus
from .services import _normaal

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


class PartnerInBuurtWidget(widgets.ForeignKeyWidget):
    """Looks up the partner by name among the buurt's partners."""

    def __init__(self, buurt: Buurt):
        super().__init__(Partner, "naam")
        self.buurt = buurt

    def clean(self, value, row=None, **kwargs):
        naam = str(value or "").strip()
        if not naam:
            raise ValueError(_("De partner ontbreekt."))
        partner = self.buurt.partners.filter(naam__iexact=naam).first()
        if partner is None:
            raise ValueError(
                _("Geen partner '%(n)s' in deze buurt. Importeer eerst de partner.") % {"n": naam}
            )
        return partner


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
        self.fields["partner"].widget = PartnerInBuurtWidget(buurt)

    def get_instance(self, instance_loader, row):
        return None

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        for veld in ("achternaam", "functie", "wat_ik_doe", "email", "telefoon"):
            if getattr(instance, veld) is None:
                setattr(instance, veld, "")
        if not instance.voornaam:
            raise ValidationError({"voornaam": _("De voornaam ontbreekt.")})


RESOURCES = {"partners": PartnerResource, "contactpersonen": ContactpersoonResource}


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


def importeren(
    *, buurt: Buurt, soort: str, inhoud: bytes, formaat: str, uitvoeren: bool
) -> Importresultaat:
    """Dry run (uitvoeren=False) or real import; the real import writes nothing if any row fails.

    Row numbers count the header as row 1, as in a spreadsheet.
    """
    dataset = lees_bestand(inhoud, formaat)
    verplicht = {"naam", "sector"} if soort == "partners" else {"partner", "voornaam"}
    ontbrekend = verplicht - set(dataset.headers or [])
    if ontbrekend:
        raise ValidationError(
            _("Kolommen ontbreken: %(k)s.") % {"k": ", ".join(sorted(ontbrekend))}
        )
    if not len(dataset):
        raise ValidationError(_("Het bestand bevat geen rijen."))

    def _draai(dry_run: bool):
        resource = RESOURCES[soort](buurt=buurt)
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
    return uitkomst
