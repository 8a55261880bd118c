"""The QA pass on "up to CAP" (2026-11-29): a senior teacher's post first for a pupil's
observation internship, the pastry cook without its CAP, a level-4 BTM listed under a note
saying the diplomas above the level are hidden."""

from __future__ import annotations

from tremplin.catalog.levels import certification_level
from tremplin.catalog.read import Catalog
from tremplin.recommend import Constraints, Experience, Profile, Why, recommend
from tremplin.recommend.engine import score_jobs
from tremplin.recommend.explain import explain
from tremplin.recommend.index import get_index
from tremplin.recommend.levels import certification_level_in, entry_levels

STAGE = "j'ai fait mon stage d'observation dans une école maternelle"


def test_a_job_requiring_a_master_is_not_entered_at_cap_level(catalog: Catalog) -> None:
    levels = entry_levels(get_index())
    # « Chef de travaux dans l'enseignement technique »: "accessible avec un diplôme
    # d'Ingénieur ou un Master. Avoir un CAP Agricole peut être un atout." (was: 3)
    assert levels["K2147"] == 7
    assert levels["K2112"] == 7  # conseiller d'orientation: a Master (was 6, "les formations
    # sont généralement de niveau Bac + 3 à Bac +5")
    assert levels["D1104"] == 3  # a second way in still counts: pâtissier, CAP
    capped = recommend(Profile(experiences=(Experience(STAGE),),
                               constraints=Constraints(max_study_level=3)), 10)
    assert capped and "K2147" not in [r.code for r in capped]


def _patissier(level: int | None) -> Why:
    index = get_index()
    profile = Profile(experiences=(Experience("je fais des gâteaux et des tartes"),),
                      constraints=Constraints(max_study_level=level))
    return explain(index, profile, score_jobs(index, profile), index.job_pos["D1104"], 0.0)


def test_the_patissier_card_up_to_cap_shows_the_cap_patissier(catalog: Catalog) -> None:
    capped = _patissier(3)
    titles = [t["title"] for t in capped.trainings]
    assert "CAP pâtissier" in titles, titles
    assert all((t["entry_level"] or 0) <= 3 for t in capped.trainings)


def test_the_patissier_card_up_to_cap_hides_the_btm_and_counts_it(catalog: Catalog) -> None:
    free, capped = _patissier(None), _patissier(3)
    assert any("(BTM)" in c for c in free.certifications), free.certifications
    assert not any("(BTM)" in c for c in capped.certifications), capped.certifications
    assert all((certification_level(c) or 0) <= 3 for c in capped.certifications)
    hidden = len(free.certifications) - len(capped.certifications)
    said = (f"Tremplin cache {hidden} diplômes" if hidden > 1
            else "1 diplôme demande plus d'études")
    assert said in " ".join(capped.notes)


def test_mentions_complementaires_take_their_level_from_onisep(catalog: Catalog) -> None:
    index = get_index()
    assert certification_level_in(index, "MC sommellerie") == 4  # after a bac
    assert certification_level_in(index, "MC plâtrier") == 3  # after a CAP
    assert certification_level_in(index, "Pâtissier confiseur glacier traiteur (BTM)") == 4
    assert certification_level_in(index, "CQP agent de sécurité") is None


def test_a_card_up_to_cap_hides_a_mention_complementaire_taken_after_a_bac(
        catalog: Catalog) -> None:
    index = get_index()
    sommelier = index.job_pos["G1804"]

    def card(level: int | None) -> Why:
        profile = Profile(experiences=(Experience("je sers le vin au restaurant"),),
                          constraints=Constraints(max_study_level=level))
        return explain(index, profile, score_jobs(index, profile), sommelier, 0.0)

    assert "MC sommellerie" in card(None).certifications
    assert "MC sommellerie" not in card(3).certifications  # level 4: after a bac
    assert "MC sommellerie" in card(4).certifications
