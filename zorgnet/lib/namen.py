"""Person names in free text, found by deduce (the Dutch rule-based de-identification library).

deduce looks names up in large lists (first names, family names, prefixes and interfixes) that it
turns into lookup structures once and keeps as a cache inside its package. Building them takes a
minute or more, so it happens at install time (`make install`, the Docker build:
`python -m zorgnet.lib.namen`), never on a request: `personen()` refuses to start without the
cache. Loading the cache takes a few seconds and happens once per process.

Only deduce's name annotators run; street addresses, dates, ages, phone numbers and the like are found by
the project's own patterns in `zorgnet.lib.privacy` (Belgian formats, birth dates only). Names of
Flemish places and organisations that deduce reads as a person ("van Gent", "Wit-Gele Kruis") are
dropped by `data/geen_personen.txt`.
"""

import functools
import json
import logging
import os
import pickle
import re
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_DATA = Path(__file__).resolve().parent / "data"

# deduce's annotators that zorgnet does not use: places and institutions are allowed in a
# situation description, and the other identifiers have Belgian patterns in privacy.py.
_NIET_GEBRUIKT = {
    "placename",
    "postal_code",
    "postbus",
    "hospital",
    "institution",
    "date_dmy_1",
    "date_dmy_2",
    "date_ymd_1",
    "date_ymd_2",
    "age",
    "bsn",
    "identifier",
    "phone",
    "email",
    "url",
    # Dutch street lists read generic words as streets ("Bijeenkomst 12"); street addresses
    # have a Flemish pattern of their own in privacy.py.
    "street_pattern",
    "street_lookup",
    "housenumber",
}
_NIET_OPGEBOUWD = (
    "De naamlijsten van deduce zijn niet opgebouwd: voer `make install` of "
    "`python -m zorgnet.lib.namen` uit."
)
_TUSSENVOEGSELS = {"van", "de", "der", "den", "het", "ten", "ter", "te", "op", "in", "'t", "d'"}


def _stil_importeren():
    """Import deduce without it turning on DEBUG logging to stdout (it calls basicConfig)."""
    wortel = logging.getLogger()
    if not wortel.handlers:
        wortel.addHandler(logging.NullHandler())
    import deduce.deduce

    return deduce.deduce


def _configuratie() -> dict:
    deduce = _stil_importeren()

    with open(deduce._BASE_CONFIG_FILE, encoding="utf-8") as f:
        config = json.load(f)
    config["annotators"] = {
        naam: info for naam, info in config["annotators"].items() if naam not in _NIET_GEBRUIKT
    }
    return config


def _cachebestand() -> Path:
    return _stil_importeren()._LOOKUP_LIST_PATH / "cache" / "lookup_structs.pickle"


def cache_aanwezig() -> bool:
    """True when deduce's lookup structures were built and are newer than its source lists."""
    cache = _cachebestand()
    if not cache.exists():
        return False
    gebouwd = cache.stat().st_mtime
    bronnen = (_stil_importeren()._LOOKUP_LIST_PATH / "src").glob("**/*")
    return all(os.stat(bron).st_mtime <= gebouwd for bron in bronnen)


# deduce's lists behind the annotators above that zorgnet turns off. Reading and building the
# street list alone took about 50 of the 78 s a full build took here; leaving these lists out
# builds the cache in a few seconds (`make install`, the Docker build).
_ONGEBRUIKTE_LIJSTEN = {
    "locations/lst_street",
    "locations/lst_placename",
    "institutions/lst_healthcare_institution",
    "institutions/lst_hospital",
    "institutions/lst_hospital_abbr",
}
_ONGEBRUIKTE_STRUCTUREN = {"street", "placename", "hospital", "healthcare_institution"}


def opbouwen() -> Path:
    """Build the lookup structures of deduce's name annotators into its cache (install time
    only), as deduce's own `get_lookup_structs` builds them, without the unused lists."""
    import docdeid as dd
    from deduce import lookup_structs as ls

    module = _stil_importeren()
    pad = module._LOOKUP_LIST_PATH
    lijsten = [lijst for lijst in ls.all_lists if lijst not in _ONGEBRUIKTE_LIJSTEN]
    basis = ls.load_raw_itemsets(base_path=pad, subdirs=lijsten)
    tokenizer = module.Deduce._initialize_tokenizer(pad)
    structuren = dd.ds.DsCollection()
    for naam in set(basis) - set(ls._LOOKUP_SET_LOADERS) - set(ls._LOOKUP_TRIE_LOADERS):
        verzameling = dd.ds.LookupSet()
        verzameling.add_items_from_iterable(basis[naam])
        structuren[naam] = verzameling
    for naam, maak in ls._LOOKUP_SET_LOADERS.items():
        structuren[naam] = maak(basis)
    for naam, maak in ls._LOOKUP_TRIE_LOADERS.items():
        if naam not in _ONGEBRUIKTE_STRUCTUREN:
            structuren[naam] = maak(basis, tokenizer)
    ls.cache_lookup_structs(
        lookup_structs=structuren, cache_path=pad, deduce_version=module.__version__
    )
    return _cachebestand()


