"""JSON API under /api/v1: thin shells over `Services` (which only calls the core)."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable, Coroutine
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field, WithJsonSchema

from tremplin.recommend.profile import MAX_EXPERIENCE_CHARS
from tremplin.search import QueryError
from tremplin.search.engine import REASONS
from tremplin.web.api import models
from tremplin.web.api.errors import ApiError, api_problem, load_json, refused
from tremplin.web.api.hours import with_hours
from tremplin.web.problems import PROBLEM_TYPE
from tremplin.web.services import Services, norm_query

API_DESCRIPTION = """\
Job search, job sheets (ROME 4.0 fiches), explained suggestions, competence suggestions,
RIASEC questions and places of digital help, on French open data (France Travail ROME 4.0,
ONISEP Idéo, ANCT / data.inclusion places).

**Errors** are `application/problem+json` objects with `type`, `title`, `status`, `detail`
(English) and `errors`: for each part of the request at fault, its `field`, `message`
(English) and `message_fr` (plain French). Request bodies are read as published: JSON types
are not converted (`"124960"` is no code, `true` no answer) and an object giving a key twice
is refused.

**Input limits**: `q` ≤ 200 characters (autocomplete ≤ 100); `limit` ≤ 50; free text and
each experience ≤ 1 000 characters with at least two letters; a profile ≤ 150 competences
and ≤ 20 experiences; a match batch ≤ 100 titles of ≤ 200 characters; `radius_km` ≤ 50;
request bodies ≤ 64 KiB (413 beyond).

**Opening hours** of places: `hours` gives them read as Tremplin's pages read them
(`periods` of `{day, opens, closes}`, `text_fr` as the French pages write them, and
`check_by_phone` when they cannot be read: « Horaires à vérifier par téléphone »);
`opening_hours_raw` is the source's own string (`opening_hours`, the same, is deprecated).

**Privacy**: no account, no cookie needed, nothing you send is stored; logs hold only the
method, path, status and duration — never query strings or bodies.
"""


class _StrictJsonRequest(Request):
    """A request whose JSON body refuses a key given twice (see errors.load_json)."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = load_json(await self.body())
        return self._json


class ApiRoute(APIRoute):
    """The API's routes read their JSON bodies with `_StrictJsonRequest`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            return await handler(_StrictJsonRequest(request.scope, request.receive))

        return strict


_WHOLE = re.compile(r"[0-9]+")


def whole_numbers(request: Request) -> None:
    """A query string's integers are written with digits: "5.0" or "5e0" is no `limit` (the
    framework would read it as 5, while a JSON body's 5.0 is refused)."""
    raw = request.query_params.get("limit")
    if raw is not None and not _WHOLE.fullmatch(raw.strip()):
        raise ApiError(422, "A whole number written with digits only is expected, such as 5.",
                       "Un nombre entier est attendu, écrit avec des chiffres seulement (par "
                       "exemple 5).", "query.limit")


WHOLE_LIMIT = [Depends(whole_numbers)]  # on the routes that take a `limit` in the query
router = APIRouter(prefix="/api/v1", tags=["api"], route_class=ApiRoute)

PROBLEM: dict[str, Any] = {
    "description": "Problem details (the same shape for every error)",
    "content": {PROBLEM_TYPE: {"schema": models.inline_schema(models.ProblemOut)}}}
ERRORS: dict[int | str, dict[str, Any]] = {400: PROBLEM, 413: PROBLEM, 422: PROBLEM, 503: PROBLEM}
# a POST body not sent as JSON (Content-Type: application/json)
POST_ERRORS: dict[int | str, dict[str, Any]] = {**ERRORS, 415: PROBLEM}

MAX_Q = 200
MAX_LIMIT = 50
MAX_TEXT = MAX_EXPERIENCE_CHARS  # the same limit as an experience of a profile
MAX_BATCH = 100


def services(request: Request) -> Services:
    svc: Services = request.app.state.services
    return svc


