"""The job map on a phone: the map of jobs of "Comment Tremplin a trouvé ça ?" (/comment#map,
the only map of the site: the job page /metiers/<code> has none), measured in real headless
Chromium at 360 px and 1280 px. Its labels (the person's numbered ideas, « Toi », the legend)
must not cover one another, must stay inside the map, and the map keeps its text
alternative and its contrast.

The ideas of a journey often sit close together on the map (a person drawn to the stage gets
the scenographer, the dancer, the stage hand and the assistant director, all in one corner):
the labels were laid out with eight fixed spots around each ring, and when those were taken
the next label was written over the others, at every width (32 of 54 journeys tried)."""

from __future__ import annotations

from typing import Any

import pytest

from tremplin.guide.journey import Experience, Journey
from tremplin.recommend import riasec_questions
from tremplin.web import state
from tremplin.web.services import Services

from .browser_support import ARTIFACTS, Visit, assert_no_serious, audit

pytestmark = pytest.mark.browser

# journeys whose ideas cluster on the map (each overlapped with the fixed-spot layout)
JOURNEYS = {
    "stage": ("A", "Je fais du théâtre et de la musique"),
    "shop": ("E", "J'ai aidé mon oncle à réparer des voitures et changer des pneus"),
    "children": ("S", "Je garde mes petits frères et je fais les devoirs avec eux"),
    "bakery": ("RS", "J'ai fait un stage dans une boulangerie"),
}

MEASURE = """() => {
  const svg = document.querySelector('svg.jobmap');
  if (!svg) return null;
  const box = e => { const r = e.getBoundingClientRect();
                     return {x: r.x, y: r.y, w: r.width, h: r.height}; };
  const frame = svg.querySelector(':scope > rect');
  return {
    svg: box(svg), frame: box(frame),
    labels: [...svg.querySelectorAll('text')].map(t => ({
      text: t.textContent, box: box(t), mark: !!t.closest('.jobmap-marks'),
      fill: getComputedStyle(t).fill, stroke: getComputedStyle(t).stroke,
      fontPx: t.getBoundingClientRect().height})),
    rings: svg.querySelectorAll('.jobmap-marks circle').length,
  };
}"""


def _journey(services: Services, letters: str, text: str) -> Journey:
    kept = tuple(int(c["ogr"]) for c in services.suggest_competences(text, 8)[:2])
    return Journey(riasec={q.id.upper(): 2 if q.id.upper()[0] in letters else 0
                           for q in riasec_questions("fr")},
                   experiences=(Experience(text, kept),))


def _map(browser: Any, live_server: str, journey: Journey, width: int, lang: str = "fr",
         shot: str = "") -> dict[str, Any]:
    with Visit(browser, live_server, width) as visit:
        visit.context.add_cookies([{"name": state.COOKIE, "value": state.encode(journey),
                                    "url": live_server}])
        visit.goto(f"/comment?lang={lang}")
        found = visit.page.evaluate(MEASURE)
        assert found is not None, "the job map is missing from /comment"
        if shot:
            ARTIFACTS.mkdir(exist_ok=True)
            visit.page.locator("svg.jobmap").screenshot(path=str(ARTIFACTS / shot))
        return dict(found)


def _overlap(a: dict[str, float], b: dict[str, float], slack: float = 0.5) -> bool:
    return (a["x"] + slack < b["x"] + b["w"] and b["x"] + slack < a["x"] + a["w"]
            and a["y"] + slack < b["y"] + b["h"] and b["y"] + slack < a["y"] + a["h"])


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", list(JOURNEYS))
def test_the_job_map_labels_do_not_overlap(browser: Any, live_server: str,
                                           web_services: Services, need_recommend: None,
                                           name: str, width: int) -> None:
    found = _map(browser, live_server, _journey(web_services, *JOURNEYS[name]), width,
                 shot=f"jobmap-{name}-{width}.png")
    labels, frame = found["labels"], found["frame"]
    marks = [lb for lb in labels if lb["mark"]]
    assert len(marks) == found["rings"] + 1 >= 6  # one label a numbered idea, and « Toi »
    if width == 360:  # the map keeps its readable size in a region that scrolls sideways
        assert found["svg"]["w"] == pytest.approx(640, abs=0.5)  # (test_job_map_scroll.py)
    overlaps = [(a["text"], b["text"]) for i, a in enumerate(labels) for b in labels[i + 1:]
                if _overlap(a["box"], b["box"])]
    assert not overlaps, overlaps
    for lb in marks:  # every label of an idea is inside the map's frame
        box = lb["box"]
        assert (frame["x"] - 0.5 <= box["x"] and box["x"] + box["w"] <= frame["x"] + frame["w"] + 0.5
                and frame["y"] - 0.5 <= box["y"]
                and box["y"] + box["h"] <= frame["y"] + frame["h"] + 0.5), lb


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_job_map_keeps_its_text_alternative_and_contrast_on_a_phone(
        browser: Any, live_server: str, axe_source: str, web_services: Services,
        need_recommend: None, lang: str) -> None:
    journey = _journey(web_services, *JOURNEYS["stage"])
    with Visit(browser, live_server, 360) as visit:
        visit.context.add_cookies([{"name": state.COOKIE, "value": state.encode(journey),
                                    "url": live_server}])
        visit.goto(f"/comment?lang={lang}")
        page = visit.page
        svg = page.locator("svg.jobmap")
        assert svg.get_attribute("role") == "img"
        title_id, desc_id = (svg.get_attribute("aria-labelledby") or "").split()
        title = page.locator(f"[id='{title_id}']").text_content() or ""
        desc = page.locator(f"[id='{desc_id}']").text_content() or ""
        assert title == ("Carte des métiers" if lang == "fr" else "Map of jobs")
        found = page.evaluate(MEASURE)
        marks = [lb for lb in found["labels"] if lb["mark"]]
        # every numbered idea on the map is named in the text alternative too (there with
        # its whole gendered ROME title: "Metteur en scène" is "Metteur / Metteuse en scène")
        for lb in marks:
            name = lb["text"].partition(". ")[2]
            if name:
                assert all(word in desc for word in name.rstrip("…").split()), (name, desc)
        # black text on a white halo: 21:1, over any dot
        for lb in found["labels"]:
            assert lb["fill"] == "rgb(0, 0, 0)", lb
        for lb in marks:
            assert lb["stroke"] == "rgb(255, 255, 255)", lb
        assert_no_serious(audit(page, axe_source))
