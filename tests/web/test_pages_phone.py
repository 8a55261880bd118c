"""The pages on a cheap phone (pages QA, second pass), through the real app over the real
catalog: opening hours written one way on every page, a tracks page that folds each idea to
about one screen, no page wider than a 360 px screen with text at 200 %, and a confirmation
said where the person acted (in view, focused for a screen reader, also without JavaScript).
The printed summary's competences are checked with the other one-page checks
(test_summary_one_page.py)."""

from __future__ import annotations

import html as html_lib
import io
import re
from typing import Any

import pytest
from markupsafe import escape
from pypdf import PdfReader

from tremplin.guide.journey import Experience, Journey
from tremplin.recommend import riasec_questions
from tremplin.web import i18n, state
from tremplin.web.services import Services

from .browser_support import Visit, assert_no_serious, audit
from .conftest import SyncClient

# --- 1. opening hours: one plain format, whatever the source -----------------------------------

# Lille: conseillers numériques (OpenStreetMap syntax) and a France Services (its own format)
# among the places of a job page and of the summary
LILLE = "59000"
FR_DAY = r"(?:lun|mar|mer|jeu|ven|sam|dim)\."
EN_DAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"


def _week(day: str, time: str, joiner: str, closed: str, between: str) -> re.Pattern[str]:
    days = rf"{day}(?:–{day})?(?:, {day}(?:–{day})?)*"
    span = rf"{time} – {time}"
    rule = rf"{days} (?:{span}(?:{joiner}{span})*|{closed})"
    return re.compile(rf"{rule}(?:{between}{rule})*")


FR_WEEK = _week(FR_DAY, r"\d{1,2}\u00a0h(?:\u00a0\d\d)?", " et ", "fermé", " ; ")
EN_WEEK = _week(EN_DAY, r"\d{1,2}:\d\d", " and ", "closed", "; ")
UNKNOWN = {"fr": ("non publiés, appelle avant d'y aller.", "non publiés, appeler avant d'y aller"),
           "en": ("not published, call before you go.", "not published, call before going")}


def _hours(html: str, label: str) -> list[str]:
    """The hours of each place, as the page writes them after `label`."""
    return [html_lib.unescape(h) for h in
            re.findall(rf'<span lang="\w+">{re.escape(label)} (.*?)</span>', html, re.S)]


@pytest.mark.parametrize(("lang", "label", "week"), [
    ("fr", "Horaires :", FR_WEEK), ("en", "Opening hours:", EN_WEEK)])
def test_opening_hours_are_written_one_way_on_every_page(client: SyncClient, lang: str,
                                                         label: str, week: re.Pattern[str]) -> None:
    job = _hours(client.get(f"/metiers/D1102?cp={LILLE}&lang={lang}").text, label)
    client.cookies.set(state.COOKIE, state.encode(Journey(competences=(104174,),
                                                          postcode=LILLE)))
    summary = _hours(client.get(f"/accompagnant/synthese?lang={lang}").text, label)
    pdf = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(
        client.get(f"/accompagnant/synthese.pdf?lang={lang}").content)).pages)
    given = [h for h in job + summary if h not in UNKNOWN[lang]]
    assert len(job) >= 6 and len(summary) == 4 and len(given) >= 6
    for hours in given:  # "lun.–ven. 9 h – 12 h et 14 h – 17 h", never "Lun 09:00 - 12:00"
        assert week.fullmatch(hours), hours
    # a place shown by both pages reads the same on both (France Services' included)
    assert set(job) & set(summary) and "Lun 09" not in pdf and not re.search(r"\d\d:\d\d -", pdf)
    for hours in set(summary) - set(UNKNOWN[lang]):
        assert " ".join(hours.split()) in " ".join(pdf.replace("\u00a0", " ").split())


# --- 2. the tracks page on a phone ---------------------------------------------------------------

CAR = "J'ai aidé mon oncle à réparer des voitures et changer des pneus"


def full_journey(services: Services) -> Journey:
    """The browser test's full journey: hands-on tastes, one experience, two competences."""
    kept = tuple(int(c["ogr"]) for c in services.suggest_competences(CAR, 8)[:2])
    return Journey(riasec={q.id.upper(): 2 if q.id.upper().startswith("R") else 0
                           for q in riasec_questions("fr")},
                   experiences=(Experience(CAR, kept),), badges=("avatar", "interests"))


def _visit_with(browser: Any, live_server: str, journey: Journey, width: int = 360,
                **kw: Any) -> Visit:
    visit = Visit(browser, live_server, width, **kw)
    visit.context.add_cookies([{"name": state.COOKIE, "value": state.encode(journey),
                                "url": live_server}])
    return visit


def _height(page: Any) -> int:
    return int(page.evaluate("() => document.documentElement.scrollHeight"))


