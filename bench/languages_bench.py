"""Experiences written in other languages: success@10 and MRR of the first sensible job,
next to the French originals. For Arabic, with the glossary of everyday words
(`src/tremplin/recommend/arabic.py`) and without it (the baseline, same run). For English,
as the engine reads it (the French lexical part left out) and with that part (the baseline).

Run: .venv/bin/python bench/languages_bench.py [--json]

Arabic sets A and B were used to write the glossary; set C (the 30 blind experiences,
translated after the glossary was frozen) is the held-out figure. Set U is the same 30 blind
experiences in Ukrainian, which the sentence model reads without help; set E the same in
simple English.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from tremplin.recommend import Experience, Profile, recommend, suggest, text
from tremplin.recommend.evaluate import load_experiences
from tremplin.recommend.index import get_index

DATA = Path(__file__).parent / "data"


def measure(rows: list[dict[str, Any]]) -> dict[str, float]:
    hits, ranks = [], []
    for row in rows:
        codes = [r.code for r in recommend(Profile(experiences=(Experience(row["text"]),)), 10)]
        found = [n for n, c in enumerate(codes) if c in set(row["jobs"])]
        hits.append(bool(found))
        ranks.append(1 / (found[0] + 1) if found else 0.0)
    return {"success_at_10": float(np.mean(hits)), "mrr": float(np.mean(ranks))}


def french_rows(source: str, ids: list[str]) -> list[dict[str, Any]]:
    if source == "blind":
        blind = json.loads((DATA / "experiences_blind.json").read_text(encoding="utf-8"))
        by_id = {e["id"]: e for e in blind["experiences"]}
        return [{"text": by_id[i]["text"], "jobs": by_id[i]["jobs"]} for i in ids]
    labelled = {e.id: e for e in load_experiences()}
    return [{"text": labelled[i].text, "jobs": labelled[i].jobs} for i in ids]


def _with_lexical(rows: list[dict[str, Any]]) -> dict[str, float]:
    """The baseline for English: ROME's French words matched as for a French text."""
    english = suggest.looks_english
    suggest.looks_english = lambda _t: False
    get_index().forget_texts()
    try:
        return measure(rows)
    finally:
        suggest.looks_english = english
        get_index().forget_texts()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    data = json.loads((DATA / "experiences_translated.json").read_text(encoding="utf-8"))
    glossary = text.arabic_glossary
    out: dict[str, Any] = {}
    for s in data["sets"]:
        rows = s["experiences"]
        figures = {"french originals": measure(french_rows(s["source"], [r["id"] for r in rows])),
                   f"{s['language']}, as written": measure(rows)}
        if s["language"] == "en":
            figures["en, with the French lexical part"] = _with_lexical(rows)
        if s["language"] != "ar":
            out[s["name"]] = {"role": s["role"], "experiences": len(rows), **figures}
            continue
        text.arabic_glossary = lambda _t: []  # the baseline: the sentence model alone
        get_index().forget_texts()  # its guesses are memoised per raw text
        try:
            figures["ar, without the glossary"] = measure(rows)
        finally:
            text.arabic_glossary = glossary
            get_index().forget_texts()
        out[s["name"]] = {"role": s["role"], "experiences": len(rows), **figures}
    if args.json:
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return
    for name, s in out.items():
        print(f"set {name} ({s['experiences']} experiences; {s['role']})")
        for label, v in s.items():
            if isinstance(v, dict):
                print(f"  {label:32s} success@10 {v['success_at_10']:.3f}  MRR {v['mrr']:.3f}")


if __name__ == "__main__":
    main()
