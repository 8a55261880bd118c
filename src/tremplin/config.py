"""Typed settings: where the open data is read, where built artefacts and caches go.

Every setting is declared once here; `SETTINGS_DOC` feeds the README table and a test
checks that they stay in sync.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# (environment variable, default, help) — the single source for documentation.
SETTINGS_DOC: tuple[tuple[str, str, str], ...] = (
    ("TREMPLIN_DATA_DIR", "../shared/data", "Folder holding the open data (ROME, ONISEP, places)."),
    ("TREMPLIN_HOME", ".tremplin/", "Folder for built artefacts: catalog, search index."),
    ("TREMPLIN_CACHE_DIR", "~/.cache/tremplin", "User-level cache of computed embeddings."),
    ("TREMPLIN_CORS_ORIGINS", "(none)", "Comma-separated origins allowed to call the API."),
)


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    home: Path
    cache_dir: Path

    @property
    def catalog_path(self) -> Path:
        return self.home / "catalog.sqlite"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"


def resolve_data_dir(option: str | Path | None = None) -> Path:
    """Order: explicit option, then TREMPLIN_DATA_DIR, then ../shared/data beside the project."""
    if option:
        return Path(option).expanduser().resolve()
    env = os.environ.get("TREMPLIN_DATA_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return (PROJECT_ROOT.parent / "shared" / "data").resolve()


def load_settings(data_dir: str | Path | None = None, home: str | Path | None = None) -> Settings:
    home_path = Path(home or os.environ.get("TREMPLIN_HOME") or PROJECT_ROOT / ".tremplin")
    cache = os.environ.get("TREMPLIN_CACHE_DIR") or Path.home() / ".cache" / "tremplin"
    return Settings(
        data_dir=resolve_data_dir(data_dir),
        home=home_path.expanduser().resolve(),
        cache_dir=Path(cache).expanduser().resolve(),
    )
