"""The one-page summary a helper prints or downloads at the end of a session.

`build_summary` gathers plain data (for the HTML page, the JSON API and the PDF);
`render_summary_pdf` draws it on one A4 page with fpdf2 and a Unicode TTF font. Every text
that came from the person or the helper (notes, experiences) is written as plain text: the
PDF renderer never interprets markup.

One page for a typical journey: the suggestions keep their most telling lines (the first
sentence of the score and interest reasons, a few matched items per group, up to three things
to learn, the first training), each shortened list saying how many more there are, and after
"why" these lines run on in one paragraph (the browser's print stylesheet does the same); the
full explanation stays on the web pages, and the summary says where. The essentials
(suggestions, places) come first: a very long journey (many experiences, long notes) goes on
to a second page, numbered, page 1 saying "Suite page 2".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tremplin.catalog.hours import hours_to_check, readable_hours
from tremplin.catalog.places import readable_phone
from tremplin.guide.explain_text import MATCH_GROUPS, matched_groups
from tremplin.guide.journey import STUDY_LEVEL_WORDS, Journey
from tremplin.recommend.engine import INTEREST_WEIGHT
from tremplin.recommend.riasec import LETTER_NAMES
from tremplin.recommend.wording import first_sentence, human_date, percent, places_dated, say

# What each RIASEC letter means, as the pages say it: their plain names ("créer et imaginer",
# `riasec.LETTER_NAMES`), never the jargon of the theory ("Investigateur", "Entreprenant"),
# then a few examples that add to the name.
RIASEC_WORDS: dict[str, tuple[str, str]] = {
    # letter: (French examples, English examples)
    "R": ("faire des choses concrètes, construire, réparer",
          "doing concrete things, building, repairing"),
    "I": ("analyser, résoudre des problèmes", "analysing, solving problems"),
    "A": ("dessiner, inventer, s'exprimer", "drawing, inventing, expressing yourself"),
    "S": ("soigner, conseiller, s'occuper des autres", "caring, advising, looking after people"),
    "E": ("organiser une équipe, lancer des projets", "leading a team, starting projects"),
    "C": ("classer, suivre des méthodes précises", "sorting, following precise methods"),
}


LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Synthèse du parcours Tremplin",  # as the page's heading says
        "date": "Date",
        "interests": "Centres d'intérêt",
        "no_interests": "Pas encore de réponses au jeu des goûts.",
        "flat_interests": "La même réponse partout au jeu des goûts : on ne sait pas ce que tu "
                          "préfères.",
        "centres": "Ce qui t'attire",
        "max_level": "Études : métiers accessibles jusqu'à",
        "avoid": "Domaines mis de côté",
        "competences": "Compétences gardées",
        "no_competences": "Aucune compétence gardée pour l'instant.",
        "experiences": "Expériences racontées",
        "suggestions": "Pistes de métiers",
        "no_suggestions": "Pas encore de piste : le parcours peut continuer.",
        "why": "Pourquoi",
        "full_why": "Toute l'explication",
        # no-break spaces inside « » and before "?", as French prints them
        "more_online": "Toutes les explications sont sur Tremplin, page «\u00a0Comment "
                       "Tremplin a trouvé ça\u00a0?\u00a0».",
        "continued": "Suite page {n}",
        "page": "Page {n}/{total}",
        # the four groups of matched items, worded as the suggestion pages word them
        "known": "Tu sais déjà",
        "close": "Proche de ce que tu sais faire",
        "words": "Proche de ce que tu as raconté",
        "titles": "Ce que tu as raconté ressemble au métier",
        "guessed_title": " (deviné par l'outil)",
        "loose": "Un peu proche de ce que tu as raconté ou choisi",
        "missing": "À apprendre",
        "trainings": "Formations",
        "training": "Formation",
        "liked": "piste aimée",
        "liked_jobs": "Autres métiers aimés",
        "next_steps": "Prochaines étapes",
        "places": "Lieux pour se faire aider",
        "no_places": "Ajoute un code postal pour voir des lieux d'aide proches.",
        "hours": "Horaires",
        "phone": "Tél.",
        "hours_unknown": "non publiés, appeler avant d'y aller",
        "hours_check": "Horaires à vérifier par téléphone",
        "notes": "Notes de l'accompagnant",
        "data": "Données utilisées",
        "footer": (
            "Tremplin propose des pistes, la personne décide. Aucune donnée personnelle n'est "
            "gardée sur le serveur : cette synthèse n'existe que sur ce papier ou ce fichier."
        ),
        "more": "et {n} autres",
        "more_one": "et 1 autre",
        # the competences the page has no room for: how many, and where they all are
        "competences_more": "et {n} autres compétences (toutes dans Tremplin, quête 2 "
                            "«\u00a0Ce que je sais faire\u00a0»)",
        "competences_more_one": "et 1 autre compétence (toutes dans Tremplin, quête 2 "
                                "«\u00a0Ce que je sais faire\u00a0»)",
        # one name for the figure everywhere, as the engine's sentences say ("Tremplin
        # calcule une note"): the cards, the explanation page and this summary
        "score": "note : {score}",
        # the "why" line: the parts of the mark, so that its numbers add up
        "why_skills": "ce que tu sais déjà faire : {c}",
        "why_tastes": "tes goûts : {i}, il garde donc {k} de ces {c}, soit {b}",
        "why_tastes_only": "tes goûts : {i}",
        "why_paths": "+ {n} grâce aux métiers du ROME qui mènent à celui-ci",
        "why_own_job": "+ {n} : tu as écrit que tu fais ou as fait ce métier",
        "why_variety": "\u2212 {n} pour varier ta liste",
        "why_total": "note : {score}",
        "points": "{n} points",
        "points_one": "1 point",
        "shown": "Les {n} premières pistes sur {total}.",
        "shown_one": "La première piste sur {total}.",
        "shown_all": "Les {n} pistes trouvées.",
        "shown_all_one": "La seule piste trouvée.",
    },
    "en": {
        "title": "Tremplin — journey summary",
        "date": "Date",
        "interests": "Interests",
        "no_interests": "No answers to the interests game yet.",
        "flat_interests": "The same answer everywhere in the interests game: nobody can tell "
                          "what you prefer.",
        "centres": "What attracts you",
        "max_level": "Studies: jobs open up to",
        "avoid": "Domains left out",
        "competences": "Competences kept",
        "no_competences": "No competence kept yet.",
        "experiences": "Experiences told",
        "suggestions": "Job ideas",
        "no_suggestions": "No idea yet: the journey can go on.",
        "why": "Why",
        "full_why": "The whole explanation",
        "more_online": "The full explanations are on Tremplin, page “How did Tremplin find "
                       "this?”.",
        "continued": "Continued on page {n}",
        "page": "Page {n}/{total}",
        "known": "You can already",
        "close": "Close to what you can do",
        "words": "Close to what you told",
        "titles": "What you told looks like the job",
        "guessed_title": " (guessed by the tool)",
        "loose": "A little close to what you told or chose",
        "missing": "To learn",
        "trainings": "Trainings",
        "training": "Training",
        "liked": "liked",
        "liked_jobs": "Other jobs you liked",
        "next_steps": "Next steps",
        "places": "Places that can help",
        "no_places": "Add a postcode to see places that can help nearby.",
        "hours": "Opening hours",  # as the job pages say
        "phone": "Phone",
        "hours_unknown": "not published, call before going",
        "hours_check": "Check the opening hours by phone",
        "notes": "Helper's notes",
        "data": "Data used",
        "footer": (
            "Tremplin suggests, the person decides. No personal data is kept on the server: "
            "this summary only exists on this paper or in this file."
        ),
        "more": "and {n} more",
        "more_one": "and 1 more",
        "competences_more": "and {n} more competences (all in Tremplin, quest 2 “What I can "
                            "do”)",
        "competences_more_one": "and 1 more competence (all in Tremplin, quest 2 “What I can "
                                "do”)",
        "score": "mark: {score}",
        "why_skills": "what you can already do: {c}",
        "why_tastes": "what you like: {i}, so it keeps {k} of these {c}, that is {b}",
        "why_tastes_only": "what you like: {i}",
        "why_paths": "+ {n} thanks to the ROME jobs that lead to this one",
        "why_own_job": "+ {n}: you wrote that you do or did this job",
        "why_variety": "\u2212 {n} to vary your list",
        "why_total": "mark: {score}",
        "points": "{n} points",
        "points_one": "1 point",
        "shown": "The first {n} suggestions out of {total}.",
        "shown_one": "The first suggestion out of {total}.",
        "shown_all": "The {n} suggestions found.",
        "shown_all_one": "The only suggestion found.",
    },
}


@dataclass(frozen=True, slots=True)
class Interest:
    letter: str
    name: str
    words: str
    score: int


@dataclass(frozen=True, slots=True)
class BriefLine:
    """One line of a suggestion as the summary prints it: a label ("Tu sais déjà"), the first
    few items (French ROME labels) and, when some were left out, how many ("et 2 autres")."""

    key: str  # a MATCH_GROUPS group, "missing" or "trainings"
    label: str
    shown: list[str]
    more: str = ""

    @property
    def text(self) -> str:
        return " ; ".join([*self.shown, self.more] if self.more else self.shown)


@dataclass(frozen=True, slots=True)
class SummarySuggestion:
    code: str
    title: str
    domain: str
    rank: int
    score: float | None
    reasons: list[str]
    # matched labels by what can truthfully be said of them (explain_text.MATCH_GROUPS):
    # known, close, words, titles; every group is there, maybe empty
    matched: dict[str, list[str]]
    missing: list[str]
    trainings: list[str]
    liked: bool = False
    quoted: list[str] = field(default_factory=list)  # French ROME titles quoted in reasons
    notes: list[str] = field(default_factory=list)  # the engine's notes (guessed items...)
    score_text: str = ""  # "note : 65 %" / "mark: 65%"
    # what the summary prints: the parts of the mark, adding up to it, then these lines
    why_short: str = ""
    matched_lines: list[BriefLine] = field(default_factory=list)
    todo_lines: list[BriefLine] = field(default_factory=list)  # to learn, first training


@dataclass(frozen=True, slots=True)
class SummaryPlace:
    name: str
    kind: str
    address: str
    postcode: str
    commune: str
    opening_hours: str
    phone: str
    website: str
    distance_km: float | None
    snapshot_date: str
    hours_to_check: bool = False  # hours that cannot be read: "à vérifier par téléphone"


@dataclass(frozen=True, slots=True)
class DataVersion:
    dataset: str
    version: str
    published: str
    credit: str  # as the catalog gives it, in French
    lead: str = ""  # "Source" / "Sources" (the same word in English), or ""
    names: str = ""  # the rest of the credit: the producers' names, in French
    # when, as printed: "18 septembre 2025" (the credit names the version already: "ROME 4.0
    # v60"), "25 juin 2024" (the version is the date), else "version 3, 1er mars 2024"
    when: str = ""


@dataclass(frozen=True, slots=True)
class Summary:
    lang: str
    date: str
    labels: dict[str, str]
    # No avatar here: the summary is handed to others (a mission locale, a counsellor), and
    # the avatar's parts (skin tone, headscarf, wheelchair) stand in for origin, religion or
    # disability. The avatar stays the young person's own, in their journey and profile file.
    interests: list[Interest]
    competences: list[str]
    experiences: list[str]
    suggestions: list[SummarySuggestion]
    liked_jobs: list[tuple[str, str]]
    places: list[SummaryPlace]
    notes: list[str]
    data_versions: list[DataVersion]
    hidden_suggestions: int = 0
    total_suggestions: int = 0  # the suggestions the person did not turn down, shown or not
    shown_text: str = ""  # "Les 5 premières pistes sur 10."
    places_date: str = ""  # when the places' information is from (the engine's sentence)
    extra: dict[str, Any] = field(default_factory=dict)
    centres: list[str] = field(default_factory=list)  # ROME interest centres picked (French)
    max_level: str = ""  # the study level the suggestions were capped at, in words
    avoid: list[str] = field(default_factory=list)  # ROME grand domains left out (French)
    interests_flat: bool = False  # answered, but the same answer everywhere: no preference
    shared_notes: list[str] = field(default_factory=list)  # notes of several suggestions, once
    # the competences printed (the first ones) and how many more there are ("et 3 autres")
    competences_shown: int = 0
    competences_more: str = ""
    experiences_short: list[str] = field(default_factory=list)  # as printed: cut visibly

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# --- building -------------------------------------------------------------------------------

def _as_mapping(obj: object) -> Mapping[str, Any]:
    if isinstance(obj, Mapping):
        return obj
    to_dict = getattr(obj, "to_dict", None)
    if callable(to_dict):
        out = to_dict()
        if isinstance(out, Mapping):
            return out
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    raise TypeError(f"cannot read a suggestion from {type(obj).__name__}")


def _text_of(item: object, lang: str) -> str:
    """A label or sentence from a string or a mapping (label / title / sentence / text)."""
    if isinstance(item, str):
        return item
    if isinstance(item, Mapping):
        for key in (f"sentence_{lang}", f"text_{lang}", lang, "sentence", "text", "label", "title"):
            value = item.get(key)
            if isinstance(value, str) and value:
                return value
    return ""


def interests_in_words(journey: Journey, lang: str = "fr", top: int = 3) -> list[Interest]:
    """The person's first tastes, named as the pages name them ("Créer et imaginer")."""
    i = 1 if lang == "en" else 0
    scores = journey.riasec_scores()
    if journey.tastes_alike:  # no preference to tell
        return []
    names = LETTER_NAMES["en" if lang == "en" else "fr"]
    ranked = sorted((s, -idx, letter) for idx, (letter, s) in enumerate(scores.items()) if s > 0)
    out = []
    for s, _, letter in reversed(ranked[-top:]):
        name = names[letter]
        out.append(Interest(letter, name[:1].upper() + name[1:], RIASEC_WORDS[letter][i], s))
    return out


