"""How far can content similarity go on ROME career transitions? (an analysis, not a target)

Run: .venv/bin/python bench/mobility_ceiling.py        # about 2 minutes on 2 cores

`tremplin eval recommend` measures mobility_recall@20: from a fiche's full items, the share
of its expert-chosen ROME mobilities found in the 20 best other fiches, the mobility links
themselves being excluded from scoring. This script asks what any fiche-to-fiche similarity
built from the open data could reach, so that the gap to the target is understood:

1. every signal alone, computed for all 1,584 fiches (item IDF cosine overall and per kind,
   macro-competence groups, mean item vectors, mean job-title vectors, shared sectors, NAF
   codes, themes, interest centres, ONISEP métiers and trainings, same domain, same ROME v3
   parent, RIASEC agreement);
2. a logistic regression over all of them, trained on half of the fiches' mobility links
   and scored on the other half (2 folds, seeded): the best linear mix of the signals;
3. the same plus a "hub" prior: how often each fiche is a mobility target in the training
   half (K2111 Formateur is one for 423 fiches) — mobility data leaking into scoring, shown
   only as an upper bound of what the structure of the links adds.
"""

from __future__ import annotations

import numpy as np

from tremplin.recommend.evaluate import _mobilities
from tremplin.recommend.index import RecommendIndex, get_index

TOP = 20
SEED = 1
Matrix = np.ndarray


def cosine(m: Matrix) -> Matrix:
    m = m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
    out: Matrix = (m @ m.T).astype(np.float32)
    return out


def membership(index: RecommendIndex, sql: str) -> Matrix:
    rows = index.catalog.query(sql)
    keys = {k: n for n, k in enumerate(sorted({str(r[0]) for r in rows}))}
    m = np.zeros((len(index.jobs), len(keys)), np.float32)
    for key, code in rows:
        if str(code) in index.job_pos:
            m[index.job_pos[str(code)], keys[str(key)]] = 1.0
    return cosine(m)


def same(values: list[object]) -> Matrix:
    v = np.asarray(values, dtype=object)
    out: Matrix = (v[:, None] == v[None, :]).astype(np.float32)
    return out


def signals(index: RecommendIndex) -> dict[str, Matrix]:
    n_jobs, n_items = len(index.jobs), len(index.item_ogr)
    has = np.zeros((n_jobs, n_items), np.float32)
    has[index.entry_job, index.entry_item] = 1.0
    weighted = has * index.idf[None, :]
    kinds = np.asarray(index.item_kind)
    out = {"items idf cosine (the baseline)": cosine(weighted)}
    for kind in ("competence", "macro", "knowledge", "certification", "context"):
        out[f"items idf cosine: {kind}"] = cosine(weighted * (kinds == kind)[None, :])
    groups = np.zeros((n_jobs, n_items), np.float32)
    for j, i in zip(index.entry_job.tolist(), index.entry_item.tolist(), strict=True):
        if index.item_group[i] >= 0:
            groups[j, index.item_group[i]] += index.idf[i]
    out["macro-competence groups"] = cosine(groups)
    out["mean item vector"] = cosine(has @ index.vectors)
    titles = np.zeros((n_jobs, index.vectors.shape[1]), np.float32)
    np.add.at(titles, index.title_job, index.title_vectors)
    out["mean job-title vector"] = cosine(titles)
    out["sectors"] = membership(index, "SELECT sector_code, job_code FROM job_sectors")
    out["NAF codes"] = membership(index, "SELECT naf_code, job_code FROM job_naf_sectors")
    out["themes"] = membership(index, "SELECT theme_code, job_code FROM job_themes")
    out["interest centres"] = membership(index, "SELECT centre_code, job_code FROM job_interest_centres")
    out["ONISEP métiers"] = membership(index, "SELECT onisep_id, job_code FROM onisep_job_links")
    out["ONISEP trainings"] = membership(
        index, "SELECT tj.training_id, l.job_code FROM onisep_job_links l "
               "JOIN training_onisep_jobs tj ON tj.onisep_id = l.onisep_id")
    parents = {str(c): p for c, p in index.catalog.query("SELECT code, parent_code_v3 FROM jobs")}
    out["same domain"] = same([j.domain_code for j in index.jobs])
    out["same grand domain"] = same([j.grand_domain for j in index.jobs])
    out["same ROME v3 parent"] = same([parents.get(j.code) or object() for j in index.jobs])
    out["same RIASEC major"] = same([j.riasec_major for j in index.jobs])
    return out


