"""Arabic experiences: everyday words get their French, so ROME's labels can be found."""

from __future__ import annotations

import pytest

from tremplin.catalog.read import Catalog
from tremplin.recommend import Experience, Profile, recommend
from tremplin.recommend.arabic import arabic_glossary, fold_arabic
from tremplin.recommend.text import expand


def test_spelling_variants_are_folded() -> None:
    assert fold_arabic("مَخْبَزٌ") == "مخبز"  # vowel marks
    assert fold_arabic("أإآ ة ى") == "ااا ه ي"


@pytest.mark.parametrize(("text", "french"), [
    ("المخبز", "boulangerie, pain"),            # the article
    ("وبالمطعم", "restaurant, service en salle"),  # and + in + the
    ("بحديقته", "jardin, espaces verts"),        # ta marbuta written ت before "his"
    ("أطفالهم", "enfants, garde d'enfants"),      # "their" at the end
    ("كرة القدم", "football"),                   # two words
])
def test_words_are_found_with_their_prefixes_and_suffixes(text: str, french: str) -> None:
    assert arabic_glossary(text) == [french]


def test_short_stems_do_not_match_longer_unrelated_words() -> None:
    assert arabic_glossary("جديد") == []  # "new", not a grandparent
    assert arabic_glossary("je fais du pain") == []  # French text: nothing to add


def test_the_french_words_are_appended_once(catalog: Catalog) -> None:
    out = expand("كنت أساعد أبي في المخبز وفي المخبز")
    assert out.endswith("(boulangerie, pain)")


def test_an_arabic_bakery_experience_finds_bakery_jobs(catalog: Catalog) -> None:
    codes = [r.code for r in recommend(Profile(experiences=(Experience(
        "كنت أساعد أبي في المخبز"),)), 10)]
    assert {"D1102", "D1104", "D1106"} & set(codes), codes  # boulanger, pâtissier, vendeur
