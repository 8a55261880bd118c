"""A text naming one's own job amid other words is offered that job's key competences to
confirm: the words around the job ("dans le bâtiment") lead its suggestions otherwise."""

from __future__ import annotations

from tremplin.recommend.index import RecommendIndex
from tremplin.recommend.suggest import own_job_key_competences, suggest_from_index

MASON = "j'ai travaillé 5 ans dans le bâtiment comme maçon"


def test_the_mason_is_offered_what_a_mason_does(index: RecommendIndex) -> None:
    words = suggest_from_index(index, MASON, 5)
    # what the words bring is about buildings, not about laying bricks
    assert not {s.ogr for s in words} & {int(index.item_ogr[i])
                                         for i in index.key_items(index.job_pos["F1703"])}
    offered = own_job_key_competences(index, MASON, 5, frozenset(s.ogr for s in words))
    assert [o.code for o in offered] == ["F1703"] and offered[0].title == "Maçon / Maçonne"
    key = {int(index.item_ogr[i]) for i in index.key_items(index.job_pos["F1703"])}
    got = [c.ogr for c in offered[0].competences]
    assert len(got) == 5 and set(got) <= key
    assert any("mur" in c.label or "béton" in c.label for c in offered[0].competences)
    # closest to the text first
    scores = [c.score for c in offered[0].competences]
    assert scores == sorted(scores, reverse=True)


def test_nothing_offered_twice(index: RecommendIndex) -> None:
    first = own_job_key_competences(index, MASON, 5)[0].competences
    again = own_job_key_competences(index, MASON, 5, frozenset({first[0].ogr, first[1].ogr}))
    labels = [c.label for c in again[0].competences]
    assert first[0].label not in labels and first[1].label not in labels
    assert len(labels) == len(set(labels)) == 5


def test_only_when_a_job_is_said_amid_other_words(index: RecommendIndex) -> None:
    # a job name alone: its suggestions already are that job's, key ones first
    assert own_job_key_competences(index, "je suis mécano") == []
    assert own_job_key_competences(index, "je répare des vélos") == []
    # someone else's job is not the person's
    assert own_job_key_competences(index, "ma voisine est infirmière, je l'aide") == []
    said = own_job_key_competences(index, "au pays j'étais coiffeuse, je faisais les couleurs")
    assert [o.code for o in said] == ["D1202"]


def test_a_text_s_scores_are_worked_out_once_and_never_changed(index: RecommendIndex) -> None:
    from tremplin.recommend.engine import experience_items
    from tremplin.recommend.suggest import item_scores

    index.forget_texts()
    first = item_scores(index, MASON)
    assert item_scores(index, MASON) is first and not first.flags.writeable
    best = suggest_from_index(index, MASON, 1)[0]
    # an item the person removed is left out of their guesses, not out of the shared scores
    guessed = experience_items(index, MASON, (best.ogr,))
    assert index.pos[best.ogr] not in {i for i, _ in guessed}
    assert suggest_from_index(index, MASON, 1)[0] == best
