"""The profile: a plain, serialisable value with no name, age, gender or contact in it.

Documented limits (a profile over them is refused with a ProfileError that says which limit;
nothing is truncated silently):
- at most MAX_COMPETENCES chosen competence / savoir codes;
- at most MAX_EXPERIENCES experiences, each 1..MAX_EXPERIENCE_CHARS characters holding at
  least MIN_EXPERIENCE_LETTERS letters (in any script) and more than "I don't know",
  greetings or random keys (`text.says_nothing`);
- at most MAX_CONFIRMED_PER_EXPERIENCE confirmed and MAX_REMOVED_PER_EXPERIENCE removed codes
  per experience;
- at most MAX_INTEREST_CENTRES interest centres and MAX_AVOIDED_DOMAINS avoided domains.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tremplin.recommend.errors import ProfileError
from tremplin.recommend.riasec import LETTERS
from tremplin.recommend.text import forbidden_character, same_text_key, says_nothing

MAX_COMPETENCES = 150
MAX_EXPERIENCES = 20
MAX_EXPERIENCE_CHARS = 1000
MAX_CONFIRMED_PER_EXPERIENCE = 40
MAX_REMOVED_PER_EXPERIENCE = 200
MAX_INTEREST_CENTRES = 30
MAX_AVOIDED_DOMAINS = 20
STUDY_LEVELS = (3, 4, 5, 6, 7, 8)  # niveaux de certification: 3 = CAP ... 8 = doctorat

# 5 digits, as the pages and the API's /places check it ("2A004" is a Corsican commune
# code, not a postcode; one that no place holds simply finds none, and says so)
FIVE_DIGITS = re.compile(r"[0-9]{5}")
# A postcode of a department that exists (01-95, Corsica 20, overseas 971-976, Monaco and
# overseas collectivities 980-988): checked with fullmatch, here, in journeys and pages.
POSTCODE = re.compile(r"(?:0[1-9]|[1-8][0-9]|9[0-5])[0-9]{3}|97[1-6][0-9]{2}|98[0-8][0-9]{2}")
POSTCODE_SHAPE = ("5 digits starting with a department number: 01 to 95 (Corsica: 20), "
                  "971 to 976 (overseas) or 980 to 988 (Monaco, overseas collectivities), "
                  "e.g. 75011 or 97400",
                  "5 chiffres commençant par le numéro du département : 01 à 95 (Corse : 20), "
                  "971 à 976 (outre-mer) ou 980 à 988 (Monaco, collectivités d'outre-mer), "
                  "par exemple 75011 ou 97400")
_DOMAIN = re.compile(r"^[A-N](?:\d{2})?$")


EXPERIENCE_KEYS = ("text", "confirmed_competences", "removed_competences", "reviewed")
MIN_EXPERIENCE_LETTERS = 2  # "..." or "😀😀" say nothing: refused rather than matched at random


def department_prefix(postcode: str) -> str:
    """The department part of a 5-digit postcode: 3 digits overseas (97x, 98x), else 2."""
    return postcode[:3] if postcode[:2] in ("97", "98") else postcode[:2]


def is_french_postcode(postcode: str) -> bool:
    """5 digits starting with a department that exists: 01..95 (Corsica is 20xxx), 971..976
    (overseas departments), 980..988 (Monaco 98000, overseas collectivities)."""
    return bool(POSTCODE.fullmatch(postcode))


QUOTED_CHARS = 60  # how much of a refused text its message quotes


def _quoted(text: str) -> str:
    """The start of a text for a message, with "…" when it was cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTED_CHARS else flat[:QUOTED_CHARS - 1].rstrip() + "…"


def has_words(text: str) -> bool:
    """Whether a text holds at least MIN_EXPERIENCE_LETTERS letters, in any script."""
    return sum(ch.isalpha() for ch in text) >= MIN_EXPERIENCE_LETTERS


