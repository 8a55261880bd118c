"""Malformed inputs: clear messages naming file and line; the previous catalog survives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.catalog.minidata import rome_file, write_minidata
from tremplin.catalog.build import build_catalog
from tremplin.catalog.errors import DataError
from tremplin.catalog.read import Catalog
from tremplin.config import Settings, load_settings


@pytest.fixture()
def mini_settings(tmp_path: Path) -> Settings:
    data = write_minidata(tmp_path / "data")
    return load_settings(data_dir=data, home=tmp_path / "home")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_missing_column_names_file_and_column(mini_settings: Settings) -> None:
    _edit(rome_file(mini_settings.data_dir, "referentiel_appellation"), '"peu_usite"', '"rare"')
    with pytest.raises(DataError) as err:
        build_catalog(mini_settings)
    message = str(err.value)
    assert "unix_referentiel_appellation_v499_utf8.csv, line 1" in message
    assert "missing column(s) peu_usite" in message


def test_bad_encoding_gives_line(mini_settings: Settings) -> None:
    path = rome_file(mini_settings.data_dir, "referentiel_competence")
    path.write_bytes(path.read_bytes().replace("Pétrir".encode(), "Pétrir".encode("latin-1")))
    with pytest.raises(DataError) as err:
        build_catalog(mini_settings)
    assert err.value.line == 4 and "not valid UTF-8" in str(err.value)


def test_dangling_reference_is_refused(mini_settings: Settings) -> None:
    _edit(rome_file(mini_settings.data_dir, "liens_rome_referentiels"),
          '"J1506","5","1","312"', '"J1506","5","1","999"')
    with pytest.raises(DataError) as err:
        build_catalog(mini_settings)
    assert "code_ogr 999" in str(err.value) and err.value.line == 10


def test_truncated_file_is_refused(mini_settings: Settings) -> None:
    path = rome_file(mini_settings.data_dir, "rubrique_mobilite")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex('"1"') + 2], encoding="utf-8")  # cut inside a quote
    with pytest.raises(DataError) as err:
        build_catalog(mini_settings)
    assert "unix_rubrique_mobilite" in str(err.value) and "truncated" in str(err.value)


def test_truncated_xml_is_refused(mini_settings: Settings) -> None:
    path = next((mini_settings.data_dir / "onisep-ideo-2099").glob("*Formations*"))
    path.write_text(path.read_text(encoding="utf-8")[:400], encoding="utf-8")
    with pytest.raises(DataError, match="malformed XML"):
        build_catalog(mini_settings)


def test_missing_file_is_named(mini_settings: Settings) -> None:
    rome_file(mini_settings.data_dir, "texte").unlink()
    with pytest.raises(DataError, match="missing file: expected the ROME 'texte' table"):
        build_catalog(mini_settings)


def test_failed_build_keeps_previous_catalog(mini_settings: Settings) -> None:
    build_catalog(mini_settings)
    before = mini_settings.catalog_path.read_bytes()
    reader = Catalog(mini_settings.catalog_path)  # an app serving during the rebuild
    _edit(rome_file(mini_settings.data_dir, "rubrique_mobilite"), '"D1199","D1102"',
          '"D1199","Z9999"')
    with pytest.raises(DataError, match="code_rome_cible Z9999 is not a known fiche"):
        build_catalog(mini_settings)
    assert mini_settings.catalog_path.read_bytes() == before
    assert reader.get_job("D1102") is not None
    assert not list(mini_settings.home.glob("*.tmp"))
    with sqlite3.connect(mini_settings.catalog_path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
