"""Texts that say nothing ("jsp", "test", keys hit at random) are answered with an invitation
to tell one thing, not with jobs matched to nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tremplin.recommend import Profile, suggest_competences
from tremplin.recommend.errors import ProfileError
from tremplin.recommend.evaluate import load_experiences
from tremplin.recommend.profile import describes_something
from tremplin.recommend.text import says_nothing

BENCH_DATA = Path(__file__).parents[2] / "bench" / "data"


@pytest.mark.parametrize("text", [
    "jsp", "je sais pas", "Je sais pas...", "J’sais pas", "je ne sais pas quoi dire", "rien",
    "pas d'idée", "n'importe quoi", "c'est nul", "bof", "lol", "mdr", "xD", "ok", "oui", "non",
    "bonjour", "hello", "test", "I don't know", "idk", "zzz qwerty", "asdf", "azerty",
    "qsdfghjklm", "kjhkjh", "ghjk lkj", "aaaaaa", "hahaha", "1234 ok",
    # found by a QA pass: slang spellings, "nothing", "no experience", placeholders, other scripts
    "je c pa", "chai pas", "ché pas", "rien du tout", "je fais rien", "j'en sais rien",
    "pas grand chose", "pas d'expérience", "j'ai jamais travaillé", "lorem ipsum", "bla bla bla",
    "osef", "wesh", "nada", "nothing really", "none", "n/a", "لا أعرف", "لا شيء", "Не знаю.",
])
def test_fillers_and_random_keys_say_nothing(text: str) -> None:
    assert says_nothing(text) and not describes_something(text)


@pytest.mark.parametrize("text", [
    "nurse", "cook", "mcdo", "foot", "vendeuse", "boulangé", "BAFA", "permis B", "SNCF",
    "bébé", "papa", "bonbon", "couscous", "rien de spécial", "je sais cuisiner",
    "je sais rien faire mais j'aime dessiner", "I fix bikes", "ممرضة", "Доглядаю брата",
    "j'ai travaillé au mcdo", "expérience en cuisine", "je fais tout à la maison",
    "j'ai fait un stage", "أعتني بإخوتي الصغار",
])
def test_short_or_foreign_texts_with_meaning_are_kept(text: str) -> None:
    assert not says_nothing(text) and describes_something(text)


def _project_texts() -> list[str]:
    labelled = load_experiences()
    texts = [e.text for e in labelled] + [e.feminine for e in labelled if e.feminine]
    blind = json.loads((BENCH_DATA / "experiences_blind.json").read_text(encoding="utf-8"))
    texts += [e["text"] for e in blind["experiences"]]
    translated = json.loads((BENCH_DATA / "experiences_translated.json").read_text(encoding="utf-8"))
    texts += [e["text"] for s in translated["sets"] for e in s["experiences"]]
    return texts


def test_no_real_experience_of_the_project_says_nothing() -> None:
    texts = _project_texts()
    assert len(texts) > 200
    assert [t for t in texts if says_nothing(t)] == []


def test_a_profile_or_a_suggestion_for_nothing_is_refused_in_both_languages() -> None:
    with pytest.raises(ProfileError) as info:
        Profile.from_dict({"experiences": [{"text": "je garde des enfants"}, {"text": "jsp"}]})
    assert info.value.field == "experiences[1].text"
    assert "does not say" in str(info.value) and "« jsp »" in info.value.fr
    with pytest.raises(ProfileError):
        suggest_competences("zzz qwerty")
