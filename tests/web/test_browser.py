"""Real headless Chromium (Debian's package) driven by Playwright against the real app served
by uvicorn on loopback: every page type audited with axe-core, at 360 px and 1280 px, with
screenshots in test-artifacts/; the journey, a misspelled search, the language switch and
keyboard-only use."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .browser_support import ARTIFACTS, WIDTHS, Visit, assert_no_serious, audit, transferred

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "/",
    "search": "/recherche?q=boulangé",
    "job": "/metiers/D1102?cp=75011",
    "about": "/a-propos",
    "journey": "/parcours",
    "avatar": "/parcours/avatar",
    "interests": "/parcours/gouts",
    "centres": "/parcours/gouts?page=3",
    "competences": "/parcours/competences?cq=cuisine",
    "tracks": "/parcours/pistes",
    "docs": "/docs",
    "error": "/metiers/Z9999",
    "explain": "/comment?q=plombi%C3%A9",
    "helper": "/accompagnant",
    "summary": "/accompagnant/synthese",
    "results": "/a-propos/resultats",
    "import": "/profil/import",
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_page_type_is_accessible_light_and_local(browser: Any, live_server: str, axe_source: str,
                                                 name: str, width: int) -> None:
    with Visit(browser, live_server, width) as visit:
        visit.goto(PAGE_TYPES[name])
        ARTIFACTS.mkdir(exist_ok=True)
        visit.page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        assert_no_serious(audit(visit.page, axe_source))
        assert visit.foreign() == []
        assert transferred(visit.page) <= 100_000
        overflow = visit.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"horizontal scroll at {width}px"


@pytest.mark.parametrize(("name", "width"), [
    *((name, 1280) for name in ("home", "job", "avatar", "competences")),
    # a phone with large text (pages QA: the avatar's bubble and the choices ran off screen;
    # then a long word in a heading, "Boulangère" 13 px past the job page's edge, the centres'
    # choices, the search cards)
    *((name, 360) for name in ("avatar", "competences", "interests", "tracks", "job", "search",
                               "centres", "error", "helper", "summary"))])
def test_text_resizes_to_200_percent(browser: Any, live_server: str, name: str,
                                     width: int) -> None:
    with Visit(browser, live_server, width) as visit:
        visit.goto(PAGE_TYPES[name])
        visit.page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        size = visit.page.evaluate("() => getComputedStyle(document.body).fontSize")
        assert float(size.rstrip("px")) >= 32
        overflow = visit.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1
        visit.page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-text200.png"))


def test_language_switch(browser: Any, live_server: str) -> None:
    with Visit(browser, live_server, 360) as visit:
        visit.goto("/a-propos")
        assert visit.page.get_attribute("html", "lang") == "fr"
        visit.page.click("a[hreflang=en]")
        visit.page.wait_for_load_state()
        assert visit.page.get_attribute("html", "lang") == "en"
        assert visit.page.get_attribute("html", "dir") == "ltr"
        assert visit.page.inner_text("h1") == "About Tremplin"
        visit.goto("/")  # the choice is remembered
        assert visit.page.get_attribute("html", "lang") == "en"
        visit.page.click("a[hreflang=fr]")
        visit.page.wait_for_load_state()
        assert visit.page.inner_text("h1") == "Trouve des métiers qui te vont"


def _focused(page: Any) -> dict[str, Any]:
    return dict(page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
                  return {tag: e.tagName, text: (e.innerText || e.value || '').trim(),
                          href: e.getAttribute('href'), outline: s.outlineStyle,
                          width: parseFloat(s.outlineWidth)}; }"""))


def _tab_to(page: Any, pred: Any, limit: int = 80) -> dict[str, Any]:
    for _ in range(limit):
        page.keyboard.press("Tab")
        f = _focused(page)
        if pred(f):
            return f
    raise AssertionError("focus never reached the element")


def test_keyboard_only(browser: Any, live_server: str) -> None:
    with Visit(browser, live_server, 1280) as visit:
        page = visit.page
        visit.goto("/")
        page.keyboard.press("Tab")
        first = _focused(page)
        assert first["href"] == "#main"  # the skip link comes first, and shows its focus
        assert first["outline"] != "none" and first["width"] >= 2
        assert page.is_visible("a.skip")
        page.keyboard.press("Enter")
        # from the main content, reach the start button and press Enter
        _tab_to(page, lambda f: f["href"] == "/parcours/avatar")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/parcours/avatar"))
        f = _tab_to(page, lambda f: f["tag"] == "INPUT")
        assert f["outline"] != "none"
        page.keyboard.press("ArrowRight")  # radio groups move with the arrows
        _tab_to(page, lambda f: f["tag"] == "BUTTON" and "parti" in f["text"])
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/parcours/gouts"))
        assert "avatar" in page.inner_text(".bubble").lower() or page.inner_text(".bubble")


def test_keyboard_only_search_to_a_job_page(browser: Any, live_server: str,
                                            need_search: None) -> None:
    with Visit(browser, live_server, 360) as visit:
        page = visit.page
        visit.goto("/recherche")
        _tab_to(page, lambda f: f["tag"] == "INPUT")
        page.keyboard.type("boulangé")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/recherche\?q=boulang"))
        f = _tab_to(page, lambda f: (f["href"] or "").startswith("/metiers/"))
        assert f["outline"] != "none"
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/metiers/[A-N][0-9]{4}"))
        assert "boulang" in page.inner_text("h1").lower()


