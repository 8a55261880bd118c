"""`tremplin eval recommend`: quality figures on ROME itself and on the labelled experiences.

All sampling uses a fixed seed, so two runs on the same catalog give the same figures.
"""

from __future__ import annotations

import json
import random
import re
import time
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

from tremplin.recommend.engine import rank_all, recommend, score_jobs
from tremplin.recommend.index import RecommendIndex, get_index
from tremplin.recommend.profile import Experience, Profile
from tremplin.recommend.suggest import prepare, suggest_from_index, text_vector
from tremplin.recommend.text import fold

SEED = 20240625
TRANSITION_SAMPLE = 400
LEAVE_HALF_SAMPLE = 400
TOP_MOBILITY = 20
# A counsellor does not credit these from an everyday experience (managing, planning, design).
GENERIC_REJECT = re.compile(
    r"^(superviser|planifier|diriger|manager|recruter|piloter|coordonner|concevoir|elaborer|"
    r"definir|negocier des contrats|analyser les tendances|analyse des tendances)|superviser|"
    r"gestion financiere|encadrer une equipe|former les nouveaux|evaluer (le|les) stage|"
    r"gerer (l'|les|une|un) (equipe|personnel|budget)")


@dataclass(frozen=True, slots=True)
class LabelledExperience:
    id: str
    category: str
    text: str
    feminine: str | None
    accept: tuple[str, ...]
    reject: tuple[str, ...]
    jobs: tuple[str, ...]
    allow_certifications: tuple[str, ...] = ()


def load_experiences() -> list[LabelledExperience]:
    raw = json.loads(resources.files("tremplin.recommend").joinpath("data/experiences.json")
                     .read_text(encoding="utf-8"))
    return [LabelledExperience(e["id"], e["category"], e["text"], e.get("feminine"),
                               tuple(e["accept"]), tuple(e.get("reject", ())), tuple(e["jobs"]),
                               tuple(e.get("allow_certifications", ())))
            for e in raw["experiences"]]


def accepted_items(index: RecommendIndex, exp: LabelledExperience) -> set[int]:
    acc = re.compile("|".join(f"(?:{a})" for a in exp.accept))
    rej = re.compile("|".join(f"(?:{r})" for r in exp.reject)) if exp.reject else None
    certs = re.compile("|".join(exp.allow_certifications)) if exp.allow_certifications else None
    out = set()
    for i, label in enumerate(index.item_label):
        f = fold(label)
        if index.item_kind[i] == "certification" and not (certs and certs.search(f)):
            continue  # a diploma or licence is not something an experience gives
        if acc.search(f) and not (rej and rej.search(f)) and not GENERIC_REJECT.search(f):
            out.add(i)
    return out


def _fiche_profile(index: RecommendIndex, code: str) -> Profile:
    ogrs = sorted(int(index.item_ogr[i]) for i in index.job_items[code])
    return Profile(competences=tuple(ogrs))


def _mobilities(index: RecommendIndex) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for src, dst in index.catalog.query("SELECT job_code, target_code FROM mobilities"):
        out.setdefault(str(src), set()).add(str(dst))
    return out


def baseline_rank(index: RecommendIndex, code: str) -> list[str]:
    """Plain IDF-weighted cosine over item codes (the reference the issue quotes)."""
    items = np.asarray(sorted(index.job_items[code]), dtype=np.int64)
    q = np.zeros(len(index.item_ogr), dtype=np.float32)
    q[items] = index.idf[items]
    dots = np.bincount(index.entry_job, weights=index.idf[index.entry_item] * q[index.entry_item],
                       minlength=len(index.jobs))
    norms = np.sqrt(np.bincount(index.entry_job, weights=index.idf[index.entry_item] ** 2,
                                minlength=len(index.jobs)))
    cos = dots / np.maximum(norms, 1e-9) / max(float(np.linalg.norm(q)), 1e-9)
    order = np.lexsort((np.arange(len(index.jobs)), -cos))
    return [index.jobs[k].code for k in order.tolist() if index.jobs[k].code != code]


def transition_codes(index: RecommendIndex, sample: int | None = TRANSITION_SAMPLE,
                     ) -> list[str]:
    """The fiches the transitions figure is measured on (a seeded sample of those with
    mobilities); the others are the ones parameters may be tuned on."""
    codes = sorted(c for c in _mobilities(index) if c in index.job_items)
    if sample and sample < len(codes):
        codes = sorted(random.Random(SEED).sample(codes, sample))
    return codes


def _top_codes(index: RecommendIndex, values: np.ndarray[Any, Any], skip: int, k: int,
               ) -> set[str]:
    values = values.astype(np.float64)
    values[skip] = -np.inf
    order = np.lexsort((np.arange(len(values)), -values))[:k]
    return {index.jobs[j].code for j in order.tolist()}


