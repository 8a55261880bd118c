"""The second helper-mode QA pass in a real headless Chromium (fr-FR): on a shared computer
the journey lives for the browser session only and leaving helper mode clears it; the QR code
page is usable on a 360 px phone (modules of 3.5 px at least, no horizontal scroll, a way
back) and accessible; a wrong postcode on a job page gets the page's own message, not the
browser's pop-up."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tremplin.web import state

from .browser_support import Visit, assert_no_serious, audit
from .test_qa_helper_second_pass import NOTE, SKILLS_AND_TASTES

pytestmark = pytest.mark.browser


def cookies(visit: Visit) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in visit.context.cookies()}


def test_a_shared_computer_keeps_nothing_after_helper_mode(browser: Any, live_server: str,
                                                           axe_source: str) -> None:
    with Visit(browser, live_server, 1280) as visit:
        page = visit.page
        visit.goto("/accompagnant")
        page.click("text=Commencer un nouveau parcours")
        page.wait_for_url(re.compile(r"/parcours/avatar"))
        page.click("text=C'est parti")
        page.wait_for_url(re.compile(r"/parcours/gouts"))
        visit.goto("/accompagnant")
        page.fill("#note", NOTE)
        page.click("text=Ajouter la note")
        page.wait_for_url(re.compile(r"ok=note"))
        jar = cookies(visit)
        # the journey and its notes: a session cookie (-1), gone when the browser closes
        assert jar[state.COOKIE]["expires"] == -1, jar[state.COOKIE]
        assert jar[state.HELPER_COOKIE]["expires"] == -1
        assert_no_serious(audit(page, axe_source))  # the page with its way out
        page.click("text=Quitter et effacer le parcours et les notes")
        page.wait_for_url(re.compile(r"ok=ended"))
        status = page.locator("p.moved[role=status]")
        assert "effacés de ce navigateur" in status.inner_text()
        assert state.COOKIE not in cookies(visit) and state.HELPER_COOKIE not in cookies(visit)
        assert NOTE not in page.inner_text("main")
        # the next person
        visit.goto("/")
        assert "Reprendre mon parcours" not in page.inner_text("main")


def test_outside_helper_mode_the_journey_is_kept_for_later(browser: Any,
                                                           live_server: str) -> None:
    with Visit(browser, live_server, 1280) as visit:
        visit.goto("/parcours/avatar")
        visit.page.click("text=C'est parti")
        visit.page.wait_for_url(re.compile(r"/parcours/gouts"))
        assert cookies(visit)[state.COOKIE]["expires"] > 0  # "reprendre plus tard": 90 days


@pytest.mark.parametrize("width", [360, 1280])
def test_the_qr_code_page_on_a_phone_and_a_computer(browser: Any, live_server: str,
                                                     axe_source: str, width: int) -> None:
    with Visit(browser, live_server, width) as visit:
        visit.context.add_cookies([{"name": state.COOKIE, "url": live_server,
                                    "value": state.encode(SKILLS_AND_TASTES)}])
        visit.goto("/profil/qr")
        page = visit.page
        assert page.locator("h1").inner_text() == "Le QR code de ton profil"
        assert page.get_by_role("link", name="Retour au mode accompagnant").is_visible()
        # the site is served on 127.0.0.1: a phone cannot open it, and the page says so
        assert "Un téléphone ne peut pas l'ouvrir" in page.inner_text("main")
        size = page.evaluate("""() => {
            const svg = document.querySelector('.qr-code svg');
            const box = svg.getBoundingClientRect();
            const modules = svg.viewBox.baseVal.width / 4;  // drawn at scale 4
            return {module: box.width / modules, width: box.width,
                    viewport: document.documentElement.clientWidth};
        }""")
        # QA: a bare SVG, a module about 3 px wide on a 360 px phone
        assert size["module"] >= 3.5, size
        if width == 360:
            assert size["width"] >= 0.95 * size["viewport"], size
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1
        assert_no_serious(audit(page, axe_source))
        assert visit.foreign() == []


def test_a_wrong_postcode_on_a_job_page_gets_the_pages_own_message(browser: Any,
                                                                   live_server: str) -> None:
    with Visit(browser, live_server, 360) as visit:
        visit.goto("/metiers/F1603")
        page = visit.page
        page.fill("#cp", "7500")
        page.press("#cp", "Enter")
        # no pop-up of the browser (in its own language): the page answers, in French
        error = page.locator("#cp-error")
        error.wait_for(state="visible", timeout=5000)
        assert "Le code postal doit avoir 5 chiffres." in error.inner_text()
        assert "cp=7500" in page.url
        assert page.title().startswith("Erreur : ")
