"""Typed read layer over the built catalog. Search, recommendation, pages and the API call
this; nothing outside `catalog/` writes SQL against the catalog's job tables."""

from __future__ import annotations

import json
import math
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tremplin.catalog.errors import CatalogMissing
from tremplin.catalog.levels import study_level_number
from tremplin.catalog.schema import SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class Job:
    code: str
    label: str
    label_masculine: str
    label_feminine: str
    definition: str
    access: str
    domain_code: str
    domain_label: str
    grand_domain_code: str
    grand_domain_label: str
    riasec_major: str
    riasec_minor: str
    regulated: bool
    executive: bool


@dataclass(frozen=True, slots=True)
class Domain:
    code: str      # a grand domain letter ("K") or a domain code ("K13")
    label: str
    jobs: int      # fiches in it


@dataclass(frozen=True, slots=True)
class GrandDomain:
    code: str
    label: str
    domains: tuple[Domain, ...]
    jobs: int


@dataclass(frozen=True, slots=True)
class JobTitle:
    ogr: int
    job_code: str
    label: str
    masculine: str
    feminine: str
    is_principal: bool
    rarely_used: bool


@dataclass(frozen=True, slots=True)
class Competence:
    ogr: int
    label: str
    is_macro: bool
    category: str
    subcategory: str
    macro_ogr: int | None = None
    core: str = ""  # 'Principale' | 'Émergente' | '' when read for a given fiche


@dataclass(frozen=True, slots=True)
class Knowledge:
    ogr: int
    label: str
    category: str
    subcategory: str
    core: str = ""

    @property
    def is_certification(self) -> bool:
        return self.category == "Certifications et habilitations"


@dataclass(frozen=True, slots=True)
class WorkContext:
    ogr: int
    label: str
    type_label: str


@dataclass(frozen=True, slots=True)
class InterestCentre:
    code: str
    label: str        # written as the person would say it: "J'aime m'occuper des animaux"
    definition: str


@dataclass(frozen=True, slots=True)
class Mobility:
    job_code: str
    target_code: str
    target_label: str
    rank: int


@dataclass(frozen=True, slots=True)
class Training:
    id: str
    title: str
    acronym: str
    type_label: str
    duration: str
    level: str
    level_number: int | None
    rncp_url: str
    url: str = ""      # the official page (the RNCP one or, without it, the ministry's)
    study_level: str = ""  # ONISEP "niveau d'études": "Bac + 5", also outside the RNCP

    @property
    def entry_level(self) -> int | None:
        """Its level on the 3..8 scale: the certification level, else the study level (the
        trainings outside the RNCP, such as the medical doctorate, only give the latter)."""
        return self.level_number if self.level_number is not None else study_level_number(
            self.study_level)


@dataclass(frozen=True, slots=True)
class OnisepJob:
    id: str
    name: str
    masculine: str
    feminine: str
    summary: str
    min_level: str


@dataclass(frozen=True, slots=True)
class Place:
    id: int
    source: str
    name: str
    kind: str
    services: tuple[str, ...]
    address: str
    postcode: str
    commune: str
    latitude: float | None
    longitude: float | None
    opening_hours: str
    phone: str
    website: str
    snapshot_date: str
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class Source:
    dataset: str
    version: str
    published: str
    licence: str
    credit: str
    files: dict[str, str]
    counts: dict[str, int]


# Diplomas of one overseas territory (ONISEP lists them with the national ones).
_ONE_TERRITORY = re.compile(r"polyn[ée]si|cal[ée]doni|mayotte|wallis", re.IGNORECASE)

_JOB_SELECT = """
SELECT j.code, j.label, j.label_masculine, j.label_feminine, j.definition, j.access,
       COALESCE(d.code, ''), COALESCE(d.label, ''), COALESCE(g.code, ''), COALESCE(g.label, ''),
       COALESCE(j.riasec_major, ''), COALESCE(j.riasec_minor, ''), j.regulated, j.executive
FROM jobs j LEFT JOIN domains d ON d.code = j.domain_code
LEFT JOIN grand_domains g ON g.code = d.grand_domain_code
"""


