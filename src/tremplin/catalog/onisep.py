"""ONISEP Idéo importer: métiers (linked to ROME 4.0 fiches) and initial trainings."""

from __future__ import annotations

import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from tremplin.catalog.errors import DataError
from tremplin.catalog.htmltext import html_to_text
from tremplin.catalog.onisep_fit import link_rows
from tremplin.catalog.record import Progress, SourceRecord
from tremplin.catalog.sources import find_one

LICENCE = "Données ouvertes ONISEP (Idéo) — conditions de l'éditeur"
CREDIT = "Source : ONISEP, Idéo"
_MET_ID = re.compile(r"MET\.\d+")
_WEB_LINK = re.compile(r"https?://[^\s<>\"]+$", re.IGNORECASE)


def _text(node: ET.Element | None, path: str) -> str:
    if node is None:
        return ""
    found = node.find(path)
    return (found.text or "").strip() if found is not None and found.text else ""


def _parse(path: Path, root_tag: str) -> ET.Element:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        line = err.position[0] if err.position else None
        raise DataError(path, f"malformed XML ({err}); file truncated?", line) from err
    if root.tag != root_tag:
        raise DataError(path, f"root element <{root.tag}>, expected <{root_tag}>", 1)
    return root


def _date_from_name(path: Path) -> str:
    match = re.search(r"(\d{8})", path.name)
    if not match:
        return ""
    try:
        return datetime.strptime(match.group(1), "%d%m%Y").date().isoformat()
    except ValueError:
        return ""


def import_onisep(db: sqlite3.Connection, folder: Path, progress: Progress) -> SourceRecord:
    metiers_path = find_one(folder, "*[Mm]etiers*.xml", "the ONISEP Idéo métiers XML")
    formations_path = find_one(folder, "*[Ff]ormations*.xml", "the ONISEP Idéo formations XML")
    published = _date_from_name(metiers_path)
    record = SourceRecord("onisep", published or "unknown", published, LICENCE, CREDIT)
    progress("ONISEP: métiers")
    required_trainings, pairs = _import_metiers(db, record.used(metiers_path), record)
    pairs += _rome_table_pairs(db, folder, record)
    _insert_links(db, pairs, record)
    progress("ONISEP: formations")
    _import_trainings(db, record.used(formations_path), record, required_trainings)
    return record


def _rome_targets(db: sqlite3.Connection) -> dict[str, list[str]]:
    """ROME v3 code -> ROME 4.0 fiches: the fiche itself when it still exists, plus the fiches
    that descend from it (code_rome_parent). A link is direct when job_code == rome_v3."""
    targets: dict[str, set[str]] = {}
    for code, parent in db.execute("SELECT code, parent_code_v3 FROM jobs"):
        targets.setdefault(str(code), set()).add(str(code))
        if parent:
            targets.setdefault(str(parent), set()).add(str(code))
    return {v3: sorted(codes) for v3, codes in targets.items()}


