"""Generic label matcher for integrators: any (id, label) corpus, hybrid ranking.

    m = Matcher.from_labels(["a", "b"], ["Boulanger", "Plombier"])
    m.search("boulangère", k=1)  # -> [MatchResult(id='a', label='Boulanger', rank=1, score=...)]

Labels and queries are embedded with the shared encoder through the user-level vector cache,
so re-running on the same corpus costs nothing. Several labels may share one id; an id is
returned once, with its best label.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tremplin.embeddings import encode_cached
from tremplin.search.hybrid import DEFAULT_WEIGHTS, HybridScorer, Weights, top_groups
from tremplin.search.normalize import QueryError, validate_query

MAX_BATCH = 100
MATCH_THREADS = 8


@dataclass(frozen=True, slots=True)
class MatchResult:
    id: str
    label: str
    rank: int
    score: float


class Matcher:
    def __init__(self, ids: Sequence[str], labels: Sequence[str], vectors: np.ndarray[Any, Any],
                 cache_dir: Path | None, weights: Weights = DEFAULT_WEIGHTS) -> None:
        if len(ids) != len(labels):
            raise ValueError("ids and labels must have the same length")
        self.ids = [str(i) for i in ids]
        self.labels = [str(label) for label in labels]
        self.cache_dir = cache_dir
        self.scorer = HybridScorer(self.labels, vectors.astype(np.float32), weights)
        self.group_ids = list(dict.fromkeys(self.ids))
        pos = {g: n for n, g in enumerate(self.group_ids)}
        self.groups = np.array([pos[i] for i in self.ids], dtype=np.int32)

    @classmethod
    def from_labels(cls, ids: Sequence[str], labels: Sequence[str],
                    cache_dir: Path | None = None, weights: Weights = DEFAULT_WEIGHTS) -> Matcher:
        if cache_dir is None:
            from tremplin.config import load_settings

            cache_dir = load_settings().cache_dir
        unique = list(dict.fromkeys(str(label) for label in labels))
        vectors = encode_cached(unique, cache_dir) if unique else np.zeros((0, 384), np.float32)
        return cls(ids, labels, vectors, cache_dir, weights)

    def _vectors(self, queries: Sequence[str]) -> np.ndarray[Any, Any]:
        if self.cache_dir is None:
            from tremplin.embeddings import encode_uncached

            return encode_uncached(list(queries))
        return encode_cached(list(queries), self.cache_dir)

    def search(self, query: str, k: int = 10) -> list[MatchResult]:
        return self.search_many([query], k)[0]

    def search_many(self, queries: Sequence[str], k: int = 10) -> list[list[MatchResult]]:
        """Best k ids per query; an invalid query (empty, control characters...) gets []."""
        valid: dict[int, str] = {}
        for n, q in enumerate(queries):
            try:
                valid[n] = validate_query(q)
            except QueryError:
                continue
        texts = list(dict.fromkeys(valid.values()))
        vecs = dict(zip(texts, self._vectors(texts), strict=True)) if texts else {}
        out: list[list[MatchResult]] = []
        for n in range(len(queries)):
            text = valid.get(n)
            if text is None or not self.labels:
                out.append([])
                continue
            scores = self.scorer.score(text, vecs[text]).combined
            out.append([
                MatchResult(self.group_ids[g], self.labels[e], rank, round(s, 4))
                for rank, (g, e, s) in enumerate(top_groups(scores, self.groups, k), 1)
            ])
        return out


def match_titles(queries: list[str], k: int = 5) -> list[dict[str, Any]]:
    """Map free job titles (at most MAX_BATCH) to ROME fiches and appellations.

    Returns one dict per query: {"query", "hits": [SearchHit as dict], "error"}; an invalid
    query gets an empty hit list and the QueryError message, never an exception.
    """
    if len(queries) > MAX_BATCH:
        raise QueryError(
            f"Trop de titres ({len(queries)}, maximum {MAX_BATCH}). / "
            f"Too many titles ({len(queries)}, at most {MAX_BATCH})."
        )
    from tremplin.search.engine import get_engine

    engine = get_engine()

    def one(q: Any) -> dict[str, Any]:
        try:
            hits = engine.search(q, k)
            return {"query": q, "hits": [h.to_dict() for h in hits], "error": None}
        except QueryError as err:
            return {"query": q if isinstance(q, str) else repr(q), "hits": [], "error": str(err)}

    # Concurrent calls let the shared encoder batch the never-seen titles together
    # (tremplin.embeddings.QueryBatcher); results keep the order of the queries.
    with ThreadPoolExecutor(max_workers=MATCH_THREADS) as pool:
        return list(pool.map(one, queries))
