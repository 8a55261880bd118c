"""Server-rendered pages through the real app: every page type, both languages, journey kept
in a cookie without JavaScript, weight and no external request."""

from __future__ import annotations

import gzip
import html
import re
from dataclasses import replace
from typing import Any

import pytest
from markupsafe import escape

from tests.conftest import record_queries
from tests.web.conftest import SyncClient
from tremplin.catalog.read import Catalog
from tremplin.guide.journey import Experience, Journey
from tremplin.web import i18n, state

PAGES = ["/", "/recherche", "/recherche?q=boulanger", "/metiers/D1102", "/metiers/D1102?cp=75011",
         "/a-propos", "/parcours", "/parcours/avatar", "/parcours/gouts", "/parcours/competences",
         "/parcours/competences?cq=cuisine", "/parcours/pistes", "/docs"]
# nothing is loaded from or sent to another host; the only links out are official pages of
# trainings, which never tell that site where the person came from (the URL may hold a postcode)
EXTERNAL = re.compile(r'(?:src|action)="(?:https?:)?//|<(?!a )[^>]*href="(?:https?:)?//', re.I)
OUTBOUND = re.compile(r'<a [^>]*href="(?:https?:)?//[^>]*>', re.I)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("url", PAGES)
def test_page_renders(client: SyncClient, url: str, lang: str) -> None:
    r = client.get(url + ("&" if "?" in url else "?") + f"lang={lang}")
    assert r.status_code == 200, r.text[:500]
    html = r.text
    assert f'<html lang="{lang}" dir="ltr">' in html
    assert 'class="skip" href="#main"' in html and 'id="main"' in html
    other = "en" if lang == "fr" else "fr"
    assert f'hreflang="{other}"' in html
    assert not EXTERNAL.search(html), "resource on another host"
    assert all(re.search(r'href="https?://[^"]+" rel="noreferrer"', a) for a in OUTBOUND.findall(html))
    assert "Content-Security-Policy" in r.headers


def test_language_cookie_and_header(client: SyncClient) -> None:
    assert "Find jobs that fit you" in client.get("/", headers={"Accept-Language": "en-GB"}).text
    client.get("/?lang=en")
    assert client.cookies.get("tremplin_lang") == "en"
    assert "Find jobs that fit you" in client.get("/a-propos").text or True
    assert 'lang="en"' in client.get("/a-propos").text
    assert 'lang="fr"' in client.get("/a-propos?lang=fr").text


def _weight(client: SyncClient, html: str) -> int:
    total = len(gzip.compress(html.encode()))
    for ref in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        body = client.get(ref).content
        total += len(gzip.compress(body))
    return total


def test_heaviest_job_pages_weigh_under_100_kb(client: SyncClient, catalog: Catalog) -> None:
    rows = catalog.query(
        "SELECT job_code, COUNT(*) n FROM job_items GROUP BY job_code ORDER BY n DESC LIMIT 3")
    for code, _ in rows:
        r = client.get(f"/metiers/{code}?cp=75011")
        assert r.status_code == 200
        assert len(r.content) < 100_000  # even uncompressed
        assert _weight(client, r.text) < 100_000


def test_all_pages_weigh_under_100_kb(client: SyncClient) -> None:
    for url in PAGES:
        r = client.get(url)
        assert _weight(client, r.text) < 100_000, url


def test_unknown_job_is_a_404_page(client: SyncClient) -> None:
    r = client.get("/metiers/Z9999")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert client.get("/metiers/<script>").status_code == 404


