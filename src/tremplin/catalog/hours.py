"""Opening hours as people read them, in one format whatever the source wrote.

The places come with hours in two machine formats: the OpenStreetMap syntax
("Mo-Fr 09:00-12:00,13:30-17:30; Th off", conseillers numériques, data.inclusion) and France
Services' own ("Lun 09:00 - 12:00 / 13:30 - 17:00; Mar ..."). A young person or a helper
should not have to decode either, nor see the same thing written two ways on one page: both
are read into one week (OSM's later rules replace the earlier ones for the days they name)
and written the same way, the days that share their hours together:
"lun.–mer., ven. 9 h – 12 h et 13 h 30 – 17 h 30 ; jeu. fermé". Free text ("Du lundi au
vendredi de 9h à 12h") is left exactly as it is, never half rewritten. Hours in one of the two
machine formats that cannot be read ("Mo 08:30-13:30-17:00", "Tu 08:30"), or that read as
impossible (opening before 5 h, closing when or before it opens: "mar.–ven. 1 h – 17 h"),
are never shown as they are: `TO_CHECK` says to call ("Horaires à vérifier par téléphone").

`read_hours` is the one reader: the pages write what it read (`readable_hours`,
`hours_to_check`), the JSON API gives it structured (day, opening and closing times).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from tremplin.catalog.htmltext import html_to_text

WEEK = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAYS = {
    "fr": {"Mo": "lun.", "Tu": "mar.", "We": "mer.", "Th": "jeu.", "Fr": "ven.", "Sa": "sam.",
           "Su": "dim.", "PH": "jours fériés"},
    "en": {"Mo": "Mon", "Tu": "Tue", "We": "Wed", "Th": "Thu", "Fr": "Fri", "Sa": "Sat",
           "Su": "Sun", "PH": "public holidays"},
}
_CLOSED = {"fr": "fermé", "en": "closed"}
# what is shown instead of hours that cannot be read, or read as impossible
TO_CHECK = {"fr": "Horaires à vérifier par téléphone", "en": "Check the opening hours by phone"}
EARLIEST_OPENING = "05:00"  # a place that helps people opening earlier: a data error
_AND = {"fr": " et ", "en": " and "}
_BETWEEN_DAYS = {"fr": " ; ", "en": "; "}  # French puts a space before ";"
# France Services' day names (its CSV has one column a day)
_FS_DAYS = {"lun": "Mo", "mar": "Tu", "mer": "We", "jeu": "Th", "ven": "Fr", "sam": "Sa",
            "dim": "Su"}

_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)"
_DAYS_PART = re.compile(rf"^{_DAY}(?:-{_DAY})?(?:,{_DAY}(?:-{_DAY})?)*$")
_TIME = r"\d{1,2}\s?:\s?\d\d"
_SPAN = re.compile(rf"^({_TIME})\s*-\s*({_TIME})$")
_FS_RULE = re.compile(r"^([A-Za-zé]{3})\.?\s+(.+)$")
# a rule of either machine format, at the start or after a ";": "Mo-Fr 09:00…", "Tu 8h…",
# "Lun 09:00…", "Sam -"
_MACHINE = re.compile(rf"(?:^|;)\s*(?:{_DAY}(?:[-,]{_DAY})*\s+\d"
                      r"|(?:Lun|Mar|Mer|Jeu|Ven|Sam|Dim)\.?\s+(?:\d|-))")

Spans = tuple[tuple[str, str], ...]  # ("09:00", "12:00"), ...; () for a closed day
# what a source's hours turned out to be (see OpeningHours)
HoursStatus = Literal["week", "free_text", "to_check", "none"]


def _clock(text: str) -> str | None:
    """'9:05', '09 :05' -> '09:05'; None when it is not a time of day."""
    hours, _, minutes = text.replace(" ", "").partition(":")
    if not (hours.isdigit() and minutes.isdigit()) or int(hours) > 24 or int(minutes) > 59:
        return None
    return f"{int(hours):02d}:{minutes}"


def _spans(text: str, separators: str) -> Spans | None:
    """'09:00-12:00,13:30-17:30' (separators ',') or '09:00 - 12:00 / 13:30 - 17:00' ('/,')
    as ((start, end), ...); None when any piece is not a time span."""
    out = []
    for piece in re.split(f"[{re.escape(separators)}]", text):
        m = _SPAN.match(piece.strip())
        start, end = (_clock(m.group(1)), _clock(m.group(2))) if m else (None, None)
        if start is None or end is None:
            return None
        out.append((start, end))
    return tuple(out)


def _osm_days(part: str) -> list[str] | None:
    """'Mo-We,Fr' -> ['Mo', 'Tu', 'We', 'Fr'] ("Sa-Mo" goes round the week); None for a
    range that is not one ("Mo-PH")."""
    days: list[str] = []
    for span in part.split(","):
        first, _, last = span.partition("-")
        if "PH" in (first, last):
            if span != "PH":
                return None
            days.append("PH")
            continue
        i, j = WEEK.index(first), WEEK.index(last or first)
        days += [WEEK[(i + k) % 7] for k in range((j - i) % 7 + 1)]
    return days


def _osm_week(text: str) -> dict[str, Spans] | None:
    """'Mo-Fr 09:00-12:00; Th off' as {day: spans}; None when not entirely OSM syntax."""
    week: dict[str, Spans] = {}
    rules = [r.strip() for r in text.split(";") if r.strip()]
    for rule in rules:
        days, _, times = rule.partition(" ")
        times = times.strip()
        if not _DAYS_PART.match(days):
            return None
        if times.lower() in ("off", "closed"):
            spans: Spans | None = ()
        elif re.fullmatch(r"\d{1,2}:\d\d-\d{1,2}:\d\d(?:,\d{1,2}:\d\d-\d{1,2}:\d\d)*", times):
            spans = _spans(times, ",")
        else:
            return None
        named = _osm_days(days)
        if spans is None or named is None:
            return None
        for day in named:
            week[day] = spans  # a later rule replaces an earlier one (OSM's rule)
    return week or None


def _france_services_week(text: str) -> dict[str, Spans] | None:
    """'Lun 09:00 - 12:00 / 13:30 - 17:00; Sam -' as {day: spans} (a day given as "-" says
    nothing: left out, and "Sam -" alone is an empty week); None when not entirely in that
    form."""
    week: dict[str, Spans] = {}
    rules = [" ".join(r.split()) for r in text.split(";")]
    for rule in (r for r in rules if r):
        m = _FS_RULE.match(rule)
        day = _FS_DAYS.get(m.group(1).lower()) if m else None
        if m is None or day is None or day in week:
            return None
        times = m.group(2)
        if times == "-":
            continue
        spans = _spans(times, "/,")
        if spans is None:
            return None
        week[day] = spans
    return week if rules and any(rules) else None


def _time(hhmm: str, lang: str) -> str:
    hours, minutes = hhmm.split(":")
    if lang == "fr":  # no-break spaces: "13 h 30" never splits across two lines
        return f"{int(hours)}\u00a0h" + ("" if minutes == "00" else f"\u00a0{minutes}")
    return f"{int(hours)}:{minutes}"


def _day_list(days: list[str], lang: str) -> str:
    """Days in week order: three or more in a row as a range ("lun.–mer."), the others one
    by one ("lun., mer.")."""
    names = _DAYS[lang]
    runs: list[list[str]] = []
    for day in days:
        if (runs and day != "PH" and runs[-1][-1] != "PH"
                and WEEK.index(day) == WEEK.index(runs[-1][-1]) + 1):
            runs[-1].append(day)
        else:
            runs.append([day])
    out: list[str] = []
    for run in runs:
        if len(run) >= 3:
            out.append(f"{names[run[0]]}–{names[run[-1]]}")
        else:
            out += [names[d] for d in run]
    return ", ".join(out)


def _written(week: dict[str, Spans], lang: str) -> str:
    """The week, the days with the same hours together, in the order of their first day
    (public holidays last)."""
    order = [d for d in (*WEEK, "PH") if d in week]
    groups: dict[Spans, list[str]] = {}
    for day in order:
        groups.setdefault(week[day], []).append(day)
    said = []
    for spans, days in groups.items():
        hours = (_AND[lang].join(f"{_time(a, lang)} – {_time(b, lang)}" for a, b in spans)
                 if spans else _CLOSED[lang])
        said.append(f"{_day_list(days, lang)} {hours}")
    return _BETWEEN_DAYS[lang].join(said)


def _without_markup(text: str) -> str:
    """HTML hours as one line: each line or list item after a ";", or after a space where
    the line before ends with ":" ("Permanences : Lundi de 14h - 16h ; Mardi …")."""
    out = ""
    for line in html_to_text(text).split("\n"):
        line = line.removeprefix("• ")  # list items: the separator says enough
        out += line if not out else (" " if out.endswith(":") else " ; ") + line
    return out


def _impossible(week: dict[str, Spans]) -> bool:
    """Whether a week read well holds a time no place keeps: opening before 5 h, or closing
    when or before it opens ("Tu-Fr 01:00-17:00", "Mo 14:00-14:00")."""
    return any(start < EARLIEST_OPENING or end <= start
               for spans in week.values() for start, end in spans)


@dataclass(frozen=True, slots=True)
class OpeningHours:
    """A place's hours as read from what its source wrote.

    `status` says what they turned out to be: "week", read into `week` (day "Mo".."Su" or
    "PH" -> spans in the day, () when the source says the day is closed; the days it does
    not name are not in it); "free_text", written otherwise and kept as `text` (without its
    HTML); "to_check", a machine format that cannot be read or hours that read as
    impossible (to be checked by phone); "none", no hours given."""

    status: HoursStatus
    week: Mapping[str, Spans] = field(default_factory=dict)
    text: str = ""

    @property
    def to_check(self) -> bool:
        """Whether the hours must be checked by phone ("Horaires à vérifier par téléphone")."""
        return self.status == "to_check"

    def days(self) -> list[str]:
        """The days of `week` in week order, public holidays last."""
        return [d for d in (*WEEK, "PH") if d in self.week]

    def readable(self, lang: str = "fr") -> str:
        """The hours as the pages write them (see `readable_hours`)."""
        lang = lang if lang in _DAYS else "fr"
        if self.status == "week":
            return _written(dict(self.week), lang)
        if self.status == "to_check":
            return TO_CHECK[lang]
        return self.text


def read_hours(text: str) -> OpeningHours:
    """What a source's opening hours say: 'Mo-Fr 09:00-12:00; Th off' -> a week (Mo, Tu,
    We, Fr 9:00-12:00, Th closed); 'Lun 09:00 - 12:00 / 14:00 - 17:00' the same way; free
    text (HTML taken out) kept as written; a machine format that cannot be read, or hours
    that read as impossible, "to_check"; nothing (or "Sam -") "none"."""
    if "<" in text:  # a few sources write their hours in HTML ("Mardi 18h-20h<br />Jeudi …")
        text = _without_markup(text)
    week = _osm_week(text)
    if week is None:
        week = _france_services_week(text)
    if week is None:
        if _MACHINE.search(text) or text.strip() in TO_CHECK.values():
            return OpeningHours("to_check")
        return OpeningHours("free_text", text=text) if text.strip() else OpeningHours("none")
    if not week:
        return OpeningHours("none")  # "Sam -": no hours given
    return OpeningHours("to_check") if _impossible(week) else OpeningHours("week", week)


def readable_hours(text: str, lang: str = "fr") -> str:
    """'Mo-Fr 09:00-12:00,13:30-17:30; Th off' -> 'lun.–mer., ven. 9 h – 12 h et 13 h 30 –
    17 h 30 ; jeu. fermé'; 'Lun 09:00 - 12:00 / 14:00 - 17:00; Mar 09:00 - 12:00 / 14:00 -
    17:00' -> 'lun., mar. 9 h – 12 h et 14 h – 17 h'. Free text is returned unchanged (never
    half rewritten); a machine format that cannot be read, or hours that read as impossible,
    give TO_CHECK ("Horaires à vérifier par téléphone"), never the codes."""
    return read_hours(text).readable(lang)


def hours_to_check(text: str) -> bool:
    """Whether `text` gives hours that cannot be shown (see `readable_hours`): the pages
    then say to call instead of "Horaires : …"."""
    return read_hours(text).to_check
