"""A seventh reading pass: what young people say of their temperament, the way they prefer to
work and the school subjects they are good or bad at. Each case found absurd jobs before its
rule: "je suis timide" a psychologist, a psychiatrist and a midwife; "je préfère travailler
seul" care jobs; "j'aime travailler en équipe" a Scrum Master; "je suis bon en maths" « Etablir
le Bon à Tirer »; "je suis nul en maths" a mathematician and developers (docs/scoring.md, "From
words to competences")."""

from __future__ import annotations

import pytest

from tests.recommend.reading import labels as _labels
from tests.recommend.reading import recs as _recs
from tremplin.catalog.read import Catalog
from tremplin.recommend import Experience, Profile, ProfileError
from tremplin.recommend.text import (
    nothing_done,
    status_said,
    without_dislikes,
    without_status,
    written_out,
)


# --- 1. a temperament alone says who someone is, not what they did ---------------------------
@pytest.mark.parametrize("said", [
    "je suis timide", "je suis très timide et discrète", "je suis introverti",
    "je suis plutôt solitaire", "je suis un peu réservée", "I'm shy",
])
def test_a_temperament_alone_says_nothing_done(said: str) -> None:
    assert nothing_done(said) == "status"
    with pytest.raises(ProfileError) as err:
        Profile(experiences=(Experience(said),))
    assert "des qualités" in (err.value.fr or "")


# --- 2. the way one prefers to work is a taste, wherever it is said --------------------------
@pytest.mark.parametrize("said", [
    "je préfère travailler seul", "j'aime bien travailler seule", "j'aime travailler en équipe",
    "j'adore travailler en groupe", "je préfère travailler seul que en équipe", "j'aime bouger",
    "j'aime bouger, je tiens pas en place", "I prefer working alone",
    # the counsellors' text of the first QA pass, which then got care jobs
    "je n'aime pas le contact avec les gens, je préfère travailler seul",
])
def test_a_preferred_way_of_working_alone_says_nothing_done(said: str) -> None:
    assert nothing_done(said) is not None
    with pytest.raises(ProfileError) as err:
        Profile(experiences=(Experience(said),))
    assert "une façon de travailler qu'on préfère" in (err.value.fr or "")


def test_what_follows_a_preferred_way_of_working_is_read(catalog: Catalog) -> None:
    said = "je préfère travailler seul, je répare des vélos"
    assert without_status(said) == ", je répare des vélos"
    titles = [r.title.lower() for r in _recs(said, 3)]
    assert any("cycle" in t for t in titles), titles
    assert not any("autonom" in label for label in _labels(said)), _labels(said)


@pytest.mark.parametrize("said", [
    # not a preference: working alone as a fact, furniture moved
    "je travaille seul au magasin le dimanche", "j'aime bouger les meubles chez ma tante",
])
def test_working_alone_as_a_fact_stays(said: str) -> None:
    assert without_status(said) == said


def test_restlessness_is_left_out_wherever_said(catalog: Catalog) -> None:
    said = "je tiens pas en place, je fais du foot tous les jours"
    assert without_status(said) == ", je fais du foot tous les jours"
    # was: « Mettre en place des stratégies de réduction… » (workshop managers) for the clause
    assert not any("mettre en place" in label for label in _labels(said, 10))


# --- 3. good at a subject: the subject, not "bon" or "fort" ----------------------------------
@pytest.mark.parametrize(("said", "read"), [
    ("je suis bonne en dessin", "je suis doué en dessin"),
    ("je suis trop forte en anglais", "je suis trop doué en anglais"),
    ("j'ai de bonnes notes en maths", "j'ai doué en maths"),
    ("je fais des bons gâteaux", "je fais des bons gâteaux"),  # no subject: as written
])
def test_good_at_a_subject_is_read_plainly(said: str, read: str) -> None:
    assert written_out(said) == read


def test_good_at_maths_is_no_print_proof(catalog: Catalog) -> None:
    labels = _labels("je suis bon en maths", 10)
    # was: « Etablir le Bon à Tirer » and « Etablir un bon de commande » first
    assert not any(" bon " in f" {label} " for label in labels), labels
    assert any("mathémat" in label for label in labels[:2]), labels


def test_good_marks_in_maths_are_no_expense_notes(catalog: Catalog) -> None:
    said = "j'ai de bonnes notes en maths"
    # was: Comptable and Aide-comptable first, « Gérer les notes de frais »
    assert not any("comptab" in r.title.lower() for r in _recs(said, 5))
    assert not any("notes" in label for label in _labels(said, 10))


# --- 4. bad at a subject is what one cannot do -----------------------------------------------
@pytest.mark.parametrize("said", [
    "je suis nul en maths", "je suis vraiment nulle en anglais", "I'm bad at maths",
    "j'ai des mauvaises notes en français",
])
def test_bad_at_a_subject_alone_says_nothing_done(said: str) -> None:
    assert nothing_done(said) == "dislikes"


@pytest.mark.parametrize(("said", "kept"), [
    ("je suis nulle en français mais je dessine tout le temps", "mais je dessine tout le temps"),
    ("je suis pas très bon en orthographe, je répare des vélos", "je répare des vélos"),
])
def test_bad_at_a_subject_is_left_out(said: str, kept: str) -> None:
    assert without_dislikes(said) == kept


def test_a_subject_one_is_bad_at_brings_no_teacher(catalog: Catalog) -> None:
    titles = [r.title.lower() for r in _recs("je suis nulle en français mais je dessine tout le "
                                             "temps", 5)]
    # was: a French teacher first, a language reader 5th
    assert not any("professeur" in t or "lecteur" in t for t in titles), titles
    assert any("dessin" in t for t in titles[:3]), titles


# --- 5. what is left out as "who one is" is said where the person reads the review ----------
@pytest.mark.parametrize(("said", "left_out"), [
    ("j'ai 16 ans, je garde ma petite soeur", ("j'ai 16 ans",)),
    ("je préfère travailler seul, je répare des vélos", ("je préfère travailler seul",)),
    ("je tiens pas en place, je fais du foot", ("je tiens pas en place",)),
    # in English too, wherever it is said (it was only read as a whole text)
    ("I prefer working alone, I fix bikes", ("I prefer working alone",)),
    ("je répare des vélos", ()),
])
def test_what_only_says_who_one_is_is_named_as_written(said: str, left_out: tuple[str, ...]
                                                       ) -> None:
    assert status_said(said) == left_out
