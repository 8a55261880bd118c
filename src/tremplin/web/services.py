"""The service layer the pages and the API share: one object, built once at start-up, that
holds the catalog and the engines and turns core results into plain data.

The core (catalog, search, recommend) knows nothing of the web; this module only calls it.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
import unicodedata
from collections import OrderedDict
from typing import Any

from tremplin import recommend as rec
from tremplin.catalog.read import Catalog, Job, Place, open_catalog
from tremplin.config import Settings
from tremplin.guide.summary import nearby_places
from tremplin.recommend import wording
from tremplin.recommend.centres import centre_links
from tremplin.recommend.domains import known_domain_codes
from tremplin.recommend.index import get_index
from tremplin.recommend.levels import entry_levels
from tremplin.recommend.profile import describes_something
from tremplin.recommend.suggest import (
    describe_item,
    own_job_key_competences,
    own_jobs,
    suggest_from_index,
)
from tremplin.search import QueryError, get_engine, match_titles

log = logging.getLogger("tremplin.web")

SEARCH_CACHE_SIZE = 4096


class ServiceUnavailable(RuntimeError):
    """A core part (search index, recommendation) is not installed or not built."""


def plain(obj: Any) -> Any:
    """Dataclasses, tuples and sets to JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set | frozenset):
        return [plain(v) for v in obj]
    if hasattr(obj, "to_dict") and callable(obj.to_dict):
        return plain(obj.to_dict())
    return obj


def first_sentence(text: str, limit: int = 220) -> str:
    """The first sentence of the first line of a ROME text, cut at a word to `limit`."""
    line = wording.first_sentence(text.strip().split("\n", 1)[0])
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0] + "…"


def norm_query(q: str) -> str:
    return " ".join(unicodedata.normalize("NFC", q).casefold().split())


class _LRU:
    def __init__(self, size: int) -> None:
        self.size = size
        self._d: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            if key in self._d:
                self._d.move_to_end(key)
                return self._d[key]
            return None

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._d[key] = value
            self._d.move_to_end(key)
            while len(self._d) > self.size:
                self._d.popitem(last=False)