def _import_metiers(db: sqlite3.Connection, path: Path, record: SourceRecord,
                    ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Insert the métiers and their synonyms; return (training id, métier id) pairs of
    required trainings and the (métier id, ROME v3 code) pairs the file gives."""
    root = _parse(path, "metiers")
    targets = _rome_targets(db)
    jobs: list[tuple[str, ...]] = []
    synonyms: list[tuple[str, str, str, str]] = []
    pairs: list[tuple[str, str]] = []
    required: list[tuple[str, str]] = []
    unmapped: set[str] = set()
    for node in root.iter("metier"):
        ident = _text(node, "identifiant")
        if not ident:
            raise DataError(path, "a <metier> without <identifiant>")
        jobs.append((
            ident, _text(node, "nom_metier"), _text(node, "libelle_masculin"),
            _text(node, "libelle_feminin"), html_to_text(_text(node, "accroche_metier")),
            html_to_text(_text(node, "nature_travail")), html_to_text(_text(node, "competences")),
            html_to_text(_text(node, "condition_travail")), html_to_text(_text(node, "acces_metier")),
            _text(node, "niveau_acces_min/libelle"),
        ))
        for syn in node.iterfind("synonymes/synonyme"):
            synonyms.append((ident, _text(syn, "nom_metier"), _text(syn, "libelle_masculin"),
                             _text(syn, "libelle_feminin")))
        for rome in node.iterfind("romesV3/romeV3"):
            code = (rome.text or "").strip()
            if code not in targets:
                unmapped.add(code)
            pairs.append((ident, code))
        required.extend((t.text.strip(), ident) for t in node.iterfind(
            "formations_min_requise/formation_min_requise/id") if t.text)
    db.executemany("INSERT INTO onisep_jobs VALUES (?,?,?,?,?,?,?,?,?,?)", jobs)
    db.executemany("INSERT INTO onisep_synonyms VALUES (?,?,?,?)", synonyms)
    if unmapped:
        record.warnings.append(
            f"{path.name}: {len(unmapped)} ROME v3 code(s) match no ROME 4.0 fiche: "
            + ", ".join(sorted(unmapped)[:10]))
    record.counts["onisep_jobs"] = len(jobs)
    record.counts["onisep_synonyms"] = len(synonyms)
    return required, pairs


def _rome_table_pairs(db: sqlite3.Connection, folder: Path, record: SourceRecord,
                      ) -> list[tuple[str, str]]:
    """The ONISEP métier ↔ ROME v3 JSON table adds links the XML lacks (optional file)."""
    candidates = [p for p in sorted(folder.glob("*.json")) if _is_rome_table(p)]
    if not candidates:
        return []
    path = record.used(candidates[0])
    known = {str(r[0]) for r in db.execute("SELECT id FROM onisep_jobs")}
    pairs: list[tuple[str, str]] = []
    for row in json.loads(path.read_text(encoding="utf-8")):
        match = _MET_ID.search(str(row.get("lien_site_onisepfr", "")))
        code = str(row.get("code_rome", "")).strip()
        if match and match.group(0) in known:
            pairs.append((match.group(0), code))
    return pairs


def _insert_links(db: sqlite3.Connection, pairs: list[tuple[str, str]],
                  record: SourceRecord) -> None:
    rows = link_rows(db, pairs, _rome_targets(db))
    db.executemany("INSERT INTO onisep_job_links VALUES (?,?,?,?)", rows)
    record.counts["onisep_job_links"] = len(rows)
    record.counts["onisep_job_links_fitting_by_title"] = sum(r[3] for r in rows)


def _is_rome_table(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        head = handle.read(2000)
    return "code_rome" in head and "lien_site_onisepfr" in head


def _level_number(level: str) -> int | None:
    match = re.search(r"niveau\s+(\d)", level, re.IGNORECASE)
    return int(match.group(1)) if match else None


def _import_trainings(db: sqlite3.Connection, path: Path, record: SourceRecord,
                      required: list[tuple[str, str]]) -> None:
    root = _parse(path, "formations")
    known_jobs = {str(r[0]) for r in db.execute("SELECT id FROM onisep_jobs")}
    rows: list[tuple[object, ...]] = []
    links: list[tuple[str, str]] = []
    dangling = 0
    for node in root.iter("formation"):
        ident = _text(node, "identifiant")
        if not ident:
            raise DataError(path, "a <formation> without <identifiant>")
        url = _text(node, "url")
        url = url if _WEB_LINK.match(url) else ""  # never a javascript: or relative link
        level = _text(node, "niveau_certification")
        rows.append((
            ident, _text(node, "libelle_complet"), _text(node, "sigle"),
            _text(node, "type_Formation/type_formation_libelle"), _text(node, "duree_formation"),
            level, _level_number(level), _text(node, "niveau_etudes/libelle"),
            url if "rncp" in url.lower() else "", url,
        ))
        for met in node.iterfind("metiers_formation/metier/id"):
            if met.text and met.text.strip() in known_jobs:
                links.append((ident, met.text.strip()))
            else:
                dangling += 1
    db.executemany("INSERT INTO trainings VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    training_ids = {r[0] for r in rows}
    links.extend(link for link in required if link[0] in training_ids)
    dangling += sum(1 for link in required if link[0] not in training_ids)
    db.executemany("INSERT OR IGNORE INTO training_onisep_jobs VALUES (?,?)", links)
    if dangling:
        record.warnings.append(f"{dangling} training↔métier link(s) point outside the files")
    record.counts["trainings"] = len(rows)
    record.counts["training_onisep_jobs"] = db.execute(
        "SELECT COUNT(*) FROM training_onisep_jobs").fetchone()[0]
