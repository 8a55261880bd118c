"""Errors as RFC 9457 problem details (`application/problem+json`)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
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
