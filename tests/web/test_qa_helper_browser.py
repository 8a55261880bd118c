"""Helper mode after a QA pass, in a real headless Chromium (fr-FR): the summary of a typical
session prints on one A4 page from the browser and from the server; a longer one says that it
goes on; after a refused note, file or QR code the focus is on the field at fault (not on the
page's body) and the title starts with "Erreur : "; a file over the body limit gets a French
page; "Terminer et tout effacer" ends helper mode."""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from tremplin.guide.journey import Journey
from tremplin.recommend import riasec_questions
from tremplin.web import state
from tremplin.web.services import Services

from .browser_support import Visit, assert_no_serious, audit
from .test_summary_one_page import EXPERIENCES, summary_of, typical_journey

pytestmark = pytest.mark.browser

NOTES = ["Motivé et ponctuel. Rappeler la mission locale mardi.",
         "Voir le CV ensemble la semaine prochaine.",
         "Intéressé par l'apprentissage ; regarder les aides au transport."]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def qa_journey(services: Services, notes: int = 2) -> Journey:
    """The QA's session: 3 experiences, 20 competences kept, postcode 93200, 2 short notes
    (or `notes` of them, up to 3)."""
    known = services.catalog.get_competence
    experiences = [{"text": text, "competences": [
        c["ogr"] for c in services.suggest_competences(text, 8) if known(c["ogr"])][:3]}
        for text in EXPERIENCES[:3]]
    kept = [c for e in experiences for c in e["competences"]]
    for c in services.suggest_competences("accueillir des clients et ranger le magasin", 40):
        if len(kept) < 20 and c["ogr"] not in kept and known(c["ogr"]):
            kept.append(c["ogr"])
    answers = {q.id.upper(): i * 7 % 3 for i, q in enumerate(riasec_questions("fr"))}
    journey = Journey.from_dict({
        "version": 1, "lang": "fr", "riasec": answers, "experiences": experiences,
        "competences": kept, "postcode": "93200", "notes": NOTES[:notes],
        "avatar": {"hair": "curly", "top": "apron", "colour": "green"},
    })
    assert len(journey.all_competences()) == 20 and len(journey.experiences) == 3
    return journey


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(unicodedata.normalize("NFKC", p.extract_text()).split())
            for p in PdfReader(io.BytesIO(pdf)).pages]


def printed(visit: Visit, live_server: str, journey: Journey, lang: str) -> list[str]:
    visit.context.add_cookies([{"name": state.COOKIE, "value": state.encode(journey),
                                "url": live_server}])
    visit.goto(f"/accompagnant/synthese?lang={lang}")
    visit.page.emulate_media(media="print")
    return _pages(visit.page.pdf(format="A4"))


def server_pdf(live_server: str, journey: Journey, lang: str) -> list[str]:
    r = httpx.get(f"{live_server}/accompagnant/synthese.pdf", params={"lang": lang},
                  cookies={state.COOKIE: state.encode(journey)})
    assert r.status_code == 200
    return _pages(r.content)


# --- 1. one page -----------------------------------------------------------------------------

def session(services: Services, name: str) -> Journey:
    """"qa2": the QA's session; "qa0", "qa3": with no note, with 3; "typical": the one-page
    test's (4 experiences, 3 longer notes, postcode 75011)."""
    if name == "typical":
        return typical_journey(services)
    return qa_journey(services, int(name[2:]))


@pytest.mark.parametrize(("lang", "name"), [("fr", "qa2"), ("en", "qa2"), ("fr", "qa0"),
                                            ("fr", "qa3"), ("fr", "typical"), ("en", "typical")])
def test_typical_session_summary_is_one_page_printed_and_as_pdf(
        browser: Any, live_server: str, web_services: Services,
        need_recommend: None, lang: str, name: str) -> None:
    journey = session(web_services, name)
    s = summary_of(web_services, journey, lang)
    assert len(s.suggestions) == 5 and len(s.places) == 4
    assert name == "typical" or len(s.competences) == 20
    with Visit(browser, live_server, 1280) as visit:
        pages = printed(visit, live_server, journey, lang)
    assert len(pages) == 1, f"printed on {len(pages)} pages: {pages[-1][:200]}"
    text = pages[0]
    versions = "Versions des données" if lang == "fr" else "Data versions"
    assert versions in text and "ROME 4.0" in text  # on the page, not alone on a second one
    for note in journey.notes:
        assert note in text
    if not journey.notes:
        assert "Pas encore de note" not in text and "Notes de l'accompagnant" not in text
    for x in s.suggestions:
        assert x.title in text
    pdf = server_pdf(live_server, journey, lang)
    assert len(pdf) == 1, f"PDF on {len(pdf)} pages: {pdf[-1][:200]}"
    assert "Suite page" not in pdf[0] and "Continued on page" not in pdf[0]


def test_a_longer_summary_says_that_it_goes_on(browser: Any, live_server: str,
                                               web_services: Services,
                                               need_recommend: None) -> None:
    journey = qa_journey(web_services)
    long = Journey.from_dict({**journey.to_dict(), "notes": [
        f"Note {i} : " + "Rappeler la mission locale pour le rendez-vous de la semaine. " * 12
        for i in range(6)]})
    with Visit(browser, live_server, 1280) as visit:
        pages = printed(visit, live_server, long, "fr")
    n = len(pages)
    assert n >= 2
    for i, text in enumerate(pages, start=1):
        assert f"Page {i}/{n}" in text, text[-200:]
    pdf = server_pdf(live_server, long, "fr")
    assert len(pdf) >= 2 and f"Suite page 2 — Page 1/{len(pdf)}" in pdf[0]


