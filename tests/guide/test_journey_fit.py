"""What fits in the browser's cookie, and what counts as the same experience: the rules the
pages use to refuse a change instead of dropping what the person entered."""

from __future__ import annotations

import random

from tremplin.guide.journey import Experience, Journey, same_text_key
from tremplin.web import state


def noisy(n: int, seed: int = 0) -> str:
    r = random.Random(seed)
    return "".join(r.choice("abcdefghijklmnopqrstuvwxyzéè ,.") for _ in range(n)).strip()


def test_fits_says_whether_the_cookie_would_be_too_long() -> None:
    small = Journey(experiences=(Experience("je répare des vélos", (104174,)),))
    assert state.fits(small)
    big = Journey(notes=tuple(noisy(1900, i) for i in range(4)))
    assert len(state.encode(big)) > state.MAX_COOKIE_CHARS and not state.fits(big)


def test_fit_drops_only_experience_texts_and_keeps_the_rest() -> None:
    """For imports only: the oldest texts go first; competences, codes taken away and thumbs
    stay; when that is not enough the value is still too long (the import is refused)."""
    exps = tuple(Experience(noisy(480, i), (104174 + i,), (200000 + i,)) for i in range(12))
    thumbs = {f"D{1100 + i:04d}": 1 for i in range(50)}
    journey = Journey(experiences=exps, thumbs=thumbs)
    kept, value = state.fit(journey)
    assert len(value) <= state.MAX_COOKIE_CHARS and state.decode(value) == kept
    assert kept.thumbs == thumbs
    assert [e.competences for e in kept.experiences] == [e.competences for e in exps]
    assert [e.removed for e in kept.experiences] == [e.removed for e in exps]
    texts = [e.text for e in kept.experiences]
    assert texts[0] == "" and texts[-1] == exps[-1].text  # the oldest went first
    # thumbs are never dropped to make room: too big stays too big
    too_big = Journey(notes=tuple(noisy(1900, i) for i in range(4)), thumbs=thumbs)
    kept, value = state.fit(too_big)
    assert kept == too_big and len(value) > state.MAX_COOKIE_CHARS


def test_notes_leave_room_for_the_rest_of_the_journey() -> None:
    assert state.NOTES_MAX_CHARS < state.MAX_COOKIE_CHARS - 800
    notes: tuple[str, ...] = ()
    while state.notes_fit(Journey(notes=(*notes, noisy(300, len(notes))))):
        notes = (*notes, noisy(300, len(notes)))
    assert notes, "a few notes always fit"
    # what notes the helper may write still leaves room for several experiences
    exps = tuple(Experience(f"expérience numéro {i} au {noisy(60, 100 + i)}",
                            tuple(range(104174 + 10 * i, 104182 + 10 * i))) for i in range(6))
    assert state.fits(Journey(notes=notes, experiences=exps, thumbs={"D1102": 1}))


def test_the_same_experience_text_aside_spaces_and_case() -> None:
    assert same_text_key("  Je  RÉPARE des vélos\n") == same_text_key("je répare des vélos")
    assert same_text_key("je re\u0301pare") == same_text_key("je répare")  # NFD vs NFC
    assert same_text_key("je répare des vélos") != same_text_key("je répare des motos")
    # punctuation at the ends is not another experience (QA: "je cuisine" / "Je cuisine.")
    assert same_text_key("Je cuisine.") == same_text_key("je cuisine") == same_text_key("« je cuisine ! »")
    assert same_text_key("je cuisine, je range") != same_text_key("je cuisine je range")
    assert same_text_key("...") == ""
    journey = Journey(experiences=(Experience("Je répare des vélos"), Experience("", (104174,))))
    assert journey.has_experience("je répare  des VÉLOS ")
    assert not journey.has_experience("je répare des motos")
    assert not journey.has_experience("")  # an experience kept without its text is no match
