"""The canonical, versioned journey state a browser keeps (and nothing else keeps).

The state holds no name, age, gender or contact: only choices made in the journey. It is
validated strictly on the way in (`Journey.from_dict`), because it comes from a browser, an
imported file or a QR code, any of which may be crafted. Every refusal is a `JourneyError`
with a French and an English message that says what is wrong and where.

Contract with the pages (issue 5):
- avatar: part -> option id, both from `AVATAR_PARTS` (a closed set);
- riasec: question id -> answer 0 (no), 1 (a bit), 2 (a lot); a question id is the RIASEC
  letter it measures followed by a number ("R1", "S12"), so interests can be read from the
  answers without the question texts;
- centres: the ROME interest centres the person picked ("J'aime m'occuper des animaux"), by
  code ("17"), optional;
- max_level: the highest study level the person wants (3 = CAP … 7 = bac+5), optional;
- avoid: the ROME grand domains (letters "A" … "N") the person does not want to see, optional;
- experiences: the person's own words plus the competence ogr codes they kept from it and,
  optionally, those they took away from it (never counted for that text again);
- competences: kept competence ogr codes; thumbs: ROME fiche code -> +1 / -1;
- notes: helper notes, plain text (never markup);
- badges: ids from `BADGES`.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tremplin.recommend.profile import POSTCODE
from tremplin.recommend.riasec import QUESTION_IDS as RIASEC_QUESTION_IDS
from tremplin.recommend.text import forbidden_character, same_text_key

JOURNEY_VERSION = 1

LANGS = ("fr", "en")

# Closed set of avatar parts and their options; labels are for the summary ("avatar").
AVATAR_PARTS: dict[str, dict[str, tuple[str, str]]] = {
    "shape": {
        "round": ("rond", "round"), "tall": ("grand", "tall"), "small": ("petit", "small"),
        "square": ("carré", "square"),
    },
    "skin": {f"tone{i}": (f"teinte {i}", f"tone {i}") for i in range(1, 7)},
    "hair": {
        "none": ("sans cheveux", "no hair"), "short": ("cheveux courts", "short hair"),
        "long": ("cheveux longs", "long hair"), "curly": ("cheveux bouclés", "curly hair"),
        "braids": ("tresses", "braids"), "bun": ("chignon", "bun"),
        "locks": ("dreadlocks", "locks"),
    },
    "headwear": {
        "none": ("rien sur la tête", "nothing on the head"), "cap": ("casquette", "cap"),
        "beanie": ("bonnet", "beanie"), "headscarf": ("foulard", "headscarf"),
        "helmet": ("casque de chantier", "hard hat"), "headphones": ("casque audio", "headphones"),
    },
    "top": {
        "tshirt": ("tee-shirt", "T-shirt"), "hoodie": ("sweat à capuche", "hoodie"),
        "shirt": ("chemise", "shirt"), "apron": ("tablier", "apron"),
        "overalls": ("salopette", "overalls"), "jacket": ("veste", "jacket"),
    },
    "colour": {
        "blue": ("bleu", "blue"), "green": ("vert", "green"), "orange": ("orange", "orange"),
        "purple": ("violet", "purple"), "red": ("rouge", "red"), "yellow": ("jaune", "yellow"),
        "grey": ("gris", "grey"), "black": ("noir", "black"),
    },
    "accessory": {
        "none": ("aucun accessoire", "no accessory"), "glasses": ("lunettes", "glasses"),
        "backpack": ("sac à dos", "backpack"), "toolbox": ("caisse à outils", "toolbox"),
        "sketchbook": ("carnet de dessin", "sketchbook"), "ball": ("ballon", "ball"),
        "laptop": ("ordinateur portable", "laptop"), "wheelchair": ("fauteuil roulant", "wheelchair"),
    },
    "expression": {
        "smile": ("souriant", "smiling"), "calm": ("calme", "calm"),
        "wink": ("clin d'œil", "winking"), "determined": ("déterminé", "determined"),
    },
}
AVATAR_PART_LABELS: dict[str, tuple[str, str]] = {
    "shape": ("silhouette", "shape"), "skin": ("peau", "skin"), "hair": ("cheveux", "hair"),
    "headwear": ("tête", "head"), "top": ("haut", "top"), "colour": ("couleur", "colour"),
    "accessory": ("accessoire", "accessory"), "expression": ("expression", "expression"),
}

BADGES: dict[str, tuple[str, str]] = {
    "avatar": ("Avatar créé", "Avatar created"),
    "interests": ("Goûts explorés", "Interests explored"),
    "experience": ("Première expérience racontée", "First experience told"),
    "competences": ("Compétences repérées", "Competences spotted"),
    "explorer": ("Explorateur·rice de métiers", "Job explorer"),
    "thumbs": ("Avis donnés", "Opinions given"),
    "map": ("Carte des métiers vue", "Job map seen"),
    "training": ("Formations regardées", "Trainings looked at"),
    "places": ("Lieux d'aide trouvés", "Help places found"),
    "export": ("Profil emporté", "Profile taken away"),
    "summary": ("Synthèse imprimée", "Summary printed"),
}

RIASEC_LETTERS = "RIASEC"
# Only the questionnaire's own statements (upper case here, "R1"): an unknown id would make
# the whole set of answers unscorable.
QUESTION_ID = re.compile("|".join(q.upper() for q in RIASEC_QUESTION_IDS))
JOB_CODE = re.compile(r"[A-N][0-9]{4}")
CENTRE_CODE = re.compile(r"[1-9][0-9]?")  # ROME numbers its interest centres 1..30
GRAND_DOMAIN = re.compile(r"[A-Z]")  # ROME grand domains are single letters (A..N in v4)

MAX_RIASEC_ANSWERS = len(RIASEC_QUESTION_IDS)
MAX_CENTRES = 30
MAX_AVOIDED = 26
# Study levels a person can cap their suggestions at (niveaux de certification): the words
# shown for each, French then English.
STUDY_LEVEL_WORDS: dict[int, tuple[str, str]] = {
    3: ("CAP", "CAP (vocational certificate)"), 4: ("Bac", "Baccalauréat"),
    5: ("Bac + 2", "2 years after the bac"), 6: ("Bac + 3", "3 years after the bac"),
    7: ("Bac + 5", "5 years after the bac"),
}
MAX_EXPERIENCES = 20
MAX_EXPERIENCE_CHARS = 500
MAX_EXPERIENCE_COMPETENCES = 40
MAX_COMPETENCES = 200
MAX_THUMBS = 200
MAX_NOTES = 20
MAX_NOTE_CHARS = 2000
MAX_XP = 100_000
MAX_OGR = 99_999_999
# The whole journey, as compact UTF-8 JSON, must fit in a portable file (64 KB with the envelope):
# 20 notes of 2,000 accented or emoji characters would not, so the total is checked too.
MAX_JOURNEY_BYTES = 60_000

TOP_KEYS = (
    "version", "lang", "avatar", "riasec", "experiences", "competences", "thumbs", "notes",
    "xp", "badges", "postcode", "centres", "max_level", "avoid",
)


class JourneyError(ValueError):
    """A journey (or a file holding one) is refused; both messages say what is wrong."""

    def __init__(self, message_fr: str, message_en: str, path: str = "", *,
                 too_large: bool = False) -> None:
        self.message_fr = message_fr
        self.message_en = message_en
        self.path = path
        self.too_large = too_large  # refused for its size alone (HTTP 413 at the edge)
        super().__init__(f"{message_fr} / {message_en}")

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang == "en" else self.message_fr

    def to_dict(self) -> dict[str, str]:
        return {"fr": self.message_fr, "en": self.message_en, "field": self.path}


@dataclass(frozen=True, slots=True)
class Experience:
    text: str
    competences: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()  # suggestions the person took away: "that is not me"
    # went through the review and kept nothing (then, and only then, nothing else says so)
    reviewed: bool = False

    @property
    def key(self) -> str:
        """A short name for this experience that survives reordering: forms carry it, so an
        answer sent from an older page (browser Back) never lands on another experience."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:12]

    @property
    def checked(self) -> bool:
        """Whether the person went through what the tool understood of it (kept or took away
        something, or answered the review keeping nothing): only then does what they kept
        count alone."""
        return bool(self.competences or self.removed or self.reviewed)

    def review(self, shown: set[int], ticked: list[int]) -> Experience:
        """The person's answer to the suggestions `shown`: `ticked` ones are kept, the other
        ones shown are taken away; a second review replaces the first for what it shows.
        Ticking nothing takes nothing away: it says that none of the tool's guesses fit (or
        that they were hard to read), not that the words mean none of them; blocking the 8
        closest items left only chance look-alikes to suggest jobs from."""
        picked = [c for c in ticked if c in shown]
        kept = tuple(dict.fromkeys((*(c for c in self.competences if c not in shown), *picked)))
        kept = kept[:MAX_EXPERIENCE_COMPETENCES]
        if not picked:
            return Experience(self.text, kept, self.removed,
                              reviewed=not (kept or self.removed))
        return Experience(self.text, kept, _taken_away(
            (*(c for c in self.removed if c not in kept), *sorted(shown - set(kept)))))

    def without(self, ogr: int) -> Experience:
        """Without competence `ogr`, remembered as taken away when it was one of its own, so
        that nothing from the same words counts it again."""
        if ogr not in self.competences:
            return self
        return Experience(self.text, tuple(c for c in self.competences if c != ogr),
                          _taken_away((*self.removed, ogr)))  # checked: it took one away

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "competences": list(self.competences)}
        if self.removed:  # optional: journeys without removals are written as before
            out["removed"] = list(self.removed)
        if self.reviewed:
            out["reviewed"] = True
        return out


