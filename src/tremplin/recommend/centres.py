"""ROME interest centres in a profile ("J'aime m'occuper des animaux"…): the list to choose
from, the check of chosen codes, and the chosen centres a suggested job belongs to."""

from __future__ import annotations

from tremplin.catalog.read import Catalog, InterestCentre
from tremplin.recommend.errors import ProfileError
from tremplin.recommend.index import RecommendIndex


def interest_centres(catalog: Catalog | None = None) -> list[InterestCentre]:
    """The centres a profile may name (default catalog: the one under TREMPLIN_HOME)."""
    if catalog is None:
        from tremplin.catalog.read import open_catalog
        from tremplin.config import load_settings

        catalog = open_catalog(load_settings().catalog_path)
    return catalog.interest_centres()


def centre_labels(index: RecommendIndex) -> dict[str, str]:
    """Code -> label of every interest centre (read once per index)."""
    if index.centre_labels is None:
        index.centre_labels = {c.code: c.label for c in index.catalog.interest_centres()}
    return index.centre_labels


def check_centres(known: dict[str, str], codes: tuple[str, ...]) -> None:
    """Refuse codes that are not ROME interest centres (`known`: code -> label)."""
    unknown = sorted({c for c in codes if c not in known},
                     key=lambda c: (not c.isdigit(), len(c), c))
    if unknown:
        listed = ", ".join(unknown)
        raise ProfileError(
            f"Unknown ROME interest centre codes: {listed} (the list: GET "
            "/api/v1/interest-centres or `tremplin centres`).", field="interest_centres",
            fr=f"Centres d'intérêt inconnus : {listed}.")


def chosen_centres_of_job(catalog: Catalog, known: dict[str, str], job_code: str,
                          chosen: tuple[str, ...]) -> list[dict[str, object]]:
    """The chosen centres this job belongs to, main ones first, in code order."""
    of_job = catalog.job_interest_centres(job_code)
    hits = [c for c in dict.fromkeys(chosen) if c in of_job]
    hits.sort(key=lambda c: (not of_job[c], len(c), c))
    return [{"code": c, "label": known[c], "principal": of_job[c]} for c in hits]
