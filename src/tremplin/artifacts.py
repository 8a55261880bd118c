"""Everything `tremplin catalog build` produces: the catalog, then the indexes derived from it.

Each derived index skips its own work when its inputs are unchanged, and the embedding cache
makes a rebuild on the same machine cheap."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from tremplin.catalog.build import BuildResult, build_catalog
from tremplin.catalog.read import Catalog
from tremplin.config import Settings
from tremplin.guide.jobmap import build_jobmap
from tremplin.recommend.index import ensure_vectors
from tremplin.search.index import build_index

IndexBuilder = Callable[[Settings, Catalog], Path]


def _index_builders() -> list[tuple[str, IndexBuilder]]:
    return [
        ("search", lambda s, c: build_index(s, c)),
        ("recommendation vectors", lambda s, c: ensure_vectors(c, s.index_dir, s.cache_dir)),
        ("job map", lambda s, c: build_jobmap(s, c)),
    ]


@dataclass
class ArtifactsResult:
    catalog: BuildResult
    indexes: dict[str, float] = field(default_factory=dict)  # name -> seconds


def build_artifacts(
    settings: Settings, *, force: bool = False, stream: TextIO | None = sys.stderr
) -> ArtifactsResult:
    result = ArtifactsResult(build_catalog(settings, force=force, stream=stream))
    catalog = Catalog(settings.catalog_path)
    try:
        for name, builder in _index_builders():
            if stream is not None:
                stream.write(f"Index: {name}\n")
            started = time.perf_counter()
            builder(settings, catalog)
            result.indexes[name] = time.perf_counter() - started
    finally:
        catalog.close()
    return result
