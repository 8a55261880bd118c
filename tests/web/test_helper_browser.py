"""Helper mode in a real headless Chromium (the fixtures of test_browser.py): a helper
session from the start page to the printable summary, the explanation of a misspelled
search, and axe-core (0 serious or critical) on every new page type."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .browser_support import ARTIFACTS, Visit, assert_no_serious, audit

pytestmark = pytest.mark.browser

NEW_PAGE_TYPES = {
    "explain": "/comment?q=plombié",
    "explain-demo": "/comment/demo?a=médecin&b=docteur",
    "explain-job": "/comment/metier/D1102",
    "results": "/a-propos/resultats",
    "helper": "/accompagnant",
    "summary": "/accompagnant/synthese",
    "import": "/profil/import",
    "qr": "/profil/qr",
}


def start_helper_session(visit: Visit) -> None:
    visit.goto("/accompagnant")
    visit.page.click("text=Commencer un nouveau parcours")
    visit.page.wait_for_url(re.compile(r"/parcours/avatar"))


def add_note(visit: Visit, text: str) -> None:
    visit.goto("/accompagnant")
    visit.page.fill("#note", text)
    visit.page.click("text=Ajouter la note")
    visit.page.wait_for_url(re.compile(r"/accompagnant"))


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", list(NEW_PAGE_TYPES))
def test_new_page_type_is_accessible(browser: Any, live_server: str, axe_source: str,
                                     name: str, width: int) -> None:
    with Visit(browser, live_server, width) as visit:
        visit.goto(NEW_PAGE_TYPES[name])
        ARTIFACTS.mkdir(exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        assert_no_serious(audit(visit.page, axe_source))
        assert visit.foreign() == []
        overflow = visit.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"horizontal scroll at {width}px"


def test_helper_session_to_the_summary(browser: Any, live_server: str, axe_source: str,
                                       need_recommend: None) -> None:
    with Visit(browser, live_server, 1280) as visit:
        page = visit.page
        start_helper_session(visit)
        assert page.locator(".helper-bar").count() == 1
        visit.goto("/parcours/competences?cq=accueillir des clients")
        page.locator("input[name=ogr]").first.check()
        page.locator("form[action='/parcours/competences/garder'] button[type=submit]").first.click()
        page.wait_for_url(re.compile(r"/parcours/competences"))
        add_note(visit, "Très motivée <b>pour</b> l'accueil")
        assert "Très motivée <b>pour</b> l'accueil" in page.locator(".notes").inner_text()
        page.click("text=Synthèse >> nth=0")
        page.wait_for_url(re.compile(r"/accompagnant/synthese"))
        body = page.locator("main").inner_text()
        assert "Très motivée <b>pour</b> l'accueil" in body
        assert_no_serious(audit(page, axe_source))
        page.emulate_media(media="print")
        assert page.locator("header.top").is_hidden()
        page.screenshot(path=str(ARTIFACTS / "summary-print.png"), full_page=True)
        assert visit.foreign() == []


def test_explanation_of_a_misspelled_search(browser: Any, live_server: str,
                                            need_search: None) -> None:
    with Visit(browser, live_server, 360) as visit:
        page = visit.page
        visit.goto("/recherche?q=plombié")
        page.locator("ol.cards li").first.locator("a[href^='/comment']").click()
        page.wait_for_url(re.compile(r"/comment\?q="))
        table = page.locator("table").first.inner_text()
        assert "Plombier" in table
        assert "plombie" in page.locator("dl.facts").inner_text()
        page.fill("#demo-a", "boulanger")
        page.fill("#demo-b", "pâtissier")
        page.click("#demo button[type=submit]")
        page.wait_for_url(re.compile(r"/comment/demo"))
        assert "Similarité" in page.locator("#demo").inner_text()


def test_scanned_qr_link_fills_the_import_form(browser: Any, live_server: str) -> None:
    from tremplin.guide.journey import Journey
    from tremplin.guide.portable import qr_payload

    journey = Journey(competences=(104174,), postcode="93200",
                      notes=("Rappeler la mission locale",))
    link = qr_payload(journey, base_url=live_server + "/profil/import")
    with Visit(browser, live_server, 360) as visit:
        page = visit.page
        page.goto(link, wait_until="load")
        assert page.input_value("#qr") == link
        assert page.locator("#qr-link-status").is_visible()
        page.click("form[data-qr-link] button[type=submit]")
        page.wait_for_url(re.compile(r"/profil/import\?ok=import"))
        assert "Profil repris" in page.locator("main").inner_text()
        visit.goto("/parcours/pistes")
        assert page.input_value("#cp") == "93200"  # the profile came along...
        visit.goto("/accompagnant")
        # ...without the helper's notes: they stay with the helper (second QA pass)
        assert "Rappeler la mission locale" not in page.locator("main").inner_text()


def test_summary_pdf_and_profile_file_travel_to_another_browser(
    browser: Any, live_server: str, tmp_path: Any, need_recommend: None,
) -> None:
    import io

    from pypdf import PdfReader

    with Visit(browser, live_server, 1280) as first:
        page = first.page
        start_helper_session(first)
        page.click("text=C'est parti")  # the avatar: a step done, that travels with the file
        page.wait_for_url(re.compile(r"/parcours/gouts"))
        add_note(first, "Appeler la mission locale <i>mardi</i>")
        # the PDF of this browser's session, fetched with its own cookies
        pdf = page.request.get(live_server + "/accompagnant/synthese.pdf")
        assert pdf.ok and pdf.headers["content-type"].startswith("application/pdf")
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages).split())
        assert "Appeler la mission locale <i>mardi</i>" in text
        with page.expect_download() as info:
            page.click("a[href='/profil/export']")
        saved = tmp_path / "tremplin-profil.json"
        info.value.save_as(saved)
    with Visit(browser, live_server, 360) as second:  # another device: a fresh browser, no cookie
        page = second.page
        second.goto("/profil/import")
        page.set_input_files("#file", str(saved))
        page.click("form[data-qr-link] button[type=submit]")
        page.wait_for_url(re.compile(r"/profil/import\?ok=import"))
        second.goto("/parcours/gouts")
        assert "Étapes finies : 1 sur 4" in page.locator("main").inner_text()
        second.goto("/accompagnant")
        # the profile travels without the helper's notes (second QA pass): on the summary only
        assert "Appeler la mission locale" not in page.locator("main").inner_text()
        assert page.locator(".notes").count() == 0
