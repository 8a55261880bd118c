"""The job search engine: query -> ROME fiches, each with the best title in the user's form.

Order of work for one query (see docs/search.md):
1. validate (QueryError), then an LRU cache of recent answers;
2. alias table: a whole-query alias puts its fiche first (reason 'alias');
3. known text (any indexed title, alias or ONISEP name, any gender): the stored vectors
   stand in for the encoder, so known titles are answered without encoding;
4. otherwise abbreviations are expanded ("prof", "educ", "mecano", "auto"...) and the query
   is encoded once (about 10 ms), then scored by HybridScorer (dense + lexical);
5. each hit is worded from what the person typed (not from the stand-in vector, the alias
   target or the spelled-out abbreviations that ranked it): shared spelling first, then the
   cosine between the query as typed and the title quoted (see `_reason`).
"""

from __future__ import annotations

import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz.distance import OSA

from tremplin.config import Settings, load_settings
from tremplin.embeddings import encode_query, encode_query_async
from tremplin.longlived import settle_long_lived
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
    ABBREVIATIONS,
    STOPWORDS,
    fold,
    looks_feminine,
    phonetic_key,
    stem_key,
    validate_query,
)

# Why a hit is there, judged on what the person typed. `close_spelling`: written almost the
# same, or holding every word typed. By meaning alone (no word in common), from the strongest
# claim to the weakest (MeaningBars, on the cosine between the query and the title quoted):
# similar_meaning ("almost the same meaning"), related_meaning ("maybe close in meaning"),
# loose_meaning ("resembles loosely", also a title that shares only some of the words
# typed). A hit with neither spelling in common nor a meaning above MeaningBars.noise is not
# returned at all.
REASONS = ("exact", "close_spelling", "similar_meaning", "related_meaning", "loose_meaning",
           "alias")
MEANING_REASONS = ("similar_meaning", "related_meaning", "loose_meaning")
MIN_JUDGED_CHARS = 3  # shorter queries share no character 3-gram with any title

@dataclass(frozen=True, slots=True)
class SearchHit:
    code: str  # ROME fiche
    title: str  # best-matching title, in the user's gender form
    job_label: str  # the fiche's label as published
    score: float  # 0..1, the ranking's
    reason: str  # one of REASONS
    matched_text: str  # the indexed text that matched best
    lexical_score: float  # the ranking's spelling score of matched_text
    dense_score: float  # cosine between the query as typed and `matched_text` (the title the
    #                     reason quotes): what /comment/demo gives for that pair, and what the
    #                     wording is decided on
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
    # the person's own words for the spelling evidence of the wording, when they differ from
    # lexical_texts (an alias query: not the title it stands for, but its spelled-out
    # abbreviations); None: lexical_texts
    said_texts: list[str] | None = None
    said: str = ""  # the query as the demo reads it (NFC, trimmed, single spaces)
    said_vec: Floats | None = None  # its vector: the wording's meaning evidence
    # the known text (title, alias) that the query names, written in another case or with
    # one slip of the keyboard: it is read as that text, whose stored vector stands in
    read_key: str = ""
    read_as: str = ""
    # what decides whether a hit with no spelling in common is shown: the query's vector and,
    # when it names a known title, the vectors of that title's written forms (both genders:
    # "Boulanger" and "Boulangère" then show the same fiches); see _cosines
    keep_vecs: Floats | None = None


def has_letter(text: str) -> bool:
    """Whether a text holds a letter of any script, not only digits, punctuation or emoji."""
    return any(c.isalpha() for c in text)


def _short(query: str) -> bool:
    """Too short for the spelling signal (character 3-grams) to tell chance from a match."""
    return len(fold(query).replace(" ", "")) < MIN_JUDGED_CHARS


