"""School words (and first aid): the brevet of collège is a school diploma, not a patent ("j'ai eu mon brevet"
says who someone is, like a school year; other brevets and patents stay), and a vocational
track says what one learns ("je suis en seconde pro vente" is selling in a shop)."""

from __future__ import annotations

import pytest

from tremplin.recommend import Experience, Profile, ProfileError, recommend, suggest_competences
from tremplin.recommend.index import RecommendIndex
from tremplin.recommend.suggest import prepare
from tremplin.recommend.text import fold, says_nothing, without_status


@pytest.mark.parametrize(("text", "kept"), [
    ("j'ai eu mon brevet et j'aime bien dessiner", "et j'aime bien dessiner"),
    ("J'ai eu mon Brevet avec mention, je fais du hand", ", je fais du hand"),
    ("j'ai passé le brevet des collèges et je garde ma soeur", "et je garde ma soeur"),
    ("j'ai eu le DNB mention très bien, je fais de la guitare", ", je fais de la guitare"),
    ("brevet des collèges en poche, je répare des vélos", "en poche, je répare des vélos"),
])
def test_the_school_brevet_is_left_out_as_a_school_year(text: str, kept: str) -> None:
    assert without_status(text) == kept


@pytest.mark.parametrize("text", [
    "j'ai mon brevet de secourisme", "j'ai eu mon brevet de pilote de planeur",
    "je prépare mon BAFA", "j'ai déposé un brevet pour mon invention",
])
def test_other_brevets_are_what_was_learnt(text: str) -> None:
    assert without_status(text) == text


def test_the_school_brevet_alone_says_nothing_done() -> None:
    assert says_nothing("j'ai eu mon brevet avec mention")
    with pytest.raises(ProfileError, match="does not say what was done"):
        Profile(experiences=(Experience("j'ai eu mon brevet"),))


def test_no_patent_job_nor_item_for_a_pupil_with_the_brevet(index: RecommendIndex) -> None:
    patents = {j.code for j in index.jobs if "brevet" in fold(j.title)}
    assert patents  # Ingénieur brevet en propriété industrielle
    for text in ("j'ai eu mon brevet et j'aime bien dessiner",
                 "J'ai eu mon brevet avec mention et je suis en seconde pro vente"):
        codes = [r.code for r in recommend(Profile(experiences=(Experience(text),)), 10)]
        assert not patents & set(codes), (text, codes)
        labels = [s.label for s in suggest_competences(text, 5)]
        assert not any("brevet" in fold(label) for label in labels), labels


@pytest.mark.parametrize("text", ["je suis en seconde pro vente", "je suis en 1ère pro commerce",
                                  "je fais un bac pro MCV"])
def test_the_sales_track_is_selling_in_a_shop(index: RecommendIndex, text: str) -> None:
    assert without_status(text) == text  # not a school year alone
    assert "vente en magasin" in prepare(index, text)
    codes = [r.code for r in recommend(Profile(experiences=(Experience(text),)), 10)]
    assert "D1507" in codes[:5], codes  # Employé / Employée de rayon


def test_a_general_track_is_still_only_a_school_year() -> None:
    assert without_status("je suis en seconde générale, je fais du foot") == (
        "générale, je fais du foot")
    assert says_nothing("je suis en seconde pro")


def test_every_glossary_word_is_read() -> None:
    from tremplin.recommend.text import GLOSSARY, expansion

    unread = [word for word in GLOSSARY if not expansion(word)]
    assert not unread  # "psc1" was never read: the scan split letters from digits


def test_the_first_aid_certificate_is_first_aid(index: RecommendIndex) -> None:
    text = "j'ai mon PSC1"
    labels = [s.label for s in suggest_competences(text, 5)]
    assert sum("secour" in fold(label) for label in labels) >= 4, labels
    titles = [r.title for r in recommend(Profile(experiences=(Experience(text),)), 5)]
    assert any("Secouriste" in t for t in titles), titles
    assert not any(w in fold(t) for t in titles for w in ("carrel", "poseur")), titles
