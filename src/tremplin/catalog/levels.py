"""Study levels as the French certification scale (3 = CAP … 8 = doctorat), read from the
three places the open data states one: an ONISEP training's certification level or, for the
trainings outside the RNCP, its study level ("Bac + 5"); an ONISEP métier's minimum access
level; and the name of a diploma ROME lists ("BTS …", "Master …").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

from tremplin.catalog.onisep_fit import Words, name_words

# ONISEP study levels ("niveau_etudes", "niveau_acces_min"): folded text -> scale. Below CAP
# (brevet, 3e, no diploma) counts as 3, the lowest level a profile can choose.
_STUDY_LEVELS = (
    (re.compile(r"^bac\b"), 4),
    (re.compile(r"^cap\b"), 3),
    (re.compile(r"^(diplome national du brevet|3e|sans diplome)\b"), 3),
)
_AFTER_BAC = {1: 4, 2: 5, 3: 6, 4: 6, 5: 7, 6: 7, 7: 7, 8: 8, 9: 8}

# A licence is the university degree (level 6: "Licence mention droit", "Licence (Bac +3)"),
# except the permits of the same name: "Licence de pilote d'aéronef léger", "Licence JAR 66",
# "licence européenne de conducteur de train", "licence IV", "licence annuelle d'agent". Until
# 2026-11-29 these made Pilote de drone and Conducteur de train level 6.
_DEGREE_LICENCE = r"(?<!pilote )licence(?! (de |d'|iv\b|jar\b|europeenne\b|annuelle\b))"

# Diplomas named by ROME whose level does not depend on the speciality, by the kind that heads
# the name ("BTS …") or an acronym in brackets ("Pâtissier confiseur glacier traiteur (BTM)");
# the highest level first, so that "brevet technique des métiers supérieur" is read before
# "brevet technique des métiers". "Titre professionnel", "CQP", "MC", "certificat de
# spécialisation" and the like exist at several levels and are left out: for Pâtissier, the
# « … (BTM) », level 4, was listed to someone who chose up to CAP.
_DIPLOMAS = (
    # the medical DES ("Diplôme d'études spécialisées pneumologie"), not a business school's
    # "Diplôme d'études spécialisées en management international"
    (re.compile(r"^(diplome d'etat de docteur|diplome d'etudes specialisees(?! en )|doctorat)\b"),
     8),
    (re.compile(r"^(master|mastere|magistere|ms|ingenieur|diplome d'ingenieur|titre d'ingenieur"
                r"|dsaa|diplome superieur d'arts appliques|dnsep"
                r"|diplome national superieur d'expression plastique)\b"), 7),
    (re.compile(r"^(" + _DEGREE_LICENCE + r"|but|bachelor|desjeps|dn ?made|dnsp"
                r"|diplome national des metiers d'art et du design)\b"), 6),
    (re.compile(r"^(bts|btsa|btsm|dut|deust|dejeps|dma|bm|brevet de maitrise|btms"
                r"|brevet technique des metiers superieur|brevet de technicien superieur)\b"), 5),
    # the brevet d'Etat d'éducateur sportif by its first degree, the lowest
    (re.compile(r"^(bac|baccalaureat|bp|bpjeps|brevet professionnel|bma|brevet des metiers d'art"
                r"|btm|brevet technique des metiers|bt|bta|brevet de technicien"
                r"|bees|brevet d'etat d'educateur sportif)\b"), 4),
    (re.compile(r"^(cap|capa|bep|bpa|ctm|certificat technique des metiers|cpjeps)\b"), 3),
)
_BRACKETS = re.compile(r"\(([^()]*)\)")


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
    """The level of a diploma ROME lists, from its name: the kind that heads it ("BTS …"), else
    an acronym in brackets ("Boulanger (BM)" -> 5); None when the name does not say."""
    folded = _fold(label)
    for text in (folded, *_BRACKETS.findall(folded)):
        for pattern, level in _DIPLOMAS:
            if pattern.match(text.strip()):
                return level
    return None


# Levels named in ROME's "accès à l'emploi" text of a fiche ("accessible avec un diplôme de
# niveau CAP/BEP à Bac", "… sans diplôme particulier", "… un Master"). Checked in this order
# on the folded text of a sentence; every level it mentions counts.
_ACCESS = (
    # no diploma needed: "sans diplôme particulier", "accessible sans formation", "Aucun
    # diplôme n'est requis", "Il n'existe pas de diplôme obligatoire" (not "Aucun diplôme
    # spécifique n'est requis pour se présenter au concours", a concours that asks a bac)
    (re.compile(r"\bsans (diplome|qualification|formation|certification)\b|\btous les niveaux\b"
                r"|\baucun diplome\b(?! specifique)|\bpas de diplome (specifique )?obligatoire\b"), 3),
    (re.compile(r"\b(cap|bep|capa|niveau 3|certificat technique des metiers)\b"), 3),
    (re.compile(r"\bbac ?\+ ?([1-9])\b"), None),  # the number says it
    (re.compile(r"\b(bac|baccalaureat|bac pro(fessionnel)?|brevet professionnel|bp|niveau 4)\b"
                r"(?! ?\+)|\b(btm|brevet technique des metiers)\b(?! superieur)"), 4),
    (re.compile(r"\b(bts|btsa|dut|deust|niveau 5|brevet de maitrise"
                r"|brevet technique des metiers superieur)\b"), 5),
    (re.compile(r"\b(" + _DEGREE_LICENCE + r"|but|niveau 6|dn ?made)\b"), 6),
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
    # the diploma a commissaire aux comptes must hold, named without its level (RNCP level 7)
    (re.compile(r"\bdiplome d'expert(ise |.)comptable\b"), 7),
)

# The category of a civil-service concours, read only when the text names no level: the
# lowest diploma its external concours asks, A a licence, B a bac, C none ("Fonctionnaire de
# la catégorie B de la fonction publique d'État"; not "permis de conduire catégorie B").
_CIVIL_SERVICE = re.compile(r"\b(concours|fonction publique|fonctionnaire)\b[^.;]*?\bcategorie ([abc])\b"
                            r"|\bcategorie ([abc])\b[^.;]*?\bfonction publique\b")
_CATEGORY_LEVELS = {"a": 6, "b": 4, "c": 3}


def certification_level(label: str, twins: Mapping[Words, int] | None = None) -> int | None:
    """The level of a certification ROME lists, from its name: a state diploma of care or
    social work by its name ("Diplôme d'Etat d'auxiliaire de puériculture" -> 4), else the
    kind of diploma ("BTS …" -> 5), else, for a mention complémentaire or a certificat de
    spécialisation, the level of the ONISEP training of the same speciality (`twins`, from
    `twin_levels`: "MC sommellerie" -> 4, "MC plâtrier" -> 3); None when nothing says."""
    level = access_level(label) or diploma_level(label)
    if level is None and twins:
        for words in speciality(label):
            if words in twins:
                return twins[words]
    return level


# Diplomas that exist at several levels, the same speciality always at one: the mentions
# complémentaires (MC; after a CAP, level 3, or after a bac, level 4) and the certificats de
# spécialisation (CS: their new name, and the agricultural ones, levels 3 to 5). ROME names
# them "MC sommellerie", "Certificat de spécialisation sommellerie"; ONISEP « MC (futur CS)
# sommellerie », « CS apiculture », with the level.
_SEVERAL_LEVELS = re.compile(
    r"^(mc \(futur cs\)|mc|mention complementaire|certificat de specialisation|cs) ")
_GENDER_ENDING = re.compile(r"\((e|ne|le|ere|euse|trice|se)\)")


def speciality(name: str) -> tuple[Words, ...]:
    """The words of the speciality of an MC or CS, the whole and the part before a "mention"
    ("… élevage caprin mention agriculture biologique"); () for another diploma."""
    folded = _fold(_GENDER_ENDING.sub("", name))
    kind = _SEVERAL_LEVELS.match(folded)
    if kind is None:
        return ()
    rest = folded[kind.end():]
    return tuple(dict.fromkeys(w for w in (name_words(rest), name_words(rest.split(" mention ")[0]))
                               if w))


def twin_levels(trainings: Iterable[tuple[str, int | None]]) -> dict[Words, int]:
    """Speciality words -> level of the MC and CS among (title, level) trainings; the lowest
    when two of one speciality differ."""
    twins: dict[Words, int] = {}
    for title, level in trainings:
        words = speciality(title)
        if words and level is not None:
            twins[words[0]] = min(level, twins.get(words[0], level))
    return twins


def names_a_state_diploma(text: str) -> bool:
    """Whether a text speaks of a diplôme d'État ("d'Etat", "d’Etat")."""
    return "diplome d'etat" in _fold(text)


