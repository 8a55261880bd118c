"""Opening hours in the JSON API: each place gives them read by the pages' own reader
(`hours`: structured periods, the pages' wording, a check-by-phone flag) next to the source's
string (`opening_hours_raw`), through real HTTP on the ASGI app.

Hours in HTML are only held by places without coordinates in the real catalog, which a search
by distance never returns: a tiny catalog built from tests/catalog/minidata.py, with places
whose hours are written each way, shows every case; the real catalog shows that the API says
the same as the job page for the same places."""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.catalog.minidata import write_minidata
from tremplin.catalog.build import build_catalog
from tremplin.catalog.hours import hours_to_check, readable_hours
from tremplin.catalog.read import Catalog
from tremplin.config import load_settings
from tremplin.web.app import create_app
from tremplin.web.services import Services

from .conftest import SyncClient

POSTCODE = "72100"
NBSP = "\u00a0"
# places of the tiny catalog, a few hundred metres apart, their hours written each way
HOURS = {
    "osm": "Mo-Fr 09:00-12:00,13:30-17:30; Th off",
    "html": "Permanences :<ul><li>Lundi de 14h - 16h</li><li>Mardi de 10h30 - 12h</li></ul>",
    "html_br": "Mardi 18.30h-20h<br />20h-21h45<br /><br />Samedi 14h-16h30",
    "unreadable": "Mo 08:30-13:30-17:00; Tu 13:00-17:00",
    "impossible": "Tu-Fr 01:00-17:00",
    "free": "Du lundi au vendredi de 9h à 12h",
    "france_services": "Lun 09:00 - 12:00 / 14:00 - 17:00; Mar 09:00 - 12:00; Sam -",
    "none": "",
}


def _place(n: int, key: str) -> dict[str, Any]:
    return {"id": f"h{n}", "nom": f"Lieu {key}", "services": "Favoriser mon insertion "
            "professionnelle", "typologie": "ML", "commune": "Le Mans", "code_postal": POSTCODE,
            "adresse": f"{n} rue de la Gare", "latitude": 48.0 + n * 0.001, "longitude": 0.2,
            "horaires": HOURS[key], "telephone": "02 43 00 00 00", "date_maj": "2022-06-01"}


@pytest.fixture(scope="module")
def mini_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncClient]:
    root = tmp_path_factory.mktemp("hours")
    data = write_minidata(root / "data")
    structures = data / "inclusion-places-2099" / "data-inclusion.json"
    rows = json.loads(structures.read_text(encoding="utf-8"))
    rows += [_place(n, key) for n, key in enumerate(HOURS, start=1)]
    structures.write_text(json.dumps(rows), encoding="utf-8")
    settings = load_settings(data_dir=data, home=root / "home")
    build_catalog(settings)
    catalog = Catalog(settings.catalog_path)
    client = SyncClient(create_app(settings, services=Services(settings, catalog)))
    yield client
    client.close()
    catalog.close()


def _by_name(client: SyncClient) -> dict[str, dict[str, Any]]:
    r = client.get("/api/v1/places", params={"postcode": POSTCODE, "radius_km": 5})
    assert r.status_code == 200, r.text
    places = {p["name"].removeprefix("Lieu "): p for p in r.json()["places"]}
    assert set(places) == set(HOURS)
    return places


def test_a_readable_osm_string_becomes_structured_hours(mini_client: SyncClient) -> None:
    place = _by_name(mini_client)["osm"]
    assert place["opening_hours_raw"] == place["opening_hours"] == HOURS["osm"]
    hours = place["hours"]
    assert hours["status"] == "week" and hours["check_by_phone"] is False
    # Th off replaces the Mo-Fr rule for Thursday (OSM's own rule), as the pages read it
    assert hours["periods"] == [{"day": day, "opens": opens, "closes": closes}
                                for day in ("Mo", "Tu", "We", "Fr")
                                for opens, closes in (("09:00", "12:00"), ("13:30", "17:30"))]
    assert hours["closed_days"] == ["Th"]
    assert hours["text_fr"] == (f"lun.–mer., ven. 9{NBSP}h – 12{NBSP}h et 13{NBSP}h{NBSP}30 – "
                                f"17{NBSP}h{NBSP}30 ; jeu. fermé")
    assert hours["text_en"] == "Mon–Wed, Fri 9:00 – 12:00 and 13:30 – 17:30; Thu closed"


def test_france_services_hours_come_out_the_same_way(mini_client: SyncClient) -> None:
    hours = _by_name(mini_client)["france_services"]["hours"]
    assert hours["status"] == "week" and hours["closed_days"] == []  # "Sam -" says nothing
    assert hours["periods"] == [{"day": "Mo", "opens": "09:00", "closes": "12:00"},
                                {"day": "Mo", "opens": "14:00", "closes": "17:00"},
                                {"day": "Tu", "opens": "09:00", "closes": "12:00"}]
    assert hours["text_fr"] == f"lun. 9{NBSP}h – 12{NBSP}h et 14{NBSP}h – 17{NBSP}h ; mar. " \
                               f"9{NBSP}h – 12{NBSP}h"


@pytest.mark.parametrize(("key", "said"), [
    ("html", "Permanences : Lundi de 14h - 16h ; Mardi de 10h30 - 12h"),
    ("html_br", "Mardi 18.30h-20h ; 20h-21h45 ; Samedi 14h-16h30"),
])
def test_an_html_fragment_comes_out_without_tags(mini_client: SyncClient, key: str,
                                                 said: str) -> None:
    place = _by_name(mini_client)[key]
    assert place["opening_hours_raw"] == HOURS[key]  # the raw string stays as published
    hours = place["hours"]
    assert hours["status"] == "free_text" and hours["check_by_phone"] is False
    assert hours["text_fr"] == hours["text_en"] == said  # free text: the source's own words
    assert hours["periods"] == [] and hours["closed_days"] == []
    shown = json.dumps({k: v for k, v in place.items() if k not in ("opening_hours",
                                                                     "opening_hours_raw")})
    assert "<" not in shown and ">" not in shown


