"""Benchmark of the recommendation engine against the plain IDF-cosine baseline (same run).

Run: .venv/bin/python bench/recommend_bench.py [--sample 0] [--tuning] [--json]
Prints every figure of `tremplin eval recommend` next to its target. `--tuning` adds the
transitions figure on the fiches outside the evaluation sample, the ones the career-path
parameters were tuned on (about 40 s more).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from tremplin.recommend import Experience, Profile, recommend
from tremplin.recommend.evaluate import (
    eval_transitions,
    load_experiences,
    run_all,
    transition_codes,
)
from tremplin.recommend.index import RecommendIndex, get_index
from tremplin.recommend.suggest import (
    best_items,
    lexical_tokens,
    prepare,
    suggest_from_index,
    text_vector,
)

BLIND = Path(__file__).parent / "data" / "experiences_blind.json"
POOLED = Path(__file__).parent / "data" / "experiences_pooled.json"

TARGETS = {
    "mobility_recall_at_20": (">=", 0.60),
    "experience_precision_at_5": (">=", 0.75),
    "experience_job_success_at_10": (">=", 0.90),
    "blind_experience_job_success_at_10": (">=", 0.90),
    "leave_half_out_recall_at_1": (">=", 0.99),
    "invariance_rate": (">=", 1.0),
    "latency_ms_p95": ("<=", 50.0),
}


def blind_set() -> dict[str, float]:
    """Experience -> jobs success@10 on a set written before the engine saw it, next to a
    naive baseline: the job search bar given the whole sentence."""
    from tremplin.search import search_jobs

    items = json.loads(BLIND.read_text(encoding="utf-8"))["experiences"]
    ok = base = 0
    for e in items:
        jobs = set(e["jobs"])
        recs = recommend(Profile(experiences=(Experience(e["text"]),)), 10)
        ok += bool(jobs & {r.code for r in recs})
        base += bool(jobs & {h.code for h in search_jobs(e["text"], 10)})
    return {"blind_experience_job_success_at_10": ok / len(items),
            "blind_search_bar_baseline_success_at_10": base / len(items),
            "blind_experiences": float(len(items))}


def _top_labels(index: RecommendIndex, scores: np.ndarray[Any, Any], k: int) -> list[int]:
    """The k best suggestable items by a score, one per label (as the engine shows them)."""
    scores = np.where(index.suggestable, scores, -np.inf).astype(np.float32)
    return [int(index.item_ogr[i]) for i in best_items(index, scores, k)]


def pooled_precision() -> dict[str, float]:
    """Precision@5 of suggest_competences on blind, stricter judgements of pooled candidates
    (bench/data/experiences_pooled.json), next to the raw sentence model and BM25."""
    index = get_index()
    judged = json.loads(POOLED.read_text(encoding="utf-8"))["judged"]
    hits = {"engine": 0, "raw_cosine": 0, "bm25": 0}
    unjudged = 0
    for e in load_experiences():
        accept = set(judged[e.id]["accept"])
        seen = accept | set(judged[e.id]["reject"])
        prepared = prepare(index, e.text)
        tops = {
            "engine": [s.ogr for s in suggest_from_index(index, e.text, 5)],
            "raw_cosine": _top_labels(index, index.vectors @ text_vector(prepared), 5),
            "bm25": _top_labels(index, index.bm25(lexical_tokens(index, prepared)), 5),
        }
        for name, top in tops.items():
            hits[name] += sum(o in accept for o in top)
        unjudged += sum(o not in seen for o in tops["engine"])
    n = 5 * len(judged)
    return {"pooled_experience_precision_at_5": hits["engine"] / n,
            "pooled_raw_cosine_precision_at_5": hits["raw_cosine"] / n,
            "pooled_bm25_precision_at_5": hits["bm25"] / n,
            "pooled_engine_unjudged_share": unjudged / n}


def tuning_set() -> dict[str, float]:
    index = get_index()
    sample = set(transition_codes(index))
    others = [c for c in transition_codes(index, None) if c not in sample]
    out = eval_transitions(index, codes=others)
    return {f"tuning_{k}": v for k, v in out.items() if k != "baseline_mobility_recall_at_20"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=400, help="fiches sampled; 0 = all")
    parser.add_argument("--tuning", action="store_true", help="also the tuning fiches")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    t0 = time.perf_counter()
    out = run_all(args.sample or None)
    out.update(blind_set())
    out.update(pooled_precision())
    if args.tuning:
        out.update(tuning_set())
    out["bench_seconds"] = round(time.perf_counter() - t0, 1)
    if args.json:
        print(json.dumps(out, indent=1))
        return
    print(f"{'figure':40s} {'value':>9s}  target")
    for key, value in out.items():
        target = TARGETS.get(key)
        if target:
            op, goal = target
            ok = value >= goal if op == ">=" else value <= goal
            print(f"{key:40s} {value:9.4f}  {op} {goal}  {'ok' if ok else 'MISSED'}")
        else:
            print(f"{key:40s} {value:9.4f}")
    print("baseline = plain IDF-weighted cosine over the same item codes, same fiches, same run.")


if __name__ == "__main__":
    main()
