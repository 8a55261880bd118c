"""The short RIASEC interest questionnaire (18 statements, 3 per letter) and its scoring.

Scoring (documented in docs/scoring.md):
- each answer is 0 ("pas du tout"), 1 ("un peu") or 2 ("beaucoup");
- a letter's score is the sum of its three answers divided by 6, so it lies in [0, 1];
- the top letters are the letters with a score above 0, highest first, at most 3; ties are
  broken in the fixed order R, I, A, S, E, C so that the same answers always give the
  same profile; there are none when all six scores are equal (no preference, which the
  engine does not count).
Unanswered statements count as 0 and are reported in `missing`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tremplin.recommend.errors import ProfileError
from tremplin.recommend.wording import check_lang

LETTERS = "RIASEC"
ANSWER_LEVELS = (0, 1, 2)
QUESTIONS_PER_SCREEN = 9
MAX_TOP_LETTERS = 3

LETTER_NAMES = {  # what a letter means, said as what one likes doing (plain words, no jargon)
    "fr": {
        "R": "travailler avec les mains",
        "I": "chercher et comprendre",
        "A": "créer et imaginer",
        "S": "aider les autres",
        "E": "décider et convaincre",
        "C": "organiser et être précis",
    },
    "en": {
        "R": "working with your hands",
        "I": "finding out and understanding",
        "A": "creating and imagining",
        "S": "helping others",
        "E": "deciding and persuading",
        "C": "organising and being precise",
    },
}


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    letter: str
    pictogram: str
    screen: int


# (id, letter, pictogram, French, English) — interleaved so each screen mixes all letters.
_QUESTIONS: tuple[tuple[str, str, str, str, str], ...] = (
    ("r1", "R", "wrench", "J'aime réparer ou fabriquer des objets avec mes mains.",
     "I like repairing or making things with my hands."),
    ("i1", "I", "magnifier", "J'aime comprendre comment les choses marchent.",
     "I like understanding how things work."),
    ("a1", "A", "palette", "J'aime dessiner, faire de la musique, de la photo ou de la vidéo.",
     "I like drawing, making music, taking photos or videos."),
    ("s1", "S", "helping-hand", "J'aime aider les autres et m'occuper d'eux.",
     "I like helping other people and looking after them."),
    ("e1", "E", "megaphone", "J'aime convaincre les gens, vendre ou négocier.",
     "I like convincing people, selling or negotiating."),
    ("c1", "C", "folder", "J'aime ranger et classer pour que tout soit bien organisé.",
     "I like tidying and sorting so that everything is well organised."),
    ("r2", "R", "tree", "J'aime travailler dehors : dans la nature, un jardin ou un chantier.",
     "I like working outdoors: in nature, a garden or a building site."),
    ("i2", "I", "flask", "J'aime faire des tests en sciences, chercher la solution d'une énigme.",
     "I like doing experiments, looking for answers and solving puzzles."),
    ("a2", "A", "lightbulb", "J'aime inventer des choses nouvelles et avoir des idées originales.",
     "I like inventing new things and having original ideas."),
    ("s2", "S", "teacher", "J'aime expliquer et apprendre quelque chose à quelqu'un.",
     "I like explaining and teaching something to someone."),
    ("e2", "E", "flag", "J'aime prendre des décisions et mener un groupe.",
     "I like making decisions and leading a group."),
    ("c2", "C", "checklist", "J'aime suivre des règles claires et faire un travail précis.",
     "I like following clear rules and doing precise work."),
    ("r3", "R", "gear", "J'aime utiliser des outils et des machines, ou conduire un camion ou un tracteur.",
     "I like using tools and machines or driving vehicles."),
    ("i3", "I", "computer", "J'aime les sciences, les chiffres ou l'informatique.",
     "I like science, numbers or computers."),
    ("a3", "A", "scissors", "J'aime décorer, créer un style, rendre les choses belles.",
     "I like decorating, creating a style, making things look good."),
    ("s3", "S", "ear", "J'aime écouter les gens et les conseiller.",
     "I like listening to people and giving them advice."),
    ("e3", "E", "rocket", "J'aime lancer des projets et agir sans attendre qu'on me le demande.",
     "I like starting projects and taking the initiative."),
    ("c3", "C", "calculator", "J'aime faire des tableaux, des listes et des calculs.",
     "I like making tables, lists and calculations."),
)
QUESTION_IDS = tuple(q[0] for q in _QUESTIONS)
_LETTER_OF = {q[0]: q[1] for q in _QUESTIONS}


def riasec_questions(lang: str = "fr") -> list[Question]:
    """The 18 statements in display order, 9 per screen (screen 1 then 2)."""
    check_lang(lang)
    out = []
    for i, (qid, letter, picto, fr, en) in enumerate(_QUESTIONS):
        out.append(Question(qid, fr if lang == "fr" else en, letter, picto,
                            i // QUESTIONS_PER_SCREEN + 1))
    return out


@dataclass(frozen=True, slots=True)
class RiasecProfile:
    scores: dict[str, float]          # letter -> [0, 1]
    top: tuple[str, ...]              # highest letters first (score > 0), at most 3
    missing: tuple[str, ...] = ()     # question ids left unanswered (counted as 0)

    def to_dict(self) -> dict[str, object]:
        return {"scores": dict(self.scores), "top": list(self.top), "missing": list(self.missing)}


def no_preference(scores: Mapping[str, float]) -> bool:
    """The same score for all six letters (every answer alike, "pas du tout" included): the
    answers say nothing of what the person prefers."""
    return len({float(scores.get(letter, 0.0)) for letter in LETTERS}) == 1


def top_letters(scores: Mapping[str, float], limit: int = MAX_TOP_LETTERS) -> tuple[str, ...]:
    if no_preference(scores):
        return ()
    order = sorted((letter for letter in LETTERS if scores.get(letter, 0.0) > 0),
                   key=lambda letter: (-scores.get(letter, 0.0), LETTERS.index(letter)))
    return tuple(order[:limit])


def score_riasec(answers: Mapping[str, int]) -> RiasecProfile:
    """Letter score = (sum of the letter's three answers) / 6; see the module docstring."""
    if not isinstance(answers, Mapping):
        raise ProfileError("Answers must be a mapping {question id: 0, 1 or 2}.", field="answers",
                           fr="Les réponses doivent associer chaque question à 0, 1 ou 2.")
    # ids in any case: the journey and its files write "R1", the questions give "r1"
    given = [(k.lower() if isinstance(k, str) else k, v) for k, v in answers.items()]
    twice = sorted({str(k) for k, _ in given if sum(1 for j, _ in given if j == k) > 1})
    if twice:
        raise ProfileError(f"Question ids given twice: {', '.join(twice)}.", field="answers",
                           fr=f"Questions données deux fois : {', '.join(twice)}.")
    answers = dict(given)
    unknown = sorted(str(k) for k in answers if k not in _LETTER_OF)
    if unknown:
        raise ProfileError(f"Unknown question ids: {', '.join(unknown)}.", field="answers",
                           fr=f"Questions inconnues : {', '.join(unknown)}.")
    totals = dict.fromkeys(LETTERS, 0)
    for qid, value in answers.items():
        if isinstance(value, bool) or not isinstance(value, int) or value not in ANSWER_LEVELS:
            raise ProfileError(
                f"Answer to {qid} must be 0, 1 or 2, got {value!r}.", field=f"answers.{qid}",
                fr=f"La réponse à {qid} doit être 0 (pas du tout), 1 (un peu) ou 2 (beaucoup).")
        totals[_LETTER_OF[qid]] += value
    per_letter = {letter: sum(1 for q in _QUESTIONS if q[1] == letter) for letter in LETTERS}
    scores = {letter: round(totals[letter] / (2 * per_letter[letter]), 4) for letter in LETTERS}
    missing = tuple(q for q in QUESTION_IDS if q not in answers)
    return RiasecProfile(scores=scores, top=top_letters(scores), missing=missing)
