"""A text naming the person's own job is read as holding that job's key competences: the jobs
close to it and ROME's moves from it come after it, not jobs sharing only the sentence's
words (a mason of five years got architects and cost engineers)."""

from __future__ import annotations

from tremplin.catalog.read import Catalog
from tremplin.recommend import Experience, Profile, recommend
from tremplin.recommend.engine import OWN_JOB_ITEMS_CONFIDENCE, experience_items, own_job_items
from tremplin.recommend.index import RecommendIndex
from tremplin.recommend.own_jobs import own_jobs_said

MASON = "j'ai travaillé 5 ans dans le bâtiment comme maçon"


def _key_items(index: RecommendIndex, code: str) -> set[int]:
    return {int(index.entry_item[e]) for e in index.entries_of(index.job_pos[code])
            if index.entry_core[e] == "Principale" and index.suggestable[int(index.entry_item[e])]}


def test_a_mason_gets_the_moves_of_masonry_not_architects(
        index: RecommendIndex, catalog: Catalog) -> None:
    codes = [r.code for r in recommend(Profile(experiences=(Experience(MASON),)), 10)]
    assert codes[0] == "F1703"
    moves = {m.target_code for m in catalog.mobilities("F1703")}
    assert len(moves & set(codes)) >= 2, codes
    # design and engineering offices: the sentence's "bâtiment", not what a mason does
    assert not [c for c in codes if c.startswith("F11")], codes


def test_the_key_items_of_the_job_named_join_the_guessed_ones(index: RecommendIndex) -> None:
    (job,) = own_jobs_said(index, MASON)
    assert index.jobs[job].code == "F1703"
    items = dict(experience_items(index, MASON))
    key = _key_items(index, "F1703")
    assert key <= set(items)
    added = key - set(list(items)[:5])
    assert added and all(items[i] == OWN_JOB_ITEMS_CONFIDENCE for i in added)


def test_an_item_the_person_removed_is_not_added_back(index: RecommendIndex) -> None:
    key = sorted(_key_items(index, "F1703"))
    removed = int(index.item_ogr[key[0]])
    items = dict(experience_items(index, MASON, (removed,)))
    assert key[0] not in items and set(key[1:]) <= set(items)


def test_a_text_naming_no_job_of_ones_own_gets_no_more(index: RecommendIndex) -> None:
    text = "j'aide ma voisine qui est infirmière à porter ses courses"
    assert own_jobs_said(index, text) == {} and own_job_items(index, text, set()) == []
    assert len(experience_items(index, "je fais des gâteaux et je les vends aux voisins")) == 5
