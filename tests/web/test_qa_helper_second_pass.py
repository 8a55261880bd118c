"""Helper mode after a second QA pass, through the real ASGI app (most harmful first):
1. the summary (page, print, PDF) never describes the avatar (skin tone, headscarf,
   wheelchair stand in for origin, religion, disability); 2. on a shared computer, helper
   mode keeps the journey for the browser session only, and leaving it clears the session's
   data; 3. the helper's notes stay out of the profile file and the QR code; 4. the QR code
   has a page of its own, with what to do, a way back and a warning on a local address;
   5-10: see the tests below."""

from __future__ import annotations

import html as html_lib
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from tremplin.guide.feedback import FeedbackStore
from tremplin.guide.journey import Journey
from tremplin.web import state
from tremplin.web.services import Services

from .conftest import SyncClient

# the QA's journey: an avatar with a skin tone, a headscarf and a wheelchair, and a note
AVATAR = {"shape": "round", "skin": "tone3", "hair": "long", "headwear": "headscarf",
          "top": "tshirt", "colour": "blue", "accessory": "wheelchair", "expression": "smile"}
NOTE = "Très à l'aise à l'oral. Prochain RDV : voir les formations avec la mission locale."
JOURNEY = Journey(avatar=AVATAR, competences=(104174,), riasec={"R1": 2, "S1": 1, "A1": 2},
                  notes=(NOTE,), postcode="93200")
AVATAR_WORDS = {"fr": ("teinte", "foulard", "fauteuil", "Avatar", "peau"),
                "en": ("tone 3", "headscarf", "wheelchair", "Avatar", "skin")}


def with_journey(client: SyncClient, journey: Journey = JOURNEY) -> None:
    client.cookies.set(state.COOKIE, state.encode(journey))


def served_journey(client: SyncClient, journey: Journey = JOURNEY) -> None:
    """`journey` set by the app itself (a profile file of an older Tremplin, notes and all),
    so that the app's own deletions reach it in the client's cookie jar."""
    body = {"format": "tremplin-journey", **journey.to_compact_dict()}
    r = client.post("/profil/import", files={"file": ("tremplin-profil.json",
                                                      json.dumps(body).encode(), "application/json")})
    assert r.status_code == 303
    assert state.decode(client.cookies.get(state.COOKIE)) == journey


def text_of(html: str) -> str:
    return html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", html).split()))


def main_of(html: str) -> str:
    return text_of(html.split('<main id="main"', 1)[1].split("</main>", 1)[0])


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def set_cookies(response: object) -> list[str]:
    return list(response.headers.get_list("set-cookie"))  # type: ignore[attr-defined]


def journey_cookie(response: object) -> str:
    found = [c for c in set_cookies(response) if c.startswith(state.COOKIE + "=")]
    assert found, "no journey cookie sent"
    return found[-1]


@pytest.fixture()
def store(web_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
          ) -> Iterator[FeedbackStore]:
    s = FeedbackStore(tmp_path / "feedback.sqlite")
    monkeypatch.setattr(web_services, "_feedback", s)
    yield s
    s.close()


# --- 1. no avatar on the summary --------------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_summary_never_describes_the_avatar(client: SyncClient, lang: str) -> None:
    with_journey(client)
    page = client.get("/accompagnant/synthese", params={"lang": lang})
    assert page.status_code == 200
    shown = page.text  # the whole page: text, titles and labels
    pdf = pdf_text(client.get("/accompagnant/synthese.pdf").content)
    for word in AVATAR_WORDS[lang]:
        assert word not in html_lib.unescape(shown), word
        assert word not in pdf, word
    assert "<svg" not in shown.split('<main id="main"', 1)[1]  # nor its drawing


# --- 2. a shared computer -----------------------------------------------------------------------

def test_outside_helper_mode_the_journey_is_kept_90_days(client: SyncClient) -> None:
    r = client.post("/parcours/pistes/code-postal", data={"cp": "75011"})
    assert f"Max-Age={state.MAX_AGE_S}" in journey_cookie(r)


