"""The job map of /comment#map on a phone keeps readable labels: measured in real headless
Chromium at 360 px and 1280 px.

Scaled down to the width of a 360 px phone (about 51 %), the map's labels were about 5.6 px
tall: unreadable. On a narrow screen the map now keeps its natural size (640 SVG units, about
640 CSS px, labels about 11 px) inside a region that scrolls sideways, can be reached with
the keyboard and is named for a screen reader, with a short hint shown on narrow screens
only. The page itself never scrolls sideways (WCAG 1.4.10 exempts maps, not the page around
them); from about 700 px the map fits its column as before, without a scrollbar."""

from __future__ import annotations

from typing import Any

import pytest

from tremplin.web import i18n, state
from tremplin.web.services import Services

from .browser_support import Visit, assert_no_serious, audit
from .test_job_map_phone import JOURNEYS, _journey

pytestmark = pytest.mark.browser

# the map, its labels and the region around it, as the browser lays them out
MEASURE = """() => {
  const svg = document.querySelector('svg.jobmap');
  if (!svg) return null;
  const region = svg.closest('[role=region]');
  const hint = document.querySelector('.jobmap-hint');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return {
    scale,
    svgWidth: svg.getBoundingClientRect().width,
    labels: [...svg.querySelectorAll('text')].map(t => ({
      text: t.textContent,
      height: t.getBoundingClientRect().height,
      fontPx: parseFloat(getComputedStyle(t).fontSize) * scale})),
    region: region && {
      tabindex: region.getAttribute('tabindex'), label: region.getAttribute('aria-label'),
      scrollWidth: region.scrollWidth, clientWidth: region.clientWidth,
      left: region.getBoundingClientRect().left, right: region.getBoundingClientRect().right},
    hint: hint && {visible: hint.checkVisibility(), text: hint.textContent.trim()},
    page: {scrollWidth: document.documentElement.scrollWidth,
           clientWidth: document.documentElement.clientWidth},
  };
}"""


def _visit(browser: Any, live_server: str, services: Services, width: int, lang: str) -> Visit:
    visit = Visit(browser, live_server, width)
    journey = _journey(services, *JOURNEYS["stage"])
    visit.context.add_cookies([{"name": state.COOKIE, "value": state.encode(journey),
                                "url": live_server}])
    visit.goto(f"/comment?lang={lang}")
    return visit


def _measure(page: Any) -> dict[str, Any]:
    found = page.evaluate(MEASURE)
    assert found is not None, "the job map is missing from /comment"
    return dict(found)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_job_map_labels_are_readable_on_a_phone(browser: Any, live_server: str,
                                                    web_services: Services,
                                                    need_recommend: None, lang: str) -> None:
    with _visit(browser, live_server, web_services, 360, lang) as visit:
        found = _measure(visit.page)
        labels = found["labels"]
        assert len(labels) >= 6  # the numbered ideas, « Toi », the legend
        small = [(lb["text"], round(lb["fontPx"], 1), round(lb["height"], 1)) for lb in labels
                 if lb["fontPx"] < 10 or lb["height"] < 10]
        assert not small, (f"map scaled to {found['scale']:.2f}: labels under 10 px", small)
        # and still the page does not scroll sideways: only the map's region does
        assert found["page"]["scrollWidth"] <= 360, found["page"]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_job_map_scrolls_sideways_in_a_named_region_on_a_phone(
        browser: Any, live_server: str, axe_source: str, web_services: Services,
        need_recommend: None, lang: str) -> None:
    texts = i18n.messages(lang)
    with _visit(browser, live_server, web_services, 360, lang) as visit:
        page = visit.page
        found = _measure(page)
        region = found["region"]
        assert region is not None, "the map is not inside a region"
        assert region["tabindex"] == "0"
        assert region["label"] == texts["explain_map_region"]
        assert region["scrollWidth"] > region["clientWidth"], region
        assert region["left"] >= 0 and region["right"] <= 360, region  # the region fits the screen
        assert found["page"]["scrollWidth"] <= 360, found["page"]
        # the hint is shown on a phone, in the page's language
        assert found["hint"] == {"visible": True, "text": texts["explain_map_scroll_hint"]}
        # named for a screen reader, the map's own text alternative kept inside it
        named = page.get_by_role("region", name=texts["explain_map_region"])
        assert named.count() == 1
        svg = named.locator("svg.jobmap")
        assert svg.get_attribute("role") == "img"
        title_id, desc_id = (svg.get_attribute("aria-labelledby") or "").split()
        assert page.locator(f"[id='{title_id}']").text_content() == (
            "Carte des métiers" if lang == "fr" else "Map of jobs")
        assert page.locator(f"[id='{desc_id}']").text_content()
        # reached with Tab from the element before it, then moved with the arrow keys
        named.evaluate("""r => {
            const all = [...document.querySelectorAll('a[href], button, input, [tabindex="0"]')];
            all[all.indexOf(r) - 1].focus(); }""")
        page.keyboard.press("Tab")
        assert named.evaluate("r => r === document.activeElement")
        # it opened centred on « Toi », where the person's ideas are (app.js)
        seen = named.evaluate("""r => { const a = r.getBoundingClientRect(),
            m = r.querySelector('.jobmap-you').getBoundingClientRect();
            return m.left >= a.left && m.right <= a.right; }""")
        assert seen
        named.evaluate("r => { r.scrollLeft = 0; }")
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "() => document.querySelector('svg.jobmap').closest('[role=region]').scrollLeft > 0",
            timeout=5000)
        named.evaluate("r => { r.scrollLeft = r.scrollWidth; }")
        end = named.evaluate("r => r.scrollLeft")
        assert end == region["scrollWidth"] - region["clientWidth"]
        assert page.evaluate("() => window.scrollX") == 0  # the page did not move sideways
        assert_no_serious(audit(page, axe_source))


def test_the_job_map_fits_a_wide_screen_without_a_scrollbar(
        browser: Any, live_server: str, axe_source: str, web_services: Services,
        need_recommend: None) -> None:
    with _visit(browser, live_server, web_services, 1280, "fr") as visit:
        found = _measure(visit.page)
        region = found["region"]
        assert region is not None
        assert region["scrollWidth"] <= region["clientWidth"], region
        assert found["svgWidth"] == pytest.approx(640, abs=0.5)  # as wide as before
        assert found["hint"] is not None and not found["hint"]["visible"]
        assert found["page"]["scrollWidth"] <= 1280, found["page"]
        assert_no_serious(audit(visit.page, axe_source))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_map_page_fits_360_px_at_200_percent(browser: Any, live_server: str,
                                                 web_services: Services,
                                                 need_recommend: None, lang: str) -> None:
    with _visit(browser, live_server, web_services, 360, lang) as visit:
        visit.page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        found = _measure(visit.page)
        overflow = found["page"]["scrollWidth"] - found["page"]["clientWidth"]
        assert overflow <= 1, (lang, overflow)
        region = found["region"]
        assert region is not None and region["right"] <= 360, region
        # larger text, larger labels: the map grows with the text, the region scrolls
        assert min(lb["fontPx"] for lb in found["labels"]) >= 20
