from __future__ import annotations

from tremplin.catalog.read import Catalog
from tremplin.search.aliases import load_aliases, unknown_targets
from tremplin.search.normalize import stem_key


def test_every_alias_target_exists_in_the_catalog(catalog: Catalog) -> None:
    titles = {t.ogr: (t.job_code, t.masculine, t.feminine) for t in catalog.job_titles()}
    fiches = {j.code: (j.label, j.label_masculine, j.label_feminine) for j in catalog.all_jobs()}
    aliases = load_aliases()
    assert len(aliases) >= 150
    assert unknown_targets(aliases, titles, fiches) == []


def test_alias_forms_of_one_key_agree() -> None:
    """Gender forms ("acteur", "actrice") share a key: they must point at the same target."""
    targets: dict[str, set[str]] = {}
    for a in load_aliases():
        targets.setdefault(stem_key(a.alias), set()).add(a.target)
    assert {k: v for k, v in targets.items() if len(v) > 1} == {}
