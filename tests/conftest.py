"""Shared fixtures: the real catalog, built once from ../shared/data (a no-op when up to date)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tremplin.catalog.build import ensure_catalog
from tremplin.catalog.read import Catalog
from tremplin.config import Settings, load_settings


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def catalog(settings: Settings) -> Iterator[Catalog]:
    """The real catalog under TREMPLIN_HOME, built if missing or stale."""
    ensure_catalog(settings)
    cat = Catalog(settings.catalog_path)
    yield cat
    cat.close()


def record_queries(monkeypatch: pytest.MonkeyPatch, catalog: Catalog) -> list[str]:
    """From now on, every SQL statement `catalog` runs (they still run), for tests of work
    that must be done once."""
    asked: list[str] = []
    query = catalog.query

    def recording(sql: str, *args: object) -> list[tuple[object, ...]]:
        asked.append(sql)
        return query(sql, *args)

    monkeypatch.setattr(catalog, "query", recording)
    return asked