def _centre_labels(catalog: Any, journey: Journey) -> list[str]:
    if not journey.centres:
        return []
    labels = {c.code: c.label for c in catalog.interest_centres()}
    return [labels[c] for c in journey.centres if c in labels]


def _avoided_labels(catalog: Any, journey: Journey) -> list[str]:
    if not journey.avoid:
        return []
    labels = {g.code: g.label for g in catalog.grand_domains()}
    return [labels[c] for c in journey.avoid if c in labels]


# Score parts that only say something when they changed the score ("no penalty", "no path").
ONLY_WHEN_APPLIED = frozenset({"diversity_penalty", "paths"})


def _value_of(part: object) -> float | None:
    value = part.get("value") if isinstance(part, Mapping) else None
    return float(value) if isinstance(value, int | float) else None


# The competences kept, printed: all of them when they fit in the room a typical journey's one
# page leaves them (about seven printed lines: ROME labels are long, 80 to 130 characters),
# else the first ones and how many more there are, and where they all are ("et 5 autres
# compétences (toutes dans Tremplin…)"). 330 characters cut a typical journey's 9 to 2.
COMPETENCES_SHOWN = 40
COMPETENCES_CHARS = 900
# How many items each line of a suggestion keeps on the one page (the rest is counted): the
# groups the suggestion pages show, the things to learn, the first training.
GROUP_LIMITS = {"known": 3, "close": 2, "words": 2, "titles": 1, "loose": 2}
MISSING_LIMIT = 3
TRAININGS_SHOWN = 1
# ...and at most about this many characters of items (always one at least): ROME labels can
# be long, and a line of the summary should not take much more than one printed line.
LINE_CHARS = 120
# The "why" of a suggestion: the first sentence of its first reasons (score, interests).
WHY_SENTENCES = 2


