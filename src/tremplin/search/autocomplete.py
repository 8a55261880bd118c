"""Search-box suggestions without the encoder: sorted-array prefix search + typo fallback.

Every indexed title is folded ("Boulangère" -> "boulangere"). Prefix matches on the whole
title come first, then titles with a later word starting with the prefix ("infirm" ->
"Aide infirmier"), then, when the last word matches nothing, words within one or two edits
of it (rapidfuzz over the distinct word prefixes of the same length).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from tremplin.search.normalize import STOPWORDS, fold

if TYPE_CHECKING:
    from tremplin.search.engine import JobSearch, Suggestion

MIN_CHARS = 2


class Autocomplete:
    def __init__(self, engine: JobSearch) -> None:
        from tremplin.search.engine import Suggestion

        self._suggestion = Suggestion
        items: dict[tuple[str, int], tuple[float, str, str, int, str]] = {}
        for i, e in enumerate(engine.entries):
            if e.source == "alias":
                label = engine.data.fiches[e.code][0]
                if e.ogr and e.ogr in engine.data.titles:
                    label = engine.data.titles[e.ogr][1]
                shown, kind = f"{label} ({e.text})", "alias"
            elif e.source.startswith("onisep"):
                continue  # ONISEP names are searchable, suggestions show ROME titles only
            else:
                shown, kind = e.text, "prefix"
            prior = float(engine.priors[i]) + (0.01 if e.source == "fiche" else 0.0)
            k = (fold(e.text), i)
            items[k] = (prior, shown, e.code, e.ogr, kind)
        rows = sorted((k[0], v) for k, v in items.items())
        self.keys = [r[0] for r in rows]
        self.values = [r[1] for r in rows]
        # word-start index: "aide infirmier" is also found under "infirmier"
        words: list[tuple[str, int]] = []
        for n, key in enumerate(self.keys):
            parts = key.split()
            for j in range(1, len(parts)):
                if parts[j] not in STOPWORDS and len(parts[j]) > 1:
                    words.append((" ".join(parts[j:]), n))
        words.sort()
        self.word_keys = [w[0] for w in words]
        self.word_rows = [w[1] for w in words]
        vocab = sorted({w for key in self.keys for w in key.split() if len(w) > 1})
        self.prefixes: dict[int, list[str]] = {}
        for length in range(MIN_CHARS, 16):
            self.prefixes[length] = sorted({w[:length] for w in vocab if len(w) >= length})

    def _range(self, keys: list[str], prefix: str) -> range:
        lo = bisect.bisect_left(keys, prefix)
        hi = bisect.bisect_left(keys, prefix + "\uffff")
        return range(lo, hi)

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        if not isinstance(text, str) or len(text) > 200:
            return []
        prefix = fold(text)
        if len(prefix) < MIN_CHARS:
            return []
        limit = max(1, min(limit, 50))
        found: dict[str, tuple[tuple[int, float, int, str], Suggestion]] = {}

        def add(row: int, rank: int, kind: str | None = None) -> None:
            prior, shown, code, ogr, k = self.values[row]
            sug = self._suggestion(shown, code, ogr, kind or k)
            sort_key = (rank, -prior, len(shown), shown)
            dedupe = f"{ogr}" if ogr else f"{code}:{shown}"
            old = found.get(dedupe)
            if old is None or sort_key < old[0]:
                found[dedupe] = (sort_key, sug)

        for row in self._cap(self._range(self.keys, prefix)):
            add(row, 0)
        if len(found) < limit:
            for n in self._cap(self._range(self.word_keys, prefix)):
                add(self.word_rows[n], 1, "word")
        if len(found) < limit:
            self._typos(prefix, add)
        ranked = sorted(found.values(), key=lambda x: x[0])
        return [s for _, s in ranked[:limit]]

    @staticmethod
    def _cap(r: range, cap: int = 400) -> range:
        return r if len(r) <= cap else range(r.start, r.start + cap)

    def _typos(self, prefix: str, add: object) -> None:
        words = prefix.split()
        last = words[-1]
        head = " ".join(words[:-1])
        if len(last) < 3:
            return
        length = min(len(last), 15)
        pool = self.prefixes.get(length, [])
        max_edits = 1 if length < 6 else 2
        matches = process.extract(last[:length], pool, scorer=Levenshtein.distance,
                                  score_cutoff=max_edits, limit=5)
        for cand, _dist, _ in matches:
            fixed = f"{head} {cand}".strip()
            for row in self._cap(self._range(self.keys, fixed), 50):
                add(row, 2, "typo")  # type: ignore[operator]
            for n in self._cap(self._range(self.word_keys, fixed), 50):
                add(self.word_rows[n], 3, "typo")  # type: ignore[operator]
