from pathlib import Path

import pytest

from tremplin.config import PROJECT_ROOT, SETTINGS_DOC, load_settings, resolve_data_dir


def test_data_dir_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TREMPLIN_DATA_DIR", raising=False)
    assert resolve_data_dir() == (PROJECT_ROOT.parent / "shared" / "data").resolve()
    monkeypatch.setenv("TREMPLIN_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir() == tmp_path / "env"
    assert resolve_data_dir(tmp_path / "opt") == tmp_path / "opt"


def test_home_and_cache_follow_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TREMPLIN_HOME", str(tmp_path / "h"))
    monkeypatch.setenv("TREMPLIN_CACHE_DIR", str(tmp_path / "c"))
    settings = load_settings()
    assert settings.catalog_path == tmp_path / "h" / "catalog.sqlite"
    assert settings.cache_dir == tmp_path / "c"


def test_every_setting_is_documented_in_readme() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for name, _, _ in SETTINGS_DOC:
        assert f"`{name}`" in readme, f"{name} missing from README"
