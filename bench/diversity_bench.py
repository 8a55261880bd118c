"""What the diversity step costs and gives, on one-sentence profiles.

Run: .venv/bin/python bench/diversity_bench.py        # about 2 minutes on 2 cores

For the labelled experiences and the 30 blind ones, prints success@10 (a sensible job in the
list), the MRR of the first sensible job, the number of sensible jobs in the top 10 and the
number of distinct ROME domains there, for the shipped step, other steps, the cap alone, and
no diversity step at all (the baseline, same run). The shipped step takes at most 5 jobs of
one ROME domain into the first 10 places and takes nothing off their scores; (0.05, 3) is the
step shipped until 2026-11-29 (5 % per job of the same domain, 3 a domain).
"""

from __future__ import annotations

import json
from pathlib import Path

from tremplin.recommend import Experience, Profile, engine, recommend
from tremplin.recommend.evaluate import load_experiences
from tremplin.recommend.index import RecommendIndex, get_index

BLIND = Path(__file__).parent / "data" / "experiences_blind.json"
# (penalty per job of the same domain already shown, places a domain may take)
SETTINGS = [(engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN), (0.0, 4), (0.05, 3), (0.0, 3)]


def figures(index: RecommendIndex, items: list[tuple[str, set[str]]],
            diversity: bool = True) -> tuple[float, ...]:
    success = mrr = sensible = domains = 0.0
    for text, jobs in items:
        codes = [r.code for r in recommend(Profile(experiences=(Experience(text),)), 10,
                                           diversity=diversity)]
        ranks = [i for i, code in enumerate(codes) if code in jobs]
        success += bool(ranks)
        mrr += 1 / (ranks[0] + 1) if ranks else 0.0
        sensible += len(ranks)
        domains += len({index.jobs[index.job_pos[c]].domain_code for c in codes})
    n = len(items)
    return success / n, mrr / n, sensible / n, domains / n


def _row(name: str, a: tuple[float, ...], b: tuple[float, ...]) -> str:
    return (f"{name:<26} {a[0]:7.3f} {a[1]:5.3f} {a[2]:8.2f} {a[3]:7.1f}"
            f"   {b[0]:7.3f} {b[1]:5.3f} {b[2]:8.2f} {b[3]:7.1f}")


def main() -> None:
    index = get_index()
    labelled = [(e.text, set(e.jobs)) for e in load_experiences()]
    blind = [(e["text"], set(e["jobs"]))
             for e in json.loads(BLIND.read_text(encoding="utf-8"))["experiences"]]
    shipped = (engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN)
    head = "success   mrr sensible domains"
    print(f"{'':<26} {'labelled: ' + head:>39}   {'blind: ' + head:>36}")
    try:
        for step, cap in SETTINGS:
            engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN = step, cap
            name = f"step {step:.2f}, cap {cap}" + (" (shipped)" if (step, cap) == shipped
                                                  else " (cap only)" if step == 0 else "")
            print(_row(name, figures(index, labelled), figures(index, blind)), flush=True)
    finally:
        engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN = shipped
    print(_row("no diversity (baseline)", figures(index, labelled, False),
               figures(index, blind, False)))


if __name__ == "__main__":
    main()
