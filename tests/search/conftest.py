"""Search fixtures: the real index built from the real catalog (vectors come from the cache)."""

from __future__ import annotations

import pytest

from tremplin.catalog.read import Catalog
from tremplin.config import Settings
from tremplin.search import JobSearch, build_index, get_engine


@pytest.fixture(scope="session")
def engine(settings: Settings, catalog: Catalog) -> JobSearch:
    build_index(settings, catalog)
    return get_engine(settings)
