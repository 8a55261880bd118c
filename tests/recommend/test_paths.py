"""Career paths: the ROME mobilities of the fiches closest to a profile pull jobs up."""

from __future__ import annotations

import numpy as np
import pytest

from tremplin.recommend import Experience, Profile, recommend, suggest_competences
from tremplin.recommend.engine import (
    CLOSEST_KEPT,
    FIRST_BY_SCORE,
    PATH_SENTENCE_SHARE,
    closest_fiches,
    keep_closest_first,
    rank_all,
    score_jobs,
)
from tremplin.recommend.evaluate import _fiche_profile
from tremplin.recommend.index import RecommendIndex
from tremplin.recommend.paths import PATH_NEIGHBOURS, TWO_STEP, MobilityGraph, career_paths


def _graph(n: int, links: list[tuple[int, int]]) -> MobilityGraph:
    m = np.zeros((n, n), dtype=np.float32)
    for a, b in links:
        m[a, b] = 1.0
    return MobilityGraph(m)


def test_paths_are_the_closest_fiches_links_directly_or_in_two_steps() -> None:
    # 0 and 1 are the profile's closest fiches; 0 -> 2, 1 -> 2, 1 -> 3 -> 4
    graph = _graph(6, [(0, 2), (1, 2), (1, 3), (3, 4), (5, 4)])
    coverage = np.asarray([0.9, 0.9, 0.1, 0.1, 0.1, 0.1], dtype=np.float32)
    paths = career_paths(graph, coverage)
    w = dict(zip(paths.neighbours.tolist(), paths.weights.tolist(), strict=True))
    assert w[0] == pytest.approx(w[1]) and w[0] > 10 * w[5]
    assert paths.score[2] == pytest.approx(w[0] + w[1], rel=1e-5)
    # 3 and 5 lead to 4; 1 has two links, half of its walks go through 3, which leads to 4
    assert paths.score[4] == pytest.approx(w[3] + w[5] + TWO_STEP * w[1] / 2, rel=1e-5)
    assert paths.score[2] > paths.score[3] > 0
    assert [c for c, _ in paths.sources(2)] == [0, 1]
    assert [c for c, _ in paths.sources(4)] == [3, 5]


def test_a_hidden_fiche_is_never_a_neighbour_and_its_links_are_not_read() -> None:
    graph = _graph(5, [(0, 2), (1, 3), (4, 0), (3, 0)])
    coverage = np.asarray([1.0, 0.8, 0.1, 0.1, 0.1], dtype=np.float32)
    seen = career_paths(graph, coverage)
    hidden = career_paths(graph, coverage, hidden=0)
    assert seen.score[2] > 0 and hidden.score[2] == 0
    assert 0 not in hidden.neighbours.tolist()
    assert seen.best == pytest.approx(1.0) and hidden.best == pytest.approx(0.8)
    assert graph.links[0, 2] == 1  # the shared graph is left as it was
    assert hidden.score[3] == pytest.approx(float(hidden.weights[0]))


def test_an_empty_profile_has_no_paths() -> None:
    paths = career_paths(_graph(3, [(0, 1)]), np.zeros(3, dtype=np.float32))
    assert not paths.score.any() and not len(paths.neighbours)


def test_graph_holds_the_rome_mobilities(index: RecommendIndex) -> None:
    links = index.mobility_graph.links
    n_rows = index.catalog.query("SELECT COUNT(*) FROM mobilities WHERE job_code != target_code")
    assert int(links.sum()) == int(n_rows[0][0]) > 10_000
    close = {m.target_code for m in index.catalog.mobilities("D1102")}
    assert {index.jobs[b].code for b in np.nonzero(links[index.job_pos["D1102"]])[0]} == close


def test_the_best_fitting_job_stays_first_and_paths_are_explained(index: RecommendIndex) -> None:
    profile = _fiche_profile(index, "D1102")  # everything a baker does
    scored = score_jobs(index, profile)
    assert scored.path_bonus is not None and scored.paths is not None
    order = np.argsort(-scored.relevance)
    assert index.jobs[int(order[0])].code == "D1102"
    assert float(scored.path_bonus.max()) > 0
    recs = recommend(profile, 10, diversity=False)
    assert recs[0].code == "D1102" and recs[0].why.parts["paths"].value == 0
    assert recs[0].why.path_from  # pastry cooks can become bakers, but it was first already
    assert "déjà en haut de ta liste" in recs[0].why.parts["paths"].text
    kept = {index.jobs[k].code for k in scored.kept}
    pulled = [r for r in recs if r.why.parts["paths"].value > 0 and r.code not in kept]
    assert pulled, [r.code for r in recs]
    first = pulled[0]
    assert first.why.path_from and "C'est écrit dans le ROME" in first.why.parts["paths"].text
    source = first.why.path_from[0]["code"]
    assert first.code in {m.target_code for m in index.catalog.mobilities(source)}
    assert first.why.path_from[0]["title"] in first.why.parts["paths"].text
    assert first.why.parts["paths"].french == tuple(p["title"] for p in first.why.path_from)
    assert first.why.parts["paths"].to_dict()["french"] == list(first.why.parts["paths"].french)