def _content_words(text: str) -> list[str]:
    """The gender-neutral words of a text that carry meaning (no "de", "la", "et"...)."""
    return [w for w in stem_key(text).split() if w not in STOPWORDS]


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
            spelled = expand_abbreviations(query)
            return _Plan(query, key, "", gender, alias_ids, qvec, "lookup", lexical_texts,
                         said_texts=sib + ([spelled] if spelled else []), read_key=key)
        known = any(self.priors[i] > 0 for i in self.key_entries.get(key, []))
        if known:
            sib = sorted(self.siblings.get(key, {key}))
            return _Plan(query, key, "", gender, [], self._known_vector(key), "lookup", sib,
                         read_key=key)
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
                         [query, expanded] if expanded else [query], read_key=near)
        qvec, source = self._encode(text) if encode else (None, "none")
        lexical_texts = [query, expanded] if expanded else [query]
        return _Plan(query, key, expanded, gender, [], qvec, source, lexical_texts)

    # --- what the person typed: the evidence the wording is decided on ------------------
    def _stored_vector(self, text: str) -> Floats | None:
        """The vector of an indexed text (a title, an ONISEP name, an alias), if it is one."""
        row = self.scorer.text_pos.get(text)
        if row is None:
            return None
        out: Floats = self.scorer.vectors[row]
        return out

    def _title_forms(self, key: str) -> list[int]:
        """Rows in the vectors of the written forms of the known title whose key is `key`
        (both genders, the ONISEP spellings of it): none for an alias alone."""
        keys = self.siblings.get(key, {key}) if key else set()
        rows = {int(self.scorer.entry_vec[i]) for k in keys for i in self.key_entries.get(k, [])
                if self.entries[i].source != "alias" and self.priors[i] > 0}
        return sorted(rows)

    def _said_without_encoder(self, plan: _Plan) -> Floats | None:
        """The vector of the query as typed when it is at hand without the encoder: the plan
        encoded that very text, or it is an indexed text (a title or an alias as written).
        A known title or alias written in another case, accents or gender, or one slip of the
        keyboard from a known title (plans that the ranking answers without the encoder
        too), is read as that text: its stored vector stands in, and a slip's corrected
        words count as typed. None: the encoder must read it (spelled-out abbreviations,
        new phrasings)."""
        plan.said = unicodedata.normalize("NFC", plan.query)
        if plan.vector_source in ("encoder", "cache") and (plan.expanded or plan.query) == plan.said:
            return plan.qvec
        stored = self._stored_vector(plan.said)
        if stored is not None:
            return stored
        plan.read_as = self._closest_text(plan.read_key, plan.said, plan.gender)
        if not plan.read_as:
            return self._kept_vector(plan.said)
        if plan.read_key != plan.key:  # a slip of the keyboard: its correction is the evidence
            plan.said_texts = [*(plan.said_texts or plan.lexical_texts), plan.read_as]
        return self._stored_vector(plan.read_as)

    def _closest_text(self, key: str, said: str, gender: str) -> str:
        """The indexed text of `key` closest to what was typed: the same letters once case
        and accents are set aside, else the same gender, else the first."""
        texts = [self.entries[i] for i in self.key_entries.get(key, [])] if key else []
        if not texts:
            return ""
        folded = fold(said)
        for e in texts:
            if fold(e.text) == folded:
                return e.text
        for e in texts:
            if e.gender in (gender, "n"):
                return e.text
        return texts[0].text

    def _with_said_vector(self, plan: _Plan) -> _Plan:
        vec = self._said_without_encoder(plan)
        return self._with_keep_vectors(plan, vec if vec is not None else self._encode(plan.said)[0])

    async def _with_said_vector_async(self, plan: _Plan) -> _Plan:
        vec = self._said_without_encoder(plan)
        if vec is None:
            vec = (await self._encode_async(plan.said))[0]
        return self._with_keep_vectors(plan, vec)

    def _with_keep_vectors(self, plan: _Plan, said_vec: Floats) -> _Plan:
        plan.said_vec = said_vec
        forms = self._title_forms(plan.read_key)
        plan.keep_vecs = np.vstack([said_vec[None, :], self.scorer.vectors[forms]]) if forms \
            else said_vec[None, :]
        return plan

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
        said: Floats | None = None
        if plan.said_texts is not None:  # spelling against the person's own words only
            said = self.scorer.lexical_scores(plan.said_texts[0])
            for text in plan.said_texts[1:]:
                said = np.maximum(said, self.scorer.lexical_scores(text))
            pick = combined.copy()  # the same candidates as the ranking's, left unchanged
            for text in plan.said_texts:
                self.scorer.refine_fuzzy(text, pick, dense, said, w,
                                         has_dense=plan.qvec is not None, extra=self.alias_ids)
        for text in plan.lexical_texts[:1] + ([plan.expanded] if plan.expanded else []):
            self.scorer.refine_fuzzy(text, combined, dense, lexical, w,
                                     has_dense=plan.qvec is not None, extra=self.alias_ids)
        combined = combined * self.priors
        if plan.alias_entries:
            combined[plan.alias_entries] = 2.0  # aliases first, in file order
        return Scores(combined.astype(np.float32), dense, lexical, said)

    # --- public API ---------------------------------------------------------------------
    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        q, limit, cached = self._cached_answer(query, limit)
        if cached is not None:
            return cached
        return self._answer(self._with_said_vector(self._plan(q)), limit)

    async def search_async(self, query: str, limit: int = 10) -> list[SearchHit]:
        """search() for an event loop: a never-seen phrasing awaits the encoder thread (the
        loop serves other requests meanwhile); the rest is computed in place (a few ms)."""
        q, limit, cached = self._cached_answer(query, limit)
        if cached is not None:
            return cached
        plan = self._plan(q, encode=False)
        if plan.vector_source == "none":  # a phrasing that needs the encoder
            plan.qvec, plan.vector_source = await self._encode_async(plan.expanded or plan.query)
        return self._answer(await self._with_said_vector_async(plan), limit)

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
        if mode == "hybrid":  # the single-signal modes measure the ranking, not the wording
            self._with_said_vector(plan)
        return self._hits(plan, self._scores(plan, w), limit, keep_weak=mode != "hybrid")

    def _meaning_reason(self, dense: float, lexical: float, keep: float | None = None) -> str:
        """The reason for a hit found by meaning (`dense`: raw cosine between the query as
        typed and the text quoted), or '' for a chance resemblance: no spelling in common
        (`lexical`, the ranking's) and a cosine the model gives almost any pair (`keep`, the
        cosine that decides it, at most `dense`: see _cosines)."""
        b = self.bars
        if self._chance(dense if keep is None else keep, lexical):
            return ""
        if dense >= b.same:
            return "similar_meaning"
        if dense >= b.close:
            return "related_meaning"
        return "loose_meaning"

    def _chance(self, keep: float, lexical: float) -> bool:
        """A resemblance the model gives almost any pair: no spelling in common (the ranking's
        `lexical`) and a cosine under MeaningBars.noise."""
        return keep < self.bars.noise and lexical <= self.weights.lexical_floor

    def _reason(self, entry: Entry, cosine: float, keep: float, said: float, lexical: float,
                said_words: list[set[str]]) -> str:
        """Why a hit that is neither the alias named nor the same title is there, worded by
        the strongest evidence it really has against what the person typed ('' when it has
        none: a chance resemblance).

        `cosine`: the query as typed against the text quoted (`keep`: see _cosines); `said`:
        spelling against the person's own words (and their spelled-out abbreviations);
        `lexical`: the ranking's spelling, which also counts the title an alias stands for.
        Spelling comes first: a title that holds every word typed, or is written almost the
        same, is a close spelling; one that shares only some of the words ("aide soignante" /
        "Aide-comptable") resembles loosely, whatever its cosine, as the shared word alone
        lifts the cosine. Only a title with no word in common is worded by meaning."""
        w = self.weights
        if self._chance(keep, lexical):
            return ""
        words = set(_content_words(entry.text))
        shared = any(s & words for s in said_words)
        whole = any(s <= words for s in said_words)
        dn = min(1.0, max(0.0, (cosine - w.dense_floor) / (1.0 - w.dense_floor)))
        if said >= w.phonetic_score - 1e-6 or (said >= 0.5 and (whole or (not shared
                                                                          and said >= dn))):
            return "close_spelling"
        if entry.source == "alias":
            return "alias"
        if shared and said > w.lexical_floor:
            return "loose_meaning"
        return self._meaning_reason(cosine, lexical, keep)

    def _cosines(self, plan: _Plan, entry_id: int, ranking: float) -> tuple[float, float]:
        """The cosine between the query as typed and the text the hit quotes (its `matched_text`,
        what /comment/demo gives for that pair), and the one that decides whether a hit with
        no spelling in common is shown: the lowest of the query's and, when it names a known
        title, of that title's written forms (so that both genders of a title show the same
        fiches). The ranking's cosine for both when the query's own vector was not taken (the
        single-signal measurement modes); 0 without a vector."""
        if plan.qvec is None:
            return 0.0, 0.0
        if plan.said_vec is None or plan.keep_vecs is None:
            return ranking, ranking
        vec = self.scorer.vectors[int(self.scorer.entry_vec[entry_id])]
        said = float(np.dot(vec, plan.said_vec))
        return said, min(said, float(np.min(plan.keep_vecs @ vec)))

    def _hits(self, plan: _Plan, scores: Scores, limit: int,
              keep_weak: bool = False) -> list[SearchHit]:
        """The best `limit` fiches, best first. A fiche whose best text resembles the query by
        a chance resemblance only is left out (unless `keep_weak`, for measuring one signal):
        the list may be shorter than `limit`, or empty ("kebab"). A query of one or two
        letters has no spelling signal (character 3-grams) to tell chance from a match: such
        hits are kept for it, called loose resemblances. A query without any letter ("!!!!",
        "🙂", "…", "12") names nothing: whatever its vector is close to is chance, so it
        gets no hit at all."""
        if not keep_weak and not has_letter(plan.query):
            return []
        keep_weak = keep_weak or _short(plan.query)
        exact_keys = set(self.siblings.get(plan.key, {plan.key}))
        if plan.expanded:
            exact_keys.add(stem_key(plan.expanded))
        spelled = plan.expanded or expand_abbreviations(plan.query)
        said_words = [ws for ws in (set(_content_words(text))
                                    for text in (plan.query, spelled, plan.read_as) if text) if ws]
        out: list[SearchHit] = []
        # some fiches may be left out: rank more of them than asked for
        ranked = top_groups(scores.combined, self.groups, limit if keep_weak else limit + 40)
        for g, e, s in ranked:
            if len(out) == limit:
                break
            entry = self.entries[e]
            lexical = float(scores.lexical[e])
            said = lexical if scores.said_lexical is None else float(scores.said_lexical[e])
            cosine, keep = self._cosines(plan, e, float(scores.dense[e]))
            if e in plan.alias_entries:
                reason = "alias"
            elif self.scorer.keys[int(self.scorer.entry_key[e])] in exact_keys:
                reason = "exact"
            else:
                reason = self._reason(entry, cosine, keep, said, lexical, said_words)
                if not reason:
                    if not keep_weak:
                        continue
                    reason = "loose_meaning"
            title, ogr = self._display(entry, plan.gender)
            out.append(SearchHit(
                code=self.codes[g], title=title, job_label=self.data.fiches[self.codes[g]][0],
                score=round(min(1.0, max(0.0, s)), 4), reason=reason, matched_text=entry.text,
                lexical_score=round(lexical, 4), dense_score=round(cosine, 4), ogr=ogr,
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
        plan = self._with_said_vector(self._plan(q))
        scores = self._scores(plan)
        hits = self._hits(plan, scores, 10)
        w = self.weights
        lettered = has_letter(q)  # no hit at all without a letter, see _hits
        short = lettered and _short(q)  # kept, see _hits
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
            said, keep = self._cosines(plan, i, cosine)  # judged as hits are
            shown = lettered and (alias or short or bool(self._meaning_reason(said, spelling, keep)))
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
            if top.reason == "alias":  # put first by the alias table, not by its meaning
                dn, ln = 0.0, 1.0
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
            settle_long_lived()
        return engine


def search_jobs(query: str, limit: int = 10) -> list[SearchHit]:
    """Search job fiches with the default engine (see JobSearch.search)."""
    return get_engine().search(query, limit)
