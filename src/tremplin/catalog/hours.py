"""Opening hours as people read them. Most places give them in the OpenStreetMap syntax
("Mo-Fr 09:00-12:00,13:30-17:30; Th off"), which a young person or a helper should not have
to decode; France Services already write them in French ("Lun 09:00 - 12:00 / …") and are
left as they are, like anything this module does not fully understand."""

from __future__ import annotations

import re

_DAYS = {
    "fr": {"Mo": "lun.", "Tu": "mar.", "We": "mer.", "Th": "jeu.", "Fr": "ven.", "Sa": "sam.",
           "Su": "dim.", "PH": "jours fériés"},
    "en": {"Mo": "Mon", "Tu": "Tue", "We": "Wed", "Th": "Thu", "Fr": "Fri", "Sa": "Sat",
           "Su": "Sun", "PH": "public holidays"},
}
_CLOSED = {"fr": "fermé", "en": "closed"}
_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)"
_DAYS_PART = re.compile(rf"^{_DAY}(?:-{_DAY})?(?:,{_DAY}(?:-{_DAY})?)*$")
_TIMES_PART = re.compile(r"^\d{1,2}:\d\d-\d{1,2}:\d\d(?:,\d{1,2}:\d\d-\d{1,2}:\d\d)*$")


def _time(hhmm: str, lang: str) -> str:
    hours, minutes = hhmm.split(":")
    if lang == "fr":  # no-break spaces: "13 h 30" never splits across two lines
        return f"{int(hours)}\u00a0h" + ("" if minutes == "00" else f"\u00a0{minutes}")
    return f"{int(hours)}:{minutes}"


def _days(part: str, lang: str) -> str:
    names = _DAYS[lang]
    return ", ".join("–".join(names[d] for d in span.split("-")) for span in part.split(","))


def _rule(rule: str, lang: str) -> str | None:
    """One "days times" rule in words, or None when it is not in the expected syntax."""
    days, _, times = rule.strip().partition(" ")
    times = times.strip()
    if not _DAYS_PART.match(days):
        return None
    if times.lower() in ("off", "closed"):
        return f"{_days(days, lang)} {_CLOSED[lang]}"
    if not _TIMES_PART.match(times):
        return None
    spans = [" – ".join(_time(t, lang) for t in span.split("-")) for span in times.split(",")]
    joiner = " et " if lang == "fr" else " and "
    return f"{_days(days, lang)} {joiner.join(spans)}"


def readable_hours(text: str, lang: str = "fr") -> str:
    """'Mo-Fr 09:00-12:00,13:30-17:30; Th off' -> 'lun.–ven. 9 h – 12 h et 13 h 30 – 17 h 30 ;
    jeu. fermé'. Text in any other form is returned unchanged (never half rewritten)."""
    lang = lang if lang in _DAYS else "fr"
    rules = [r for r in text.split(";") if r.strip()]
    said = [_rule(r, lang) for r in rules]
    if not rules or any(s is None for s in said):
        return text
    return " ; ".join(s for s in said if s) if lang == "fr" else "; ".join(s for s in said if s)
