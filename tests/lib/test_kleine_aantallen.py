import pytest
from django.template import Context, Template
from openpyxl import load_workbook

from zorgnet.lib.exports import xlsx_bytes
from zorgnet.lib.kleine_aantallen import klein_aantal
from zorgnet.overzicht.templatetags import zorgnet as tags


@pytest.fixture(autouse=True)
def _drempel(settings):
    settings.ZORGNET_KLEINE_AANTALLEN_DREMPEL = 5


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [(0, 0), (1, "< 5"), (4, "< 5"), (5, 5), (120, 120), ("3", "< 5"), (None, None), ("x", "x")],
)
def test_een_regel(waarde, verwacht):
    assert klein_aantal(waarde) == verwacht


def test_filter_is_dezelfde_functie():
    assert tags.register.filters["klein_aantal"] is klein_aantal


def test_sjabloon_toont_hetzelfde():
    sjabloon = Template("{% load zorgnet %}{{ a|klein_aantal }}|{{ b|klein_aantal }}")
    assert sjabloon.render(Context({"a": 3, "b": 1234})) == "&lt; 5|1234"


def test_xlsx_krijgt_getallen_vanaf_de_drempel(tmp_path):
    inhoud = xlsx_bytes({"blad": (["n"], [[klein_aantal(2)], [klein_aantal(7)]])})
    pad = tmp_path / "a.xlsx"
    pad.write_bytes(inhoud)
    blad = load_workbook(pad).active
    assert blad["A2"].value == "< 5"
    assert blad["A3"].value == 7
    assert isinstance(blad["A3"].value, int)
