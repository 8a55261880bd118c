"""Fixtures for helper-mode tests: a job map built into a temporary index folder (reused from
`tremplin catalog build` when its inputs match, else computed: about 12 s), and a sample
journey."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tremplin.catalog.read import Catalog
from tremplin.config import Settings
from tremplin.guide.jobmap import JOBMAP_FILE, JobMap, build_jobmap, load_jobmap
from tremplin.guide.journey import Journey


@dataclass(frozen=True)
class _IndexSettings:
    index_dir: Path
    cache_dir: Path
    home: Path


@pytest.fixture(scope="session")
def jobmap_settings(settings: Settings, catalog: Catalog, tmp_path_factory: pytest.TempPathFactory
                    ) -> _IndexSettings:
    root = tmp_path_factory.mktemp("guide-index")
    s = _IndexSettings(index_dir=root / "index", cache_dir=settings.cache_dir, home=root)
    built = settings.index_dir / JOBMAP_FILE
    if built.is_file():  # `catalog build` made it: build_jobmap keeps it if its inputs match
        s.index_dir.mkdir(parents=True)
        shutil.copyfile(built, s.index_dir / JOBMAP_FILE)
    build_jobmap(s, catalog)
    return s


@pytest.fixture(scope="session")
def jobmap(jobmap_settings: _IndexSettings) -> JobMap:
    return load_jobmap(jobmap_settings)


SAMPLE = {
    "version": 1,
    "lang": "fr",
    "avatar": {"hair": "curly", "top": "apron", "colour": "green"},
    "riasec": {"R1": 2, "R2": 1, "S1": 2, "A1": 1, "C3": 0},
    "experiences": [{"text": "J'ai aidé à la boulangerie de ma tante.", "competences": [126357]}],
    "competences": [104174, 126357],
    "thumbs": {"D1102": 1, "K2204": -1},
    "notes": ["Très motivée par les métiers de bouche.", "<script>alert('x')</script> **gras**"],
    "xp": 120,
    "badges": ["avatar", "interests"],
    "postcode": "75011",
    "centres": ["27", "6"],
}


@pytest.fixture()
def sample_journey() -> Journey:
    return Journey.from_dict(SAMPLE)