async def _compute_once(request: Request, svc: Services, q: str, limit: int) -> bytes:
    """One computation per distinct query at a time: requests for a query already being
    computed wait for that result instead of queueing the same work again."""
    inflight: dict[tuple[str, int], asyncio.Future[bytes]] | None = getattr(
        request.app.state, "search_inflight", None)
    if inflight is None:
        inflight = request.app.state.search_inflight = {}
    key = (norm_query(q), limit)
    running = inflight.get(key)
    if running is not None:
        return await asyncio.shield(running)
    future: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
    inflight[key] = future
    try:
        body = await svc.results_json_async(q, limit)
    except BaseException as exc:
        future.set_exception(exc)
        future.exception()  # retrieved here: no "never retrieved" warning when nobody waits
        raise
    else:
        future.set_result(body)
        return body
    finally:
        del inflight[key]




# --- models --------------------------------------------------------------------------------

class SearchHitOut(BaseModel):
    model_config = models.STRICT
    code: str = Field(examples=["D1102"])
    title: str = Field(examples=["Boulanger / Boulangère"],
                       description="The title that matched, in the gender the query used")
    job_label: str = Field(description="The fiche's label as ROME publishes it")
    score: float = Field(examples=[0.93], description="0..1, the ranking's")
    reason: str = Field(examples=["close_spelling"],
                        description=" | ".join(REASONS))
    matched_text: str = Field(description="The indexed text that matched best")
    lexical_score: float = Field(description="Spelling score of matched_text, 0..1")
    dense_score: float = Field(description="Cosine between the query and matched_text")
    ogr: int = Field(description="ROME appellation code of `title`; 0 when it is none")
    source: str = Field(description="appellation | fiche | onisep | onisep_synonym | alias")


class SearchOut(BaseModel):
    query: str = Field(examples=["boulangé"])
    results: list[SearchHitOut]


class CompletionOut(BaseModel):
    model_config = models.STRICT
    label: str = Field(examples=["Boulanger / Boulangère"])
    code: str = Field(examples=["D1102"], description="ROME fiche")
    ogr: int = Field(description="ROME appellation code; 0 when the label is none")
    kind: str = Field(description="prefix | word | typo | alias")


class AutocompleteOut(BaseModel):
    query: str = Field(examples=["boul"])
    suggestions: list[CompletionOut]


class MatchResultOut(BaseModel):
    model_config = models.STRICT
    query: str = Field(description="The title as sent")
    hits: list[SearchHitOut] = Field(description="Best first; empty when nothing is close, "
                                                 "or when the title cannot be searched")
    error: str | None = Field(description="Why the title cannot be searched (English); null "
                                          "when it was")
    error_fr: str | None = Field(description="The same in French; null when it was")


class MatchOut(BaseModel):
    model_config = models.STRICT
    results: list[MatchResultOut] = Field(description="One per title, in the order sent")


class RecommendIn(BaseModel):
    model_config = models.STRICT_IN
    profile: Annotated[models.ProfileIn, WithJsonSchema(models.PROFILE_SCHEMA)] = Field(
        description="A profile as `tremplin.recommend.Profile.to_dict()` writes it: "
                    "`competences`, `experiences` (`text`, and what the person made of the "
                    "suggestions: `confirmed_competences`, `removed_competences`, `reviewed`), "
                    "`riasec`, `interest_centres` (codes from `GET /api/v1/interest-centres`) "
                    "and `constraints` (`avoided_domains` takes codes from "
                    "`GET /api/v1/domains`).",
        examples=[{"riasec": {"R": 0.8, "A": 0.4}, "competences": [104174, 126357]}],
    )
    limit: int = Field(10, ge=1, le=MAX_LIMIT)  # strict: not true, not "5"
    lang: Literal["fr", "en"] = Field(
        "fr", description="Language of the explanation sentences (ROME labels stay French).")


class SuggestIn(BaseModel):
    model_config = models.STRICT_IN
    text: str = Field(min_length=1, max_length=MAX_TEXT,
                      examples=["J'ai aidé à la boulangerie de mon oncle l'été dernier"])
    limit: int = Field(10, ge=1, le=MAX_LIMIT)  # strict: not true, not "5"


