"""Web fixtures: the real app over the real catalog, called in-process through ASGI."""

from __future__ import annotations

import asyncio
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from tremplin.catalog.read import Catalog
from tremplin.config import Settings
from tremplin.guide.feedback import FEEDBACK_FILE, FeedbackStore
from tremplin.web.app import create_app
from tremplin.web.services import Services

from .browser_support import AXE, CHROMIUM, CHROMIUM_ARGS, need


class SyncClient:
    """httpx over ASGITransport, driven synchronously (one event loop for the session)."""

    def __init__(self, app: FastAPI) -> None:
        self.loop = asyncio.new_event_loop()
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                        base_url="http://testserver")

    def request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        return self.loop.run_until_complete(self.client.request(method, url, **kw))

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("POST", url, **kw)

    @property
    def cookies(self) -> httpx.Cookies:
        return self.client.cookies

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.loop.close()


@pytest.fixture(scope="session")
def web_services(settings: Settings, catalog: Catalog,
                 tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    services = Services(settings, catalog)
    # the thumbs the tests give are counted apart: never in TREMPLIN_HOME's real store, which
    # the public page /a-propos/resultats shows (QA saw "rank 2: 0 up / 91 down" there)
    store = FeedbackStore(tmp_path_factory.mktemp("feedback") / FEEDBACK_FILE)
    services._feedback = store
    services.warm()
    yield services
    store.close()


@pytest.fixture(scope="session")
def app(settings: Settings, web_services: Services) -> FastAPI:
    return create_app(settings, services=web_services)


@pytest.fixture()
def client(app: FastAPI) -> Iterator[SyncClient]:
    c = SyncClient(app)
    yield c
    c.close()


@pytest.fixture()
def need_search(web_services: Services) -> None:
    """The search engine must be there (a failure, not a skip: it is part of the product)."""
    try:
        web_services.engine()
    except Exception as exc:
        pytest.fail(f"the search engine could not be loaded: {exc}")


@pytest.fixture()
def need_recommend(web_services: Services) -> None:
    try:
        web_services.riasec_questions("fr")
    except Exception as exc:
        pytest.fail(f"the recommendation engine could not be loaded: {exc}")


# --- a real browser against the app served on loopback (see browser_support.py) ---

@pytest.fixture(scope="module")
def live_server(settings: Settings, web_services: Services) -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    app = create_app(settings, services=web_services)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False, lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        need("Debian chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists()
                              else shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        need("axe-core (cd tests/web && npm ci)")
    return AXE.read_text(encoding="utf-8")