@pytest.mark.parametrize("key", ["unreadable", "impossible"])
def test_unreadable_hours_come_with_the_check_by_phone_flag(mini_client: SyncClient,
                                                            key: str) -> None:
    place = _by_name(mini_client)[key]
    assert place["opening_hours_raw"] == HOURS[key]
    assert place["hours"] == {"status": "to_check", "check_by_phone": True,
                              "text_fr": "Horaires à vérifier par téléphone",
                              "text_en": "Check the opening hours by phone",
                              "periods": [], "closed_days": []}


def test_free_text_and_missing_hours(mini_client: SyncClient) -> None:
    places = _by_name(mini_client)
    free = places["free"]["hours"]
    assert (free["status"], free["text_fr"], free["periods"]) == ("free_text", HOURS["free"], [])
    assert places["none"]["hours"] == {"status": "none", "check_by_phone": False, "text_fr": "",
                                       "text_en": "", "periods": [], "closed_days": []}


def test_a_search_by_point_gives_the_same_hours(mini_client: SyncClient) -> None:
    by_postcode = _by_name(mini_client)
    r = mini_client.get("/api/v1/places", params={"lat": 48.003, "lon": 0.2, "radius_km": 3})
    assert r.status_code == 200
    for place in r.json()["places"]:
        assert place["hours"] == by_postcode[place["name"].removeprefix("Lieu ")]["hours"]


# --- the real catalog ------------------------------------------------------------------------

NANTES = "44100"  # OSM hours that read well and one that cannot ("…; Tu 12:30")


def _page_hours(html: str) -> list[str]:
    """The hours line of each place of a job page, as written there."""
    block = html[html.index('<ul class="places"'):]
    block = block[:block.index("</ul>")]
    return [" ".join(html_lib.unescape(h).split()) for h in
            re.findall(r'<br><span lang="fr">([^<]*)</span></li>', block)]


def test_the_api_says_the_hours_the_job_page_shows(client: SyncClient) -> None:
    # the job page lists the places of GET /places?postcode=…&radius_km=15&limit=8
    api = client.get("/api/v1/places", params={"postcode": NANTES, "radius_km": 15,
                                               "limit": 8}).json()["places"]
    page = _page_hours(client.get(f"/metiers/D1102?cp={NANTES}").text)
    assert len(page) == len(api) == 8
    for shown, place in zip(page, api, strict=True):
        hours = place["hours"]
        if hours["check_by_phone"]:
            assert shown == "Horaires à vérifier par téléphone"
        elif hours["text_fr"]:
            assert shown == " ".join(f"Horaires : {hours['text_fr']}".split())
        else:
            assert shown.startswith("Horaires : non publiés")


def test_real_places_carry_structured_hours(client: SyncClient) -> None:
    places = client.get("/api/v1/places", params={"postcode": NANTES, "limit": 50}).json()["places"]
    statuses = {p["hours"]["status"] for p in places}
    assert {"week", "to_check"} <= statuses
    for place in places:
        raw, hours = place["opening_hours_raw"], place["hours"]
        assert hours["text_fr"] == readable_hours(raw) and hours["text_en"] == readable_hours(raw, "en")
        assert hours["check_by_phone"] is hours_to_check(raw) is (hours["status"] == "to_check")
        assert bool(hours["periods"] or hours["closed_days"]) is (hours["status"] == "week")
        for period in hours["periods"]:
            assert re.fullmatch(r"\d\d:\d\d", period["opens"]) and period["opens"] < period["closes"]
    to_check = next(p for p in places if p["opening_hours_raw"].endswith("Tu 12:30"))
    assert to_check["hours"]["check_by_phone"] and to_check["hours"]["periods"] == []


def test_the_places_of_a_recommendation_carry_hours_too(client: SyncClient,
                                                        need_recommend: None) -> None:
    body = {"profile": {"riasec": {"R": 0.8}, "competences": [124960],
                        "constraints": {"postcode": NANTES}}, "limit": 1}
    places = client.post("/api/v1/recommendations", json=body).json()["places"]
    assert places
    for place in places:
        assert place["opening_hours_raw"] == place["opening_hours"]
        assert place["hours"]["text_fr"] == readable_hours(place["opening_hours_raw"])


def test_the_openapi_schema_lists_the_hours(client: SyncClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    for name in ("PlaceOut", "HelpPlaceOut"):
        props, required = schemas[name]["properties"], schemas[name]["required"]
        assert {"hours", "opening_hours_raw", "opening_hours"} <= set(required)
        assert props["hours"]["$ref"] == "#/components/schemas/OpeningHoursOut"
        assert props["hours"]["description"] and props["opening_hours_raw"]["description"]
        assert props["opening_hours"]["deprecated"] is True
    hours = schemas["OpeningHoursOut"]
    assert set(hours["required"]) == {"status", "check_by_phone", "text_fr", "text_en",
                                      "periods", "closed_days"}
    assert hours["properties"]["status"]["enum"] == ["week", "free_text", "to_check", "none"]
    assert "Horaires à vérifier par téléphone" in hours["properties"]["check_by_phone"]["description"]
    assert all(p.get("description") for p in hours["properties"].values())
    period = schemas["HoursPeriodOut"]
    assert set(period["required"]) == {"day", "opens", "closes"}
    assert period["properties"]["day"]["enum"] == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH"]