# The sentences of an access text, and what each says of the levels it names. A sentence that
# says how the job is entered ("est accessible avec", "est requis", "sur concours", "il est
# possible d'y entrer") decides; one that only says a diploma helps ("peut être un atout",
# "en facilite l'accès", "apprécié", "non obligatoire") or describes the studies ("Les niveaux
# d'études varient de CAP à Bac +5", "Suite au Diplôme d'Etat d'infirmier … il est possible de
# faire la spécialisation") counts only when no sentence of the first kind names a level.
# Until 2026-11-29 every level named counted: « Chef de travaux dans l'enseignement technique »
# ("accessible avec un diplôme d'Ingénieur ou un Master. Avoir un CAP Agricole peut être un
# atout") came out at level 3 and first for someone who chose up to CAP.
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[^a-z\u00df-\u00ff\s])|\n+")
_STATED_ACCESS = re.compile(r"\b(est|sont)( \w+)? accessibles?\b")  # "est également accessible"
_HELPS = re.compile(
    r"\b(atouts?|apprecie(e|s|es)?|un plus|facilit\w*|benefiques?|utiles?|recommande(e|s|es)?"
    r"|souhaite(e|s|es)?|souhaitable|pertinent(e|s|es)?|envisage\w*|privilegie(e|s|es)?"
    r"|(non|pas) obligatoires?|courant(e|s|es)?)\b")
