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

# Calibrated on the project's encoder (multilingual-e5-small): unrelated words sit around
# 0.82-0.86, related ones 0.87-0.90, synonyms above 0.92.
VERDICT_THRESHOLDS: tuple[tuple[float, str], ...] = (
    (0.92, "same"), (0.885, "close"), (0.862, "related"), (-1.0, "far"),
)


@lru_cache(maxsize=4)
def explain_texts(lang: str = "fr") -> dict[str, Any]:
    """The page texts for a language (falls back to French)."""
    lang = lang if lang in LANGS else "fr"
    raw = resources.files("tremplin.guide").joinpath("messages", f"explain.{lang}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(raw)
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
    shown = f"{sim:.3f}".replace(".", ",") if lang == "fr" else f"{sim:.3f}"
    sentence = texts["demo"]["result"].format(similarity=shown, verdict=verdict_text)
    return WordSimilarity(wa, wb, sim, key, verdict_text, sentence)
