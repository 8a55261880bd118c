"""Plain-language texts for "Comment Tremplin a trouvé ça ?" (French and English, as JSON
message files in `messages/`), the data-sources block, and the live word-similarity demo.

The demo never stores what people type: it uses the uncached encoder, so user text does not
land in the on-disk vector cache.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from tremplin.guide.journey import JourneyError, clean_text

LANGS = ("fr", "en")
MAX_WORD_CHARS = 100
FEW_VOTES = 20  # below this many votes, the "À propos des résultats" page says the rate means little

# Calibrated on the project's encoder (multilingual-e5-small), whose similarities sit between
# about 0.7 and 1, mostly in a narrow band: synonyms 0.93-0.97 (médecin / docteur 0.944),
# related words 0.89-0.91 (boulanger / pâtissier 0.896, nurse / infirmière 0.897), but many
# related pairs fall among unrelated ones at 0.84-0.89 (chat / chien 0.851, kebab / cuisinier
# 0.847, chat / voiture 0.869) and nonsense can score 0.89 (x / y 0.896): below 0.89 the model
# shows no clear link, and between 0.89 and 0.93 words are only "maybe related". Clearly
# unrelated pairs sit under 0.84 (plombier / poésie 0.836, avocat / banane 0.826).
VERDICT_THRESHOLDS: tuple[tuple[float, str], ...] = (
    (0.93, "same"), (0.89, "close"), (0.84, "related"), (-1.0, "far"),
)
MODEL_FLOOR = 0.7  # in practice, no pair of texts scores lower with this model

# The verdicts and the scale note of messages/explain.*.json follow the thresholds above
# (the note gets their values); the map section's paragraphs are left empty there and come
# from the map module (tremplin.guide.jobmap.method_paragraphs), which knows how the map is
# built.


def decimal(value: float, lang: str, digits: int | None = None) -> str:
    """A number as the page's language writes it: '0,93' in French, '0.93' in English, with
    `digits` decimals (None: as short as it goes, '2,5')."""
    text = f"{value:g}" if digits is None else f"{value:.{digits}f}"
    return text if lang == "en" else text.replace(".", ",")


@lru_cache(maxsize=4)
def explain_texts(lang: str = "fr") -> dict[str, Any]:
    """The page texts for a language (falls back to French)."""
    from tremplin.guide.jobmap import method_paragraphs

    lang = lang if lang in LANGS else "fr"
    raw = resources.files("tremplin.guide").joinpath("messages", f"explain.{lang}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
    for section in data["sections"]:
        if section["id"] == "map":
            section["paragraphs"] = method_paragraphs(lang)
    bars = {key: decimal(t, lang) for t, key in VERDICT_THRESHOLDS if t > 0}
    data["demo"]["scale_note"] = data["demo"]["scale_note"].format(
        floor=decimal(MODEL_FLOOR, lang, 1), **bars)
    return data


# What can truthfully be said of a suggestion's matched items, from the strongest claim to the
# weakest: `known` (a competence the person kept or chose, matched exactly), `close` (a fiche
# item that resembles one they kept or chose), `words` (an item that resembles their words, or
# the tool's unchecked guess at them) and `titles` (job titles their words resemble).
MATCH_GROUPS = ("known", "close", "words", "titles", "loose")


def matched_group(m: Mapping[str, Any]) -> str:
    """The group (one of MATCH_GROUPS) of one `why.matched` entry of a recommendation. An
    entry that says nothing of where it came from claims the least: `words`."""
    if m.get("how") == "job_title":
        return "titles"
    if m.get("weak"):
        return "loose"  # a chance resemblance, only listed when nothing closer is there
    if m.get("guessed") or not m.get("your_competence"):
        return "words"  # came from the person's words, or from the tool's guess at them
    return "known" if m.get("how") == "exact" else "close"


def matched_groups(value: Any) -> dict[str, list[Mapping[str, Any]]]:
    """A suggestion's `why.matched` entries (mappings with a label) split by MATCH_GROUPS, in
    their order; every group is there, maybe empty."""
    groups: dict[str, list[Mapping[str, Any]]] = {g: [] for g in MATCH_GROUPS}
    for m in value or ():
        if isinstance(m, Mapping) and m.get("label"):
            groups[matched_group(m)].append(m)
    return groups


def data_sources(catalog: Any, lang: str = "fr") -> list[dict[str, str]]:
    """One line per dataset: name, version, publication date, licence, credit."""
    names = {
        "rome": ("ROME 4.0 (France Travail)", "ROME 4.0 (France Travail)"),
        "onisep": ("ONISEP Idéo (métiers et formations)", "ONISEP Idéo (jobs and trainings)"),
        "places": ("Lieux d'aide numérique et d'insertion", "Places for digital and job help"),
    }
    i = 1 if lang == "en" else 0
    return [
        {
            "dataset": s.dataset,
            "name": names.get(s.dataset, (s.dataset, s.dataset))[i],
            "version": s.version,
            "published": s.published,
            "licence": s.licence,
            "credit": s.credit,
        }
        for s in catalog.sources()
    ]


@dataclass(frozen=True, slots=True)
class WordSimilarity:
    a: str
    b: str
    similarity: float
    verdict: str       # 'same' | 'close' | 'related' | 'far'
    verdict_text: str  # in the requested language
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "similarity": self.similarity, "verdict": self.verdict,
                "verdict_text": self.verdict_text, "sentence": self.sentence}


def _word(value: object, field: str) -> str:
    fr_errors = explain_texts("fr")["demo"]["errors"]
    en_errors = explain_texts("en")["demo"]["errors"]
    if not isinstance(value, str):
        raise JourneyError(fr_errors["empty"], en_errors["empty"], field)
    try:
        text = clean_text(value, field, MAX_WORD_CHARS, multiline=False)
    except JourneyError as exc:
        if "U+" in exc.message_en:
            raise JourneyError(fr_errors["control"], en_errors["control"], field) from None
        raise JourneyError(
            fr_errors["too_long"].format(max=MAX_WORD_CHARS),
            en_errors["too_long"].format(max=MAX_WORD_CHARS), field,
        ) from None
    text = " ".join(text.split())
    if not text or not any(unicodedata.category(c)[0] in "LN" for c in text):
        raise JourneyError(fr_errors["empty"], en_errors["empty"], field)
    return text


def verdict_for(similarity: float) -> str:
    for threshold, key in VERDICT_THRESHOLDS:
        if similarity >= threshold:
            return key
    return "far"


def word_similarity(
    a: object,
    b: object,
    lang: str = "fr",
    *,
    encode: Callable[[Sequence[str]], Any] | None = None,
) -> WordSimilarity:
    """Cosine similarity of two short texts and a verdict in plain words. Raises JourneyError
    (a ValueError, French and English message) for empty, too long (> 100 characters) or
    control-character input. Nothing typed is stored."""
    lang = lang if lang in LANGS else "fr"
    wa, wb = _word(a, "a"), _word(b, "b")
    if encode is None:
        from tremplin.embeddings import encode_uncached

        encode = encode_uncached
    vectors = np.asarray(encode([wa, wb]), dtype=np.float64)
    na, nb = np.linalg.norm(vectors[0]), np.linalg.norm(vectors[1])
    sim = float(vectors[0] @ vectors[1] / (na * nb)) if na and nb else 0.0
    sim = round(max(-1.0, min(1.0, sim)), 3)
    key = verdict_for(sim)
    texts = explain_texts(lang)
    verdict_text = texts["verdicts"][key]
    shown = decimal(sim, lang, 3)
    sentence = texts["demo"]["result"].format(similarity=shown, verdict=verdict_text)
    return WordSimilarity(wa, wb, sim, key, verdict_text, sentence)