_WAY_IN = re.compile(
    r"\b(acce(s|ssible|der|de)\w*|requis(e|es)?|exige(e|s|es)?|obligatoires?|necessaires?"
    r"|indispensables?|demande(e|s|es)?|concours|convenir|ouvert(e|s|es)?"
    r"|possible d'(entrer|y entrer|exercer)|possible de devenir|peut s'exercer)\b"
    r"|\b(est|sont) possibles?\b(?! (de|d'))")
_WAYS_IN, _OTHERS, _HELPERS = 0, 1, 2


def access_level(text: str) -> int | None:
    """The lowest study level a ROME access text gives as a way into the job: the lowest that
    its sentences saying how the job is entered name, else the lowest the others name (None
    when it names none; then the category of a civil-service concours it names, if any)."""
    lowest: dict[int, int] = {}
    categories: list[int] = []
    for sentence in _SENTENCE.split(text):
        folded = _fold(sentence)
        level = _lowest_named(folded)
        if level is None:
            categories.extend(_CATEGORY_LEVELS[m.group(2) or m.group(3)]
                              for m in _CIVIL_SERVICE.finditer(folded))
            continue
        kind = (_WAYS_IN if _STATED_ACCESS.search(folded)
                else _HELPERS if _HELPS.search(folded)
                else _WAYS_IN if _WAY_IN.search(folded) else _OTHERS)
        lowest[kind] = min(level, lowest.get(kind, level))
    return lowest[min(lowest)] if lowest else min(categories, default=None)


# The doctorates of medicine, pharmacy, dentistry and veterinary medicine, which the law
# requires to practise. A sentence that names one and no other diploma gives its level, 8,
# whatever years it counts: "un diplôme Bac + 7 docteur en médecine et un diplôme d'études
# spécialisées en radiologie" made Radiologue level 7, shown to someone who chose bac + 5.
_HEALTH_DOCTORATE = re.compile(
    r"\b(docteur|doctorat) (en )?(medecine|pharmacie|chirurgie dentaire|odontologie|veterinaire)\b")


def _lowest_named(folded: str) -> int | None:
    """The lowest study level a (folded) text names."""
    levels: list[int] = []
    diplomas: list[int] = []  # the levels named otherwise than by a number of years
    for pattern, level in _ACCESS:
        for match in pattern.finditer(folded):
            levels.append(_AFTER_BAC.get(int(match.group(1)), 8) if level is None else level)
            if level is not None:
                diplomas.append(level)
    if diplomas and min(diplomas) == 8 and _HEALTH_DOCTORATE.search(folded):
        return 8
    return min(levels) if levels else None