def test_a_card_folds_its_reasons_past_the_first_with_what_to_learn_and_trainings(
        client: SyncClient, web_services: Services, need_recommend: None) -> None:
    client.cookies.set(state.COOKIE, state.encode(full_journey(web_services)))
    html = client.get("/parcours/pistes").text
    cards = re.findall(r'<li class="card" id="job-[A-N]\d{4}">(.*?)</li>\s*(?=<li class="card"|</ol>)',
                       html, re.S)
    assert len(cards) == 10
    for card in cards:
        shown, _, folded = card.partition('<details class="card-more">')
        assert folded, "every card of this journey has more to show"
        assert shown.count("<li>") == 1  # the first reason stays in view
        folded = folded[:folded.index("</details>")]
        assert "À apprendre" in folded and 'class="trainings"' in folded
        summary = re.search(r"<summary>(.*?)</summary>", folded, re.S)
        assert summary and summary.group(1).startswith(
            "Voir plus : autres raisons, à apprendre, formations")


# --- 5. confirmations, said where the person acted (the browser checks are below) ----------------

def test_confirmations_are_said_once_next_to_their_form(client: SyncClient) -> None:
    client.post("/parcours/competences/garder", data={"ogr": ["104174", "100007"]})
    r = client.post("/parcours/competences/retirer", data={"ogr": "104174"})
    assert r.headers["location"] == "/parcours/competences?ok=competence_removed#gardees"
    html = client.get(r.headers["location"]).text
    said = str(escape(i18n.messages("fr")["cheer_competence_removed"]))
    assert html.count(said) == 1
    assert re.search(r'<h2 id="gardees" tabindex="-1">[^<]*</h2>\s*<p class="moved" '
                     r'role="status">' + re.escape(said), html)
    # the helper's notes too
    client.post("/accompagnant/notes", data={"note": "Rappeler mardi."})
    r = client.post("/accompagnant/notes/retirer", data={"index": "0"})
    assert r.headers["location"] == "/accompagnant?ok=note_removed#notes"
    assert '<p class="moved" role="status">Note retirée.</p>' in client.get(
        r.headers["location"]).text


# --- browser checks (after the others: Playwright's loop runs from here on) ----------------

@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_idea_fits_a_phone_screen_and_all_of_it_stays_reachable(
        browser: Any, live_server: str, axe_source: str, web_services: Services,
        need_recommend: None, lang: str) -> None:
    # 13,730 px for this journey before (cards of about 1,300 px); about 7,000 px after
    with _visit_with(browser, live_server, full_journey(web_services)) as visit:
        page = visit.page
        visit.goto(f"/parcours/pistes?lang={lang}")
        cards = page.locator("ol.cards > li")
        assert cards.count() == 10
        heights = page.evaluate("""() => [...document.querySelectorAll('ol.cards > li')]
            .map(li => li.getBoundingClientRect().height)""")
        assert max(heights) <= 800, heights  # one 360 x 800 screen an idea
        folded = _height(page)
        assert folded <= 9000, folded
        # the rest of a card is one keyboard press away: Tab to its summary, Enter
        more = cards.nth(2).locator("details.card-more")
        hidden = more.locator("li, p, h3").all_inner_texts()
        assert hidden and not more.locator("ul.why-list li").first.is_visible()
        summary = more.locator("summary")
        name = summary.inner_text()
        label = i18n.messages(lang)["tracks_more_label"]
        assert name.startswith(label)
        # a screen reader hears which job it is about (10 such buttons on the page)
        title = cards.nth(2).locator("h2").inner_text()
        assert summary.evaluate("s => s.textContent").endswith(title)
        page.evaluate("() => document.querySelector('ol.cards > li:nth-child(3) h2 a').focus()")
        for _ in range(6):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.tagName") == "SUMMARY":
                break
        assert page.evaluate("() => document.activeElement.closest('li.card').id") == \
            cards.nth(2).get_attribute("id")
        page.keyboard.press("Enter")
        assert more.get_attribute("open") is not None
        assert all(more.locator(f"{tag} >> nth={i}").is_visible()
                   for tag in ("li", "h3") for i in range(more.locator(tag).count()))
        # every card opened: nothing was dropped, only folded, and it stays accessible
        closed = page.locator("details.card-more:not([open]) > summary")
        while closed.count():
            closed.first.click()
        assert _height(page) > 2 * folded
        assert_no_serious(audit(page, axe_source))


@pytest.mark.browser
def test_the_folded_ideas_open_without_javascript(browser: Any, live_server: str,
                                                  web_services: Services,
                                                  need_recommend: None) -> None:
    with _visit_with(browser, live_server, full_journey(web_services),
                     java_script_enabled=False) as visit:
        visit.goto("/parcours/pistes")
        more = visit.page.locator("details.card-more").first
        assert not more.locator("li").first.is_visible()
        more.locator("summary").click()
        assert more.locator("li").first.is_visible()


