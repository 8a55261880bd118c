"""Whether a text names a diploma or licence, and which ones it may be suggested.

A young person who writes "vendeur chez zara" has not said they hold the « CQP vendeur
conseil en maroquinerie »: a diploma is something one has or not, and only the person can
say it. So a ROME certification is suggested only when the text names a diploma ("j'ai le
permis B", "j'ai mon PSC1", "le brevet de surveillant de baignade") and, when the
certification's label names its kind ("Brevet …", "CQP …") or an acronym ("(PSC1)"), the text
names the same one: "brevet de surveillant de baignade" is no reason to suggest « Ingénieur
diplômé de l'école nationale des sciences géographiques ».
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import numpy.typing as npt

from tremplin.recommend.text import fold

# Words that name a kind of diploma (folded): alone, they need another word of the label
# ("bac pro commerce"); acronyms that head several labels ("BPJEPS …") are added per index.
DIPLOMA_KINDS = frozenset((
    "diplome", "diplomes", "diplomee", "diplomees", "brevet", "brevets", "permis", "cqp", "cqpi",
    "certificat", "certificats", "certification", "certifications", "habilitation",
    "habilitations", "habilite", "habilitee", "titre", "licence", "master", "mastere",
    "bachelor", "bac", "baccalaureat", "bts", "btsa", "cap", "capa", "bep", "bp", "bpa", "bma",
    "dut", "deust", "dma", "attestation", "but",
))
# Words that name one diploma by themselves ("BAFA", "PSC1"); other acronyms found in the
# certifications' own labels ("R482") are added per index.
DIPLOMA_WORDS = DIPLOMA_KINDS | frozenset((
    "bpjeps", "cpjeps", "dejeps", "desjeps", "bafa", "bafd", "caces", "psc1", "pse1", "pse2",
    "sst", "bnssa",
))
# Diplomas whose name is also a common word ("mon but", "I tried but", "garder le cap"):
# named only when written in capitals.
_CAPITALS_ONLY = frozenset({"but", "cap", "bp"})
# Upper-case words of a label that are no acronym of a diploma ("DU" reads as "du").
_NOT_ACRONYMS = frozenset({"du", "de", "des", "le", "la", "les", "en", "et", "au", "aux", "un",
                           "ou"})
_WORD = re.compile(r"\w+", re.UNICODE)
_LABEL_WORDS = DIPLOMA_WORDS - _CAPITALS_ONLY  # "but" in a label is French; "BUT", an acronym
_LINK_WORDS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "en", "et", "a", "au",
                         "aux", "pour", "pro", "professionnel", "option", "mention", "specialite",
                         "niveau", "j", "ai", "mon", "ma", "mes", "un", "une", "je", "suis", "eu",
                         "avec", "dans", "sur", "categorie", "national", "nationale", "etat",
                         "superieur", "technicien", "certificat", "aptitude"})
# "j'ai pas le permis", "sans diplôme", "no licence": a diploma named to say it is missing
_MISSING = frozenset({"pas", "sans", "jamais", "aucun", "aucune", "no", "not", "without",
                      "never", "sin"})
_MISSING_REACH = 3  # words between the negation and the diploma word


def words(text: str) -> set[str]:
    """Folded words of a text, digits kept ("psc1", "r482")."""
    return set(_WORD.findall(fold(text)))


def label_markers(label: str, folded: list[str] | None = None) -> frozenset[str]:
    """The diploma words and acronyms a certification's label names (`folded`: its folded
    words, when already at hand)."""
    said = _LABEL_WORDS.intersection(words_in_order(label) if folded is None else folded)
    acronyms = (fold(raw) for raw in _WORD.findall(label) if len(raw) >= 2 and raw.isupper())
    return frozenset(said | {a for a in acronyms if a not in _NOT_ACRONYMS})


class DiplomaNames:
    """The markers of every certification of an index, and the test of a text against them."""

    def __init__(self, labels: list[str], is_certification: list[bool]) -> None:
        folded = {i: words_in_order(label) for i, (label, cert)
                  in enumerate(zip(labels, is_certification, strict=True)) if cert}
        self.markers = {i: label_markers(labels[i], f) for i, f in folded.items()}
        self.vocabulary = DIPLOMA_WORDS.union(*self.markers.values())
        # an acronym that heads several labels names a kind ("BPJEPS …", "CACES …", "MC …")
        heads = Counter(f[0] for f in folded.values())
        self.kinds = DIPLOMA_KINDS | {w for w, n in heads.items()
                                      if n >= 2 and w in self.vocabulary}
        self.positions = np.asarray(sorted(self.markers), dtype=np.int64)
        # the other words of each label ("commerce", "b"), which a kind of diploma needs
        self.rest = {i: frozenset(folded[i]) - DIPLOMA_WORDS - m - _LINK_WORDS
                     for i, m in self.markers.items()}

    def named_in(self, text: str) -> frozenset[str]:
        """The diploma words and acronyms the text writes, except those it says are missing."""
        raw = _WORD.findall(text)
        seq = [fold(w) for w in raw]
        return frozenset(
            w for k, w in enumerate(seq)
            if w in self.vocabulary and _written_as_a_diploma(w, raw[k])
            and not _MISSING.intersection(seq[max(0, k - _MISSING_REACH):k]))

    def refused(self, text: str) -> npt.NDArray[np.int64]:
        """Positions of the certifications the text gives no reason to suggest. A kind of
        diploma alone ("bac", "CAP", "permis") must come with another word of the label:
        "bac pro commerce" is no « Bac pro poissonnier écailler traiteur », "permis B" no
        « Permis BE »; an acronym ("PSC1", "BAFA") names its diploma by itself."""
        named = self.named_in(text)
        if not named:
            return self.positions
        said = words(text) - _LINK_WORDS
        return np.asarray([i for i, m in self.markers.items()
                           if not self._named(m, named, self.rest[i] & said)], dtype=np.int64)

    def _named(self, markers: frozenset[str], named: frozenset[str], shared: frozenset[str],
               ) -> bool:
        """Whether a certification is named: by one of its acronyms, or by its kind with
        another word of its label; one whose label says no kind ("Diagnostiqueur
        immobilier") by a word of its label, a diploma being named."""
        if not markers:
            return bool(shared)
        return bool(markers & (named - self.kinds)) or bool(markers & named and shared)


def _written_as_a_diploma(word: str, raw: str) -> bool:
    """Whether a word of the text that a diploma's name holds names it there. An acronym read
    from ROME's labels ("CE", "AM", "BE", "PRO") is also a common word: it counts in capitals
    or with a digit ("PSC1", "r482"); so do "BUT", "CAP", "BP" ("mon but")."""
    if word in _CAPITALS_ONLY or word not in DIPLOMA_WORDS:
        return raw.isupper() or any(c.isdigit() for c in raw)
    return True


def words_in_order(text: str) -> list[str]:
    """Folded words of a text in their order (digits kept)."""
    return _WORD.findall(fold(text)) or [""]