def why_numbers(parts: Mapping[str, Any], score: float, lang: str,
                notes: Sequence[str] = ()) -> str:
    """The "why" line of a suggestion: the parts of its mark, in the order the engine adds
    them up, their numbers adding up to the mark shown ("ce que tu sais déjà faire : 44 % ·
    tes goûts : 63 %, il garde donc 89 % de ces 44 %, soit 39 % · note : 39 %"). The figures
    are the rounded ones the reader sees: the product is worked out from them, and the points
    added by the ROME paths are what is left up to the mark (a rounding point at most apart
    from the engine's own figure; none when the paths added nothing)."""
    labels = LABELS[lang]

    def pct(n: int) -> str:
        return percent(n / 100, lang)

    def points(n: int) -> str:
        return count_text(labels, "points", n)

    coverage = _value_of(parts.get("coverage"))
    interest = _value_of(parts.get("interest"))
    tastes_text = _text_of(parts.get("interest") or {}, lang)
    tastes = interest is not None and not (
        tastes_text.startswith(say(lang, "interest_flat")) or tastes_text == say(lang, "interest_none"))
    skills = coverage is not None and _text_of(parts.get("coverage") or {}, lang) != say(
        lang, "coverage_none")
    total = round(100 * score)
    paths = _value_of(parts.get("paths")) or 0.0
    down = round(100 * (_value_of(parts.get("diversity_penalty")) or 0.0))
    said: list[str] = []
    lift = own = 0
    if skills and coverage is not None:
        c = round(100 * coverage)
        said.append(labels["why_skills"].format(c=pct(c)))
        kept = round(100 * (1 - INTEREST_WEIGHT + INTEREST_WEIGHT * (interest or 0.0))) \
            if tastes else 100
        base = round(c * kept / 100)
        rest = total + down - base  # what the lifts add
        if say(lang, "own_job") in notes and rest - round(100 * paths) >= 2:
            # a job the person says they do is put first, apart from the paths
            own, rest = rest - round(100 * paths), round(100 * paths)
        if paths <= 0 or rest < 0:  # no lift to tell: the rounding goes to the base
            base, rest = base + rest, 0
        lift = rest
        if tastes and interest is not None:
            said.append(labels["why_tastes"].format(i=pct(round(100 * interest)), k=pct(kept),
                                                    c=pct(c), b=pct(base)))
    elif tastes:  # tastes alone: they are the mark
        said.append(labels["why_tastes_only"].format(i=pct(total + down)))
    if lift > 0:
        said.append(labels["why_paths"].format(n=points(lift)))
    if own > 0:
        said.append(labels["why_own_job"].format(n=points(own)))
    if down > 0:
        said.append(labels["why_variety"].format(n=points(down)))
    said.append(labels["why_total"].format(score=pct(total)))
    return " · ".join(said)