def check_experience_text(text: object, where: str = "text") -> str:
    """An experience text must hold words and stay within MAX_EXPERIENCE_CHARS (never cut)."""
    if not isinstance(text, str) or not text.strip():
        raise ProfileError(f"{where} is empty: describe what you did in a few words.",
                           field=where, fr="Une expérience est vide : décrivez en quelques mots "
                           "ce que vous avez fait.")
    if len(text) > MAX_EXPERIENCE_CHARS:
        raise ProfileError(
            f"{where} has {len(text)} characters, at most {MAX_EXPERIENCE_CHARS}: split it "
            "into several experiences or shorten it.", field=where,
            fr=f"Une expérience fait {len(text)} caractères ({MAX_EXPERIENCE_CHARS} au "
            "maximum) : coupez-la en plusieurs expériences ou raccourcissez-la.")
    control = forbidden_character(text, "\n\r\t")
    if control is not None:
        raise ProfileError(
            f"{where} holds a control or bidi character (U+{ord(control):04X}): send plain text.",
            field=where, fr="Une expérience contient un caractère de contrôle : envoyez du "
            "texte simple.")
    if not has_words(text):
        raise ProfileError(
            f"{where} holds no words ({text.strip()[:20]!r}): describe what you did in a few "
            "words, in any language.", field=where,
            fr="Une expérience ne contient aucun mot : décrivez en quelques mots ce que vous "
            "avez fait, dans la langue de votre choix.")
    if says_nothing(text):
        raise ProfileError(
            f"{where} does not say what was done ({_quoted(text)!r} reads as 'I don't "
            "know', a greeting, random keys, only what is disliked, only an age, a school "
            "year, qualities, a preferred way of working or the wish to work): describe one thing "
            "done, even a small one, such "
            "as 'I look after my little brother'.", field=where,
            fr=f"Une expérience ne dit pas ce qui a été fait (« {_quoted(text)} ») : elle "
            "dit seulement « je ne sais pas », ce qu'on n'aime pas, un âge, une classe, des "
            "qualités, une façon de travailler qu'on préfère ou l'envie de travailler. "
            "Décrivez une chose faite, même petite, par exemple « je garde mon petit frère ».")
    return text


def describes_something(text: str) -> bool:
    """Whether an experience text can be matched: letters, and more than "jsp" or "test"."""
    return has_words(text) and not says_nothing(text)


def _code(value: object, where: str) -> int:
    if isinstance(value, bool):
        raise ProfileError(f"{where}: {value!r} is not a ROME code.", field=where,
                           fr=f"{where} : {value!r} n'est pas un code ROME.")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    raise ProfileError(f"{where}: {value!r} is not a ROME competence code (a number such as 300282).",
                       field=where,
                       fr=f"{where} : {value!r} n'est pas un code de compétence ROME (un nombre).")


def _codes(values: object, where: str, limit: int) -> tuple[int, ...]:
    if values is None:
        return ()
    if isinstance(values, str | bytes) or not isinstance(values, Sequence | set | frozenset):
        raise ProfileError(f"{where} must be a list of codes.", field=where,
                           fr=f"{where} doit être une liste de codes.")
    items = list(values)
    if len(items) > limit:
        raise ProfileError(f"{where}: {len(items)} codes given, at most {limit} are accepted.",
                           field=where, fr=f"{where} : {len(items)} codes, {limit} au maximum.")
    return tuple(dict.fromkeys(_code(v, f"{where}[{i}]") for i, v in enumerate(items)))


@dataclass(frozen=True, slots=True)
class Experience:
    """Something the person did, in their own words, with the codes they confirmed.

    `confirmed_competences` empty means "not reviewed yet": the engine then uses its own
    suggestions for the text (with their similarity as weight, and says they are guesses).
    `removed_competences` are suggestions the person rejected; they are never used for this
    experience. `reviewed` says the person went through the suggestions: only the confirmed
    codes count as competences then, even none (someone who took every suggestion away meant
    it); the text itself still counts as words, like every experience's.
    """

    text: str
    confirmed_competences: tuple[int, ...] = ()
    removed_competences: tuple[int, ...] = ()
    reviewed: bool = False

    @property
    def guessed(self) -> bool:
        """Whether the engine picks this experience's competences itself."""
        return not (self.confirmed_competences or self.reviewed)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "confirmed_competences": list(self.confirmed_competences),
                "removed_competences": list(self.removed_competences),
                "reviewed": self.reviewed}


@dataclass(frozen=True, slots=True)
class Constraints:
    max_study_level: int | None = None           # 3 (CAP) .. 8 (doctorat)
    avoided_domains: tuple[str, ...] = ()        # grand domain letter 'K' or domain 'K13'
    postcode: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"max_study_level": self.max_study_level,
                "avoided_domains": list(self.avoided_domains), "postcode": self.postcode}


