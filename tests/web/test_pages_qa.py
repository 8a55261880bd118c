"""QA findings on the pages, each checked through the real app over the real catalog:
right-to-left words isolated, French quoted in English marked, tables that reflow, ranks and
reasons that tell the truth, singular and plural, and where "not for me" lands."""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

import pytest

from tests.web.browser_support import Visit
from tests.web.conftest import SyncClient
from tremplin.guide.journey import STUDY_LEVEL_WORDS
from tremplin.web import i18n, state

ARABIC = "عملت سنتين في مخبز، 5 أيام في الأسبوع."
CARD = re.compile(r'<li class="card" id="job-([A-Z]\d{4})"')


def _cards(html: str) -> list[str]:
    return CARD.findall(html)


def _card(html: str, code: str) -> str:
    start = html.index(f'id="job-{code}"')
    end = html.find('<li class="card"', start)
    return html[start:end if end > 0 else len(html)]


def _text(fragment: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))


def _answer_all_questions(client: SyncClient, value: str) -> None:
    """Every statement of quest 1 answered `value` (the centre screens left unticked)."""
    page = client.get("/parcours/gouts").text
    pages = int(re.search(r'name="pages" value="(\d+)"', page).group(1))  # type: ignore[union-attr]
    for n in range(1, pages + 1):
        page = client.get(f"/parcours/gouts?page={n}").text
        names = sorted(set(re.findall(r'name="(q_[A-Z0-9]+)"', page)))
        shown = re.findall(r'name="shown" value="(\d+)"', page)
        client.post("/parcours/gouts", data={"page": str(n), "pages": str(pages), "shown": shown,
                                             **{q: value for q in names}})


# --- 1. right-to-left words the person typed --------------------------------------------------

def test_right_to_left_words_are_isolated_where_they_are_quoted(client: SyncClient) -> None:
    r = client.post("/parcours/competences/experience", data={"text": ARABIC})
    page = client.get(r.headers["location"]).text
    assert 'id="exp-text" name="text" dir="auto"' in page  # typed in its own direction
    assert 'id="cq" name="cq" type="search" dir="auto"' in page
    quoted = page.count(f"<q><bdi>{ARABIC}</bdi></q>")
    assert quoted == 2  # the review screen and "Mes expériences"
    assert f"<q>{ARABIC}" not in page


def test_the_persons_words_are_isolated_on_the_explanation_page(client: SyncClient) -> None:
    r = client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    page = client.get(r.headers["location"]).text
    key = re.search(r'name="key" value="([0-9a-f]+)"', page).group(1)  # type: ignore[union-attr]
    client.post("/parcours/competences/revoir", data={"exp": "0", "key": key})  # none ticked
    quoted = []
    for code in _cards(client.get("/parcours/pistes").text):
        quoted += re.findall(r"« (.*?) »\)", client.get(f"/comment/metier/{code}").text)
    assert quoted and set(quoted) == {"<bdi>je répare des vélos</bdi>"}
    assert "<bdi>" in client.get("/comment?q=plombier").text  # the search, quoted back


# --- 2. French quoted in English sentences ---------------------------------------------------

def test_french_labels_in_english_track_cards_are_marked(client: SyncClient) -> None:
    client.post("/parcours/gouts", data={"page": "4", "pages": "5", "c": ["17"],
                                         "shown": [str(n) for n in range(11, 21)]})
    html = client.get("/parcours/pistes?lang=en").text
    assert "This job fits what you chose: “<span lang=\"fr\">J&#39;aime m&#39;occuper des animaux" \
        "</span>”" in html
    assert "“J&#39;aime" not in html