def brief_line(key: str, labels: Mapping[str, str], items: Sequence[str], limit: int,
               label: str | None = None, budget: int = LINE_CHARS) -> BriefLine:
    """The first items (at most `limit`, about `budget` characters, one at least) and how
    many more there are."""
    shown: list[str] = []
    for item in items[:limit]:
        if shown and sum(len(x) + 3 for x in shown) + len(item) > budget:
            break
        shown.append(item)
    extra = len(items) - len(shown)
    return BriefLine(key, labels[key] if label is None else label, shown,
                     count_text(labels, "more", extra) if extra > 0 else "")


def _suggestion(raw: object, rank: int, catalog: Any, journey: Journey, lang: str,
                trainings_per_job: int) -> SummarySuggestion | None:
    m = _as_mapping(raw)
    code = str(m.get("code", ""))
    job = catalog.get_job(code)
    if job is None:
        return None
    why = m.get("why") or {}
    why = _as_mapping(why) if not isinstance(why, Mapping) else why
    parts = why.get("parts") or {}
    reasons = []
    quoted: list[str] = []
    if isinstance(parts, Mapping):
        for key, part in parts.items():
            text = _text_of(part, lang)
            if text and not (key in ONLY_WHEN_APPLIED and _value_of(part) == 0):
                reasons.append(text)
                if isinstance(part, Mapping):
                    quoted += [str(f) for f in part.get("french") or () if str(f) in text]
    elif isinstance(parts, Sequence):
        reasons = [t for t in (_text_of(p, lang) for p in parts) if t]
    raw_matched = [{**x, "label": _text_of(x, lang)} if isinstance(x, Mapping)
                   else {"label": _text_of(x, lang)} for x in why.get("matched") or ()]
    matched = {group: [t + (LABELS[lang]["guessed_title"] if group == "titles" and x.get("guessed")
                            else "")
                       for t, x in ((_text_of(x, lang), x) for x in items) if t]
               for group, items in matched_groups(raw_matched).items()}
    notes = [str(n) for n in why.get("notes") or () if isinstance(n, str) and n]
    if any(x.get("guessed") for x in raw_matched) and say(lang, "guessed") not in notes:
        notes.insert(0, say(lang, "guessed"))  # a guess is never shown without its warning
    missing = [t for t in (_text_of(x, lang) for x in why.get("missing") or ()) if t]
    trainings = [t for t in (_text_of(x, lang) for x in why.get("trainings") or ()) if t]
    # the engine's list is the truth when there is one: an empty one may mean that the study
    # level hides them all (`trainings_hidden`), and the catalog's would show them again
    if "trainings" not in why:
        trainings = [
            f"{t.title} ({t.duration})" if t.duration else t.title
            for t in catalog.trainings_for_job(code)[:trainings_per_job]
        ]
    score = m.get("score")
    value = float(score) if isinstance(score, int | float) else None
    labels = LABELS[lang]
    trainings = trainings[:trainings_per_job]
    todo = []
    if missing:
        todo.append(brief_line("missing", labels, missing, MISSING_LIMIT))
    if trainings:
        todo.append(brief_line("trainings", labels, trainings, TRAININGS_SHOWN,
                               labels["training" if len(trainings) == 1 else "trainings"]))
    return SummarySuggestion(
        code=code, title=str(m.get("title") or job.label), domain=job.domain_label,
        rank=int(m.get("rank") or rank), score=value,
        reasons=reasons, matched=matched, missing=missing,
        trainings=trainings, liked=journey.thumbs.get(code) == 1,
        quoted=quoted, notes=notes,
        # no-break spaces where a line must not break ("39 %", "note : "), on paper too
        score_text="" if value is None else unbroken(
            labels["score"].format(score=percent(value, lang))),
        why_short=unbroken(why_numbers(parts, value, lang, notes)
                           if isinstance(parts, Mapping) and value is not None
                           else " ".join(first_sentence(r) for r in reasons[:WHY_SENTENCES])),
        matched_lines=[brief_line(g, labels, matched[g], GROUP_LIMITS[g])
                       for g in MATCH_GROUPS if matched.get(g)],
        todo_lines=todo,
    )


def nearby_places(catalog: Any, postcode: str | None, limit: int = 4,
                  radius_km: float = 5.0) -> list[SummaryPlace]:
    """Places that can help near a postcode (within radius_km of its centre, else in it):
    among the nearest dozen, those helping with jobs and giving a phone and hours first."""
    if not postcode:
        return []
    centre = catalog.postcode_centre(postcode)
    found = catalog.places_near(centre[0], centre[1], radius_km, 60) if centre else []
    if not found:
        found = catalog.places_in_postcode(postcode, 60)

    def rank(p: Any) -> tuple[int, float, str]:
        jobs = any("insertion" in s.lower() or "emploi" in s.lower() for s in p.services)
        # "Sam -" gives no hours, nor hours to check by phone: only hours that read as some
        hours = bool(p.opening_hours and readable_hours(p.opening_hours)
                     and not hours_to_check(p.opening_hours))
        useful = (2 if jobs else 0) + (1 if p.phone else 0) + (1 if hours else 0)
        return (-useful, p.distance_km if p.distance_km is not None else 0.0, p.name)

    found = sorted(found, key=lambda p: (p.distance_km or 0.0, p.name))[:12]
    return [
        SummaryPlace(
            name=p.name, kind=p.kind, address=p.address, postcode=p.postcode, commune=p.commune,
            opening_hours=p.opening_hours, phone=readable_phone(p.phone), website=p.website,
            distance_km=p.distance_km, snapshot_date=p.snapshot_date,
        )
        for p in sorted(found, key=rank)[:limit]
    ]