def _words_of(text: str) -> set[str]:
    """The words of 4 letters or more, lower case, accents kept (both sides are French)."""
    return {w for w in re.findall(r"[^\W\d_]{4,}", text.lower())}


def _title_words(rows: list[tuple[object, ...]]) -> set[str]:
    return _words_of(" ".join(str(r[0]) for r in rows))


def _int(value: object) -> int:
    return value if isinstance(value, int) else int(str(value))


def _float(value: object) -> float:
    return float(value) if isinstance(value, int | float) else float(str(value))


def _job(r: tuple[object, ...]) -> Job:
    s = [str(v) for v in r[:12]]
    return Job(
        code=s[0], label=s[1], label_masculine=s[2], label_feminine=s[3], definition=s[4],
        access=s[5], domain_code=s[6], domain_label=s[7], grand_domain_code=s[8],
        grand_domain_label=s[9], riasec_major=s[10], riasec_minor=s[11],
        regulated=bool(r[12]), executive=bool(r[13]),
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


class Catalog:
    """A read-only handle on one built catalog file, safe to share between threads."""

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise CatalogMissing(
                f"No catalog at {path}. Build it first: `tremplin catalog build`."
            )
        self.path = path
        self._db = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, check_same_thread=False
        )
        self._lock = threading.Lock()
        version = self.meta().get("schema_version")
        if version != str(SCHEMA_VERSION):
            raise CatalogMissing(
                f"The catalog at {path} has schema {version}, this code needs {SCHEMA_VERSION}: "
                "rebuild it with `tremplin catalog build`."
            )

    def close(self) -> None:
        self._db.close()

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            return [tuple(r) for r in self._db.execute(sql, params).fetchall()]

    def meta(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in self.query("SELECT key, value FROM meta")}

    # --- jobs -----------------------------------------------------------------
    def get_job(self, code: str) -> Job | None:
        rows = self.query(_JOB_SELECT + " WHERE j.code = ?", (code,))
        return _job(rows[0]) if rows else None

    def all_jobs(self) -> list[Job]:
        return [_job(r) for r in self.query(_JOB_SELECT + " ORDER BY j.code")]

    def iter_job_codes(self) -> Iterator[str]:
        for (code,) in self.query("SELECT code FROM jobs ORDER BY code"):
            yield str(code)

    def job_titles(self, code: str | None = None) -> list[JobTitle]:
        sql = (
            "SELECT ogr, job_code, label, masculine, feminine, is_principal, rarely_used"
            " FROM job_titles"
        )
        rows = self.query(sql + " WHERE job_code = ? ORDER BY ogr", (code,)) if code else (
            self.query(sql + " ORDER BY ogr")
        )
        return [
            JobTitle(_int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]),
                     bool(r[5]), bool(r[6]))
            for r in rows
        ]

    def job_competences(self, code: str) -> list[Competence]:
        rows = self.query(
            "SELECT c.ogr, c.label, c.is_macro, c.category, c.subcategory, c.macro_ogr, i.core"
            " FROM job_items i JOIN competences c ON c.ogr = i.ogr"
            " WHERE i.job_code = ? AND i.kind = 'competence'"
            " ORDER BY CASE i.core WHEN 'Principale' THEN 0 WHEN 'Émergente' THEN 1 ELSE 2 END,"
            " c.label",
            (code,),
        )
        return [_competence(r) for r in rows]

    def job_knowledge(self, code: str) -> list[Knowledge]:
        rows = self.query(
            "SELECT k.ogr, k.label, k.category, k.subcategory, i.core"
            " FROM job_items i JOIN knowledge k ON k.ogr = i.ogr"
            " WHERE i.job_code = ? AND i.kind = 'knowledge' ORDER BY k.category, k.label",
            (code,),
        )
        return [Knowledge(_int(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]))
                for r in rows]

    def job_contexts(self, code: str) -> list[WorkContext]:
        rows = self.query(
            "SELECT w.ogr, w.label, w.type_label FROM job_items i"
            " JOIN work_contexts w ON w.ogr = i.ogr"
            " WHERE i.job_code = ? AND i.kind = 'context' ORDER BY w.type_code, w.label",
            (code,),
        )
        return [WorkContext(_int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def mobilities(self, code: str) -> list[Mobility]:
        rows = self.query(
            "SELECT m.job_code, m.target_code, j.label, m.rank FROM mobilities m"
            " JOIN jobs j ON j.code = m.target_code WHERE m.job_code = ? ORDER BY m.rank",
            (code,),
        )
        return [Mobility(str(r[0]), str(r[1]), str(r[2]), _int(r[3])) for r in rows]

    # --- domains -----------------------------------------------------------------
    def grand_domains(self) -> list[GrandDomain]:
        """ROME's grand domains (A … N) with their domains and how many fiches each holds."""
        counts = {str(r[0]): _int(r[1]) for r in self.query(
            "SELECT domain_code, COUNT(*) FROM jobs GROUP BY domain_code")}
        domains: dict[str, list[Domain]] = {}
        for code, label, grand in self.query(
                "SELECT code, label, grand_domain_code FROM domains ORDER BY code"):
            domains.setdefault(str(grand), []).append(
                Domain(str(code), str(label), counts.get(str(code), 0)))
        return [GrandDomain(str(code), str(label), tuple(domains.get(str(code), ())),
                            sum(d.jobs for d in domains.get(str(code), ())))
                for code, label in self.query("SELECT code, label FROM grand_domains ORDER BY code")]

    # --- interest centres -------------------------------------------------------
    def interest_centres(self) -> list[InterestCentre]:
        """ROME's interest centres, by code number."""
        rows = self.query("SELECT code, label, definition FROM interest_centres")
        centres = [InterestCentre(str(r[0]), str(r[1]), str(r[2] or "")) for r in rows]
        return sorted(centres, key=lambda c: (len(c.code), c.code))

    # --- competences -----------------------------------------------------------
    def get_competence(self, ogr: int) -> Competence | None:
        rows = self.query(
            "SELECT ogr, label, is_macro, category, subcategory, macro_ogr, '' FROM competences"
            " WHERE ogr = ?",
            (ogr,),
        )
        return _competence(rows[0]) if rows else None

    def all_competences(self) -> list[Competence]:
        rows = self.query(
            "SELECT ogr, label, is_macro, category, subcategory, macro_ogr, '' FROM competences"
            " ORDER BY ogr"
        )
        return [_competence(r) for r in rows]

    # --- ONISEP ----------------------------------------------------------------
    def onisep_jobs_for(self, code: str) -> list[OnisepJob]:
        """The ONISEP métiers that fit the fiche by title (onisep_fit.py)."""
        rows = self.query(
            "SELECT o.id, o.name, o.masculine, o.feminine, o.summary, o.min_level"
            " FROM onisep_job_links l JOIN onisep_jobs o ON o.id = l.onisep_id"
            " WHERE l.job_code = ? AND l.title_fit = 1 ORDER BY o.name",
            (code,),
        )
        return [OnisepJob(*(str(v) for v in r)) for r in rows]

    def trainings_for_job(self, code: str) -> list[Training]:
        """Trainings of the ONISEP métiers that fit the fiche by title (onisep_fit.py), lowest
        level first. A fiche ONISEP names no métier of gets none: the trainings of the other
        métiers of its ROME v3 code lead to other jobs (the phone repairer got the
        farm-machinery diplomas of "responsable du service après-vente")."""
        rows = self.query(
            "SELECT DISTINCT t.id, t.title, t.acronym, t.type_label, t.duration, t.level,"
            " t.level_number, t.rncp_url, t.url, t.study_level FROM onisep_job_links l"
            " JOIN training_onisep_jobs tj ON tj.onisep_id = l.onisep_id"
            " JOIN trainings t ON t.id = tj.training_id"
            " WHERE l.job_code = ? AND l.title_fit = 1"
            " ORDER BY COALESCE(t.level_number, 99), t.title",
            (code,),
        )
        trainings = [
            Training(str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]),
                     None if r[6] is None else _int(r[6]), str(r[7]), str(r[8]), str(r[9]))
            for r in rows
        ]
        # lowest level first, the ones that state none last; within a level, diplomas of one
        # overseas territory after the national ones ("CAP certificat polynésien…" came
        # first for a waiter in Lyon), then the ones named like the job ("CAP pâtissier"
        # before "CAP boulanger" for Pâtissier); stable: then by title
        named = _title_words(self.query("SELECT label FROM jobs WHERE code = ?", (code,)))
        return sorted(trainings, key=lambda t: (99 if t.entry_level is None else t.entry_level,
                                                bool(_ONE_TERRITORY.search(t.title)),
                                                not named & _words_of(t.title)))

    # --- places ----------------------------------------------------------------
    def places_near(
        self, lat: float, lon: float, radius_km: float = 10.0, limit: int = 20
    ) -> list[Place]:
        """Places within radius_km, nearest first (bounding box in SQL, exact distance here)."""
        dlat = radius_km / 111.0
        dlon = radius_km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
        rows = self.query(
            _PLACE_SELECT + " WHERE latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?",
            (lat - dlat, lat + dlat, lon - dlon, lon + dlon),
        )
        places = []
        for r in rows:
            dist = haversine_km(lat, lon, _float(r[9]), _float(r[10]))
            if dist <= radius_km:
                places.append(_place(r, dist))
        places.sort(key=lambda p: (p.distance_km, p.name))
        return places[:limit]

    def places_in_postcode(self, postcode: str, limit: int = 20) -> list[Place]:
        rows = self.query(
            _PLACE_SELECT + " WHERE postcode = ? ORDER BY name LIMIT ?", (postcode, limit)
        )
        return [_place(r, None) for r in rows]

    def postcode_centre(self, postcode: str) -> tuple[float, float] | None:
        """Mean position of the places in a postcode: enough to search around it."""
        rows = self.query(
            "SELECT AVG(latitude), AVG(longitude) FROM places"
            " WHERE postcode = ? AND latitude IS NOT NULL",
            (postcode,),
        )
        if not rows or rows[0][0] is None:
            return None
        return _float(rows[0][0]), _float(rows[0][1])

    # --- provenance --------------------------------------------------------------
    def sources(self) -> list[Source]:
        rows = self.query(
            "SELECT dataset, version, published, licence, credit, files_json, counts_json"
            " FROM sources ORDER BY dataset"
        )
        return [
            Source(str(r[0]), str(r[1]), str(r[2] or ""), str(r[3]), str(r[4]),
                   json.loads(str(r[5])), json.loads(str(r[6])))
            for r in rows
        ]

    def table_counts(self) -> dict[str, int]:
        names = [str(r[0]) for r in self.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: _int(self.query(f'SELECT COUNT(*) FROM "{n}"')[0][0]) for n in names}


