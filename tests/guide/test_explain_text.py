from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from tremplin.catalog.read import Catalog
from tremplin.guide.explain_text import (
    MAX_WORD_CHARS,
    data_sources,
    explain_texts,
    verdict_for,
    word_similarity,
)
from tremplin.guide.journey import JourneyError


def _shape(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _shape(v) for k, v in obj.items() if k != "lang"}
    if isinstance(obj, list):
        return [_shape(v) for v in obj]
    return type(obj).__name__


def test_french_and_english_texts_have_the_same_structure() -> None:
    fr, en = explain_texts("fr"), explain_texts("en")
    assert _shape(fr) == _shape(en)
    assert [s["id"] for s in fr["sections"]] == [
        "embeddings", "search", "suggestion", "map", "data", "limits", "privacy"]
    assert explain_texts("de") == fr
    limits = " ".join(next(s for s in fr["sections"] if s["id"] == "limits")["paragraphs"])
    assert "stéréotypes" in limits and "choix t'appartient" in limits
    assert set(fr["verdicts"]) == {"same", "close", "related", "far"}


def test_data_sources_have_versions_and_dates(catalog: Catalog) -> None:
    rows = {r["dataset"]: r for r in data_sources(catalog, "en")}
    assert rows["rome"]["version"] == "60" and rows["rome"]["published"] == "2025-09-18"
    assert rows["onisep"]["name"].startswith("ONISEP") and rows["places"]["credit"]


def _fake(texts: Sequence[str]) -> np.ndarray:
    table = {"a": [1.0, 0.0], "b": [1.0, 0.0], "c": [0.0, 1.0], "d": [-1.0, 0.0]}
    return np.array([table.get(t, [0.6, 0.8]) for t in texts])


def test_word_similarity_with_a_fake_encoder() -> None:
    r = word_similarity("a", "b", encode=_fake)
    assert r.similarity == 1.0 and r.verdict == "same" and "1,000" in r.sentence
    assert word_similarity("a", "c", encode=_fake).verdict == "far"
    assert word_similarity("a", "d", "en", encode=_fake).similarity == -1.0
    assert word_similarity("  a  ", "b", encode=_fake).a == "a"


def test_verdict_thresholds_are_ordered() -> None:
    got = [verdict_for(x) for x in (0.95, 0.9, 0.87, 0.5, -1.0)]
    assert got == ["same", "close", "related", "far", "far"]


@pytest.mark.parametrize(
    ("a", "b", "needle"),
    [("", "chat", "Écris un mot"), ("   ", "chat", "Écris un mot"), ("chat", None, "Écris un mot"),
     ("x" * (MAX_WORD_CHARS + 1), "chat", "Au plus 100"), ("x" * 10**6, "chat", "Au plus 100"),
     ("ch\x00at", "chat", "invisible"), ("chat", "ab\nc", "invisible"), ("?!.", "chat", "Écris un mot"),
     (42, "chat", "Écris un mot")],
)
def test_word_similarity_refuses_bad_input(a: object, b: object, needle: str) -> None:
    with pytest.raises(JourneyError, match=needle) as info:
        word_similarity(a, b, encode=_fake)
    assert info.value.path in ("a", "b")


def test_word_similarity_with_the_real_model() -> None:
    same = word_similarity("médecin", "docteur")
    far = word_similarity("plombier", "poésie")
    assert same.similarity > far.similarity
    assert same.verdict in ("same", "close") and far.verdict in ("far", "related")
    assert 0 < far.similarity < same.similarity <= 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_explanations_of_the_tool_are_written_in_short_sentences(lang: str) -> None:
    # easy-to-read writing: one idea a sentence (one sentence was 82 words long)
    import json
    import re
    from pathlib import Path

    import tremplin.guide as guide

    path = Path(guide.__file__).parent / "messages" / f"explain.{lang}.json"
    sections = json.loads(path.read_text(encoding="utf-8"))["sections"]
    sentences = [s for sec in sections for p in sec["paragraphs"]
                 for s in re.split(r"(?<=[.!?])\s+", p)]
    assert sentences and max(len(s.split()) for s in sentences) <= 26