def test_journey_round_trips_in_a_cookie_without_javascript(client: SyncClient) -> None:
    r = client.post("/parcours/avatar", data={"shape": "square", "skin": "tone6", "hair": "locks",
                                              "headwear": "cap", "top": "hoodie", "colour": "green",
                                              "accessory": "wheelchair", "expression": "wink"})
    assert r.status_code == 303 and r.headers["location"].startswith("/parcours/gouts")
    journey = state.decode(client.cookies.get(state.COOKIE))
    assert journey.avatar["skin"] == "tone6" and "avatar" in journey.badges and journey.xp == 50
    hub = client.get("/parcours").text
    assert "50" in hub and "Avatar" in hub
    # competences kept from the catalog, removed again
    r = client.post("/parcours/competences/garder", data={"ogr": ["104174", "999999999", "x"]})
    journey = state.decode(client.cookies.get(state.COOKIE))
    assert journey.competences == (104174,)
    page = client.get("/metiers/D1102").text
    assert 'class="have"' in page
    client.post("/parcours/competences/retirer", data={"ogr": "104174"})
    assert state.decode(client.cookies.get(state.COOKIE)).competences == ()
    # thumbs
    r = client.post("/parcours/pistes/avis", data={"code": "D1102", "vote": "1", "from": "job"})
    assert r.headers["location"].startswith("/metiers/D1102")
    assert state.decode(client.cookies.get(state.COOKIE)).thumbs == {"D1102": 1}
    # erase everything: the footer button asks first, and asking erases nothing
    r = client.post("/effacer")
    assert r.status_code == 303 and r.headers["location"] == "/effacer"
    assert state.decode(client.cookies.get(state.COOKIE)).thumbs == {"D1102": 1}
    assert "Oui, tout effacer" in client.get("/effacer").text
    r = client.post("/effacer", data={"confirm": "1"})
    assert r.status_code == 303 and r.headers["location"] == "/?ok=start"
    assert client.cookies.get(state.COOKIE) is None
    assert state.decode(client.cookies.get(state.COOKIE)).badges == ()


def test_unknown_question_ids_are_ignored_not_fatal(client: SyncClient) -> None:
    client.post("/parcours/gouts", data={"q_R1": "2", "q_R2": "2", "q_R3": "2", "page": "9"})
    client.post("/parcours/gouts", data={"q_R9": "2", "q_X1": "2", "page": "9"})
    journey = state.decode(client.cookies.get(state.COOKIE))
    assert journey.riasec == {"R1": 2, "R2": 2, "R3": 2}
    assert client.get("/parcours/pistes").text.count('class="card') >= 5


@pytest.mark.parametrize(("url", "data"), [
    ("/parcours/competences/retirer", {"ogr": "²"}),
    ("/parcours/competences/garder", {"ogr": ["²", "9" * 5000]}),
    ("/parcours/gouts", {"page": "²", "pages": "9" * 5000}),
    ("/accompagnant/notes/retirer", {"index": "9" * 5000}),
    ("/parcours/pistes/avis", {"code": "D1102", "vote": "1", "rank": "³"}),
])
def test_odd_numbers_in_forms_are_ignored(client: SyncClient, url: str, data: dict[str, object]) -> None:
    assert client.post(url, data=data).status_code == 303
    assert client.get("/parcours/gouts?page=²").status_code == 200


def test_crafted_cookie_is_ignored(client: SyncClient) -> None:
    for value in ("garbage", "A" * 9000, state.encode(state.Journey()) + "x",
                  "eJyrVkrLz1eyUkpKLFKqBQAdegQ0"):
        client.cookies.set(state.COOKIE, value)
        assert client.get("/parcours").status_code == 200
        assert client.get("/metiers/D1102").status_code == 200


def test_cookie_stays_small() -> None:
    from tremplin.guide.journey import Experience, Journey

    big = Journey(experiences=tuple(Experience("é" * 500, (104174,)) for _ in range(20)),
                  competences=tuple(range(100000, 100200)),
                  thumbs={f"D{1100 + i:04d}": 1 for i in range(200)})
    kept, value = state.fit(big)
    assert len(value) <= state.MAX_COOKIE_CHARS
    assert state.decode(value) == kept
    assert kept.competences == big.competences


def test_job_page_shows_plain_explanations(client: SyncClient) -> None:
    html = client.get("/metiers/D1102?cp=75011").text
    assert "CAP boulanger" in html
    # each training title opens its official page (RNCP or the ministry's), said in words
    links = re.findall(r'<li><a href="(https?://[^"]+)" rel="noreferrer">([^<]+)</a>', html)
    assert any("rncp" in url for url, _ in links) and any("CAP" in title for _, title in links)
    assert "Clique sur une formation pour lire sa page officielle." in html
    assert "ROME" in html and "France Travail" in html  # the jargon is explained
    assert "2022" in html or "2023" in html  # the places' snapshot date is shown


