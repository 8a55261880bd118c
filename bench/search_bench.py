"""Job search benchmark: quality (dev set, typos, gender fairness), latency and memory.

Run: .venv/bin/python bench/search_bench.py [--typos 1500] [--pairs 3000] [--seed 7]
     (--typos 0 / --pairs 0 = every appellation; a few minutes on 2 cores with the defaults)

Prints, in one run:
- ../shared/eval/search_dev.tsv: success@1, success@5, MRR for lexical only, dense only and
  hybrid without any alias table (the two signals and their fusion), then hybrid with the
  French alias table, then the shipped engine (French + other-language tables);
- a seeded synthetic typo set over the appellations (drop / swap / double a letter, accents
  removed, phonetic spellings): success@1 (a sample of --typos appellations, seeded);
- gender fairness: share of "Masculine / Feminine" appellations whose two forms give the
  same top-5 fiches (a seeded sample of --pairs pairs);
- latency p50/p95 of a realistic mix (known titles, aliases, typos, unseen phrasings) on a
  cold answer cache, and separately for never-seen queries (encoder calls); autocomplete p95;
- memory of the loaded index.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import unicodedata
from pathlib import Path

from tremplin.catalog.read import Catalog
from tremplin.config import PROJECT_ROOT, load_settings
from tremplin.search import build_index
from tremplin.search.aliases import load_aliases
from tremplin.search.engine import JobSearch
from tremplin.search.evaluate import evaluate, percentile, read_queries
from tremplin.search.index import load_index
from tremplin.search.normalize import stem_key

DEV = PROJECT_ROOT.parent / "shared" / "eval" / "search_dev.tsv"

PHONETIC = [("ph", "f"), ("qu", "k"), ("eau", "o"), ("au", "o"), ("ss", "s"), ("é", "er"),
            ("er", "é"), ("ien", "iain"), ("ai", "é"), ("ç", "s"), ("ll", "l"), ("tt", "t"),
            ("ffe", "fe"), ("y", "i"), ("ch", "sh"), ("é", "ai")]

# Free phrasings a young person may type, written for this benchmark (not in the index).
UNSEEN = [
    "je veux travailler avec les animaux", "metier avec les enfants", "réparer des voitures",
    "travailler dans un hôpital", "faire des gâteaux", "conduire des camions",
    "aider les personnes âgées", "travail dans la mode", "jeux vidéo", "construire des maisons",
    "soigner les gens", "travailler dehors nature", "vendre des vêtements", "coder des sites",
    "faire de la musique", "métier dans l'informatique sans diplôme", "travailler la nuit",
    "cuisine italienne", "sécurité des magasins", "s'occuper des cheveux",
    "electricity technician", "car mechanic", "hair stylist", "shop assistant",
    "camarero", "peluquera", "mecânico", "cozinheiro", "водій автобуса", "معلم",
]


def noisy(title: str, rng: random.Random) -> str:
    text = title.lower()
    kind = rng.randrange(6)
    letters = [i for i, c in enumerate(text) if c.isalpha()]
    if kind == 0 and len(letters) > 4:  # drop a letter
        i = rng.choice(letters[1:])
        return text[:i] + text[i + 1:]
    if kind == 1 and len(letters) > 4:  # swap two neighbours
        i = rng.choice(letters[1:-1])
        if i + 1 < len(text) and text[i + 1].isalpha():
            return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if kind == 2 and letters:  # double a letter
        i = rng.choice(letters)
        return text[:i] + text[i] + text[i:]
    if kind == 3:  # accents removed
        stripped = "".join(c for c in unicodedata.normalize("NFD", text)
                           if unicodedata.category(c) != "Mn")
        if stripped != text:
            return stripped
    rules = [(a, b) for a, b in PHONETIC if a in text]
    if rules:  # phonetic spelling
        a, b = rng.choice(rules)
        return text.replace(a, b, 1)
    i = rng.choice(letters) if letters else 0
    return text[:i] + text[i + 1:]


def quality(engine: JobSearch, no_alias: JobSearch, fr_alias: JobSearch) -> None:
    items = read_queries(DEV)
    print(f"\n== search_dev ({len(items)} queries: {DEV.relative_to(PROJECT_ROOT.parent)}) ==")
    print(f"{'mode (shipped: last row)':<26}{'s@1':>7}{'s@5':>7}{'MRR':>7}")
    for name, fn in [
        ("lexical only, no alias", lambda q: no_alias.search_uncached(q, 10, mode="lexical")),
        ("dense only, no alias", lambda q: no_alias.search_uncached(q, 10, mode="dense")),
        ("hybrid, no alias", lambda q: no_alias.search_uncached(q, 10)),
        ("hybrid + French aliases", lambda q: fr_alias.search_uncached(q, 10)),
        ("hybrid + all aliases", lambda q: engine.search_uncached(q, 10)),
    ]:
        r = evaluate(items, fn)
        print(f"{name:<26}{r['success_at_1']:>7.3f}{r['success_at_5']:>7.3f}{r['mrr']:>7.3f}")
    r = evaluate(items, lambda q: fr_alias.search_uncached(q, 10), details=True)
    misses = [d for d in r["details"] if d["rank"] != 1]
    missed = "; ".join(f"{d['query']} ({d['kind']}) rank {d['rank']}" for d in misses)
    print("misses at 1 with the French aliases only:", missed)


def typo_set(engine: JobSearch, catalog: Catalog, n: int, seed: int) -> list[tuple[str, set[str]]]:
    rng = random.Random(seed)
    titles = catalog.job_titles()
    by_key: dict[str, set[str]] = {}
    for t in titles:
        for form in (t.masculine, t.feminine):
            by_key.setdefault(stem_key(form), set()).add(t.job_code)
    chosen = titles if n == 0 else rng.sample(titles, min(n, len(titles)))
    out = []
    for t in chosen:
        form = rng.choice([t.masculine, t.feminine])
        query = noisy(form, rng)
        if stem_key(query) == stem_key(form):  # the noise was normalised away: make it harder
            query = noisy(query, rng)
        out.append((query, by_key[stem_key(form)]))
    return out


def typos(engine: JobSearch, no_alias: JobSearch, catalog: Catalog, n: int, seed: int) -> None:
    data = typo_set(engine, catalog, n, seed)
    print(f"\n== synthetic typos (seed {seed}, {len(data)} appellations"
          f"{' = all' if n == 0 else ' sampled'}) ==")
    for name, fn in [
        ("lexical only, no alias", lambda q: no_alias.search_uncached(q, 5, mode="lexical")),
        ("dense only, no alias", lambda q: no_alias.search_uncached(q, 5, mode="dense")),
        ("hybrid, no alias", lambda q: no_alias.search_uncached(q, 5)),
        ("hybrid + all aliases", lambda q: engine.search_uncached(q, 5)),
    ]:
        ok1 = ok5 = 0
        for query, gold in data:
            codes = [h.code for h in fn(query)]
            ok1 += bool(codes and codes[0] in gold)
            ok5 += bool(gold & set(codes))
        print(f"{name:<24} success@1 {ok1 / len(data):.3f}  success@5 {ok5 / len(data):.3f}")
    print("examples:", "; ".join(q for q, _ in data[:8]))


def fairness(engine: JobSearch, catalog: Catalog, n: int, seed: int) -> None:
    pairs = [(t.masculine, t.feminine) for t in catalog.job_titles() if t.masculine != t.feminine]
    sample = pairs if n == 0 else random.Random(seed).sample(pairs, min(n, len(pairs)))
    same = 0
    bad = []
    for m, f in sample:
        a = [h.code for h in engine.search_uncached(m, 5)]
        b = [h.code for h in engine.search_uncached(f, 5)]
        same += a == b
        if a != b and len(bad) < 5:
            bad.append(f"{m} / {f}")
    print(f"\n== gender fairness: {same}/{len(sample)} = {same / len(sample):.4f} of pairs "
          f"({'all' if n == 0 else 'seeded sample'} of {len(pairs)}) give the same top-5 fiches ==")
    if bad:
        print("differing, e.g.:", "; ".join(bad))


def latency(data_dir: Path, catalog: Catalog, seed: int) -> None:
    rng = random.Random(seed + 1)
    engine = JobSearch(load_index(data_dir))  # cold caches
    engine.search_uncached("warm up the encoder")
    titles = catalog.job_titles()
    known = [rng.choice([t.masculine, t.feminine]) for t in rng.sample(titles, 80)]
    aliases = [a.alias for a in rng.sample(load_aliases(), 30)]
    typo_q = [noisy(rng.choice([t.masculine, t.feminine]), rng) for t in rng.sample(titles, 50)]
    mix = known + aliases + typo_q + UNSEEN
    rng.shuffle(mix)
    mix_ms, unseen_ms = [], []
    for q in mix:
        plan_source = engine._plan(q, encode=False).vector_source
        engine._vec_cache.clear()
        t0 = time.perf_counter()
        engine.search(q, 10)
        ms = (time.perf_counter() - t0) * 1000
        mix_ms.append(ms)
        if plan_source != "lookup":
            unseen_ms.append(ms)
    repeat = []
    for q in mix[:100]:
        t0 = time.perf_counter()
        engine.search(q, 10)
        repeat.append((time.perf_counter() - t0) * 1000)
    print(f"\n== latency, in process, 1 thread, cold answer cache ({len(mix)} queries: "
          f"{len(known)} known titles, {len(aliases)} aliases, {len(typo_q)} typos, "
          f"{len(UNSEEN)} unseen phrasings) ==")
    print(f"realistic mix     p50 {percentile(mix_ms, 50):6.1f} ms  p95 {percentile(mix_ms, 95):6.1f} ms")
    print(f"never-seen (n={len(unseen_ms)}) p50 {percentile(unseen_ms, 50):6.1f} ms  "
          f"p95 {percentile(unseen_ms, 95):6.1f} ms  (encoder + scoring)")
    print(f"repeated (LRU)    p50 {percentile(repeat, 50):6.3f} ms  p95 {percentile(repeat, 95):6.3f} ms")
    prefixes = []
    for t in rng.sample(titles, 150):
        text = t.masculine.lower()
        prefixes.append(text[: rng.randint(2, min(10, len(text)))])
        prefixes.append(noisy(text, rng)[: rng.randint(4, 12)])
    engine.autocomplete("warm")
    ac = []
    for p in prefixes:
        t0 = time.perf_counter()
        engine.autocomplete(p, 8)
        ac.append((time.perf_counter() - t0) * 1000)
    print(f"autocomplete (n={len(ac)}, half with a typo) p50 {percentile(ac, 50):.2f} ms  "
          f"p95 {percentile(ac, 95):.2f} ms")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--typos", type=int, default=1500, help="appellations in the typo set (0 = all)")
    ap.add_argument("--pairs", type=int, default=3000, help="gender pairs checked (0 = all)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    settings = load_settings()
    catalog = Catalog(settings.catalog_path)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    path = build_index(settings, catalog)
    t0 = time.perf_counter()
    data = load_index(path)
    engine = JobSearch(data)
    load_s = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"index: {data.meta['entries']} entries, {data.meta['vectors']} vectors, "
          f"{sum(f.stat().st_size for f in path.iterdir()) / 1e6:.1f} MB on disk; loaded in {load_s:.1f} s; "
          f"arrays in memory {engine.memory_bytes / 1e6:.1f} MB; peak RSS growth "
          f"{(rss1 - rss0) / 1024:.0f} MB")
    no_alias = JobSearch(data, use_aliases=False)
    quality(engine, no_alias, JobSearch(data, use_aliases="fr"))
    typos(engine, no_alias, catalog, args.typos, args.seed)
    fairness(engine, catalog, args.pairs, args.seed)
    latency(path, catalog, args.seed)
    return None


if __name__ == "__main__":
    sys.exit(main())