def test_study_levels_are_said_in_english_and_the_bac_explained(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    html = client.get("/parcours/pistes?lang=en").text
    levels = re.findall(r'name="level" value="\d"[^>]*><span>(.*?)</span>', html)
    assert len(levels) == len(STUDY_LEVEL_WORDS)
    assert "Baccalauréat" not in html
    assert any("bac" in lv.lower() and "exam" in lv for lv in levels)  # what the bac is
    for n in STUDY_LEVEL_WORDS:  # every level the journey knows has its words
        assert f"level_{n}" in i18n.messages("fr") and f"level_{n}" in i18n.messages("en")


def test_licences_are_translated_or_marked_french(client: SyncClient) -> None:
    html = client.get("/comment?lang=en").text
    table = html[html.index('<table class="stack">'):]
    table = table[:table.index("</table>")]
    cells = re.findall(r'<td data-label="Licence:"( lang="fr")?>(.*?)</td>', table)
    assert cells and "ONISEP open data" in table and "Données ouvertes" not in table
    for marked, text in cells:
        assert marked or not re.search(r"[ée]es |Donn|Licence Ouverte", _text(text)), text
    about = client.get("/a-propos?lang=en").text
    assert re.search(r'<td data-label="Licence:" lang="fr">Données ouvertes ONISEP', about)


# --- 4. the rank on the explanation page ------------------------------------------------------

def test_explanation_rank_follows_the_tracks_page_order(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    cards = _cards(client.get("/parcours/pistes").text)
    assert len(cards) >= 3
    client.post("/parcours/pistes/avis",
                data={"code": cards[0], "vote": "-1", "rank": "1", "next": cards[1]})
    after = _cards(client.get("/parcours/pistes").text)
    assert after[-1] == cards[0]
    for rank, code in enumerate(after, 1):
        page = client.get(f"/comment/metier/{code}").text
        assert f"à la place {rank} dans ta liste" in page, (code, rank)
    listed = re.findall(r'<a href="/comment/metier/([A-Z]\d{4})" lang="fr">',
                        client.get("/comment").text)
    assert listed == after  # "Comment Tremplin a trouvé ça ?" lists them in that order too


# --- 5. trainings hidden by the study level; singular and plural ------------------------------

def test_hidden_trainings_are_told_on_the_card_not_on_the_explanation(client: SyncClient) -> None:
    client.post("/parcours/competences/experience",
                data={"text": "je garde des enfants et je fais du babysitting"})
    client.post("/parcours/pistes/niveau", data={"level": "3"})
    html = client.get("/parcours/pistes").text
    told = re.findall(r"<p class=\"muted\">(\d+) formations? demande(?:nt)? plus d&#39;études", html)
    assert told, "the cards say how many trainings the level hides"
    assert "(s)" not in _text(html)
    for code in _cards(html):
        card = _card(html, code)
        if "plus d&#39;études que le niveau choisi" in card:
            # next to the trainings it speaks of, folded with them on a phone
            trainings = card.index('<div class="trainings">')
            assert card.index('<details class="card-more">') < trainings < card.index(
                "plus d&#39;études que le niveau choisi")
        page = client.get(f"/comment/metier/{code}").text
        assert "que le niveau choisi" not in page and "(s)" not in _text(page)
    one = re.search(r"<p class=\"muted\">1 formation", html)
    if one:
        assert "1 formation demande plus d&#39;études" in html and "Tremplin la cache" in html


def test_job_page_says_one_more_in_the_singular(client: SyncClient, web_services: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    real = web_services.job_detail

    def with_31(code: str) -> Any:
        detail = real(code)
        if detail is not None:
            comps = list(detail["competences"])
            detail = {**detail, "competences": (comps * 31)[:31]}
        return detail

    monkeypatch.setattr(web_services, "job_detail", with_31)
    html = client.get("/metiers/D1102").text
    assert "Et 1 autre." in html and "autre(s)" not in html
    assert "And 1 more." in client.get("/metiers/D1102?lang=en").text


# --- 6. the true reason when no track shows -------------------------------------------------

@pytest.mark.parametrize("choice", [("/parcours/pistes/domaines", {"d": ["A", "B"]}),
                                    ("/parcours/pistes/niveau", {"level": "4"})])
def test_nothing_answered_is_said_even_with_choices(client: SyncClient,
                                                    choice: tuple[str, dict[str, Any]]) -> None:
    client.post(choice[0], data=choice[1])
    html = client.get("/parcours/pistes").text
    assert "Aucune piste avec ces choix" not in html
    assert "Tu n&#39;as encore répondu à aucune question" in html
    assert '<a href="/parcours/gouts">' in html


def test_all_not_at_all_answers_are_said_as_such(client: SyncClient) -> None:
    _answer_all_questions(client, "0")
    journey = state.decode(client.cookies.get(state.COOKIE))
    assert journey.riasec and not any(journey.riasec.values())
    html = client.get("/parcours/pistes").text
    assert "Finis les quêtes" not in html
    assert "« pas du tout » à toutes les questions" in html
    assert '<a href="/parcours/competences">' in html
    page = client.get("/comment/metier/D1102").text
    assert "« pas du tout » à toutes les questions" in page and "fais le parcours" not in page


def test_an_explanation_says_the_domain_was_hidden(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    code = _cards(client.get("/parcours/pistes").text)[0]
    client.post("/parcours/pistes/domaines", data={"d": list("ABCDEFGHIJKLMN")})
    html = client.get("/parcours/pistes").text
    assert "tu as caché tous les domaines" in html
    page = client.get(f"/comment/metier/{code}").text
    assert "tu as caché le domaine" in page and "Fais le parcours" not in page
    assert "fais le parcours" not in page


def test_an_explanation_says_the_studies_are_too_long_or_others_closer(
        client: SyncClient) -> None:
    from tremplin.recommend.index import get_index
    from tremplin.recommend.levels import entry_levels

    client.post("/parcours/competences/experience",
                data={"text": "je soigne les animaux chez un vétérinaire"})
    free = _cards(client.get("/parcours/pistes").text)
    lowest = entry_levels(get_index())
    long_one = next(code for code in free if lowest.get(code, 0) > 3)
    page = client.get(f"/comment/metier/{free[0]}").text
    assert "à la place 1 dans ta liste" in page
    page = client.get("/comment/metier/M1607").text  # a secretary: far from animal care
    assert "Ce métier n&#39;est pas dans tes 10 pistes" in page
    assert "Fais le parcours" not in page and "tu as caché" not in page
    client.post("/parcours/pistes/niveau", data={"level": "3"})
    page = client.get(f"/comment/metier/{long_one}").text
    assert "il demande plus d&#39;études que le niveau choisi (CAP)" in page


# --- 7. where "not for me" lands; the language switch keeps the place -----------------------

def test_not_for_me_is_confirmed_next_to_the_card_the_reader_lands_on(
        client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    html = client.get("/parcours/pistes").text
    cards = _cards(html)
    title = html_lib.unescape(re.search(rf'id="job-{cards[0]}">\s*<h2 lang="fr"><a[^>]*>(.*?)</a>',
                                        html).group(1))  # type: ignore[union-attr]
    r = client.post("/parcours/pistes/avis",
                    data={"code": cards[0], "vote": "-1", "rank": "1", "next": cards[1]})
    assert r.headers["location"].endswith(f"ok=thumbs_down#job-{cards[1]}")
    page = client.get(r.headers["location"]).text
    landed = _card(page, cards[1])
    status = re.search(r'<p class="moved" role="status">(.*?)</p>', landed)
    assert status and title in _text(status.group(1)) and "en bas de ta liste" in status.group(1)
    assert page.count('class="moved"') == 1
    # the last card sent down: it is told in that card, where the reader stays
    last = _cards(page)[-1]
    r = client.post("/parcours/pistes/avis", data={"code": last, "vote": "-1", "rank": "10"})
    page = client.get(r.headers["location"]).text
    assert "ce métier est maintenant en bas de ta liste" in _card(page, last)


def test_language_switch_keeps_the_review_anchor_without_javascript(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    html = client.get("/parcours/competences?revoir=0").text
    assert re.search(r'<a href="/parcours/competences\?revoir=0&amp;lang=en#revoir" lang="en"',
                     html)


# --- 8. one short idea a line -------------------------------------------------------------------

def test_the_interest_explanation_is_one_sentence_a_line(client: SyncClient) -> None:
    _answer_all_questions(client, "0")
    client.post("/parcours/gouts", data={"page": "1", "pages": "5", "q_A1": "2", "q_S1": "2"})
    client.post("/parcours/gouts", data={"page": "4", "pages": "5", "c": ["17"],
                                         "shown": [str(n) for n in range(11, 21)]})
    for lang in ("fr", "en"):
        html = client.get(f"/parcours/pistes?lang={lang}").text
        lists = re.findall(r'<ul class="why-list">(.*?)</ul>', html, re.S)
        assert lists
        for items in lists:
            for li in re.findall(r"<li>(.*?)</li>", items, re.S):
                text = _text(li)
                assert not re.search(r"[.!?] +[A-ZÀ-ÝÉ“«]", text), text


# --- browser checks -----------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("url", ["/comment", "/comment?lang=en", "/a-propos"])
def test_sources_table_reflows_at_360_px(browser: Any, live_server: str, url: str) -> None:
    with Visit(browser, live_server, 360) as visit:
        visit.goto(url)
        assert_tables_fit(visit.page, 360)


@pytest.mark.browser
def test_language_switch_keeps_the_fragment(browser: Any, live_server: str) -> None:
    with Visit(browser, live_server, 360) as visit:
        visit.goto("/a-propos#main")
        visit.page.click("a[hreflang=en]")
        visit.page.wait_for_url(re.compile(r"lang=en#main$"))
        assert visit.page.get_attribute("html", "lang") == "en"


def assert_tables_fit(page: Any, width: int) -> list[list[int]]:
    """The page is no wider than the screen and each reflowing table fits its box; returns
    the tables' [width, room] (at least one table)."""
    sizes = page.evaluate("""() => ({page: document.documentElement.scrollWidth,
        tables: [...document.querySelectorAll('table.stack')].map(t =>
            [t.scrollWidth, t.parentElement.clientWidth])})""")
    assert sizes["page"] <= width and sizes["tables"], sizes
    assert all(w <= room for w, room in sizes["tables"]), sizes
    tables: list[list[int]] = sizes["tables"]
    return tables


def _tell(visit: Visit, text: str) -> None:
    """Write an experience on the page, and wait for its review screen."""
    visit.goto("/parcours/competences")
    visit.page.fill("#exp-text", text)
    visit.page.click("button.primary")
    visit.page.wait_for_url(re.compile(r"revoir=0"))


@pytest.mark.browser
def test_not_for_me_confirmation_is_in_view_where_the_reader_lands(
        browser: Any, live_server: str) -> None:
    with Visit(browser, live_server, 360) as visit:
        page = visit.page
        _tell(visit, "je répare des vélos")
        visit.goto("/parcours/pistes")
        page.locator("ol.cards > li").nth(1).locator("button[value='-1']").click()
        page.wait_for_url(re.compile(r"ok=thumbs_down#job-"))
        moved = page.locator("p.moved[role=status]")
        assert moved.count() == 1
        box = moved.bounding_box()
        assert box is not None and 0 <= box["y"] < 800  # seen without scrolling


@pytest.mark.browser
def test_review_checkboxes_keep_their_size_in_long_chips(
        browser: Any, live_server: str) -> None:
    with Visit(browser, live_server, 360) as visit:
        page = visit.page
        _tell(visit, "je fais la caisse au supermarché")
        sizes = page.evaluate("""() => [...document.querySelectorAll('.chip input')]
            .map(i => [i.getBoundingClientRect().width, i.closest('.chip').offsetHeight])""")
        assert len(sizes) >= 4 and any(h > 50 for _, h in sizes)  # some chips wrap
        widths = {round(w) for w, _ in sizes}
        assert len(widths) == 1 and widths.pop() >= 18  # the same target size everywhere


@pytest.mark.browser
def test_kept_chips_and_the_score_table_read_well_at_320_px(
        browser: Any, live_server: str) -> None:
    with Visit(browser, live_server, 320) as visit:
        page = visit.page
        _tell(visit, "je fais la caisse au supermarché")
        for box in page.locator(".chip input").all()[:3]:
            box.check()
        page.locator("form[action='/parcours/competences/revoir'] button[type=submit]").click()
        page.wait_for_load_state()
        heights = page.evaluate("""() => [...document.querySelectorAll('.chip button')]
            .map(b => b.getBoundingClientRect().height)""")
        assert heights and max(heights) < 48, heights  # "Retirer" on one line, not R/e/t/i/r/e/r
        visit.goto("/parcours/pistes")
        code = page.locator("li.card").first.get_attribute("id").removeprefix("job-")
        visit.goto(f"/comment/metier/{code}")
        assert_tables_fit(page, 320)


@pytest.mark.browser
def test_the_vote_tables_reflow_at_320_px(browser: Any, live_server: str) -> None:
    with Visit(browser, live_server, 320) as visit:
        page = visit.page
        for code in ("D1102", "M1805"):  # two grand domains with long names
            r = page.request.post(f"{live_server}/parcours/pistes/avis",
                                  form={"code": code, "vote": "1", "rank": "1"},
                                  max_redirects=0)
            assert r.status in (303, 302), r.status
        visit.goto("/a-propos/resultats")
        assert len(assert_tables_fit(page, 320)) == 2
        named = page.evaluate("""() => getComputedStyle(
            document.querySelector('table td'), '::before').content""")
        assert "Pouces levés" in named  # each value is named in its block


@pytest.mark.browser
def test_a_long_link_in_an_experience_wraps_at_320_px(browser: Any, live_server: str) -> None:
    with Visit(browser, live_server, 320) as visit:
        _tell(visit, "je fais des gâteaux et je les vends sur insta : "
                     "https://www.instagram.com/mon_compte_de_patisserie_maison_faite_par_moi")
        overflow = visit.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, overflow  # the quoted text wraps (it made the page 742 px wide)
        # French quotes keep their spaces: « je fais… », not «je fais…»
        quotes = visit.page.evaluate("() => getComputedStyle(document.querySelector('#revoir q')).quotes")
        assert "«\u00a0" in quotes, quotes