# --- 2, 5. errors: the field at fault has the focus ------------------------------------------

def _focused(visit: Visit) -> dict[str, Any]:
    return dict(visit.page.evaluate(
        """() => { const e = document.activeElement;
                   return {tag: e.tagName, id: e.id,
                           invalid: e.getAttribute('aria-invalid'),
                           described: e.getAttribute('aria-describedby')}; }"""))


def test_a_too_long_note_is_refused_and_focused(browser: Any, live_server: str,
                                                axe_source: str) -> None:
    with Visit(browser, live_server, 1280) as visit:
        visit.goto("/accompagnant")
        text = ("Très motivée, rappeler la mission locale. " * 50)[:2100]
        visit.page.fill("#note", text)  # pasted: no silent cut at 2,000
        visit.page.click("form[action='/accompagnant/notes'] button[type=submit]")
        visit.page.wait_for_load_state()
        assert visit.page.title().startswith("Erreur : ")
        alert = visit.page.locator("#note-error").inner_text()
        assert "elle fait 2\u00a0099 caractères, 2\u00a0000 au plus" in alert
        assert visit.page.input_value("#note") == text
        focused = _focused(visit)
        assert focused == {"tag": "TEXTAREA", "id": "note", "invalid": "true",
                           "described": "note-error note-limit"}
        assert_no_serious(audit(visit.page, axe_source))


def test_a_refused_file_is_focused_and_marked(browser: Any, live_server: str,
                                              axe_source: str) -> None:
    with Visit(browser, live_server, 1280) as visit:
        visit.goto("/profil/import")
        visit.page.set_input_files("#file", files=[{"name": "photo.png", "mimeType": "image/png",
                                                    "buffer": PNG}])
        visit.page.click("form[action='/profil/import'] button[type=submit]")
        visit.page.wait_for_load_state()
        assert visit.page.title().startswith("Erreur : Reprendre un profil")
        alert = visit.page.locator("#import-error").inner_text()
        assert alert.startswith("Ce fichier n'est pas un profil Tremplin. Choisis le fichier "
                                "tremplin-profil.json que Tremplin t'a donné.")
        assert "Détail pour l'accompagnant" in alert
        assert _focused(visit) == {"tag": "INPUT", "id": "file", "invalid": "true",
                                   "described": "import-error"}
        assert_no_serious(audit(visit.page, axe_source))


def test_a_damaged_qr_code_is_focused_and_marked(browser: Any, live_server: str) -> None:
    with Visit(browser, live_server, 1280) as visit:
        visit.goto("/profil/import")
        visit.page.fill("#qr", "TJ1Z:***")
        visit.page.click("form[action='/profil/import'] button[type=submit]")
        visit.page.wait_for_load_state()
        assert visit.page.title().startswith("Erreur : ")
        assert visit.page.locator("#import-error").inner_text().startswith(
            "Le QR code est abîmé ou incomplet.")
        assert _focused(visit) == {"tag": "TEXTAREA", "id": "qr", "invalid": "true",
                                   "described": "import-error"}


@pytest.mark.parametrize("size", [300 * 1024, 5 * 1024 * 1024])
def test_a_big_file_gets_a_french_page(browser: Any, live_server: str, size: int) -> None:
    with Visit(browser, live_server, 1280) as visit:
        visit.goto("/profil/import")
        visit.page.set_input_files("#file", files=[{
            "name": "tremplin-profil.json", "mimeType": "application/json",
            "buffer": b"{" + b" " * size + b"}"}])
        visit.page.click("form[action='/profil/import'] button[type=submit]")
        visit.page.wait_for_load_state()
        assert visit.page.title() == "Erreur : Reprendre un profil · Tremplin"
        body = visit.page.locator("main").inner_text()
        assert "Le fichier fait plus de 64 Ko : ce n'est pas un profil Tremplin." in body
        assert "Request too large" not in visit.page.content()
        assert _focused(visit)["id"] == "file"
        assert visit.page.locator("a[href='/accompagnant']").count() >= 1


# --- 3. ending the session -------------------------------------------------------------------

def test_ending_and_erasing_ends_helper_mode(browser: Any, live_server: str) -> None:
    with Visit(browser, live_server, 1280) as visit:
        page = visit.page
        visit.goto("/accompagnant")
        page.click("text=Commencer un nouveau parcours")
        page.wait_for_url(re.compile(r"/parcours/avatar"))
        visit.goto("/accompagnant")
        assert "Le mode accompagnant est actif" in page.locator("main").inner_text()
        page.click("text=Terminer et tout effacer de ce navigateur")
        page.wait_for_url(re.compile(r"/effacer"))
        ask = page.locator("main").inner_text()
        assert "notes" in ask and "code postal" in ask
        page.click("text=Oui, tout effacer")
        page.wait_for_url(re.compile(r"/\?ok=start"))
        assert "tremplin_helper" not in {c["name"] for c in visit.context.cookies()}
        assert page.locator(".helper-bar").count() == 0
        visit.goto("/accompagnant")
        assert "Le mode accompagnant est actif" not in page.locator("main").inner_text()
