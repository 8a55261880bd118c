"""The one-page summary is one page (QA pass). A typical journey built through the real app
(4 experiences with the competences the tool found in them, the 18 interest answers, 3 interest
centres, a postcode with 4 places nearby, 3 helper notes, 10 real suggestions of which 5 are
shown): the server PDF and the HTML summary printed from headless Chromium are one A4 page
each, body text 8 pt at least, with the essentials; what is shortened says so and says where
the rest is. The largest journey goes on to more pages, numbered, page 1 holding the
suggestions and places and saying "Suite page 2"."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from typing import Any

import pytest
from markupsafe import escape
from pypdf import PdfReader

from tremplin.guide.journey import MAX_EXPERIENCE_CHARS, MAX_EXPERIENCES, MAX_NOTES, Journey
from tremplin.guide.summary import (
    BODY_PT,
    LABELS,
    Summary,
    build_summary,
    render_summary_pdf,
)
from tremplin.recommend import riasec_questions
from tremplin.web import state
from tremplin.web.pages.guide import SUGGESTIONS
from tremplin.web.services import Services

from .browser_support import Visit, assert_no_serious, audit
from .conftest import SyncClient

TODAY = dt.date(2026, 3, 14)
EXPERIENCES = [
    "J'ai aidé mon oncle au garage pendant les vacances : je changeais les pneus, je faisais "
    "les vidanges et je rangeais les outils à la fin de la journée.",
    "Je garde souvent mes petits cousins le mercredi après-midi, je les aide pour les devoirs "
    "et je leur prépare le goûter.",
    "J'ai fait un stage de trois semaines dans une boulangerie en 3e. J'ai servi les clients, "
    "tenu la caisse et aidé à mettre les viennoiseries en vitrine.",
    "Je m'occupe de l'équipe de foot des petits au club le samedi matin.",
]
NOTES = [
    "Très motivé, à l'aise avec les enfants et avec les clients. Rappeler la mission locale "
    "mardi pour un rendez-vous.",
    "A besoin d'aide pour le CV et la lettre de motivation. Voir s'il peut refaire un stage au "
    "garage en mai.",
    "Intéressé par l'apprentissage, mais inquiet pour le transport : regarder les aides.",
]


def typical_journey(services: Services) -> Journey:
    experiences = [{"text": text, "competences": [c["ogr"] for c in
                                                  services.suggest_competences(text, 5)[:3]]}
                   for text in EXPERIENCES]
    answers = {q.id.upper(): i * 7 % 3 for i, q in enumerate(riasec_questions("fr"))}
    return Journey.from_dict({
        "version": 1, "lang": "fr", "riasec": answers, "experiences": experiences,
        "competences": [c for e in experiences for c in e["competences"]],
        "centres": ["27", "6", "12"], "postcode": "75011", "notes": NOTES,
        "avatar": {"hair": "curly", "top": "apron", "colour": "green"},
    })


def summary_of(services: Services, journey: Journey, lang: str = "fr") -> Summary:
    """The summary the app builds for this journey (the same suggestions as its pages)."""
    recs = services.recommend(services.profile_from_journey(journey), SUGGESTIONS, lang)
    return build_summary(journey, services.catalog, recs, lang=lang, today=TODAY)


@pytest.fixture()
def typical(web_services: Services, need_recommend: None) -> Journey:
    journey = typical_journey(web_services)
    s = summary_of(web_services, journey)
    # what makes it typical
    assert len(journey.experiences) == 4 and len(journey.riasec) == 18 and journey.notes
    assert s.total_suggestions == 10 and len(s.suggestions) == 5 and len(s.places) == 4
    assert all(x.matched_lines and x.todo_lines for x in s.suggestions)
    return journey


def _flat(text: str) -> str:
    """Whitespace aside, ligatures ("ﬁ" in Chromium's PDFs) as letters (NFKC, both sides)."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _pages(pdf: bytes) -> list[str]:
    return [_flat(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def _has(text: str, want: str) -> bool:
    return _flat(want) in text


def essentials(s: Summary, colon: str = " : ") -> list[str]:
    """What the printed summary must hold, as printed (whitespace aside)."""
    out = [s.labels["more_online"], s.shown_text]
    for x in s.suggestions:
        out += [x.title, x.score_text, f"{s.labels['why']}{colon}{x.why_short}"]
        out += [f"{line.label}{colon}{' ; '.join(line.shown)}" for line in x.matched_lines]
        out += [f"{line.label}{colon}{' ; '.join(line.shown)}" for line in x.todo_lines]
        out += [line.more for line in (*x.matched_lines, *x.todo_lines) if line.more]
    out += [p.name for p in s.places] + [p.opening_hours for p in s.places if p.opening_hours]
    out += [p.website.split("://", 1)[1].rstrip("/") for p in s.places if p.website]
    out += list(s.notes) + s.experiences_short + s.competences[:s.competences_shown]
    return out


def test_shortened_lines_say_how_many_more_and_keep_the_first_training(
        web_services: Services, typical: Journey) -> None:
    s = summary_of(web_services, typical)
    for x in s.suggestions:
        assert x.why_short and len(x.why_short) < len(" ".join(x.reasons))
        # the parts of the mark, adding up to it (QA: one name for the figure)
        assert _flat(x.why_short).startswith("ce que tu sais déjà faire : ")
        assert _flat(x.why_short).endswith(_flat(x.score_text))
        todo = {line.key: line for line in x.todo_lines}
        assert ("missing" in todo) == bool(x.missing)
        assert ("trainings" in todo) == bool(x.trainings)
        if x.missing:
            missing = todo["missing"]
            assert 1 <= len(missing.shown) <= 3 and missing.shown == x.missing[:len(missing.shown)]
            assert (missing.more != "") == (len(x.missing) > len(missing.shown))
        if x.trainings:
            assert todo["trainings"].shown == x.trainings[:1]
        for line in x.matched_lines:
            assert line.shown == x.matched[line.key][:len(line.shown)]
            left = len(x.matched[line.key]) - len(line.shown)
            assert line.more == ("" if not left else "et 1 autre" if left == 1
                                 else f"et {left} autres")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_typical_journey_pdf_is_one_readable_page(client: SyncClient, web_services: Services,
                                                  typical: Journey, lang: str) -> None:
    client.cookies.set(state.COOKIE, state.encode(typical))
    r = client.get("/accompagnant/synthese.pdf", params={"lang": lang})
    assert r.status_code == 200
    pages = _pages(r.content)
    assert len(pages) == 1, "the summary of a typical journey is one page"
    text = pages[0]
    s = summary_of(web_services, typical, lang)
    for want in essentials(s, " : " if lang == "fr" else ": "):
        assert _has(text, want), want
    assert "Suite page" not in text and "Continued on page" not in text and "1/1" not in text
    # readable: no text smaller than 8 pt
    reader = PdfReader(io.BytesIO(r.content))
    content = reader.pages[0].get_contents()
    assert content is not None
    sizes = [float(x) for x in re.findall(rb"/F\d+ ([\d.]+) Tf", content.get_data())]
    assert sizes and min(sizes) >= BODY_PT >= 8


def test_largest_journey_keeps_the_essentials_on_page_1_and_numbers_pages(
        web_services: Services, typical: Journey) -> None:
    long = " j'ai rangé des cartons, aidé les clients du magasin et tenu la caisse le samedi,"
    big = Journey.from_dict({
        **typical.to_dict(),
        "experiences": [{"text": (f"Expérience {i} :" + long * 20)[:MAX_EXPERIENCE_CHARS]}
                        for i in range(MAX_EXPERIENCES)],
        "competences": [*typical.competences, *range(1, 150)],
        "centres": [str(c) for c in range(1, 31)],
        "notes": [f"Note {i} : " + "Rappeler la mission locale pour le rendez-vous. " * 28
                  for i in range(MAX_NOTES)],
    })
    s = summary_of(web_services, big)
    pages = _pages(render_summary_pdf(s))
    n = len(pages)
    assert n >= 2
    first = pages[0]
    for x in s.suggestions:  # the essentials first
        assert _has(first, x.title) and _has(first, x.score_text)
    for p in s.places:
        assert _has(first, p.name)
    body = []
    for i, text in enumerate(pages, start=1):  # every page numbered, each says where the rest is
        foot = f"Suite page {i + 1} — Page {i}/{n}" if i < n else f"Page {n}/{n}"
        assert text.count(foot) == 1 and "Suite page" not in text.replace(foot, ""), text
        body.append(_flat(text.replace(foot, " ")))
    whole = " ".join(body)
    for note in s.notes:  # nothing dropped
        assert _has(whole, note)
    for i in range(MAX_EXPERIENCES):
        assert f"• Expérience {i} : j'ai rangé" in whole
    assert "Données utilisées" in body[-1] and body[-1].endswith("ce papier ou ce fichier.")
    en = _pages(render_summary_pdf(summary_of(web_services, big, "en")))
    assert f"Continued on page 2 — Page 1/{len(en)}" in en[0]


def test_summary_page_keeps_the_whole_explanation_on_screen(client: SyncClient,
                                                            web_services: Services,
                                                            typical: Journey) -> None:
    client.cookies.set(state.COOKIE, state.encode(typical))
    html = client.get("/accompagnant/synthese").text
    s = summary_of(web_services, typical)
    assert LABELS["fr"]["more_online"].replace("'", "&#39;") in html
    for x in s.suggestions:
        assert f'href="/comment/metier/{x.code}"' in html  # where the rest is
        for reason in x.reasons:  # the whole "why", on screen (not printed)
            assert reason.replace("'", "&#39;") in html
    assert html.count('<details class="no-print">') == len(s.suggestions)
    for e in typical.experiences:
        assert e.text.replace("'", "&#39;") in html


def many_competences(services: Services, typical: Journey) -> Journey:
    """The typical journey, kept competences first 30 with the longest ROME labels: more than
    the one page has room for."""
    longest = services.catalog.query(
        "SELECT ogr FROM competences WHERE is_macro = 0 ORDER BY length(label) DESC, ogr LIMIT 30")
    return Journey.from_dict({**typical.to_dict(),
                              "competences": [int(str(r[0])) for r in longest]})


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_competence_of_a_typical_journey_is_printed(client: SyncClient,
                                                          web_services: Services,
                                                          typical: Journey, lang: str) -> None:
    # QA: the page printed 2 of the 9 the person confirmed, "et 7 autres"
    s = summary_of(web_services, typical, lang)
    assert len(s.competences) >= 8
    assert s.competences_shown == len(s.competences) and s.competences_more == ""
    client.cookies.set(state.COOKIE, state.encode(typical))
    pages = _pages(client.get("/accompagnant/synthese.pdf", params={"lang": lang}).content)
    assert len(pages) == 1
    for label in s.competences:
        assert _has(pages[0], label), label


@pytest.mark.parametrize(("lang", "said"), [
    ("fr", "et {n} autres compétences (toutes dans Tremplin, quête 2 «\u00a0Ce que je sais "
           "faire\u00a0»)"),
    ("en", "and {n} more competences (all in Tremplin, quest 2 “What I can do”)")])
def test_competences_past_the_page_are_counted_and_said_where_they_are(
        client: SyncClient, web_services: Services, typical: Journey, lang: str,
        said: str) -> None:
    journey = many_competences(web_services, typical)
    s = summary_of(web_services, journey, lang)
    left = len(s.competences) - s.competences_shown
    assert s.competences_shown >= 1 and left >= 20
    assert s.competences_more == said.format(n=left)
    client.cookies.set(state.COOKIE, state.encode(journey))
    pages = _pages(client.get("/accompagnant/synthese.pdf", params={"lang": lang}).content)
    assert len(pages) == 1, "still one page"
    assert _has(pages[0], s.competences_more)
    for label in s.competences[:s.competences_shown]:
        assert _has(pages[0], label)
    # on screen, every one of them; on paper, the count (app.css hides the rest)
    html = client.get("/accompagnant/synthese", params={"lang": lang}).text
    for label in s.competences:
        assert str(escape(label)) in html
    assert html.count('<li class="print-hide">') == left
    assert str(escape(s.competences_more)) in html


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_typical_summary_prints_on_one_page(browser: Any, live_server: str,
                                            axe_source: str, web_services: Services,
                                            typical: Journey, lang: str) -> None:
    with Visit(browser, live_server, 1280) as visit:
        page = visit.page
        visit.context.add_cookies([{"name": state.COOKIE, "value": state.encode(typical),
                                    "url": live_server}])
        visit.goto(f"/accompagnant/synthese?lang={lang}")
        assert page.locator("ol.summary-tracks > li").count() == 5
        assert_no_serious(audit(page, axe_source))
        page.emulate_media(media="print")
        pdf = page.pdf(format="A4")
        pages = _pages(pdf)
        assert len(pages) == 1, f"printed on {len(pages)} pages"
        text = pages[0]
        s = summary_of(web_services, typical, lang)
        for x in s.suggestions:
            assert _has(text, x.title) and _has(text, x.score_text) and _has(text, x.why_short)
            for line in (*x.matched_lines, *x.todo_lines):
                assert _has(text, " ; ".join(line.shown)), line
        for want in (s.labels["more_online"], *s.notes, *s.experiences_short,
                     *[p.name for p in s.places],
                     *[p.website.split("://", 1)[1].rstrip("/") for p in s.places if p.website]):
            assert _has(text, want), want
        if s.competences_more:
            assert _has(text, s.competences_more)
        # no navigation, footer, buttons or forms on paper
        for hidden in ("header.top", "footer.foot", "main form", "main button",
                       "main details", "main .no-print"):
            for i in range(page.locator(hidden).count()):
                assert page.locator(hidden).nth(i).is_hidden(), hidden
        assert "Télécharger" not in text and "Download" not in text
        # nothing cut at the paper's edges: A4 less the margins is about 718 px wide
        page.set_viewport_size({"width": 718, "height": 1000})
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_summary_with_many_competences_prints_on_one_page_and_counts_the_rest(
        browser: Any, live_server: str, web_services: Services, typical: Journey,
        lang: str) -> None:
    journey = many_competences(web_services, typical)
    s = summary_of(web_services, journey, lang)
    with Visit(browser, live_server, 1280) as visit:
        visit.context.add_cookies([{"name": state.COOKIE, "value": state.encode(journey),
                                    "url": live_server}])
        visit.goto(f"/accompagnant/synthese?lang={lang}")
        visit.page.emulate_media(media="print")
        pages = _pages(visit.page.pdf(format="A4"))
        assert len(pages) == 1, f"printed on {len(pages)} pages"
        assert ("compétences" if lang == "fr" else "competences") in s.competences_more
        assert _has(pages[0], s.competences_more)
        for label in s.competences[:s.competences_shown]:
            assert _has(pages[0], label), label
