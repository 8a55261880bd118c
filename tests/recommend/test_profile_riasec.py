"""Profile validation and RIASEC scoring: no catalog or model needed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tremplin.recommend import (
    MAX_EXPERIENCE_CHARS,
    MAX_EXPERIENCES,
    Constraints,
    Experience,
    Profile,
    ProfileError,
    riasec_questions,
    score_riasec,
)
from tremplin.recommend.text import Neutraliser


def test_questionnaire_shape() -> None:
    for lang in ("fr", "en"):
        qs = riasec_questions(lang)
        assert 12 <= len(qs) <= 18
        assert {q.letter for q in qs} == set("RIASEC")
        assert len({q.id for q in qs}) == len(qs)
        for screen in {q.screen for q in qs}:
            assert sum(q.screen == screen for q in qs) <= 10
        assert all(q.pictogram and q.text for q in qs)
    with pytest.raises(ProfileError):
        riasec_questions("de")


def test_riasec_scoring_documented_rule() -> None:
    answers = {q.id: 0 for q in riasec_questions()}
    answers.update({"s1": 2, "s2": 2, "s3": 1, "a1": 2, "r1": 1})
    prof = score_riasec(answers)
    assert prof.scores["S"] == pytest.approx(5 / 6, abs=1e-4)
    assert prof.scores["A"] == pytest.approx(2 / 6, abs=1e-4)
    assert prof.top == ("S", "A", "R")
    assert prof.missing == ()
    # ties break in R, I, A, S, E, C order, reproducibly
    assert score_riasec({"e1": 2, "i1": 2}).top == ("I", "E")
    assert "s2" in score_riasec({"s1": 1}).missing


@pytest.mark.parametrize("answers", [{"x9": 1}, {"s1": 3}, {"s1": -1}, {"s1": True}, {"s1": "2"}])
def test_riasec_bad_answers(answers: dict[str, object]) -> None:
    with pytest.raises(ProfileError):
        score_riasec(answers)  # type: ignore[arg-type]


def test_profile_round_trip_json() -> None:
    p = Profile(competences=(300282, 107371),
                experiences=(Experience("baby-sitting", (107371,), (300282,)),),
                riasec={"S": 1.0, "A": 0.5}, interest_centres=("5",),
                constraints=Constraints(4, ("H", "K13"), "75011"))
    again = Profile.from_dict(json.loads(json.dumps(p.to_dict())))
    assert again == p


@pytest.mark.parametrize(("data", "field"), [
    ({"competences": ["abc"]}, "competences[0]"),
    ({"experiences": [{"text": ""}]}, "experiences[0].text"),
    ({"experiences": [{"text": "x" * (MAX_EXPERIENCE_CHARS + 1)}]}, "experiences[0].text"),
    ({"experiences": [{"text": "a"}] * (MAX_EXPERIENCES + 1)}, "experiences"),
    ({"riasec": {"Z": 1}}, "riasec"),
    ({"riasec": {"S": 2}}, "riasec.S"),
    ({"constraints": {"max_study_level": 12}}, "constraints.max_study_level"),
    ({"constraints": {"postcode": "ABCDE"}}, "constraints.postcode"),
    ({"constraints": {"avoided_domains": ["Zorro"]}}, "constraints.avoided_domains"),
    ({"name": "Léa"}, "name"),
    ({"experiences": [{"text": "ménage", "confirmed_competences": [1],
                       "removed_competences": [1]}]}, "experiences[0]"),
    ({"experiences": [{"text": "...!!"}]}, "experiences[0].text"),
    ({"experiences": [{"text": "je garde des enfants"}, {"text": "😀 😀 12"}]}, "experiences[1].text"),
    ({"experiences": [{"text": "a"}]}, "experiences[0].text"),
])
def test_profile_errors_say_what_is_wrong(data: dict[str, object], field: str) -> None:
    with pytest.raises(ProfileError) as info:
        Profile.from_dict(data)
    assert info.value.field == field
    assert str(info.value) and info.value.fr


def test_fifty_long_experiences_refused_not_truncated() -> None:
    data = {"experiences": [{"text": "j'ai aidé " * 500}] * 50}
    with pytest.raises(ProfileError, match="at most 20"):
        Profile.from_dict(data)


def test_neutraliser_maps_feminine_to_masculine_only() -> None:
    n = Neutraliser([("Serveur", "Serveuse"), ("Agent d'entretien", "Agente d'entretien")])
    assert n("J'étais serveuse, je suis allée au lycée") == n("J'étais serveur, je suis allé au lycée")
    assert n("une animatrice motivée et sérieuse") == n("un animateur motivé et sérieux")
    assert n("la vaisselle et la lessive") == "la vaisselle et la lessive"
    assert n("agente d'entretien") == "agent d'entretien"


@pytest.mark.parametrize(("build", "field"), [
    (lambda: Profile(riasec="SA"), "riasec"),  # type: ignore[arg-type]
    (lambda: Profile(interest_centres=(17,)), "interest_centres"),  # type: ignore[arg-type]
    (lambda: Profile(constraints={"max_study_level": 4}), "constraints"),  # type: ignore[arg-type]
    (lambda: Profile(competences=("124960",)), "competences[0]"),  # type: ignore[arg-type]
    (lambda: Profile(experiences=(Experience("ménage", removed_competences=("abc",)),)),  # type: ignore[arg-type]
     "experiences[0].removed_competences[0]"),
    (lambda: Profile(experiences=(Experience("ménage", removed_competences=tuple(range(1, 202))),)),
     "experiences[0]"),
])
def test_profiles_built_in_python_are_checked_too(build: Any, field: str) -> None:
    with pytest.raises(ProfileError) as info:  # not an AttributeError deep in the engine
        build()
    assert info.value.field == field


def test_question_ids_are_read_in_any_case() -> None:
    from tremplin.recommend import ProfileError, score_riasec

    assert score_riasec({"R1": 2, "s2": 1}).scores == score_riasec({"r1": 2, "s2": 1}).scores
    with pytest.raises(ProfileError, match="given twice"):
        score_riasec({"R1": 2, "r1": 0})