def _credit_parts(credit: str) -> tuple[str, str]:
    """("Sources", "ANCT, data.inclusion") from "Sources : ANCT, data.inclusion": the lead
    word is ours (the same in English), the names are the producers' own, in French."""
    lead, sep, names = credit.partition(":")
    if sep and lead.strip() in ("Source", "Sources") and names.strip():
        return lead.strip(), names.strip()
    return "", credit


def data_versions(catalog: Any, lang: str = "fr") -> list[DataVersion]:
    return [DataVersion(s.dataset, s.version, s.published, s.credit, *_credit_parts(s.credit),
                        when=version_said(s.credit, s.version, s.published, lang))
            for s in catalog.sources()]


def version_said(credit: str, version: str, published: str, lang: str) -> str:
    """A dataset's version as the summary prints it, each thing once: QA read "ROME 4.0 v60
    — 60 (2025-09-18)". The date as people write it; the version only when the credit does
    not name it already and it is not the date itself."""
    date = human_date(published, lang) if published else ""
    named = bool(version) and re.search(rf"(?<![\w.])v?{re.escape(version)}(?![\w.])",
                                        credit) is not None
    if not version or named or version == published:
        return date or human_date(version, lang)
    return f"version {version}, {date}" if date else f"version {version}"


def count_text(labels: Mapping[str, str], key: str, n: int, **values: object) -> str:
    """labels[key + "_one"] when n is 1, else labels[key] with n (no "(s)" forms)."""
    one = labels.get(f"{key}_one")
    if n == 1 and one is not None:
        return one.format(n=n, **values)
    return labels[key].format(n=n, **values)


def _shown_text(labels: Mapping[str, str], shown: int, total: int) -> str:
    if not shown:
        return ""
    if shown < total:
        return count_text(labels, "shown", shown, total=total)
    return count_text(labels, "shown_all", shown)


EXPERIENCE_CHARS = 360  # the experiences' share of the one page, in characters
EXPERIENCE_MIN_CHARS = 110  # about one line: each experience keeps at least this much


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut at a word to at most `limit` characters with a visible "…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def printed_experiences(texts: Sequence[str]) -> list[str]:
    """Every experience told, each cut (visibly, "…") to its share of the printed page."""
    if not texts:
        return []
    room = max(EXPERIENCE_MIN_CHARS, EXPERIENCE_CHARS // len(texts))
    return [shorten(text, room) for text in texts]


def printed_competences(labels: Sequence[str], lang: str) -> BriefLine:
    """The competences the printed page lists (all when they fit in COMPETENCES_CHARS) and,
    when some are left out, how many, said as competences, with where the whole list is."""
    words = LABELS[lang]
    line = brief_line("competences", words, labels, COMPETENCES_SHOWN, budget=COMPETENCES_CHARS)
    left = len(labels) - len(line.shown)
    more = count_text(words, "competences_more", left) if left else ""
    return dataclasses.replace(line, more=more)


def build_summary(
    journey: Journey,
    catalog: Any,
    suggestions: Sequence[object] = (),
    *,
    lang: str | None = None,
    today: dt.date | None = None,
    max_suggestions: int = 5,
    max_places: int = 4,
    trainings_per_job: int = 3,
) -> Summary:
    """The summary of one journey. `suggestions` are recommendations in rank order, as
    mappings or objects with `to_dict()` (code, title, score, rank, why{matched, missing,
    parts{…: {value, sentence}}, trainings, notes}); jobs the person gave a thumbs down are left out
    (the person said no), liked ones come first."""
    lang = lang or journey.lang
    if lang not in LABELS:
        lang = "fr"
    items = []
    hidden = 0
    for i, raw in enumerate(suggestions, start=1):
        s = _suggestion(raw, i, catalog, journey, lang, trainings_per_job)
        if s is None:
            continue
        if journey.thumbs.get(s.code) == -1:
            hidden += 1
            continue
        items.append(s)
    items.sort(key=lambda s: (not s.liked, s.rank))
    total = len(items)
    items = items[:max_suggestions]
    # a note several suggestions carry (the tool guessed from the words, a text in another
    # alphabet) is said once above them: repeated under each, it filled a second page
    counts = Counter(n for s in items for n in dict.fromkeys(s.notes))
    shared = [n for n, c in counts.items() if c >= 2]
    items = [dataclasses.replace(s, notes=[n for n in s.notes if n not in shared]) for s in items]
    shown = {s.code for s in items}
    liked_jobs = []
    for code in journey.liked_jobs():
        job = catalog.get_job(code)
        if job is not None and code not in shown:
            liked_jobs.append((code, job.label))

    competences = []
    for ogr in journey.all_competences():
        comp = catalog.get_competence(ogr)
        if comp is not None:
            competences.append(comp.label)

    places = [dataclasses.replace(p, opening_hours="", hours_to_check=True)
              if hours_to_check(p.opening_hours) else
              dataclasses.replace(p, opening_hours=readable_hours(p.opening_hours, lang))
              for p in nearby_places(catalog, journey.postcode, max_places)]
    experiences = [e.text for e in journey.experiences if e.text]
    kept = printed_competences(competences, lang)
    return Summary(
        lang=lang,
        date=human_date((today or dt.date.today()).isoformat(), lang),
        labels=dict(LABELS[lang]),
        interests=interests_in_words(journey, lang),
        interests_flat=journey.tastes_alike,
        shared_notes=shared,
        centres=_centre_labels(catalog, journey),
        avoid=_avoided_labels(catalog, journey),
        max_level=("" if journey.max_level is None
                   else STUDY_LEVEL_WORDS[journey.max_level][1 if lang == "en" else 0]),
        competences=competences,
        competences_shown=len(kept.shown),
        competences_more=kept.more,
        experiences=experiences,
        experiences_short=printed_experiences(experiences),
        suggestions=items,
        liked_jobs=liked_jobs,
        places=places,
        notes=list(journey.notes),
        data_versions=data_versions(catalog, lang),
        hidden_suggestions=hidden,
        total_suggestions=total,
        shown_text=_shown_text(LABELS[lang], len(items), total),
        places_date=places_dated((p.snapshot_date for p in places), lang),
    )


# --- PDF ------------------------------------------------------------------------------------

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts/dejavu"),
)


