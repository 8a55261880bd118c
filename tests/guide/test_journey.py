from __future__ import annotations

import copy
from typing import Any

import pytest

from tremplin.catalog.read import Catalog
from tremplin.guide.journey import (
    AVATAR_PARTS,
    MAX_NOTE_CHARS,
    MAX_NOTES,
    Experience,
    Journey,
    JourneyError,
    avatar_words,
    restrict_to_catalog,
)

from .conftest import SAMPLE


def test_round_trip_is_canonical(sample_journey: Journey) -> None:
    d = sample_journey.to_dict()
    assert Journey.from_dict(d) == sample_journey
    assert Journey.from_dict(sample_journey.to_compact_dict()) == sample_journey
    assert set(d) == {"version", "lang", "avatar", "riasec", "experiences", "competences", "thumbs",
                      "notes", "xp", "badges", "postcode", "centres", "max_level", "avoid"}
    assert sample_journey.centres == ("6", "27")  # in code order
    assert sample_journey.riasec_scores() == {"R": 3, "I": 0, "A": 1, "S": 2, "E": 0, "C": 0}
    assert sample_journey.liked_jobs() == ("D1102",)
    assert sample_journey.all_competences() == (104174, 126357)


def test_minimal_and_empty() -> None:
    j = Journey.from_dict({"version": 1})
    assert j == Journey()
    assert Journey.from_dict(j.to_compact_dict()) == j


def test_no_personal_fields_accepted() -> None:
    for key in ("name", "age", "gender", "email", "phone"):
        with pytest.raises(JourneyError, match="Champ inconnu"):
            Journey.from_dict({"version": 1, key: "x"})


def _with(**changes: Any) -> dict[str, Any]:
    d = copy.deepcopy(SAMPLE)
    d.update(changes)
    return d


BAD: list[tuple[str, dict[str, Any], str]] = [
    ("no version", {k: v for k, v in SAMPLE.items() if k != "version"}, "version"),
    ("version 2", _with(version=2), "version 2"),
    ("version string", _with(version="1"), "version"),
    ("version bool", _with(version=True), "version"),
    ("lang", _with(lang="de"), "Langue"),
    ("avatar part", _with(avatar={"nose": "big"}), "Partie d'avatar"),
    ("avatar option", _with(avatar={"hair": "<b>"}), "Option d'avatar"),
    ("avatar list", _with(avatar=["hair"]), "objet"),
    ("riasec id", _with(riasec={"X1": 1}), "question"),
    ("riasec value", _with(riasec={"R1": 3}), "entre 0 et 2"),
    ("riasec float", _with(riasec={"R1": 1.0}), "entier"),
    ("riasec bool", _with(riasec={"R1": True}), "entier"),
    ("riasec too many", _with(riasec={f"R{i}": 1 for i in range(61)}), "Trop"),
    ("huge xp", _with(xp=10**30), "entre 0 et"),
    ("negative xp", _with(xp=-1), "entre 0 et"),
    ("float xp", _with(xp=1e308), "entier"),
    ("competence string", _with(competences=["104174"]), "entier"),
    ("competence huge", _with(competences=[10**20]), "entre 1 et"),
    ("competences too many", _with(competences=list(range(1, 202))), "Trop"),
    ("thumb value", _with(thumbs={"D1102": 2}), "1 ou -1"),
    ("thumb bool", _with(thumbs={"D1102": True}), "1 ou -1"),
    ("thumb code", _with(thumbs={"<img>": 1}), "Code de fiche"),
    ("notes not list", _with(notes="hello"), "liste"),
    ("note not text", _with(notes=[{"a": 1}]), "texte"),
    ("note too long", _with(notes=["x" * (MAX_NOTE_CHARS + 1)]), "trop long"),
    ("note huge", _with(notes=["x" * 10**6]), "trop long"),
    ("too many notes", _with(notes=["n"] * (MAX_NOTES + 1)), "Trop"),
    ("control char", _with(notes=["a\x00b"]), "U\\+0000"),
    ("escape char", _with(notes=["\x1b[31mred"]), "U\\+001B"),
    ("bidi override", _with(notes=["abc\u202edcba"]), "U\\+202E"),
    ("experience key", _with(experiences=[{"text": "x", "secret": 1}]), "Champ inconnu"),
    ("experience text long", _with(experiences=[{"text": "x" * 501}]), "trop long"),
    ("badge", _with(badges=["hacker"]), "Badge inconnu"),
    ("postcode letters", _with(postcode="75O11"), "5 chiffres"),
    ("postcode int", _with(postcode=75011), "5 chiffres"),
    ("top-level list", [], "objet JSON"),  # type: ignore[list-item]
]


@pytest.mark.parametrize(("data", "needle"), [(d, n) for _, d, n in BAD], ids=[i for i, _, _ in BAD])
def test_hostile_input_refused_with_clear_messages(data: Any, needle: str) -> None:
    with pytest.raises(JourneyError, match=needle) as info:
        Journey.from_dict(data)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.message_fr and err.message_en and err.message_fr != err.message_en
    assert set(err.to_dict()) == {"fr", "en", "field"}


def test_field_path_is_reported() -> None:
    with pytest.raises(JourneyError) as info:
        Journey.from_dict(_with(notes=["ok", "a\x07"]))
    assert info.value.path == "notes[1]"
    assert "notes[1]" in info.value.message_en


def test_text_is_normalised_but_markup_kept_as_text() -> None:
    j = Journey.from_dict(_with(notes=["  e\u0301lève\r\nligne 2  ", "", "<b>x</b>"]))
    assert j.notes == ("élève\nligne 2", "<b>x</b>")  # NFC, newlines, empty dropped, markup literal


