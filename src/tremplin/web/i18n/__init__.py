"""Message catalogs (one flat JSON file per language) and language negotiation.

Every text shown by the pages comes from `fr.json` / `en.json`; a test checks that both
catalogs have the same keys and that templates hold no text of their own. A catalog's
`_dir` key says the writing direction (`ltr` or `rtl`), so a right-to-left language only
needs a new catalog file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent
LANGS = ("fr", "en")
DEFAULT_LANG = "fr"
LANG_COOKIE = "tremplin_lang"


@cache
def messages(lang: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((HERE / f"{lang}.json").read_text(encoding="utf-8"))
    return data


def translator(lang: str) -> Callable[..., str]:
    table = messages(lang if lang in LANGS else DEFAULT_LANG)

    def t(key: str, **values: object) -> str:
        text = table[key]  # a missing key is a bug: fail loudly (tests render every page)
        return text.format(**values) if values else text

    return t


def direction(lang: str) -> str:
    return messages(lang).get("_dir", "ltr")


def negotiate(query_lang: str | None, cookie_lang: str | None, accept_language: str | None) -> str:
    """?lang= first, then the cookie, then the browser's Accept-Language, then French."""
    for candidate in (query_lang, cookie_lang):
        if candidate in LANGS:
            return str(candidate)
    best: tuple[float, str] | None = None
    for part in (accept_language or "")[:500].split(","):
        bits = part.strip().split(";")
        code = bits[0].strip().lower()[:2]
        q = 1.0
        for b in bits[1:]:
            if b.strip().startswith("q="):
                try:
                    q = float(b.strip()[2:])
                except ValueError:
                    q = 0.0
        if code in LANGS and (best is None or q > best[0]):
            best = (q, code)
    return best[1] if best else DEFAULT_LANG
