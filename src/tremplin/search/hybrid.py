"""Hybrid scoring shared by the job search engine and the generic matcher.

For a query q and an indexed text t:

    dense(q, t)   = cosine of the e5 vectors (both in the `query:` form)
    dense'(q, t)  = clip((dense - dense_floor) / (1 - dense_floor), 0, 1)
    lexical(q, t) = TF-IDF cosine of character 3-grams of the gender-neutral keys,
                    raised to phonetic_score when the French phonetic keys are equal
    lexical'(q,t) = clip((lexical - lexical_floor) / (1 - lexical_floor), 0, 1)
    score(q, t)   = dense_weight * dense' + (1 - dense_weight) * lexical'

The lexical floor removes chance trigram overlaps ("mason" / "bassoniste") that would
otherwise outweigh meaning for foreign words.

The weights were measured (bench/search_tune.py) on sets that are not the dev queries:
a seeded typo set over all appellations, ONISEP synonyms matched against ROME titles only,
and gender pairs. Score fusion (not rank fusion) keeps a query with no lexical overlap
(another script, another language) ranked by meaning alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz

from tremplin.search.lexical import NgramIndex
from tremplin.search.normalize import phonetic_key, stem_key

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class Weights:
    # Measured with bench/search_tune.py (typo set + ONISEP->ROME set, not the dev queries):
    # a flat optimum for dense_weight 0.3-0.6; 0.5 / 0.70 / 0.3 is inside it on both sets.
    dense_weight: float = 0.5
    dense_floor: float = 0.70
    phonetic_score: float = 0.9
    lexical_floor: float = 0.3
    fuzzy_min: float = 80.0  # rapidfuzz ratio (0-100) from which a whole-title typo counts
    fuzzy_pool: int = 200  # best candidates re-checked with rapidfuzz

    def combine(self, dense: Floats, lexical: Floats) -> Floats:
        dn = np.clip((dense - self.dense_floor) / (1.0 - self.dense_floor), 0.0, 1.0)
        ln = np.clip((lexical - self.lexical_floor) / (1.0 - self.lexical_floor), 0.0, 1.0)
        out: Floats = (self.dense_weight * dn + (1.0 - self.dense_weight) * ln).astype(np.float32)
        return out


DEFAULT_WEIGHTS = Weights()
SUPPORT_WEIGHT = 0.03


@dataclass(frozen=True, slots=True)
class MeaningBars:
    """How much a hit found by meaning may claim, read on the raw cosine between what the
    person typed and the title the hit quotes (the number /comment/demo gives for that pair).

    Aligned with the demo's verdicts (tremplin.guide.explain_text.VERDICT_THRESHOLDS, a test
    checks it): `same` is the demo's "almost the same meaning" bar and `noise` its "maybe
    related" bar, under which the model shows no clear link. The search splits the demo's
    "maybe related" band at `close`, so that no wording claims more than the demo would.

    With this model nearly every pair of short texts scores 0.75-0.88 (unrelated single words
    against job titles: about 0.80 on average, up to 0.87-0.88 for the closest of 28,000 titles:
    "kebab" / "Imam" 0.861), so the ranking's dense floor (0.70) still gives such pairs half of
    the meaning credit. Measured on short food and trade words (kebab, tacos, pizza, chicha,
    manucure: every meaning-only hit that was not a real match sat at or under 0.888) and on the
    dev set without aliases (its real matches by meaning alone: 0.898-0.914, "teacher" /
    "Maître d'école" the lowest), not tuned on the dev queries' ranks.
    """

    same: float = 0.93   # from here: "almost the same meaning" (the demo's "same")
    close: float = 0.91  # from here: "maybe close in meaning"; below: "resembles loosely"
    noise: float = 0.89  # the demo's "maybe related" bar: under it, with no spelling in
    #                      common, a hit is not shown at all


DEFAULT_BARS = MeaningBars()


@dataclass(frozen=True, slots=True)
class Scores:
    combined: Floats  # per entry
    dense: Floats  # raw cosine per entry (0 when no query vector)
    lexical: Floats  # per entry
    # spelling against the person's own words only (the query, its gender forms and its
    # abbreviations spelled out), not against the title an alias stands for; None: `lexical`
    said_lexical: Floats | None = None


class HybridScorer:
    """Scores every entry against a query. Entries share vectors and keys when texts repeat."""

    def __init__(
        self,
        texts: Sequence[str],
        vectors: Floats,
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> None:
        self.weights = weights
        unique_texts = list(dict.fromkeys(texts))
        text_pos = {t: i for i, t in enumerate(unique_texts)}
        if vectors.shape[0] != len(unique_texts):
            raise ValueError("one vector per distinct text is expected")
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.text_pos = text_pos  # text -> its row in `vectors`
        self.entry_vec: Ints = np.array([text_pos[t] for t in texts], dtype=np.int32)
        keys = [stem_key(t) for t in texts]
        unique_keys = list(dict.fromkeys(keys))
        key_pos = {k: i for i, k in enumerate(unique_keys)}
        self.entry_key: Ints = np.array([key_pos[k] for k in keys], dtype=np.int32)
        self.keys = unique_keys
        self.key_index = key_pos
        self.lexical = NgramIndex(unique_keys)
        # Phonetic keys of the texts as written, the way queries get theirs: a stem key has
        # already lost "ç" (Maçon -> macon), which the phonetic rules read as "ss".
        same_sound: dict[str, set[int]] = {}
        for text, k in zip(texts, keys, strict=True):
            same_sound.setdefault(phonetic_key(text), set()).add(key_pos[k])
        self.phonetic = {p: sorted(ids) for p, ids in same_sound.items()}

    def lexical_scores(self, query: str) -> Floats:
        key = stem_key(query)
        per_key = self.lexical.scores(key)
        same_sound = self.phonetic.get(phonetic_key(query))
        if same_sound:
            idx = np.array(same_sound, dtype=np.int32)
            per_key[idx] = np.maximum(per_key[idx], self.weights.phonetic_score)
        exact = self.key_index.get(key)
        if exact is not None:
            per_key[exact] = 1.0
        return per_key[self.entry_key]

    def refine_fuzzy(self, query: str, combined: Floats, dense: Floats, lexical: Floats,
                     weights: Weights | None = None, has_dense: bool = True,
                     extra: Ints | None = None) -> None:
        """Raise the lexical score of the best candidates by whole-key edit similarity.

        Character trigrams are weak on short words ("plomier" / "plombier" share few of them);
        rapidfuzz's ratio on the stem keys is not, and costs little on a few hundred keys.
        `extra` entries (the alias texts) are always checked. Updates the arrays in place.
        """
        w = weights or self.weights
        n = combined.shape[0]
        pool = min(n, w.fuzzy_pool)
        if pool == 0:
            return
        cand = np.argpartition(-combined, pool - 1)[:pool] if pool < n else np.arange(n)
        if extra is not None and len(extra):
            cand = np.union1d(cand, extra)
        key = stem_key(query)
        for e in cand.tolist():
            ratio = fuzz.ratio(key, self.keys[int(self.entry_key[e])], score_cutoff=w.fuzzy_min)
            if ratio and ratio / 100.0 > lexical[e]:
                lexical[e] = np.float32(ratio / 100.0)
                if has_dense:
                    combined[e] = w.combine(dense[e : e + 1], lexical[e : e + 1])[0]
                else:
                    combined[e] = lexical[e]

    def dense_scores(self, qvec: Floats | None) -> Floats:
        if qvec is None:
            return np.zeros(len(self.entry_vec), dtype=np.float32)
        # einsum runs single-threaded without BLAS: ~1.3 ms here, where a 2-thread BLAS gemv
        # took 8-45 ms whenever other processes held the cores (thread hand-off stalls).
        per_text: Floats = np.einsum("ij,j->i", self.vectors, qvec.astype(np.float32, copy=False))
        out: Floats = per_text[self.entry_vec]
        return out

    def score(self, query: str, qvec: Floats | None, weights: Weights | None = None) -> Scores:
        w = weights or self.weights
        lexical = self.lexical_scores(query)
        dense = self.dense_scores(qvec)
        combined = lexical.copy() if qvec is None else w.combine(dense, lexical)
        self.refine_fuzzy(query, combined, dense, lexical, w, has_dense=qvec is not None)
        return Scores(combined, dense, lexical)

    @property
    def nbytes(self) -> int:
        return int(self.vectors.nbytes + self.entry_vec.nbytes + self.entry_key.nbytes
                   + self.lexical.nbytes)


def top_groups(
    scores: Floats, groups: Ints, k: int, pool: int = 400, support: float = SUPPORT_WEIGHT
) -> list[tuple[int, int, float]]:
    """Best k groups: (group, best entry, group score), best first.

    A group's score is its best entry's score plus `support` times the mean of its next two
    best entries (within the candidate pool): a fiche that several titles point at wins a
    tie against a fiche with one stray title ("Journaliste" in the writers' fiche).
    """
    n = scores.shape[0]
    if n == 0 or k <= 0:
        return []
    pool = min(n, max(pool, 8 * k))
    cand = np.argpartition(-scores, pool - 1)[:pool] if pool < n else np.arange(n)
    cand = cand[np.argsort(-scores[cand], kind="stable")]
    best: dict[int, list[tuple[int, float]]] = {}
    for e in cand.tolist():
        g = int(groups[e])
        got = best.setdefault(g, [])
        if len(got) < 3:
            got.append((e, float(scores[e])))
    ranked = []
    for g, got in best.items():
        rest = [s for _, s in got[1:]]
        bonus = support * (sum(rest) / 2.0) if rest else 0.0
        ranked.append((got[0][1] + bonus, got[0][1], g, got[0][0]))
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2]))
    return [(g, e, score) for score, _, g, e in ranked[:k]]