def test_in_helper_mode_the_journey_lasts_the_browser_session(client: SyncClient) -> None:
    with_journey(client, Journey(competences=(104174,)))
    start = client.post("/accompagnant/commencer", data={"fresh": "0"})
    # the journey in progress is sent again, as a session cookie (no Max-Age, no expiry)
    cookie = journey_cookie(start)
    assert "Max-Age" not in cookie and "expires" not in cookie.lower(), cookie
    for url, data in (("/accompagnant/notes", {"note": NOTE}),
                      ("/parcours/pistes/code-postal", {"cp": "75011"})):
        cookie = journey_cookie(client.post(url, data=data))
        assert "Max-Age" not in cookie and "expires" not in cookie.lower(), (url, cookie)
    fresh = client.post("/accompagnant/commencer", data={"fresh": "1"})
    assert any("Max-Age=0" in c for c in set_cookies(fresh) if c.startswith(state.COOKIE))
    client.post("/parcours/avatar", data={"hair": "short"})
    assert "Max-Age" not in journey_cookie(client.post("/parcours/avatar", data={"hair": "bun"}))


def test_leaving_helper_mode_clears_the_session_by_default(client: SyncClient) -> None:
    served_journey(client)
    client.post("/accompagnant/commencer", data={"fresh": "0"})
    page = client.get("/accompagnant").text
    assert 'name="erase" value="1"' in page and 'name="erase" value="0"' in page
    r = client.post("/accompagnant/terminer", data={"erase": "1"})
    assert r.status_code == 303
    gone = [c for c in set_cookies(r) if "Max-Age=0" in c]
    assert any(c.startswith(state.COOKIE + "=") for c in gone)
    assert any(c.startswith(state.HELPER_COOKIE + "=") for c in gone)
    assert client.cookies.get(state.COOKIE) is None
    after = main_of(client.get(r.headers["location"]).text)
    assert "Le parcours et les notes de la séance sont effacés de ce navigateur" in after
    assert NOTE not in after
    # the next person sees nothing of it
    assert "Reprendre mon parcours" not in main_of(client.get("/").text)
    assert NOTE not in client.get("/accompagnant/synthese").text
    # a form without the choice (an older page) clears too
    served_journey(client)
    client.post("/accompagnant/commencer", data={"fresh": "0"})
    client.post("/accompagnant/terminer")
    assert client.cookies.get(state.COOKIE) is None


def test_leaving_helper_mode_may_keep_the_journey_and_says_so(client: SyncClient) -> None:
    served_journey(client)
    client.post("/accompagnant/commencer", data={"fresh": "0"})
    r = client.post("/accompagnant/terminer", data={"erase": "0"})
    assert client.cookies.get(state.HELPER_COOKIE) is None
    assert state.decode(client.cookies.get(state.COOKIE)) == JOURNEY
    after = main_of(client.get(r.headers["location"]).text)
    assert "Rien n'est effacé" in after
    # back in the normal mode, the journey is kept 90 days again
    cookie = journey_cookie(client.post("/parcours/pistes/code-postal", data={"cp": "75011"}))
    assert f"Max-Age={state.MAX_AGE_S}" in cookie


def test_the_helper_page_says_how_long_the_session_lasts(client: SyncClient) -> None:
    fr = main_of(client.get("/accompagnant").text)
    assert "jusqu'à sa fermeture" in fr
    en = main_of(client.get("/accompagnant", params={"lang": "en"}).text)
    assert "until it is closed" in en


# --- 3. the helper's notes stay with the helper -------------------------------------------------

def test_the_notes_stay_out_of_the_profile_file_and_the_qr_code(client: SyncClient) -> None:
    from tremplin.guide.portable import decode_qr_payload

    with_journey(client)
    exported = client.get("/profil/export")
    data = json.loads(exported.content)
    assert "notes" not in data and "l'oral" not in exported.text
    assert data["avatar"] == AVATAR  # the young person's own choice, on their own file
    # the QR code the page draws is the code of this link: without the notes either
    from tremplin.guide.portable import qr_payload, qr_svg

    link = qr_payload(JOURNEY, base_url="http://testserver/profil/import")
    assert decode_qr_payload(link).notes == () and decode_qr_payload(link).avatar == AVATAR
    assert client.get("/profil/qr.svg").text == qr_svg(
        JOURNEY, base_url="http://testserver/profil/import", lang="fr")
    page = main_of(client.get("/accompagnant").text)
    assert "Elles ne sont pas dans le profil (fichier ou QR code) donné à la personne" in page


