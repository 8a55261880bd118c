"""Label-to-label matching through `tremplin match`, against a plain character TF-IDF.

Run: .venv/bin/python bench/match_bench.py [--sample 1500] [--seed 5]

Partners use `tremplin match` to map their own job titles onto a referential. This measures
that path on two label-to-label sets built from the catalog, with the gold answers the data
itself gives:

- rome-synonyms: ROME appellations that are not the fiche's principal one ("Mitron",
  "Chef de partie tournant") matched against the 1,584 principal appellations only; gold =
  the fiche the appellation belongs to. Never used to tune anything.
- onisep->rome: ONISEP métier names and synonyms matched against every ROME appellation;
  gold = the fiches ONISEP links the métier to. A sample of these names was used to choose
  the hybrid weights (bench/search_tune.py), so read this one as a tuning-set figure.

For each set, in the same run: `tremplin match` itself (a subprocess on TSV files, the CLI an
integrator runs; its output is parsed back), then in process the raw model alone (dense
only), our lexical signal alone, and a plain character TF-IDF (char_wb 2-4-grams, smoothed
IDF, L2, cosine) written here as the baseline. Reports MAP@10, success@1, success@5.
"""

from __future__ import annotations

import argparse
import math
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from tremplin.catalog.read import Catalog
from tremplin.config import load_settings
from tremplin.search.hybrid import Weights
from tremplin.search.matcher import Matcher

ROOT = Path(__file__).resolve().parents[1]
TOP = 10
LabelSet = tuple[list[tuple[str, str]], list[tuple[str, str]], dict[str, set[str]]]


def rome_synonyms(catalog: Catalog, sample: int, seed: int) -> LabelSet:
    rows = catalog.query("SELECT ogr, job_code, masculine, is_principal FROM job_titles")
    corpus = [(str(code), str(label)) for _, code, label, principal in rows if principal]
    others = sorted((str(ogr), str(code), str(label)) for ogr, code, label, principal in rows
                    if not principal)
    picked = random.Random(seed).sample(others, min(sample, len(others)))
    queries = [(f"a{ogr}", label) for ogr, _, label in picked]
    gold = {f"a{ogr}": {code} for ogr, code, _ in picked}
    return corpus, queries, gold


def onisep_to_rome(catalog: Catalog, sample: int, seed: int) -> LabelSet:
    corpus = [(str(code), str(label)) for code, label in
              catalog.query("SELECT job_code, masculine FROM job_titles")]
    links: dict[str, set[str]] = defaultdict(set)
    for oid, code in catalog.query("SELECT onisep_id, job_code FROM onisep_job_links"):
        links[str(oid)].add(str(code))
    names = catalog.query("SELECT id, masculine FROM onisep_jobs UNION "
                          "SELECT onisep_id, masculine FROM onisep_synonyms")
    by_label: dict[str, set[str]] = defaultdict(set)
    for oid, label in names:
        if str(oid) in links and str(label).strip():
            by_label[str(label).strip()] |= links[str(oid)]
    labels = random.Random(seed).sample(sorted(by_label), min(sample, len(by_label)))
    queries = [(f"o{n}", label) for n, label in enumerate(labels)]
    gold = {f"o{n}": by_label[label] for n, label in enumerate(labels)}
    return corpus, queries, gold


# --- plain character TF-IDF (the baseline) ------------------------------------------------

def char_ngrams(text: str) -> Counter[str]:
    grams: Counter[str] = Counter()
    for word in text.lower().split():
        padded = f" {word} "
        for n in (2, 3, 4):
            grams.update(padded[i:i + n] for i in range(len(padded) - n + 1))
    return grams


class CharTfidf:
    def __init__(self, labels: Sequence[str]) -> None:
        docs = [char_ngrams(label) for label in labels]
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        n = len(docs)
        self.idf = {g: math.log((1 + n) / (1 + c)) + 1.0 for g, c in df.items()}
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for k, d in enumerate(docs):
            w = {g: tf * self.idf[g] for g, tf in d.items()}
            norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
            for g, v in w.items():
                postings[g].append((k, v / norm))
        self.postings = {g: (np.array([k for k, _ in p]), np.array([v for _, v in p]))
                         for g, p in postings.items()}
        self.size = n

    def scores(self, query: str) -> np.ndarray:
        q = {g: tf * self.idf[g] for g, tf in char_ngrams(query).items() if g in self.idf}
        norm = math.sqrt(sum(v * v for v in q.values())) or 1.0
        out = np.zeros(self.size)
        for g, v in q.items():
            docs, weights = self.postings[g]
            out[docs] += weights * (v / norm)
        return out