class FontMissing(RuntimeError):
    pass


def _font_dirs(defaults: Sequence[Path]) -> list[Path]:
    env = os.environ.get("TREMPLIN_PDF_FONT_DIR")
    return [Path(env), *defaults] if env else list(defaults)


def find_font() -> tuple[Path, Path]:
    """DejaVu Sans regular and bold (Debian `fonts-dejavu-core`); TREMPLIN_PDF_FONT_DIR wins."""
    for d in _font_dirs(FONT_DIRS):
        regular, bold = d / "DejaVuSans.ttf", d / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    raise FontMissing(
        "No Unicode font for PDF summaries: install Debian package fonts-dejavu-core "
        "or set TREMPLIN_PDF_FONT_DIR to a folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf."
    )


FALLBACK_FONT_DIRS = (
    Path("/usr/share/fonts/truetype/droid"),
    Path("/usr/share/fonts/droid"),
)
FALLBACK_FONT = "DroidSansFallbackFull.ttf"


def find_fallback_font() -> Path | None:
    """Droid Sans Fallback (Debian `fonts-droid-fallback`, Chinese, Japanese, Korean glyphs),
    optional: without it those characters print as "?"; TREMPLIN_PDF_FONT_DIR wins."""
    return next((d / FALLBACK_FONT for d in _font_dirs(FALLBACK_FONT_DIRS)
                 if (d / FALLBACK_FONT).is_file()), None)


def starts_right_to_left(text: str) -> bool:
    """True when the first letter with a direction is Arabic, Hebrew... (a right-to-left
    paragraph, aligned right as its readers expect)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def _join(items: Sequence[str], limit: int, labels: Mapping[str, str]) -> str:
    shown = list(items[:limit])
    text = " ; ".join(shown)
    if len(items) > limit:
        text += " ; " + count_text(labels, "more", len(items) - limit)
    return text


def _web_address(url: str) -> str:
    """A place's website as printed: without "https://" and a trailing "/"."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return url[len(scheme):].rstrip("/")
    return ""  # not a web address: not printed


SEPARATOR = "\u00a0· "  # between run-in segments (the dot stays on the line it ends)
LEADING = 0.42  # line height in mm for each point of the font size (about 1.2 lines)
BODY_PT = 8.0  # all the body text: 8 pt at least, to stay readable


# Spaces where a line never breaks (the no-break spaces); every other space may end a line.
NO_BREAK = "\u00a0\u202f\u2007\u2060"
HYPHEN = "-"
_TIED_AFTER = re.compile(r"[^\S\u00a0\u202f\u2007]+(?=[%:;?!»·])")  # "41 %", "a ; b", "ça ?"
_TIED_BEFORE = re.compile(r"(?<=«)[^\S\u00a0\u202f\u2007]+")  # "« Comment"
_BREAKABLE = re.compile(r"([^\S\u00a0\u202f\u2007\u2060]+)")  # the spaces a line may end at


def unbroken(text: str) -> str:
    """`text` with no-break spaces where a line must not break: before "%" ("41 %"), before
    ":", ";", "?", "!", "»" and "·", after "«" (never a mark alone at the start of a line)."""
    return _TIED_BEFORE.sub("\u00a0", _TIED_AFTER.sub("\u00a0", text))


def _cut_points(word: str) -> list[int]:
    """Where `word` may be cut when it is longer than a whole line: between two characters,
    never before a combining mark (an accent stays on its letter)."""
    return [i for i in range(1, len(word)) if not unicodedata.combining(word[i])]


