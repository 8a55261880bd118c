"""Which ROME 4.0 fiches an ONISEP métier is about, among those its ROME v3 code became.

ONISEP gives each métier ROME v3 codes. ROME 4.0 split many v3 codes into several fiches
(up to 30), so a v3 code alone linked "responsable du service après-vente" to the repairer of
phones and its farm-machinery trainings to him. Among the fiches of one v3 code, a link
*fits by title* when the fiche's job titles share the largest share of the words of the
métier's names (its name, both genders, its synonyms); all the fiches of the code fit when
none shares a word, since nothing then tells them apart.

A métier also fits the fiche whose own name it bears ("pâtissier" and the fiche « Pâtissier /
Pâtissière »), whatever its v3 codes say: ONISEP gives its pâtissier only D1102, the bakers'
code, so the CAP pâtissier led to the baker and not to the pastry cook. Such a link has no
v3 code (an empty `rome_v3`).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

_STOP = frozenset(("de", "du", "des", "la", "le", "les", "l", "d", "en", "et", "a", "au", "aux",
                   "pour", "sur", "par", "un", "une", "ou", "dans", "avec"))

Words = frozenset[str]


def name_words(text: str) -> Words:
    """Lower-case words without accents, articles or a plural s/x ("Agents d'escale" ->
    {"agent", "escale"})."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return frozenset(w[:-1] if len(w) > 3 and w.endswith(("s", "x")) else w
                     for w in re.findall(r"[a-z0-9]+", folded) if len(w) > 1 and w not in _STOP)


def word_share(names: Iterable[Words], titles: Iterable[Words]) -> float:
    """Best share of a métier name's words found in one job title."""
    titles = [t for t in titles if t]
    return max((len(n & t) / len(n) for n in names if n for t in titles), default=0.0)


def fitting(names: list[Words], fiches: list[str], titles: dict[str, list[Words]]) -> set[str]:
    """The fiches (of one v3 code) whose titles share the most words with the names."""
    shares = {code: word_share(names, titles.get(code, [])) for code in fiches}
    best = max(shares.values(), default=0.0)
    return set(fiches) if best == 0 else {c for c, s in shares.items() if s == best}


def onisep_names(db: sqlite3.Connection) -> dict[str, list[Words]]:
    names: dict[str, list[Words]] = defaultdict(list)
    for table, key in (("onisep_jobs", "id"), ("onisep_synonyms", "onisep_id")):
        for ident, *labels in db.execute(f"SELECT {key}, name, masculine, feminine FROM {table}"):
            names[str(ident)].extend(name_words(str(x)) for x in labels if x)
    return names


def fiche_titles(db: sqlite3.Connection) -> dict[str, list[Words]]:
    titles: dict[str, list[Words]] = defaultdict(list)
    for code, *labels in db.execute("SELECT job_code, label, masculine, feminine FROM job_titles"):
        titles[str(code)].extend(name_words(str(x)) for x in labels if x)
    for code, *labels in db.execute("SELECT code, label_masculine, label_feminine FROM jobs"):
        titles[str(code)].extend(name_words(str(x)) for x in labels if x)
    return titles


def same_name_pairs(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(onisep id, fiche) for each métier whose masculine or feminine name is the fiche's own
    (its masculine or feminine name, not one of its other titles): the same job."""
    fiches: dict[Words, set[str]] = defaultdict(set)
    for code, *labels in db.execute("SELECT code, label_masculine, label_feminine FROM jobs"):
        for label in labels:
            if label:
                fiches[name_words(str(label))].add(str(code))
    pairs: set[tuple[str, str]] = set()
    for ident, *labels in db.execute("SELECT id, masculine, feminine FROM onisep_jobs"):
        for label in labels:
            words = name_words(str(label)) if label else frozenset()
            pairs.update((str(ident), code) for code in fiches.get(words, ()) if words)
    return sorted(pairs)


def link_rows(db: sqlite3.Connection, pairs: Iterable[tuple[str, str]],
              targets: dict[str, list[str]]) -> list[tuple[str, str, str, int]]:
    """(onisep id, fiche, v3 code, fits by title) for every fiche an (onisep id, v3 code)
    pair reaches; a fiche reached through two codes is one row, fitting if either fits. A
    métier that bears a fiche's own name fits it, reached by its v3 codes or not."""
    names, titles = onisep_names(db), fiche_titles(db)
    rows: dict[tuple[str, str], tuple[str, str, str, int]] = {}
    for ident, v3 in sorted(set(pairs)):
        fiches = targets.get(v3, [])
        fit = fitting(names.get(ident, []), fiches, titles)
        for code in fiches:
            row = (ident, code, v3, int(code in fit))
            old = rows.get((ident, code))
            if old is None or row[3] > old[3]:
                rows[(ident, code)] = row
    for ident, code in same_name_pairs(db):
        old = rows.get((ident, code))
        rows[(ident, code)] = (ident, code, "" if old is None else old[2], 1)
    return sorted(rows.values())
