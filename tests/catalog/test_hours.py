"""Opening hours as people read them."""

from __future__ import annotations

import pytest

from tremplin.catalog.hours import readable_hours


@pytest.mark.parametrize(("raw", "lang", "said"), [
    ("Mo-Fr 09:00-12:00,13:30-17:30; Th off", "fr",
     "lun.–ven. 9\u00a0h – 12\u00a0h et 13\u00a0h\u00a030 – 17\u00a0h\u00a030 ; jeu. fermé"),
    ("Mo,We 14:00-18:00", "fr", "lun., mer. 14\u00a0h – 18\u00a0h"),
    ("Mo-Fr 09:00-12:00,13:30-17:30; Th off", "en",
     "Mon–Fri 9:00 – 12:00 and 13:30 – 17:30; Thu closed"),
    # written otherwise (France Services) or broken: left exactly as it is
    ("Lun 09:00 - 12:00 / 13:30 - 17:00", "fr", "Lun 09:00 - 12:00 / 13:30 - 17:00"),
    ("Mo 08:30-13:30; Tu 08:30", "fr", "Mo 08:30-13:30; Tu 08:30"),
    ("", "fr", ""),
])
def test_osm_hours_are_written_in_words(raw: str, lang: str, said: str) -> None:
    assert readable_hours(raw, lang) == said
