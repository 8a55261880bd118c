"""ROME domains a profile may avoid: the list to choose from and the check of chosen codes.

A profile avoids a whole grand domain by its letter ("K": services to people) or one domain
by its code ("K13"); the jobs of those domains are never suggested."""

from __future__ import annotations

from tremplin.catalog.read import Catalog, GrandDomain
from tremplin.recommend.errors import refuse_unknown
from tremplin.recommend.index import RecommendIndex


def job_domains(catalog: Catalog | None = None) -> list[GrandDomain]:
    """The grand domains and their domains (default catalog: the one under TREMPLIN_HOME)."""
    if catalog is None:
        from tremplin.catalog.read import open_catalog
        from tremplin.config import load_settings

        catalog = open_catalog(load_settings().catalog_path)
    return catalog.grand_domains()


def known_domain_codes(index: RecommendIndex) -> set[str]:
    """Every grand domain letter and domain code that holds at least one fiche."""
    return {j.grand_domain for j in index.jobs} | {j.domain_code for j in index.jobs}


def check_domains(index: RecommendIndex, codes: tuple[str, ...]) -> None:
    """Refuse avoided domains that hold no fiche: avoiding them would silently do nothing."""
    known = known_domain_codes(index)
    refuse_unknown(sorted({c for c in codes if c not in known}), "constraints.avoided_domains",
                   ("ROME domain codes", "Domaines inconnus"),
                   "GET /api/v1/domains or `tremplin domains`")
