"""Experiences that only name the person's own job ("I was a nurse", "je suis mécano",
"كنت ممرضة"): does the engine read them as that job?

For each text of `bench/data/experiences_job_names.json`: success@1 and MRR of the first
accepted job in `recommend`, and the share of the 5 suggested competences that the accepted
jobs list in ROME (what a counsellor would suggest to someone who did that job). Three
settings in the same run: as shipped; without the own-job rule (a job named alone gives its
items no bonus in the suggestions); and the baseline, as before both rules (job names from
ROME titles only: no alias names, no own-job rule). Then, on 116 texts naming one's own job
whose top-10 jobs a counsellor judged blind (bench/data/own_job_lists_judged.json), the
sensible, possible and absurd jobs per list, with and without the job's key competences
counted as guessed (engine.OWN_JOB_ITEMS_CONFIDENCE).

Run: .venv/bin/python bench/job_names_bench.py [--json]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from judging import HEADER, judged_row, per_list, shown
from tremplin.recommend import engine, suggest_competences
from tremplin.recommend.index import RecommendIndex, get_index

DATA = Path(__file__).parent / "data" / "experiences_job_names.json"
JUDGED = Path(__file__).parent / "data" / "own_job_lists_judged.json"


def measure(index: RecommendIndex, rows: list[dict[str, Any]]) -> dict[str, float]:
    first, ranks, shares, own = [], [], [], []
    for row in rows:
        accepted = set(row["jobs"])
        codes = shown(row["text"])
        found = [n for n, c in enumerate(codes) if c in accepted]
        first.append(bool(found) and found[0] == 0)
        ranks.append(1 / (found[0] + 1) if found else 0.0)
        items = set().union(*(index.job_items[c] for c in accepted))
        picks = [index.pos[s.ogr] for s in suggest_competences(row["text"], 5)]
        shares.append(sum(p in items for p in picks) / 5)
        own.append(any(index.jobs[j].code in accepted for j in index.own_jobs(row["text"])))
    return {"success_at_1": float(np.mean(first)), "mrr": float(np.mean(ranks)),
            "suggestions_of_the_job": float(np.mean(shares)), "read_as_own_job": float(np.mean(own))}


@contextmanager
def setting(index: RecommendIndex, aliases: bool, own_rule: bool) -> Iterator[None]:
    """Switch the alias names and the own-job rule off for one measurement."""
    titles = list(zip(index.title_job.tolist(), index.title_label, strict=True))
    lookup = index.title_lookup
    own_jobs = index.own_jobs
    if not aliases:
        index.set_titles(titles, index.title_vectors, index.title_shown)
    if not own_rule:
        index.own_jobs = lambda _text: {}  # type: ignore[method-assign]
    index.forget_texts()  # suggestions, scores and jobs said were read by the other rule
    try:
        yield
    finally:
        index.title_lookup = lookup
        index.own_jobs = own_jobs  # type: ignore[method-assign]
        index.forget_texts()


def judged(index: RecommendIndex, confidence: float) -> dict[str, float]:
    """Sensible, possible and absurd jobs per top-10 list of the judged texts, the share of
    lists with an absurd job, and the jobs never judged, with the own job's key competences
    counted at `confidence` (0: not counted)."""
    items = json.loads(JUDGED.read_text(encoding="utf-8"))["texts"]
    shipped = engine.OWN_JOB_ITEMS_CONFIDENCE
    engine.OWN_JOB_ITEMS_CONFIDENCE = confidence
    index.forget_texts()
    try:
        return per_list((shown(item["text"]), item["verdicts"]) for item in items)
    finally:
        engine.OWN_JOB_ITEMS_CONFIDENCE = shipped
        index.forget_texts()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = json.loads(DATA.read_text(encoding="utf-8"))["experiences"]
    index = get_index()
    out: dict[str, Any] = {"experiences": len(rows)}
    for name, aliases, own_rule in (("shipped", True, True),
                                    ("without the own-job rule", True, False),
                                    ("baseline: ROME titles only", False, False)):
        with setting(index, aliases, own_rule):
            out[name] = measure(index, rows)
    out["judged: shipped"] = judged(index, engine.OWN_JOB_ITEMS_CONFIDENCE)
    out["judged: without the job's key competences"] = judged(index, 0.0)
    if args.json:
        print(json.dumps(out, indent=1))
        return
    print(f"{len(rows)} experiences naming the person's own job")
    print(f"{'setting':30s} success@1   MRR  suggestions of the job  read as own job")
    for name, v in out.items():
        if isinstance(v, dict) and "mrr" in v:
            print(f"{name:30s} {v['success_at_1']:9.3f} {v['mrr']:5.3f} "
                  f"{v['suggestions_of_the_job']:23.3f} {v['read_as_own_job']:16.3f}")
    print(f"\n{'judged texts, per top 10':42s} {HEADER}")
    for name, v in out.items():
        if isinstance(v, dict) and "absurd" in v:
            print(judged_row(name, v, 42))


if __name__ == "__main__":
    main()
