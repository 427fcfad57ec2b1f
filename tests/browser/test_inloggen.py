"""First journey: log in as buurtregisseur, see your buurt, get a 404 on another gemeente's buurt."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_regisseur_logs_in_sees_buurt_and_not_a_foreign_one(pagina, wereld):
    pagina.goto(pagina.basis + "/")
    assert "/aanmelden/" in pagina.url
    pagina.fill("#id_username", "regisseur_a")
    pagina.fill("#id_password", "fout-wachtwoord")
    pagina.click("button[type=submit]")
    assert "niet juist" in pagina.inner_text("[role=alert]")

    pagina.aanmelden(wereld.regisseur_a)
    assert pagina.inner_text("h1") == "Mijn buurten"
    pagina.click("text=Buurtegem")
    assert pagina.inner_text("h1") == "Buurtegem"
    assert pagina.is_visible("#sectie-partners")

    response = pagina.goto(f"{pagina.basis}/buurten/{wereld.buurt_b.id}/")
    assert response.status == 404
    assert "Niet gevonden" in pagina.inner_text("h1")
    assert "De Leefhoek" not in pagina.content()