class MatchIn(BaseModel):
    model_config = models.STRICT_IN
    titles: list[Annotated[str, Field(min_length=1, max_length=MAX_Q)]] = Field(
        min_length=1, max_length=MAX_BATCH, examples=[["boulanger", "mecano auto", "nurse"]])
    k: int = Field(3, ge=1, le=10)


# --- routes --------------------------------------------------------------------------------

_EMPTY_QUERY = QueryError("La recherche est vide.", "The query is empty.")


@router.get("/search", response_model=SearchOut, responses=ERRORS,
            summary="Typo-tolerant job search",
            dependencies=WHOLE_LIMIT)
async def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=MAX_Q, examples=["boulangé"],
                            description="What the person typed")],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10,
) -> Any:
    svc = services(request)
    if not q.strip():
        return refused(_EMPTY_QUERY, "query.q")
    # Repeated queries are answered from a bounded cache; new ones are scored on the event
    # loop too, which only awaits the encoder thread for never-seen phrasings.
    body = svc.cached_results_json(q, limit)
    if body is None:
        try:
            body = await _compute_once(request, svc, q, limit)
        except svc.query_error as exc:
            return refused(exc, "query.q")
    head = b'{"query":' + json.dumps(q, ensure_ascii=False).encode("utf-8") + b',"results":'
    return Response(head + body + b"}", media_type="application/json")


@router.get("/autocomplete", response_model=AutocompleteOut, responses=ERRORS,
            summary="Completions for a prefix (never calls the sentence encoder)",
            dependencies=WHOLE_LIMIT)
def autocomplete(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=100, examples=["boul"])],
    limit: Annotated[int, Query(ge=1, le=20)] = 8,
) -> Any:
    svc = services(request)
    try:
        return {"query": q, "suggestions": svc.autocomplete(q, limit)}
    except svc.query_error as exc:
        return refused(exc, "query.q")


@router.get("/jobs/{code}", responses={200: {"model": models.JobOut}, 404: PROBLEM,
                                      422: PROBLEM},
            summary="One ROME fiche: titles, competences, contexts, trainings, mobilities")
def job(
    request: Request,
    code: Annotated[str, Path(pattern=r"^[A-Na-n][0-9]{4}$", examples=["D1102"])],
) -> Any:
    code = code.upper()
    detail = services(request).job_detail(code)
    if detail is None:
        return api_problem(404, f"No ROME fiche with code {code}.",
                           f"Aucune fiche ROME n'a le code {code}.", "path.code")
    return detail


@router.get("/competences/suggest", include_in_schema=False)
def suggest_is_a_post() -> Any:
    # declared before /competences/{ogr}: a GET here read "suggest" as a code (422 "path.ogr")
    return api_problem(405, "Method not allowed: /competences/suggest takes POST with a JSON "
                            "body.",
                       "Méthode non permise : /competences/suggest se demande en POST, avec "
                       "un corps JSON.", "method", headers={"Allow": "POST"})


@router.get("/competences/{ogr}", responses={200: {"model": models.ItemOut}, 404: PROBLEM,
                                            422: PROBLEM, 503: PROBLEM},
            summary="One ROME competence, savoir or work context by its code (what a stored "
                    "code means): label, kind, how many fiches list it")
def competence(request: Request,
               ogr: Annotated[int, Path(ge=1, le=99_999_999, examples=[124960])]) -> Any:
    item = services(request).describe_competence(ogr)
    if item is None:
        return api_problem(
            404, f"No ROME competence, savoir or work context with code {ogr}.",
            f"Aucune compétence, aucun savoir ni contexte de travail du ROME n'a le code {ogr}.",
            "path.ogr")
    return item


@router.post("/recommendations",
             responses={200: {"model": models.RecommendationsOut}, **POST_ERRORS},
             summary="A profile in, explained job suggestions out")
def recommendations(request: Request, body: RecommendIn) -> Any:
    svc = services(request)
    try:
        # what was sent, as sent: the core gives what was left out its own defaults
        profile = svc.profile_from_dict(body.profile.model_dump(exclude_unset=True))
        out: dict[str, Any] = {"results": svc.recommend(profile, body.limit, body.lang)}
        if profile.constraints.postcode:
            out["places"] = [with_hours(p) for p in svc.help_places(profile.constraints.postcode)]
        return out
    except svc.profile_error as exc:
        return refused(exc, "profile",
                       within="" if exc.field in ("limit", "lang") else "profile")


