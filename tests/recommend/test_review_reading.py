"""Review of the reading rules: what the rules meant to catch, they catch (the first three
failed before the review's mends; the last guards the faster tokeniser)."""

from __future__ import annotations

from tremplin.recommend.index import RecommendIndex
from tremplin.recommend.text import disliked_clauses, tokens, without_dislikes


def test_an_arabic_dislike_is_left_out_and_the_rest_is_read() -> None:
    # the patterns carried the hamza, which folding drops: they never matched; and the
    # Arabic comma did not end a clause, so the whole text would have gone
    text = "أكره التنظيف، أعمل في مطعم"
    assert disliked_clauses(text) == ("أكره التنظيف",)
    assert without_dislikes(text) == "أعمل في مطعم"
    assert disliked_clauses("لا أريد العمل مع الأطفال") != ()


def test_a_feminine_title_without_its_closing_acronym_names_the_job(
        index: RecommendIndex) -> None:
    # feminine names were lower-cased before the "(ATE)" strip, which wants capitals
    named = {index.jobs[j].code for j in index.own_jobs("agente technique de l'environnement")}
    assert named == {index.jobs[j].code for j in index.own_jobs(
        "agent technique de l'environnement")} != set()


def test_a_licence_written_with_its_accents_is_a_licence_held(index: RecommendIndex) -> None:
    said = {index.jobs[j].code for j in index.own_jobs("cariste avec mon diplôme de cariste")}
    assert said == {"N1101"}


def test_compound_words_still_read_as_one() -> None:
    assert "autoecol" in tokens("l'auto-école du quartier")
    assert tokens("école maternelle") == ["ecol", "maternell"]
