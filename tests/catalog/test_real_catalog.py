"""The catalog built from ../shared/data, checked against counts computed from the files."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from tremplin.catalog.read import Catalog
from tremplin.cli import cli
from tremplin.config import Settings


def _rows(settings: Settings, table: str) -> list[dict[str, str]]:
    path = next((settings.data_dir / "rome-4.0-v60").glob(f"unix_{table}_v*_utf8.csv"))
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _xml_count(folder: Path, pattern: str, tag: str) -> int:
    return sum(1 for _ in ET.parse(next(folder.glob(pattern))).getroot().iter(tag))


def test_rome_counts_match_source_files(catalog: Catalog, settings: Settings) -> None:
    counts = catalog.table_counts()
    assert counts["jobs"] == len(_rows(settings, "referentiel_code_rome"))
    assert counts["job_titles"] == len(_rows(settings, "referentiel_appellation"))
    assert counts["competences"] == len(_rows(settings, "referentiel_competence"))
    assert counts["knowledge"] == len(_rows(settings, "referentiel_savoir"))
    assert counts["mobilities"] == len(_rows(settings, "rubrique_mobilite"))
    links = _rows(settings, "liens_rome_referentiels")
    item_links = {(r["code_rome"], r["code_ogr"]) for r in links if r["code_compo_bloc"] in "56"}
    assert counts["job_items"] == len(item_links)


def test_every_fiche_has_riasec_domain_and_definition(catalog: Catalog) -> None:
    jobs = catalog.all_jobs()
    assert all(j.riasec_major in set("RIASEC") for j in jobs)
    assert all(j.domain_code and j.grand_domain_code for j in jobs)
    assert all(j.definition for j in jobs)


def test_every_title_resolves_and_splits(catalog: Catalog) -> None:
    codes = set(catalog.iter_job_codes())
    titles = catalog.job_titles()
    assert all(t.job_code in codes for t in titles)
    gendered = [t for t in titles if " / " in t.label]
    assert gendered and all(" / " not in t.masculine and " / " not in t.feminine for t in gendered)
    assert sum(t.is_principal for t in titles) == len(codes)


def test_core_flags_and_certifications_are_present(catalog: Catalog, settings: Settings) -> None:
    flagged = sum(1 for r in _rows(settings, "coherence_item") if r["coeur_metier"])
    (count,) = catalog.query("SELECT COUNT(*) FROM job_items WHERE core != ''")[0]
    assert count == flagged
    boulanger = catalog.job_knowledge("D1102")
    assert any(k.is_certification for k in boulanger)


def test_onisep_counts_and_links(catalog: Catalog, settings: Settings) -> None:
    folder = settings.data_dir / "onisep-ideo-2024"
    counts = catalog.table_counts()
    assert counts["onisep_jobs"] == _xml_count(folder, "*metiers*.xml", "metier")
    assert counts["trainings"] == _xml_count(folder, "*Formations*.xml", "formation")
    (orphans,) = catalog.query(
        "SELECT COUNT(*) FROM trainings WHERE id NOT IN (SELECT training_id FROM"
        " training_onisep_jobs)")[0]
    assert orphans == 0  # every training leads to at least one métier
    assert any(t.title.startswith("CAP") for t in catalog.trainings_for_job("D1102"))


def test_places_cover_every_source(catalog: Catalog, settings: Settings) -> None:
    sources = {str(r[0]) for r in catalog.query("SELECT DISTINCT source FROM places")}
    assert sources == {"cnfs", "data-inclusion", "france-services", "aidants-connect"}
    folder = settings.data_dir / "inclusion-places-2022"
    sizes = {p.name: len(json.loads(p.read_text(encoding="utf-8")))
             for p in folder.glob("*.json") if "services" not in p.name}
    with (folder / "liste-fs-20221201.csv").open(encoding="utf-8") as handle:
        sizes["fs"] = sum(1 for _ in csv.DictReader(handle))
    (total,) = catalog.query("SELECT COUNT(*) FROM places")[0]
    # data.inclusion republishes many Conseiller numérique places: merged, never multiplied.
    assert total <= sum(sizes.values())
    assert total >= sum(sizes.values()) - sizes["data-inclusion.json"]
    near = catalog.places_near(48.8566, 2.3522, radius_km=2)
    assert near and all(p.distance_km is not None and p.distance_km <= 2 for p in near)
    assert near == sorted(near, key=lambda p: (p.distance_km or 0, p.name))


def test_sources_carry_rome_version_from_version_txt(catalog: Catalog, settings: Settings) -> None:
    text = (settings.data_dir / "rome-4.0-v60" / "version.txt").read_text(encoding="utf-8")
    version = re.search(r"version\s*:\s*(\d+)", text)
    rome = {s.dataset: s for s in catalog.sources()}["rome"]
    assert version is not None and rome.version == version.group(1)
    assert "France Travail" in rome.credit and rome.published


def test_stats_command_json(catalog: Catalog) -> None:
    result = CliRunner().invoke(cli, ["catalog", "stats", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["tables"]["jobs"] == catalog.table_counts()["jobs"]
    assert {s["dataset"] for s in payload["sources"]} == {"rome", "onisep", "places"}


def test_national_diplomas_come_before_one_territorys_at_a_level(catalog: Catalog) -> None:
    trainings = catalog.trainings_for_job("G1803")  # Serveur / Serveuse en restauration
    levels = [t.entry_level for t in trainings]
    assert levels == sorted(levels, key=lambda v: 99 if v is None else v)
    first_cap = [t.title for t in trainings if t.entry_level == 3]
    assert "polynésien" in " ".join(first_cap)  # ONISEP lists one, for French Polynesia
    assert "polynésien" not in first_cap[0], first_cap  # a waiter in Lyon reads a national one first


def test_within_a_level_the_diploma_named_like_the_job_comes_first(catalog: Catalog) -> None:
    caps = [t.title for t in catalog.trainings_for_job("D1104") if t.entry_level == 3]
    # ONISEP's pâtissier lists the bakers' CAP too; alphabetically it came first
    assert "CAP boulanger" in caps and caps[0] == "CAP pâtissier", caps
    levels = [t.entry_level or 99 for t in catalog.trainings_for_job("D1104")]
    assert levels == sorted(levels)  # still lowest level first
