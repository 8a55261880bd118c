"""A place's opening hours as the JSON API gives them: read once by the pages' own reader
(`tremplin.catalog.hours.read_hours`), written out both structured and as the pages say
them, next to the source's own string (`opening_hours_raw`)."""

from __future__ import annotations

from typing import Any

from tremplin.catalog.hours import read_hours


def hours_out(raw: str) -> dict[str, Any]:
    """The `hours` object of a place (the `OpeningHoursOut` schema)."""
    read = read_hours(raw)
    days = read.days()
    return {
        "status": read.status,
        "check_by_phone": read.to_check,
        "text_fr": read.readable("fr"),
        "text_en": read.readable("en"),
        "periods": [{"day": day, "opens": opens, "closes": closes}
                    for day in days for opens, closes in read.week[day]],
        "closed_days": [day for day in days if not read.week[day]],
    }


def with_hours(place: dict[str, Any]) -> dict[str, Any]:
    """A place as `Services` gives it, with `opening_hours_raw` and `hours` after its
    `opening_hours` (kept, deprecated: the same raw string)."""
    out: dict[str, Any] = {}
    for key, value in place.items():
        out[key] = value
        if key == "opening_hours":
            out["opening_hours_raw"] = value
            out["hours"] = hours_out(value)
    return out