def eval_transitions(index: RecommendIndex, sample: int | None = TRANSITION_SAMPLE,
                     codes: list[str] | None = None) -> dict[str, float]:
    mob = _mobilities(index)
    codes = transition_codes(index, sample) if codes is None else codes
    found = plain_found = base_found = total = 0
    for code in codes:
        targets = mob[code] - {code}
        if not targets:
            continue
        a = index.job_pos[code]
        # the fiche's own links are hidden from the career paths: only other fiches' count
        scored = score_jobs(index, _fiche_profile(index, code), hidden=a)
        found += len(targets & _top_codes(index, scored.relevance, a, TOP_MOBILITY))
        bonus = 0.0 if scored.path_bonus is None else scored.path_bonus
        plain = scored.relevance - bonus
        plain_found += len(targets & _top_codes(index, plain, a, TOP_MOBILITY))
        base_found += len(targets & set(baseline_rank(index, code)[:TOP_MOBILITY]))
        total += len(targets)
    return {"mobility_recall_at_20": found / max(total, 1),
            "mobility_recall_at_20_without_paths": plain_found / max(total, 1),
            "baseline_mobility_recall_at_20": base_found / max(total, 1),
            "transition_fiches": float(len(codes))}


def eval_leave_half_out(index: RecommendIndex, sample: int | None = LEAVE_HALF_SAMPLE,
                        ) -> dict[str, float]:
    rng = random.Random(SEED + 1)
    codes = sorted(index.job_items)
    if sample and sample < len(codes):
        codes = sorted(rng.sample(codes, sample))
    hits = n = 0
    for code in codes:
        comps = sorted(int(index.item_ogr[i]) for i in index.job_items[code]
                       if index.item_kind[i] in ("competence", "soft", "macro"))
        if len(comps) < 2:
            continue
        half = sorted(rng.sample(comps, len(comps) // 2))
        ranked = rank_all(index, Profile(competences=tuple(half)))
        hits += ranked[0] == code
        n += 1
    return {"leave_half_out_recall_at_1": hits / max(n, 1), "leave_half_out_fiches": float(n)}


def eval_experiences(index: RecommendIndex) -> dict[str, Any]:
    exps = load_experiences()
    precisions = []
    successes = []
    invariant = []
    per_item: list[dict[str, Any]] = []
    for e in exps:
        acc = accepted_items(index, e)
        sugg = suggest_from_index(index, e.text, 5)
        good = sum(index.pos[s.ogr] in acc for s in sugg)
        precisions.append(good / 5)
        recs = recommend(Profile(experiences=(Experience(e.text),)), 10, index.catalog)
        codes = [r.code for r in recs]
        ok = bool(set(codes) & set(e.jobs))
        successes.append(ok)
        if e.feminine:
            fem = [r.code for r in recommend(Profile(experiences=(Experience(e.feminine),)), 10,
                                             index.catalog)]
            invariant.append(fem == codes)
        per_item.append({"id": e.id, "precision_at_5": good / 5, "job_success": ok,
                         "suggested": [s.label for s in sugg], "top_jobs": codes[:10]})
    return {
        "experience_precision_at_5": float(np.mean(precisions)),
        "experience_job_success_at_10": float(np.mean(successes)),
        "invariance_rate": float(np.mean(invariant)) if invariant else 1.0,
        "experiences": float(len(exps)),
        "invariance_pairs": float(len(invariant)),
        "_details": per_item,
    }


def eval_latency(index: RecommendIndex, runs: int = 40) -> dict[str, float]:
    """recommend() for profiles of 15 competences and 3 experiences."""
    rng = random.Random(SEED + 2)
    exps = [e.text for e in load_experiences()]
    pool = sorted({int(index.item_ogr[i]) for i in index.entry_item.tolist()
                   if index.item_kind[i] == "competence"})
    cold, warm = [], []
    for _ in range(runs):
        comps = tuple(rng.sample(pool, 15))
        texts = rng.sample(exps, 3)
        with_texts = [f"{t} ({rng.randrange(10**6)})" for t in texts]  # never cached before
        profile = Profile(competences=comps, experiences=tuple(Experience(t) for t in with_texts))
        t0 = time.perf_counter()
        recommend(profile, 10, index.catalog)
        cold.append((time.perf_counter() - t0) * 1000)
        for t in with_texts:  # as in the web flow: texts already embedded when suggested
            text_vector(prepare(index, t))
        t0 = time.perf_counter()
        recommend(profile, 10, index.catalog)
        warm.append((time.perf_counter() - t0) * 1000)
    return {"latency_ms_p95": float(np.percentile(warm, 95)),
            "latency_ms_p50": float(np.percentile(warm, 50)),
            "latency_ms_p95_cold": float(np.percentile(cold, 95))}


def run_all(sample: int | None = TRANSITION_SAMPLE, details: bool = False) -> dict[str, Any]:
    index = get_index()
    out: dict[str, Any] = {}
    out.update(eval_transitions(index, sample))
    out.update(eval_experiences(index))
    out.update(eval_leave_half_out(index, sample))
    out.update(eval_latency(index))
    if not details:
        out.pop("_details", None)
    return out
