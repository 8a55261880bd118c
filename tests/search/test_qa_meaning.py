"""QA: a hit found by meaning alone says how strong that meaning is, and a chance resemblance
(what the model gives almost any two short texts) is not a hit ("kebab" brought "Imam")."""

from __future__ import annotations

import pytest

from tremplin.search import JobSearch
from tremplin.search.engine import MEANING_REASONS, REASONS

RELIGIOUS = "K1212"  # Ministre du culte (Imam)


@pytest.mark.parametrize("query", ["kebab", "tacos", "chicha"])
def test_a_food_word_brings_no_chance_resemblance(engine: JobSearch, query: str) -> None:
    hits = engine.search(query, 20)
    assert hits == [], [(h.title, h.dense_score) for h in hits]


@pytest.mark.parametrize("query", ["kebab", "tacos", "pizza", "chicha", "coiffeuse", "kiné",
                                   "manucure"])
def test_short_words_bring_no_religious_job_and_only_clear_evidence(
        engine: JobSearch, query: str) -> None:
    hits = engine.search(query, 20)
    assert RELIGIOUS not in {h.code for h in hits}
    bars, floor = engine.bars, engine.weights.lexical_floor
    for h in hits:
        assert h.reason in REASONS
        if h.reason in MEANING_REASONS:  # by meaning: a real resemblance or some spelling
            assert h.dense_score >= bars.noise or h.lexical_score > floor, h


def test_the_wording_follows_the_strength_of_the_meaning(engine: JobSearch) -> None:
    bars = engine.bars
    seen = set()
    for query in ("poésie", "pizza", "kiné", "je veux travailler avec les animaux", "nurse"):
        for h in engine.search(query, 20):
            seen.add(h.reason)
            if h.reason == "similar_meaning":
                assert h.dense_score >= bars.same, h
            elif h.reason == "related_meaning":
                assert bars.close <= h.dense_score < bars.same, h
            elif h.reason == "loose_meaning":
                assert h.dense_score < bars.close, h
    assert {"similar_meaning", "related_meaning", "loose_meaning"} <= seen
    # "poésie" / "Libraire" (cosine 0.89, no letters in common) is no longer "the same"
    libraire = [h for h in engine.search("poésie", 20) if h.title == "Libraire"]
    assert all(h.reason == "loose_meaning" for h in libraire)


@pytest.mark.parametrize(("query", "code"), [
    ("boulangé", "D1102"), ("mecano auto", "I1604"), ("prof des écoles", "K2106"),
    ("nurse", "J1506"), ("ممرضة", "J1506"), ("pizza", "G1604"), ("coiffeuse", "D1202"),
    ("kiné", "J1404"), ("manucure", "D1240"),
])
def test_real_matches_still_come_first(engine: JobSearch, query: str, code: str) -> None:
    assert engine.search(query, 10)[0].code == code


def test_one_or_two_letters_cannot_be_judged_and_keep_loose_hits(engine: JobSearch) -> None:
    hits = engine.search("d", 5)
    assert len(hits) == 5 and any(h.reason == "loose_meaning" for h in hits)


def test_measurement_modes_keep_every_hit(engine: JobSearch) -> None:
    assert len(engine.search_uncached("kebab", 5, mode="dense")) == 5
    assert engine.search_uncached("kebab", 5) == []  # the hybrid mode answers like search()


def test_explanation_parts_add_up_to_the_total(engine: JobSearch) -> None:
    exp = engine.explain("kebab")
    assert exp.hits == [] and exp.nothing_close
    assert exp.dense_share == exp.lexical_share == 0.0
    assert exp.nearest and not any(n.shown for n in exp.nearest)
    w = engine.weights
    for query in ("kebab", "boulangé", "poésie", "plombier"):
        for n in engine.explain(query).nearest:
            assert 0.0 <= n.dense <= 1.0 and 0.0 <= n.lexical <= 1.0 and 0.0 <= n.combined <= 1.0
            mean = w.dense_weight * n.dense + (1 - w.dense_weight) * n.lexical
            # the total is that mean times the text's prior (0.96-1) ...
            assert 0.95 * mean - 1e-3 <= n.combined <= mean + 1e-3, n
            # ... and the "meaning" column is the cosine brought back from its floor to 0..1
            assert abs(n.dense - max(0.0, (n.cosine - w.dense_floor) / (1 - w.dense_floor))) < 1e-3
    top = engine.explain("poésie")
    assert top.hits[0].lexical_score < 0.35 and top.dense_share > 0.9  # "Poète": meaning


def test_shares_use_the_same_halves_as_the_score(engine: JobSearch) -> None:
    exp = engine.explain("boulangé")
    h = exp.hits[0]
    w = engine.weights
    dn = (h.dense_score - w.dense_floor) / (1 - w.dense_floor)
    ln = (h.lexical_score - w.lexical_floor) / (1 - w.lexical_floor)
    assert abs(exp.dense_share - dn / (dn + ln)) < 2e-3
