"""Benchmark of the recommendation engine against the plain IDF-cosine baseline (same run).

Run: .venv/bin/python bench/recommend_bench.py [--sample 0] [--json]
Prints every figure of `tremplin eval recommend` next to its target.
"""

from __future__ import annotations

import argparse
import json
import time

from tremplin.recommend.evaluate import run_all

TARGETS = {
    "mobility_recall_at_20": (">=", 0.60),
    "experience_precision_at_5": (">=", 0.75),
    "experience_job_success_at_10": (">=", 0.90),
    "leave_half_out_recall_at_1": (">=", 0.99),
    "invariance_rate": (">=", 1.0),
    "latency_ms_p95": ("<=", 50.0),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=400, help="fiches sampled; 0 = all")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    t0 = time.perf_counter()
    out = run_all(args.sample or None)
    out["bench_seconds"] = round(time.perf_counter() - t0, 1)
    if args.json:
        print(json.dumps(out, indent=1))
        return
    print(f"{'figure':36s} {'value':>9s}  target")
    for key, value in out.items():
        target = TARGETS.get(key)
        if target:
            op, goal = target
            ok = value >= goal if op == ">=" else value <= goal
            print(f"{key:36s} {value:9.4f}  {op} {goal}  {'ok' if ok else 'MISSED'}")
        else:
            print(f"{key:36s} {value:9.4f}")
    print("baseline = plain IDF-weighted cosine over the same item codes, same fiches, same run.")


if __name__ == "__main__":
    main()