@functools.cache
def _deduce():
    """deduce with its lookup structures read from the cache built at install time.

    deduce itself would rebuild them (minutes) when it thinks the cache is stale, and it compares
    file times in local time, which Django's TIME_ZONE shifts; so the cache is read here and a
    missing or foreign one is an installation error, never a rebuild on a request.
    """
    module = _stil_importeren()
    if not cache_aanwezig():
        raise ImproperlyConfigured(_NIET_OPGEBOUWD)
    with open(_cachebestand(), "rb") as f:
        cache = pickle.load(f)  # noqa: S301 - written by opbouwen() at install time
    if cache.get("deduce_version") != module.__version__:
        raise ImproperlyConfigured(_NIET_OPGEBOUWD)
    return _Deduce(module, cache["lookup_structs"])


def _Deduce(module, lookup_structs):
    """A Deduce object made as Deduce.__init__ makes it (deduce 3.0), with these structures."""
    deduce = module.Deduce.__new__(module.Deduce)
    super(module.Deduce, deduce).__init__()
    deduce.config = deduce._initialize_config(load_base_config=False, user_config=_configuratie())
    deduce.lookup_data_path = module._LOOKUP_LIST_PATH
    deduce.cache_path = module._LOOKUP_LIST_PATH
    deduce.tokenizers = {"default": deduce._initialize_tokenizer(deduce.lookup_data_path)}
    deduce.lookup_structs = lookup_structs
    extras = {"tokenizer": deduce.tokenizers["default"], "ds": lookup_structs}
    deduce.processors = module._DeduceProcessorLoader().load(config=deduce.config, extras=extras)
    return deduce


def opwarmen() -> None:
    """Load the lookup structures now (web and worker start-up) rather than on a first check."""
    _deduce()
    _voornamen()


@functools.cache
def _geen_personen() -> frozenset[str]:
    regels = (_DATA / "geen_personen.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(r.strip().casefold() for r in regels if r.strip() and not r.startswith("#"))


def _is_geen_persoon(tekst: str) -> bool:
    """A place or organisation name read as a person: every word is an interfix or listed."""
    geen = _geen_personen()
    if tekst.casefold() in geen:
        return True
    woorden = [w for w in tekst.replace("-", " ").split() if w.casefold() not in _TUSSENVOEGSELS]
    return bool(woorden) and all(w.casefold().strip(".,") in geen for w in woorden)


@functools.cache
def _voornamen() -> frozenset[str]:
    """deduce's list of first names (casefolded)."""
    lijst = _stil_importeren()._LOOKUP_LIST_PATH / "src" / "names" / "lst_first_name" / "items.txt"
    return frozenset(r.strip().casefold() for r in lijst.read_text(encoding="utf-8").splitlines())


_ZINSBEGIN = re.compile(r"(?:^|[.!?:;\n]\s*|^\W*)$")


def _is_woord_aan_zinsbegin(tekst: str, start: int, woord: str) -> bool:
    """One capitalised word at the start of a sentence that is no first name ("Schimmel in de
    woningen", "Stil hier."): a surname list also holds ordinary words, so it is not read as a
    name there. "Sarah zegt ..." stays a name; so does "Peeters" inside a sentence."""
    if " " in woord or woord.casefold() in _voornamen():
        return False
    return bool(_ZINSBEGIN.search(tekst[:start]))


def personen(tekst: str) -> list[tuple[int, int]]:
    """(start, end) of every person name deduce finds in the text."""
    if not tekst:
        return []
    document = _deduce().deidentify(tekst)
    gevonden = []
    for annotatie in document.annotations:
        if not (annotatie.tag.startswith("persoon") or annotatie.tag == "patient"):
            continue
        if _is_geen_persoon(annotatie.text):
            continue
        if _is_woord_aan_zinsbegin(tekst, annotatie.start_char, annotatie.text.strip()):
            continue
        gevonden.append((annotatie.start_char, annotatie.end_char))
    return gevonden


if __name__ == "__main__":  # python -m zorgnet.lib.namen: build the cache (make install, Docker)
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    if cache_aanwezig() and "--opnieuw" not in sys.argv:
        print(f"deduce: opzoekstructuren al opgebouwd ({_cachebestand()})")
    else:
        print(f"deduce: opzoekstructuren opgebouwd in {opbouwen()}")
