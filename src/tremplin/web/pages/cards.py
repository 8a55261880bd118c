"""What a suggestion's card shows, shared by the tracks page and the explanation pages: the
order of the cards, the interest explanation in short sentences, where the engine's notes go,
and why a journey has no suggestion yet."""

from __future__ import annotations

from typing import Any

from tremplin.guide.journey import Journey
from tremplin.recommend import wording
from tremplin.web import i18n


def in_page_order(recs: list[dict[str, Any]], journey: Journey) -> list[dict[str, Any]]:
    """The suggestions in the order the tracks page shows them: "not for me" is respected,
    not argued with, so those jobs go to the end (a stable sort: the rest keeps its rank).
    The explanation pages number a suggestion by this order too."""
    return sorted(recs, key=lambda r: journey.thumbs.get(str(r.get("code"))) == -1)


def split_notes(why: dict[str, Any], lang: str) -> tuple[str, list[str]]:
    """The engine's notes on a suggestion: (the one on trainings hidden by the study level,
    or "", the others). That one belongs next to the trainings it speaks of, not on a page
    without them."""
    hidden = int(why.get("trainings_hidden") or 0)
    note = wording.trainings_hidden_note(lang, hidden) if hidden else ""
    return note, [str(n) for n in why.get("notes") or () if n != note]


def track_view(rec: dict[str, Any], lang: str) -> dict[str, Any]:
    """A copy of a suggestion with what its card shows (the row may sit in a shared cache):
    the interest explanation cut into short sentences, with the French labels they quote,
    the note on trainings hidden by the study level, and the other notes."""
    why = rec.get("why") or {}
    french = [str(c.get("label")) for c in why.get("interest_centres") or ()
              if isinstance(c, dict) and c.get("label")]
    trainings_note, notes = split_notes(why, lang)
    # what concerns every card the page says once, above them
    once = {wording.say(lang, "guessed"), wording.say(lang, "other_script")}
    score = rec.get("score")
    return {**rec, "why_lines": tastes_lines(str(why.get("interest") or ""), french, lang),
            "why_french": french, "trainings_note": trainings_note, "notes": notes,
            "card_notes": [n for n in notes if n not in once],
            # the mark, named as the explanation page and the summary name it
            "score_text": wording.percent(float(score), lang).replace(" ", "\u00a0")
            if isinstance(score, int | float) else ""}


def tastes_lines(interest: str, french: list[str], lang: str) -> list[str]:
    """The interest explanation, one sentence a line, its first line saying what it is about
    ("Pour tes goûts : tes réponses aux questions donnent 78 %…"): read after the lines on
    what the person can do, "donnent 0 %" alone read as a penalty with no subject (QA)."""
    lines = wording.sentences(interest, french)
    if not lines:
        return []
    first = lines[0]
    if first[:1].isupper() and not first[1:2].isupper():  # "Tes réponses", not "ROME"
        first = first[:1].lower() + first[1:]
    return [i18n.translator(lang)("tracks_tastes", what=first), *lines[1:]]


def empty_reason(journey: Journey) -> str:
    """Why a journey gives the engine nothing to work with: 'all_no' when every answer about
    tastes was "pas du tout" (quest 1 is done, it just says nothing), 'all_same' when they
    were all alike otherwise (no preference either), else 'nothing'."""
    if journey.tastes_alike:
        return "all_same" if any(journey.riasec.values()) else "all_no"
    return "nothing"


def only_alike_tastes(journey: Journey) -> bool:
    """The journey holds only interest answers, all alike: nothing to rank jobs with."""
    return (bool(journey.riasec) and empty_reason(journey) != "nothing"
            and not (journey.competences or journey.experiences or journey.centres))
