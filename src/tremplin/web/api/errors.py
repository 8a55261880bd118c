"""The API's errors: one shape for every error answer (RFC 9457 problem details).

    {"type": "…/invalid-input", "title": "Invalid input", "status": 422,
     "detail": "English summary",
     "errors": [{"field": "profile.experiences[1].text", "message": "English",
                 "message_fr": "Français"}]}

`errors` is never empty: each entry names the part of the request at fault (`body`,
`query.q`, `path.code`, `profile.constraints.postcode`, `path` for an unknown address,
`method`, or `server` when nothing in the request is) and says what is wrong in English
and in plain French. The pages have their own error pages; this module is the API's only.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from tremplin.web.problems import TITLES, problem

# the scope key holding a HEAD request's method: the app answers it as a GET, without the body
ORIGINAL_METHOD = "tremplin.method"


class ApiError(StarletteHTTPException):
    """An error raised before or outside a route (body parser, size limit), with the field
    at fault and the message in both languages."""

    def __init__(self, status: int, en: str, fr: str, field: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status, en, headers=headers)
        self.en, self.fr, self.field = en, fr, field


def api_problem(status: int, en: str, fr: str, field: str,
                headers: Mapping[str, str] | None = None) -> JSONResponse:
    return problem(status, en, errors=[{"field": field, "message": en, "message_fr": fr}],
                   headers=dict(headers) if headers else None)


def refused(exc: Exception, field: str = "body", within: str = "") -> JSONResponse:
    """422 for input the core refused (a ProfileError or a QueryError): its own field when it
    names one (under `within`, the request key that holds it), else `field`; English from the
    error, French from its `fr`."""
    en = str(getattr(exc, "en", "") or exc)
    fr = str(getattr(exc, "fr", "") or en)
    own = str(getattr(exc, "field", "") or "")
    if own and within and own != within and not own.startswith(within + "."):
        own = f"{within}.{own}"
    return api_problem(422, en, fr, own or field)


def too_large(limit: int) -> ApiError:
    return ApiError(413, f"The request body must be at most {limit} bytes.",
                    f"Le corps de la requête doit faire au plus {limit} octets.", "body",
                    headers={"Connection": "close"})


# --- the body: JSON objects must not give a key twice -------------------------------------

class _Repeated(dict[str, Any]):
    """A JSON object that gave `key` twice (json.loads keeps the last one silently)."""

    key = ""


def _object(items: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(items)
    if len(out) == len(items):
        return out
    marked = _Repeated(out)
    seen: set[str] = set()
    for key, _ in items:
        if key in seen:
            marked.key = key
            break
        seen.add(key)
    return marked


def _first_repeat(value: Any, path: str) -> tuple[str, str] | None:
    """Where the first key given twice is, and that key (an object before what it holds)."""
    if isinstance(value, _Repeated):
        return (f"{path}.{value.key}" if path else value.key), value.key
    if isinstance(value, dict):
        for k, v in value.items():
            found = _first_repeat(v, f"{path}.{k}" if path else k)
            if found:
                return found
    elif isinstance(value, list):
        for n, v in enumerate(value):
            found = _first_repeat(v, f"{path}[{n}]")
            if found:
                return found
    return None


def load_json(body: bytes) -> Any:
    """The request body as JSON, refused (422) when an object gives a key twice, at any depth:
    {"answers": {"r1": 2, "r1": 0}} would otherwise count r1 as 0 without a word. The CLI
    refuses a profile file the same way (tremplin.recommend.commands.read_profile_json)."""
    data = json.loads(body, object_pairs_hook=_object)
    found = _first_repeat(data, "")  # a walk of what was parsed: the body is at most 64 KiB
    if found is not None:
        where, key = found
        raise ApiError(
            422, f"The key {key!r} is given twice at {where}: send each key once.",
            f"La clé « {key} » est donnée deux fois ({where}) : envoyez chaque clé une seule "
            "fois.", where)
    return data


# --- the framework's refusals, worded in both languages ------------------------------------

def field_of(loc: tuple[Any, ...] | list[Any]) -> str:
    """A pydantic location as the core writes fields: `profile.experiences[1].text`,
    `query.q`, `answers.r1`; `body` for the body as a whole."""
    parts = [p for p in loc if p != "body"]
    if len(loc) == 2 and loc[0] == "body" and isinstance(loc[1], int):
        return "body"  # a JSON decode error is located by a character offset, not a field
    out = ""
    for n, p in enumerate(parts):
        if isinstance(p, int):
            out += f"[{p}]"
        elif n and (parts[n - 1], p) in UNION_TAGS:  # the form of riasec that was read
            continue
        else:
            out += f".{p}" if out else str(p)
    return out or "body"


# the forms a field may take, which pydantic names after it (see models.RiasecIn)
UNION_TAGS = frozenset({("riasec", "scores"), ("riasec", "letters")})

_FRENCH = {
    "missing": "Champ manquant : il est obligatoire.",
    "extra_forbidden": "Champ inconnu : retirez-le (la liste des champs est sur /docs).",
    "greater_than_equal": "Doit valoir au moins {ge}.",
    "less_than_equal": "Doit valoir au plus {le}.",
    "greater_than": "Doit valoir plus de {gt}.",
    "less_than": "Doit valoir moins de {lt}.",
    "string_too_long": "Texte trop long : {max_length} caractères au plus.",
    "string_too_short": "Texte trop court : au moins {min_length} caractère(s).",
    "too_long": "Trop d'éléments : {max_length} au plus ({actual_length} donnés).",
    "too_short": "Trop peu d'éléments : au moins {min_length}.",
    "int_type": "Un nombre entier est attendu, écrit sans guillemets ni virgule (par exemple 3).",
    "int_parsing": "Un nombre entier est attendu, écrit avec des chiffres seulement (par exemple 3).",
    "int_from_float": "Un nombre entier est attendu, sans virgule (par exemple 3).",
    "float_type": "Un nombre est attendu, écrit sans guillemets (par exemple 0.5).",
    "float_parsing": "Un nombre est attendu (par exemple 0.5).",
    "finite_number": "Un nombre fini est attendu (ni NaN ni Infinity).",
    "bool_type": "true ou false est attendu, sans guillemets.",
    "bool_parsing": "true ou false est attendu.",
    "string_type": "Un texte entre guillemets est attendu.",
    "list_type": "Une liste [ … ] est attendue.",
    "dict_type": "Un objet {{ … }} est attendu.",
    "model_type": "Un objet {{ … }} est attendu.",
    "model_attributes_type": "Un objet {{ … }} est attendu.",
    "json_invalid": "Le corps n'est pas du JSON valide.",
    "riasec_form": "riasec doit associer des lettres R, I, A, S, E, C à un nombre entre 0 et 1, "
                   "ou donner des lettres comme « S,A ».",
}

# a format refused: what the field expects, said in French (the English names the pattern)
_PATTERN_FR = {
    "postcode": "Un code postal de 5 chiffres est attendu, par exemple « 75011 ».",
    "code": "Un code de fiche ROME est attendu : une lettre de A à N puis 4 chiffres, par "
            "exemple « D1102 ».",
}


def french(error: dict[str, Any], field: str) -> str:
    """The French of one pydantic error: specific to its type (and to the field for a
    format), never a generic "refused"."""
    kind = str(error.get("type", ""))
    ctx = dict(error.get("ctx") or {})
    if kind == "literal_error":
        allowed = str(ctx.get("expected", "")).replace("' or '", "' ou '")
        return f"Valeur non permise : les valeurs possibles sont {allowed}."
    if kind == "string_pattern_mismatch":
        return _PATTERN_FR.get(field.rsplit(".", 1)[-1],
                               f"Format refusé : le texte doit suivre le modèle {ctx.get('pattern')}.")
    text = _FRENCH.get(kind)
    if text is None:  # a check this API does not make today: name it rather than say "refused"
        return f"Valeur refusée pour « {field} » (règle « {kind} ») : voir le message en anglais."
    try:
        return text.format(**ctx)  # each text names only what its type's ctx holds
    except (KeyError, IndexError, ValueError):  # never a crash while reporting an error
        return text


def _english(error: dict[str, Any]) -> str:
    if error.get("type") == "json_invalid":
        ctx = dict(error.get("ctx") or {})
        return f"The body is not valid JSON: {ctx.get('error', 'decode error')}."
    return str(error.get("msg", ""))


NOT_JSON_EN = "The body must be JSON: send it with the header Content-Type: application/json."
NOT_JSON_FR = ("Le corps doit être du JSON : envoyez-le avec l'en-tête "
               "Content-Type: application/json.")


def _sent_as_json(request: Request) -> bool:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return kind == "application/json" or kind.endswith("+json")


async def validation_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    # a form or text body fails as "not a dictionary": say what is really wrong (415)
    if request.method == "POST" and not _sent_as_json(request) and any(
            tuple(e.get("loc", ()))[:1] == ("body",) for e in exc.errors()):
        return api_problem(415, NOT_JSON_EN, NOT_JSON_FR, "body")
    errors = []
    for e in exc.errors()[:20]:
        field = field_of(tuple(e.get("loc", ())))
        errors.append({"field": field, "message": _english(e), "message_fr": french(e, field)})
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:3]) or "Invalid input"
    return problem(422, detail, errors=errors)


# the framework's words when a body cannot even be parsed (not UTF-8, a number of thousands of
# digits, nesting too deep): said so that a partner knows what to fix
_UNPARSABLE = "There was an error parsing the body"
UNPARSABLE_EN = ("The body could not be read: send JSON encoded in UTF-8, with numbers of at "
                 "most 4,300 digits and no deeper than a few hundred levels.")
UNPARSABLE_FR = ("Le corps ne peut pas être lu : envoyez du JSON encodé en UTF-8, sans nombre "
                 "de milliers de chiffres ni imbrication très profonde.")


def _allowed(headers: dict[str, str] | None) -> str:
    methods = [m.strip() for m in (headers or {}).get("Allow", "").split(",") if m.strip()]
    if "GET" in methods and "HEAD" not in methods:
        methods.append("HEAD")
    return ", ".join(methods)


async def http_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(getattr(exc, "headers", None) or {})
    status = exc.status_code
    path = request.url.path
    if isinstance(exc, ApiError):
        return api_problem(status, exc.en, exc.fr, exc.field, headers=headers or None)
    if status == 400 and exc.detail == _UNPARSABLE:
        return api_problem(400, UNPARSABLE_EN, UNPARSABLE_FR, "body")
    if status == 404:
        return api_problem(404, f"Nothing at {path}: the API's paths are listed at /docs.",
                           f"Rien à l'adresse {path} : les adresses de l'API sont sur /docs.",
                           "path")
    if status == 405:
        allow = _allowed(headers)
        if allow:
            headers["Allow"] = allow
        method = request.scope.get(ORIGINAL_METHOD, request.method)
        return api_problem(
            405, f"The method {method} is not allowed on {path}: use "
                 f"{allow or 'another method'}.",
            f"La méthode {method} n'est pas permise sur {path} : utilisez "
            f"{allow or 'une autre méthode'}.", "method", headers=headers or None)
    en = exc.detail if isinstance(exc.detail, str) else TITLES.get(status, "Error")
    return api_problem(status, en, _FRENCH_TITLES.get(status, "Requête refusée."),
                       "body" if status == 413 else "request", headers=headers or None)


_FRENCH_TITLES = {
    400: "Requête incorrecte.", 406: "Format de réponse non disponible.",
    413: "Le corps de la requête est trop gros.", 429: "Trop de requêtes : réessayez plus tard.",
}


def unavailable() -> JSONResponse:
    return api_problem(503, "This part of the engine is not available on this server yet "
                            "(search index or recommendation not installed).",
                       "Cette partie du moteur n'est pas encore installée sur ce serveur "
                       "(index de recherche ou de suggestions).", "server")


def crashed() -> JSONResponse:
    return api_problem(500, "Internal error. It has been logged (without your input).",
                       "Erreur interne. Elle a été notée dans le journal (sans ce que vous avez "
                       "envoyé).", "server")
