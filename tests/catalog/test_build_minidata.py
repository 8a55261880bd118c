"""Catalog build on a tiny hand-written dataset: content, provenance, rebuild rules."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.catalog.minidata import write_minidata
from tremplin.catalog.build import build_catalog
from tremplin.catalog.read import Catalog
from tremplin.config import Settings, load_settings


@pytest.fixture()
def mini_settings(tmp_path: Path) -> Settings:
    data = write_minidata(tmp_path / "data")
    return load_settings(data_dir=data, home=tmp_path / "home")


@pytest.fixture()
def mini(mini_settings: Settings) -> Catalog:
    build_catalog(mini_settings)
    return Catalog(mini_settings.catalog_path)


def test_jobs_carry_domain_riasec_texts_and_flags(mini: Catalog) -> None:
    job = mini.get_job("D1102")
    assert job is not None
    assert (job.label_masculine, job.label_feminine) == ("Boulanger", "Boulangère")
    assert (job.domain_code, job.grand_domain_code) == ("D11", "D")
    assert (job.riasec_major, job.riasec_minor) == ("R", "C")
    # Sentences are ordered by position and the SQL-escaped apostrophe is undone.
    assert job.definition.splitlines() == [
        "Prépare la pâte à partir de l'ancienne recette.", "Cuit le pain chaque matin."]
    assert job.access == "Accessible avec un CAP."
    infirmier = mini.get_job("J1506")
    assert infirmier is not None and infirmier.regulated and not job.regulated


def test_titles_split_gender_and_flags(mini: Catalog) -> None:
    titles = {t.ogr: t for t in mini.job_titles("D1102")}
    night = titles[202]
    assert night.masculine == "Ouvrier boulanger de nuit"
    assert night.feminine == "Ouvrière boulangère de nuit"
    assert night.rarely_used and not night.is_principal
    assert titles[201].is_principal


def test_items_split_by_kind_with_core_flags(mini: Catalog) -> None:
    competences = {c.ogr: c for c in mini.job_competences("D1102")}
    assert set(competences) == {301, 311}
    assert competences[311].core == "Principale" and competences[311].macro_ogr == 301
    assert competences[301].is_macro
    knowledge = mini.job_knowledge("J1506")
    assert [k.is_certification for k in knowledge] == [True]
    assert [c.label for c in mini.job_contexts("D1102")] == ["Travail de nuit"]
    assert [m.target_code for m in mini.mobilities("D1102")] == ["D1199"]


def test_onisep_links_reach_descendant_fiches_and_trainings(mini: Catalog) -> None:
    # MET.1 names ROME v3 D1102: linked to D1102 itself and to D1199, which descends from it;
    # only D1102's titles share the métier's words ("boulanger", not "fournier")
    assert mini.query("SELECT job_code, title_fit FROM onisep_job_links WHERE onisep_id = 'MET.1'"
                      " ORDER BY 1") == [("D1102", 1), ("D1199", 0)]
    assert [o.id for o in mini.onisep_jobs_for("D1102")] == ["MET.1"]
    assert mini.onisep_jobs_for("D1199") == []
    # D1199 has no métier of its own: the boulanger's trainings are not said to lead there
    assert mini.trainings_for_job("D1199") == []
    trainings = mini.trainings_for_job("D1102")
    # FOR.2 comes from the métier's formations_min_requise; ordered by level.
    assert [(t.id, t.level_number) for t in trainings] == [("FOR.1", 3), ("FOR.2", 4)]
    assert trainings[0].rncp_url.endswith("/rncp/1/") and trainings[1].rncp_url == ""
    # every training keeps its official page, RNCP or not; anything but a web link is dropped
    assert [t.url for t in trainings] == [trainings[0].rncp_url, "https://www.onisep.fr/x"]
    assert mini.query("SELECT url FROM trainings WHERE id = 'FOR.3'") == [("",)]
    summary = mini.onisep_jobs_for("D1102")[0].summary
    assert summary == "Le pain, c'est sa passion."  # markup and script removed


def test_places_merge_sources_dedupe_and_keep_unlocated(mini: Catalog) -> None:
    near = mini.places_near(48.8566, 2.3522, radius_km=5)
    names = [p.name for p in near]
    assert names[0] == "Médiathèque du Centre"  # nearest first, duplicate merged
    assert "Mission locale de Paris" in names and "France services Paris 10" in names
    assert "Espace numérique de Lyon" not in names
    mission = next(p for p in near if p.name == "Mission locale de Paris")
    assert "Atelier CV" in mission.services  # service record joined to its structure
    fs = next(p for p in near if p.source == "france-services")
    assert fs.opening_hours == "Lun 09:00 - 12:00" and fs.snapshot_date == "2022-12-01"
    # No coordinates: not found by distance, found by postcode (leading zero restored).
    bourg = mini.places_in_postcode("01000")
    assert [p.name for p in bourg] == ["PIMMS Bourg"] and bourg[0].latitude is None


def test_sources_record_versions_hashes_and_counts(mini: Catalog) -> None:
    sources = {s.dataset: s for s in mini.sources()}
    assert sources["rome"].version == "99" and sources["rome"].published == "2030-02-01"
    assert sources["rome"].counts["jobs"] == 3
    assert len(sources["rome"].files["version.txt"]) == 64
    assert sources["onisep"].published == "2030-02-01"
    assert sources["places"].counts["places"] == 5  # 6 records, one duplicate


def test_rebuild_is_skipped_when_inputs_unchanged(mini_settings: Settings) -> None:
    first = build_catalog(mini_settings)
    second = build_catalog(mini_settings)
    forced = build_catalog(mini_settings, force=True)
    assert first.rebuilt and not second.rebuilt and forced.rebuilt


def test_changed_input_triggers_rebuild(mini_settings: Settings) -> None:
    build_catalog(mini_settings)
    version = mini_settings.data_dir / "rome-4.0-v99" / "version.txt"
    version.write_text("Numero de version : 100\n", encoding="utf-8")
    assert build_catalog(mini_settings).rebuilt
    with sqlite3.connect(mini_settings.catalog_path) as db:
        assert db.execute("SELECT version FROM sources WHERE dataset='rome'").fetchone() == ("100",)


def test_newest_version_folder_is_used(mini_settings: Settings) -> None:
    data = mini_settings.data_dir
    newer = data / "rome-4.0-v100"
    (data / "rome-4.0-v99").rename(newer)
    write_dir = data / "rome-4.0-v9"  # older: natural sort must not pick it
    write_dir.mkdir()
    result = build_catalog(mini_settings)
    assert result.rebuilt and result.counts["jobs"] == 3
