"""Words are never split over two lines in the PDF summary (QA: the second suggestion's line
ended « … · C » and the next one began « e que tu as raconté ressemble au métier »).

Many summaries with varied texts (long job titles, reasons joined by « · », French quotes and
no-break spaces, apostrophes, bold labels run in with plain text, a word longer than a line)
are rendered; the text pypdf extracts is checked at every line end: joining two lines without a
space never makes a word of the source texts, no line starts with a punctuation mark that a
no-break space ties to the word before it (« : », « · », « % », « » »...), and only a word
longer than the whole line is cut, with a hyphen."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import random
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader

from tremplin.catalog.read import Catalog
from tremplin.guide.journey import Journey
from tremplin.guide.summary import (
    LABELS,
    BriefLine,
    Summary,
    SummarySuggestion,
    build_summary,
    render_summary_pdf,
)

TODAY = dt.date(2026, 3, 14)
NBSP = "\u00a0"

_FR = (
    "Ce que tu as raconté ressemble au métier de la des les et à en pour avec sur C "
    "préparer commandes d'entretien l'équipe aujourd'hui s'occuper qu'il électroménager "
    "maintenance équipements industriels conditionnement agroalimentaire réglementaire "
    "hygiène sécurité HACCP CAP BTS 3e grand-mère sous-traitance l’accueil d’un vérifier "
    "conformité approvisionnement viennoiseries pâtisserie boulangère cuisinière "
    "Technicien Technicienne Agent Agente / production transformation alimentaire "
    "spécialité comptabilité gestion clients caisse outils réparer installer contrôler "
    "«\u00a0cuisine\u00a0» «\u00a0petite\u00a0enfance\u00a0» 41\u00a0% 9\u00a0h Défourner "
    "pains Superviser apprentis Rédiger comptes rendus réunion dossiers techniques"
)
_EN = (
    "What you told looks like the job of and to in for with a an I handling tools repairing "
    "maintenance equipment industrial packaging food-processing regulations hygiene safety "
    "customer's team's don't won't “kitchen” “early years” 41% checking ordering supplies "
    "Technician Operator / production processing accounting management"
)
WORDS_FR, WORDS_EN = _FR.split(" "), _EN.split(" ")
LONG_WORD = "Anticonstitutionnellement" * 6  # longer than a whole line: cut, with a hyphen


def _phrase(rng: random.Random, words: list[str], lo: int, hi: int) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))


def _suggestion(rng: random.Random, n: int, lang: str, long_word: bool) -> SummarySuggestion:
    labels = LABELS[lang]
    words = WORDS_FR if lang == "fr" else WORDS_EN
    title = _phrase(rng, words, 1, 16).capitalize()
    # reasons joined by « · », as several sentences
    why = " · ".join(_phrase(rng, words, 3, 14) + rng.choice([".", "", " ?", " !"])
                     for _ in range(rng.randint(1, 3)))
    groups = ["known", "close", "words", "titles", "loose"]
    matched_lines = []
    for key in rng.sample(groups, rng.randint(1, len(groups))):
        shown = [_phrase(rng, words, 1, 12) for _ in range(rng.randint(1, 3))]
        if long_word and key == "titles":
            shown.append(LONG_WORD)
        more = labels["more"].format(n=rng.randint(2, 9)) if rng.random() < 0.5 else ""
        matched_lines.append(BriefLine(key, labels[key], shown, more))
    todo_lines = [BriefLine("missing", labels["missing"],
                            [_phrase(rng, words, 2, 10) for _ in range(rng.randint(1, 3))],
                            labels["more_one"]),
                  BriefLine("trainings", labels["trainings"], [_phrase(rng, words, 2, 9)],
                            labels["more"].format(n=2))]
    score = rng.randint(10, 99) / 100
    return SummarySuggestion(
        code=f"X{n:04d}", title=title, domain="", rank=n, score=score, reasons=[why],
        matched={}, missing=[], trainings=[], liked=rng.random() < 0.3,
        score_text=labels["score"].format(score=f"{round(score * 100)}{NBSP}%"),
        why_short=why, matched_lines=matched_lines, todo_lines=todo_lines,
        notes=[_phrase(rng, words, 4, 20)] if rng.random() < 0.3 else [],
    )


def varied_summaries(base: dict[str, Summary], count: int) -> Iterator[Summary]:
    """`count` summaries, French and English, each with 5 suggestions of random lengths."""
    rng = random.Random(20260314)
    for i in range(count):
        lang = "en" if i % 4 == 3 else "fr"
        words = WORDS_FR if lang == "fr" else WORDS_EN
        yield dataclasses.replace(
            base[lang],
            suggestions=[_suggestion(rng, n, lang, long_word=i % 5 == 0)
                         for n in range(1, 6)],
            liked_jobs=[(f"Y{k}", _phrase(rng, words, 1, 8)) for k in range(rng.randint(0, 4))],
            notes=[_phrase(rng, words, 5, 40) for _ in range(rng.randint(0, 3))]
            + ([f"Voir {LONG_WORD} demain."] if i % 5 == 1 else []),
        )


# --- checking the printed lines ---------------------------------------------------------------

WORD = re.compile(r"\w+(?:['’-]\w+)*")
LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"}
# a no-break space ties these to the word before them (or after, for "«"): never alone at the
# start of a line
LEADING_MARKS = tuple(":;?!»%·")
LONG = 40  # a source word this long is longer than a line: it may be cut, with a hyphen


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield unicodedata.normalize("NFC", obj)
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from _strings(value)
    elif isinstance(obj, list | tuple):
        for value in obj:
            yield from _strings(value)


def pdf_lines(pdf: bytes) -> list[str]:
    lines = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        text = page.extract_text()
        for lig, letters in LIGATURES.items():
            text = text.replace(lig, letters)
        lines += [" ".join(line.split()) for line in unicodedata.normalize("NFC", text)
                  .splitlines() if line.strip()]
    return lines


def split_words(summary: Summary, lines: list[str]) -> list[str]:
    """What is wrong at the line ends of `lines` (the printed `summary`), as sentences."""
    sources = list(_strings(summary.to_dict()))
    words = {w for s in sources for w in WORD.findall(s)}
    long_words = [w for s in sources for w in s.split() if len(w) >= LONG]
    wrong = []
    for a, b in itertools.pairwise(lines):
        where = f"{a[-40:]!r} / {b[:40]!r}"
        if b.startswith(LEADING_MARKS) or a.endswith("«"):
            wrong.append(f"a mark tied by a no-break space left alone: {where}")
        last, first = a.split()[-1], b.split()[0]
        if any(f"{last}{NBSP}{first}" in s for s in sources):
            wrong.append(f"split at a no-break space: {where}")
        if not (re.match(r"\w", b)):
            continue
        head = WORD.match(b)
        assert head is not None
        if a.endswith(("'", "’")):
            wrong.append(f"split after an apostrophe: {where}")
        elif re.search(r"\w-$", a):
            tail = WORD.findall(a)[-1]
            joined = tail + head.group()
            if not any(joined in w for w in long_words):
                wrong.append(f"a word that fits on a line cut with a hyphen: {where}")
        elif re.search(r"\w$", a):
            tail = WORD.findall(a)[-1]
            joined = tail + head.group()
            if tail in words and head.group() in words:
                continue  # two words ("le" / "s" would be "les": they are words too)
            if any(joined in w for w in long_words):
                wrong.append(f"a long word cut without a hyphen: {where}")
            elif joined in words:
                wrong.append(f"a word split over two lines: {where}")
    # nothing lost: every source word of the suggestions is printed (long words joined again)
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", "\n".join(lines))
    printed = set(WORD.findall(text))
    for s in summary.suggestions:
        for line in [*s.matched_lines, *s.todo_lines]:
            for w in WORD.findall(line.text):
                if w not in printed:
                    wrong.append(f"{w!r} is not printed")
    return wrong


@pytest.fixture(scope="module")
def bases(catalog: Catalog) -> dict[str, Summary]:
    from .conftest import SAMPLE

    journey = Journey.from_dict(SAMPLE)
    suggestions = [{"code": "D1102", "title": "Boulanger / Boulangère", "score": 0.71}]
    return {lang: build_summary(journey, catalog, suggestions, lang=lang, today=TODAY)
            for lang in ("fr", "en")}


def test_summary_pdf_never_splits_a_word_over_two_lines(bases: dict[str, Summary]) -> None:
    problems = []
    for n, summary in enumerate(varied_summaries(bases, 24)):
        lines = pdf_lines(render_summary_pdf(summary))
        problems += [f"summary {n} ({summary.lang}): {p}" for p in split_words(summary, lines)]
    assert not problems, "\n".join(problems)


def test_summary_pdf_qa_case_keeps_the_label_whole(bases: dict[str, Summary]) -> None:
    """The QA case: « · » then the bold label « Ce que tu as raconté ressemble au métier »
    starting less than 2 mm (fpdf2's cell padding) before the end of a line. With each of these
    items, the line used to end « … · C » and the next one to begin « e que tu as raconté »."""
    labels = LABELS["fr"]
    problems = []
    for item in ("Retoucher ou faire des modifications", "Prendre les mensurations d'un client",
                 "Détecter des défauts sur des articles", "Superviser des phases d'impression"):
        known = f"Défourner des pains et viennoiseries ; Cuire des pièces de viennoiserie ; {item}"
        s = dataclasses.replace(bases["fr"].suggestions[0], why_short="Parce que.",
                                matched_lines=[BriefLine("known", labels["known"], [known]),
                                               BriefLine("titles", labels["titles"],
                                                         ["Boulanger / Boulangère"])],
                                todo_lines=[])
        summary = dataclasses.replace(bases["fr"], suggestions=[s])
        lines = pdf_lines(render_summary_pdf(summary))
        problems += [f"{item}: {p}" for p in split_words(summary, lines)]
        if labels["titles"] not in " ".join(lines):
            problems.append(f"{item}: the label is not printed whole")
    assert not problems, "\n".join(problems)