# --- 4. the QR code page ----------------------------------------------------------------------------

def test_the_qr_code_has_a_page_of_its_own(client: SyncClient) -> None:
    with_journey(client)
    r = client.get("/profil/qr")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    main = main_of(page)
    assert re.search(r"<h1>Le QR code de ton profil</h1>", page)
    assert "Vise ce code avec l'appareil photo d'un téléphone" in main
    assert '<a href="/accompagnant">Retour au mode accompagnant</a>' in page
    assert '<a href="/profil/qr.svg" download>' in page
    assert re.search(r'<figure class="qr-code"[^>]*><svg', page)
    # "testserver" is a name other devices may reach: no warning
    assert "Un téléphone ne peut pas l'ouvrir" not in main
    svg = client.get("/profil/qr.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "attachment" in svg.headers["content-disposition"]
    english = main_of(client.get("/profil/qr", params={"lang": "en"}).text)
    assert "Point a phone's camera at this code" in english


@pytest.mark.parametrize("host", ["127.0.0.1:8163", "localhost:8163", "[::1]:8163"])
def test_a_local_address_gets_a_warning_and_the_file(client: SyncClient, host: str) -> None:
    with_journey(client)
    page = client.get("/profil/qr", headers={"host": host}).text
    main = main_of(page)
    assert "Un téléphone ne peut pas l'ouvrir" in main and "fichier du profil" in main
    assert 'href="/profil/export"' in page


def test_a_profile_too_big_for_a_qr_code_says_so_on_the_page(client: SyncClient) -> None:
    import random
    import string

    rnd = random.Random(7)
    texts = ["".join(rnd.choice(string.ascii_letters) for _ in range(480)) for _ in range(7)]
    big = Journey.from_dict({"version": 1, "experiences": [{"text": t, "competences": []}
                                                           for t in texts]})
    with_journey(client, big)
    r = client.get("/profil/qr")
    assert r.status_code == 413 and 'role="alert"' in r.text and "QR code" in r.text
    assert 'href="/profil/export"' in r.text


# --- 5. the job cards: what the person can do first, then tastes, with their subject ----------

# the QA's first journey: two experiences reviewed, two competences, tastes and three centres
SKILLS_AND_TASTES = Journey.from_dict({
    "version": 1, "lang": "fr",
    "riasec": {"A1": 2, "A2": 2, "A3": 2, "S1": 2, "S2": 1, "S3": 1, "R1": 0, "I1": 0, "E1": 0,
               "C1": 0},
    "experiences": [
        {"text": "Je garde des enfants le soir et le mercredi, je les aide aux devoirs.",
         "competences": [108411, 511814, 400097], "removed": [107371, 404166]},
        {"text": "J'aime dessiner, je fais des portraits et des BD.",
         "competences": [104468, 300069, 125209], "removed": [104435, 120899]}],
    "competences": [104468, 125822], "centres": ["7", "21", "30"],
    "badges": ["avatar", "interests", "experience", "competences"], "xp": 250,
})
CARD = re.compile(r'<li class="card" id="job-([A-N]\d{4})">(.*?)</li>\s*(?=<li class="card"|</ol>)',
                  re.S)


def cards_of(html: str) -> dict[str, str]:
    return dict(CARD.findall(html))


def first_reason(card: str) -> str:
    shown = card.split('<details class="card-more">', 1)[0]
    m = re.search(r'<ul class="why-list"><li>(.*?)</li>', shown, re.S)
    assert m, "no reason in view"
    return text_of(m.group(1))


def test_a_card_says_first_what_the_person_can_do_then_their_tastes(
        client: SyncClient, need_recommend: None) -> None:
    with_journey(client, SKILLS_AND_TASTES)
    cards = cards_of(client.get("/parcours/pistes").text)
    assert len(cards) == 10
    firsts = [first_reason(card) for card in cards.values()]
    # QA: the only reason in view was "Tes réponses aux questions donnent 78 %…"
    assert not any(f.startswith(("Tes réponses", "Pour tes goûts")) for f in firsts), firsts
    assert sum(f.startswith("Tu sais déjà : ") for f in firsts) >= 5, firsts
    for card in cards.values():
        text = text_of(card)
        assert "Pour tes goûts : tes réponses aux questions donnent" in text
        assert "Tes réponses aux questions donnent" not in text  # never without its subject
        # skills before tastes, in view or folded
        reasons = [text_of(li) for li in re.findall(r"<li>(.*?)</li>", card.split(
            '<h3 class="small-heading">À apprendre', 1)[0], re.S)]
        tastes = next(i for i, r in enumerate(reasons) if r.startswith("Pour tes goûts"))
        assert all(not r.startswith(("Tu sais déjà", "Proche de ce que tu sais faire"))
                   for r in reasons[tastes:]), reasons
    english = cards_of(client.get("/parcours/pistes", params={"lang": "en"}).text)
    assert all("For what you like: your answers to the questions give" in text_of(c)
               for c in english.values())


def test_with_tastes_alone_the_first_reason_has_its_subject(client: SyncClient,
                                                            need_recommend: None) -> None:
    with_journey(client, Journey(riasec={"A1": 2, "A2": 2, "S1": 1}, centres=("7",)))
    cards = cards_of(client.get("/parcours/pistes").text)
    assert cards
    assert all(first_reason(c).startswith("Pour tes goûts : ") for c in cards.values())


# --- 6. the search explanation: everyday words said in words ----------------------------------

def test_an_everyday_word_is_said_in_words_not_as_a_spelling(client: SyncClient,
                                                             need_search: None) -> None:
    page = client.get("/comment", params={"q": "nurse"}).text
    section = page[page.index('id="search-explained"'):page.index("</section>",
                                                                   page.index('id="search-explained"'))]
    text = text_of(section)
    assert "-> J1506" not in text and "[i18n]" not in text and "Alias" not in text
    assert ("« nurse » est un mot d'une autre langue que Tremplin connaît pour : "
            "Infirmier / Infirmière en soins généraux (IDE).") in text
    assert "orthographe : 100 %" not in text
    assert "vient de la liste des mots de tous les jours que Tremplin connaît" in text
    row = re.search(r"<tr><th scope=\"row\"><a href=\"/metiers/J1506\"><bdi>nurse</bdi>.*?</tr>",
                    section, re.S)
    assert row, "the word's row"
    cells = re.findall(r"<td>(.*?)</td>", row.group(0), re.S)
    assert "1,00" not in cells[0] and "—" in cells[0]  # not a spelling likeness
    assert "mot de la liste des mots connus" in text_of(row.group(0))
    english = html_lib.unescape(re.sub(r"<[^>]+>", "", client.get(
        "/comment", params={"q": "nurse", "lang": "en"}).text))
    assert "“nurse” is a word from another language that Tremplin knows for: Infirmier" in english
    everyday = text_of(client.get("/comment", params={"q": "aide soignant", "lang": "fr"}).text)
    assert "« aide soignante » est un mot de tous les jours que Tremplin connaît pour : " \
           "Aide-soignant / Aide-soignante." in everyday


# --- 7. hours that cannot be read, and when the places are from -------------------------------

def test_the_job_page_never_shows_hours_as_codes(client: SyncClient) -> None:
    page = client.get("/metiers/K1801", params={"cp": "69008"}).text
    text = text_of(page)
    assert "Mo 08:30" not in text and "We,Th 13:30" not in text
    assert "Horaires à vérifier par téléphone" in text
    assert "Horaires : Horaires" not in text
    english = text_of(client.get("/metiers/K1801", params={"cp": "69008", "lang": "en"}).text)
    assert "Check the opening hours by phone" in english and "Mo 08:30" not in english


def test_the_job_page_says_when_the_places_are_from_as_the_summary(client: SyncClient,
                                                                    web_services: Services) -> None:
    from tremplin.recommend.wording import places_dated

    places = web_services.places(postcode="69008", radius_km=15, limit=8)["places"]
    dates = sorted({p["snapshot_date"] for p in places})
    assert len(dates) > 1  # the QA's case: June to December 2022
    text = text_of(client.get("/metiers/K1801", params={"cp": "69008"}).text)
    assert "Ces adresses datent du" not in text
    assert places_dated(dates, "fr") in text
    assert "entre le 20 juin 2022 et le 1er décembre 2022" in text


# --- 8. one name for the mark, and a "why" that adds up ----------------------------------------

WHY = re.compile(r"ce que tu sais déjà faire : (\d+) %"
                 r"(?: · tes goûts : (\d+) %, il garde donc (\d+) % de ces \1 %, soit (\d+) %)?"
                 r"(?: · \+ (\d+) points? grâce aux métiers du ROME qui mènent à celui-ci)?"
                 r"(?: · \+ (\d+) points? : tu as écrit que tu fais ou as fait ce métier)?"
                 r"(?: · \u2212 (\d+) points? pour varier ta liste)?"
                 r" · note : (\d+) %")


def test_one_name_for_the_mark_on_the_card_the_explanation_and_the_summary(
        client: SyncClient, need_recommend: None) -> None:
    with_journey(client, SKILLS_AND_TASTES)
    tracks = client.get("/parcours/pistes").text
    marks = {code: re.search(r'<span class="score">Note : (\d+)\u00a0%</span>', card)
             for code, card in cards_of(tracks).items()}
    assert all(marks.values()), "every card says its mark"
    summary = text_of(client.get("/accompagnant/synthese").text)
    assert "accord de" not in summary
    for code, mark in list(marks.items())[:3]:
        explained = text_of(client.get(f"/comment/metier/{code}").text)
        assert f"Sa note : {mark.group(1)} %." in explained  # type: ignore[union-attr]
        assert "Il va avec tes réponses" not in explained
        assert "Comment la note est calculée" in explained
    said = re.findall(r"— note : (\d+) %", summary)
    assert said and all(m in {m.group(1) for m in marks.values() if m} for m in said)
    english = text_of(client.get("/accompagnant/synthese", params={"lang": "en"}).text)
    assert "match of" not in english and re.search(r"— mark: \d+%", english)


def test_the_summary_why_line_adds_up_to_the_mark(client: SyncClient,
                                                  need_recommend: None) -> None:
    with_journey(client, SKILLS_AND_TASTES)
    summary = text_of(client.get("/accompagnant/synthese").text)
    pdf = pdf_text(client.get("/accompagnant/synthese.pdf").content)
    lines = WHY.findall(summary)
    assert len(lines) == 5, summary
    for c, i, k, b, lift, own, down, total in lines:
        assert i and k and b, "the tastes count in this journey"
        assert abs(int(c) * int(k) / 100 - int(b)) <= 1  # the product, as rounded
        assert int(b) + int(lift or 0) + int(own or 0) - int(down or 0) == int(total)
        assert round(100 * (0.7 + 0.3 * int(i) / 100)) in (int(k) - 1, int(k), int(k) + 1)
    assert len(WHY.findall(pdf)) == 5
    assert "Pourquoi : ce que tu sais déjà faire" in summary


# --- 9. French labels on English pages, said once ---------------------------------------------------

ROME_FRENCH = ("These are the official French labels of France Travail's ROME (the skills and "
               "the job titles): Tremplin does not translate them.")


def test_english_pages_say_the_rome_labels_stay_french(client: SyncClient,
                                                       need_recommend: None) -> None:
    r = client.post("/parcours/competences/experience", data={"text": "je répare des vélos"})
    review = r.headers["location"].split("#")[0]
    assert "revoir=" in review
    english = text_of(client.get(review + "&lang=en").text)
    assert ROME_FRENCH in english and "Tick only what you really did" in english
    assert ROME_FRENCH in text_of(client.get("/metiers/F1603", params={"lang": "en"}).text)
    assert ROME_FRENCH in text_of(client.get("/parcours/pistes", params={"lang": "en"}).text)
    french = text_of(client.get(review + "&lang=fr").text)
    assert "Tremplin ne les traduit pas" not in french and 'name="ogr"' in client.get(review).text
    assert "Tremplin ne les traduit pas" not in text_of(client.get("/metiers/F1603").text)


# --- 10. smaller ones ------------------------------------------------------------------------------

def test_the_summary_names_tastes_in_plain_words(client: SyncClient) -> None:
    with_journey(client, Journey(riasec={"A1": 2, "I1": 2, "E1": 1, "R1": 1},
                                 competences=(104174,)))
    summary = text_of(client.get("/accompagnant/synthese").text)
    pdf = pdf_text(client.get("/accompagnant/synthese.pdf").content)
    for text in (summary, pdf):
        for jargon in ("Investigateur", "Entreprenant", "Réaliste", "Artistique"):
            assert jargon not in text, jargon
        assert "Créer et imaginer" in text and "Chercher et comprendre" in text
    english = text_of(client.get("/accompagnant/synthese", params={"lang": "en"}).text)
    assert "Investigative" not in english and "Creating and imagining" in english


def test_the_data_versions_say_each_thing_once(client: SyncClient, web_services: Services) -> None:
    from tremplin.recommend.wording import human_date

    rome = next(s for s in web_services.catalog.sources() if s.dataset == "rome")
    summary = text_of(client.get("/accompagnant/synthese").text)
    pdf = pdf_text(client.get("/accompagnant/synthese.pdf").content)
    assert f"v{rome.version} — {rome.version}" not in summary  # QA: "ROME 4.0 v60 — 60"
    assert f"ROME 4.0 v{rome.version} — {human_date(rome.published, 'fr')}" in summary
    assert f"(version {rome.version}" not in pdf
    assert f"ROME 4.0 v{rome.version} ({human_date(rome.published, 'fr')})" in pdf


def test_the_job_page_postcode_field_leaves_errors_to_the_page(client: SyncClient) -> None:
    page = client.get("/metiers/F1603").text
    form = re.search(r'<form method="get" action="/metiers/F1603#places-heading"[^>]*>', page)
    assert form and "novalidate" in form.group(0)  # no browser pop-up in its own language
    field = re.search(r'<input id="cp"[^>]*>', page)
    assert field and "title=" not in field.group(0)
    refused = client.get("/metiers/F1603", params={"cp": "7500"}).text
    assert "Le code postal doit avoir 5 chiffres." in text_of(refused)
    assert re.search(r"<title>\s*Erreur : ", refused)


def test_the_visit_that_finishes_step_4_says_4_of_4(client: SyncClient,
                                                    need_recommend: None) -> None:
    served_journey(client, SKILLS_AND_TASTES)  # three steps done
    assert "Étapes finies : 3 sur 4" in text_of(client.get("/parcours/competences").text)
    r = client.get("/parcours/pistes")
    assert "Étapes finies : 4 sur 4" in text_of(r.text)
    assert "explorer" in state.decode(client.cookies.get(state.COOKIE)).badges
    assert "Étapes finies : 4 sur 4" in text_of(client.get("/parcours/pistes").text)


def test_the_results_page_says_the_period_of_its_votes(client: SyncClient,
                                                       store: FeedbackStore,
                                                       web_services: Services) -> None:
    import datetime as dt

    catalog = web_services.catalog
    store.record(catalog, "D1102", 1, 1, "journey", today=dt.date(2026, 6, 1))
    store.record(catalog, "D1102", 2, -1, "journey", today=dt.date(2026, 6, 20))
    text = text_of(client.get("/a-propos/resultats").text)
    assert "Ces avis ont été donnés entre le 1er juin 2026 et le 20 juin 2026." in text
    english = text_of(client.get("/a-propos/resultats", params={"lang": "en"}).text)
    assert "These votes were given between 1 June 2026 and 20 June 2026." in english


def test_the_tests_never_count_votes_in_the_real_store(web_services: Services,
                                                       settings: object) -> None:
    from tremplin.guide.feedback import FEEDBACK_FILE

    real = Path(settings.home) / FEEDBACK_FILE  # type: ignore[attr-defined]
    assert Path(web_services.feedback().path) != real
