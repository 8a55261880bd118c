"""Jinja2 rendering with strict undefined variables and the message catalog as `t`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from tremplin.catalog.hours import hours_to_check, readable_hours
from tremplin.catalog.places import readable_phone
from tremplin.guide.explain_text import MATCH_GROUPS, decimal, matched_groups
from tremplin.guide.journey import Journey
from tremplin.recommend.wording import human_date
from tremplin.web import i18n, state
from tremplin.web.avatar import render_avatar

HERE = Path(__file__).parent

env = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    # a running server keeps the templates it started with: templates changed on disk by an
    # update, read with the old code, broke job pages until a restart (QA)
    auto_reload=False,
)


def _labels(value: Any) -> list[str]:
    """A list of strings or of objects with a label, as strings (for explanations)."""
    if not value:
        return []
    if isinstance(value, str | dict):
        value = [value]
    out = []
    for v in value:
        if isinstance(v, dict):
            text = v.get("label") or v.get("title") or v.get("name") or v.get("text") or ""
        else:
            text = str(v)
        if text:
            out.append(str(text))
    return out


def _schema_name(schema: Any) -> str:
    ref = schema.get("$ref", "") if isinstance(schema, dict) else ""
    return ref.rsplit("/", 1)[-1] if ref else "object"


env.filters["labels"] = _labels
env.filters["phone"] = readable_phone  # "+33141681970" -> "01 41 68 19 70"


env.filters["matched_groups"] = matched_groups  # the summary (HTML and PDF) groups alike
env.globals["match_groups"] = MATCH_GROUPS
env.filters["human_date"] = human_date
env.filters["readable_hours"] = readable_hours
env.filters["hours_to_check"] = hours_to_check


def _fitting(items: Any, budget: int) -> int:
    """How many of the first `items` (strings) fit in about `budget` characters, one at least:
    the part of a card's first reason that stays in view on a phone."""
    used = n = 0
    for item in items:
        if n and used + len(str(item)) > budget:
            break
        used += len(str(item)) + 3
        n += 1
    return max(n, 1)


env.filters["fitting"] = _fitting
env.globals["card_line_chars"] = 110  # about two lines of a 360 px phone
env.filters["decimal"] = decimal  # "0,45" in French, "0.45" in English
env.filters["schema_name"] = _schema_name


def french_values(lang: str) -> Any:
    """`t` for messages that carry ROME or ONISEP labels, which exist in French only: on a
    page in another language each value is wrapped in <span lang="fr">, so that a screen
    reader switches voice (WCAG 3.1.2, language of parts)."""
    table = i18n.messages(lang if lang in i18n.LANGS else i18n.DEFAULT_LANG)

    def t_fr(key: str, **values: object) -> Markup:
        if lang != "fr":
            values = {k: Markup('<span lang="fr">{}</span>').format(v) for k, v in values.items()}
        return escape(table[key]).format(**values)  # Markup.format escapes the plain values

    return t_fr


def _mark_french(text: str, labels: Any, lang: str) -> Markup:
    """`text` with each of `labels` (French ROME labels quoted in it) wrapped in
    <span lang="fr"> when the page is in another language."""
    found = sorted({str(label) for label in labels or () if label and str(label) in text},
                   key=len, reverse=True)
    if lang == "fr" or not found:
        return escape(text)
    pattern = re.compile("|".join(re.escape(label) for label in found))
    out, last = Markup(""), 0
    for m in pattern.finditer(text):
        out += escape(text[last:m.start()]) + Markup('<span lang="fr">{}</span>').format(m.group(0))
        last = m.end()
    return out + escape(text[last:])


env.filters["mark_french"] = _mark_french


def lang_url(request: Request, lang: str) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    params.append(("lang", lang))
    return request.url.path + "?" + urlencode(params)


def journey_of(request: Request) -> Journey:
    cached = getattr(request.state, "journey", None)
    if cached is None:
        cached = state.decode(request.cookies.get(state.COOKIE))
        request.state.journey = cached
    return cached


def render(request: Request, name: str, *, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    lang: str = getattr(request.state, "lang", i18n.DEFAULT_LANG)
    t = i18n.translator(lang)
    journey = journey_of(request)
    other = [code for code in i18n.LANGS if code != lang]
    base = {
        "request": request,
        "t": t,
        "t_fr": french_values(lang),
        "lang": lang,
        "dir": i18n.direction(lang),
        "switch": [{"code": code, "url": lang_url(request, code),
                    "name": i18n.messages(code)["lang_name"]} for code in other],
        "journey": journey,
        "avatar": Markup(render_avatar(journey.avatar, lang, size=96,
                                       label=t("avatar_alt"))),
        "static_v": request.app.state.static_version,
        "path": request.url.path,
        "nav": "",
        "message": "",
        "helper_mode": request.cookies.get(state.HELPER_COOKIE) == "1",
    }
    base.update(ctx)
    html = env.get_template(name).render(**base)
    return HTMLResponse(html, status_code=status_code)