def test_search_with_a_misspelled_query(browser: Any, live_server: str, need_search: None) -> None:
    with Visit(browser, live_server, 360) as visit:
        page = visit.page
        visit.goto("/")
        page.fill("#q", "boulangé")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/recherche\?q="))
        first = page.locator("ol.cards li").first
        assert "Boulanger" in first.inner_text()
        page.screenshot(path=str(ARTIFACTS / "search-misspelled-360.png"), full_page=True)
        first.locator("a").first.click()
        page.wait_for_url(re.compile(r"/metiers/D1102"))
        assert visit.foreign() == []


def test_full_journey_from_home_to_a_job_page(browser: Any, live_server: str, axe_source: str,
                                              need_recommend: None) -> None:
    with Visit(browser, live_server, 360) as visit:
        page = visit.page
        visit.goto("/")
        page.click("text=Commencer mon parcours")
        page.wait_for_url(re.compile(r"/parcours/avatar"))
        page.check("input[name=skin][value=tone5]")
        page.check("input[name=hair][value=curly]")
        page.check("input[name=accessory][value=toolbox]")
        page.click("button[value=next]")
        page.wait_for_url(re.compile(r"/parcours/gouts"))
        assert page.locator(".companion svg.avatar").count() == 1
        for _ in range(20):  # answer every screen: "a lot" for hands-on statements
            if "/parcours/gouts" not in page.url:
                break
            for group in page.locator("fieldset.question").all():
                name = group.locator("input").first.get_attribute("name") or ""
                value = "2" if name.startswith("q_R") else "0"
                group.locator(f"input[value='{value}']").check()
            page.locator("form.questions button[type=submit]").click()
            page.wait_for_load_state()
        page.wait_for_url(re.compile(r"/parcours/competences"))
        page.fill("#exp-text", "J'ai aidé mon oncle à réparer des voitures et changer des pneus")
        page.click("text=Trouver mes compétences")
        page.wait_for_url(re.compile(r"/parcours/competences\?.*revoir=0"))
        assert page.locator("ul.chips li").count() == 0  # nothing kept before the review
        boxes = page.locator("#revoir input[name=ogr]")
        assert boxes.count() >= 2
        assert_no_serious(audit(page, axe_source))
        page.screenshot(path=str(ARTIFACTS / "journey-review-360.png"), full_page=True)
        boxes.nth(0).check()
        boxes.nth(1).check()
        page.click("text=Garder ce que j'ai coché")
        page.wait_for_url(re.compile(r"/parcours/competences"))
        assert page.locator("ul.chips li").count() == 2
        assert_no_serious(audit(page, axe_source))
        page.click("text=Voir mes pistes de métiers")
        page.wait_for_url(re.compile(r"/parcours/pistes"))
        page.screenshot(path=str(ARTIFACTS / "journey-tracks-360.png"), full_page=True)
        cards = page.locator("ol.cards > li")
        assert cards.count() >= 3
        assert_no_serious(audit(page, axe_source))
        # leave out the first card's grand domain, with the choices open, then take it back
        letter = (cards.first.get_attribute("id") or "job-?")[4]
        page.locator("details.avoid summary").click()
        page.locator(f"input[name=d][value='{letter}']").check()
        page.locator("details.avoid button[type=submit]").click()
        page.wait_for_url(re.compile(r"/parcours/pistes"))
        ids = [li.get_attribute("id") or "" for li in page.locator("ol.cards > li").all()]
        assert ids and not any(i.startswith(f"job-{letter}") for i in ids)
        assert_no_serious(audit(page, axe_source))
        page.screenshot(path=str(ARTIFACTS / "journey-tracks-avoid-360.png"), full_page=True)
        page.locator(f"input[name=d][value='{letter}']").uncheck()
        page.locator("details.avoid button[type=submit]").click()
        page.wait_for_url(re.compile(r"/parcours/pistes"))
        cards.first.locator("button[value='1']").click()
        page.wait_for_url(re.compile(r"/parcours/pistes"))
        assert page.locator("button[aria-pressed=true]").count() == 1
        page.locator("ol.cards > li h2 a").first.click()
        page.wait_for_url(re.compile(r"/metiers/[A-N][0-9]{4}"))
        assert page.locator("h1").inner_text()
        assert_no_serious(audit(page, axe_source))
        page.screenshot(path=str(ARTIFACTS / "journey-job-360.png"), full_page=True)
        visit.goto("/parcours")
        assert page.locator(".badge").count() >= 3
        page.click("text=Tout effacer")
        page.wait_for_url(re.compile(r"/effacer$"))
        assert_no_serious(audit(page, axe_source))
        page.click("text=Oui, tout effacer")
        page.wait_for_url(re.compile(r"/\?ok=start"))
        assert visit.foreign() == []


def test_autocomplete_fills_suggestions_after_a_pause(browser: Any, live_server: str,
                                                      need_search: None) -> None:
    asked: list[str] = []
    with Visit(browser, live_server, 360) as visit:
        page = visit.page
        page.on("request",
                lambda r: asked.append(r.url) if "/api/v1/autocomplete" in r.url else None)
        visit.goto("/recherche")
        page.locator("#q").press_sequentially("boul", delay=30)
        page.wait_for_function(
            "() => document.querySelectorAll('#q-suggestions option').length > 0", timeout=10_000)
        labels = page.eval_on_selector_all("#q-suggestions option", "els => els.map(e => e.value)")
        assert any("oulang" in v.lower() for v in labels), labels
        assert len(asked) == 1  # one request after the pause, not one per keystroke
