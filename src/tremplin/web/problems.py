"""Errors as RFC 9457 problem details (`application/problem+json`)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_TYPE = "application/problem+json"
TYPE_BASE = "https://tremplin.example/problems/"

TITLES = {
    400: "Bad request", 404: "Not found", 405: "Method not allowed", 406: "Not acceptable",
    413: "Request too large", 415: "Unsupported media type", 422: "Invalid input",
    429: "Too many requests", 500: "Internal error", 503: "Service unavailable",
}
SLUGS = {
    400: "bad-request", 404: "not-found", 405: "method-not-allowed", 406: "not-acceptable",
    413: "too-large", 415: "unsupported-media-type", 422: "invalid-input",
    429: "too-many-requests", 500: "internal-error", 503: "unavailable",
}


def problem(status: int, detail: str, *, errors: list[dict[str, Any]] | None = None,
            headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict[str, Any] = {
        "type": TYPE_BASE + SLUGS.get(status, str(status)),
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE, headers=headers)


def input_problem(exc: Exception, fallback: str = "Invalid input", within: str = "",
                  ) -> JSONResponse:
    """422 for a refused profile or text: `detail` in English, and `errors` with the field at
    fault (under `within`, the request key that holds it) and the same message in plain
    French (`message_fr`) for pages to show."""
    detail = str(exc) or fallback
    field = str(getattr(exc, "field", "") or "")
    if within and field != within and not field.startswith(within + "."):
        field = ".".join(p for p in (within, field) if p)
    field = field or "body"
    return problem(422, detail, errors=[{"field": field, "message": detail,
                                         "message_fr": str(getattr(exc, "fr", "") or detail)}])


def _where(loc: tuple[Any, ...] | list[Any]) -> str:
    # a JSON decode error is located by a character offset, which is not a field
    if len(loc) == 2 and loc[0] == "body" and isinstance(loc[1], int):
        return "body"
    return ".".join(str(p) for p in loc if p not in ("body",)) or "body"


# The checks the framework makes before Tremplin's own, worded in French too (pages and
# partners show `message_fr` to people who read French).
_FRENCH = {
    "missing": "Champ manquant.",
    "extra_forbidden": "Champ inconnu : retirez-le.",
    "greater_than_equal": "Doit valoir au moins {ge}.",
    "less_than_equal": "Doit valoir au plus {le}.",
    "greater_than": "Doit valoir plus de {gt}.",
    "less_than": "Doit valoir moins de {lt}.",
    "string_pattern_mismatch": "Format refusé.",
    "string_too_long": "Texte trop long : {max_length} caractères au plus.",
    "string_too_short": "Texte trop court.",
    "too_long": "Trop d'éléments : {max_length} au plus.",
    "literal_error": "Valeur non permise : {expected}.",
    "int_parsing": "Un nombre entier est attendu.",
    "int_type": "Un nombre entier est attendu.",
    "float_parsing": "Un nombre est attendu.",
    "string_type": "Un texte est attendu.",
    "dict_type": "Un objet { … } est attendu.",
    "list_type": "Une liste [ … ] est attendue.",
    "bool_type": "true ou false est attendu.",
    "json_invalid": "Le corps n'est pas du JSON valide.",
    "model_attributes_type": "Un objet { … } est attendu.",
}


def _french(error: dict[str, Any]) -> str:
    text = _FRENCH.get(str(error.get("type", "")), "Valeur refusée.")
    try:
        return text.format(**{k: v for k, v in (error.get("ctx") or {}).items()})
    except (KeyError, IndexError, ValueError):
        return text


_NOT_JSON_EN = "The body must be JSON: send it with the header Content-Type: application/json."
_NOT_JSON_FR = "Le corps doit être du JSON : envoyez-le avec l'en-tête Content-Type: application/json."


def _sent_as_json(request: Request) -> bool:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


async def validation_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # a form or text body fails as "not a dictionary": say what is really wrong (415)
    if request.method == "POST" and not _sent_as_json(request) and any(
            tuple(e.get("loc", ()))[:1] == ("body",) for e in exc.errors()):
        return problem(415, _NOT_JSON_EN, errors=[
            {"field": "body", "message": _NOT_JSON_EN, "message_fr": _NOT_JSON_FR}])
    errors = [
        {"field": _where(e.get("loc", ())), "message": str(e.get("msg", "")),
         "message_fr": _french(e)}
        for e in exc.errors()[:20]
    ]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:3]) or "Invalid input"
    return problem(422, detail, errors=errors)


# the framework's words when a body cannot even be parsed (not UTF-8, a number of thousands of
# digits, nesting too deep): said so that a partner knows what to fix
_UNPARSABLE = "There was an error parsing the body"
_UNPARSABLE_EN = ("The body could not be read: send JSON encoded in UTF-8, with numbers of at "
                  "most 4,300 digits and no deeper than a few hundred levels.")
_UNPARSABLE_FR = ("Le corps ne peut pas être lu : envoyez du JSON encodé en UTF-8, sans nombre "
                  "de milliers de chiffres ni imbrication très profonde.")


async def http_handler(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "Error")
    if exc.status_code == 400 and detail == _UNPARSABLE:
        return problem(400, _UNPARSABLE_EN, errors=[
            {"field": "body", "message": _UNPARSABLE_EN, "message_fr": _UNPARSABLE_FR}])
    return problem(exc.status_code, detail, headers=getattr(exc, "headers", None))
