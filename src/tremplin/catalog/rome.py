"""ROME 4.0 importer (France Travail). File names carry the version ('_v460_'), so files
are found by pattern and nothing here depends on one version's counts."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from tremplin.catalog.errors import DataError
from tremplin.catalog.record import Progress, SourceRecord
from tremplin.catalog.sources import decode_text, find_one, read_csv
from tremplin.catalog.titles import split_gendered

LICENCE = "Licence Ouverte v2.0 (Etalab)"
RIASEC = set("RIASEC")


class RomeReader:
    def __init__(self, folder: Path, record: SourceRecord) -> None:
        self.folder = folder
        self.record = record

    def rows(self, name: str, *required: str) -> list[tuple[int, dict[str, str]]]:
        path = find_one(self.folder, f"unix_{name}_v*.csv", f"the ROME '{name}' table")
        self.record.used(path)
        return list(read_csv(path, required))

    def path(self, name: str) -> Path:
        return find_one(self.folder, f"unix_{name}_v*.csv", f"the ROME '{name}' table")


def read_version(folder: Path, record: SourceRecord) -> None:
    path = find_one(folder, "version.txt", "the ROME version.txt")
    record.used(path)
    text = decode_text(path)
    number = re.search(r"Num[ée]ro de version\s*:\s*(\S+)", text)
    date = re.search(r"Date de publication\s*:\s*(\d{2}/\d{2}/\d{4})", text)
    if not number:
        raise DataError(path, "expected a line 'Numero de version : N'")
    record.version = number.group(1)
    if date:
        record.published = datetime.strptime(date.group(1), "%d/%m/%Y").date().isoformat()
    record.credit = f"Source : France Travail, ROME 4.0 v{record.version}"


def _flag(value: str) -> int:
    return 1 if value.strip().upper() in {"O", "OUI", "Y"} else 0


def _clean_text(value: str) -> str:
    # The texts are exported with SQL-escaped apostrophes ("l''offre").
    return value.replace("''", "'").strip()


def import_rome(db: sqlite3.Connection, folder: Path, progress: Progress) -> SourceRecord:
    record = SourceRecord("rome", "", "", LICENCE, "")
    read_version(folder, record)
    src = RomeReader(folder, record)
    steps = (
        _domains, _jobs, _texts, _titles, _competences, _knowledge, _contexts,
        _job_items, _mobilities, _interests, _sectors, _naf, _themes,
    )
    for step in steps:
        progress(f"ROME: {step.__name__.strip('_').replace('_', ' ')}")
        step(db, src)
    return record


def _domains(db: sqlite3.Connection, src: RomeReader) -> None:
    grand = src.rows("grand_domaine", "code_grand_domaine", "libelle_grand_domaine")
    db.executemany("INSERT INTO grand_domains VALUES (?, ?)",
                   [(r["code_grand_domaine"], r["libelle_grand_domaine"]) for _, r in grand])
    known = {r["code_grand_domaine"] for _, r in grand}
    rows = []
    path = src.path("domaine_professionnel")
    for line, r in src.rows("domaine_professionnel", "code_domaine_professionnel",
                            "libelle_domaine_professionnel"):
        code = r["code_domaine_professionnel"]
        if code[:1] not in known:
            raise DataError(path, f"domain {code} has no grand domain '{code[:1]}'", line)
        rows.append((code, r["libelle_domaine_professionnel"], code[:1]))
    db.executemany("INSERT INTO domains VALUES (?, ?, ?)", rows)
    src.record.counts["domains"] = len(rows)


def _jobs(db: sqlite3.Connection, src: RomeReader) -> None:
    riasec: dict[str, tuple[str, str]] = {}
    path = src.path("referentiel_code_rome_riasec")
    for line, r in src.rows("referentiel_code_rome_riasec", "code_rome", "riasec_majeur",
                            "riasec_mineur"):
        major, minor = r["riasec_majeur"].strip(), r["riasec_mineur"].strip()
        if major not in RIASEC or (minor and minor not in RIASEC):
            raise DataError(path, f"RIASEC code '{major}{minor}' is not among R,I,A,S,E,C", line)
        riasec[r["code_rome"]] = (major, minor)
    domain_of = {
        r["code_rome"]: r["code_domaine_professionel"]
        for _, r in src.rows("cr_gd_dp", "code_rome", "code_domaine_professionel")
    }
    rows = []
    for _, r in src.rows("referentiel_code_rome", "code_rome", "code_ogr", "libelle_rome",
                         "code_rome_parent"):
        code = r["code_rome"]
        masculine, feminine = split_gendered(r["libelle_rome"])
        major, minor = riasec.get(code, ("", ""))
        rows.append((
            code, int(r["code_ogr"]), r["libelle_rome"], masculine, feminine,
            domain_of.get(code) or None, r["code_rome_parent"] or None, major or None,
            minor or None, _flag(r.get("emploi_reglemente", "")),
            _flag(r.get("emploi_cadre", "")), r.get("transition_eco", ""),
            r.get("transition_num", ""), r.get("transition_demo", ""),
        ))
    db.executemany(
        "INSERT INTO jobs (code, ogr, label, label_masculine, label_feminine, domain_code,"
        " parent_code_v3, riasec_major, riasec_minor, regulated, executive, transition_eco,"
        " transition_num, transition_demo) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    src.record.counts["jobs"] = len(rows)


def _texts(db: sqlite3.Connection, src: RomeReader) -> None:
    parts: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    path = src.path("texte")
    for line, r in src.rows("texte", "code_rome", "libelle_type_texte", "position_phrase",
                            "libelle_texte"):
        kind = r["libelle_type_texte"]
        if kind not in {"definition", "acces_metier"}:
            continue
        try:
            position = int(r["position_phrase"])
        except ValueError:
            raise DataError(path, f"position_phrase '{r['position_phrase']}' is not a number",
                            line) from None
        parts[(r["code_rome"], kind)].append((position, _clean_text(r["libelle_texte"])))
    column = {"definition": "definition", "acces_metier": "access"}
    for (code, kind), sentences in parts.items():
        text = "\n".join(s for _, s in sorted(sentences))
        db.execute(f"UPDATE jobs SET {column[kind]} = ? WHERE code = ?", (text, code))


def _titles(db: sqlite3.Connection, src: RomeReader) -> None:
    rows = []
    for _, r in src.rows("referentiel_appellation", "code_ogr", "libelle_appellation_long",
                         "libelle_appellation_court", "code_rome", "classification",
                         "peu_usite"):
        masculine, feminine = split_gendered(r["libelle_appellation_long"])
        rows.append((
            int(r["code_ogr"]), r["code_rome"], r["libelle_appellation_long"],
            r["libelle_appellation_court"], masculine, feminine,
            int(r["classification"].upper() == "PRINCIPALE"), _flag(r["peu_usite"]),
        ))
    db.executemany("INSERT INTO job_titles VALUES (?,?,?,?,?,?,?,?)", rows)
    src.record.counts["job_titles"] = len(rows)


def _competences(db: sqlite3.Connection, src: RomeReader) -> None:
    riasec = {
        r["code_ogr"]: (r["riasec_majeur"] or None, r["riasec_mineur"] or None)
        for _, r in src.rows("referentiel_macro_competence_riasec", "code_ogr", "riasec_majeur",
                             "riasec_mineur")
    }
    rows = []
    for _, r in src.rows("referentiel_competence", "code_ogr", "nature", "libelle_competence",
                         "definition", "code_ogr_macro_comp", "code_macro_comp", "cat_comp",
                         "sous_cat_comp"):
        major, minor = riasec.get(r["code_ogr"], (None, None))
        rows.append((
            int(r["code_ogr"]), int(r["nature"].startswith("Macro")), r["libelle_competence"],
            r["definition"], int(r["code_ogr_macro_comp"]) if r["code_ogr_macro_comp"] else None,
            r["code_macro_comp"] or None, r["cat_comp"], r["sous_cat_comp"], major, minor,
        ))
    db.executemany("INSERT INTO competences VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    src.record.counts["competences"] = len(rows)


def _knowledge(db: sqlite3.Connection, src: RomeReader) -> None:
    rows = [
        (int(r["code_ogr_savoir"]), r["libelle_savoir"], r["categorie_savoir"],
         r["sous_categorie_savoir"])
        for _, r in src.rows("referentiel_savoir", "code_ogr_savoir", "libelle_savoir",
                             "categorie_savoir", "sous_categorie_savoir")
    ]
    db.executemany("INSERT INTO knowledge VALUES (?,?,?,?)", rows)
    src.record.counts["knowledge"] = len(rows)


def _contexts(db: sqlite3.Connection, src: RomeReader) -> None:
    rows = [
        (int(r["code_ogr"]), r["libelle_cont_travail"], r["code_type_cont_trav"],
         r["libelle_type_cont_trav"])
        for _, r in src.rows("referentiel_contexte_travail", "code_ogr", "libelle_cont_travail",
                             "code_type_cont_trav", "libelle_type_cont_trav")
    ]
    db.executemany("INSERT INTO work_contexts VALUES (?,?,?,?)", rows)
    src.record.counts["work_contexts"] = len(rows)


def _ogr_sets(db: sqlite3.Connection) -> dict[str, set[int]]:
    return {
        "competence": {int(r[0]) for r in db.execute("SELECT ogr FROM competences")},
        "knowledge": {int(r[0]) for r in db.execute("SELECT ogr FROM knowledge")},
        "context": {int(r[0]) for r in db.execute("SELECT ogr FROM work_contexts")},
        "title": {int(r[0]) for r in db.execute("SELECT ogr FROM job_titles")},
        "job": {int(r[0]) for r in db.execute("SELECT ogr FROM jobs")},
    }


def _job_items(db: sqlite3.Connection, src: RomeReader) -> None:
    """Fiche links (blocks 5 = competences and savoirs, 6 = contexts), every code checked."""
    rubrics = {r["code_rubrique"]: r["libelle_rubrique"] for _, r in src.rows(
        "descriptif_rubrique", "code_rubrique", "libelle_rubrique")}
    known = _ogr_sets(db)
    jobs = {str(r[0]) for r in db.execute("SELECT code FROM jobs")}
    block_kinds = {"1": ("job",), "2": ("title",), "5": ("competence", "knowledge"),
                   "6": ("context",)}
    path = src.path("liens_rome_referentiels")
    items = []
    for line, r in src.rows("liens_rome_referentiels", "code_rome", "code_compo_bloc",
                            "code_rubrique", "code_ogr"):
        if r["code_rome"] not in jobs:
            raise DataError(path, f"unknown fiche {r['code_rome']}", line)
        kinds = block_kinds.get(r["code_compo_bloc"])
        if kinds is None:
            continue
        ogr = int(r["code_ogr"])
        kind = next((k for k in kinds if ogr in known[k]), None)
        if kind is None:
            raise DataError(path, f"code_ogr {ogr} (block {r['code_compo_bloc']}) matches no"
                            f" {' or '.join(kinds)} in the referentials", line)
        if kind in {"competence", "knowledge", "context"}:
            items.append((r["code_rome"], ogr, kind, rubrics.get(r["code_rubrique"], "")))
    db.executemany("INSERT OR IGNORE INTO job_items (job_code, ogr, kind, rubric)"
                   " VALUES (?,?,?,?)", items)
    core = [(r["coeur_metier"], r["code_rome"], int(r["code_ogr"]))
            for _, r in src.rows("coherence_item", "code_rome", "code_ogr", "coeur_metier")
            if r["coeur_metier"]]
    db.executemany("UPDATE job_items SET core = ? WHERE job_code = ? AND ogr = ?", core)
    src.record.counts["job_items"] = db.execute("SELECT COUNT(*) FROM job_items").fetchone()[0]


def _mobilities(db: sqlite3.Connection, src: RomeReader) -> None:
    jobs = {str(r[0]) for r in db.execute("SELECT code FROM jobs")}
    path = src.path("rubrique_mobilite")
    rows = []
    for line, r in src.rows("rubrique_mobilite", "code_rome", "code_rome_cible", "numero_ordre"):
        for column in ("code_rome", "code_rome_cible"):
            if r[column] not in jobs:
                raise DataError(path, f"{column} {r[column]} is not a known fiche", line)
        rows.append((r["code_rome"], r["code_rome_cible"], int(r["numero_ordre"] or 0)))
    db.executemany("INSERT OR IGNORE INTO mobilities VALUES (?,?,?)", rows)
    src.record.counts["mobilities"] = len(rows)


def _interests(db: sqlite3.Connection, src: RomeReader) -> None:
    rows = src.rows("centre_interet", "code_centre_interet", "libelle_centre_interet",
                    "definition_centre_interet")
    db.executemany("INSERT INTO interest_centres VALUES (?,?,?)", [
        (r["code_centre_interet"], r["libelle_centre_interet"],
         r["definition_centre_interet"].strip()) for _, r in rows])
    links = [(r["code_centre_interet"], r["code_rome"], int(r["principal"].lower() == "oui"))
             for _, r in src.rows("arborescence_centre_interet", "code_centre_interet",
                                  "code_rome", "principal")]
    db.executemany("INSERT OR IGNORE INTO job_interest_centres VALUES (?,?,?)", links)
    src.record.counts["interest_centres"] = len(rows)


def _sectors(db: sqlite3.Connection, src: RomeReader) -> None:
    Sector = tuple[str, str, str, str | None]
    sectors: list[Sector] = [
        (r["code_sect_activite"], r["libelle_sect_activite"], r["definition_sect_activite"].strip(),
         None)
        for _, r in src.rows("secteur_activite", "code_sect_activite", "libelle_sect_activite",
                             "definition_sect_activite")]
    subs: list[Sector] = [
        (r["code_ss_sect_activite"], r["libelle_ss_sect_activite"],
         r["definition_ss_sect_activite"].strip(), r["code_sect_activite"])
        for _, r in src.rows("sous_secteur_activite", "code_ss_sect_activite",
                             "libelle_ss_sect_activite", "definition_ss_sect_activite",
                             "code_sect_activite")]
    db.executemany("INSERT OR IGNORE INTO sectors VALUES (?,?,?,?)", sectors + subs)
    links = [(r["code_ss_sect_activite"] or r["code_sect_activite"], r["code_rome"],
              int(r["principal"].lower() == "oui"))
             for _, r in src.rows("arborescence_secteur_activite", "code_sect_activite",
                                  "code_ss_sect_activite", "code_rome", "principal")]
    db.executemany("INSERT OR IGNORE INTO job_sectors VALUES (?,?,?)", links)
    src.record.counts["sectors"] = len(sectors) + len(subs)


def _naf(db: sqlite3.Connection, src: RomeReader) -> None:
    naf = [(r["code_secteur_naf"], r["libelle_secteur_naf"]) for _, r in src.rows(
        "secteur_naf", "code_secteur_naf", "libelle_secteur_naf")]
    db.executemany("INSERT OR IGNORE INTO naf_sectors VALUES (?,?)", naf)
    links = [(r["code_secteur_naf"], r["code_rome"]) for _, r in src.rows(
        "arborescence_secteur_naf", "code_secteur_naf", "code_rome")]
    db.executemany("INSERT OR IGNORE INTO job_naf_sectors VALUES (?,?)", links)
    src.record.counts["naf_sectors"] = len(naf)


def _themes(db: sqlite3.Connection, src: RomeReader) -> None:
    themes = [(r["code_theme"], r["libelle_theme"], r["definition_theme"].strip())
              for _, r in src.rows("themes", "code_theme", "libelle_theme", "definition_theme")]
    db.executemany("INSERT OR IGNORE INTO themes VALUES (?,?,?)", themes)
    links = [(r["code_theme"], r["code_rome"]) for _, r in src.rows(
        "arborescence_thematique", "code_theme", "code_rome")]
    db.executemany("INSERT OR IGNORE INTO job_themes VALUES (?,?)", links)
    src.record.counts["themes"] = len(themes)
