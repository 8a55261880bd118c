"""ROME interest centres in a profile ("J'aime m'occuper des animaux"…): the list to choose
from, the check of chosen codes, and the chosen centres a suggested job belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from tremplin.catalog.read import Catalog, InterestCentre
from tremplin.recommend.errors import refuse_unknown
from tremplin.recommend.index import F32, RecommendIndex

MAIN_CENTRE_FIT = 1.0    # interest fit of a job for a chosen centre it mainly belongs to
LINKED_CENTRE_FIT = 0.6  # ... for a chosen centre it is only linked to


@dataclass(frozen=True, slots=True)
class CentreLinks:
    labels: dict[str, str]              # centre code -> label
    jobs: dict[str, dict[int, bool]]    # centre code -> job position -> a main centre of it?


def interest_centres(catalog: Catalog | None = None) -> list[InterestCentre]:
    """The centres a profile may name (default catalog: the one under TREMPLIN_HOME)."""
    if catalog is None:
        from tremplin.catalog.read import open_catalog
        from tremplin.config import load_settings

        catalog = open_catalog(load_settings().catalog_path)
    return catalog.interest_centres()


def centre_links(index: RecommendIndex) -> CentreLinks:
    """The centres and the jobs of each, read once per index (30 centres, about 4,400 links),
    so that scoring and explaining a profile with centres runs no query."""
    if index.centre_links is None:
        labels = {c.code: c.label for c in index.catalog.interest_centres()}
        jobs: dict[str, dict[int, bool]] = {code: {} for code in labels}
        for centre, job, principal in index.catalog.query(
                "SELECT centre_code, job_code, principal FROM job_interest_centres"):
            pos = index.job_pos.get(str(job))
            if pos is not None and str(centre) in jobs:
                jobs[str(centre)][pos] = bool(principal)
        index.centre_links = CentreLinks(labels, jobs)
    links: CentreLinks = index.centre_links
    return links


def check_centres(known: dict[str, str], codes: tuple[str, ...]) -> None:
    """Refuse codes that are not ROME interest centres (`known`: code -> label)."""
    unknown = sorted({c for c in codes if c not in known},
                     key=lambda c: (not c.isdigit(), len(c), c))
    refuse_unknown(unknown, "interest_centres",
                   ("ROME interest centre codes", "Centres d'intérêt inconnus"),
                   "GET /api/v1/interest-centres or `tremplin centres`")


def centre_fit(links: CentreLinks, chosen: set[str], fit: F32) -> None:
    """Raise `fit` (per job position) to how well each job matches the chosen centres."""
    for code in chosen:
        for pos, main in links.jobs[code].items():
            fit[pos] = max(float(fit[pos]), MAIN_CENTRE_FIT if main else LINKED_CENTRE_FIT)


def centres_value(centres: list[dict[str, object]]) -> float:
    """The fit `centre_fit` gives a job from the chosen centres it belongs to."""
    return max((MAIN_CENTRE_FIT if c["principal"] else LINKED_CENTRE_FIT for c in centres),
               default=0.0)


def chosen_centres_of_job(links: CentreLinks, job: int, chosen: tuple[str, ...],
                          ) -> list[dict[str, object]]:
    """The chosen centres job `job` belongs to, main ones first, in code order."""
    hits = [c for c in dict.fromkeys(chosen) if job in links.jobs.get(c, {})]
    hits.sort(key=lambda c: (not links.jobs[c][job], len(c), c))
    return [{"code": c, "label": links.labels[c], "principal": links.jobs[c][job]} for c in hits]
