"""ROME interest centres in a profile: listed, checked, and named in the explanation."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.conftest import record_queries
from tremplin.catalog.read import Catalog
from tremplin.cli import cli
from tremplin.recommend import Profile, ProfileError, interest_centres, recommend
from tremplin.recommend.index import RecommendIndex

ANIMALS = "17"


def test_the_thirty_rome_centres_are_listed_in_code_order(catalog: Catalog) -> None:
    centres = interest_centres(catalog)
    assert [c.code for c in centres] == [str(n) for n in range(1, 31)]
    assert all(c.label and c.definition for c in centres)
    assert centres[int(ANIMALS) - 1].label == "J'aime m'occuper des animaux"


def test_an_unknown_centre_is_refused_by_name(index: RecommendIndex) -> None:
    with pytest.raises(ProfileError, match="interest centre codes: 99, x") as err:
        recommend(Profile(interest_centres=(ANIMALS, "x", "99"), riasec={"S": 1.0}), 3)
    assert err.value.field == "interest_centres" and "99" in err.value.fr


def test_the_explanation_names_the_chosen_centres_of_each_job(index: RecommendIndex) -> None:
    label = "J'aime m'occuper des animaux"
    recs = recommend(Profile(interest_centres=(ANIMALS,), riasec={"S": 1.0}), 30)
    belongs = {r.code: {str(c): bool(p) for c, p in index.catalog.query(
        "SELECT centre_code, principal FROM job_interest_centres WHERE job_code = ?", (r.code,))}
        for r in recs}
    inside = [r for r in recs if ANIMALS in belongs[r.code]]
    outside = [r for r in recs if ANIMALS not in belongs[r.code]]
    assert inside and outside  # the social answer brings in jobs without animals too
    assert recs[0] in inside
    for r in inside:
        assert r.why.interest_centres == [
            {"code": ANIMALS, "label": label, "principal": belongs[r.code][ANIMALS]}]
        part = r.why.parts["interest"]
        assert f"ce que tu as choisi : « {label} »" in part.text and part.french == (label,)
        assert label in r.why.interest
    for r in outside:
        assert r.why.interest_centres == [] and r.why.parts["interest"].french == ()
        assert "aucune des phrases que tu as choisies sur ce qui t'attire" in r.why.parts["interest"].text
    assert recs[0].to_dict()["why"]["interest_centres"][0]["code"] == ANIMALS


def test_centres_in_english_quote_the_french_label(index: RecommendIndex) -> None:
    recs = recommend(Profile(interest_centres=(ANIMALS, "9")), 100, lang="en")
    both = [r for r in recs if len(r.why.interest_centres) == 2]
    assert both, [r.code for r in recs]
    part = both[0].why.parts["interest"]
    first, second = (c["label"] for c in both[0].why.interest_centres)
    assert f"This job fits what you chose: “{first}” and “{second}”." in part.text
    assert part.french == (first, second)


def test_without_centres_nothing_is_said_about_them(index: RecommendIndex) -> None:
    recs = recommend(Profile(riasec={"S": 1.0}), 3)
    assert all(r.why.interest_centres == [] for r in recs)
    assert not any("centres" in r.why.parts["interest"].text for r in recs)


def test_cli_lists_centres_and_refuses_unknown_ones(index: RecommendIndex) -> None:
    out = CliRunner().invoke(cli, ["centres", "--json"])
    assert out.exit_code == 0, out.output
    listed = json.loads(out.output)["centres"]
    assert len(listed) == 30 and set(listed[0]) == {"code", "label", "definition"}  # as the API
    bad = CliRunner().invoke(cli, ["recommend", "--centres", "17,99", "--limit", "2"])
    assert bad.exit_code == 2 and "99" in bad.output


def test_centres_are_read_once_per_index(index: RecommendIndex,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    profile = Profile(interest_centres=(ANIMALS,), riasec={"S": 1.0})
    first = [r.code for r in recommend(profile, 10)]
    asked = record_queries(monkeypatch, index.catalog)
    index.job_facts_memo.clear()  # the cards' trainings are read again: the recorder works
    assert [r.code for r in recommend(profile, 10)] == first
    assert asked and not any("interest_centres" in sql for sql in asked)


def test_ties_go_to_the_jobs_of_more_chosen_centres(index: RecommendIndex) -> None:
    from tremplin.recommend.engine import centres_met

    profile = Profile(interest_centres=(ANIMALS, "9"))
    met = centres_met(index, profile)
    assert met is not None and met.max() == 2 and (met == 1).any()
    recs = recommend(profile, 100, diversity=False)
    top = recs[0].score
    tied = [int(met[index.job_pos[r.code]]) for r in recs if r.score == top]
    assert 2 in tied and 1 in tied  # both kinds tie on the score: the order decides
    assert tied == sorted(tied, reverse=True)  # both centres first