@dataclass(frozen=True, slots=True)
class Profile:
    competences: tuple[int, ...] = ()
    experiences: tuple[Experience, ...] = ()
    riasec: Mapping[str, float] = field(default_factory=dict)   # letter -> [0, 1]
    interest_centres: tuple[str, ...] = ()
    constraints: Constraints = field(default_factory=Constraints)

    def __post_init__(self) -> None:
        validate(self)

    @property
    def is_empty(self) -> bool:
        return not (self.competences or self.experiences or any(self.riasec.values())
                    or self.interest_centres)

    def to_dict(self) -> dict[str, Any]:
        return {
            "competences": list(self.competences),
            "experiences": [e.to_dict() for e in self.experiences],
            "riasec": {k: self.riasec[k] for k in LETTERS if k in self.riasec},
            "interest_centres": list(self.interest_centres),
            "constraints": self.constraints.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: object) -> Profile:
        """Build a profile from plain JSON data; every problem raises a ProfileError."""
        if not isinstance(data, Mapping):
            raise ProfileError("A profile must be a JSON object.", field="profile",
                               fr="Un profil doit être un objet JSON.")
        known = {"competences", "experiences", "riasec", "interest_centres", "constraints"}
        extra = sorted(str(k) for k in data if k not in known)
        if extra:
            raise ProfileError(
                f"Unknown profile fields: {', '.join(extra)} (a profile holds no personal data; "
                f"allowed: {', '.join(sorted(known))}).", field=extra[0],
                fr=f"Champs inconnus : {', '.join(extra)}.")
        raw_exps = data.get("experiences") or []
        if not isinstance(raw_exps, list):
            raise ProfileError("experiences must be a list.", field="experiences",
                               fr="experiences doit être une liste.")
        if len(raw_exps) > MAX_EXPERIENCES:
            raise _too_many_experiences(len(raw_exps))
        exps = []
        for i, e in enumerate(raw_exps):
            where = f"experiences[{i}]"
            if isinstance(e, str):
                e = {"text": e}
            if not isinstance(e, Mapping):
                raise ProfileError(f"{where} must be an object with a text.", field=where,
                                   fr=f"{where} doit contenir un texte.")
            extra = sorted(str(k) for k in e if k not in EXPERIENCE_KEYS)
            if extra:
                raise ProfileError(
                    f"Unknown fields in {where}: {', '.join(extra)} (allowed: "
                    f"{', '.join(EXPERIENCE_KEYS)}).", field=where,
                    fr=f"Champs inconnus dans {where} : {', '.join(extra)}.")
            text = e.get("text")
            if not isinstance(text, str):
                raise ProfileError(f"{where}.text must be a string.", field=f"{where}.text",
                                   fr=f"{where}.text doit être un texte.")
            exps.append(Experience(
                text=text,
                confirmed_competences=_codes(e.get("confirmed_competences"),
                                             f"{where}.confirmed_competences",
                                             MAX_CONFIRMED_PER_EXPERIENCE),
                removed_competences=_codes(e.get("removed_competences"),
                                           f"{where}.removed_competences",
                                           MAX_REMOVED_PER_EXPERIENCE),
                reviewed=e.get("reviewed", False),  # checked with the rest by validate()
            ))
        riasec = data.get("riasec") or {}
        if isinstance(riasec, str):
            riasec = riasec_from_letters(riasec)
        if not isinstance(riasec, Mapping):
            raise ProfileError("riasec must map letters R,I,A,S,E,C to numbers in [0, 1].",
                               field="riasec", fr="riasec doit associer les lettres à un nombre.")
        cons = data.get("constraints") or {}
        if not isinstance(cons, Mapping):
            raise ProfileError("constraints must be an object.", field="constraints",
                               fr="constraints doit être un objet.")
        extra_c = sorted(str(k) for k in cons if k not in ("max_study_level", "avoided_domains",
                                                            "postcode"))
        if extra_c:
            raise ProfileError(f"Unknown constraints: {', '.join(extra_c)}.", field="constraints",
                               fr=f"Contraintes inconnues : {', '.join(extra_c)}.")
        avoided = cons.get("avoided_domains") or []
        centres = data.get("interest_centres") or []
        for name, value in (("constraints.avoided_domains", avoided),
                            ("interest_centres", centres)):
            if not isinstance(value, list):
                raise ProfileError(f"{name} must be a list.", field=name,
                                   fr=f"{name} doit être une liste.")
        return cls(
            competences=_codes(data.get("competences"), "competences", MAX_COMPETENCES),
            experiences=tuple(exps),
            riasec=dict(riasec),
            interest_centres=tuple(str(c) for c in centres),
            constraints=Constraints(
                max_study_level=cons.get("max_study_level"),
                avoided_domains=tuple(str(d) for d in avoided),
                postcode=None if cons.get("postcode") in (None, "") else str(cons.get("postcode")),
            ),
        )


