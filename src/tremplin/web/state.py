"""The journey state, kept in the browser only: a cookie holding the canonical journey of
`tremplin.guide.journey` (compact JSON, zlib, base64url). Nothing is stored on the server.

A cookie is limited to about 4 KB. A change that would make the journey larger than that is
refused (`fits`): the pages keep the journey the browser has and say so, and never drop
what the person entered. Only an imported profile may be shrunk (`fit`), and the import page
says what was left out.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from dataclasses import replace

from tremplin.guide.journey import Experience, Journey, JourneyError, parse_journey

COOKIE = "tremplin_journey"
HELPER_COOKIE = "tremplin_helper"  # helper mode on in this browser ("1"), for the session only
MAX_COOKIE_CHARS = 3800
MAX_AGE_S = 90 * 24 * 3600  # "reprendre plus tard": kept 90 days in this browser

XP_PER_BADGE = 50


def encode(journey: Journey) -> str:
    raw = json.dumps(journey.to_compact_dict(), ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(zlib.compress(raw.encode("utf-8"), 9)).decode("ascii")


def decode(value: str | None) -> Journey:
    """The journey in a cookie; an empty journey when absent, damaged or refused."""
    if not value or len(value) > 8000:
        return Journey()
    try:
        raw = zlib.decompressobj().decompress(base64.urlsafe_b64decode(value.encode("ascii")), 65536)
        return parse_journey(json.loads(raw.decode("utf-8")))
    except (ValueError, binascii.Error, zlib.error, UnicodeError, JourneyError):
        return Journey()


def form_int(value: object, max_digits: int = 9) -> int | None:
    """A small non-negative integer from a form field or query string, else None. ASCII digits
    only: str.isdigit() also accepts "²", which int() then refuses."""
    text = str(value)
    if text.isascii() and text.isdigit() and len(text) <= max_digits:
        return int(text)
    return None


def fits(journey: Journey) -> bool:
    """Whether the journey fits in its cookie (else a change that leads to it is refused)."""
    return len(encode(journey)) <= MAX_COOKIE_CHARS


def used_percent(journey: Journey) -> int:
    """How much of the room in the cookie the journey takes, in percent (0 to 100)."""
    return min(100, round(100 * len(encode(journey)) / MAX_COOKIE_CHARS))


# Helper notes may use this much of the cookie on their own, so that the young person's own
# journey (experiences, competences, thumbs...) still has room after a helper wrote notes.
NOTES_MAX_CHARS = 2600


def notes_fit(journey: Journey) -> bool:
    """Whether the journey's helper notes leave room for the rest of the journey: the notes
    alone stay within NOTES_MAX_CHARS, and the whole journey fits."""
    return len(encode(Journey(notes=journey.notes))) <= NOTES_MAX_CHARS and fits(journey)


def fit(journey: Journey) -> tuple[Journey, str]:
    """For an imported profile only: drop the oldest experience texts (the competences kept
    from them stay) until the cookie fits; returns (journey kept, cookie value). Nothing else
    is ever dropped: when the value is still too long, the caller must refuse the journey."""
    value = encode(journey)
    while len(value) > MAX_COOKIE_CHARS and any(e.text for e in journey.experiences):
        exps = list(journey.experiences)
        i = next(i for i, e in enumerate(exps) if e.text)
        exps[i] = Experience("", exps[i].competences, exps[i].removed)
        journey = replace(journey, experiences=tuple(e for e in exps if e.text or e.competences))
        value = encode(journey)
    return journey, value


def award(journey: Journey, badge: str, xp: int = XP_PER_BADGE) -> Journey:
    """Give a badge (once) and its experience points."""
    if badge in journey.badges:
        return journey
    return replace(journey, badges=(*journey.badges, badge), xp=min(journey.xp + xp, 100_000))


# --- helper mode: the journey lasts the browser session only ---------------------------------

_LIFETIME = re.compile(r";\s*(?:Max-Age=\d+|expires=[^;]*)", re.IGNORECASE)


def helper_in(cookie_header: str, set_cookies: list[str]) -> bool:
    """Whether a response belongs to a helper-mode session: the request carries the helper
    cookie and the response does not end helper mode, or the response starts it."""
    for value in set_cookies:
        if value.startswith(HELPER_COOKIE + "="):
            return value.startswith(HELPER_COOKIE + "=1;")  # started, or ended ('=""')
    return f"{HELPER_COOKIE}=1" in [c.strip() for c in cookie_header.split(";")]


def session_only(set_cookies: list[str]) -> list[str]:
    """The journey cookie of these Set-Cookie values made a session cookie (no Max-Age, no
    expiry date): on a shared computer, in helper mode, the journey and the helper's notes go
    when the browser is closed, not 90 days later. A deletion (Max-Age=0) is left as it is."""
    return [_LIFETIME.sub("", v) if v.startswith(COOKIE + "=") and "Max-Age=0" not in v else v
            for v in set_cookies]