def recall(score: Matrix, sources: list[int], targets: dict[int, set[int]]) -> float:
    found = total = 0
    for a in sources:
        row = score[a].copy()
        row[a] = -np.inf
        top = set(np.argpartition(-row, TOP)[:TOP].tolist())
        found += len(targets[a] & top)
        total += len(targets[a])
    return found / max(total, 1)


def fit_logistic(x: Matrix, y: Matrix, l2: float = 1e-3, steps: int = 25) -> Matrix:
    """Newton steps on standardised features (with a bias column); returns raw-scale weights."""
    mu, sd = x.mean(0), x.std(0) + 1e-6
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) / len(y) + l2 * w
        hess = (z * (p * (1 - p))[:, None]).T @ z / len(y) + l2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    out: Matrix = w[:-1] / sd
    return out


def training_pairs(stack: Matrix, sources: list[int], targets: dict[int, set[int]],
                   rng: np.random.Generator) -> tuple[Matrix, Matrix]:
    xs, ys = [], []
    n = stack.shape[0]
    for a in sources:
        hard = np.argsort(-stack[a, :, 0])[:150]  # the baseline's nearest: hard negatives
        cand = sorted((set(hard.tolist()) | set(rng.choice(n, 150).tolist()) | targets[a]) - {a})
        xs.append(stack[a, cand])
        ys.append(np.isin(cand, sorted(targets[a])).astype(np.float64))
    return np.vstack(xs), np.concatenate(ys)


def main() -> None:
    index = get_index()
    mob = _mobilities(index)
    sources = [k for k, j in enumerate(index.jobs) if j.code in mob]
    targets = {a: {index.job_pos[c] for c in mob[index.jobs[a].code]
                   if c in index.job_pos and c != index.jobs[a].code} for a in sources}
    feats = signals(index)
    print(f"{len(sources)} fiches, {sum(map(len, targets.values()))} mobility links; "
          f"recall@{TOP} of each signal alone (all fiches):")
    for name, m in feats.items():
        print(f"  {name:34s} {recall(m, sources, targets):.4f}")
    stack = np.stack(list(feats.values()), axis=-1)
    rng = np.random.default_rng(SEED)
    order = rng.permutation(sources).tolist()
    folds = [order[: len(order) // 2], order[len(order) // 2:]]
    results: dict[str, list[float]] = {"logistic mix of every signal": [], "... + hub prior": []}
    for k in (0, 1):
        train, test = folds[k], folds[1 - k]
        x, y = training_pairs(stack, train, targets, rng)
        w = fit_logistic(x, y)
        mixed = stack @ w
        results["logistic mix of every signal"].append(recall(mixed, test, targets))
        indegree = np.zeros(len(index.jobs))
        for a in train:
            for b in targets[a]:
                indegree[b] += 1
        hubs = np.log1p(indegree)[None, :]
        scale = float(np.std(mixed))
        results["... + hub prior"].append(max(recall(mixed + s * scale * hubs, test, targets)
                                             for s in (0.1, 0.2, 0.4)))
    print("held-out (2 folds over the fiches, trained on one half's links, scored on the other):")
    for name, values in results.items():
        print(f"  {name:34s} {np.mean(values):.4f}  (folds: {', '.join(f'{v:.4f}' for v in values)})")
    print("The hub prior uses mobility links (of other fiches) and its scale is picked on the "
          "test half: an upper bound, not a method.")


if __name__ == "__main__":
    main()
