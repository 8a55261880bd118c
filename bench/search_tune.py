"""Measure the hybrid weights on sets that are not the dev queries.

Run: .venv/bin/python bench/search_tune.py [--typos 400] [--seed 11]

Sets: (a) seeded synthetic typos over the appellations (bench/search_bench.py noise model,
another seed); (b) ONISEP métier names and synonyms searched with the ONISEP entries of the
index switched off (label-to-label matching: gold = the fiches ONISEP links them to), a
proxy for unseen phrasings. Prints success@1 and MRR@10 for a grid of (dense_weight,
dense_floor); dense_weight 1.0 is meaning only, 0.0 spelling only.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from search_bench import typo_set
from tremplin.catalog.read import Catalog
from tremplin.config import load_settings
from tremplin.embeddings import encode_cached
from tremplin.search import build_index
from tremplin.search.engine import JobSearch
from tremplin.search.hybrid import Weights, top_groups
from tremplin.search.index import load_index


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--typos", type=int, default=400)
    ap.add_argument("--onisep", type=int, default=600)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    settings = load_settings()
    catalog = Catalog(settings.catalog_path)
    engine = JobSearch(load_index(build_index(settings, catalog)))
    sets: dict[str, list[tuple[str, set[str]]]] = {}
    sets["typos"] = typo_set(engine, catalog, args.typos, args.seed)
    onisep = sorted({(e.text, e.code) for e in engine.entries if e.source.startswith("onisep")})
    gold: dict[str, set[str]] = {}
    for text, code in onisep:
        gold.setdefault(text, set()).add(code)
    names = sorted(gold)
    names = random.Random(args.seed).sample(names, min(args.onisep, len(names)))
    sets["onisep->rome"] = [(n, gold[n]) for n in names]
    mask = np.array([0.0 if e.source.startswith("onisep") else 1.0 for e in engine.entries],
                    dtype=np.float32)
    grid = [(w, f, lf) for w in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 1.0) for f in (0.7, 0.75)
            for lf in (0.0, 0.2, 0.3, 0.4)]
    for name, data in sets.items():
        queries = [q for q, _ in data]
        vecs = encode_cached(queries, settings.cache_dir)
        pre = []
        for (q, _), v in zip(data, vecs, strict=True):
            plan = engine._plan(q, encode=False)
            plan.alias_entries = []
            lexical = engine.scorer.lexical_scores(q)
            for t in plan.lexical_texts[1:]:
                lexical = np.maximum(lexical, engine.scorer.lexical_scores(t))
            pre.append((engine.scorer.dense_scores(v), lexical))
        print(f"\n== {name} ({len(data)} queries) ==")
        for w, f, lf in grid:
            wt = Weights(w, f, lexical_floor=lf)
            s1 = mrr = 0.0
            for (dense, lexical), (_, g) in zip(pre, data, strict=True):
                combined = wt.combine(dense, lexical) * engine.priors
                if name.startswith("onisep"):
                    combined = combined * mask
                codes = [engine.codes[c] for c, _, _ in top_groups(combined.astype(np.float32),
                                                                   engine.groups, 10)]
                rank = next((i for i, c in enumerate(codes, 1) if c in g), None)
                s1 += rank == 1
                mrr += 1 / rank if rank else 0
            print(f"dense_weight {w:.1f} floor {f:.2f} lexical_floor {lf:.1f}: "
                  f"success@1 {s1 / len(data):.3f}  MRR {mrr / len(data):.3f}")


if __name__ == "__main__":
    main()
