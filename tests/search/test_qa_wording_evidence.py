"""QA: a hit's wording claims only what the evidence supports. The meaning level is decided on
the cosine between what the person typed and the title the hit quotes (what /comment/demo
computes for that pair), not on the stand-in vector of an alias or a known title; a title that
shares only some of the words typed is worded as a loose resemblance, not as a meaning."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from tremplin.guide.explain_text import VERDICT_THRESHOLDS, verdict_for
from tremplin.search import JobSearch
from tremplin.search.engine import MEANING_REASONS

STRONG = ("similar_meaning", "related_meaning")  # the two claims of meaning proper
DEMO = dict((key, t) for t, key in VERDICT_THRESHOLDS)


def _demo(a: str, b: str) -> float:
    """The demo's cosine for two texts (the same uncached encoder as /comment/demo)."""
    from tremplin.embeddings import encode_uncached

    v = np.asarray(encode_uncached([a, b]), dtype=np.float64)
    return float(v[0] @ v[1] / (np.linalg.norm(v[0]) * np.linalg.norm(v[1])))


def _hit(engine: JobSearch, query: str, title: str):  # type: ignore[no-untyped-def]
    found = [h for h in engine.search(query, 20) if h.title == title]
    assert found, [h.title for h in engine.search(query, 20)]
    return found[0]


@pytest.mark.parametrize(("query", "title"), [
    ("aide soignante", "Aide-comptable"), ("aide soignante", "Aide-vachère"),
    ("mecano auto", "Ingénieur automobile"), ("dev web", "Animateur web"),
    ("prof des écoles", "Professeur des universités"),
])
def test_qa_overclaims_are_worded_by_their_shared_words(
        engine: JobSearch, query: str, title: str) -> None:
    hit = _hit(engine, query, title)
    assert hit.reason == "loose_meaning", hit  # one word in common, not a meaning
    # the number is the demo's for what was typed and what is shown, not the alias target's
    assert abs(hit.dense_score - _demo(query, hit.matched_text)) < 3e-3, hit


def test_a_shared_word_is_no_meaning_claim_even_with_a_high_cosine(engine: JobSearch) -> None:
    hit = _hit(engine, "prof des écoles", "Professeur des universités")
    assert hit.dense_score >= engine.bars.same and hit.reason == "loose_meaning"


@pytest.mark.parametrize("query", ["aide soignante", "mecano auto", "dev web", "prof des écoles",
                                   "nounou", "nurse", "kiné", "poésie", "pizza", "toubib",
                                   "je veux travailler avec les animaux"])
def test_meaning_levels_agree_with_the_demo(engine: JobSearch, query: str) -> None:
    for h in engine.search(query, 20):
        if h.reason not in MEANING_REASONS:
            continue
        demo = _demo(query, h.matched_text)
        assert abs(h.dense_score - demo) < 3e-3, (h, demo)
        if h.reason == "similar_meaning":
            assert verdict_for(demo) == "same", (h, demo)
        elif h.reason == "related_meaning":
            assert verdict_for(demo) in ("same", "close"), (h, demo)
        elif h.lexical_score <= engine.weights.lexical_floor:  # kept by its meaning alone
            assert demo >= DEMO["close"] - 3e-3, (h, demo)


def test_the_bars_are_the_demos() -> None:
    from tremplin.search.hybrid import DEFAULT_BARS as bars

    assert bars.same == DEMO["same"]  # "almost the same meaning" from the same cosine
    assert bars.noise == DEMO["close"]  # under the demo's "maybe related": no meaning claim
    assert bars.noise <= bars.close <= bars.same


def test_a_chance_neighbour_of_an_alias_target_is_not_shown(engine: JobSearch) -> None:
    # "kiné" is read through the vector of "Kinésithérapeute"; "Thanatopracteur" is near that
    # vector (0.91) but not near "kiné" (0.85) and shares no letter with either
    titles = [h.title for h in engine.search("kiné", 20)]
    assert "Thanatopracteur" not in titles and titles[0] == "Kinésithérapeute"


def test_a_slip_of_the_keyboard_is_worded_as_its_correction(engine: JobSearch) -> None:
    typo = {h.title: h.reason for h in engine.search("plonbier", 10)}
    right = {h.title: h.reason for h in engine.search("plombier", 10)}
    for title in ("Electricien plombier", "Plombier chauffagiste"):
        assert typo[title] == right[title] == "close_spelling"


def test_the_async_path_words_hits_as_the_blocking_one(engine: JobSearch) -> None:
    fresh, other = JobSearch(engine.data), JobSearch(engine.data)  # their own answer caches
    for query in ("aide soignante", "Aide Soignante", "prof de maths", "plonbier",
                  "soudeur sur chantier naval de nuit"):
        assert asyncio.run(fresh.search_async(query, 10)) == other.search(query, 10)
