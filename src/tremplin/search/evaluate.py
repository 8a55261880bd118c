"""Evaluation of the job search on a labelled TSV: query<TAB>rome_codes<TAB>kind (header)."""

from __future__ import annotations

import csv
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tremplin.search.engine import SearchHit


@dataclass(frozen=True, slots=True)
class Labelled:
    query: str
    codes: frozenset[str]
    kind: str


def read_queries(path: Path) -> list[Labelled]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = {"query", "rome_codes"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"{path}: missing column(s) {sorted(missing)}; "
                             "expected the header query<TAB>rome_codes<TAB>kind")
        return [
            Labelled(row["query"], frozenset(c.strip() for c in row["rome_codes"].split(",") if c.strip()),
                     (row.get("kind") or "").strip() or "all")
            for row in reader if row.get("query")
        ]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    idx = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[idx]


def rank_of(hits: list[SearchHit], gold: frozenset[str]) -> int | None:
    for i, h in enumerate(hits, 1):
        if h.code in gold:
            return i
    return None


def evaluate(items: list[Labelled], search: Callable[[str], list[SearchHit]],
             details: bool = False) -> dict[str, Any]:
    """success@1, success@5, MRR (rank within the top 10) overall and per kind, latency."""
    per_kind: dict[str, list[tuple[int | None, float]]] = {}
    rows = []
    for item in items:
        started = time.perf_counter()
        try:
            hits = search(item.query)
        except ValueError:
            hits = []
        ms = (time.perf_counter() - started) * 1000
        rank = rank_of(hits, item.codes)
        per_kind.setdefault(item.kind, []).append((rank, ms))
        if details:
            rows.append({"query": item.query, "kind": item.kind, "rank": rank,
                         "top": [h.code for h in hits[:5]], "ms": round(ms, 2)})

    def summary(results: list[tuple[int | None, float]]) -> dict[str, Any]:
        n = len(results) or 1
        return {
            "n": len(results),
            "success_at_1": round(sum(1 for r, _ in results if r == 1) / n, 4),
            "success_at_5": round(sum(1 for r, _ in results if r is not None and r <= 5) / n, 4),
            "mrr": round(sum(1 / r for r, _ in results if r) / n, 4),
        }

    everything = [x for v in per_kind.values() for x in v]
    latencies = [ms for _, ms in everything]
    out = summary(everything)
    out["per_kind"] = {k: summary(v) for k, v in sorted(per_kind.items())}
    out["latency_ms_p50"] = round(statistics.median(latencies), 2) if latencies else 0.0
    out["latency_ms_p95"] = round(percentile(latencies, 95), 2)
    if details:
        out["details"] = rows
    return out