# --- 4. no page scrolls sideways with large text --------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("path", ["/parcours/pistes", "/parcours", "/accompagnant/synthese",
                                  "/metiers/D1102?cp=75011"])
def test_pages_with_a_journey_fit_360_px_at_200_percent(browser: Any, live_server: str,
                                                        web_services: Services,
                                                        need_recommend: None, path: str) -> None:
    journey = Journey.from_dict({**full_journey(web_services).to_dict(), "postcode": "75011",
                                 "badges": ["avatar", "interests", "competences", "explorer"]})
    for lang in ("fr", "en"):
        with _visit_with(browser, live_server, journey) as visit:
            visit.goto(f"{path}{'&' if '?' in path else '?'}lang={lang}")
            visit.page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
            overflow = visit.page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, (path, lang, overflow)


# --- 5. in view where the page lands, and focused for a screen reader ---------------------------

def _said(page: Any, focused: bool = True) -> dict[str, Any]:
    """The one confirmation on the page (a status message), its text and where it is; with
    the focus (given by the script once the page has loaded) or not."""
    said = page.locator("main p.moved[role=status]")
    assert said.count() == 1
    if focused:  # waits for the focus to land there (an event, not a time), fails without
        page.wait_for_function(
            "() => document.activeElement.matches('main p.moved[role=status]')", timeout=5000)
    else:
        assert said.evaluate("e => e !== document.activeElement")
    box = said.bounding_box()
    return {"text": said.inner_text(), "top": box["y"] if box else -1,
            "bottom": box["y"] + box["height"] if box else -1}


def _in_view(said: dict[str, Any]) -> bool:
    """Seen without scrolling in the 800 px high screen (a pixel's rounding aside)."""
    return said["top"] >= -1 and said["bottom"] <= 801


def _kept_many(services: Services) -> Journey:
    kept = [int(c["ogr"]) for c in services.suggest_competences(
        "je fais la caisse au supermarché et je range les rayons", 16)][:10]
    return Journey(competences=tuple(kept), badges=("competences",))


@pytest.mark.browser
@pytest.mark.parametrize("script", [True, False], ids=["javascript", "no-javascript"])
def test_removing_a_competence_is_confirmed_in_view(browser: Any, live_server: str,
                                                    web_services: Services, script: bool) -> None:
    with _visit_with(browser, live_server, _kept_many(web_services),
                     java_script_enabled=script) as visit:
        page = visit.page
        visit.goto("/parcours/competences")
        chips = page.locator("ul.chips li.chip")
        kept = chips.count()
        assert kept >= 6  # the list goes on below the first screen
        assert chips.last.bounding_box()["y"] > 800  # type: ignore[index]
        chips.last.locator("button").click()
        page.wait_for_url(re.compile(r"ok=competence_removed#gardees"))
        assert page.locator("ul.chips li.chip").count() == kept - 1
        said = _said(page, focused=script)  # read out by a screen reader: the script's work
        assert "retirée" in said["text"] and _in_view(said), said
        # said once: the companion, out of view at the top, gives its usual tip
        assert page.inner_text(".bubble") == i18n.messages("fr")["tip_competences"]


@pytest.mark.browser
def test_a_thumb_up_is_confirmed_in_its_card(browser: Any, live_server: str,
                                             web_services: Services,
                                             need_recommend: None) -> None:
    with _visit_with(browser, live_server, full_journey(web_services)) as visit:
        page = visit.page
        visit.goto("/parcours/pistes")
        card = page.locator("ol.cards > li").nth(4)
        code = card.get_attribute("id")
        card.locator("button[value='1']").click()
        page.wait_for_url(re.compile(rf"ok=thumbs&ici={code[4:] if code else ''}#{code}"))
        said = _said(page)
        assert said["text"] == i18n.messages("fr")["cheer_thumbs"] and _in_view(said)
        assert page.locator(f"#{code} p.moved[role=status]").count() == 1


@pytest.mark.browser
@pytest.mark.parametrize(("path", "act", "lands", "key"), [
    ("/metiers/D1102", "#avis button[value='1']", r"/metiers/D1102\?ok=thumbs#avis",
     "cheer_thumbs"),
    ("/parcours/pistes", "details.postcode button[type=submit]", r"ok=postcode#code-postal",
     "cheer_postcode"),
])
def test_saving_is_confirmed_where_the_person_acted(browser: Any, live_server: str,
                                                     web_services: Services, need_recommend: None,
                                                     path: str, act: str, lands: str,
                                                     key: str) -> None:
    with _visit_with(browser, live_server, full_journey(web_services)) as visit:
        page = visit.page
        visit.goto(path)
        if "postcode" in act:
            page.locator("details.postcode summary").click()
            page.fill("#cp", "75011")
        page.locator(act).click()
        page.wait_for_url(re.compile(lands))
        said = _said(page)
        assert said["text"] == i18n.messages("fr")[key] and _in_view(said), said