def riasec_from_letters(letters: str) -> dict[str, float]:
    """'S,A' or 'SA' -> {'S': 1.0, 'A': 0.75}: the first letter counts most (CLI shortcut)."""
    cleaned = [c for c in letters.upper() if c not in " ,;/-"]
    bad = [c for c in cleaned if c not in LETTERS]
    if bad or not cleaned:
        raise ProfileError(f"RIASEC letters must be among R, I, A, S, E, C; got {letters!r}.",
                           field="riasec",
                           fr=f"Les lettres RIASEC doivent être parmi R, I, A, S, E, C : « {letters} ».")
    out: dict[str, float] = {}
    for i, c in enumerate(dict.fromkeys(cleaned)):
        out[c] = round(max(0.25, 1.0 - 0.25 * i), 4)
    return out


def _too_many_experiences(n: int) -> ProfileError:
    return ProfileError(
        f"{n} experiences given, at most {MAX_EXPERIENCES} are accepted: keep the ones that "
        "matter most.", field="experiences",
        fr=f"{n} expériences : {MAX_EXPERIENCES} au maximum. Gardez les plus importantes.")


def _typed_codes(codes: object, where: str) -> None:
    """Codes of a Profile built in Python must already be ints (from_dict converts JSON)."""
    if not isinstance(codes, tuple | list):
        raise ProfileError(f"{where} must be a tuple of int codes.", field=where,
                           fr=f"{where} doit être une liste de codes ROME (des nombres).")
    for n, code in enumerate(codes):
        if isinstance(code, bool) or not isinstance(code, int):
            raise ProfileError(
                f"{where}[{n}]: {code!r} is not an int ROME code (Profile.from_dict converts "
                "strings from JSON).", field=f"{where}[{n}]",
                fr=f"{where}[{n}] : {code!r} n'est pas un code ROME (un nombre).")


def _check_shapes(p: Profile) -> None:
    """The parts of a Profile built in Python have the types the engine reads."""
    _typed_codes(p.competences, "competences")
    if not isinstance(p.riasec, Mapping):
        raise ProfileError("riasec must map letters R,I,A,S,E,C to numbers in [0, 1] "
                           "(Profile.from_dict also takes \"S,A\").", field="riasec",
                           fr="riasec doit associer les lettres R, I, A, S, E, C à un nombre "
                           "entre 0 et 1.")
    if not isinstance(p.interest_centres, tuple | list) or not all(
            isinstance(c, str) for c in p.interest_centres):
        raise ProfileError("interest_centres must be a tuple of code strings such as \"17\".",
                           field="interest_centres", fr="interest_centres doit être une liste "
                           "de codes de centres d'intérêt, par exemple « 17 ».")
    if not isinstance(p.constraints, Constraints):
        raise ProfileError("constraints must be a Constraints (Profile.from_dict takes a dict).",
                           field="constraints", fr="constraints doit être un objet.")
    if not all(isinstance(d, str) for d in p.constraints.avoided_domains):
        raise ProfileError("constraints.avoided_domains must hold strings such as \"K\".",
                           field="constraints.avoided_domains",
                           fr="constraints.avoided_domains doit contenir des codes comme « K ».")
    if p.constraints.postcode is not None and not isinstance(p.constraints.postcode, str):
        raise ProfileError("constraints.postcode must be a string of 5 digits.",
                           field="constraints.postcode",
                           fr="constraints.postcode doit être un texte de 5 chiffres.")


