"""The lowest study level each job can be reached from, for the study-level constraint."""

from __future__ import annotations

from tremplin.catalog.levels import (
    access_level,
    certification_level,
    diploma_level,
    names_a_state_diploma,
    study_level_number,
    twin_levels,
)
from tremplin.recommend.index import RecommendIndex


def entry_levels(index: RecommendIndex) -> dict[str, int]:
    """Lowest level (3..8) at which the open data says each job can be entered. First the
    levels ROME's own access text for the fiche gives as a way in ("accessible avec un diplôme
    de niveau CAP/BEP à Bac", "… sans diplôme particulier"; not "Avoir un CAP Agricole peut
    être un atout": `access_level`): it speaks of this fiche only, while ONISEP
    links its métiers to ROME v3 codes, several fiches wide (the greffier fiche got the
    brevet of a clerc d'huissier). Else the lowest of the diplomas ROME lists for it and,
    of the ONISEP métiers that fit it by title (`title_fit`, onisep_fit.py: the ones whose
    trainings its card shows), their trainings' levels and minimum access levels: every
    métier of its v3 code made « Médecin responsable -DIM- » level 4 (a secrétaire
    médical/e of M1609) and an architect of weapon systems level 3 (militaire du rang).
    Jobs none of these speak of are absent (the constraint keeps them, and says so)."""
    if index.entry_levels is None:
        texts = {str(code): str(text)
                 for code, text in index.catalog.query("SELECT code, access FROM jobs")}
        stated = {code: access_level(text) for code, text in texts.items()}
        certifications = [(str(code), str(label)) for code, label in index.catalog.query(
            "SELECT i.job_code, k.label FROM job_items i JOIN knowledge k ON k.ogr = i.ogr"
            " WHERE i.kind = 'knowledge' AND k.category LIKE 'Certification%'")]
        lowest: dict[str, int] = {}

        def offer(code: str, level: int | None) -> None:
            if level is not None and code in index.job_pos:
                lowest[code] = min(level, lowest.get(code, level))

        for code, number, study in index.catalog.query(
                "SELECT l.job_code, t.level_number, t.study_level FROM onisep_job_links l"
                " JOIN training_onisep_jobs tj ON tj.onisep_id = l.onisep_id"
                " JOIN trainings t ON t.id = tj.training_id WHERE l.title_fit = 1"):
            offer(str(code), int(str(number)) if number is not None
                  else study_level_number(str(study)))
        for code, access in index.catalog.query(
                "SELECT l.job_code, o.min_level FROM onisep_job_links l"
                " JOIN onisep_jobs o ON o.id = l.onisep_id WHERE l.title_fit = 1"):
            offer(str(code), study_level_number(str(access)))
        for code, label in certifications:
            offer(code, diploma_level(label))
        for code, level in stated.items():
            if level is not None and code in index.job_pos:
                lowest[code] = level
        unstated = {code for code, text in texts.items()
                    if stated[code] is None and names_a_state_diploma(text)}
        lowest.update(_state_diploma_levels(unstated, certifications))
        index.entry_levels = lowest
    return index.entry_levels


def _state_diploma_levels(unstated: set[str], certifications: list[tuple[str, str]],
                          ) -> dict[str, int]:
    """Fiches whose access text says a state diploma is required without naming it (`unstated`:
    "un diplôme d'Etat, obligatoire pour exercer"): the level of the state diplomas their ROME
    certifications name. The auxiliaire de puériculture got level 3 from an ONISEP link and
    was shown for "up to CAP", though its only way in is a level-4 Diplôme d'Etat."""
    out: dict[str, int] = {}
    for code, label in certifications:
        level = certification_level(label) if code in unstated else None
        if level is not None and names_a_state_diploma(label):
            out[code] = min(level, out.get(code, level))
    return out


def certification_level_in(index: RecommendIndex, label: str) -> int | None:
    """The level of a certification ROME lists: `certification_level` of its name, with the
    ONISEP trainings of the index's catalog for the mentions complémentaires and certificats de
    spécialisation, whose name does not say it ("MC sommellerie": level 4, after a bac; "MC
    plâtrier": 3, after a CAP)."""
    if index.certification_twins is None:
        index.certification_twins = twin_levels(
            (str(title), None if level is None else int(str(level)))
            for title, level in index.catalog.query("SELECT title, level_number FROM trainings"))
    return certification_level(label, index.certification_twins)
