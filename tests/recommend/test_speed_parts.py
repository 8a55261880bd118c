"""The parts that keep a recommendation fast give the same answers as the plain way:
per-segment maxima, and what is memoised per text, per fiche or per label."""

from __future__ import annotations

import numpy as np
import pytest

from tremplin.recommend import Experience, Profile, recommend
from tremplin.recommend.explain import job_facts
from tremplin.recommend.index import RecommendIndex
from tremplin.recommend.segments import SegmentMax
from tremplin.recommend.suggest import fiche_title_similarity, prepare, text_vector
from tremplin.recommend.text import tokens


def _plain_max(matrix: np.ndarray, rows: np.ndarray, starts: list[int]) -> np.ndarray:
    ends = [*starts[1:], len(rows)]
    return np.stack([matrix[rows[s:e]].max(axis=0) if e > s else np.zeros(matrix.shape[1:])
                     for s, e in zip(starts, ends, strict=True)]).astype(matrix.dtype)


@pytest.mark.parametrize("columns", [(), (1,), (7,)])
def test_segment_max_is_the_maximum_of_each_segment(columns: tuple[int, ...]) -> None:
    rng = np.random.default_rng(3)
    lengths = rng.integers(1, 140, size=300)
    lengths[[5, 17, 299]] = 0  # segments without a row, one of them last
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    rows = rng.integers(0, 500, size=int(lengths.sum()))
    # values below zero everywhere: padding with zeros would give 0 instead of the maximum
    matrix = (rng.random((500, *columns)) - 2.0).astype(np.float32)
    out = SegmentMax.build(rows, starts)(matrix)
    expected = _plain_max(matrix, rows, starts.tolist())
    assert out.shape == expected.shape
    assert np.array_equal(out, expected)


def test_segment_max_refuses_starts_that_go_back() -> None:
    with pytest.raises(ValueError, match="non-decreasing"):
        SegmentMax.build(np.arange(10), np.asarray([0, 6, 4]))


def test_every_fiche_best_item_matches_reduceat(index: RecommendIndex) -> None:
    rng = np.random.default_rng(5)
    matrix = rng.random((len(index.vectors), 9)).astype(np.float32)
    expected = np.maximum.reduceat(matrix[index.entry_item], index.job_start, axis=0)
    assert np.array_equal(index.entry_max(matrix), expected)


def test_title_similarity_is_memoised_read_only_and_forgotten(index: RecommendIndex) -> None:
    prepared = prepare(index, "je vends des fruits au marché le samedi")
    direct = np.maximum.reduceat(index.title_vectors @ text_vector(prepared), index.title_start)
    first = fiche_title_similarity(index, prepared)
    assert np.array_equal(first, direct)
    assert fiche_title_similarity(index, prepared) is first
    with pytest.raises(ValueError):
        first[0] = 1.0
    index.forget_texts()
    assert fiche_title_similarity(index, prepared) is not first


def test_prepared_text_memo_is_forgotten_with_the_texts(index: RecommendIndex) -> None:
    text = "je garde ma petite soeur le mercredi"
    prepared = prepare(index, text)
    assert index.prepared_memo[text] == prepared
    index.forget_texts()
    assert text not in index.prepared_memo
    assert prepare(index, text) == prepared


def test_job_facts_are_the_catalogs(index: RecommendIndex) -> None:
    code = "G1803"  # Serveur / Serveuse en restauration
    facts = job_facts(index, code)
    cat = index.catalog
    assert facts.trainings == tuple(cat.trainings_for_job(code))
    assert facts.moves == tuple(cat.mobilities(code))
    assert facts.certifications == tuple(
        k.label for k in cat.job_knowledge(code) if k.is_certification)
    assert job_facts(index, code) is facts
    card = next(r for r in recommend(Profile(experiences=(Experience(
        "j'étais serveuse dans un restaurant"),)), 10) if r.code == code)
    assert [t["title"] for t in card.why.trainings] == [t.title for t in facts.trainings[:5]]
    assert [c["code"] for c in card.why.close_jobs] == [m.target_code for m in facts.moves[:5]]


def test_memoised_tokens_are_a_fresh_list_each_time() -> None:
    words = tokens("Préparer des repas pour les enfants")
    words.append("changed")
    assert "changed" not in tokens("Préparer des repas pour les enfants")


def test_new_titles_forget_the_title_similarities(index: RecommendIndex) -> None:
    prepared = prepare(index, "je répare des vélos")
    before = fiche_title_similarity(index, prepared)
    titles = list(zip(index.title_job.tolist(), index.title_label, strict=True))
    vectors, shown, lookup = index.title_vectors, index.title_shown, index.title_lookup
    try:
        index.set_titles(titles, -vectors, shown)  # every cosine turned round
        after = fiche_title_similarity(index, prepared)
        lowest = np.minimum.reduceat(vectors @ text_vector(prepared), index.title_start)
        assert np.allclose(after, -lowest, atol=1e-6)
    finally:
        index.set_titles(titles, vectors, shown)
        index.title_lookup = lookup
    assert np.array_equal(fiche_title_similarity(index, prepared), before)


def test_loaded_indexes_are_out_of_the_collectors_sight(index: RecommendIndex) -> None:
    import gc

    # the index's title dictionaries and label lists: a full collection no longer walks them
    assert gc.get_freeze_count() > 40_000
    assert not any(gc.is_tracked(o) and o is index.title_lookup for o in gc.get_objects())


def test_words_said_are_forgotten_with_the_texts(index: RecommendIndex) -> None:
    profile = Profile(experiences=(Experience("je répare les vélos de mes voisins"),))
    recommend(profile, 3)
    assert ("je répare les vélos de mes voisins",) in index.said_words_memo
    index.forget_texts()
    assert not index.said_words_memo
