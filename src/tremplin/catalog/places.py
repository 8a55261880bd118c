"""Places where a young person or a helper gets free help: four publishers, one schema.

A record without coordinates is kept (it can still be found by postcode); only searches by
distance need a location, and they skip such records."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tremplin.catalog.errors import DataError
from tremplin.catalog.record import Progress, SourceRecord
from tremplin.catalog.sources import find_one, read_csv

LICENCE = "Données ouvertes ANCT et data.inclusion — conditions des éditeurs"
CREDIT = "Sources : ANCT (Conseillers numériques, France Services, Aidants Connect), data.inclusion"
DAYS = (("lundi", "Lun"), ("mardi", "Mar"), ("mercredi", "Mer"), ("jeudi", "Jeu"),
        ("vendredi", "Ven"), ("samedi", "Sam"))


@dataclass(frozen=True, slots=True)
class PlaceRow:
    source: str
    source_id: str
    name: str
    kind: str
    services: str
    address: str
    postcode: str
    commune: str
    latitude: float | None
    longitude: float | None
    opening_hours: str
    phone: str
    website: str
    snapshot_date: str

    def dedup_key(self) -> tuple[str, str, str]:
        def norm(s: str) -> str:
            return re.sub(r"\W+", " ", s.lower()).strip()
        return norm(self.name), self.postcode, norm(self.address)


def _coord(value: Any, low: float, high: float) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high and number != 0.0 else None


def _postcode(value: Any) -> str:
    text = str(value or "").strip()
    # Postcodes stored as numbers lose their leading zero (01000 -> 1000).
    return text.zfill(5) if text.isdigit() and len(text) < 5 else text


def _iso_date(value: str) -> str:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip()[:10], fmt).date().isoformat()
        except ValueError:
            continue
    return ""


def _load_json_list(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        raise DataError(path, "not valid UTF-8; expected UTF-8 JSON") from err
    except json.JSONDecodeError as err:
        raise DataError(path, f"malformed JSON ({err.msg}); file truncated?", err.lineno) from err
    if not isinstance(data, list):
        raise DataError(path, "expected a JSON list of records", 1)
    return [row for row in data if isinstance(row, dict)]


def _cnfs(path: Path) -> Iterator[PlaceRow]:
    for r in _load_json_list(path):
        yield PlaceRow(
            "cnfs", str(r.get("id", "")), str(r.get("nom", "")).strip(), "Conseiller numérique",
            str(r.get("services") or ""), str(r.get("adresse") or ""), _postcode(r.get("code_postal")),
            str(r.get("commune") or ""), _coord(r.get("latitude"), -90, 90),
            _coord(r.get("longitude"), -180, 180), str(r.get("horaires") or ""),
            str(r.get("telephone") or ""), str(r.get("site_web") or ""),
            _iso_date(str(r.get("date_maj") or "")),
        )


def _data_inclusion(path: Path, services_path: Path | None) -> Iterator[PlaceRow]:
    extra: dict[str, list[str]] = {}
    if services_path is not None:
        for s in _load_json_list(services_path):
            extra.setdefault(str(s.get("structure_id")), []).append(str(s.get("nom") or ""))
    for r in _load_json_list(path):
        services = [x for x in str(r.get("services") or "").split(";") if x]
        services += [x for x in extra.get(str(r.get("id")), []) if x and x not in services]
        yield PlaceRow(
            "data-inclusion", str(r.get("id", "")), str(r.get("nom", "")).strip(),
            str(r.get("typologie") or "Lieu d'aide"), ";".join(services),
            str(r.get("adresse") or ""), _postcode(r.get("code_postal")),
            str(r.get("commune") or ""), _coord(r.get("latitude"), -90, 90),
            _coord(r.get("longitude"), -180, 180), str(r.get("horaires") or ""),
            str(r.get("telephone") or ""), str(r.get("site_web") or ""),
            _iso_date(str(r.get("date_maj") or "")),
        )


def _france_services(path: Path, snapshot: str) -> Iterator[PlaceRow]:
    required = ("id_fs", "lib_fs", "adresse", "code_postal", "lib_com", "latitude", "longitude")
    for _, r in read_csv(path, required):
        hours = "; ".join(f"{short} {r[f'h_{day}']}" for day, short in DAYS
                          if r.get(f"h_{day}", "").strip())
        yield PlaceRow(
            "france-services", r["id_fs"], r["lib_fs"].strip(), "France Services",
            "Démarches administratives;Accès au numérique", r["adresse"],
            _postcode(r["code_postal"]), r["lib_com"], _coord(r["latitude"], -90, 90),
            _coord(r["longitude"], -180, 180), hours, r.get("telephone", ""), "", snapshot,
        )


def _aidants_connect(path: Path) -> Iterator[PlaceRow]:
    for r in _load_json_list(path):
        yield PlaceRow(
            "aidants-connect", str(r.get("Data pass ID", "")), str(r.get("Name", "")).strip(),
            "Aidants Connect", "Démarches en ligne avec un aidant habilité",
            str(r.get("Adresse") or ""), _postcode(r.get("Code postal")),
            str(r.get("commune") or ""), None, None, "", "", "",
            _iso_date(str(r.get("date_maj") or "")),
        )


def _optional(folder: Path, pattern: str) -> Path | None:
    matches = sorted(folder.glob(pattern))
    return matches[0] if matches else None


def import_places(db: sqlite3.Connection, folder: Path, progress: Progress) -> SourceRecord:
    record = SourceRecord("places", "", "", LICENCE, CREDIT)
    fs_path = find_one(folder, "liste-fs-*.csv", "the France Services list (liste-fs-YYYYMMDD.csv)")
    stamp = re.search(r"(\d{8})", fs_path.name)
    fs_date = datetime.strptime(stamp.group(1), "%Y%m%d").date().isoformat() if stamp else ""
    groups: list[Iterator[PlaceRow]] = [
        _cnfs(record.used(find_one(folder, "cnfs*.json", "the Conseillers numériques JSON"))),
        _data_inclusion(
            record.used(find_one(folder, "data-inclusion.json", "the data.inclusion structures")),
            _optional(folder, "data-inclusion-services.json"),
        ),
        _france_services(record.used(fs_path), fs_date),
        _aidants_connect(record.used(find_one(folder, "aidants-connect*.json",
                                              "the Aidants Connect JSON"))),
    ]
    services_path = _optional(folder, "data-inclusion-services.json")
    if services_path is not None:
        record.used(services_path)
    progress("Places: merging four sources")
    seen: set[tuple[str, str, str]] = set()
    rows = []
    for group in groups:
        for place in group:
            key = place.dedup_key()
            if not place.name or key in seen:
                continue
            seen.add(key)
            rows.append(place)
    db.executemany(
        "INSERT INTO places (source, source_id, name, kind, services, address, postcode, commune,"
        " latitude, longitude, opening_hours, phone, website, snapshot_date)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(p.source, p.source_id, p.name, p.kind, p.services, p.address, p.postcode, p.commune,
          p.latitude, p.longitude, p.opening_hours, p.phone, p.website, p.snapshot_date)
         for p in rows],
    )
    dates = sorted(p.snapshot_date for p in rows if p.snapshot_date)
    record.version = dates[-1] if dates else "unknown"
    record.published = record.version
    record.counts["places"] = len(rows)
    record.counts["places_with_location"] = sum(1 for p in rows if p.latitude is not None)
    return record


_FRENCH_NUMBER = re.compile(r"^(?:\+33\s*\(?0?\)?|0033|0)\s*([1-9](?:[\s.\-]*\d){8})$")


def readable_phone(raw: str) -> str:
    """A French phone number written the way people read it, "01 41 68 19 70", whether the
    open data gave "+33141681970", "0141681970" or "01.41.68.19.70"; anything else as given.
    (The pages showed "+33141681970" next to "01 55 83 …".)"""
    found = _FRENCH_NUMBER.match(raw.strip())
    if not found:
        return raw.strip()
    digits = "0" + re.sub(r"\D", "", found.group(1))
    return " ".join(digits[i:i + 2] for i in range(0, 10, 2))
