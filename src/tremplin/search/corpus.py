"""The searchable texts: every title that points at a ROME fiche, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass

from tremplin.catalog.read import Catalog

# Sources, strongest first. The prior is a small multiplicative trust factor used in ranking.
SOURCE_PRIOR: dict[str, float] = {
    "appellation": 1.0,
    "fiche": 1.0,
    "alias": 1.0,
    "onisep": 0.97,
    "onisep_synonym": 0.96,
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One searchable text pointing at a fiche (and an appellation when it is one)."""

    text: str  # as published (accents, case): what the encoder sees and what we display
    code: str  # ROME fiche code
    ogr: int  # appellation ogr, 0 when the text is not an appellation
    source: str  # key of SOURCE_PRIOR
    gender: str  # 'm', 'f' or 'n' (same form for both)
    note: str = ""


def _gendered(masculine: str, feminine: str) -> list[tuple[str, str]]:
    masculine, feminine = masculine.strip(), feminine.strip()
    if not feminine or masculine == feminine:
        return [(masculine, "n")]
    return [(masculine, "m"), (feminine, "f")]


def rome_entries(catalog: Catalog) -> list[Entry]:
    out: list[Entry] = []
    for t in catalog.job_titles():
        for text, g in _gendered(t.masculine, t.feminine):
            out.append(Entry(text, t.job_code, t.ogr, "appellation", g))
    for j in catalog.all_jobs():
        for text, g in _gendered(j.label_masculine, j.label_feminine):
            out.append(Entry(text, j.code, 0, "fiche", g))
    return out


def onisep_names(catalog: Catalog) -> list[tuple[str, str, str, str]]:
    """(onisep id, masculine, feminine, source) for métier names and synonyms that have links."""
    rows = catalog.query(
        "SELECT o.id, o.masculine, o.feminine, 'onisep' FROM onisep_jobs o"
        " WHERE o.id IN (SELECT onisep_id FROM onisep_job_links)"
        " UNION ALL SELECT s.onisep_id, s.masculine, s.feminine, 'onisep_synonym'"
        " FROM onisep_synonyms s WHERE s.onisep_id IN (SELECT onisep_id FROM onisep_job_links)"
        " ORDER BY 1, 4, 2"
    )
    return [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]


def onisep_links(catalog: Catalog) -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    for oid, code in catalog.query("SELECT onisep_id, job_code FROM onisep_job_links ORDER BY 1, 2"):
        links.setdefault(str(oid), []).append(str(code))
    return links