def test_layout_is_ready_for_right_to_left(client: SyncClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from tremplin.web import templating

    monkeypatch.setattr(templating.i18n, "direction", lambda lang: "rtl")
    assert 'dir="rtl"' in client.get("/metiers/D1102").text
    css = client.get("/static/app.css").text
    # logical properties only: no physical left/right in the style sheet
    assert not re.search(r"(?<![-\w])(left|right)\s*:|margin-left|margin-right|padding-left|"
                         r"padding-right|text-align:\s*(left|right)", css)


def test_catalog_text_is_marked_as_french_on_english_pages(client: SyncClient) -> None:
    html = client.get("/metiers/D1102?lang=en").text
    assert '<html lang="en"' in html and '<h1 lang="fr">' in html


def test_interest_centres_screens_feed_the_tracks(client: SyncClient) -> None:
    html = client.get("/parcours/gouts?page=3").text
    boxes = re.findall(r'<input type="checkbox" name="c" value="(\d+)"', html)
    assert boxes == [str(n) for n in range(1, 11)]  # 10 a screen, after the 2 question screens
    assert "envie de créer, construire, rénover" in html and "Écran 3 sur 5" in html
    first = {"page": "3", "pages": "5", "shown": [str(n) for n in range(1, 11)]}
    client.post("/parcours/gouts", data={**first, "c": ["9", "25"]})  # 25 is not on this screen
    assert state.decode(client.cookies.get(state.COOKIE)).centres == ("9",)
    client.post("/parcours/gouts", data={"page": "4", "pages": "5", "c": ["17"],
                                         "shown": [str(n) for n in range(11, 21)]})
    assert state.decode(client.cookies.get(state.COOKIE)).centres == ("9", "17")
    assert 'value="17" checked' in client.get("/parcours/gouts?page=4").text
    client.post("/parcours/gouts", data=first)  # nothing ticked on screen 3 any more
    assert state.decode(client.cookies.get(state.COOKIE)).centres == ("17",)
    tracks = client.get("/parcours/pistes").text
    # with no other answer, the centre alone leads: animal jobs, each saying so in words
    assert "Ce métier va avec ce que tu as choisi : « J&#39;aime m&#39;occuper des animaux »" in tracks


def test_study_level_caps_the_tracks_and_can_be_lifted(client: SyncClient, catalog: Catalog) -> None:
    from tremplin.recommend.index import get_index
    from tremplin.recommend.levels import entry_levels

    client.post("/parcours/competences/experience",
                data={"text": "je soigne les animaux chez un vétérinaire"})
    free = re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', client.get("/parcours/pistes").text)
    lowest = entry_levels(get_index())
    assert any(lowest.get(code, 0) > 4 for code in free)  # some ideas need more than the bac
    client.post("/parcours/pistes/niveau", data={"level": "4"})
    assert state.decode(client.cookies.get(state.COOKIE)).max_level == 4
    html = client.get("/parcours/pistes").text
    capped = re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', html)
    assert capped and all(lowest.get(code, 0) <= 4 for code in capped)
    assert '<details class="level" id="niveau" open>' in html and 'value="4" checked' in html
    client.post("/parcours/pistes/niveau", data={"level": "9"})  # not a level: no limit
    assert state.decode(client.cookies.get(state.COOKIE)).max_level is None
    assert re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', client.get("/parcours/pistes").text) == free


def test_avoided_domains_hide_their_tracks_until_unticked(client: SyncClient) -> None:
    client.post("/parcours/competences/experience",
                data={"text": "je soigne les animaux chez un vétérinaire"})
    html = client.get("/parcours/pistes").text
    free = re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', html)
    assert len(re.findall(r'<input type="checkbox" name="d" value="[A-N]"', html)) == 14
    first = free[0][0]
    client.post("/parcours/pistes/domaines", data={"d": [first, "J", "Z"]})
    assert state.decode(client.cookies.get(state.COOKIE)).avoid == tuple(sorted({first, "J"}))
    html = client.get("/parcours/pistes").text
    kept = re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', html)
    assert kept and not any(code[0] in (first, "J") for code in kept)
    assert f'value="{first}" checked' in html and 'value="Z"' not in html
    client.post("/parcours/pistes/domaines", data={})  # nothing ticked: every domain again
    assert state.decode(client.cookies.get(state.COOKIE)).avoid == ()
    assert re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', client.get("/parcours/pistes").text) == free


def test_tracks_say_when_the_choices_leave_nothing(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je fais du babysitting"})
    client.post("/parcours/pistes/domaines", data={"d": list("ABCDEFGHIJKLMN")})
    html = client.get("/parcours/pistes").text
    assert '<li class="card"' not in html
    assert "Aucune piste avec ces choix" in html and 'value="N" checked' in html


COOKIE_NAME = state.COOKIE


@pytest.mark.parametrize(("text", "message", "old_text"), [
    ("😀😀 ...", "Écris avec des mots", "?!"),                         # no words at all
    ("jsp", "Pas d&#39;idée ? Ce n&#39;est pas grave.", "test"),     # words that say nothing
])
def test_an_experience_with_nothing_to_match_is_refused_and_an_old_one_is_skipped(
        client: SyncClient, text: str, message: str, old_text: str) -> None:
    r = client.post("/parcours/competences/experience", data={"text": text})
    assert r.status_code == 422  # the page comes back at once, the text still in its box
    assert COOKIE_NAME not in r.headers.get("set-cookie", "")
    assert message in r.text
    assert 'aria-invalid="true"' in r.text and 'aria-describedby="exp-error exp-help"' in r.text
    assert f">{text}</textarea>" in r.text
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    good = re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', client.get("/parcours/pistes").text)
    assert good
    # a journey written before texts were checked (or imported) still gets its tracks
    journey = state.decode(client.cookies.get(state.COOKIE))
    old = replace(journey, experiences=(Experience(old_text), *journey.experiences))
    client.cookies.set(state.COOKIE, state.encode(old))
    assert re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', client.get("/parcours/pistes").text) == good


def _key(page: str) -> str:
    found = re.search(r'name="key" value="([0-9a-f]+)"', page)
    assert found, "review and remove forms name their experience"
    return found.group(1)


def _tell(client: SyncClient, text: str, keep: int | None = None) -> tuple[list[int], list[int]]:
    """Write an experience, then tick the first `keep` suggestions on the review screen
    (all of them when None). Returns (shown, ticked)."""
    r = client.post("/parcours/competences/experience", data={"text": text})
    page = client.get(r.headers["location"]).text
    n = re.search(r'name="exp" value="(\d+)"', page)
    assert n, "the review screen follows the experience"
    shown = [int(o) for o in re.findall(r'name="ogr" value="(\d+)"', page)]
    ticked = shown if keep is None else shown[:keep]
    client.post("/parcours/competences/revoir",
                data={"exp": n.group(1), "key": _key(page), "ogr": [str(o) for o in ticked]})
    return shown, ticked


def test_competences_taken_away_never_come_back_as_known(client: SyncClient, catalog: Catalog) -> None:
    _, kept = _tell(client, "j'aide ma mère au restaurant")
    labels = [catalog.get_competence(o).label for o in kept]  # type: ignore[union-attr]
    before = _known_lines(client.get("/parcours/pistes").text)
    assert any(label in line for line in before for label in labels)
    for ogr in kept:
        client.post("/parcours/competences/retirer", data={"ogr": str(ogr)})
    experience = state.decode(client.cookies.get(state.COOKIE)).experiences[0]
    assert experience.competences == () and set(experience.removed) == set(kept)
    html = client.get("/parcours/pistes").text
    assert _known_lines(html) == []  # nothing kept: nothing "known"
    words = _known_lines(html, "Proche de ce que tu as raconté")
    assert words  # the words still lead somewhere...
    assert not any(label in line for line in words for label in labels)  # ...but not to those
    assert _known_lines(html, "Proche de ce que tu sais faire") == []  # they kept nothing


def _known_lines(html: str, lead: str = "Tu sais déjà") -> list[str]:
    """The "Tu sais déjà : …" (or other `lead`) lines of the tracks page, unescaped."""
    import html as html_lib

    return [html_lib.unescape(m) for m in re.findall(rf"<li>{lead} : (.*?)</li>", html)]


def test_tracks_only_say_known_what_the_person_kept(client: SyncClient, catalog: Catalog) -> None:
    _tell(client, "je garde mes petits frères", keep=3)
    kept = {catalog.get_competence(o).label  # type: ignore[union-attr]
            for o in state.decode(client.cookies.get(state.COOKIE)).all_competences()}
    html = client.get("/parcours/pistes").text
    known = [label for line in _known_lines(html) for label in line.rstrip(".").split(" ; ")]
    assert len(kept) == 3 and known and set(known) <= kept
    # what only resembles their competences, or job titles, is said so, not called known
    assert _known_lines(html, "Proche de ce que tu sais faire") or _known_lines(
        html, "Ce que tu as raconté ressemble au métier")


def test_search_reasons_mark_quoted_rome_titles_as_french(client: SyncClient) -> None:
    html = client.get("/recherche", params={"q": "nurse", "lang": "en"}).text
    assert 'Loosely resembles: “<span lang="fr">' in html  # a ROME title quoted: French
    assert "Other name for the job: “nurse”" in html  # what the person typed stays unmarked


def test_a_job_name_alone_is_reviewed_as_that_job(client: SyncClient) -> None:
    r = client.post("/parcours/competences/experience", data={"text": "je suis mécano"})
    page = html.unescape(client.get(r.headers["location"]).text)
    assert ("Tu as écrit le nom d'un métier : <strong lang=\"fr\">Mécanicien / Mécanicienne "
            "automobile</strong>."
            " Voici ce que ce métier demande.") in page
    # the chips are what the mechanic's fiche asks, its key tasks before "Faire preuve
    # d'autonomie" (which came first when the words alone ranked the fiche's items)
    chips = re.findall(r'name="ogr" value="\d+"><span lang="fr">([^<]+)<', page)
    asked = {c["label"] for c in client.get("/api/v1/jobs/I1604").json()["competences"]}
    assert chips and set(chips) <= asked and "Faire preuve d'autonomie" not in chips, chips
    r = client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    assert "le nom d'un métier" not in html.unescape(client.get(r.headers["location"]).text)
    r = client.post("/parcours/competences/experience",
                    data={"text": "j'étais boulangère et infirmière"})
    page = html.unescape(client.get(r.headers["location"]).text)
    assert "Tu as écrit des noms de métiers :" in page  # two jobs, said in the plural
    assert "Voici ce que ces métiers demandent." in page
    # in another alphabet, a job the tables know is said without "ces idées peuvent être
    # fausses" above it; another text keeps the warning
    r = client.post("/parcours/competences/experience", data={"text": "كنت ممرضة"})
    page = html.unescape(client.get(r.headers["location"]).text)
    assert "le nom d'un métier" in page and "peuvent être fausses" not in page
    r = client.post("/parcours/competences/experience", data={"text": "اشتغلت في مطعم"})
    assert "peuvent être fausses" in html.unescape(client.get(r.headers["location"]).text)


def test_an_experience_keeps_only_what_the_person_ticks(client: SyncClient) -> None:
    r = client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    assert "revoir=0" in r.headers["location"]
    page = client.get(r.headers["location"]).text
    assert "Coche seulement ce que tu as vraiment fait" in page
    assert 'name="ogr"' in page and " checked>" not in page  # nothing is ticked for them
    assert state.decode(client.cookies.get(state.COOKIE)).all_competences() == ()
    # before the review, the tracks never say the person knows anything, and ask to check
    tracks = client.get("/parcours/pistes").text
    assert _known_lines(tracks) == [] and 'href="/parcours/competences?revoir=0#revoir"' in tracks
    shown = [int(o) for o in re.findall(r'name="ogr" value="(\d+)"', page)]
    key = _key(page)
    client.post("/parcours/competences/revoir", data={
        "exp": "0", "key": key, "ogr": [str(shown[1]), str(shown[0]), "104174"]})  # not offered
    e = state.decode(client.cookies.get(state.COOKIE)).experiences[0]
    assert e.competences == (shown[1], shown[0]) and set(e.removed) == set(shown[2:])
    again = client.get("/parcours/competences?revoir=0").text  # a second look: kept are ticked
    assert f'value="{shown[0]}" checked' in again and f'value="{shown[2]}" checked' not in again
    client.post("/parcours/competences/revoir", data={"exp": "0", "key": key,
                                                      "ogr": [str(shown[0])]})
    e = state.decode(client.cookies.get(state.COOKIE)).experiences[0]
    assert e.competences == (shown[0],) and set(e.removed) == set(shown[1:])  # untick = away
    assert "(vérifiée)" in client.get("/parcours/competences").text
    assert "revoir=0" not in client.get("/parcours/pistes").text
    client.post("/parcours/competences/revoir", data={"exp": "7", "ogr": ["1"]})  # no such one
    assert state.decode(client.cookies.get(state.COOKIE)).experiences == (e,)
    # an answer from an older page (Back) never lands on another experience
    client.post("/parcours/competences/experience", data={"text": "je garde des enfants"})
    r = client.post("/parcours/competences/revoir", data={"exp": "1", "key": key, "ogr": []})
    assert "ok=reviewed_none" in r.headers["location"]  # found experience 0 by its key
    two = state.decode(client.cookies.get(state.COOKIE)).experiences
    assert two[0].competences == () and two[1].competences == two[1].removed == ()
    stale = client.post("/parcours/competences/revoir",
                        data={"exp": "0", "key": "0" * 12, "ogr": [str(shown[0])]})
    assert "err=changed" in stale.headers["location"]
    client.post("/parcours/competences/experience/retirer", data={"exp": "1", "key": two[1].key})
    client.post("/parcours/competences/experience/retirer", data={"exp": "0", "key": key})
    gone = state.decode(client.cookies.get(state.COOKIE))
    assert gone.experiences == () and gone.all_competences() == ()  # with what it brought


def test_not_for_me_sends_the_job_to_the_end_of_the_list(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    cards = re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', client.get("/parcours/pistes").text)
    r = client.post("/parcours/pistes/avis",
                    data={"code": cards[0], "vote": "-1", "rank": "1", "next": cards[1]})
    assert r.headers["location"].endswith(f"ok=thumbs_down#job-{cards[1]}")  # stay in place
    html = client.get(r.headers["location"]).text
    assert "va en bas de ta liste" in html
    after = re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', html)
    assert after == [*cards[1:], cards[0]]
    client.post("/parcours/pistes/avis", data={"code": cards[0], "vote": "1", "rank": "10"})
    assert re.findall(r'<li class="card" id="job-([A-Z]\d{4})"',
                      client.get("/parcours/pistes").text) == cards  # changed their mind


def test_keeping_nothing_is_not_congratulated(client: SyncClient) -> None:
    r = client.post("/parcours/competences/garder", data={})
    assert "ok=nothing_kept" in r.headers["location"]
    journey = state.decode(client.cookies.get(state.COOKIE))
    assert "competences" not in journey.badges and journey.xp == 0
    assert "rien n&#39;a été ajouté" in client.get(r.headers["location"]).text


def test_fixed_lists_are_read_once(client: SyncClient, web_services: Any,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    for url in ("/parcours/pistes", "/parcours/gouts?page=3"):
        client.get(url)  # the first render may read them
    asked = record_queries(monkeypatch, web_services.catalog)
    for url in ("/parcours/pistes", "/parcours/gouts?page=3"):
        assert client.get(url).status_code == 200
    client.post("/parcours/pistes/domaines", data={"d": ["K"]})
    assert asked  # the pages still read the catalog (trainings, job texts)...
    lists = ("FROM grand_domains", "FROM domains", "GROUP BY domain_code", "FROM interest_centres")
    assert not [sql for sql in asked if any(part in sql for part in lists)]


def test_ticking_nothing_keeps_the_words_meaning(client: SyncClient) -> None:
    text = "je fais la caisse au supermarché"
    shown, ticked = _tell(client, text, keep=0)
    assert shown and not ticked
    experience = state.decode(client.cookies.get(state.COOKIE)).experiences[0]
    # checked (no "not checked yet" notice, nothing guessed), but nothing taken away: the
    # 8 closest items blocked left only chance look-alikes (Actuaire, Mouleur noyauteur…)
    assert experience.checked and experience.removed == () and experience.competences == ()
    html = client.get("/parcours/pistes").text
    cards = re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', html)
    assert "D1505" in cards  # Hôte de caisse
    assert "(deviné par l'outil" not in html


def test_loose_look_alikes_are_said_to_be_only_a_little_close(client: SyncClient) -> None:
    client.post("/parcours/competences/experience",
                data={"text": "je joue à la console avec mes potes"})
    html = client.get("/parcours/pistes").text
    loose = i18n.messages("fr")["tracks_loose"].split(" :")[0]
    cards = re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', html)
    codes = [c for c in cards if loose in _card_html(html, c)]
    assert codes, "no card with only loose look-alikes: the test tests nothing"
    page = client.get(f"/comment/metier/{codes[0]}").text
    assert str(escape(i18n.messages("fr")["explain_loose"])) in page
    assert "Proche de ce que tu sais faire" not in _card_html(html, codes[0])


def _card_html(html: str, code: str) -> str:
    start = html.index(f'id="job-{code}"')
    end = html.find('<li class="card"', start)
    return html[start:end if end > 0 else len(html)]


def test_a_text_in_another_alphabet_is_said_to_be_poorly_understood(client: SyncClient) -> None:
    from tremplin.recommend.wording import say

    warning = str(escape(say("fr", "other_script")))  # the engine's own sentence
    r = client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    assert warning not in client.get(r.headers["location"]).text
    r = client.post("/parcours/competences/experience", data={"text": "كنت أساعد أبي في المخبز"})
    review = client.get(r.headers["location"]).text
    assert warning in review  # where the young person reads what the tool understood
    tracks = client.get("/parcours/pistes").text
    assert tracks.count(warning) == 1  # once above the cards, not on each of them


def test_the_explanation_of_a_turned_down_job_says_why_it_is_last(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    cards = re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', client.get("/parcours/pistes").text)
    note = str(escape(i18n.messages("fr")["explain_job_turned_down"]))
    assert note not in client.get(f"/comment/metier/{cards[0]}").text
    client.post("/parcours/pistes/avis", data={"code": cards[0], "vote": "-1", "next": cards[1]})
    page = client.get(f"/comment/metier/{cards[0]}").text
    assert note in page and f"à la place {len(cards)} " in page


def test_a_guess_is_said_to_come_from_the_words_not_to_resemble_itself(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    cards = re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', client.get("/parcours/pistes").text)
    page = client.get(f"/comment/metier/{cards[0]}").text
    assert "l&#39;outil l&#39;a deviné d&#39;après ce que tu as écrit (« <bdi>" in page
    for label in re.findall(r'<li><span lang="fr">([^<]+)</span> : proche de « ([^»]+) »', page):
        assert label[0] != label[1].strip()  # never "X : proche de « X »"


def test_the_same_answer_everywhere_says_so_instead_of_no_track(client: SyncClient) -> None:
    from tremplin.recommend import riasec_questions

    answers = {q.id.upper(): 2 for q in riasec_questions("fr")}
    client.cookies.set(state.COOKIE, state.encode(Journey(riasec=answers)))
    said = str(escape(i18n.messages("fr")["tracks_all_same"]))
    assert said in client.get("/parcours/pistes").text
    assert said in client.get("/comment/metier/K1303").text


def test_places_on_a_job_page_are_dated_in_words(client: SyncClient) -> None:
    html = client.get("/metiers/D1102", params={"cp": "93200"}).text
    assert re.search(r"\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|"
                     r"septembre|octobre|novembre|décembre) \d{4}", html)
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", html)  # no ISO date left for a reader


def test_places_give_their_hours_in_words_and_distances_in_french(client: SyncClient) -> None:
    html = client.get("/metiers/D1102", params={"cp": "93200"}).text
    assert "Horaires :" in html and not re.search(r"\b(Mo|Tu|We|Th|Fr)-?(Mo|Tu|We|Th|Fr)? \d\d:", html)
    assert not re.search(r"\d\.\d+ km", html)  # "0,45 km", not "0.45 km"


def test_pages_showing_a_journey_are_never_kept_in_a_cache(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    for url in ("/parcours/pistes", "/parcours/competences", "/accompagnant",
                "/accompagnant/synthese", "/"):
        assert client.get(url).headers.get("cache-control") == "no-store", url
    assert client.get("/static/app.css").headers.get("cache-control") != "no-store"


def test_static_files_and_the_avatar_preview_are_kept_by_a_slow_phone(client: SyncClient) -> None:
    page = client.get("/").text
    css = re.search(r'href="(/static/app\.css\?v=[^"]+)"', page)
    js = re.search(r'src="(/static/app\.js\?v=[^"]+)"', page)
    assert css and js
    for url in (css.group(1), js.group(1)):  # a new version is a new address: kept a year
        assert client.get(url).headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get("/static/icon.svg").headers["cache-control"] == "public, max-age=86400"
    stale = client.get("/static/app.css", params={"v": "bogus"})  # an old page's address
    assert stale.headers["cache-control"] == "public, max-age=86400"
    assert "cache-control" not in client.get("/static/nothing.css").headers  # a 404 is not kept
    preview = client.get("/avatar.svg", params={"hair": "short"})
    assert preview.status_code == 200
    assert preview.headers["cache-control"] == "private, max-age=86400"
    assert "Cookie" in preview.headers["vary"]


def test_ending_a_helper_session_offers_to_clear_everything(client: SyncClient) -> None:
    client.post("/accompagnant/commencer", data={"fresh": "1"})
    html = client.get("/accompagnant").text
    end = html[html.index(str(escape(i18n.messages("fr")["helper_end_heading"]))):]
    assert '<form method="get" action="/effacer">' in end
    assert str(escape(i18n.messages("fr")["helper_end_erase"])) in end


def test_forms_land_on_their_result_and_say_what_happened(client: SyncClient) -> None:
    html = client.get("/parcours/competences").text
    assert 'action="/parcours/competences#find-heading"' in html  # search results in view
    bad = client.get("/metiers/D1102", params={"cp": "75"}).text
    assert 'aria-invalid="true"' in bad and 'aria-describedby="cp-error cp-help"' in bad
    assert 'id="cp-error"' in bad
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    r = client.post("/parcours/pistes/niveau", data={"level": "4"})
    assert r.headers["location"] == "/parcours/pistes?ok=level#niveau"
    level = client.get(r.headers["location"]).text
    said = str(escape(i18n.messages("fr")["cheer_level"]))
    assert f'<p class="moved" role="status">{said}</p>' in level
    r = client.post("/parcours/pistes/domaines", data={"d": ["A"]})
    assert 'role="status">' in client.get(r.headers["location"]).text


def test_each_questionnaire_screen_has_its_own_page_title(client: SyncClient) -> None:
    titles = {re.search(r"<title>([^<]*)</title>", client.get(
        "/parcours/gouts", params={"page": n}).text).group(1) for n in (1, 2)}  # type: ignore[union-attr]
    assert len(titles) == 2 and all("Écran" in t for t in titles)


def test_a_job_onisep_names_no_metier_of_shows_no_other_jobs_trainings(client: SyncClient) -> None:
    def trainings_section(code: str) -> str:
        html = client.get(f"/metiers/{code}").text
        start = html.index('id="train-heading"')
        return html[start:html.index("</section>", start)]

    repairer = trainings_section("I1407")  # ONISEP's métiers of its v3 code name other jobs
    assert "Regarde les diplômes que cite le ROME, juste en dessous." in repairer
    assert "<li>CQP technicien de maintenance des systèmes informatiques</li>" in repairer
    assert "matériels agricoles" not in repairer
    assert "<a href=" in trainings_section("I1402")  # its own métier: its own trainings


def test_a_card_without_onisep_trainings_shows_the_diplomas_rome_names(client: SyncClient) -> None:
    client.post("/parcours/competences/experience",
                data={"text": "je répare les téléphones de mes potes, je change les écrans"})
    html = client.get("/parcours/pistes").text
    start = html.find('<li class="card" id="job-I1407"')
    assert start >= 0, "the phone repairer is among the tracks"
    end = html.find('<li class="card"', start + 1)
    card = html[start:end if end > 0 else len(html)]
    assert "cite ces diplômes" in card
    assert "CQP technicien de maintenance des systèmes informatiques" in card


@pytest.mark.parametrize(("form", "data"), [
    ("/parcours/pistes/niveau", {"level": "4"}), ("/parcours/pistes/domaines", {"d": ["K"]})])
def test_a_saved_choice_is_said_once_next_to_its_form(
        client: SyncClient, form: str, data: dict[str, Any]) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    html = client.get(client.post(form, data=data).headers["location"]).text
    assert html.count("C&#39;est enregistré. Les pistes suivent ce choix.") == 1
    # said where the page lands, right under the form's title, in a box left open
    said = re.search(r'<details class="\w+" id="\w+" open>\s*<summary>[^<]*</summary>\s*'
                     r'<p class="moved" role="status">C&#39;est enregistré', html)
    assert said, "the confirmation sits at the top of its open box"


def test_saving_no_level_still_shows_the_confirmation(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    html = client.get(client.post("/parcours/pistes/niveau", data={"level": ""}).headers[
        "location"]).text
    assert '<details class="level" id="niveau" open>' in html


def test_training_levels_are_said_in_plain_words(client: SyncClient) -> None:
    # ONISEP writes "niveau 3 (CAP ou équivalent)" or "non inscrit au RNCP": jargon for a
    # young reader; the pages say the study level in words, in the page's language
    baker = client.get("/metiers/D1102").text
    start = baker.index('id="train-heading"')
    trainings = baker[start:baker.index("</section>", start)]
    assert '<span lang="fr">— niveau CAP</span>' in trainings
    assert "RNCP" not in trainings.replace("rncp", "") and "niveau 3 (" not in trainings
    english = client.get("/metiers/D1102", params={"lang": "en"}).text
    assert '<span lang="en">— CAP level</span>' in english
    client.post("/parcours/competences/experience", data={"text": "je fais du pain avec mon père"})
    tracks = client.get("/parcours/pistes", params={"lang": "fr"}).text
    assert "— niveau CAP</span>" in tracks and "non inscrit au RNCP" not in tracks


def test_the_companion_does_not_ask_to_tick_when_nothing_was_found(client: SyncClient) -> None:
    def after(text: str) -> str:
        r = client.post("/parcours/competences/experience", data={"text": text})
        return client.get(r.headers["location"]).text

    found = after("je garde mes petits frères le soir")
    assert 'name="ogr"' in found and "Coche ce qui est juste." in found
    nothing = after("minecraft")
    assert 'name="ogr"' not in nothing  # the review has nothing to tick…
    assert "Coche ce qui est juste." not in nothing  # …so the companion does not ask to
    assert "L&#39;outil n&#39;a pas trouvé de compétence dans ce texte." in nothing