def test_paths_lift_the_baker_mobilities(index: RecommendIndex) -> None:
    profile = _fiche_profile(index, "D1102")
    targets = {m.target_code for m in index.catalog.mobilities("D1102")}
    scored = score_jobs(index, profile, hidden=index.job_pos["D1102"])
    assert scored.path_bonus is not None
    base = scored.relevance - scored.path_bonus

    def found(values: np.ndarray) -> int:
        values = values.copy()
        values[index.job_pos["D1102"]] = -np.inf
        return len(targets & {index.jobs[k].code for k in np.argsort(-values)[:20].tolist()})

    assert found(scored.relevance) > found(base)


def test_evaluation_cannot_read_the_hidden_fiches_links(index: RecommendIndex) -> None:
    """Rewiring every link from or to the evaluated fiche changes nothing in its ranking."""
    code = "D1102"
    a = index.job_pos[code]
    profile = _fiche_profile(index, code)
    before = score_jobs(index, profile, hidden=a).relevance
    original = index.mobility_graph
    rewired = original.links.copy()
    rng = np.random.default_rng(0)
    rewired[a, :] = rng.random(len(rewired)) < 0.05
    rewired[:, a] = rng.random(len(rewired)) < 0.05
    rewired[a, a] = 0
    try:
        index.mobility_graph = MobilityGraph(rewired)
        after = score_jobs(index, profile, hidden=a).relevance
        shown = rank_all(index, profile, exclude=frozenset({code}))
    finally:
        index.mobility_graph = original
    assert np.array_equal(after, before)
    # without hiding, the rewired links do count
    assert shown != rank_all(index, profile, exclude=frozenset({code}))


def test_a_sentence_gets_a_weaker_pull_than_a_whole_job(index: RecommendIndex) -> None:
    sentence = score_jobs(index, Profile(experiences=(Experience("je fais du pain le week-end"),)))
    whole = score_jobs(index, _fiche_profile(index, "D1102"))
    assert sentence.path_bonus is not None and whole.path_bonus is not None
    assert whole.paths is not None and len(whole.paths.neighbours) == PATH_NEIGHBOURS
    assert whole.paths.best > 0.5 > (sentence.paths.best if sentence.paths else 1.0)
    gap_s = float(sentence.relevance.max() - np.median(sentence.relevance))
    gap_w = float(whole.relevance.max() - np.median(whole.relevance))
    assert float(sentence.path_bonus.max()) / gap_s < float(whole.path_bonus.max()) / gap_w


def test_a_sentence_lifts_only_jobs_it_already_fits(index: RecommendIndex) -> None:
    """Formateur, which 423 fiches lead to, came 5th for a pizza delivery: a sentence's
    closest fiches are a guess, so their paths only lift jobs the sentence itself fits."""
    profile = Profile(experiences=(Experience("je livre des pizzas"),))
    scored = score_jobs(index, profile)
    assert scored.paths is not None and scored.path_bonus is not None
    assert scored.too_far is not None
    trainer = index.job_pos["K2111"]
    assert float(scored.paths.score[trainer]) > 0.1  # the pizza makers' fiches do lead there
    assert bool(scored.too_far[trainer]) and float(scored.path_bonus[trainer]) == 0.0
    lifted = np.nonzero(scored.path_bonus > 0)[0]
    assert len(lifted)  # the paths still lift the jobs the sentence fits
    assert (scored.coverage[lifted] >= PATH_SENTENCE_SHARE * scored.paths.best).all()
    recs = recommend(profile, 20)
    assert "K2111" not in [r.code for r in recs[:10]]
    far = [r for r in recs if r.why.path_from and r.why.parts["paths"].value == 0
           and bool(scored.too_far[index.job_pos[r.code]])]
    assert far and "va encore peu avec ce métier" in far[0].why.parts["paths"].text
    english = recommend(profile, 20, lang="en")
    same = next(r for r in english if r.code == far[0].code)
    assert "still fits this job too little" in same.why.parts["paths"].text
    # a whole job's profile is sure of its neighbours: nothing is held back
    assert score_jobs(index, _fiche_profile(index, "D1102")).too_far is None


def test_words_alone_lift_only_jobs_they_fit_even_when_one_fiche_fits_well(
        index: RecommendIndex) -> None:
    """QA: a pupil's pharmacy internship fits Préparateur en pharmacie well (the paths are
    "sure"), and its ROME moves (Formateur, data protection officer) came right behind it
    with a quarter of its coverage: one well-fitting fiche is still a guess from words."""
    text = "en stage de 3e j'étais dans une pharmacie, je rangeais les médicaments"
    scored = score_jobs(index, Profile(experiences=(Experience(text),)))
    assert scored.paths is not None and scored.path_bonus is not None
    assert scored.paths.best >= 0.54  # sure by coverage alone: the old gate let all through
    assert scored.too_far is not None
    lifted = np.nonzero(scored.path_bonus > 0)[0]
    assert (scored.coverage[lifted] >= PATH_SENTENCE_SHARE * scored.paths.best).all()
    codes = [r.code for r in recommend(Profile(experiences=(Experience(text),)), 10)]
    assert "K2111" not in codes and "K1906" not in codes, codes
    # confirmed competences are no guess: once the person kept the suggestions, the paths
    # of a well-covered fiche are sure and lift as for any profile
    kept = tuple(s.ogr for s in suggest_competences(text, 5))
    sure = score_jobs(index, Profile(experiences=(Experience(text, confirmed_competences=kept),)))
    assert sure.paths is not None and sure.paths.best >= 0.54 and sure.too_far is None


