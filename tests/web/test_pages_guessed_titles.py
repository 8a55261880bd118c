"""Pages QA (2026-11-29): a job title that only resembles what the person wrote read on the
tracks page, the explanation page and the summary as if they had named it; the QR code did
not fit a phone's screen; the interest sentence spoke of a number the card does not show."""

from __future__ import annotations

import re

from tests.web.conftest import SyncClient

GRANDPA = "j'accompagne mon grand pere a ses rdv chez le medecin"


def _card(page: str, code: str) -> str:
    start = page.index(f'id="job-{code}"')
    end = page.find('<li class="card"', start + 1)
    return page[start:end if end > 0 else None]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'")


def test_a_title_the_tool_guessed_says_so_on_every_page(client: SyncClient,
                                                       need_recommend: None) -> None:
    client.post("/parcours/competences/experience", data={"text": GRANDPA})
    page = client.get("/parcours/pistes", params={"plus": "2"}).text
    cards = re.findall(r'<li class="card" id="job-([A-N]\d{4})"', page)
    guessed = [c for c in cards if "ressemble peut-être au métier" in _text(_card(page, c))]
    assert guessed, "no card with a guessed title: the test tests nothing"
    for code in cards:  # the certain wording is never used for this text: no job is named
        assert "ressemble au métier" not in _text(_card(page, code)), code
    explained = _text(client.get(f"/comment/metier/{guessed[0]}").text)
    assert "(deviné par l'outil, pas encore vérifié)" in explained
    summary = _text(client.get("/accompagnant/synthese").text)
    assert "(deviné par l'outil)" in summary


def test_the_qr_code_fits_the_screen(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    svg = client.get("/profil/qr.svg").text
    assert re.match(r'<svg[^>]* viewBox="0 0 \d+ \d+" width="100%" height="100%"', svg), svg[:120]


def test_phone_numbers_read_the_french_way() -> None:
    from tremplin.catalog.places import readable_phone

    # pages QA: "+33141681970" next to "01 55 83 …"
    assert readable_phone("+33141681970") == "01 41 68 19 70"
    assert readable_phone("+33 (0)1 41 68 19 70") == "01 41 68 19 70"
    assert readable_phone("01.55.83.12.34") == "01 55 83 12 34"
    assert readable_phone("3949") == "3949"  # a short number stays as given