def test_duplicates_collapse() -> None:
    j = Journey.from_dict(_with(competences=[5, 5, 6], badges=["avatar", "avatar"]))
    assert j.competences == (5, 6)
    assert j.badges == ("avatar",)


def test_restrict_to_catalog_drops_unknown_codes(catalog: Catalog, sample_journey: Journey) -> None:
    with pytest.raises(JourneyError):
        Journey.from_dict(_with(thumbs={"Z9999": 1}))  # Z is no ROME letter: refused outright
    j = Journey.from_dict(_with(competences=[104174, 99999998], thumbs={"D1102": 1, "A0000": 1},
                                centres=["17", "31"], avoid=["K", "Z"]))
    cleaned, dropped = restrict_to_catalog(j, catalog)
    assert cleaned.competences == (104174,)
    assert cleaned.thumbs == {"D1102": 1}
    assert cleaned.centres == ("17",)
    assert cleaned.avoid == ("K",)
    assert len(dropped) == 4 and any("31" in d for d in dropped)
    assert any("domaine Z" in d for d in dropped)
    same, none = restrict_to_catalog(sample_journey, catalog)
    assert same == sample_journey and none == []


def test_avatar_words_cover_every_option() -> None:
    for part, options in AVATAR_PARTS.items():
        for option in options:
            fr = avatar_words({part: option}, "fr")
            en = avatar_words({part: option}, "en")
            assert len(fr) == len(en) == 1 and fr[0][1] and en[0][1]


@pytest.mark.parametrize("centres", [["0"], ["abc"], [17], ["1"] * 31, ["07"]])
def test_bad_interest_centres_are_refused(centres: list[Any]) -> None:
    with pytest.raises(JourneyError) as err:
        Journey.from_dict(_with(centres=centres))
    assert err.value.path.startswith("centres")


def test_interest_centres_are_kept_once_in_code_order() -> None:
    assert Journey.from_dict(_with(centres=["21", "3", "21"])).centres == ("3", "21")
    old_file = {k: v for k, v in SAMPLE.items() if k != "centres"}  # written before centres
    assert Journey.from_dict(old_file).centres == ()


@pytest.mark.parametrize("level", [2, 8, "4", True, 4.0])
def test_a_study_level_outside_cap_to_bac_plus_5_is_refused(level: Any) -> None:
    with pytest.raises(JourneyError) as err:
        Journey.from_dict(_with(max_level=level))
    assert err.value.path == "max_level"


def test_a_study_level_is_kept() -> None:
    journey = Journey.from_dict(_with(max_level=4))
    assert journey.max_level == 4 and journey.to_compact_dict()["max_level"] == 4
    assert "max_level" not in Journey.from_dict(SAMPLE).to_compact_dict()  # none: not written


@pytest.mark.parametrize("avoid", ["K", ["k"], ["K1"], [7], ["AB"], [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "A"]])
def test_avoided_domains_must_be_grand_domain_letters(avoid: Any) -> None:
    with pytest.raises(JourneyError) as err:
        Journey.from_dict(_with(avoid=avoid))
    assert err.value.path.startswith("avoid")


def test_avoided_domains_are_kept_once_in_order() -> None:
    journey = Journey.from_dict(_with(avoid=["K", "D", "K"]))
    assert journey.avoid == ("D", "K") and journey.to_compact_dict()["avoid"] == ["D", "K"]
    assert "avoid" not in Journey.from_dict(SAMPLE).to_compact_dict()  # none: not written


def test_competences_taken_away_from_an_experience_are_kept_apart() -> None:
    data = _with(experiences=[{"text": "baby-sitting", "competences": [104174, 126357],
                               "removed": [121720, 104174, 121720]}])
    journey = Journey.from_dict(data)
    # a code both kept and taken away stays kept; repeats are dropped
    assert journey.experiences[0].removed == (121720,)
    assert journey.to_dict()["experiences"][0]["removed"] == [121720]
    assert Journey.from_dict(journey.to_dict()) == journey
    assert "removed" not in Journey.from_dict(SAMPLE).to_dict()["experiences"][0]


def test_restrict_to_catalog_drops_unknown_removed_codes(catalog: Catalog) -> None:
    j = Journey.from_dict(_with(experiences=[{"text": "baby-sitting", "competences": [104174],
                                              "removed": [121720, 99999998]}]))
    cleaned, dropped = restrict_to_catalog(j, catalog)
    assert cleaned.experiences[0].removed == (121720,) and len(dropped) == 1


def test_a_review_keeps_what_is_ticked_and_takes_the_rest_away() -> None:
    told = Experience("je répare des vélos")
    assert not told.checked
    first = told.review({1, 2, 3}, [2, 1, 9])  # 9 was not shown: ignored
    assert first.competences == (2, 1) and first.removed == (3,) and first.checked
    again = first.review({1, 2, 3, 4}, [3])  # a second look replaces the first
    assert again.competences == (3,) and again.removed == (1, 2, 4)
    # ticking nothing is checked, but takes nothing away: the words keep their meaning
    none = told.review({1, 2}, [])
    assert none.competences == () and none.removed == () and none.reviewed and none.checked
    assert Journey.from_dict(Journey(experiences=(none,)).to_dict()).experiences == (none,)
    assert again.review({3, 5}, []) == Experience(again.text, (), (1, 2, 4), False)
    assert again.without(3) == Experience(again.text, (), (1, 2, 4, 3))
    assert again.without(7) is again  # not one of its own: nothing to remember
    many = told.review(set(range(1, 60)), [1])
    assert many.removed == tuple(range(20, 60))  # the newest 40 are remembered