def _taken_away(codes: tuple[int, ...]) -> tuple[int, ...]:
    """Codes taken away from an experience, once each, the newest MAX_EXPERIENCE_COMPETENCES."""
    return tuple(dict.fromkeys(codes))[-MAX_EXPERIENCE_COMPETENCES:]


@dataclass(frozen=True, slots=True)
class Journey:
    lang: str = "fr"
    avatar: dict[str, str] = field(default_factory=dict)
    riasec: dict[str, int] = field(default_factory=dict)
    experiences: tuple[Experience, ...] = ()
    competences: tuple[int, ...] = ()
    thumbs: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    xp: int = 0
    badges: tuple[str, ...] = ()
    postcode: str | None = None
    centres: tuple[str, ...] = ()  # in code order
    max_level: int | None = None   # a key of STUDY_LEVEL_WORDS
    avoid: tuple[str, ...] = ()    # grand domain letters, sorted
    version: int = JOURNEY_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The canonical form (every key present, keys and codes sorted)."""
        return {
            "version": self.version,
            "lang": self.lang,
            "avatar": dict(sorted(self.avatar.items())),
            "riasec": dict(sorted(self.riasec.items())),
            "experiences": [e.to_dict() for e in self.experiences],
            "competences": list(self.competences),
            "thumbs": dict(sorted(self.thumbs.items())),
            "notes": list(self.notes),
            "xp": self.xp,
            "badges": list(self.badges),
            "postcode": self.postcode,
            "centres": list(self.centres),
            "max_level": self.max_level,
            "avoid": list(self.avoid),
        }

    def to_compact_dict(self) -> dict[str, Any]:
        """The canonical form without empty or default values (smaller files, QR codes)."""
        full = self.to_dict()
        return {
            k: v for k, v in full.items()
            if k == "version" or v not in (None, [], {}, 0) or (k == "lang")
        }

    def byte_size(self) -> int:
        """Size of the compact UTF-8 JSON form."""
        text = json.dumps(self.to_compact_dict(), ensure_ascii=False, separators=(",", ":"))
        return len(text.encode("utf-8"))

    @classmethod
    def from_dict(cls, data: object) -> Journey:
        return parse_journey(data)

    # --- derived, read-only views ---------------------------------------------------------
    def all_competences(self) -> tuple[int, ...]:
        """Kept competences, then those kept from experiences, without duplicates."""
        seen = dict.fromkeys(self.competences)
        for e in self.experiences:
            seen.update(dict.fromkeys(e.competences))
        return tuple(seen)

    def riasec_scores(self) -> dict[str, int]:
        """Sum of answers per RIASEC letter (0 for letters without answers)."""
        scores = dict.fromkeys(RIASEC_LETTERS, 0)
        for qid, answer in self.riasec.items():
            scores[qid[0]] += answer
        return scores

    @property
    def tastes_alike(self) -> bool:
        """Interest questions answered, every letter alike (all "pas du tout", or all the
        same): the answers tell no preference."""
        return bool(self.riasec) and len(set(self.riasec_scores().values())) == 1

    def has_experience(self, text: str) -> bool:
        """Whether an experience with the same words is already there (spaces, case and
        accents written in another Unicode form aside): the same experience is told once."""
        key = same_text_key(text)
        return any(same_text_key(e.text) == key for e in self.experiences if e.text)

    def liked_jobs(self) -> tuple[str, ...]:
        return tuple(code for code, v in sorted(self.thumbs.items()) if v > 0)

    def disliked_jobs(self) -> tuple[str, ...]:
        return tuple(code for code, v in sorted(self.thumbs.items()) if v < 0)


# --- validation ---------------------------------------------------------------------------

def _fail(fr: str, en: str, path: str) -> JourneyError:
    where_fr = f" (champ « {path} »)" if path else ""
    where_en = f" (field '{path}')" if path else ""
    return JourneyError(fr + where_fr, en + where_en, path)


def _fail_size(fr: str, en: str, path: str) -> JourneyError:
    error = _fail(fr, en, path)
    error.too_large = True
    return error


def _int(value: object, path: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail("Un nombre entier est attendu", "A whole number is expected", path)
    if not lo <= value <= hi:
        raise _fail(
            f"Le nombre doit être entre {lo} et {hi}", f"The number must be between {lo} and {hi}",
            path,
        )
    return value


def _dict(value: object, path: str, max_items: int) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise _fail("Un objet { … } est attendu", "An object { … } is expected", path)
    if len(value) > max_items:
        raise _fail(
            f"Trop d'éléments ({len(value)}, au plus {max_items})",
            f"Too many items ({len(value)}, at most {max_items})", path,
        )
    return value


def _list(value: object, path: str, max_items: int) -> list[object]:
    if not isinstance(value, list):
        raise _fail("Une liste [ … ] est attendue", "A list [ … ] is expected", path)
    if len(value) > max_items:
        raise _fail(
            f"Trop d'éléments ({len(value)}, au plus {max_items})",
            f"Too many items ({len(value)}, at most {max_items})", path,
        )
    return value


def clean_text(value: object, path: str, max_chars: int, *, multiline: bool = True) -> str:
    """Validate a free text: a string, NFC, no control or bidi-override characters,
    at most max_chars characters. Line breaks are kept (normalised to \\n) when multiline."""
    if not isinstance(value, str):
        raise _fail("Un texte est attendu", "A text is expected", path)
    if len(value) > 4 * max_chars:  # refuse before normalising a huge string
        raise _fail(
            f"Texte trop long (au plus {max_chars} caractères)",
            f"Text too long (at most {max_chars} characters)", path,
        )
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n")).strip()
    ch = forbidden_character(text, "\n\t" if multiline else "")
    if ch is not None:
        raise _fail(
            f"Caractère interdit U+{ord(ch):04X} (caractère de contrôle ou invisible)",
            f"Forbidden character U+{ord(ch):04X} (control or invisible character)", path,
        )
    if len(text) > max_chars:
        raise _fail(
            f"Texte trop long ({len(text)} caractères, au plus {max_chars})",
            f"Text too long ({len(text)} characters, at most {max_chars})", path,
        )
    return text


def _key(value: str, pattern: re.Pattern[str], path: str, what_fr: str, what_en: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        shown = repr(value)[:40]
        raise _fail(f"{what_fr} inconnu : {shown}", f"Unknown {what_en}: {shown}", path)
    return value


def _ogr_codes(value: object, path: str, max_items: int) -> tuple[int, ...]:
    items = _list(value, path, max_items)
    codes = [_int(v, f"{path}[{i}]", 1, MAX_OGR) for i, v in enumerate(items)]
    return tuple(dict.fromkeys(codes))


def parse_journey(data: object) -> Journey:
    """Validate untrusted data (parsed JSON) into a Journey, or raise JourneyError."""
    if not isinstance(data, dict):
        raise _fail("Le profil doit être un objet JSON", "The profile must be a JSON object", "")
    unknown = sorted(str(k) for k in data if k not in TOP_KEYS)
    if unknown:
        shown = ", ".join(repr(k)[:30] for k in unknown[:5])
        raise _fail(f"Champ inconnu : {shown}", f"Unknown field: {shown}", "")
    if "version" not in data:
        raise _fail("Version du profil absente", "Profile version missing", "version")
    version = data["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version != JOURNEY_VERSION:
        shown = repr(version)[:20]
        raise _fail(
            f"Version de profil {shown} inconnue : cette version de Tremplin lit la version "
            f"{JOURNEY_VERSION}",
            f"Unknown profile version {shown}: this version of Tremplin reads version "
            f"{JOURNEY_VERSION}", "version",
        )

    lang = data.get("lang", "fr")
    if lang not in LANGS:
        raise _fail(
            f"Langue inconnue (attendu : {', '.join(LANGS)})",
            f"Unknown language (expected: {', '.join(LANGS)})", "lang",
        )

    avatar: dict[str, str] = {}
    for part, option in _dict(data.get("avatar", {}), "avatar", len(AVATAR_PARTS)).items():
        if part not in AVATAR_PARTS:
            raise _fail(f"Partie d'avatar inconnue : {part!r:.30}", f"Unknown avatar part: {part!r:.30}",
                        "avatar")
        if not isinstance(option, str) or option not in AVATAR_PARTS[part]:
            raise _fail(f"Option d'avatar inconnue : {option!r:.30}",
                        f"Unknown avatar option: {option!r:.30}", f"avatar.{part}")
        avatar[part] = option

    riasec: dict[str, int] = {}
    for qid, answer in _dict(data.get("riasec", {}), "riasec", MAX_RIASEC_ANSWERS).items():
        _key(qid, QUESTION_ID, "riasec", "Identifiant de question", "question id")
        riasec[qid] = _int(answer, f"riasec.{qid}", 0, 2)

    experiences = []
    for i, raw in enumerate(_list(data.get("experiences", []), "experiences", MAX_EXPERIENCES)):
        path = f"experiences[{i}]"
        if not isinstance(raw, dict):
            raise _fail("Un objet { … } est attendu", "An object { … } is expected", path)
        extra = sorted(str(k) for k in raw
                       if k not in ("text", "competences", "removed", "reviewed"))
        if extra:
            raise _fail(f"Champ inconnu : {extra[0]!r:.30}", f"Unknown field: {extra[0]!r:.30}", path)
        text = clean_text(raw.get("text", ""), f"{path}.text", MAX_EXPERIENCE_CHARS)
        codes = _ogr_codes(raw.get("competences", []), f"{path}.competences",
                           MAX_EXPERIENCE_COMPETENCES)
        removed = _ogr_codes(raw.get("removed", []), f"{path}.removed",
                             MAX_EXPERIENCE_COMPETENCES)
        reviewed = raw.get("reviewed", False)
        if not isinstance(reviewed, bool):
            raise _fail("« reviewed » vaut true ou false", "'reviewed' is true or false",
                        f"{path}.reviewed")
        kept_away = tuple(c for c in removed if c not in codes)
        if text or codes:  # `reviewed` only says what nothing else does
            experiences.append(Experience(text, codes, kept_away,
                                          reviewed and not (codes or kept_away)))

    competences = _ogr_codes(data.get("competences", []), "competences", MAX_COMPETENCES)

    thumbs: dict[str, int] = {}
    for code, vote in _dict(data.get("thumbs", {}), "thumbs", MAX_THUMBS).items():
        _key(code, JOB_CODE, "thumbs", "Code de fiche métier", "job code")
        if isinstance(vote, bool) or vote not in (1, -1):
            raise _fail("Un avis vaut 1 ou -1", "A thumb is 1 or -1", f"thumbs.{code}")
        thumbs[code] = 1 if vote == 1 else -1

    notes = []
    for i, raw in enumerate(_list(data.get("notes", []), "notes", MAX_NOTES)):
        note = clean_text(raw, f"notes[{i}]", MAX_NOTE_CHARS)
        if note:
            notes.append(note)

    xp = _int(data.get("xp", 0), "xp", 0, MAX_XP)

    badges = []
    for i, raw in enumerate(_list(data.get("badges", []), "badges", len(BADGES))):
        if not isinstance(raw, str) or raw not in BADGES:
            raise _fail(f"Badge inconnu : {raw!r:.30}", f"Unknown badge: {raw!r:.30}", f"badges[{i}]")
        badges.append(raw)

    postcode = data.get("postcode")
    if postcode is not None and (not isinstance(postcode, str) or not POSTCODE.fullmatch(postcode)):
        raise _fail("Le code postal doit faire 5 chiffres", "The postcode must be 5 digits", "postcode")

    centres = []
    for i, raw in enumerate(_list(data.get("centres", []), "centres", MAX_CENTRES)):
        centres.append(_key(raw, CENTRE_CODE, f"centres[{i}]", "Centre d'intérêt",  # type: ignore[arg-type]
                            "interest centre"))

    max_level = data.get("max_level")
    if max_level is not None:
        max_level = _int(max_level, "max_level", min(STUDY_LEVEL_WORDS), max(STUDY_LEVEL_WORDS))

    avoid = [_key(raw, GRAND_DOMAIN, f"avoid[{i}]", "Domaine", "domain")  # type: ignore[arg-type]
             for i, raw in enumerate(_list(data.get("avoid", []), "avoid", MAX_AVOIDED))]

    journey = Journey(
        version=JOURNEY_VERSION, lang=str(lang), avatar=avatar, riasec=riasec,
        experiences=tuple(experiences), competences=competences, thumbs=thumbs,
        notes=tuple(notes), xp=xp, badges=tuple(dict.fromkeys(badges)), postcode=postcode,
        centres=sorted_centres(centres), max_level=max_level, avoid=tuple(sorted(set(avoid))),
    )
    size = journey.byte_size()
    if size > MAX_JOURNEY_BYTES:
        raise _fail_size(
            f"Profil trop gros ({size // 1000} Ko, au plus {MAX_JOURNEY_BYTES // 1000} Ko) : "
            "raccourcis les notes ou les expériences",
            f"Profile too big ({size // 1000} KB, at most {MAX_JOURNEY_BYTES // 1000} KB): "
            "shorten the notes or experiences", "notes",
        )
    return journey


def sorted_centres(codes: Any) -> tuple[str, ...]:
    """Interest centre codes without duplicates, in their numeric order."""
    return tuple(sorted(set(codes), key=int))


def restrict_to_catalog(journey: Journey, catalog: Any) -> tuple[Journey, list[str]]:
    """Drop competence and job codes the catalog does not know (an older or newer ROME, or a
    crafted file). Returns the cleaned journey and one English+French line per drop."""
    dropped: list[str] = []
    known_ogr: dict[int, bool] = {}

    def ok(ogr: int) -> bool:
        if ogr not in known_ogr:
            known_ogr[ogr] = catalog.get_competence(ogr) is not None
        if not known_ogr[ogr]:
            dropped.append(f"compétence {ogr} inconnue / unknown competence {ogr}")
        return known_ogr[ogr]

    competences = tuple(c for c in journey.competences if ok(c))
    experiences = tuple(
        Experience(e.text, tuple(c for c in e.competences if ok(c)),
                   tuple(c for c in e.removed if ok(c)), e.reviewed) for e in journey.experiences
    )
    thumbs = {}
    for code, vote in journey.thumbs.items():
        if catalog.get_job(code) is None:
            dropped.append(f"fiche {code} inconnue / unknown job {code}")
        else:
            thumbs[code] = vote
    known_centres = {c.code for c in catalog.interest_centres()}
    for code in journey.centres:
        if code not in known_centres:
            dropped.append(f"centre d'intérêt {code} inconnu / unknown interest centre {code}")
    known_domains = {g.code for g in catalog.grand_domains()}
    for code in journey.avoid:
        if code not in known_domains:
            dropped.append(f"domaine {code} inconnu / unknown domain {code}")
    cleaned = Journey(
        version=journey.version, lang=journey.lang, avatar=dict(journey.avatar),
        riasec=dict(journey.riasec), experiences=experiences, competences=competences,
        thumbs=thumbs, notes=journey.notes, xp=journey.xp, badges=journey.badges,
        postcode=journey.postcode,
        centres=tuple(c for c in journey.centres if c in known_centres),
        max_level=journey.max_level,
        avoid=tuple(c for c in journey.avoid if c in known_domains),
    )
    return cleaned, list(dict.fromkeys(dropped))


def avatar_words(avatar: Mapping[str, str], lang: str = "fr") -> list[tuple[str, str]]:
    """(part label, option label) in the order of AVATAR_PARTS."""
    i = 1 if lang == "en" else 0
    return [
        (AVATAR_PART_LABELS[part][i], AVATAR_PARTS[part][avatar[part]][i])
        for part in AVATAR_PARTS if part in avatar and avatar[part] in AVATAR_PARTS[part]
    ]