@router.post("/competences/suggest",
             responses={200: {"model": models.SuggestionsOut}, **POST_ERRORS},
             summary="Free text in, ROME competences out")
def suggest(request: Request, body: SuggestIn) -> Any:
    svc = services(request)
    try:  # an empty text is refused by the core, with its French message and its field
        results = svc.suggest_competences(body.text, body.limit)
        offered = frozenset(int(r["ogr"]) for r in results)
        return {"results": results, "own_job": svc.own_jobs(body.text),
                "own_job_key_competences": svc.own_job_key_competences(body.text, 5, offered)}
    except (svc.profile_error, svc.query_error) as exc:
        return refused(exc, "text")


@router.get("/riasec/questions", responses={200: {"model": models.QuestionsOut}, **ERRORS},
            summary="The interest questionnaire")
def riasec_questions(
    request: Request,
    lang: Annotated[Literal["fr", "en"], Query(examples=["fr"])] = "fr",
) -> Any:
    return {"lang": lang, "questions": services(request).riasec_questions(lang)}


@router.post("/riasec/score", responses={200: {"model": models.RiasecScoreOut}, **POST_ERRORS},
             summary="Answers to the interest questionnaire in, RIASEC scores out")
def riasec_score(request: Request, body: models.RiasecScoreIn) -> Any:
    svc = services(request)
    try:
        return svc.score_riasec(body.answers)
    except svc.profile_error as exc:
        return refused(exc, "answers", within="answers")


@router.get("/interest-centres", responses={200: {"model": models.InterestCentresOut}, **ERRORS},
            summary="ROME interest centres: the codes a profile's interest_centres takes")
def interest_centres(request: Request) -> Any:
    return {"centres": services(request).interest_centres()}


@router.get("/domains", responses={200: {"model": models.DomainsOut}, **ERRORS},
            summary="ROME grand domains (A … N) and domains: the codes a profile's "
                    "constraints.avoided_domains takes")
def domains(request: Request) -> Any:
    return {"domains": services(request).job_domains()}


@router.get("/places", responses={200: {"model": models.PlacesOut}, **ERRORS},
            summary="Places of digital help near a point or a postcode (dated snapshot)",
            dependencies=WHOLE_LIMIT)
def places(
    request: Request,
    lat: Annotated[float | None, Query(ge=-90, le=90, examples=[48.8566])] = None,
    lon: Annotated[float | None, Query(ge=-180, le=180, examples=[2.3522])] = None,
    radius_km: Annotated[float, Query(gt=0, le=50)] = 10.0,
    postcode: Annotated[str | None, Query(pattern=r"^[0-9]{5}$", examples=["75011"])] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> Any:
    if postcode is None and (lat is None or lon is None):
        return api_problem(422, "Give either lat and lon, or a postcode.",
                           "Donnez soit lat et lon, soit un code postal (postcode).", "query")
    if postcode is not None and (lat is not None or lon is not None):
        return api_problem(422, "Give either lat and lon, or a postcode, not both.",
                           "Donnez soit lat et lon, soit un code postal (postcode), pas les "
                           "deux.", "query")
    out = services(request).places(lat=lat, lon=lon, radius_km=radius_km, postcode=postcode,
                                   limit=limit)
    out["places"] = [with_hours(p) for p in out["places"]]
    return out


@router.post("/match", responses={200: {"model": MatchOut}, **POST_ERRORS},
             summary="Normalise a batch of free-text job titles to ROME fiches and appellations")
def match(request: Request, body: MatchIn) -> Any:
    svc = services(request)
    try:
        results = svc.match(list(body.titles), body.k)
    except svc.query_error as exc:
        return refused(exc, "titles")
    for r in results:  # the core's "French. / English." message, one language per field
        error = QueryError(r["error"]) if r.get("error") else None
        r["error"], r["error_fr"] = (error.en, error.fr) if error else (None, None)
    return {"results": results}
