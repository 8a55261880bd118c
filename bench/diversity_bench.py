"""What the diversity step costs and gives, on one-sentence profiles.

Run: .venv/bin/python bench/diversity_bench.py        # about 2 minutes on 2 cores

For the labelled experiences and the 30 blind ones, prints success@10 (a sensible job in the
list), the MRR of the first sensible job, the number of sensible jobs in the top 10 and the
number of distinct ROME domains there, for the shipped step, other steps, the cap alone, and
no diversity step at all (the baseline, same run); then, on 145 texts whose jobs counsellors
judged blind (bench/data/teen_lists_judged.json), the sensible, possible and absurd jobs per
top-10 list (bench/holdout_bench.py does the same on 99 texts judged out of sample). The shipped
step takes at most 7 jobs of one ROME domain into the first 10 places and takes nothing off
their scores; (0.0, 5) was shipped from 2026-11-29 to 2026-11-30, and (0.05, 3), 5 % per job of
the same domain and 3 a domain, until 2026-11-29.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from judging import HEADER, judged_row, per_list, shown
from tremplin.recommend import engine
from tremplin.recommend.evaluate import load_experiences
from tremplin.recommend.index import RecommendIndex, get_index

BLIND = Path(__file__).parent / "data" / "experiences_blind.json"
JUDGED = Path(__file__).parent / "data" / "teen_lists_judged.json"
# (penalty per job of the same domain already shown, places a domain may take)
SETTINGS = [(engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN), (0.0, 5), (0.0, 4), (0.05, 3)]


def figures(index: RecommendIndex, items: list[tuple[str, set[str]]],
            diversity: bool = True) -> tuple[float, ...]:
    success = mrr = sensible = domains = 0.0
    for text, jobs in items:
        codes = shown(text, diversity)
        ranks = [i for i, code in enumerate(codes) if code in jobs]
        success += bool(ranks)
        mrr += 1 / (ranks[0] + 1) if ranks else 0.0
        sensible += len(ranks)
        domains += len({index.jobs[index.job_pos[c]].domain_code for c in codes})
    n = len(items)
    return success / n, mrr / n, sensible / n, domains / n


def judged(items: list[dict[str, Any]], diversity: bool = True) -> dict[str, float]:
    """Per top-10 list of the judged texts: sensible, possible and absurd jobs (blind
    counsellor verdicts), the share of lists holding an absurd job, and jobs never judged."""
    return per_list((shown(str(item["text"]), diversity), item["verdicts"]) for item in items)


def _row(name: str, a: tuple[float, ...], b: tuple[float, ...]) -> str:
    return (f"{name:<28} {a[0]:7.3f} {a[1]:5.3f} {a[2]:8.2f} {a[3]:7.1f}"
            f"   {b[0]:7.3f} {b[1]:5.3f} {b[2]:8.2f} {b[3]:7.1f}")


FORMER = {(0.0, 5): " (to 11-30)", (0.05, 3): " (to 11-29)"}


def _name(step: float, cap: int, shipped: tuple[float, int]) -> str:
    said = " (shipped)" if (step, cap) == shipped else FORMER.get((step, cap), "")
    return f"step {step:.2f}, cap {cap}{said}"


def main() -> None:
    index = get_index()
    labelled = [(e.text, set(e.jobs)) for e in load_experiences()]
    blind = [(e["text"], set(e["jobs"]))
             for e in json.loads(BLIND.read_text(encoding="utf-8"))["experiences"]]
    shipped = (engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN)
    head = "success   mrr sensible domains"
    print(f"{'':<28} {'labelled: ' + head:>39}   {'blind: ' + head:>36}")
    try:
        for step, cap in SETTINGS:
            engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN = step, cap
            name = _name(step, cap, shipped)
            print(_row(name, figures(index, labelled), figures(index, blind)), flush=True)
    finally:
        engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN = shipped
    print(_row("no diversity (baseline)", figures(index, labelled, False),
               figures(index, blind, False)))
    items = json.loads(JUDGED.read_text(encoding="utf-8"))["texts"]
    print(f"\n{str(len(items)) + ' judged texts, per top 10:':<28} {HEADER}")
    try:
        for step, cap in SETTINGS:
            engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN = step, cap
            name = _name(step, cap, shipped)
            print(judged_row(name, judged(items), 28), flush=True)
    finally:
        engine.DIVERSITY_STEP, engine.MAX_PER_DOMAIN = shipped
    print(judged_row("no diversity (baseline)", judged(items, False), 28))


if __name__ == "__main__":
    main()
