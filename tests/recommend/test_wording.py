"""The explanation sentences: "tu" in French like the pages, short sentences, one idea each."""

from __future__ import annotations

import re
import string

import pytest

from tremplin.catalog.read import Catalog
from tremplin.recommend import Profile, recommend
from tremplin.recommend.index import get_index
from tremplin.recommend.wording import LANGS, SENTENCES, say

# Easy-to-read (FALC) guidance keeps sentences short; ROME labels quoted in them are counted
# as one word each, since their length is not ours to choose.
MAX_WORDS_PER_SENTENCE = 20
SAMPLE = {
    "recall": "42 %", "precision": "70 %", "both": "54 %", "fit": "50 %", "weight": "30 %",
    "kept": "85 %", "floor": "70 %", "n": 3, "top": 10, "cap": 5,
    "others": "Un autre métier du domaine « LABEL » est déjà plus haut.",
    "names": " (LABEL, LABEL)", "labels": "LABEL, LABEL", "letters": "aider les autres",
    "major": "aider les autres", "minor": "créer et imaginer",
    "job": "surtout aider les autres, et un peu créer et imaginer",
    "you": "aider les autres, puis créer et imaginer",
    "link": "Point commun : aider les autres.", "words": "Ce métier, c'est surtout aider les autres.",
    "sources": " LABEL : LABEL, LABEL.", "label": "LABEL", "postcode": "93200",
    "date": "2022-12-01", "first": "2022-07-23", "last": "2022-12-01",
    "domain": "« LABEL »", "riasec": "100 %", "centres": "0 %",
    "one": "décider et convaincre", "other": "aider les autres",
    "than_other": "qu'aider les autres",
    "points": "21",
}
FORMAL_FRENCH = re.compile(r"\b(vous|votre|vos)\b", re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def _words(sentence: str) -> list[str]:
    return [w for w in sentence.split() if w.strip(string.punctuation + "«»")]


def _formatted(lang: str, key: str) -> str:
    names = {f for _, f, _, _ in string.Formatter().parse(SENTENCES[lang][key]) if f}
    return say(lang, key, **{f: SAMPLE[f] for f in names})


def test_every_language_has_every_sentence() -> None:
    keys = set(SENTENCES["fr"])
    assert all(set(SENTENCES[lang]) == keys for lang in LANGS)


@pytest.mark.parametrize("key", sorted(SENTENCES["fr"]))
def test_french_speaks_to_the_young_person_with_tu(key: str) -> None:
    assert not FORMAL_FRENCH.search(_formatted("fr", key)), key


@pytest.mark.parametrize("lang", LANGS)
def test_sentences_are_short(lang: str) -> None:
    too_long = [(key, s) for key in SENTENCES[lang] for s in _sentences(_formatted(lang, key))
                if len(_words(s)) > MAX_WORDS_PER_SENTENCE]
    assert not too_long


def _depth(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize("lang", LANGS)
def test_real_explanations_are_plain_sentences(catalog: Catalog, lang: str) -> None:
    get_index()
    recs = recommend(Profile(competences=(107371,), riasec={"R": 1.0, "S": 0.5}), 5, lang=lang)
    texts = [p.text for r in recs for p in r.why.parts.values()] + [r.why.interest for r in recs]
    for text in texts:
        # the interest used to sit in brackets inside brackets, with a sentence inside a
        # sentence; now each part is a few sentences, each ending with a full stop
        assert _depth(text) <= 1, text
        assert text.endswith("."), text
        if lang == "fr":
            assert not FORMAL_FRENCH.search(text), text
    interest = recs[0].why.parts["interest"].text
    assert ("va avec tes goûts" if lang == "fr" else "matches what you like") in interest


@pytest.mark.parametrize(("iso", "lang", "said"), [
    ("2022-12-01", "fr", "1er décembre 2022"), ("2022-07-23", "fr", "23 juillet 2022"),
    ("2022-12-01", "en", "1 December 2022"), ("not a date", "fr", "not a date"),
])
def test_dates_are_written_as_people_write_them(iso: str, lang: str, said: str) -> None:
    from tremplin.recommend.wording import human_date

    assert human_date(iso, lang) == said


def test_one_sentence_splitter_respects_quotes_and_kept_labels() -> None:
    from tremplin.recommend.wording import first_sentence, sentences

    text = "Un.  Deux !\n« Trois. Quatre ? » cinq. Six?"
    assert sentences(text) == ["Un.", "Deux !", "« Trois. Quatre ? » cinq.", "Six?"]
    label = "Agent de la S.N.C.F. en gare"  # a ROME label may hold full stops
    assert sentences(f"Proche de {label} ici. Fin.", [label]) == [
        f"Proche de {label} ici.", "Fin."]
    assert first_sentence("Le pain, c'est « sa vie. Oui. » Vraiment.") == \
        "Le pain, c'est « sa vie. Oui. » Vraiment."
    assert first_sentence("  ") == ""
