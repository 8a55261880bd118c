"""The study-level constraint: which level each job can be entered from, and what it hides."""

from __future__ import annotations

import pytest

from tremplin.catalog.levels import certification_level, diploma_level, study_level_number
from tremplin.catalog.read import Catalog
from tremplin.recommend import Constraints, Experience, Profile, Why, recommend
from tremplin.recommend.engine import score_jobs
from tremplin.recommend.explain import explain
from tremplin.recommend.index import get_index
from tremplin.recommend.levels import entry_levels


@pytest.mark.parametrize(("text", "level"), [
    ("CAP ou équivalent", 3), ("CAP ou équivalent + 1 an", 3), ("Diplôme national du brevet", 3),
    ("Bac ou équivalent", 4), ("Bac + 1", 4), ("Bac + 2", 5), ("Bac + 3", 6), ("Bac + 4", 6),
    ("Bac + 5", 7), ("Bac + 7", 7), ("Bac + 8", 8), ("Bac + 9 et plus", 8),
    ("autre formation", None), ("", None),
])
def test_onisep_study_levels_on_the_certification_scale(text: str, level: int | None) -> None:
    assert study_level_number(text) == level


@pytest.mark.parametrize(("label", "level"), [
    ("CAP agricole métiers de l'agriculture", 3), ("BPA option ouvrier viticole", 3),
    ("Bac pro métiers de la coiffure", 4), ("BAC Pro Menuisier aluminium-verre", 4),
    ("BP boulanger", 4), ("BPJEPS spécialité éducateur sportif", 4),
    ("BTS management commercial opérationnel", 5), ("DEJEPS perfectionnement sportif", 5),
    ("Licence professionnelle métiers du livre", 6), ("BUT génie civil", 6),
    ("Master mention actuariat", 7), ("Diplôme d'ingénieur ou master 2", 7),
    ("Diplôme d'Etat de docteur en médecine", 8),
    ("Diplôme d'études spécialisées pneumologie", 8),
    # these exist at several levels: the name says nothing
    ("Titre professionnel cuisinier", None), ("CQP agent de sécurité", None), ("Permis B", None),
    ("Butineur", None),
])
def test_diploma_levels_from_their_names(label: str, level: int | None) -> None:
    assert diploma_level(label) == level


def test_jobs_only_reached_by_long_studies_have_their_level(catalog: Catalog) -> None:
    levels = entry_levels(get_index())
    # Pédiatre: its only training (the medical doctorate) is outside the RNCP and has no
    # certification level; the study level and ONISEP's access level still say bac + 9
    assert levels["J1115"] == 8
    assert levels["D1102"] == 3  # boulanger: CAP
    # most jobs now have a level (only trainings with a certification level: 74 %)
    assert len(levels) >= 0.9 * len(get_index().jobs)


def test_a_required_state_diploma_gives_its_level(catalog: Catalog) -> None:
    # ROME's access text says "un diplôme d'Etat, obligatoire" without naming it; its
    # certification is the level-4 DE d'auxiliaire de puériculture (was: 3, from ONISEP)
    assert entry_levels(get_index())["J1304"] == 4
    text = "je garde mes petits frères"
    free = [r.code for r in recommend(Profile(experiences=(Experience(text),)), 30)]
    assert "J1304" in free
    capped = recommend(Profile(experiences=(Experience(text),),
                               constraints=Constraints(max_study_level=3)), 30)
    assert capped and "J1304" not in [r.code for r in capped]


def test_a_cap_level_never_suggests_a_doctorate(catalog: Catalog) -> None:
    text = "je garde des enfants malades"
    free = [r.code for r in recommend(Profile(experiences=(Experience(text),)), 30)]
    assert "J1115" in free  # without the constraint, Pédiatre is among the ideas
    capped = recommend(Profile(experiences=(Experience(text),),
                               constraints=Constraints(max_study_level=3)), 30)
    levels = entry_levels(get_index())
    assert capped and "J1115" not in [r.code for r in capped]
    assert all(levels.get(r.code, 3) <= 3 for r in capped)
    for r in capped:
        if r.code not in levels:  # the data says nothing: kept, and the explanation says so
            assert any("ne disent pas quel niveau" in n for n in r.why.notes), r.code


def test_trainings_above_the_level_are_hidden_even_outside_the_rncp(catalog: Catalog) -> None:
    index = get_index()
    trainings = index.catalog.trainings_for_job("J1115")
    assert trainings and all(t.level_number is None for t in trainings)
    assert all(t.entry_level == 8 for t in trainings)  # read from "Bac + 9 et plus"

    def why(level: int | None) -> Why:
        profile = Profile(experiences=(Experience("je soigne les enfants malades"),),
                          constraints=Constraints(max_study_level=level))
        scored = score_jobs(index, profile)
        return explain(index, profile, scored, index.job_pos["J1115"], 0.0)

    assert [t["title"] for t in why(None).trainings] == [t.title for t in trainings][:5]
    capped = why(7)
    assert capped.trainings == [] and capped.trainings_hidden == len(trainings)
    assert why(None).trainings_hidden == 0
    hidden = len(trainings)
    said = (f"Tremplin cache {hidden} formations" if hidden > 1
            else "1 formation demande plus d'études")
    assert said in " ".join(capped.notes)


def test_diplomas_above_the_level_are_hidden_and_counted(catalog: Catalog) -> None:
    text = "je monte des pc gamer"
    capped = recommend(Profile(experiences=(Experience(text),),
                               constraints=Constraints(max_study_level=4)), 5)
    free = {r.code: r for r in recommend(Profile(experiences=(Experience(text),)), 30)}
    hid_some = False
    for r in capped:
        assert all((certification_level(c) or 0) <= 4 for c in r.why.certifications), (
            r.why.certifications)
        above = [c for c in free[r.code].why.certifications if (certification_level(c) or 0) > 4]
        if above:  # before: "BTS …", "Licence …" listed for someone who chose up to bac
            hid_some = True
            assert any("diplôme" in n and "Tremplin" in n for n in r.why.notes), r.why.notes
    assert hid_some, "no diploma above the level: the test tests nothing"