class Services:
    def __init__(self, settings: Settings, catalog: Catalog | None = None) -> None:
        self.settings = settings
        self.catalog = catalog or open_catalog(settings.catalog_path)
        self._engine: Any = None
        self._engine_error: str | None = None
        self._search_cache = _LRU(SEARCH_CACHE_SIZE)
        self._lock = threading.Lock()
        self._job_labels: dict[str, str] | None = None
        # fixed lists of this catalog, read once: pages show them on every render
        self._centres: list[dict[str, Any]] | None = None
        self._domains: list[dict[str, Any]] | None = None
        self._feedback: Any = None

    # --- start-up --------------------------------------------------------------------------
    def warm(self) -> None:
        """Load what is slow to load (search index) once, before serving."""
        try:
            self.engine().autocomplete("bo", limit=1)  # builds the autocomplete index too
        except ServiceUnavailable as exc:
            log.warning("search not available: %s", exc)
        try:
            self.recommend_index()
        except ServiceUnavailable as exc:
            log.warning("recommendations not available: %s", exc)

    def engine(self) -> Any:
        with self._lock:
            if self._engine is None:
                try:
                    self._engine = get_engine(self.settings)
                except Exception as exc:  # index not built or damaged
                    raise ServiceUnavailable(f"search engine: {exc!r}") from exc
            return self._engine

    def recommend_index(self) -> Any:
        """The recommendation index of this app's catalog (loaded once, then shared)."""
        try:
            return get_index(self.catalog)
        except Exception as exc:  # vectors not built or damaged
            raise ServiceUnavailable(f"recommendation: {exc!r}") from exc

    query_error = QueryError
    profile_error = rec.ProfileError

    # --- search ------------------------------------------------------------------------------
    def search(self, query: str, limit: int = 10) -> list[dict[str, Any]]:
        """Typo-tolerant job search; repeated queries are answered from a bounded cache."""
        key = (norm_query(query), limit)
        entry = self._search_cache.get(key)
        if entry is None:
            entry = self._keep(key, self.engine().search(query, limit=limit))
        return entry[0]  # type: ignore[no-any-return]

    def cached_results_json(self, query: str, limit: int = 10) -> bytes | None:
        """The search results as JSON bytes when this query was answered recently (no encoder,
        no thread hop: the API's fast path)."""
        entry = self._search_cache.get((norm_query(query), limit))
        return None if entry is None else entry[1]

    async def results_json_async(self, query: str, limit: int = 10) -> bytes:
        """The search results as JSON bytes, computed on the event loop, which only awaits the
        encoder thread for a never-seen phrasing (under load a hop to a worker thread cost more
        than the scoring itself)."""
        key = (norm_query(query), limit)
        entry = self._search_cache.get(key)
        if entry is None:
            entry = self._keep(key, await self.engine().search_async(query, limit=limit))
        return entry[1]  # type: ignore[no-any-return]

    def _keep(self, key: tuple[str, int], found: list[Any]) -> tuple[list[dict[str, Any]], bytes]:
        hits = [plain(h) for h in found]
        body = json.dumps(hits, ensure_ascii=False, separators=(",", ":"), default=float)
        entry = (hits, body.encode("utf-8"))
        self._search_cache.put(key, entry)
        return entry

    def autocomplete(self, prefix: str, limit: int = 8) -> list[dict[str, Any]]:
        out = []
        for s in self.engine().autocomplete(prefix, limit=limit):
            out.append({"text": s} if isinstance(s, str) else plain(s))
        return out

    def explain(self, query: str) -> Any:
        return plain(self.engine().explain(query))

    def match(self, titles: list[str], k: int = 3) -> list[Any]:
        self.engine()  # ServiceUnavailable when the index is missing
        return plain(match_titles(titles, k=k))  # type: ignore[no-any-return]

    # --- recommendation ------------------------------------------------------------------
    def profile_from_dict(self, data: dict[str, Any]) -> Any:
        return rec.Profile.from_dict(data)

    def profile_from_journey(self, journey: Any) -> Any:
        """The recommendation profile read from a browser journey (`tremplin.guide.journey`):
        kept competences, experiences with the competences kept from them, RIASEC scores, the
        interest centres picked, the highest study level wanted and the grand domains to leave
        out (any code the catalog does not know, from a cookie written before the catalog was
        rebuilt, is left out rather than voiding the profile)."""
        known = self.recommend_index().pos

        def ok(codes: tuple[int, ...]) -> list[int]:
            return [c for c in codes if c in known]

        experiences = []
        loose: list[int] = ok(journey.competences)
        for e in journey.experiences:
            # a text without words or saying nothing ("jsp"; an older cookie, an imported
            # file) would void the profile
            if e.text and describes_something(e.text):
                # once the person went through the suggestions, what they kept is all that
                # counts, even nothing; before that, the engine guesses (and says so)
                experiences.append({"text": e.text, "confirmed_competences": ok(e.competences),
                                    "removed_competences": ok(e.removed),
                                    "reviewed": e.checked})
            else:
                loose.extend(ok(e.competences))
        # the journey only holds the questionnaire's own ids (upper case there)
        answers = {qid.lower(): v for qid, v in journey.riasec.items()}
        riasec = dict(self.score_riasec(answers)["scores"]) if answers else {}
        data = {
            "competences": list(dict.fromkeys(loose))[:rec.MAX_COMPETENCES],
            "experiences": experiences[:rec.MAX_EXPERIENCES],
            "riasec": riasec,
            "interest_centres": self._known_centres(journey.centres),
            "constraints": {"max_study_level": journey.max_level,
                            "avoided_domains": self._known_domains(journey.avoid)},
        }
        return rec.Profile.from_dict(data)

    def _known_centres(self, codes: tuple[str, ...]) -> list[str]:
        """The codes the catalog knows (a cookie may hold an older or a crafted one)."""
        if not codes:
            return []
        known = centre_links(self.recommend_index()).labels  # read once per index
        return [c for c in codes if c in known]

    def _known_domains(self, codes: tuple[str, ...]) -> list[str]:
        if not codes:
            return []
        known = known_domain_codes(self.recommend_index())
        return [c for c in codes if c in known]

    def recommend(self, profile: Any, limit: int = 10, lang: str = "fr") -> list[dict[str, Any]]:
        self.recommend_index()  # ServiceUnavailable when the index is missing
        return [plain(r) for r in rec.recommend(profile, limit, self.catalog, lang=lang)]

    def entry_level(self, code: str) -> int | None:
        """The lowest study level (3..8) a job can be entered from, None when unknown."""
        return entry_levels(self.recommend_index()).get(code)

    def help_places(self, postcode: str) -> list[dict[str, Any]]:
        """The few places near a postcode that the summary shows too (as the API gives them:
        their hours as the data has them, without the summary's own `hours_to_check`)."""
        return [{k: v for k, v in plain(p).items() if k != "hours_to_check"}
                for p in nearby_places(self.catalog, postcode)]

    def describe_competence(self, ogr: int) -> dict[str, Any] | None:
        return describe_item(self.recommend_index(), ogr)

    def suggest_competences(self, text: str, limit: int = 10) -> list[dict[str, Any]]:
        return [plain(c) for c in suggest_from_index(self.recommend_index(), text, limit)]

    def own_jobs(self, text: str) -> list[dict[str, str]]:
        return own_jobs(self.recommend_index(), text)

    def own_job_key_competences(self, text: str, limit: int = 5,
                                exclude: frozenset[int] = frozenset()) -> list[dict[str, Any]]:
        return [plain(o) for o in
                own_job_key_competences(self.recommend_index(), text, limit, exclude)]

    def riasec_questions(self, lang: str) -> list[dict[str, Any]]:
        return [plain(q) for q in rec.riasec_questions(lang)]

    def interest_centres(self) -> list[dict[str, Any]]:
        if self._centres is None:
            self._centres = [plain(c) for c in rec.interest_centres(self.catalog)]
        return self._centres

    def job_domains(self) -> list[dict[str, Any]]:
        if self._domains is None:
            self._domains = [plain(g) for g in rec.job_domains(self.catalog)]
        return self._domains

    def score_riasec(self, answers: dict[str, int]) -> Any:
        return plain(rec.score_riasec(answers))

    # --- anonymous feedback ------------------------------------------------------------------
    def feedback(self) -> Any:
        """The anonymous vote counters (`tremplin.guide.feedback`), opened on first use."""
        if self._feedback is None:
            from tremplin.guide.feedback import open_feedback

            self._feedback = open_feedback(self.settings)
        return self._feedback

    # --- catalog -----------------------------------------------------------------------------
    def job_label(self, code: str) -> str:
        if self._job_labels is None:
            self._job_labels = {j.code: j.label for j in self.catalog.all_jobs()}
        return self._job_labels.get(code, code)

    def job(self, code: str) -> Job | None:
        return self.catalog.get_job(code)

    def job_detail(self, code: str) -> dict[str, Any] | None:
        """Everything about one ROME fiche, as plain data (the API's and the page's source)."""
        job = self.catalog.get_job(code)
        if job is None:
            return None
        lines = [ln.strip() for ln in job.definition.split("\n") if ln.strip()]
        knowledge = self.catalog.job_knowledge(code)
        return {
            "code": job.code,
            "label": job.label,
            "label_masculine": job.label_masculine,
            "label_feminine": job.label_feminine,
            "summary": first_sentence(job.definition),
            "definition": job.definition,
            "definition_intro": lines[0] if lines else "",
            "definition_tasks": lines[1:],
            "access": job.access,
            "domain": {"code": job.domain_code, "label": job.domain_label},
            "grand_domain": {"code": job.grand_domain_code, "label": job.grand_domain_label},
            "riasec": {"major": job.riasec_major, "minor": job.riasec_minor},
            "regulated": job.regulated,
            "titles": [
                {"ogr": t.ogr, "label": t.label, "masculine": t.masculine, "feminine": t.feminine,
                 "principal": t.is_principal}
                for t in self.catalog.job_titles(code)
            ],
            "competences": [
                {"ogr": c.ogr, "label": c.label, "category": c.category,
                 "subcategory": c.subcategory, "core": c.core}
                for c in self.catalog.job_competences(code)
            ],
            "knowledge": [
                {"ogr": k.ogr, "label": k.label, "category": k.category}
                for k in knowledge if not k.is_certification
            ],
            "certifications": [
                {"ogr": k.ogr, "label": k.label} for k in knowledge if k.is_certification
            ],
            "contexts": [
                {"ogr": w.ogr, "label": w.label, "type": w.type_label}
                for w in self.catalog.job_contexts(code)
            ],
            "mobilities": [
                {"code": m.target_code, "label": m.target_label, "rank": m.rank}
                for m in self.catalog.mobilities(code)
            ],
            "onisep_jobs": [
                {"id": o.id, "name": o.name, "summary": o.summary, "min_level": o.min_level}
                for o in self.catalog.onisep_jobs_for(code)
            ],
            "trainings": [
                {"id": t.id, "title": t.title, "type": t.type_label, "duration": t.duration,
                 "level": t.level, "level_number": t.level_number, "rncp_url": t.rncp_url,
                 "url": t.url, "entry_level": t.entry_level}
                for t in self.catalog.trainings_for_job(code)
            ],
        }

    def places(self, *, lat: float | None = None, lon: float | None = None,
               radius_km: float = 10.0, postcode: str | None = None,
               limit: int = 20) -> dict[str, Any]:
        centre: tuple[float, float] | None = None
        found: list[Place]
        if postcode is not None:
            centre = self.catalog.postcode_centre(postcode)
            if centre is not None:
                found = self.catalog.places_near(centre[0], centre[1], radius_km, limit=limit)
            else:
                found = self.catalog.places_in_postcode(postcode, limit=limit)
        else:
            assert lat is not None and lon is not None
            centre = (lat, lon)
            found = self.catalog.places_near(lat, lon, radius_km, limit=limit)
        snapshot = max((p.snapshot_date for p in found), default="")
        return {
            "centre": None if centre is None else {"lat": round(centre[0], 5),
                                                   "lon": round(centre[1], 5)},
            "radius_km": radius_km,
            "snapshot_date": snapshot,
            "places": [plain(p) for p in found],
        }

    def sources(self) -> list[dict[str, Any]]:
        return [
            {"dataset": s.dataset, "version": s.version, "published": s.published,
             "licence": s.licence, "credit": s.credit, "counts": s.counts}
            for s in self.catalog.sources()
        ]