def validate(p: Profile) -> None:
    """Checks that need no catalog (codes are checked against the index in recommend())."""
    _check_shapes(p)
    if len(p.competences) > MAX_COMPETENCES:
        raise ProfileError(f"{len(p.competences)} competences given, at most {MAX_COMPETENCES}.",
                           field="competences",
                           fr=f"{len(p.competences)} compétences : {MAX_COMPETENCES} au maximum.")
    if len(p.experiences) > MAX_EXPERIENCES:
        raise _too_many_experiences(len(p.experiences))
    seen: dict[str, int] = {}
    for i, e in enumerate(p.experiences):
        where = f"experiences[{i}].text"
        if not isinstance(e, Experience):
            raise ProfileError(f"experiences[{i}] must be an Experience.", field=f"experiences[{i}]",
                               fr=f"experiences[{i}] doit être une expérience (Experience).")
        check_experience_text(e.text, where)
        key = same_text_key(e.text)
        if key in seen:  # counted twice, it would weigh twice in the ranking
            raise ProfileError(
                f"experiences[{i}] repeats experiences[{seen[key]}]: give each experience once.",
                field=where, fr="La même expérience est donnée deux fois : donnez-la une seule fois.")
        seen[key] = i
        if not isinstance(e.reviewed, bool):
            raise ProfileError(f"experiences[{i}].reviewed must be true or false.",
                               field=f"experiences[{i}].reviewed",
                               fr=f"experiences[{i}].reviewed doit valoir true ou false.")
        _typed_codes(e.confirmed_competences, f"experiences[{i}].confirmed_competences")
        _typed_codes(e.removed_competences, f"experiences[{i}].removed_competences")
        if len(e.confirmed_competences) > MAX_CONFIRMED_PER_EXPERIENCE:
            raise ProfileError(f"experiences[{i}] has more than {MAX_CONFIRMED_PER_EXPERIENCE} "
                               "confirmed competences.", field=f"experiences[{i}]",
                               fr=f"Une expérience a plus de {MAX_CONFIRMED_PER_EXPERIENCE} "
                               "compétences confirmées.")
        if len(e.removed_competences) > MAX_REMOVED_PER_EXPERIENCE:
            raise ProfileError(f"experiences[{i}] has more than {MAX_REMOVED_PER_EXPERIENCE} "
                               "removed competences.", field=f"experiences[{i}]",
                               fr=f"Une expérience a plus de {MAX_REMOVED_PER_EXPERIENCE} "
                               "compétences retirées.")
        both = set(e.confirmed_competences) & set(e.removed_competences)
        if both:
            raise ProfileError(
                f"experiences[{i}]: codes {sorted(both)} are both confirmed and removed.",
                field=f"experiences[{i}]",
                fr="Une compétence est à la fois confirmée et retirée pour la même expérience.")
    for k, v in p.riasec.items():
        if k not in LETTERS:
            raise ProfileError(f"riasec: unknown letter {k!r} (use R, I, A, S, E, C).",
                               field="riasec", fr=f"riasec : lettre inconnue « {k} ».")
        if isinstance(v, bool) or not isinstance(v, int | float) or not 0.0 <= float(v) <= 1.0:
            raise ProfileError(f"riasec[{k}] must be a number between 0 and 1, got {v!r}.",
                               field=f"riasec.{k}", fr=f"riasec[{k}] doit être entre 0 et 1.")
    if len(p.interest_centres) > MAX_INTEREST_CENTRES:
        raise ProfileError(f"At most {MAX_INTEREST_CENTRES} interest centres.",
                           field="interest_centres",
                           fr=f"{MAX_INTEREST_CENTRES} centres d'intérêt au maximum.")
    cons = p.constraints
    if cons.max_study_level is not None and (
            isinstance(cons.max_study_level, bool) or cons.max_study_level not in STUDY_LEVELS):
        raise ProfileError(
            f"max_study_level must be one of {', '.join(map(str, STUDY_LEVELS))} "
            f"(3 = CAP, 4 = bac, 5 = bac+2, 6 = bac+3, 7 = bac+5, 8 = doctorat); "
            f"got {cons.max_study_level!r}.", field="constraints.max_study_level",
            fr="Le niveau d'études maximum doit être entre 3 (CAP) et 8 (doctorat).")
    if len(set(cons.avoided_domains)) > MAX_AVOIDED_DOMAINS:  # a repeated code counts once
        raise ProfileError(f"At most {MAX_AVOIDED_DOMAINS} avoided domains.",
                           field="constraints.avoided_domains",
                           fr=f"{MAX_AVOIDED_DOMAINS} domaines à éviter au maximum.")
    for d in cons.avoided_domains:
        if not _DOMAIN.match(d):
            raise ProfileError(
                f"Avoided domain {d!r} is not a ROME grand domain letter (A..N) or a domain code "
                "such as 'K13'.", field="constraints.avoided_domains",
                fr=f"Domaine à éviter inconnu : « {d} » (une lettre A à N ou un code comme K13).")
    if cons.postcode is not None and not FIVE_DIGITS.fullmatch(cons.postcode):
        raise ProfileError(f"Postcode {cons.postcode!r} is not a French postcode (5 digits).",
                           field="constraints.postcode",
                           fr=f"Le code postal « {cons.postcode} » n'est pas valide (5 chiffres).")
    if cons.postcode is not None and not is_french_postcode(cons.postcode):
        dep = department_prefix(cons.postcode)
        raise ProfileError(
            f"Postcode {cons.postcode!r} is not a French postcode: no department is numbered "
            f"{dep}. A French postcode is {POSTCODE_SHAPE[0]}.", field="constraints.postcode",
            fr=f"Le code postal « {cons.postcode} » n'existe pas en France : aucun département "
            f"ne porte le numéro {dep}. Un code postal français fait {POSTCODE_SHAPE[1]}.")
