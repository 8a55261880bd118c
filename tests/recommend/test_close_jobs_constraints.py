"""The close jobs a card offers follow the constraints the person set, and the card says how
many it left out (a job in a domain set aside is not offered as a job to consider too)."""

from __future__ import annotations

from tremplin.catalog.read import Catalog
from tremplin.recommend import Constraints, Experience, Profile, recommend
from tremplin.recommend.index import RecommendIndex
from tremplin.recommend.levels import entry_levels

CAKES = "je fais des gâteaux et je les vends aux voisins"


def _first(constraints: Constraints, lang: str = "fr") -> tuple[list[str], list[str]]:
    rec = recommend(Profile(experiences=(Experience(CAKES),), constraints=constraints), 1,
                    lang=lang)[0]
    return [c["code"] for c in rec.why.close_jobs], rec.why.notes


def _moves_of_the_first(catalog: Catalog) -> list[str]:
    """Every ROME move from the first job suggested without constraints."""
    first = recommend(Profile(experiences=(Experience(CAKES),)), 1)[0].code
    return [m.target_code for m in catalog.mobilities(first)]


def test_close_jobs_in_an_avoided_domain_are_left_out_and_counted(
        index: RecommendIndex, catalog: Catalog) -> None:
    free, free_notes = _first(Constraints())
    assert any(code.startswith("G") for code in free)  # the pastry cook leads to kitchens
    assert not any("métiers proches" in n for n in free_notes)
    codes, notes = _first(Constraints(avoided_domains=("G",)))
    assert codes and not any(code.startswith("G") for code in codes)
    moves = _moves_of_the_first(catalog)
    hidden = sum(m.startswith("G") for m in moves)
    assert hidden > 0
    assert (f"Tremplin ne montre pas {hidden} métiers proches : ils sont dans les domaines que "
            "tu as écartés.") in notes


def test_close_jobs_above_the_chosen_level_are_left_out(
        index: RecommendIndex, catalog: Catalog) -> None:
    levels = entry_levels(index)
    codes, notes = _first(Constraints(max_study_level=3), lang="en")
    assert codes and all(levels.get(c, 0) <= 3 for c in codes)
    moves = _moves_of_the_first(catalog)
    above = sum(levels.get(m, 0) > 3 for m in moves)
    assert above > 0
    assert (f"Tremplin does not show {above} close jobs: they need more study than the level "
            "you chose.") in notes


def test_each_constraint_counts_the_close_jobs_it_leaves_out(
        index: RecommendIndex, catalog: Catalog) -> None:
    levels = entry_levels(index)
    moves = _moves_of_the_first(catalog)
    in_g = sum(m.startswith("G") for m in moves)
    above = sum(levels.get(m, 0) > 3 and not m.startswith("G")
                for m in moves)
    assert in_g and above
    _, notes = _first(Constraints(avoided_domains=("G",), max_study_level=3))
    assert (f"Tremplin ne montre pas {in_g} métiers proches : ils sont dans les domaines que "
            "tu as écartés.") in notes
    assert (f"Tremplin ne montre pas {above} métiers proches : ils demandent plus d'études que "
            "le niveau que tu as choisi.") in notes