def ranked_ids(scores: np.ndarray, ids: Sequence[str], k: int) -> list[str]:
    out: list[str] = []
    for i in np.argsort(-scores, kind="stable"):
        if ids[i] not in out:
            out.append(ids[i])
            if len(out) == k:
                break
    return out


# --- metrics --------------------------------------------------------------------------------

def metrics(ranked: dict[str, list[str]], gold: dict[str, set[str]]) -> dict[str, float]:
    ap = s1 = s5 = 0.0
    for qid, relevant in gold.items():
        hits = ranked.get(qid, [])[:TOP]
        found, precision_sum = 0, 0.0
        for rank, cid in enumerate(hits, 1):
            if cid in relevant:
                found += 1
                precision_sum += found / rank
        ap += precision_sum / min(len(relevant), TOP)
        s1 += bool(hits[:1]) and hits[0] in relevant
        s5 += any(c in relevant for c in hits[:5])
    n = len(gold)
    return {"map": ap / n, "s1": s1 / n, "s5": s5 / n}


def run_cli(corpus: list[tuple[str, str]], queries: list[tuple[str, str]],
            ) -> tuple[dict[str, list[str]], float]:
    with tempfile.TemporaryDirectory() as tmp:
        cpath, qpath = Path(tmp, "corpus.tsv"), Path(tmp, "queries.tsv")
        cpath.write_text("".join(f"{i}\t{label}\n" for i, label in corpus), encoding="utf-8")
        qpath.write_text("".join(f"{i}\t{label}\n" for i, label in queries), encoding="utf-8")
        t0 = time.perf_counter()
        cli = Path(sys.executable).with_name("tremplin")  # the console script of this venv
        out = subprocess.run([str(cli), "match", "--corpus", str(cpath),
                              "--queries", str(qpath), "--top", str(TOP)],
                             capture_output=True, text=True, check=True, cwd=ROOT)
        seconds = time.perf_counter() - t0
    ranked: dict[str, list[str]] = defaultdict(list)
    for line in out.stdout.splitlines():
        qid, cid, _rank, _score = line.split("\t")
        ranked[qid].append(cid)
    return ranked, seconds


def in_process(corpus: list[tuple[str, str]], queries: list[tuple[str, str]],
               weights: Weights) -> dict[str, list[str]]:
    matcher = Matcher.from_labels([i for i, _ in corpus], [label for _, label in corpus],
                                  weights=weights)
    results = matcher.search_many([label for _, label in queries], TOP)
    return {qid: [h.id for h in hits] for (qid, _), hits in zip(queries, results, strict=True)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", type=int, default=1500, help="queries per set")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    catalog = Catalog(load_settings().catalog_path)
    sets = {"rome-synonyms": rome_synonyms(catalog, args.sample, args.seed),
            "onisep->rome": onisep_to_rome(catalog, args.sample, args.seed)}
    for name, (corpus, queries, gold) in sets.items():
        print(f"\n== {name}: {len(queries)} queries against {len(corpus)} labels "
              f"({len({i for i, _ in corpus})} ids) ==")
        print(f"{'method':34s} {'MAP@10':>7s} {'s@1':>6s} {'s@5':>6s}")
        cli, seconds = run_cli(corpus, queries)  # first, so that it pays for new encodings
        tfidf = CharTfidf([label for _, label in corpus])
        ids = [i for i, _ in corpus]
        rows = {
            "plain char TF-IDF (baseline)": {qid: ranked_ids(tfidf.scores(label), ids, TOP)
                                             for qid, label in queries},
            "raw model alone (dense only)": in_process(corpus, queries, Weights(dense_weight=1.0)),
            "our lexical signal alone": in_process(corpus, queries, Weights(dense_weight=0.0)),
            "tremplin match (hybrid, the CLI)": cli,
        }
        for method, ranked in rows.items():
            m = metrics(ranked, gold)
            print(f"{method:34s} {m['map']:7.3f} {m['s1']:6.3f} {m['s5']:6.3f}")
        print(f"tremplin match wall time {seconds:.1f} s for {len(queries)} queries "
              "(process start, corpus vectors from the user cache, new queries encoded)")


if __name__ == "__main__":
    main()
