"""What interests do to the suggestions of an experience: the labelled experiences, each given
a RIASEC profile that agrees with its first sensible job, or one that disagrees, scored with
the engine's blend (interest scales coverage) and, as the baseline in the same run, the
earlier additive blend (0.7 x coverage + 0.3 x interest).

Run: .venv/bin/python bench/interest_bench.py [--json]

A taste that agrees with a sensible job should keep it in the list; one that disagrees may
move it down but should not hide what the experience points to. Profiles:
- none: the experience alone (the reference);
- letter / opposite letter: one RIASEC letter at 1.0 (`--riasec X` on the command line), the
  first sensible job's major letter or the one facing it on the RIASEC hexagon;
- graded / graded opposite: what the questionnaire gives someone with a clear taste (5/6 on
  the top letter, 4/6 on the next, 2/6 elsewhere, 1/6 on the sensible job's letter when
  opposite).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

import numpy as np

from tremplin.recommend import Experience, Profile, engine, recommend
from tremplin.recommend.evaluate import LabelledExperience, load_experiences
from tremplin.recommend.index import F32, get_index
from tremplin.recommend.riasec import LETTERS

Blend = Callable[[F32, "F32 | None"], F32]


def additive(coverage: F32, interest: F32 | None) -> F32:
    if interest is None:
        return coverage
    out: F32 = (0.7 * coverage + 0.3 * interest).astype(np.float32)
    return out


def _facing(letter: str) -> str:
    return LETTERS[(LETTERS.index(letter) + 3) % 6]


def riasec_for(mode: str, major: str, minor: str) -> dict[str, float]:
    if mode == "letter":
        return {major: 1.0}
    if mode == "opposite letter":
        return {_facing(major): 1.0}
    graded = {k: 2 / 6 for k in LETTERS}
    if mode == "graded":
        graded[major], graded[minor] = 5 / 6, 4 / 6
        return graded
    top = _facing(major)
    graded[top], graded[LETTERS[(LETTERS.index(top) + 1) % 6]], graded[major] = 5 / 6, 4 / 6, 1 / 6
    return graded


def measure(mode: str, exps: list[LabelledExperience]) -> dict[str, float]:
    jobs = {j.code: j for j in get_index().jobs}
    hits, ranks = [], []
    for e in exps:
        first = jobs[e.jobs[0]]
        major = first.riasec_major or "S"
        minor = first.riasec_minor or LETTERS[(LETTERS.index(major) + 1) % 6]
        riasec = {} if mode == "none" else riasec_for(mode, major, minor)
        codes = [r.code for r in recommend(
            Profile(experiences=(Experience(e.text),), riasec=riasec), 10)]
        found = [n for n, c in enumerate(codes) if c in set(e.jobs)]
        hits.append(bool(found))
        ranks.append(1 / (found[0] + 1) if found else 0.0)
    return {"success_at_10": float(np.mean(hits)), "mrr": float(np.mean(ranks))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    exps = load_experiences()
    kept = engine.blend
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name, blend in (("engine (interest scales coverage)", kept),
                        ("baseline (0.7 coverage + 0.3 interest)", additive)):
        engine.blend = blend
        out[name] = {mode: measure(mode, exps) for mode in
                     ("none", "letter", "opposite letter", "graded", "graded opposite")}
    engine.blend = kept
    if args.json:
        print(json.dumps(out, indent=1))
        return
    print(f"{len(exps)} labelled experiences; success@10 / MRR of the first sensible job")
    for name, modes in out.items():
        print(f"{name}:")
        for mode, v in modes.items():
            print(f"  {mode:16s} {v['success_at_10']:.3f} / {v['mrr']:.3f}")


if __name__ == "__main__":
    main()
