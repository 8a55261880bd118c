"""Absurd suggestions out of sample: 99 texts written by a helper who never saw the engine,
each job of their lists judged blind by counsellors (bench/data/teen_holdout_judged.json).
No reading rule was written from these texts, unlike the 145 of teen_lists_judged.json.

Run: .venv/bin/python bench/holdout_bench.py [--json]     # about 1 minute on 2 cores

Prints sensible, possible and absurd jobs per top-10 list for the shipped engine and, in the
same run, the cap of 5 shipped until 2026-11-30 and the baseline without the diversity cap,
then the shipped figures per kind of text.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from judging import HEADER, judged_row, per_list, shown
from tremplin.recommend import engine

DATA = Path(__file__).parent / "data" / "teen_holdout_judged.json"


def with_cap(items: list[dict[str, Any]], cap: int) -> dict[str, float]:
    shipped = engine.MAX_PER_DOMAIN
    engine.MAX_PER_DOMAIN = cap
    try:
        return per_list((shown(t["text"]), t["verdicts"]) for t in items)
    finally:
        engine.MAX_PER_DOMAIN = shipped


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    items = [t for t in json.loads(DATA.read_text(encoding="utf-8"))["texts"] if t["verdicts"]]
    shipped = {t["id"]: shown(t["text"]) for t in items}
    out: dict[str, Any] = {
        "shipped": per_list((shipped[t["id"]], t["verdicts"]) for t in items),
        "cap of 5 (until 2026-11-30)": with_cap(items, 5),
        "no diversity cap (baseline)": per_list((shown(t["text"], False), t["verdicts"])
                                                for t in items)}
    for category in sorted({t["category"] for t in items}):
        some = [t for t in items if t["category"] == category]
        out[f"shipped, {category}"] = per_list((shipped[t["id"]], t["verdicts"]) for t in some)
    if args.json:
        print(json.dumps(out, indent=1))
        return
    print(f"{str(len(items)) + ' held-out texts, per top 10':<34} {HEADER}")
    for name, figures in out.items():
        label = f"{name} ({int(figures['texts'])})" if name.startswith("shipped,") else name
        print(judged_row(label, figures))


if __name__ == "__main__":
    main()