def test_interests_alone_give_no_paths(index: RecommendIndex) -> None:
    scored = score_jobs(index, Profile(riasec={"S": 1.0}))
    assert scored.paths is None and scored.path_bonus is None
    recs = recommend(Profile(riasec={"S": 1.0}), 3)
    assert all("paths" not in r.why.parts for r in recs)


def test_kept_fiches_stay_above_lifted_jobs_in_their_own_order() -> None:
    base = np.asarray([0.9, 0.5, 0.8, 0.7, 0.2], dtype=np.float32)
    kept = closest_fiches(base, hidden=None)
    assert kept == (0, 2, 3)[:CLOSEST_KEPT]
    assert closest_fiches(base, hidden=0) == (2, 3, 1)[:CLOSEST_KEPT]
    lifted = np.asarray([0.9, 0.5, 0.8, 0.7, 0.88], dtype=np.float32)  # a path lifted job 4
    out = keep_closest_first(lifted, kept, hidden=None)
    order = np.argsort(-out, kind="stable").tolist()
    assert order == [0, 2, 3, 4, 1]
    assert out[4] == lifted[4] and out[1] == lifted[1] and out[0] == lifted[0]
    # nothing lifted past them: nothing changes
    assert np.array_equal(keep_closest_first(base, kept, hidden=None), base)
    # a hidden fiche is never the ceiling the kept ones must pass
    assert np.array_equal(keep_closest_first(base, (2, 3, 1), hidden=0), base)


def test_a_whole_job_profile_still_shows_its_closest_jobs_first(index: RecommendIndex) -> None:
    profile = _fiche_profile(index, "D1102")  # everything a baker does
    scored = score_jobs(index, profile)
    plain = scored.relevance - (scored.path_bonus if scored.path_bonus is not None else 0.0)
    closest = [index.jobs[int(k)].code for k in np.argsort(-plain, kind="stable")[:CLOSEST_KEPT]]
    recs = recommend(profile, 10)
    assert [r.code for r in recs[:CLOSEST_KEPT]] == closest  # same domain, yet not pushed back
    assert "D1104" in closest  # the pastry cook, which the paths alone pushed out of the list
    assert [index.jobs[k].code for k in scored.kept] == closest
    assert all(r.why.parts["diversity_penalty"].value == 0 for r in recs[:CLOSEST_KEPT])
    lifted_past = [r for r in recs[1:CLOSEST_KEPT] if r.why.parts["paths"].value > 0]
    assert lifted_past and "les plus proches" in lifted_past[0].why.parts["paths"].text
    assert any(r.code not in closest and r.why.path_from for r in recs)  # paths still show



def test_a_sentence_keeps_the_plain_diversity_step(index: RecommendIndex) -> None:
    profile = Profile(experiences=(Experience("je fais du pain le week-end"),))
    scored = score_jobs(index, profile)
    assert scored.kept == () and scored.paths is not None and scored.paths.best < 0.5
    recs = recommend(profile, 10)
    firsts: dict[str, int] = {}
    for rank, r in enumerate(recs, start=1):
        firsts[r.code[:3]] = firsts.get(r.code[:3], 0) + 1
        if firsts[r.code[:3]] > 1 and rank > FIRST_BY_SCORE:  # a second job of a domain
            text = r.why.parts["diversity_penalty"].text  # is placed by the step, as before
            assert "jusqu'à 7 métiers d'un même domaine" in text, text
    assert 1 < max(firsts.values()) <= 7


def test_a_hidden_fiche_scores_as_if_its_links_were_removed(index: RecommendIndex) -> None:
    graph = index.mobility_graph
    code = "D1102"
    a = index.job_pos[code]
    coverage = score_jobs(index, _fiche_profile(index, code)).coverage
    removed = graph.links.copy()
    removed[a, :] = 0.0
    removed[:, a] = 0.0
    expected = career_paths(MobilityGraph(removed), np.where(
        np.arange(len(coverage)) == a, -np.inf, coverage).astype(np.float32))
    masked = career_paths(graph, coverage, hidden=a)
    assert float(graph.links[:, a].sum()) > 0  # the baker has links into it to remove
    assert np.allclose(masked.score, expected.score, atol=1e-6)
    assert np.array_equal(masked.neighbours, expected.neighbours)
    assert masked.sources(a) == [] and int(graph.links.sum()) == int(
        index.catalog.query("SELECT COUNT(*) FROM mobilities WHERE job_code != target_code")[0][0])
