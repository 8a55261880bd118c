"""A ninth reading pass, on hobbies written for it (the held-out file not opened): words read
by their letters in another sense. Each case failed before its rule (see docs/scoring.md, "From
words to competences")."""

from __future__ import annotations

from tests.recommend.reading import labels as _labels
from tests.recommend.reading import recs as _recs
from tremplin.catalog.read import Catalog
from tremplin.recommend import text


def _titles(said: str, n: int = 10) -> list[str]:
    return [r.title.lower() for r in _recs(said, n)]


def test_karting_is_motor_sport_not_flooring(catalog: Catalog) -> None:
    said = "je fais du karting"
    titles = _titles(said, 5)
    # was: a tiler and a mason first (« Poser un parquet »)
    assert not any(t.startswith(("carreleur", "maçon", "pilote de ligne")) for t in titles), titles
    assert any("automobile" in label for label in _labels(said)), _labels(said)


def test_collectible_cards_are_no_maps(catalog: Catalog) -> None:
    said = "je collectionne les cartes pokémon et je les échange"
    # was: a cartographer first (« Adapter des cartes pour différents utilisateurs »)
    assert not any("cartograph" in t for t in _titles(said)), _titles(said)
    assert not any("carte marine" in label or "cartes topograph" in label
                   for label in _labels(said, 10))
    assert not text.other_senses("je lis des cartes topographiques en randonnée")


def test_series_watched_are_no_mass_production(catalog: Catalog) -> None:
    said = "je regarde beaucoup de séries en anglais"
    # was: « Fabrications en grande série » first and a production operator
    assert not any("fabrication" in label for label in _labels(said, 10))
    assert not any(t.startswith("opérateur") for t in _titles(said)), _titles(said)
    assert any("fabrication" in label
               for label in _labels("j'ai travaillé à l'usine, fabrication en série", 10))


def test_hens_kept_are_poultry(catalog: Catalog) -> None:
    titles = _titles("je m'occupe de mes poules")
    # was: « Accompagner le développement de l'enfant » suggested, no poultry farmer
    assert any("avicult" in t for t in titles), titles
    assert not any("enfant" in label for label in _labels("je m'occupe de mes poules", 10))
