"""`recommend` latency for the target's profile (15 competences and 3 experiences, the texts
already read as in the web flow), shipped against the way it was computed until 2026-11-30,
in the same run, turn and turn about so that a noisy machine weighs on both alike.

The former way: each fiche's best item per profile item by `np.maximum.reduceat`, the
experience texts prepared again and their job-title similarities worked out again at every
use, and the trainings, certifications and moves of each card read from the catalog. (Two
smaller changes stay in both: the item maximum taken from its argmax, and the candidates
filtered without a Python loop.) Rankings and explanations are identical
(tests/recommend/test_speed_parts.py). It also times a full garbage collection with the
loaded indexes frozen (shipped) and not.

Run: .venv/bin/python bench/latency_bench.py [--rounds N]
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np

from tremplin.recommend import explain as explain_module
from tremplin.recommend import suggest
from tremplin.recommend.evaluate import eval_latency
from tremplin.recommend.explain import JobFacts
from tremplin.recommend.index import RecommendIndex, get_index


@contextmanager
def former_way(index: RecommendIndex) -> Iterator[None]:
    entry_max, title_max = index.entry_max, index.title_max
    memos = suggest._PREPARED_MEMO, suggest._TITLES_MEMO
    facts = explain_module.job_facts

    def reduceat_entries(matrix: np.ndarray) -> np.ndarray:
        return np.maximum.reduceat(matrix[index.entry_item], index.job_start, axis=0)

    def reduceat_titles(matrix: np.ndarray) -> np.ndarray:
        return np.maximum.reduceat(matrix, index.title_start, axis=0)

    def read_each_time(index: RecommendIndex, code: str) -> JobFacts:
        index.job_facts_memo.clear()
        return facts(index, code)

    index.entry_max = reduceat_entries  # type: ignore[assignment]
    index.title_max = reduceat_titles  # type: ignore[assignment]
    suggest._PREPARED_MEMO = suggest._TITLES_MEMO = 0  # kept no longer than they are used
    explain_module.job_facts = read_each_time
    index.forget_texts()
    try:
        yield
    finally:
        index.entry_max, index.title_max = entry_max, title_max
        suggest._PREPARED_MEMO, suggest._TITLES_MEMO = memos
        explain_module.job_facts = facts
        index.forget_texts()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=40, help="profiles per round")
    args = parser.parse_args()
    index = get_index()
    eval_latency(index, runs=5)  # warm-up: the model, the memos of the labels
    results: dict[str, list[dict[str, float]]] = {"shipped": [], "former way": []}
    for _ in range(args.rounds):
        index.forget_texts()
        results["shipped"].append(eval_latency(index, args.runs))
        with former_way(index):
            results["former way"].append(eval_latency(index, args.runs))
    print(f"{'recommend, 15 competences + 3 experiences':44s} {'p50 ms':>8s} {'p95 ms':>8s}")
    for name, rounds in results.items():
        for n, r in enumerate(rounds, 1):
            print(f"{name + f' (round {n})':44s} {r['latency_ms_p50']:8.1f} "
                  f"{r['latency_ms_p95']:8.1f}")
    for name, rounds in results.items():
        p95 = [r["latency_ms_p95"] for r in rounds]
        print(f"{name}: p95 median {np.median(p95):.1f} ms (range {min(p95):.1f}-{max(p95):.1f})")
    print("target: p95 <= 50 ms on the machine that runs the bench")
    thawed, frozen = full_collection_ms()
    print(f"a full garbage collection during a request: {thawed:.1f} ms with the indexes in the "
          f"collector's sight, {frozen:.1f} ms with them frozen (shipped, tremplin/longlived.py)")


def full_collection_ms() -> tuple[float, float]:
    """How long a full collection takes with the loaded indexes unfrozen, then frozen."""
    out = []
    for freeze in (gc.unfreeze, gc.freeze):
        freeze()
        start = time.perf_counter()
        gc.collect()
        out.append((time.perf_counter() - start) * 1000)
    return out[0], out[1]


if __name__ == "__main__":
    main()
