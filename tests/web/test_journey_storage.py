"""The journey kept in the browser, through the real app and catalog: a change that would not
fit in the cookie is refused and said, never trimmed silently; the same experience is told
once; the postcode is kept in the journey (tracks page, job pages, summary); the summary is
reachable from the tracks page."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from tests.web.conftest import SyncClient
from tremplin.guide.journey import Experience, Journey
from tremplin.web import state

FULL = "Il n&#39;y a plus de place pour ton parcours"
CARD = r'<li class="card" id="job-([A-Z]\d{4})"'


def fits(j: Journey) -> bool:
    return len(state.encode(j)) <= state.MAX_COOKIE_CHARS


def journey(client: SyncClient) -> Journey:
    return state.decode(client.cookies.get(state.COOKIE))


def note(i: int) -> str:
    """A 300-character helper note that compresses badly (like varied real notes)."""
    r = random.Random(i)
    return "".join(r.choice("abcdefghijklmnopqrstuvwxyzéèà ,.") for _ in range(300))


def fill_with_notes(client: SyncClient) -> int:
    """Helper notes until the app refuses one; returns how many were kept."""
    n = 0
    while client.post("/accompagnant/notes", data={"note": note(n)}).status_code == 303:
        n += 1
        assert n <= 20
    return n


def tell(client: SyncClient, text: str) -> tuple[str, str | None]:
    """Write an experience, then tick every competence offered for it. Returns where each
    of the two answers led (None when the experience itself was refused)."""
    first = client.post("/parcours/competences/experience", data={"text": text})
    landing = client.get(first.headers["location"]).text
    n = re.search(r'name="exp" value="(\d+)"', landing)
    key = re.search(r'name="key" value="([0-9a-f]+)"', landing)
    if "revoir=" not in first.headers["location"] or not (n and key):
        return first.headers["location"], None
    shown = re.findall(r'name="ogr" value="(\d+)"', landing)
    second = client.post("/parcours/competences/revoir",
                         data={"exp": n.group(1), "key": key.group(1), "ogr": shown})
    return first.headers["location"], second.headers["location"]


def kept_everything(before: Journey, after: Journey) -> None:
    """`after` lost nothing of `before` (it may have more)."""
    assert after.notes == before.notes
    assert set(after.thumbs.items()) >= set(before.thumbs.items())
    assert after.postcode == before.postcode
    for old in before.experiences:
        assert old.text, "an experience text was emptied"
        same = [e for e in after.experiences if e.text == old.text]
        assert same, f"experience {old.text!r} disappeared"
        assert set(same[0].competences) >= set(old.competences)
        assert set(same[0].removed) >= set(old.removed) - set(same[0].competences)


def test_a_full_journey_refuses_a_change_and_says_so(client: SyncClient) -> None:
    client.post("/accompagnant/commencer", data={"fresh": "1"})
    # one reviewed experience with a competence taken away, and a thumb up
    r = client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    landing = client.get(r.headers["location"]).text
    shown = re.findall(r'name="ogr" value="(\d+)"', landing)
    key = re.search(r'name="key" value="([0-9a-f]+)"', landing)
    assert shown and key
    client.post("/parcours/competences/revoir",
                data={"exp": "0", "key": key.group(1), "ogr": shown[:-1]})
    cards = re.findall(CARD, client.get("/parcours/pistes").text)
    client.post("/parcours/pistes/avis", data={"code": cards[0], "vote": "1"})
    assert fill_with_notes(client) >= 5
    start = journey(client)
    assert start.experiences[0].removed and start.thumbs == {cards[0]: 1}
    full_seen = False
    for text in ("je garde des enfants le soir", "je fais la cuisine pour ma famille",
                 "j'aide au jardin de mon voisin", "je joue au foot en club",
                 "je vends des fruits au marché", "je répare l'ordinateur de ma tante",
                 # the notes leave room for the journey (state.notes_fit): more is needed
                 "je fais du baby-sitting le samedi", "j'ai fait un stage dans une boulangerie",
                 "je donne des cours de maths à mon cousin", "je nettoie la voiture de mon père",
                 "je fais le ménage chez ma grand-mère", "je distribue des colis aux Restos du cœur",
                 "je monte des vidéos pour ma chaîne", "je promène les chiens du voisin",
                 "j'ai servi au café du village cet été", "je bricole des meubles en bois",
                 "je coiffe mes sœurs pour les fêtes", "j'ai vendu des crêpes au lycée"):
        before = journey(client)
        first, second = tell(client, text)
        after = journey(client)
        kept_everything(before, after)
        assert fits(after)
        if "ok=full" in first or (second and "ok=full" in second):
            full_seen = True
            assert FULL in client.get(second if second and "ok=full" in second else first).text
            if "ok=full" in first:
                assert after == before  # the refused experience is not half-kept
        else:
            assert any(e.text == text for e in after.experiences)
    assert full_seen, "the journey never filled up: the test does not test anything"
    kept_everything(start, journey(client))


def brimful(base: Journey, change: Callable[[Journey], Journey]) -> Journey:
    """`base` with helper notes added until it just fits, and `change` of it would not."""
    text = "".join(note(i) for i in range(20))

    def with_notes(n: int) -> Journey:  # the first n characters, in notes of 300 (as read)
        notes = [text[i:min(i + 300, n)] for i in range(0, n, 300)]
        return Journey.from_dict({**base.to_dict(), "notes": notes})

    whole = next(n for n in range(0, len(text), 300) if not fits(change(with_notes(n))))
    for n in range(max(0, whole - 300), whole + 1):
        if not fits(change(with_notes(n))):
            assert fits(with_notes(n)), "the change alone is too big for this test"
            return with_notes(n)
    raise AssertionError("never full")


def test_a_thumb_on_a_job_page_that_would_not_fit_is_refused_there(client: SyncClient) -> None:
    before = brimful(Journey(thumbs={"D1102": 1}, badges=("thumbs",)),
                     lambda j: replace(j, thumbs={**j.thumbs, "D1103": 1}, xp=j.xp + 5))
    client.cookies.set(state.COOKIE, state.encode(before))
    r = client.post("/parcours/pistes/avis", data={"code": "D1103", "vote": "1", "from": "job"})
    assert r.headers["location"] == "/metiers/D1103?ok=full#main"
    assert "set-cookie" not in r.headers and journey(client) == before
    assert FULL in client.get(r.headers["location"]).text


def test_a_competence_taken_away_that_would_not_fit_is_refused(client: SyncClient) -> None:
    """Taking a competence away grows `removed`: refused too when full, nothing lost."""
    exp = Experience("je répare des vélos", (104174, 104175))
    before = brimful(Journey(experiences=(exp,)),
                     lambda j: replace(j, experiences=(exp.without(104174),)))
    client.cookies.set(state.COOKIE, state.encode(before))
    r = client.post("/parcours/competences/retirer", data={"ogr": "104174"})
    assert r.headers["location"] == "/parcours/competences?ok=full#main"
    assert journey(client) == before
    assert FULL in client.get(r.headers["location"]).text


def test_what_fits_is_kept_whole(client: SyncClient) -> None:
    """Below the limit nothing changes: every experience is kept, with its words."""
    for text in ("je garde des enfants le soir", "je fais la cuisine pour ma famille"):
        first, second = tell(client, text)
        assert "ok=full" not in first and second and "ok=full" not in second
    assert [e.text for e in journey(client).experiences] == [
        "je garde des enfants le soir", "je fais la cuisine pour ma famille"]


def test_the_same_experience_is_told_once(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "Je répare des vélos"})
    r = client.post("/parcours/competences/experience", data={"text": "  je RÉPARE   des vélos "})
    assert r.headers["location"] == "/parcours/competences?ok=experience_same#exp-heading"
    assert [e.text for e in journey(client).experiences] == ["Je répare des vélos"]
    assert "Tu as déjà raconté cette expérience" in client.get(r.headers["location"]).text
    r = client.post("/parcours/competences/experience", data={"text": "je répare des motos"})
    assert "ok=experience" in r.headers["location"]
    assert len(journey(client).experiences) == 2


def test_helper_page_says_how_much_room_the_journey_takes(client: SyncClient) -> None:
    empty = state.used_percent(Journey())
    assert empty <= 2
    assert f"Place utilisée par le parcours dans ce navigateur : {empty} %" in client.get(
        "/accompagnant").text
    fill_with_notes(client)
    used = state.used_percent(journey(client))
    assert used > 60
    assert f"Place utilisée par le parcours dans ce navigateur : {used} %" in client.get(
        "/accompagnant").text


def test_a_21st_experience_never_pushes_the_first_one_out(client: SyncClient) -> None:
    before = Journey(experiences=tuple(Experience(f"je fais du sport numéro {i}", (104174,))
                                       for i in range(20)))
    client.cookies.set(state.COOKIE, state.encode(before))
    r = client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    assert r.headers["location"] == "/parcours/competences?ok=experiences_full#exp-heading"
    assert journey(client) == before
    assert "Tu as déjà raconté 20 expériences" in client.get(r.headers["location"]).text


def _places(html: str) -> list[str]:
    return re.findall(r'<ul class="places" lang="fr">', html)


def test_postcode_is_kept_used_and_can_be_erased(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    html = client.get("/parcours/pistes").text
    assert '<details class="postcode" id="code-postal">' in html  # folded while empty
    assert "Ton code postal (pour trouver de l&#39;aide près de chez toi)" in html
    assert 'action="/parcours/pistes/code-postal"' in html
    # a bad postcode is refused, said, and shown back to be corrected; nothing is kept
    r = client.post("/parcours/pistes/code-postal", data={"cp": "75 0a"})
    assert "err=cp" in r.headers["location"] and "#" not in r.headers["location"]  # autofocus
    assert journey(client).postcode is None
    html = client.get(r.headers["location"]).text
    assert "Le code postal doit avoir 5 chiffres." in html
    assert 'value="75 0a"' in html and 'aria-invalid="true"' in html
    assert '<details class="postcode" id="code-postal" open>' in html
    # a good one is kept, the form lands back on itself, pre-filled
    r = client.post("/parcours/pistes/code-postal", data={"cp": " 75011 "})
    assert r.headers["location"] == "/parcours/pistes?ok=postcode#code-postal"
    assert journey(client).postcode == "75011"
    html = client.get(r.headers["location"]).text
    assert '<details class="postcode" id="code-postal" open>' in html and 'value="75011"' in html
    # the job page uses it by default, says so, and still takes another one for a look
    html = client.get("/metiers/D1102").text
    assert 'value="75011"' in html and _places(html)
    assert "C&#39;est le code postal gardé dans ton parcours" in html
    html = client.get("/metiers/D1102?cp=").text  # emptied by the person: no places
    assert 'value=""' in html and not _places(html)
    assert 'value="69001"' in client.get("/metiers/D1102?cp=69001").text
    assert journey(client).postcode == "75011"  # a look elsewhere is not kept
    # the summary shows places near it
    summary = client.get("/accompagnant/synthese").text
    assert "Lieux pour se faire aider" in summary
    # erased with its button (an empty field erases it too)
    r = client.post("/parcours/pistes/code-postal", data={"cp": "75011", "action": "erase"})
    assert "ok=postcode_erased" in r.headers["location"]
    assert journey(client).postcode is None
    html = client.get("/metiers/D1102").text
    assert 'value=""' in html and not _places(html)
    assert "Lieux pour se faire aider" not in client.get("/accompagnant/synthese").text
    client.post("/parcours/pistes/code-postal", data={"cp": "75011"})
    client.post("/parcours/pistes/code-postal", data={"cp": ""})
    assert journey(client).postcode is None


def test_postcode_form_in_english(client: SyncClient) -> None:
    html = client.get("/parcours/pistes?lang=en").text
    assert "Your postcode (to find help near you)" in html


def test_tracks_page_links_to_the_summary_without_helper_mode(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    html = client.get("/parcours/pistes").text
    assert '<a href="/accompagnant/synthese">Voir le résumé de mon parcours</a>' in html
    assert "tremplin_helper" not in client.cookies
    assert client.get("/accompagnant/synthese").status_code == 200


@pytest.mark.parametrize("url", ["/api/v1/places?postcode=75011", "/api/v1/domains"])
def test_json_api_never_touches_the_journey(client: SyncClient, url: str) -> None:
    client.cookies.set(state.COOKIE, state.encode(Journey(notes=("x",), postcode="69001")))
    r = client.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert "set-cookie" not in r.headers