_PLACE_SELECT = (
    "SELECT id, source, name, kind, services, address, postcode, commune, opening_hours,"
    " latitude, longitude, phone, website, snapshot_date FROM places"
)


def _place(r: tuple[object, ...], distance: float | None) -> Place:
    services = tuple(s for s in str(r[4]).split(";") if s)
    return Place(
        id=_int(r[0]), source=str(r[1]), name=str(r[2]), kind=str(r[3]),
        services=services, address=str(r[5]), postcode=str(r[6]), commune=str(r[7]),
        opening_hours=str(r[8]),
        latitude=None if r[9] is None else _float(r[9]),
        longitude=None if r[10] is None else _float(r[10]),
        phone=str(r[11]), website=str(r[12]), snapshot_date=str(r[13]),
        distance_km=None if distance is None else round(distance, 2),
    )


def _competence(r: tuple[object, ...]) -> Competence:
    return Competence(
        ogr=_int(r[0]), label=str(r[1]), is_macro=bool(r[2]), category=str(r[3]),
        subcategory=str(r[4]), macro_ogr=None if r[5] is None else _int(r[5]),
        core=str(r[6] or ""),
    )


_open: dict[Path, Catalog] = {}
_open_lock = threading.Lock()


def open_catalog(path: Path | None = None) -> Catalog:
    """The shared Catalog for a path (default: the one under TREMPLIN_HOME)."""
    if path is None:
        from tremplin.config import load_settings

        path = load_settings().catalog_path
    with _open_lock:
        if path not in _open:
            _open[path] = Catalog(path)
        return _open[path]
