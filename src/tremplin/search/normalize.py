"""Query validation and text keys for job-title matching.

Three keys, from faithful to forgiving, all computed the same way for queries and titles:

- `fold`: case, accents, ligatures, apostrophes, hyphens, "/" and punctuation removed
  ("Aide-soignant(e)" -> "aide soignant e"); any script survives (Arabic, Cyrillic...).
- `stem_key`: fold + each word reduced to a gender- and number-neutral form (plural s/x
  dropped, feminine suffixes mapped to the masculine: -euse -> -eur, -trice -> -teur,
  -ère -> -er, -ienne -> -ien...) and repeated letters collapsed. Used for n-grams and
  exact lookup, so "Boulangères" and "boulanger" share a key.
- `phonetic_key`: stem_key + French sound rules (ph -> f, qu -> k, c/ç -> s/k, g -> j,
  eau/au -> o, final -er/-é/-ez -> e, silent final letters...). Catches "boulangé",
  "infirmié", "kiné" -> "kine" style spellings and SMS forms such as "k" for "qu".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


MAX_QUERY_CHARS = 200
"""Longest accepted query, in characters after trimming (job titles are under 130)."""


class QueryError(ValueError):
    """A query that cannot be searched. The message is in French, then English
    ("French. / English."); `fr` and `en` hold each language alone."""

    def __init__(self, fr: str, en: str = "") -> None:
        if not en and " / " in fr:  # one "French. / English." text (also when unpickled)
            fr, en = fr.split(" / ", 1)
        self.fr, self.en = fr, en or fr
        super().__init__(f"{fr} / {en}" if en else fr)


def validate_query(query: object) -> str:
    """Return the trimmed query or raise QueryError (empty, too long, binary, control chars)."""
    if isinstance(query, bytes | bytearray):
        try:
            query = bytes(query).decode("utf-8")
        except UnicodeDecodeError:
            raise QueryError(
                "La recherche contient des données binaires, pas du texte. / "
                "The query is binary data, not text."
            ) from None
    if not isinstance(query, str):
        raise QueryError("La recherche doit être un texte. / The query must be a string.")
    if len(query) > 10 * MAX_QUERY_CHARS:  # refuse before any per-character work
        raise QueryError(_too_long(len(query)))
    bad = [c for c in query if _is_forbidden(c)]
    if bad:
        raise QueryError(
            "La recherche contient des caractères de contrôle ou binaires "
            f"(par ex. U+{ord(bad[0]):04X}). / The query contains control or binary "
            f"characters (e.g. U+{ord(bad[0]):04X})."
        )
    text = " ".join(query.split())
    if not text:
        raise QueryError("La recherche est vide. / The query is empty.")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(_too_long(len(text)))
    return text


def _too_long(n: int) -> str:
    return (
        f"La recherche est trop longue ({n} caractères, maximum {MAX_QUERY_CHARS}). / "
        f"The query is too long ({n} characters, at most {MAX_QUERY_CHARS})."
    )


def _is_forbidden(c: str) -> bool:
    if c in "\t\n\r":
        return False
    cat = unicodedata.category(c)
    # Cc control, Cs lone surrogate, Co private use, Cn unassigned; U+FFFD marks broken bytes.
    return cat in ("Cc", "Cs", "Co", "Cn") or c == "\ufffd"


_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})
_PUNCT_RE = re.compile(r"[^\w]+|_")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", kept)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, punctuation and separators turned into single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LIGATURES)
    text = _strip_marks(text)
    return " ".join(_PUNCT_RE.sub(" ", text).split())


# Feminine and plural endings -> masculine singular, on accented lower-case words.
# Longest first; each rule only applies when enough of the word is left.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("euses", "eur"), ("euse", "eur"), ("trices", "teur"), ("trice", "teur"),
    ("eresses", "eur"), ("eresse", "eur"), ("esses", ""), ("esse", ""),
    ("iennes", "ien"), ("ienne", "ien"), ("ennes", "en"), ("enne", "en"),
    ("onnes", "on"), ("onne", "on"), ("ères", "er"), ("ère", "er"),
    ("ives", "if"), ("ive", "if"), ("ées", "é"), ("ée", "é"),
    ("elles", "el"), ("elle", "el"), ("ettes", "et"), ("ette", "et"),
    ("aux", "al"), ("eaux", "eau"),
)
_REPEAT_RE = re.compile(r"(\D)\1+")


def _neutral_word(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)] + repl
    if word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is", "os", "as")):
        word = word[:-1]
    # "assistante" -> "assistant", "avocate" -> "avocat"; epicene words lose the same "e"
    if len(word) > 4 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]
    return word


@lru_cache(maxsize=65536)
def stem_key(text: str) -> str:
    """Gender- and number-neutral folded key ("Boulangères" -> "boulanger")."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LIGATURES)
    text = _PUNCT_RE.sub(" ", text)
    words = [_neutral_word(w) for w in text.split()]
    folded = _strip_marks(" ".join(words))
    return _REPEAT_RE.sub(r"\1", folded)


_PHONETIC_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"ph", "f"), (r"th", "t"), (r"sch", "ch"), (r"ch", "§"), (r"qu", "k"), (r"q", "k"),
        (r"ck", "k"), (r"(?<=[aeiou])s(?=[aeiouy])", "z"), (r"c(?=[eiy])", "s"), (r"c", "k"),
        (r"gu(?=[eiy])", "g"), (r"g(?=[eiy])", "j"), (r"ge(?=[aou])", "j"), (r"eaux?", "o"),
        (r"au", "o"), (r"[ae]i(?![nm])", "e"), (r"y", "i"),
        (r"(?<!§)h", ""), (r"w", "v"), (r"(?<=\w)(?:er|ez|et)\b", "e"),
        (r"[ae][nm](?=[^aeiou]|\b)", "an"), (r"[aeu]?i[nm](?=[^aeiou]|\b)", "in"),
        (r"(?<=\w\w\w)[stdx]\b", ""), (r"(?<=\w\w\w)e\b", ""), (r"(\w)\1+", r"\1"),
    )
)


@lru_cache(maxsize=65536)
def phonetic_key(text: str) -> str:
    """Coarse French sound key on top of stem_key ("boulangé" == "boulanger")."""
    # "ç" spelled "ss" so that "maçon" and "masson" meet once letters are collapsed.
    key = stem_key(text.replace("ç", "ss").replace("Ç", "ss"))
    key = " ".join(w for w in key.split() if w not in STOPWORDS)
    for pattern, repl in _PHONETIC_RULES:
        key = pattern.sub(repl, key)
    return key


STOPWORDS = frozenset({
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "un", "une",
    "pour", "par", "sur", "dans", "avec", "ou", "the", "of", "and",
})

_FEMININE_WORD = re.compile(
    r"(?:euse|trice|eresse|esse|ienne|enne|onne|ere|ive|ee|elle|ette|ante|ente|ine|aise|oise|ate)s?$"
)
_FEMININE_DETERMINERS = frozenset({"la", "une", "cette", "ma", "madame", "femme", "fille"})


def looks_feminine(text: str) -> bool:
    """Heuristic: does a free query use a feminine form ("infirmière", "coach sportive")?"""
    words = fold(text).split()
    if any(w in _FEMININE_DETERMINERS for w in words):
        return True
    return any(len(w) > 4 and _FEMININE_WORD.search(w) for w in words[:3])
