"""The summary says no more than is true (QA pass on the one-page summary): matched items
grouped as the suggestion pages group them, guesses flagged, counts in the singular or the
plural, every experience told, the overall score and the places' dates, English credits and
percent signs. Real catalog, real PDF text."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from pypdf import PdfReader

from tremplin.catalog.read import Catalog
from tremplin.guide.explain_text import MATCH_GROUPS, matched_group, matched_groups
from tremplin.guide.journey import MAX_EXPERIENCE_CHARS, MAX_EXPERIENCES, Journey
from tremplin.guide.summary import GROUP_LIMITS, build_summary, render_summary_pdf, shorten
from tremplin.recommend.wording import human_date, say

TODAY = dt.date(2026, 3, 14)
KEPT = {"ogr": 104174, "label": "Accueillir, orienter et renseigner un client"}


def _item(label: str, how: str, *, mine: bool = True, guessed: bool = False) -> dict[str, Any]:
    """A `why.matched` entry shaped as tremplin.recommend gives it."""
    return {"ogr": 1, "label": label, "kind": "competence", "core": "Principale", "match": 0.9,
            "how": how, "your_competence": KEPT if mine else None,
            "experience_text": "J'ai aidé au magasin" if guessed or not mine else None,
            "guessed": guessed}


TITLE = {"ogr": None, "label": "Vendeur en boulangerie", "kind": "job_title", "core": "",
         "match": 1.0, "how": "job_title", "your_competence": None,
         "experience_text": "J'ai aidé au magasin", "guessed": False}

MATCHED = [
    TITLE,
    _item("Item exact gardé", "exact"),
    _item("Item du même groupe", "same_group"),
    _item("Item qui ressemble", "similar"),
    _item("Item exact deviné", "exact", guessed=True),
    _item("Item proche des mots", "similar", mine=False),
]


def _rec(code: str, rank: int, matched: list[dict[str, Any]], notes: list[str] | None = None,
         score: float = 0.71) -> dict[str, Any]:
    return {"code": code, "title": "", "rank": rank, "score": score,
            "why": {"matched": matched, "missing": [], "parts": {}, "notes": notes or []}}


def _flat(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _codes(catalog: Catalog, n: int) -> list[str]:
    return list(catalog.iter_job_codes())[:n]


# --- 1. matched items: the pages' groups and wording, guesses flagged -------------------------

def test_groups_are_the_ones_the_pages_use() -> None:
    assert [matched_group(m) for m in MATCHED] == ["titles", "known", "close", "close", "words",
                                                   "words"]
    groups = matched_groups([*MATCHED, {"label": ""}, "not a mapping"])
    assert list(groups) == list(MATCH_GROUPS)
    assert [m["label"] for m in groups["words"]] == ["Item exact deviné", "Item proche des mots"]
    # a loose look-alike is never "close to what you can do", whatever its source
    assert matched_group({**_item("Item un peu proche", "similar"), "weak": True}) == "loose"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_pdf_says_known_only_for_what_the_person_kept(catalog: Catalog, lang: str) -> None:
    code = _codes(catalog, 1)[0]
    s = build_summary(Journey(lang=lang), catalog, [_rec(code, 1, MATCHED, [say(lang, "guessed")])],
                      today=TODAY)
    assert s.suggestions[0].matched == {
        "known": ["Item exact gardé"], "close": ["Item du même groupe", "Item qui ressemble"],
        "words": ["Item exact deviné", "Item proche des mots"], "titles": ["Vendeur en boulangerie"],
        "loose": []}
    _, text = _flat(render_summary_pdf(s))
    colon = " : " if lang == "fr" else ": "
    L = s.labels
    assert f"{L['known']}{colon}Item exact gardé ;" not in text  # nothing else is "known"
    assert f"{L['known']}{colon}Item exact gardé" in text
    assert f"{L['close']}{colon}Item du même groupe ; Item qui ressemble" in text
    assert f"{L['words']}{colon}Item exact deviné ; Item proche des mots" in text
    assert f"{L['titles']}{colon}Vendeur en boulangerie" in text
    assert say(lang, "guessed") in text and text.count(say(lang, "guessed")) == 1
    assert "Déjà là" not in text and "Already there" not in text
    if lang == "fr":
        assert "Tu sais déjà : Item exact gardé" in text
        assert "Proche de ce que tu as raconté : Item exact deviné" in text
    else:
        assert "You can already: Item exact gardé" in text


def test_a_guess_always_comes_with_its_warning(catalog: Catalog) -> None:
    code = _codes(catalog, 1)[0]
    guessed = [_item("Compétence devinée", "exact", guessed=True)]
    s = build_summary(Journey(), catalog, [_rec(code, 1, guessed)], today=TODAY)  # no notes
    assert s.suggestions[0].notes == [say("fr", "guessed")]
    mine = build_summary(Journey(), catalog, [_rec(code, 1, [_item("Gardée", "exact")])],
                         today=TODAY)
    assert mine.suggestions[0].notes == []
    _, text = _flat(render_summary_pdf(s))
    assert "L'outil les a devinées. Vérifie si elles sont justes." in text


# --- 2. counts: singular and plural, never "(s)" ---------------------------------------------

@pytest.mark.parametrize(("lang", "extra", "said"), [
    ("fr", 1, "et 1 autre"), ("fr", 2, "et 2 autres"),
    ("en", 1, "and 1 more"), ("en", 2, "and 2 more"),
])
def test_more_is_singular_or_plural(catalog: Catalog, lang: str, extra: int, said: str) -> None:
    code = _codes(catalog, 1)[0]
    shown = GROUP_LIMITS["words"]  # the one page keeps the first few, then counts the rest
    words = [_item(f"Mot {i}", "similar", mine=False) for i in range(shown + extra)]
    _, text = _flat(render_summary_pdf(build_summary(
        Journey(lang=lang), catalog, [_rec(code, 1, words)], today=TODAY)))
    assert f"Mot {shown - 1} ; {said}" in text
    assert "1 autres" not in text and "(s)" not in text


# --- 3. every experience told, cut visibly if long -------------------------------------------

def test_every_experience_is_in_the_pdf(catalog: Catalog) -> None:
    long = " rangé des cartons et aidé les clients du magasin," * 20
    texts = [f"Expérience numéro {i}{long}"[:MAX_EXPERIENCE_CHARS].strip()
             for i in range(MAX_EXPERIENCES)]
    j = Journey.from_dict({"version": 1, "experiences": [{"text": t} for t in texts]})
    s = build_summary(j, catalog, [], today=TODAY)
    assert s.experiences == texts
    _, text = _flat(render_summary_pdf(s))
    for i in range(MAX_EXPERIENCES):
        assert f"• Expérience numéro {i} rangé des cartons" in text
    assert text.count("…") >= MAX_EXPERIENCES  # each one visibly shortened
    assert "autre(s)" not in text and "et 1 autre" not in text


def test_a_few_short_experiences_are_printed_whole(catalog: Catalog) -> None:
    texts = ["J'ai gardé mes cousins.", "J'ai aidé au marché.", "J'ai réparé des vélos.",
             "J'ai fait un stage en boulangerie.", "J'ai tenu la caisse du club de foot."]
    j = Journey.from_dict({"version": 1, "experiences": [{"text": t} for t in texts]})
    pages, text = _flat(render_summary_pdf(build_summary(j, catalog, [], today=TODAY)))
    assert pages == 1
    for t in texts:  # the fifth one was lost before ("et 1 autre(s)")
        assert f"• {t}" in text


def test_shorten() -> None:
    assert shorten("court\n  texte", 50) == "court texte"
    assert shorten("un deux trois quatre cinq six sept huit", 20) == "un deux trois…"
    assert shorten("x" * 30, 20) == "x" * 19 + "…"  # no word to cut at: cut in the word


# --- 4. how many tracks are shown, their score, one term for the competences ------------------

@pytest.mark.parametrize(("n", "fr", "en"), [
    (10, "Les 5 premières pistes sur 10.", "The first 5 suggestions out of 10."),
    (3, "Les 3 pistes trouvées.", "The 3 suggestions found."),
    (1, "La seule piste trouvée.", "The only suggestion found."),
])
def test_the_summary_says_how_many_tracks_it_shows(catalog: Catalog, n: int, fr: str,
                                                   en: str) -> None:
    recs = [_rec(code, i, []) for i, code in enumerate(_codes(catalog, n), start=1)]
    for lang, said in (("fr", fr), ("en", en)):
        s = build_summary(Journey(lang=lang), catalog, recs, today=TODAY)
        assert s.total_suggestions == n and s.shown_text == said
        assert said in _flat(render_summary_pdf(s))[1]


def test_score_and_competences_words(catalog: Catalog) -> None:
    j = Journey(competences=(104174,))
    recs = [_rec(_codes(catalog, 1)[0], 1, [], score=0.564)]
    _, fr = _flat(render_summary_pdf(build_summary(j, catalog, recs, today=TODAY)))
    # one name for the figure, as the cards and the explanation page say it (QA)
    assert "note : 56 %" in fr and "accord de" not in fr and "correspondance" not in fr
    assert "Compétences gardées" in fr and "repérées" not in fr
    _, en = _flat(render_summary_pdf(build_summary(j, catalog, recs, lang="en", today=TODAY)))
    assert "mark: 56%" in en and "match of" not in en and not re.search(r"\d %", en)
    assert "Competences kept" in en and "spotted" not in en


# --- 5. credits in English -------------------------------------------------------------------

def test_credits_lead_word_is_written_as_each_language_writes_it(catalog: Catalog) -> None:
    s = build_summary(Journey(), catalog, [], today=TODAY)
    by = {d.dataset: d for d in s.data_versions}
    assert (by["onisep"].lead, by["onisep"].names) == ("Source", "ONISEP, Idéo")
    assert by["places"].lead == "Sources" and by["places"].names.startswith("ANCT")
    _, fr = _flat(render_summary_pdf(s))
    assert "Source : ONISEP, Idéo" in fr and "Sources : ANCT" in fr
    _, en = _flat(render_summary_pdf(build_summary(Journey(), catalog, [], lang="en",
                                                   today=TODAY)))
    assert "Source: ONISEP, Idéo" in en and "Sources: ANCT" in en
    assert "Source :" not in en and "Sources :" not in en


# --- 6. the places' dates --------------------------------------------------------------------

def test_places_dates_cover_every_place_shown(catalog: Catalog) -> None:
    s = build_summary(Journey(postcode="75011"), catalog, [], today=TODAY)
    dates = sorted({p.snapshot_date for p in s.places if p.snapshot_date})
    assert len(dates) > 1, "the test needs places updated on different days"
    assert s.places_date == (f"Ces lieux viennent de données publiées entre le "
                             f"{human_date(dates[0], 'fr')} et le {human_date(dates[-1], 'fr')}. "
                             "Appelle avant d'y aller.")
    _, text = _flat(render_summary_pdf(s))
    assert s.places_date in text
    en = build_summary(Journey(postcode="75011", lang="en"), catalog, [], today=TODAY)
    assert en.places_date == (f"These places come from data published between "
                              f"{human_date(dates[0], 'en')} and {human_date(dates[-1], 'en')}. "
                              "Call before you go.")


def test_places_with_one_date_say_it_once(catalog: Catalog) -> None:
    from dataclasses import replace

    from tremplin.recommend.wording import places_dated

    places = build_summary(Journey(postcode="75011"), catalog, [], today=TODAY).places
    same = [replace(p, snapshot_date="2022-06-28") for p in places]
    assert places_dated((p.snapshot_date for p in same), "fr") == (
        "Ces lieux viennent de données publiées le 28 juin 2022. Appelle avant d'y aller.")
    assert places_dated([""] * len(places), "fr") == ""  # none dated: nothing said


@pytest.mark.parametrize("answer", [0, 1, 2])
def test_the_same_answer_everywhere_lists_no_interest(catalog: Catalog, answer: int) -> None:
    from tremplin.recommend import riasec_questions

    answers = {q.id.upper(): answer for q in riasec_questions("fr")}
    s = build_summary(Journey(riasec=answers), catalog, [], today=TODAY)
    assert s.interests == [] and s.interests_flat
    _, text = _flat(render_summary_pdf(s))
    assert "La même réponse partout au jeu des goûts" in text
    assert "Réaliste" not in text


def test_trainings_the_study_level_hides_stay_hidden(catalog: Catalog) -> None:
    from tremplin.recommend import Constraints, Experience, Profile, recommend

    profile = Profile(experiences=(Experience("je répare des vélos"),),
                      constraints=Constraints(max_study_level=3))
    recs = [r for r in recommend(profile, 10) if r.why.trainings_hidden and not r.why.trainings]
    assert recs, "no suggestion with every training hidden: the test tests nothing"
    raw = [{"code": r.code, "title": r.title, "rank": r.rank, "score": r.score,
            "why": r.why.to_dict()} for r in recs]
    s = build_summary(Journey(max_level=3), catalog, raw, today=TODAY)
    assert all(not x.trainings for x in s.suggestions)  # the catalog's list is not shown again
    assert catalog.trainings_for_job(recs[0].code)  # while the catalog has some


def test_a_note_several_suggestions_carry_is_said_once(catalog: Catalog) -> None:
    codes = _codes(catalog, 3)
    guessed = say("fr", "guessed")
    raw = [_rec(codes[0], 1, MATCHED, [guessed]), _rec(codes[1], 2, MATCHED, [guessed]),
           _rec(codes[2], 3, [], ["Une note à elle."])]
    s = build_summary(Journey(), catalog, raw, today=TODAY)
    assert s.shared_notes == [guessed]
    assert [x.notes for x in s.suggestions] == [[], [], ["Une note à elle."]]
    _, text = _flat(render_summary_pdf(s))
    assert text.count(guessed) == 1 and "Une note à elle." in text


def test_a_place_whose_hours_say_nothing_does_not_pass_places_with_hours(
        catalog: Catalog) -> None:
    from tremplin.catalog.hours import readable_hours
    from tremplin.guide.summary import nearby_places

    # France Services write "Sam -" for a Saturday without hours: no hours at all, yet it
    # counted as given and a bus with no hours came first in La Courneuve
    places = nearby_places(catalog, "93120")
    assert places and all(readable_hours(p.opening_hours) for p in places[:3]), [
        (p.name, p.opening_hours) for p in places]
