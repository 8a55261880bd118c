"""A diploma or licence is suggested only when the text names it: having worked as a seller
is no « CQP vendeur conseil en maroquinerie » (measured before the rule: 10 of the 15
certifications in the top 5 of the labelled experiences were of that kind)."""

from __future__ import annotations

import pytest

from tremplin.catalog.read import Catalog
from tremplin.recommend import suggest_competences
from tremplin.recommend.diplomas import DiplomaNames, label_markers

LABELS = [
    "CQP vendeur conseil en maroquinerie",
    "Permis de conduire catégorie B",
    "Habilitation Prévention et Secours Civiques de niveau 1 (PSC1)",
    "Ingénieur diplômé de l'école nationale des sciences géographiques",
    "Brevet de surveillant de baignade",
    "DU Management du sport",
    "Diagnostiqueur immobilier",
    "Techniques de vente et de conseil",  # a savoir, not a certification
]
CERTS = [True] * 7 + [False]


def _refused(text: str) -> set[str]:
    names = DiplomaNames(LABELS, CERTS)
    return {LABELS[i] for i in names.refused(text).tolist()}


def test_the_markers_of_a_label_are_its_kind_and_its_acronyms() -> None:
    assert label_markers(LABELS[0]) == {"cqp"}
    assert label_markers(LABELS[2]) == {"habilitation", "psc1"}
    assert label_markers(LABELS[3]) == {"diplome"}
    assert label_markers(LABELS[5]) == frozenset()  # "DU" reads as the article "du"
    assert label_markers(LABELS[6]) == frozenset()


def test_a_text_naming_no_diploma_gets_none() -> None:
    assert _refused("vendeur chez zara, conseil clients") == set(LABELS[:7])


@pytest.mark.parametrize(("text", "allowed"), [
    ("j'ai le permis B", {"Permis de conduire catégorie B"}),
    ("j'ai mon PSC1", {"Habilitation Prévention et Secours Civiques de niveau 1 (PSC1)"}),
    ("j'ai le brevet de surveillant de baignade", {"Brevet de surveillant de baignade"}),
])
def test_a_named_diploma_lets_only_certifications_of_its_kind_through(
        text: str, allowed: set[str]) -> None:
    # a label that names no kind needs one of its words: "immobilier", "sport"
    assert set(LABELS[:7]) - _refused(text) == allowed
    assert "Diagnostiqueur immobilier" not in _refused("j'ai le diplôme de diagnostiqueur "
                                                       "immobilier")


@pytest.mark.parametrize(("text", "refused"), [
    # review: acronyms read from ROME's labels are common words too ("CE", "AM", "PRO")
    ("ce week-end j'ai travaillé au marché", "Permis de conduire catégorie CE"),
    ("I am a waiter", "Permis de conduire catégorie AM"),
    ("je suis en bac pro commerce", "BAC PRO poissonnier écailler traiteur"),
])
def test_a_common_word_or_a_kind_alone_names_no_diploma(text: str, refused: str) -> None:
    labels = [*LABELS[:7], "Permis de conduire catégorie CE", "Permis de conduire catégorie AM",
              "BAC PRO poissonnier écailler traiteur", "BAC PRO métiers du commerce"]
    names = DiplomaNames(labels, [True] * len(labels))
    out = {labels[i] for i in names.refused(text).tolist()}
    assert refused in out
    if "commerce" in text:
        assert "BAC PRO métiers du commerce" not in out


@pytest.mark.parametrize("text", ["j'ai pas le permis", "je suis sans diplôme",
                                  "I have no licence", "jamais eu le permis"])
def test_a_diploma_said_missing_is_not_named(text: str) -> None:
    assert _refused(text) == set(LABELS[:7])


def _certifications(text: str) -> list[str]:
    return [s.label for s in suggest_competences(text, 10) if s.kind == "certification"]


def test_the_engine_suggests_no_diploma_from_a_job_done(catalog: Catalog) -> None:
    # before: three « CQP vendeur conseil en … » in the first five
    assert _certifications("vendeur chez zara, conseil clients et rangement de la boutique") == []
    assert _certifications("interim dans un entrepot, préparation de commandes") == []


def test_the_engine_still_suggests_a_diploma_the_text_names(catalog: Catalog) -> None:
    assert "Permis de conduire catégorie B" in _certifications(
        "j'ai le permis B et je conduis souvent la voiture de mes parents")
    swim = _certifications("je nage en club et j'ai le brevet de surveillant de baignade")
    assert "Brevet de surveillant de baignade" in swim
    assert all(label.lower().startswith("brevet") for label in swim), swim
    assert _certifications("j'ai pas le permis mais je fais du vélo") == []


@pytest.mark.parametrize(("text", "named"), [
    ("mon but c'est de bosser", set()),
    ("I tried but failed", set()),
    ("je suis en BUT GEA", {"but"}),
    ("j'ai mon CAP cuisine", {"cap"}),
    ("jai eu mon bac", {"bac"}),
])
def test_a_diploma_that_is_also_a_word_is_named_in_capitals(text: str, named: set[str]) -> None:
    names = DiplomaNames(["BUT gestion des entreprises", "CAP cuisine", "Bac pro vente"],
                         [True, True, True])
    assert names.named_in(text) == named
