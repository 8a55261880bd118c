from __future__ import annotations

import json

from tremplin.catalog.read import Catalog
from tremplin.config import Settings
from tremplin.search import JobSearch, build_index


def test_index_is_complete_and_rebuild_is_a_no_op(settings: Settings, catalog: Catalog,
                                                 engine: JobSearch) -> None:
    path = build_index(settings, catalog)
    meta_before = (path / "meta.json").read_text()
    assert build_index(settings, catalog) == path
    assert (path / "meta.json").read_text() == meta_before
    meta = json.loads(meta_before)
    sources = {e.source for e in engine.entries}
    assert sources == {"appellation", "fiche", "onisep", "onisep_synonym", "alias"}
    ogrs = {e.ogr for e in engine.entries if e.source == "appellation"}
    assert len(ogrs) == len(catalog.job_titles())
    assert meta["vectors"] == engine.scorer.vectors.shape[0]
    feminine = [e for e in engine.entries if e.source == "appellation" and e.gender == "f"]
    assert len(feminine) > 5000
