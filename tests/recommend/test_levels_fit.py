"""QA pass of 2026-11-29: « Médecin responsable -DIM- » (M1617) was 8th for a préparatrice en
pharmacie who chose up to bac, at level 4 from the ONISEP « secrétaire médical/e » of its ROME
v3 code M1609, while ROME lists the Diplôme d'Etat de docteur en médecine and its card hid it
as above the chosen level. Only the ONISEP métiers that fit a fiche by title (the ones whose
trainings its card shows) now set its level."""

from __future__ import annotations

from tremplin.catalog.levels import (
    access_level,
    certification_level,
    diploma_level,
    names_a_state_diploma,
    study_level_number,
)
from tremplin.catalog.read import Catalog
from tremplin.recommend import Constraints, Experience, Profile, recommend
from tremplin.recommend.index import get_index
from tremplin.recommend.levels import entry_levels


def test_a_physician_s_job_is_not_entered_at_bac_level(catalog: Catalog) -> None:
    levels = entry_levels(get_index())
    assert levels["M1617"] == 8  # Médecin DIM: its Diplôme d'Etat de docteur en médecine
    assert levels["K1735"] >= 7  # weapon-system architect (was 3, from a militaire du rang)
    capped = recommend(Profile(experiences=(Experience("préparatrice en pharmacie"),),
                               constraints=Constraints(max_study_level=4)), 10)
    codes = [r.code for r in capped]
    assert capped and "M1617" not in codes
    for r in capped:  # each job is one the person can enter, or one the card says why it stays
        if levels.get(r.code, 9) > 4:
            assert any("ne disent pas quel niveau" in n or "Tu le fais" in n
                       for n in r.why.notes), (r.code, r.why.notes)


def test_a_level_from_onisep_or_rome_diplomas_is_one_the_fiche_s_own_data_give(
        catalog: Catalog) -> None:
    """Where the access text gives no level, the level is that of a training its card shows,
    of an ONISEP métier that fits it by title, or of a diploma ROME lists for it: never of a
    métier of another fiche of its v3 code."""
    index = get_index()
    levels = entry_levels(index)
    checked = 0
    for code, access in catalog.query("SELECT code, access FROM jobs"):
        code, access = str(code), str(access)
        if code not in levels or access_level(access) is not None or names_a_state_diploma(
                access):
            continue
        own = {t.entry_level for t in catalog.trainings_for_job(code)}
        own |= {study_level_number(o.min_level) for o in catalog.onisep_jobs_for(code)}
        own |= {diploma_level(k.label) for k in catalog.job_knowledge(code) if k.is_certification}
        assert levels[code] in own, (code, levels[code], sorted(x for x in own if x))
        checked += 1
    assert checked > 50


def test_levels_read_from_permits_and_no_diploma_texts(catalog: Catalog) -> None:
    levels = entry_levels(get_index())
    assert levels["N4301"] == 3  # Conducteur de train: its « licence européenne » is a permit
    assert levels["N2206"] == 3  # Pilote de drone: "pas de diplôme spécifique obligatoire"
    assert levels["K2310"] == 3  # Ambassadeur du tri: "accessible sans formation" (not Master)
    assert levels["M1210"] == 7  # Commissaire aux comptes: the DEC
    assert levels["K1510"] == 4  # Contrôleur du Trésor public: a category-B concours
    assert levels["J1118"] == 8  # Radiologue: "Bac + 7 docteur en médecine" and a DES


def test_a_pilot_licence_is_not_hidden_as_a_university_degree(catalog: Catalog) -> None:
    labels = [k.label for k in catalog.job_knowledge("N2206") if k.is_certification]
    pilot = [c for c in labels if c.startswith("Licence de pilote")]
    assert pilot and certification_level(pilot[0]) is None
