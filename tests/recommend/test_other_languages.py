"""Texts in a Latin-script language other than French or English (Spanish, Portuguese,
Turkish, Romanian…) get the same warning as Arabic or Ukrainian ones: the engine
understands them less well."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tremplin.catalog.read import Catalog
from tremplin.recommend import Experience, Profile, recommend
from tremplin.recommend.evaluate import load_experiences
from tremplin.recommend.text import other_language, other_latin_language
from tremplin.recommend.wording import say

BLIND = Path(__file__).resolve().parents[2] / "bench" / "data" / "experiences_blind.json"


@pytest.mark.parametrize("text", [
    "babamın kebapçısında çalıştım, döner kestim",           # Turkish
    "trabalhei com gesso e tijolos",                         # Portuguese
    "recogí fruta en el campo con mi padre",                 # Spanish
    "am lucrat la o spălătorie auto și la hotel",            # Romanian
    "ho lavorato in una pizzeria",                           # Italian
])
def test_other_latin_languages_are_recognised(text: str) -> None:
    assert other_latin_language(text) and other_language(text)


@pytest.mark.parametrize("text", [
    "je bosse à mi-temps au mcdo", "il y a des enfants que je garde", "j'ai eu mon BAFA",
    "I worked in a kebab shop with my uncle", "jfai la pose de gel", "chui en CAP cuisine",
    # QA re-check: French fillers and slang, a name or a dish with a foreign letter
    "ben je travaille au camping sur l'île d'Oléron", "yo ben je garde ma soeur",
    "ben c'est con mais je fais la plonge", "mon pote Gökhan m'aide au garage",
    "je fais des börek avec ma mère", "je répare une vieille Škoda",
])
def test_french_and_english_are_not(text: str) -> None:
    assert not other_latin_language(text)


def test_no_french_experience_of_the_labelled_sets_is_taken_for_another_language() -> None:
    texts = [e.text for e in load_experiences()] + [
        e["text"] for e in json.loads(BLIND.read_text(encoding="utf-8"))["experiences"]]
    assert len(texts) > 100 and [t for t in texts if other_language(t)] == []


def test_the_suggestions_say_they_may_be_wrong(catalog: Catalog) -> None:
    warning = say("fr", "other_script")
    turkish = recommend(Profile(experiences=(Experience("babamın kebapçısında çalıştım"),)), 3)
    assert all(warning in r.why.notes for r in turkish)
    french = recommend(Profile(experiences=(Experience("je travaille dans un kebab"),)), 3)
    assert not any(warning in r.why.notes for r in french)
