"""What a person dislikes, cannot do or never did, and what only says who they are (age,
school year, no diploma), is not read as something they did."""

from __future__ import annotations

import pytest

from tremplin.catalog.read import Catalog
from tremplin.recommend import Experience, Profile, ProfileError, recommend, suggest_competences
from tremplin.recommend.index import RecommendIndex, get_index
from tremplin.recommend.text import disliked_clauses, says_nothing, without_dislikes, without_status


@pytest.fixture(scope="module")
def index(catalog: Catalog) -> RecommendIndex:
    return get_index(catalog)


@pytest.mark.parametrize(("text", "kept"), [
    ("je déteste les enfants, je préfère bricoler", "je préfère bricoler"),
    ("je garde mes petits frères mais j'aime pas trop ça", "je garde mes petits frères"),
    ("j’aime pas l’école, je fais de la mécanique avec mon oncle",
     "je fais de la mécanique avec mon oncle"),
    ("I hate cooking but I fix bikes", "but I fix bikes"),
    # someone else's negation is what they do: kept
    ("j'aide des gens qui ne peuvent pas marcher", "j'aide des gens qui ne peuvent pas marcher"),
    ("je garde des enfants qui ne parlent pas encore", "je garde des enfants qui ne parlent pas "
     "encore"),
    # a dislike ends where a link word starts what was done
    ("j'aime pas rester sans rien faire donc j'aide mon père au garage",
     "donc j'aide mon père au garage"),
    ("je supporte pas l'injustice alors je suis délégué de classe",
     "alors je suis délégué de classe"),
    ("I don't like sitting still so I work on building sites", "so I work on building sites"),
])
def test_disliked_clauses_are_left_out(text: str, kept: str) -> None:
    assert without_dislikes(text) == kept
    assert bool(disliked_clauses(text)) == (kept != text)


@pytest.mark.parametrize("text", [
    # negations that say what was done (QA re-check, 2026-11-29): not dislikes
    "j'ai jamais raté un entraînement", "je ne travaille plus au mcdo depuis un an",
    "je n'arrête jamais de bricoler", "je peux pas m'empêcher de dessiner",
    "je ne compte pas mes heures au restaurant", "I never missed a shift at the restaurant",
    "je ne fais pas que servir, je cuisine aussi", "je n'ai pas peur de me salir les mains",
])
def test_a_negation_is_not_a_dislike(text: str) -> None:
    assert without_dislikes(text) == text and not says_nothing(text)


@pytest.mark.parametrize("text", [
    "j'ai 16 ans, je m'occupe de ma grand-mère", "je suis en seconde, je m'occupe de ma petite "
    "soeur le soir", "j'ai jamais eu de travail mais je m'occupe de ma petite sœur",
])
def test_what_is_left_after_an_age_still_counts(text: str) -> None:
    assert not says_nothing(text)
    assert Profile(experiences=(Experience(text),))


@pytest.mark.parametrize("text", [
    "je suis surveillant au lycée", "je vends des vêtements en seconde main sur vinted",
    "je travaille en première ligne à l'hôpital comme ASH",
])
def test_a_school_word_about_work_is_not_a_school_year(text: str) -> None:
    assert without_status(text) == text


@pytest.mark.parametrize(("text", "kept"), [
    ("j'ai 17 ans, je fais de la boxe", ", je fais de la boxe"),
    ("Je suis en Terminale et je fais du baby-sitting", "et je fais du baby-sitting"),
    ("sans diplôme mais je cuisine bien", "mais je cuisine bien"),
    # durations and children's ages are what was done: kept
    ("foot en club depuis 8 ans", "foot en club depuis 8 ans"),
    ("je garde des enfants de 3 à 8 ans", "je garde des enfants de 3 à 8 ans"),
])
def test_what_only_says_who_someone_is_is_left_out_as_written(text: str, kept: str) -> None:
    assert without_status(text) == kept  # accents and case as typed


@pytest.mark.parametrize("text", [
    "je ne veux plus jamais faire de ménage", "jaime pas les gens", "pas fan des enfants",
    "je déteste faire le ménage",
    "j'ai pas de diplôme, j'ai arrêté l'école en 3e", "jai 16 ans et jsuis en seconde",
    "I am 16 and I hate school", "j'ai jamais travaillé",
])
def test_a_text_with_nothing_done_is_refused_like_i_dont_know(text: str) -> None:
    assert says_nothing(text)
    with pytest.raises(ProfileError, match="does not say what was done") as err:
        Profile(experiences=(Experience(text),))
    said = ("ce qu'on n'aime pas, un âge, une classe, des qualités, une façon de travailler "
            "qu'on préfère ou l'envie de travailler")
    assert said in (err.value.fr or "")
    with pytest.raises(ProfileError):
        suggest_competences(text, 5)


def test_a_disliked_activity_does_not_bring_its_jobs(index: RecommendIndex) -> None:
    def top(text: str) -> list[str]:
        return [r.title.lower() for r in recommend(Profile(experiences=(Experience(text),)), 10)]

    children = ("enfant", "puéric", "pédiatr", "crèche")
    # the same words without the dislike do bring them: the test can fail
    assert sum(any(w in t for w in children) for t in top("les enfants, je bricole")) >= 2
    assert not any(any(w in t for w in children)
                   for t in top("je déteste les enfants, je bricole"))
    sugg = suggest_competences("je déteste les enfants, je bricole", 5)
    assert all("déteste" not in s.matched_text for s in sugg)  # never quoted as done


@pytest.mark.parametrize(("text", "why"), [
    ("je déteste faire le ménage", "dislikes"), ("j'ai 16 ans et je suis en seconde", "status"),
    ("jsp", "nothing"), ("je déteste les enfants, voilà", "nothing"),
    ("je déteste les enfants, je bricole", None), ("j'ai 16 ans, je garde ma soeur", None),
])
def test_why_a_text_says_nothing_done(text: str, why: str | None) -> None:
    from tremplin.recommend.text import nothing_done

    assert nothing_done(text) == why
