"""What the diversity step costs and gives, on one-sentence profiles.

Run: .venv/bin/python bench/diversity_bench.py        # about 1 minute on 2 cores

For the labelled experiences and the 30 blind ones, prints success@10 (a sensible job in the
list), the MRR of the first sensible job and the number of distinct ROME domains in the top
10, for the shipped step (15 % per job already shown from the same domain, at most 3 a
domain), milder steps, and no step at all (the baseline, same run).
"""

from __future__ import annotations

import json
from pathlib import Path

from tremplin.recommend import Experience, Profile, engine, recommend
from tremplin.recommend.evaluate import load_experiences
from tremplin.recommend.index import RecommendIndex, get_index

BLIND = Path(__file__).parent / "data" / "experiences_blind.json"
SETTINGS = [(engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN), (0.10, 3), (0.05, 3), (0.10, 4),
            (0.0, 3)]


def figures(index: RecommendIndex, items: list[tuple[str, set[str]]]) -> tuple[float, ...]:
    success = mrr = domains = 0.0
    for text, jobs in items:
        codes = [r.code for r in recommend(Profile(experiences=(Experience(text),)), 10)]
        ranks = [i for i, code in enumerate(codes) if code in jobs]
        success += bool(ranks)
        mrr += 1 / (ranks[0] + 1) if ranks else 0.0
        domains += len({index.jobs[index.job_pos[c]].domain_code for c in codes})
    n = len(items)
    return success / n, mrr / n, domains / n


def main() -> None:
    index = get_index()
    labelled = [(e.text, set(e.jobs)) for e in load_experiences()]
    blind = [(e["text"], set(e["jobs"]))
             for e in json.loads(BLIND.read_text(encoding="utf-8"))["experiences"]]
    shipped = (engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN)
    print(f"{'step':>5} {'cap':>3}  {'labelled: success  mrr  domains':>32}"
          f"  {'blind: success  mrr  domains':>29}")
    try:
        for step, cap in SETTINGS:
            engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN = step, cap
            a, b = figures(index, labelled), figures(index, blind)
            note = "  (shipped)" if (step, cap) == shipped else (
                "  (baseline: no step)" if step == 0 else "")
            print(f"{step:5.2f} {cap:3d}  {a[0]:18.3f} {a[1]:5.3f} {a[2]:8.1f}"
                  f"  {b[0]:15.3f} {b[1]:5.3f} {b[2]:8.1f}{note}")
    finally:
        engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN = shipped


if __name__ == "__main__":
    main()
