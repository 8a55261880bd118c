"""The summary page and PDF through the real ASGI app say no more than is true (QA pass):
the tool's unchecked guesses are never "already there", the groups and their wording are the
suggestion pages' own, every experience is shown, the tracks shown are counted and scored,
English pages mark French credits and write "56%"."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tremplin.guide.explain_text import matched_groups
from tremplin.guide.journey import Journey
from tremplin.guide.summary import LABELS
from tremplin.recommend.wording import say
from tremplin.web import i18n, state
from tremplin.web.services import Services

from .conftest import SyncClient

# Nothing kept, two experiences nobody reviewed: every competence is the tool's guess.
GUESSING = Journey(
    riasec={"R1": 2, "S1": 1, "A1": 2},
    experiences=Journey.from_dict({"version": 1, "experiences": [
        {"text": "J'ai aidé mon oncle au garage à réparer des voitures et changer des pneus."},
        {"text": "Je garde souvent mes petits cousins le mercredi."},
    ]}).experiences,
)


def _with(client: SyncClient, journey: Journey) -> None:
    client.cookies.set(state.COOKIE, state.encode(journey))


def _pdf_text(client: SyncClient, lang: str = "fr") -> str:
    r = client.get("/accompagnant/synthese.pdf", params={"lang": lang})
    assert r.status_code == 200
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
                    .split())


def _visible(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_group_wording_is_the_suggestion_pages_wording(lang: str) -> None:
    t, L = i18n.messages(lang), LABELS[lang]
    colon = t["colon"] + " "
    for group, key in (("known", "tracks_matched"), ("close", "tracks_close"),
                       ("words", "tracks_words"), ("titles", "tracks_titles")):
        assert t[key] == f"{L[group]}{colon}{{what}}.", group
    assert L["competences"] == t["summary_competences"]
    assert L["missing"] == t["tracks_missing_heading"]


def test_unchecked_guesses_are_never_what_the_person_knows(client: SyncClient,
                                                           web_services: Services,
                                                           need_recommend: None) -> None:
    recs = web_services.recommend(web_services.profile_from_journey(GUESSING), 10, "fr")
    guessed = [m for r in recs[:5] for m in r["why"]["matched"] if m.get("guessed")]
    assert guessed, "the test needs suggestions built on the tool's guesses"
    assert not any(matched_groups(r["why"]["matched"])["known"] for r in recs[:5])
    _with(client, GUESSING)
    text = _pdf_text(client)
    assert "Déjà là" not in text and "Tu sais déjà" not in text
    assert "Proche de ce que tu as raconté : " in text
    assert say("fr", "guessed") in text
    html = client.get("/accompagnant/synthese").text
    assert "Tu sais déjà" not in html and "Proche de ce que tu as raconté :" in html
    assert say("fr", "guessed").replace("'", "&#39;") in html
    text_en = _pdf_text(client, "en")
    assert "Already there" not in text_en and "You can already" not in text_en
    assert "Close to what you told: " in text_en and say("en", "guessed") in text_en


def test_summary_page_shows_experiences_counts_and_scores(client: SyncClient,
                                                          need_recommend: None) -> None:
    _with(client, GUESSING)
    r = client.get("/accompagnant/synthese")
    assert r.status_code == 200
    seen = _visible(r.text)
    for e in GUESSING.experiences:
        assert e.text.replace("'", "&#39;") in r.text  # every experience told is there
    assert "Expériences racontées" in seen
    assert "Les 5 premières pistes sur 10." in seen
    scores = re.findall(r"</span> — note\s:\s(\d+)\s%", r.text)
    assert len(scores) == 5
    assert "correspondance" not in seen
    pdf = _pdf_text(client)
    assert len(re.findall(r"— note : \d+ %", pdf)) == 5
    assert "Les 5 premières pistes sur 10." in pdf


def test_one_track_turned_down_is_said_in_the_singular(client: SyncClient,
                                                       web_services: Services,
                                                       need_recommend: None) -> None:
    recs = web_services.recommend(web_services.profile_from_journey(GUESSING), 10, "fr")
    no = Journey(riasec=GUESSING.riasec, experiences=GUESSING.experiences,
                 thumbs={recs[2]["code"]: -1})
    _with(client, no)
    seen = _visible(client.get("/accompagnant/synthese").text)
    assert "1 piste écartée par la personne" in seen and "(s)" not in seen
    seen_en = _visible(client.get("/accompagnant/synthese", params={"lang": "en"}).text)
    assert "1 suggestion left out by the person" in seen_en and "(s)" not in seen_en


def test_english_summary_marks_french_credits_and_writes_percent_signs(
        client: SyncClient, need_recommend: None) -> None:
    _with(client, Journey(competences=(104174,), riasec={"R1": 2, "S1": 1}, postcode="75011"))
    html = client.get("/accompagnant/synthese", params={"lang": "en"}).text
    assert 'Source: <span lang="fr">ONISEP, Idéo</span>' in html
    assert re.search(r'Sources: <span lang="fr">ANCT [^<]+</span>', html)
    assert "Source :" not in html and "Sources :" not in html
    assert re.search(r"— mark: \d+%", html) and not re.search(r"\d+ %", _visible(html))
    text = _pdf_text(client, "en")
    assert "Source: ONISEP, Idéo" in text and "Source :" not in text
    assert re.search(r"mark: \d+%", text) and not re.search(r"\d %", text)
    assert re.search(r"These places come from data published (on|between) \d{1,2} [A-Z][a-z]+ "
                     r"\d{4}", text)
    fr = client.get("/accompagnant/synthese", params={"lang": "fr"}).text
    assert re.search(r"Ces lieux viennent de données publiées (le|entre le) \d{1,2}(er)? "
                     r"[a-zéû]+ \d{4}", fr)