def render_summary_pdf(summary: Summary) -> bytes:
    """The summary as an A4 PDF (black on white, Unicode font). Plain text only: notes are
    never read as markup. The essentials come first (interests, suggestions, places), then
    what the person told and the notes; when it all takes more than one page, every page is
    numbered and each page but the last says where the rest is ("Suite page 2")."""
    from fpdf import FPDF
    from fpdf.enums import Align, MethodReturnValue, XPos, YPos

    L = summary.labels

    class _PDF(FPDF):
        continuing = False  # True while the footer of a page followed by another is drawn

        def add_page(self, *args: Any, **kwargs: Any) -> None:
            self.continuing = self.page > 0
            super().add_page(*args, **kwargs)
            self.continuing = False

        def footer(self) -> None:
            n = self.page_no()
            if n == 1 and not self.continuing:
                return  # all on one page: nothing to say
            text = L["page"].format(n=n, total=self.str_alias_nb_pages)
            if self.continuing:
                text = f"{L['continued'].format(n=n + 1)} — {text}"
            self.set_y(-9)
            self.set_font("DejaVu", "B" if self.continuing else "", BODY_PT)
            self.cell(0, 4, text, align=Align.R)

    regular, bold = find_font()
    pdf = _PDF(orientation="P", unit="mm", format="A4")
    pdf.set_title(L["title"])
    pdf.set_creator("Tremplin")
    pdf.set_lang(summary.lang)
    pdf.set_margins(11, 10, 11)
    pdf.set_auto_page_break(True, margin=12)
    # HarfBuzz shaping: Arabic letters joined and right-to-left runs in order (newcomers'
    # notes), ligatures and kerning elsewhere.
    pdf.set_text_shaping(True)
    pdf.add_font("DejaVu", "", str(regular))
    pdf.add_font("DejaVu", "B", str(bold))
    # Characters the fonts lack (emoji, rare scripts) become "?" rather than failing.
    glyphs = set(pdf.fonts["dejavu"].cmap) if hasattr(pdf.fonts["dejavu"], "cmap") else None
    # The 4 MB fallback font costs ~175 ms to load: only when DejaVu lacks a character used.
    used = {ord(ch) for ch in repr(summary.to_dict())}
    fallback = find_fallback_font() if glyphs is None or used - glyphs else None
    if fallback is not None:
        pdf.add_font("Fallback", "", str(fallback))
        pdf.set_fallback_fonts(["fallback"], exact_match=False)
        if glyphs is not None and hasattr(pdf.fonts["fallback"], "cmap"):
            glyphs |= set(pdf.fonts["fallback"].cmap)
    pdf.add_page()

    def safe(text: str) -> str:
        if glyphs is None:
            return text
        return "".join(ch if (ord(ch) in glyphs or ch in "\n\t") else "?" for ch in text)

    def heading(text: str) -> None:
        pdf.ln(0.8)
        pdf.set_font("DejaVu", "B", 9.5)
        pdf.cell(0, 4.3, safe(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        y = pdf.get_y()
        pdf.set_draw_color(0)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.ln(0.5)

    widths: dict[tuple[str, str, float], float] = {}

    def width_of(text: str, style: str, size: float) -> float:
        key = (text, style, size)
        if key not in widths:
            pdf.set_font("DejaVu", style, size)
            widths[key] = pdf.get_string_width(text)
        return widths[key]

    def printable(text: str, width: float) -> str:
        """`text` as para() prints it: safe, tied by no-break spaces, and any word longer
        than the whole line given soft hyphens, where fpdf2 may cut it (with a "-"); fpdf2
        breaks lines at the other spaces only, never inside a word."""
        parts = _BREAKABLE.split(unbroken(safe(text)))
        for i in range(0, len(parts), 2):
            word = parts[i]
            if word and pdf.get_string_width(word) > width:
                cuts = [0, *_cut_points(word), len(word)]
                parts[i] = "\u00ad".join(word[a:b] for a, b in itertools.pairwise(cuts))
        return "".join(parts)

    def para(text: str, size: float = BODY_PT, style: str = "", indent: float = 0) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.set_x(pdf.l_margin + indent)
        width = pdf.w - pdf.r_margin - pdf.get_x() - 2 * pdf.c_margin
        pdf.multi_cell(0, size * LEADING, printable(text, width), markdown=False,
                       align=Align.R if starts_right_to_left(text) else Align.L,
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def run_in(segments: Sequence[tuple[str, str]], size: float = BODY_PT,
               indent: float = 0) -> None:
        """One paragraph of labelled segments, each label bold ("Tu sais déjà : … · À
        apprendre : …"), left to right: a suggestion's short lines run on instead of each
        starting a line of its own (a second page, for half-empty lines)."""
        if not segments:
            return
        runs: list[tuple[str, str]] = []
        for i, (label, text) in enumerate(segments):
            if i:
                runs.append((SEPARATOR, ""))
            runs += [(label, "B"), (text, "")]
        lines = wrap([(unbroken(safe(text)), style) for text, style in runs if text], size,
                     pdf.w - pdf.r_margin - pdf.l_margin - indent - 2 * pdf.c_margin)
        h = size * LEADING
        c_margin = pdf.c_margin
        for line in lines:
            if pdf.will_page_break(h):
                pdf.add_page(same=True)  # here, with the page's usual cell padding (footer)
            pdf.set_x(pdf.l_margin + indent + c_margin)  # where multi_cell's text starts
            pdf.c_margin = 0  # no padding between the pieces of a line
            try:
                for text, style in line:
                    text = text.replace("\u00a0", " ")
                    pdf.set_font("DejaVu", style, size)
                    pdf.cell(pdf.get_string_width(text), h, text, markdown=False,
                             new_x=XPos.RIGHT, new_y=YPos.TOP)
            finally:
                pdf.c_margin = c_margin
            pdf.ln(h)

    def wrap(runs: Sequence[tuple[str, str]], size: float,
             width: float) -> list[list[tuple[str, str]]]:
        """`runs` (text, font style) cut into lines of at most `width` mm, each line as its
        runs. Lines break at spaces only, never inside a word (a word may run over several
        runs: "autres\u00a0· " then a bold label); only a word longer than a whole line is
        cut, with a hyphen. fpdf2's `write()` is not used: it cuts a word that does not fit
        in what is left of a line when it is the first of a piece."""
        # words, each as its runs, and the spaces before them
        words: list[tuple[list[tuple[str, str]], tuple[str, str] | None]] = []
        space: tuple[str, str] | None = None
        current: list[tuple[str, str]] = []
        for text, style in runs:
            for k, part in enumerate(_BREAKABLE.split(text)):
                if k % 2:  # a space: the word before it (if any) ends
                    if current:
                        words.append((current, space))
                        current = []
                    space = (" ", style)
                elif part:
                    current.append((part, style))
        if current:
            words.append((current, space))

        lines: list[list[tuple[str, str]]] = []
        line: list[tuple[str, str]] = []
        used = 0.0
        slack = 0.01  # mm: rounding
        for parts, before in words:
            need = sum(width_of(t, st, size) for t, st in parts)
            gap = width_of(before[0], before[1], size) if (line and before) else 0.0
            # a word that does not fit goes on the next line; one longer than a whole line
            # starts here when a quarter of the line is left
            if line and used + gap + need > width + slack and (
                    need <= width or width - used - gap < width / 4):
                lines.append(line)
                line, used, gap = [], 0.0, 0.0
            if line and before:
                line.append(before)
                used += gap
            if used + need <= width + slack:
                line += parts
                used += need
                continue
            # longer than the whole line: cut where the line is full, a hyphen at each cut
            for text, style in parts:
                while used + width_of(text, style, size) > width + slack:
                    cuts = [i for i in _cut_points(text)
                            if used + width_of(text[:i] + HYPHEN, style, size) <= width + slack]
                    if not cuts and any(t.strip() for t, _ in line):
                        if line[-1][0].strip():  # the word goes on, on the next line
                            line.append((HYPHEN, style))
                        lines.append(line)
                        line, used = [], 0.0
                        continue
                    # at least one letter a line, however narrow
                    cut = cuts[-1] if cuts else next(iter(_cut_points(text)), len(text))
                    line.append((text[:cut] + HYPHEN, style))
                    lines.append(line)
                    line, used, text = [], 0.0, text[cut:]
                if text:
                    line.append((text, style))
                    used += width_of(text, style, size)
        if line:
            lines.append(line)
        # one run per style change, no space at either end of a line
        out = []
        for line in lines:
            merged: list[tuple[str, str]] = []
            for text, style in line:
                if merged and merged[-1][1] == style:
                    merged[-1] = (merged[-1][0] + text, style)
                else:
                    merged.append((text, style))
            if merged:
                merged[0] = (merged[0][0].lstrip(" "), merged[0][1])
                merged[-1] = (merged[-1][0].rstrip(" "), merged[-1][1])
                out.append([(t, st) for t, st in merged if t])
        return out

    def lead_para(label: str, text: str, size: float = BODY_PT, indent: float = 0) -> None:
        """A paragraph whose label is bold ("Pourquoi :"), left to right."""
        run_in([(label, text)], size, indent)

    # as each language writes it; never "Pourquoi" at the end of a line and ":" on the next
    colon = "\u00a0: " if summary.lang == "fr" else ": "

    def lead(key: str) -> str:
        return f"{L[key]}{colon}"

    pdf.set_text_color(0)
    pdf.set_font("DejaVu", "B", 13)
    pdf.cell(0, 6, safe(L["title"]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    para(lead("date") + summary.date)

    heading(L["interests"])
    if summary.interests:
        para(" ; ".join(f"{it.name} ({it.words})" for it in summary.interests))
    elif summary.interests_flat:
        para(L["flat_interests"])
    elif not summary.centres:
        para(L["no_interests"])
    if summary.centres:
        para(lead("centres") + "; ".join(summary.centres))
    if summary.max_level:
        para(f"{L['max_level']} {summary.max_level}")
    if summary.avoid:
        para(lead("avoid") + "; ".join(summary.avoid))

    heading(L["suggestions"])
    if not summary.suggestions:
        para(L["no_suggestions"])
    else:
        para(" ".join(x for x in (summary.shown_text, L["more_online"]) if x))
        for note in summary.shared_notes:
            para(note)
    for n, s in enumerate(summary.suggestions, start=1):
        tail = f" — {L['liked']}" if s.liked else ""
        score = f" — {unbroken(s.score_text)}" if s.score_text else ""
        pdf.ln(0.5)
        para(f"{n}. {s.title}{score}{tail}", size=9, style="B")
        if s.why_short:
            lead_para(lead("why"), unbroken(s.why_short), indent=4)
        matched = [(f"{line.label}{colon}", line.text) for line in s.matched_lines]
        todo = [(f"{line.label}{colon}", line.text) for line in s.todo_lines]
        if s.notes:  # the engine's notes are about the matched items: said right after them
            run_in(matched, indent=4)
            for note in s.notes:
                para(note, indent=4)
            run_in(todo, indent=4)
        else:
            run_in(matched + todo, indent=4)
    if summary.liked_jobs:
        pdf.ln(0.6)
        lead_para(lead("liked_jobs"), _join([t for _, t in summary.liked_jobs], 6, L))

    heading(L["places"])
    if not summary.places:
        para(L["no_places"])
    for p in summary.places:
        where = ", ".join(x for x in (p.address, f"{p.postcode} {p.commune}".strip()) if x)
        bits = [where, L["hours_check"] if p.hours_to_check
                else lead("hours") + (p.opening_hours or L["hours_unknown"])]
        if p.phone:  # a number is never cut across two lines ("01 71 13 08 / 29")
            bits.append(f"{L['phone']}\u00a0" + p.phone.replace(" ", "\u00a0"))
        if _web_address(p.website):
            bits.append(_web_address(p.website))
        lead_para(f"{p.name} ({p.kind})", " — " + " — ".join(b for b in bits if b))
    if summary.places_date:
        para(summary.places_date)

    heading(L["competences"])
    para(" ; ".join([*summary.competences[:summary.competences_shown],
                     *([summary.competences_more] if summary.competences_more else [])])
         if summary.competences else L["no_competences"])
    if summary.experiences:
        pdf.ln(0.6)
        para(lead("experiences").rstrip(), style="B")
        for text in summary.experiences_short or printed_experiences(summary.experiences):
            para(f"• {text}", indent=4)

    if summary.notes:
        heading(L["notes"])
        for note in summary.notes:
            para(note)

    closing = lead("data") + " ; ".join(
        (f"{d.lead}{colon}{d.names}" if d.lead else d.names or d.credit)
        + (f" ({d.when})" if d.when else "")
        for d in summary.data_versions
    ) + ". " + L["footer"]
    pdf.set_font("DejaVu", "", BODY_PT)
    printed = printable(closing, pdf.w - pdf.l_margin - pdf.r_margin - 2 * pdf.c_margin)
    lines = pdf.multi_cell(0, BODY_PT * LEADING, printed, markdown=False, dry_run=True,
                           output=MethodReturnValue.LINES)
    count = len(lines) if isinstance(lines, list) else 3
    if pdf.will_page_break(2.3 + count * BODY_PT * LEADING):
        pdf.add_page()  # the closing lines together, never a last word alone on a page
    else:
        pdf.ln(1.5)
    y = pdf.get_y()
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(0.8)
    para(closing)
    return bytes(pdf.output())
