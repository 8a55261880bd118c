"""The journey state, kept in the browser only: a cookie holding the canonical journey of
`tremplin.guide.journey` (compact JSON, zlib, base64url). Nothing is stored on the server.

A cookie is limited to about 4 KB: when the encoded journey would be larger, the oldest
experience texts are dropped first (the competences kept from them stay).
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from dataclasses import replace

from tremplin.guide.journey import Experience, Journey, JourneyError, parse_journey

COOKIE = "tremplin_journey"
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


def fit(journey: Journey) -> tuple[Journey, str]:
    """Shrink the journey until its cookie fits; returns (journey kept, cookie value)."""
    value = encode(journey)
    while len(value) > MAX_COOKIE_CHARS and any(e.text for e in journey.experiences):
        exps = list(journey.experiences)
        i = next(i for i, e in enumerate(exps) if e.text)
        exps[i] = Experience("", exps[i].competences)
        journey = replace(journey, experiences=tuple(e for e in exps if e.text or e.competences))
        value = encode(journey)
    while len(value) > MAX_COOKIE_CHARS and journey.thumbs:
        journey = replace(journey, thumbs=dict(list(journey.thumbs.items())[1:]))
        value = encode(journey)
    return journey, value


def award(journey: Journey, badge: str, xp: int = XP_PER_BADGE) -> Journey:
    """Give a badge (once) and its experience points."""
    if badge in journey.badges:
        return journey
    return replace(journey, badges=(*journey.badges, badge), xp=min(journey.xp + xp, 100_000))
