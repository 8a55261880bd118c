"""The job search engine: query -> ROME fiches, each with the best title in the user's form.

Order of work for one query (see docs/search.md):
1. validate (QueryError), then an LRU cache of recent answers;
2. alias table: a whole-query alias puts its fiche first (reason 'alias');
3. known text (any indexed title, alias or ONISEP name, any gender): the stored vectors
   stand in for the encoder, so known titles are answered without encoding;
4. otherwise abbreviations are expanded ("prof", "educ", "mecano", "auto"...) and the query
   is encoded once (about 10 ms), then scored by HybridScorer (dense + lexical).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz.distance import OSA

from tremplin.config import Settings, load_settings
from tremplin.embeddings import encode_query, encode_query_async
from tremplin.search.aliases import I18N_MARK
from tremplin.search.corpus import Entry
from tremplin.search.hybrid import (
    DEFAULT_BARS,
    DEFAULT_WEIGHTS,
    Floats,
    HybridScorer,
    MeaningBars,
    Scores,
    Weights,
    top_groups,
)
from tremplin.search.index import IndexData, load_index, search_index_dir
from tremplin.search.normalize import (
    fold,
    looks_feminine,
    phonetic_key,
    stem_key,
    validate_query,
)

# Why a hit is there. By meaning alone, from the strongest claim to the weakest (MeaningBars):
# similar_meaning ("means almost the same"), related_meaning ("close in meaning"),
# loose_meaning ("resembles loosely"). A hit with neither spelling in common nor a meaning
# above MeaningBars.noise is not returned at all.
REASONS = ("exact", "close_spelling", "similar_meaning", "related_meaning", "loose_meaning",
           "alias")
MEANING_REASONS = ("similar_meaning", "related_meaning", "loose_meaning")
MIN_JUDGED_CHARS = 3  # shorter queries share no character 3-gram with any title

# Word-level short forms expanded before encoding (whole-query forms live in aliases.tsv).
ABBREVIATIONS: dict[str, str] = {
    "prof": "professeur", "profs": "professeur", "educ": "éducateur", "spe": "spécialisé",
    "mecano": "mécanicien", "meca": "mécanicien", "auto": "automobile", "autos": "automobile",
    "tech": "technicien", "techn": "technicien", "resp": "responsable", "assist": "assistant",
    "asst": "assistant", "agt": "agent", "dev": "développeur", "devs": "développeur",
    "info": "informatique", "admin": "administrateur", "pro": "professionnel",
    "bat": "bâtiment", "maths": "mathématiques", "math": "mathématiques", "secu": "sécurité",
    "elec": "électricien", "inge": "ingénieur", "ing": "ingénieur", "compta": "comptable",
    "kine": "kinésithérapeute", "psy": "psychologue", "infi": "infirmier",
    "anim": "animateur", "commerc": "commercial", "hopital": "hôpital", "resto": "restaurant",
    "appro": "approvisionnement", "logist": "logistique", "pl": "poids lourd",
    "rh": "ressources humaines", "ss": "sans", "ds": "dans", "ac": "avec", "pr": "pour",
}


@dataclass(frozen=True, slots=True)
class SearchHit:
    code: str  # ROME fiche
    title: str  # best-matching title, in the user's gender form
    job_label: str  # the fiche's label as published
    score: float  # 0..1
    reason: str  # one of REASONS
    matched_text: str  # the indexed text that matched best
    lexical_score: float
    dense_score: float
    ogr: int = 0  # appellation of `title` when it is one
    source: str = ""  # 'appellation' | 'fiche' | 'onisep' | 'onisep_synonym' | 'alias'

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class Suggestion:
    label: str
    code: str
    ogr: int = 0
    kind: str = "prefix"  # 'prefix' | 'word' | 'typo' | 'alias'

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class NearTitle:
    """One indexed text and how it scored. `dense` and `lexical` are the two halves of the
    score, each on 0..1 (the model's cosine mapped from its floor to 1, the spelling score
    above its floor), so that `combined` = prior x (dense_weight x dense + lexical_weight x
    lexical); an alias that the whole query names counts 1. `cosine` and `spelling` are the
    raw signals; `shown`: whether such a match would be returned as a hit."""

    text: str
    code: str
    source: str
    dense: float
    lexical: float
    combined: float
    cosine: float = 0.0
    spelling: float = 0.0
    shown: bool = True


@dataclass(frozen=True, slots=True)
class SearchExplanation:
    query: str
    folded: str
    key: str
    phonetic: str
    expanded: str  # query after abbreviation expansion ('' when unchanged)
    gender: str  # 'f' or 'm': form used for displayed titles
    vector_source: str  # 'lookup' (known title, no encoder), 'encoder', 'cache'
    aliases: list[str]  # alias rows used ('alias -> code (note)')
    dense_weight: float
    lexical_weight: float
    dense_share: float  # share of the top hit's score that came from meaning
    lexical_share: float
    nearest: list[NearTitle] = field(default_factory=list)
    hits: list[SearchHit] = field(default_factory=list)
    nothing_close: bool = False  # no title is close enough to be returned

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        out["nearest"] = [_slots(n) for n in self.nearest]
        out["hits"] = [h.to_dict() for h in self.hits]
        return out


def _slots(obj: Any) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in obj.__dataclass_fields__}


@dataclass(slots=True)
class _Plan:
    query: str
    key: str
    expanded: str
    gender: str
    alias_entries: list[int]
    qvec: Floats | None
    vector_source: str
    lexical_texts: list[str]


def expand_abbreviations(text: str) -> str:
    words = fold(text).split()
    out = [ABBREVIATIONS.get(w, w) for w in words]
    return " ".join(out) if out != words else ""


class JobSearch:
    """Loaded index + scorer. Thread-safe; answers are cached in a bounded LRU."""

    def __init__(self, data: IndexData, weights: Weights = DEFAULT_WEIGHTS,
                 cache_size: int = 4096, use_aliases: bool | str = True,
                 bars: MeaningBars = DEFAULT_BARS) -> None:
        """use_aliases: True (all), False (none) or "fr" (French table only): measurement."""
        self.data = data
        self.bars = bars
        self.entries: list[Entry] = data.entries
        self.priors = data.priors.copy()
        if use_aliases is not True:  # measurement: alias tables switched off
            off = [i for i, e in enumerate(data.entries) if e.source == "alias"
                   and (not use_aliases or e.note.startswith(I18N_MARK))]
            self.priors[off] = 0.0
        # Alias texts are short slang: matched whole or by spelling, never by meaning (their
        # vectors drew foreign words such as "teacher" to "prof de muscu").
        self.dense_mask = np.array([0.0 if e.source == "alias" else 1.0 for e in self.entries],
                                   dtype=np.float32)
        self.weights = weights
        texts = [e.text for e in self.entries]
        self.scorer = HybridScorer(texts, data.vectors, weights)
        self.codes = sorted({e.code for e in self.entries})
        pos = {c: i for i, c in enumerate(self.codes)}
        self.groups = np.array([pos[e.code] for e in self.entries], dtype=np.int32)
        self.key_entries: dict[str, list[int]] = {}
        self.alias_entries: dict[str, list[int]] = {}
        for i, e in enumerate(self.entries):
            k = self.scorer.keys[int(self.scorer.entry_key[i])]
            self.key_entries.setdefault(k, []).append(i)
            if e.source == "alias" and self.priors[i] > 0:
                self.alias_entries.setdefault(k, []).append(i)
        self.alias_ids = np.array([i for ids in self.alias_entries.values() for i in ids],
                                  dtype=np.int32)
        # Forms of one item (appellation, fiche, ONISEP name) are siblings: searching either
        # gender of a known title gives the same ranking.
        items: dict[tuple[str, str, int, str], set[str]] = {}
        for i, e in enumerate(self.entries):
            if e.source == "alias":
                continue
            items.setdefault((e.source, e.code, e.ogr, e.note), set()).add(
                self.scorer.keys[int(self.scorer.entry_key[i])])
        # Keys linked through any item form one group (union-find), so the relation is
        # symmetric: "Hôtesse de l'air" and "Steward de l'air" see the same set.
        parent: dict[str, str] = {}

        def find(k: str) -> str:
            while parent.get(k, k) != k:
                parent[k] = parent.get(parent[k], parent[k])
                k = parent[k]
            return k

        for keys in items.values():
            first, *rest = sorted(keys)
            for k in rest:
                a, b = find(first), find(k)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        groups: dict[str, set[str]] = {}
        for k in parent:
            groups.setdefault(find(k), set()).add(k)
        self.siblings: dict[str, set[str]] = {}
        for members in groups.values():
            members.add(find(next(iter(members))))
            for k in members:
                self.siblings[k] = members
        self.onisep_forms: dict[str, tuple[str, str]] = {}
        for e in self.entries:
            if e.source.startswith("onisep"):
                m, f = self.onisep_forms.get(e.note + e.source + e.code, ("", ""))
                if e.gender in ("m", "n"):
                    m = m or e.text
                if e.gender in ("f", "n"):
                    f = f or e.text
                self.onisep_forms[e.note + e.source + e.code] = (m, f)
        self._one_edit = _one_edit_index(
            k for k, ids in self.key_entries.items() if any(self.priors[i] > 0 for i in ids))
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, int], list[SearchHit]] = OrderedDict()
        self._vec_cache: OrderedDict[str, Floats] = OrderedDict()
        self.cache_size = cache_size
        self._autocomplete: Any = None
        self._autocomplete_lock = threading.Lock()

    # --- planning -------------------------------------------------------------------
    def _known_vector(self, key: str) -> Floats | None:
        keys = self.siblings.get(key, {key})
        ids = [i for k in keys for i in self.key_entries.get(k, [])]
        if not ids:
            return None
        vec_ids = np.unique(self.scorer.entry_vec[ids])
        v = self.scorer.vectors[vec_ids].mean(axis=0)
        out: Floats = (v / (np.linalg.norm(v) or 1.0)).astype(np.float32)
        return out

    def _encode(self, text: str) -> tuple[Floats, str]:
        hit = self._kept_vector(text)
        if hit is not None:
            return hit, "cache"
        vec = encode_query(text)
        self._keep_vector(text, vec)
        return vec, "encoder"

    async def _encode_async(self, text: str) -> tuple[Floats, str]:
        """_encode for an event loop: the loop serves other requests while the encoder works."""
        hit = self._kept_vector(text)
        if hit is not None:
            return hit, "cache"
        vec = await encode_query_async(text)
        self._keep_vector(text, vec)
        return vec, "encoder"

    def _kept_vector(self, text: str) -> Floats | None:
        with self._lock:
            hit = self._vec_cache.get(text)
            if hit is not None:
                self._vec_cache.move_to_end(text)
            return hit

    def _keep_vector(self, text: str, vector: Floats) -> None:
        with self._lock:
            self._vec_cache[text] = vector
            while len(self._vec_cache) > self.cache_size:
                self._vec_cache.popitem(last=False)

    def _gender(self, query: str, key: str) -> str:
        folded = fold(query)
        for k in self.siblings.get(key, {key}):
            for i in self.key_entries.get(k, []):
                e = self.entries[i]
                if fold(e.text) == folded and e.gender in ("m", "f"):
                    return e.gender
        return "f" if looks_feminine(query) else "m"

    def _plan(self, query: str, encode: bool = True, typo_lookup: bool = True) -> _Plan:
        key = stem_key(query)
        gender = self._gender(query, key)
        # an alias also answers the other gender form of the same title
        sib = sorted(self.siblings.get(key, {key}))
        alias_ids = [i for k in sib for i in self.alias_entries.get(k, [])]
        expanded = ""
        if alias_ids:
            target = self.entries[alias_ids[0]]
            tkey = self._target_key(target)
            qvec = self._known_vector(tkey) if tkey else self._known_vector(key)
            lexical_texts = sib + ([tkey] if tkey else [])
            return _Plan(query, key, "", gender, alias_ids, qvec, "lookup", lexical_texts)
        known = any(self.priors[i] > 0 for i in self.key_entries.get(key, []))
        if known:
            sib = sorted(self.siblings.get(key, {key}))
            return _Plan(query, key, "", gender, [], self._known_vector(key), "lookup", sib)
        expanded = expand_abbreviations(query)
        text = expanded or query
        ekey = stem_key(expanded) if expanded else ""
        if ekey and ekey in self.key_entries:
            sib = sorted(self.siblings.get(ekey, {ekey}))
            return _Plan(query, key, expanded, gender, [], self._known_vector(ekey), "lookup",
                         [query, *sib])
        near = self._one_typo_away(ekey or key) if typo_lookup else ""
        if near:
            # One slip of the keyboard from exactly one known title: its stored vector stands
            # in for the encoder's (the lexical signal still scores the text as typed).
            return _Plan(query, key, expanded, gender, [], self._known_vector(near), "lookup",
                         [query, expanded] if expanded else [query])
        qvec, source = self._encode(text) if encode else (None, "none")
        lexical_texts = [query, expanded] if expanded else [query]
        return _Plan(query, key, expanded, gender, [], qvec, source, lexical_texts)

    def _one_typo_away(self, key: str) -> str:
        """The single known key one edit (drop, add, swap or change a letter) from `key`."""
        if len(key) < MIN_TYPO_KEY:
            return ""
        found: set[str] = set()
        for variant in _deletions(key) | {key}:
            found |= self._one_edit.get(variant, set())
        found = {k for k in found if k != key and _within_one_edit(k, key)}
        return found.pop() if len(found) == 1 else ""

    def _target_key(self, alias_entry: Entry) -> str:
        if alias_entry.ogr and alias_entry.ogr in self.data.titles:
            return stem_key(self.data.titles[alias_entry.ogr][1])
        fiche = self.data.fiches.get(alias_entry.code)
        return stem_key(fiche[1]) if fiche else ""

    def _scores(self, plan: _Plan, weights: Weights | None = None) -> Scores:
        w = weights or self.weights
        lexical = self.scorer.lexical_scores(plan.lexical_texts[0])
        for text in plan.lexical_texts[1:]:
            lexical = np.maximum(lexical, self.scorer.lexical_scores(text))
        dense = self.scorer.dense_scores(plan.qvec) * self.dense_mask
        combined = lexical.copy() if plan.qvec is None else w.combine(dense, lexical)
        for text in plan.lexical_texts[:1] + ([plan.expanded] if plan.expanded else []):
            self.scorer.refine_fuzzy(text, combined, dense, lexical, w,
                                     has_dense=plan.qvec is not None, extra=self.alias_ids)
        combined = combined * self.priors
        if plan.alias_entries:
            combined[plan.alias_entries] = 2.0  # aliases first, in file order
        return Scores(combined.astype(np.float32), dense, lexical)

    # --- public API ---------------------------------------------------------------------
    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        q, limit, cached = self._cached_answer(query, limit)
        return cached if cached is not None else self._answer(self._plan(q), limit)

    async def search_async(self, query: str, limit: int = 10) -> list[SearchHit]:
        """search() for an event loop: a never-seen phrasing awaits the encoder thread (the
        loop serves other requests meanwhile); the rest is computed in place (a few ms)."""
        q, limit, cached = self._cached_answer(query, limit)
        if cached is not None:
            return cached
        plan = self._plan(q, encode=False)
        if plan.vector_source == "none":  # a phrasing that needs the encoder
            plan.qvec, plan.vector_source = await self._encode_async(plan.expanded or plan.query)
        return self._answer(plan, limit)

    def _cached_answer(self, query: str, limit: int) -> tuple[str, int, list[SearchHit] | None]:
        """The validated query, the clamped limit, and a recent answer if there is one."""
        q = validate_query(query)
        limit = max(1, min(int(limit), 100))
        with self._lock:
            cached = self._cache.get((q, limit))
            if cached is None:
                return q, limit, None
            self._cache.move_to_end((q, limit))
            return q, limit, list(cached)

    def _answer(self, plan: _Plan, limit: int) -> list[SearchHit]:
        hits = self._hits(plan, self._scores(plan), limit)
        with self._lock:
            self._cache[(plan.query, limit)] = hits
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return list(hits)

    def search_uncached(self, query: str, limit: int = 10, weights: Weights | None = None,
                        mode: str = "hybrid") -> list[SearchHit]:
        """For measurement: mode 'hybrid' (as search() answers), 'dense' (meaning only) or
        'lexical' (spelling only); the two single-signal modes keep chance resemblances."""
        q = validate_query(query)
        plan = self._plan(q, encode=mode != "lexical", typo_lookup=mode == "hybrid")
        w = weights or self.weights
        if mode == "dense":
            w = Weights(1.0, w.dense_floor, w.phonetic_score, w.lexical_floor)
        elif mode == "lexical":
            plan.qvec = None
        return self._hits(plan, self._scores(plan, w), limit, keep_weak=mode != "hybrid")

    def _meaning_reason(self, dense: float, lexical: float) -> str:
        """The reason for a hit found by meaning (raw cosine `dense`), or '' for a chance
        resemblance: no spelling in common and a cosine the model gives almost any pair."""
        b = self.bars
        if dense >= b.same:
            return "similar_meaning"
        if dense >= b.close:
            return "related_meaning"
        if dense >= b.noise or lexical > self.weights.lexical_floor:
            return "loose_meaning"
        return ""

    def _hits(self, plan: _Plan, scores: Scores, limit: int,
              keep_weak: bool = False) -> list[SearchHit]:
        """The best `limit` fiches, best first. A fiche whose best text resembles the query by
        a chance resemblance only is left out (unless `keep_weak`, for measuring one signal):
        the list may be shorter than `limit`, or empty ("kebab"). A query of one or two
        letters has no spelling signal (character 3-grams) to tell chance from a match: such
        hits are kept for it, called loose resemblances."""
        w = self.weights
        keep_weak = keep_weak or len(fold(plan.query).replace(" ", "")) < MIN_JUDGED_CHARS
        exact_keys = set(self.siblings.get(plan.key, {plan.key}))
        if plan.expanded:
            exact_keys.add(stem_key(plan.expanded))
        out: list[SearchHit] = []
        # some fiches may be left out: rank more of them than asked for
        ranked = top_groups(scores.combined, self.groups, limit if keep_weak else limit + 40)
        for g, e, s in ranked:
            if len(out) == limit:
                break
            entry = self.entries[e]
            dense = float(scores.dense[e])
            lexical = float(scores.lexical[e])
            dn = min(1.0, max(0.0, (dense - w.dense_floor) / (1.0 - w.dense_floor)))
            if e in plan.alias_entries:
                reason = "alias"
            elif self.scorer.keys[int(self.scorer.entry_key[e])] in exact_keys:
                reason = "exact"
            elif lexical >= w.phonetic_score - 1e-6 or (lexical >= 0.5 and lexical >= dn):
                reason = "close_spelling"
            elif entry.source == "alias":
                reason = "alias"
            else:
                reason = self._meaning_reason(dense if plan.qvec is not None else 0.0, lexical)
                if not reason:
                    if not keep_weak:
                        continue
                    reason = "loose_meaning"
            title, ogr = self._display(entry, plan.gender)
            out.append(SearchHit(
                code=self.codes[g], title=title, job_label=self.data.fiches[self.codes[g]][0],
                score=round(min(1.0, max(0.0, s)), 4), reason=reason, matched_text=entry.text,
                lexical_score=round(lexical, 4), dense_score=round(dense, 4), ogr=ogr,
                source=entry.source,
            ))
        return out

    def _display(self, e: Entry, gender: str) -> tuple[str, int]:
        idx = 2 if gender == "f" else 1
        if e.ogr and e.ogr in self.data.titles:
            return self.data.titles[e.ogr][idx], e.ogr
        if e.source.startswith("onisep"):
            m, f = self.onisep_forms.get(e.note + e.source + e.code, (e.text, e.text))
            text = (f if gender == "f" else m) or e.text
            return text[:1].upper() + text[1:], 0
        return self.data.fiches[e.code][idx], 0

    def explain(self, query: str, nearest: int = 10) -> SearchExplanation:
        q = validate_query(query)
        plan = self._plan(q)
        scores = self._scores(plan)
        hits = self._hits(plan, scores, 10)
        w = self.weights
        short = len(fold(q).replace(" ", "")) < MIN_JUDGED_CHARS  # kept, see _hits
        order = np.argsort(-scores.combined)[: nearest * 3]
        near: list[NearTitle] = []
        seen: set[str] = set()
        for i in order.tolist():
            e = self.entries[i]
            if e.text in seen:
                continue
            seen.add(e.text)
            cosine, spelling = float(scores.dense[i]), float(scores.lexical[i])
            meaning_part, spelling_part = self._parts(cosine, spelling)
            alias = i in plan.alias_entries
            shown = alias or short or bool(self._meaning_reason(cosine, spelling))
            near.append(NearTitle(e.text, e.code, e.source, round(meaning_part, 4),
                                  round(1.0 if alias else spelling_part, 4),
                                  round(float(min(scores.combined[i], 1.0)), 4),
                                  round(cosine, 4), round(spelling, 4), shown))
            if len(near) == nearest:
                break
        dense_part = lexical_part = 0.0
        if hits:
            top = hits[0]
            dn, ln = self._parts(top.dense_score, top.lexical_score)
            if top.reason == "alias":
                ln = 1.0
            dense_part = w.dense_weight * dn if plan.qvec is not None else 0.0
            lexical_part = (1.0 - w.dense_weight if plan.qvec is not None else 1.0) * ln
        total = dense_part + lexical_part or 1.0
        aliases = [f"{self.entries[i].text} -> {self.entries[i].code} ({self.entries[i].note})"
                   for i in plan.alias_entries]
        return SearchExplanation(
            query=q, folded=fold(q), key=plan.key, phonetic=phonetic_key(q),
            expanded=plan.expanded, gender=plan.gender, vector_source=plan.vector_source,
            aliases=aliases, dense_weight=w.dense_weight, lexical_weight=1.0 - w.dense_weight,
            dense_share=round(dense_part / total, 3), lexical_share=round(lexical_part / total, 3),
            nearest=near, hits=hits, nothing_close=not hits,
        )

    def _parts(self, cosine: float, spelling: float) -> tuple[float, float]:
        """The meaning and spelling halves of a score, each on 0..1, as Weights.combine
        computes them (floors removed, rescaled)."""
        w = self.weights
        dn = min(1.0, max(0.0, (cosine - w.dense_floor) / (1.0 - w.dense_floor)))
        ln = min(1.0, max(0.0, (spelling - w.lexical_floor) / (1.0 - w.lexical_floor)))
        return dn, ln

    def autocomplete(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        if self._autocomplete is None:
            from tremplin.search.autocomplete import Autocomplete

            # its own lock: building it (~0.25 s) must not stall searches on the cache lock
            with self._autocomplete_lock:
                if self._autocomplete is None:
                    self._autocomplete = Autocomplete(self)
        result: list[Suggestion] = self._autocomplete.suggest(prefix, limit)
        return result

    @property
    def memory_bytes(self) -> int:
        return int(self.scorer.nbytes + self.priors.nbytes + self.groups.nbytes + self.dense_mask.nbytes)


_engines: dict[Path, JobSearch] = {}
MIN_TYPO_KEY = 6  # shorter words have too many neighbours one letter away


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(len(key))}


def _one_edit_index(keys: Iterable[str]) -> dict[str, set[str]]:
    """Each key and each of its one-letter deletions -> the keys (a symmetric-delete index)."""
    index: dict[str, set[str]] = {}
    for key in keys:
        if len(key) >= MIN_TYPO_KEY - 1:
            for variant in _deletions(key) | {key}:
                index.setdefault(variant, set()).add(key)
    return index


def _within_one_edit(a: str, b: str) -> bool:
    """One letter dropped, added or changed, or two adjacent letters swapped (OSA distance)."""
    return int(OSA.distance(a, b, score_cutoff=1)) <= 1


_engines_lock = threading.Lock()


def get_engine(settings: Settings | None = None) -> JobSearch:
    """The shared engine for settings.index_dir/search, loaded on first use (about 3 s)."""
    settings = settings or load_settings()
    path = search_index_dir(settings)
    with _engines_lock:
        engine = _engines.get(path)
        if engine is None:
            engine = JobSearch(load_index(path))
            _engines[path] = engine
        return engine


def search_jobs(query: str, limit: int = 10) -> list[SearchHit]:
    """Search job fiches with the default engine (see JobSearch.search)."""
    return get_engine().search(query, limit)
