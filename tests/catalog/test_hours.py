"""Opening hours as people read them: one format, whatever the source wrote."""

from __future__ import annotations

import pytest

from tremplin.catalog.hours import hours_to_check, readable_hours


@pytest.mark.parametrize(("raw", "lang", "said"), [
    # OpenStreetMap syntax: a later rule replaces an earlier one for the days it names
    ("Mo-Fr 09:00-12:00,13:30-17:30; Th off", "fr",
     "lun.–mer., ven. 9\u00a0h – 12\u00a0h et 13\u00a0h\u00a030 – 17\u00a0h\u00a030 ; jeu. fermé"),
    ("Mo,We 14:00-18:00", "fr", "lun., mer. 14\u00a0h – 18\u00a0h"),
    ("Mo-Fr 09:00-12:00,13:30-17:30; Th off", "en",
     "Mon–Wed, Fri 9:00 – 12:00 and 13:30 – 17:30; Thu closed"),
    ("Tu-Fr 13:30-18:00; Mo,We 10:00-12:30,13:30-18:00", "fr",
     "lun., mer. 10\u00a0h – 12\u00a0h\u00a030 et 13\u00a0h\u00a030 – 18\u00a0h ;"
     " mar., jeu., ven. 13\u00a0h\u00a030 – 18\u00a0h"),
    # France Services' own format: the same words, the days with the same hours together
    ("Lun 09:00 - 12:00 / 13:30 - 17:00", "fr", "lun. 9\u00a0h – 12\u00a0h et 13\u00a0h\u00a030 – 17\u00a0h"),
    ("Lun 14:00 - 17:00; Mar 09:00 - 12:00 / 14:00 - 17:00; Mer 09:00 - 12:00 / 14:00 - 17:00; "
     "Jeu 09:00 - 12:00 / 14:00 - 17:00; Ven 09:00 - 12:00 / 14:00 - 17:00; Sam 09:00 - 12:00",
     "fr", "lun. 14\u00a0h – 17\u00a0h ; mar.–ven. 9\u00a0h – 12\u00a0h et 14\u00a0h – 17\u00a0h ;"
     " sam. 9\u00a0h – 12\u00a0h"),
    ("Lun 09:00-12:00/14:00-17:00; Mar 09:00-12:00/14:00-17:00; Sam -", "en",
     "Mon, Tue 9:00 – 12:00 and 14:00 – 17:00"),
    ("Lun -; Mar -", "fr", ""),  # no hours given: nothing to show
    # written otherwise (free text): left exactly as it is
    ("Du lundi au vendredi : 9h30-12h30 / 14h-17h", "fr",
     "Du lundi au vendredi : 9h30-12h30 / 14h-17h"),
    ("", "fr", ""),
])
def test_hours_are_written_in_words(raw: str, lang: str, said: str) -> None:
    assert readable_hours(raw, lang) == said


@pytest.mark.parametrize(("osm", "france_services"), [
    ("Mo-Fr 09:00-12:00,14:00-17:00", "Lun 09:00 - 12:00 / 14:00 - 17:00; Mar 09:00 - 12:00 / "
     "14:00 - 17:00; Mer 09:00 - 12:00 / 14:00 - 17:00; Jeu 09:00 - 12:00 / 14:00 - 17:00; "
     "Ven 09:00 - 12:00 / 14:00 - 17:00"),
    ("Mo,We 13:30-17:00; Sa 09:00-12:00", "Lun 13:30-17:00; Mer 13:30-17:00; Sam 09:00-12:00"),
])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_same_hours_read_the_same_from_either_source(osm: str, france_services: str,
                                                          lang: str) -> None:
    assert readable_hours(osm, lang) == readable_hours(france_services, lang) != osm


@pytest.mark.parametrize(("raw", "said"), [
    ("Permanences :<ul><li>Lundi de 14h - 16h</li><li>Mardi de 10h30 - 12h</li></ul>",
     "Permanences : Lundi de 14h - 16h ; Mardi de 10h30 - 12h"),
    ("Mardi 18.30h-20h<br />20h-21h45<br /><br />Samedi 14h-16h30",
     "Mardi 18.30h-20h ; 20h-21h45 ; Samedi 14h-16h30"),
])
def test_hours_written_in_html_are_shown_without_their_tags(raw: str, said: str) -> None:
    # six places of the data.inclusion file write their hours in HTML; the pages showed "<br />"
    assert readable_hours(raw) == said
    assert readable_hours(raw, "en") == said  # free text stays as written, in any language


@pytest.mark.parametrize("raw", [
    # a machine format that cannot be read: never shown as codes (QA, places near 69008)
    "Mo 08:30-13:30-17:00; Tu 13:00-17:00; We 08:30-12:00,13:30-17:00",
    "Mo 08:30-13:30; Tu 08:30",
    "Mo-Fr 09:00-12:30,13:30-17:00; We,Th 13:30",
    "Mo-Fr 9h-12h30,13h30-17h",
    "08:30-11:30; Th 08:30-11:30,14:00-16:30",
    "Lun 09:00-12:30-13:30-17:00; Mar 09:00-12:30",
    "Lun 07:30-12:30/14:00-17:00; Ven 07:30:12:30; Sam -",
    # read well, but impossible: opening before 5 h, closing when or before it opens
    "Tu-Fr 01:00-17:00",
    "Lun 09:00 - 12:00; Mer 00:00 - 00:00 / 08:30 - 12:00",
    "Mo 14:00-14:00; Tu 09:00-12:00",
    "Fr 19:00-11:00",
])
def test_hours_that_cannot_be_read_say_to_call(raw: str) -> None:
    assert readable_hours(raw) == "Horaires à vérifier par téléphone"
    assert readable_hours(raw, "en") == "Check the opening hours by phone"
    assert hours_to_check(raw)


@pytest.mark.parametrize("raw", [
    "Mo-Fr 09:00-12:00,13:30-17:30; Th off", "Lun -; Mar -", "",
    "Du lundi au vendredi : 9h30-12h30 / 14h-17h", "Tu-Fr 05:00-12:00",
])
def test_hours_that_read_well_or_are_free_text_are_not_to_check(raw: str) -> None:
    assert not hours_to_check(raw)
