"""Study levels as the French certification scale (3 = CAP … 8 = doctorat), read from the
three places the open data states one: an ONISEP training's certification level or, for the
trainings outside the RNCP, its study level ("Bac + 5"); an ONISEP métier's minimum access
level; and the name of a diploma ROME lists ("BTS …", "Master …").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ONISEP study levels ("niveau_etudes", "niveau_acces_min"): folded text -> scale. Below CAP
# (brevet, 3e, no diploma) counts as 3, the lowest level a profile can choose.
_STUDY_LEVELS = (
    (re.compile(r"^bac\b"), 4),
    (re.compile(r"^cap\b"), 3),
    (re.compile(r"^(diplome national du brevet|3e|sans diplome)\b"), 3),
)
_AFTER_BAC = {1: 4, 2: 5, 3: 6, 4: 6, 5: 7, 6: 7, 7: 7, 8: 8, 9: 8}

# Diplomas named by ROME whose level does not depend on the speciality. "Titre
# professionnel", "CQP", "MC" and the like exist at several levels and are left out.
_DIPLOMAS = (
    (re.compile(r"^(diplome d'etat de docteur|diplome d'etudes specialisees|doctorat)\b"), 8),
    (re.compile(r"^(master|mastere|magistere|ingenieur|diplome d'ingenieur)\b"), 7),
    (re.compile(r"^(licence|but|bachelor|desjeps)\b"), 6),
    (re.compile(r"^(bts|btsa|dut|deust|dejeps|dma)\b"), 5),
    (re.compile(r"^(bac|baccalaureat|bp|bpjeps|brevet professionnel|bma)\b"), 4),
    (re.compile(r"^(cap|capa|bep|bpa)\b"), 3),
)


# French accented letters, folded by a table: decomposing every character of 1,584 access
# texts and 7,500 diploma names took 0.2 s on the first recommendation.
_ACCENTS = str.maketrans("àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ", "aaaaaaceeeeiiiinooooouuuuyyoa")


@lru_cache(maxsize=65536)  # the same diploma and level names recur thousands of times
def _fold(text: str) -> str:
    low = text.lower().replace("’", "'").replace("œ", "oe").replace("æ", "ae").translate(_ACCENTS)
    if not low.isascii():  # other letters: the general way
        decomposed = unicodedata.normalize("NFKD", low)
        low = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(low.split())


def study_level_number(text: str) -> int | None:
    """"Bac + 2" -> 5, "CAP ou équivalent" -> 3; None when the text states no level."""
    folded = _fold(text)
    after_bac = re.match(r"^bac ?\+ ?(\d+)", folded)
    if after_bac:
        return _AFTER_BAC.get(int(after_bac.group(1)), 8)
    for pattern, level in _STUDY_LEVELS:
        if pattern.match(folded):
            return level
    return None


def diploma_level(label: str) -> int | None:
    """The level of a diploma ROME lists, from its name; None when the name does not say."""
    folded = _fold(label)
    for pattern, level in _DIPLOMAS:
        if pattern.match(folded):
            return level
    return None


# Levels named in ROME's "accès à l'emploi" text of a fiche ("accessible avec un diplôme de
# niveau CAP/BEP à Bac", "… sans diplôme particulier", "… un Master"). Checked in this order
# on the folded text; every level mentioned counts, the lowest is the way in.
_ACCESS = (
    (re.compile(r"\bsans (diplome|qualification)\b|\btous les niveaux\b"), 3),
    (re.compile(r"\b(cap|bep|capa|niveau 3)\b"), 3),
    (re.compile(r"\bbac ?\+ ?([1-9])\b"), None),  # the number says it
    (re.compile(r"\b(bac|baccalaureat|bac pro(fessionnel)?|brevet professionnel|bp|niveau 4)\b"
                r"(?! ?\+)"), 4),
    (re.compile(r"\b(bts|btsa|dut|deust|niveau 5)\b"), 5),
    (re.compile(r"\b(licence|but|niveau 6)\b"), 6),
    (re.compile(r"\b(master|mastere|diplome d'ingenieur|ecole d'ingenieurs?|grandes? ecoles?"
                r"|niveau 7)\b"), 7),
    (re.compile(r"\b(doctorat|docteur|niveau 8)\b"), 8),
    # State diplomas (diplômes d'État) of care and social work, named without their level:
    # until 2026-11-29 the school nurse or the nurse anaesthetist had no level at all, so a
    # profile asking for CAP-level studies was shown them.
    (re.compile(r"\b(accompagnant educatif et social|deaes|ambulancier)\b"), 3),
    (re.compile(r"\b(aide.soignant|deas|auxiliaire de puericulture|deap|moniteur.educateur|deme"
                r"|technicien d'intervention sociale et familiale|de tisf)\b"), 4),
    (re.compile(r"\bdiplome d'etat d'infirmiere?\b(?! (anesthesiste|de bloc))|\bdei\b"
                r"|\b(ergotherapeute|psychomotricien|manipulateur en electroradiologie|demer"
                r"|educateur specialise|dees|educateur de jeunes enfants|deeje"
                r"|assistant de service social|mediateur familial)\b"), 6),
    (re.compile(r"\b(infirmiere? anesthesiste|iade|infirmiere? de bloc operatoire|ibode"
                r"|puericultrice|sage.femme|masseur.kinesitherapeute|demk)\b"), 7),
)


def certification_level(label: str) -> int | None:
    """The level of a certification ROME lists, from its name: a state diploma of care or
    social work by its name ("Diplôme d'Etat d'auxiliaire de puériculture" -> 4), else the
    kind of diploma ("BTS …" -> 5); None when the name does not say."""
    return access_level(label) or diploma_level(label)


def names_a_state_diploma(text: str) -> bool:
    """Whether a text speaks of a diplôme d'État ("d'Etat", "d’Etat")."""
    return "diplome d'etat" in _fold(text)


def access_level(text: str) -> int | None:
    """The lowest study level a ROME access text names (None when it names none)."""
    folded = _fold(text)
    levels: list[int] = []
    for pattern, level in _ACCESS:
        for match in pattern.finditer(folded):
            levels.append(_AFTER_BAC.get(int(match.group(1)), 8) if level is None else level)
    return min(levels) if levels else None
