"""The recommendation index, shared by the recommendation tests."""

from __future__ import annotations

import pytest

from tremplin.catalog.read import Catalog
from tremplin.recommend.index import RecommendIndex, get_index


@pytest.fixture(scope="module")
def index(catalog: Catalog) -> RecommendIndex:
    return get_index()
