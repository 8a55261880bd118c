"""What the browser tests share: where Chromium and axe-core are, a browser context that
records every request, and the axe-core audit. The fixtures that start the app and the
browser (`live_server`, `browser`, `axe_source`) are in conftest.py."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tremplin.config import PROJECT_ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
WIDTHS = (360, 1280)


def need(what: str) -> None:
    if os.environ.get("TREMPLIN_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} is required (TREMPLIN_REQUIRE_BROWSER=1)")
    pytest.skip(f"{what} not installed")


class Visit:
    """A browser context that records every request, to check none leaves the host."""

    def __init__(self, browser: Any, base: str, width: int, **kw: Any) -> None:
        self.base = base
        kw.setdefault("locale", "fr-FR")
        kw.setdefault("reduced_motion", "reduce")
        self.context = browser.new_context(viewport={"width": width, "height": 800}, **kw)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.set_default_timeout(15_000)

    def goto(self, path: str) -> Any:
        return self.page.goto(self.base + path, wait_until="load")

    def foreign(self) -> list[str]:
        host = urlparse(self.base).netloc
        return [u for u in self.requests
                if urlparse(u).scheme in ("http", "https") and urlparse(u).netloc != host]

    def close(self) -> None:
        self.context.close()

    def __enter__(self) -> Visit:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def audit(page: Any, axe_source: str) -> list[dict[str, Any]]:
    page.evaluate(axe_source)
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                           nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }""")
    return list(result)


def assert_no_serious(violations: list[dict[str, Any]]) -> None:
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)


def transferred(page: Any) -> int:
    return int(page.evaluate(
        """() => performance.getEntriesByType('navigation').concat(
                   performance.getEntriesByType('resource'))
                 .reduce((s, e) => s + (e.transferSize || e.encodedBodySize || 0), 0)"""))
