"""The FastAPI application factory: pages + JSON API, catalog and engines loaded once."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders, QueryParams
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tremplin.config import Settings, load_settings
from tremplin.embeddings import prioritise_encoder
from tremplin.web import i18n, problems, state
from tremplin.web.api import errors as api_errors
from tremplin.web.services import Services, ServiceUnavailable
from tremplin.web.templating import render

HERE = Path(__file__).parent
access_log = logging.getLogger("tremplin.web.access")

MAX_BODY_BYTES = 64 * 1024
# the profile import form: a file a little over the 64 KB limit gets the page's clear message
UPLOAD_BODY_BYTES = 256 * 1024
CORS_ENV = "TREMPLIN_CORS_ORIGINS"
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
    " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self';"
    " frame-ancestors 'none'; object-src 'none'"
)


def cors_origins(value: str | None = None) -> list[str]:
    """Origins allowed to call the API from a browser: TREMPLIN_CORS_ORIGINS, comma-separated
    ('*' for any); none by default."""
    raw = os.environ.get(CORS_ENV, "") if value is None else value
    return [o.strip() for o in raw.split(",") if o.strip()]


def static_version() -> str:
    h = hashlib.sha1()
    for p in sorted((HERE / "static").glob("*")):
        h.update(p.read_bytes())
    return h.hexdigest()[:10]


def create_app(settings: Settings | None = None, *, cors: list[str] | None = None,
               services: Services | None = None) -> FastAPI:
    settings = settings or load_settings()
    origins = cors_origins() if cors is None else cors

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if getattr(app.state, "services", None) is None:
            app.state.services = services or Services(settings)
        app.state.services.warm()
        # the encoder thread keeps this priority; request threads, created later, yield to it
        if not prioritise_encoder():
            logging.getLogger("tremplin.web").info("encoder priority: unchanged on this system")
        yield

    from tremplin.web.api.routes import API_DESCRIPTION
    from tremplin.web.api.routes import router as api_router
    from tremplin.web.pages.guide import router as guide_router
    from tremplin.web.pages.routes import router as pages_router

    app = FastAPI(
        title="Tremplin API",
        version="1",
        description=API_DESCRIPTION,
        docs_url=None,  # the default /docs loads Swagger UI from a CDN: ours is self-contained
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.services = services
    app.state.static_version = static_version()

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/api/"):
            return await api_errors.validation_handler(request, exc)
        return _html_error(request, 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if request.url.path.startswith("/api/"):
            return await api_errors.http_handler(request, exc)
        if exc.status_code == 405:
            return await problems.http_handler(request, exc)
        if exc.status_code == 413:  # a body sent in chunks, over the limit
            from tremplin.web.pages.guide import too_large_page

            return too_large_page(request)
        return _html_error(request, exc.status_code)

    @app.exception_handler(ServiceUnavailable)
    async def _unavailable(request: Request, exc: Exception) -> Response:
        logging.getLogger("tremplin.web").warning("service unavailable: %s", exc)
        if request.url.path.startswith("/api/"):
            return api_errors.unavailable()
        return _html_error(request, 503)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        logging.getLogger("tremplin.web").exception("internal error on %s", request.url.path)
        if request.url.path.startswith("/api/"):
            return api_errors.crashed()
        return _html_error(request, 500)

    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(FrameMiddleware)
    if origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "Accept", "Accept-Language"], max_age=600,
        )

    app.include_router(api_router)
    app.include_router(pages_router)
    app.include_router(guide_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> Response:
        return render(request, "docs.html", spec=app.openapi(), nav=None)

    @app.get("/api/v1/health", include_in_schema=False)
    def health() -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return app


def static_cache(query_string: bytes, version: str | None) -> str:
    """How long a phone may keep a static file: the pages ask for CSS and JS at an address
    holding their content's hash (`?v=`), so a new version is a new address and the file can
    be kept for a year without asking again (one round trip less before the first paint on a
    slow connection). Another version string (an old page, a typo) and the unversioned icon:
    a day."""
    if version and QueryParams(query_string).get("v") == version:
        return "public, max-age=31536000, immutable"
    return "public, max-age=86400"


def _static_version(scope: Scope) -> str | None:
    app = scope.get("app")
    return getattr(getattr(app, "state", None), "static_version", None)


class FrameMiddleware:
    """Pure ASGI (cheap on the hot search path): body-size limit, language negotiation,
    security headers, and an access log line without query string, body, cookie or address."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        method = scope["method"]
        head = method == "HEAD"
        if head:  # HEAD is GET without the body (RFC 9110): load balancers check /api/v1/health
            scope = {**scope, "method": "GET", api_errors.ORIGINAL_METHOD: method}
        headers = Headers(scope=scope)
        length = headers.get("content-length")
        status = 500
        limit = UPLOAD_BODY_BYTES if scope["path"] == "/profil/import" else MAX_BODY_BYTES
        declared = state.form_int(length, 15) if length is not None else None
        query = QueryParams(scope.get("query_string", b""))
        q = query.get("lang")
        cookie_lang = None
        raw_cookie = headers.get("cookie", "")
        if i18n.LANG_COOKIE in raw_cookie:
            cookie_lang = cookie_parser(raw_cookie).get(i18n.LANG_COOKIE)
        scope.setdefault("state", {})["lang"] = i18n.negotiate(
            q, cookie_lang, headers.get("accept-language"))

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                out = MutableHeaders(scope=message)
                out.setdefault("Content-Security-Policy", CSP)
                out.setdefault("X-Content-Type-Options", "nosniff")
                out.setdefault("Referrer-Policy", "no-referrer")
                # a page shows someone's journey: on a shared computer, Back after
                # "Tout effacer" must not show it again from the browser's cache
                # (a route may say otherwise: the avatar preview holds no journey)
                path = scope["path"]
                if path.startswith("/static/"):
                    if status == 200:
                        out["Cache-Control"] = static_cache(
                            scope.get("query_string", b""), _static_version(scope))
                elif not path.startswith("/api/") and "cache-control" not in out:
                    out["Cache-Control"] = "no-store"
                # helper mode: the journey (and the helper's notes in it) is kept for the
                # browser session only, never 90 days on a shared computer
                if not path.startswith("/api/"):
                    sent = out.getlist("set-cookie")
                    if any(v.startswith(state.COOKIE + "=") for v in sent) and \
                            state.helper_in(raw_cookie, sent):
                        del out["set-cookie"]
                        for value in state.session_only(sent):
                            out.append("set-cookie", value)
                # the pages remember a language; the API is stateless and sets no cookie
                if q in i18n.LANGS and not scope["path"].startswith("/api/"):
                    out.append("set-cookie", f"{i18n.LANG_COOKIE}={q}; Max-Age=31536000; "
                                             "Path=/; SameSite=lax; HttpOnly")
                allow = [m.strip() for m in out.get("allow", "").split(",") if m.strip()]
                if "GET" in allow and "HEAD" not in allow:
                    out["Allow"] = ", ".join([*allow, "HEAD"])
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}  # the GET's headers, Content-Length included
            await send(message)

        received = 0

        async def receive_within_limit() -> Message:
            # a body sent in chunks declares no length: count what really arrives
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise api_errors.too_large(limit)
            return message

        if length is not None and (declared is None or declared > limit):
            status = 413  # refused before any route reads it: the body is never read
            await too_large(scope, receive, limit)(scope, receive, send_wrapper)
        else:
            await self.app(scope, receive_within_limit, send_wrapper)
        if access_log.isEnabledFor(logging.INFO):
            access_log.info("%s %s %d %.1fms", method, scope["path"], status,
                            (time.perf_counter() - start) * 1000)


def too_large(scope: Scope, receive: Receive, limit: int) -> Response:
    """The answer to a body over the size limit: a problem detail on the API, a page in the
    reader's language elsewhere (people sending a form must not get JSON)."""
    if scope["path"].startswith("/api/"):
        error = api_errors.too_large(limit)
        return api_errors.api_problem(413, error.en, error.fr, error.field, headers=error.headers)
    from tremplin.web.pages.guide import too_large_page

    page = too_large_page(Request(scope, receive))
    page.headers["Connection"] = "close"  # the rest of the body is never read
    return page


def _html_error(request: Request, status: int) -> Response:
    if not hasattr(request.state, "lang"):
        request.state.lang = i18n.DEFAULT_LANG
    return render(request, "error.html", status_code=status, status=status, nav=None)
