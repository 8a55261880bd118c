"""Message catalogs and templates: same keys in every language, no text in templates."""

from __future__ import annotations

import re
import string
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tremplin.guide.journey import AVATAR_PARTS
from tremplin.web import i18n
from tremplin.web.avatar import render_avatar

TEMPLATES = Path(i18n.__file__).parent.parent / "templates"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_catalogs_have_the_same_keys_and_placeholders() -> None:
    fr, en = i18n.messages("fr"), i18n.messages("en")
    assert set(fr) == set(en)
    for key in fr:
        assert fr[key].strip() and en[key].strip(), key
        assert placeholders(fr[key]) == placeholders(en[key]), key
    assert fr["_dir"] in ("ltr", "rtl")


def _visible_text(source: str) -> str:
    s = re.sub(r"\{#.*?#\}", " ", source, flags=re.S)
    s = re.sub(r"\{%.*?%\}", " ", s, flags=re.S)
    s = re.sub(r"\{\{.*?\}\}", " ", s, flags=re.S)
    s = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", s, flags=re.S | re.I)
    s = re.sub(r"<!--.*?-->", " ", s, flags=re.S)
    # attributes people see or hear
    attrs = " ".join(re.findall(r'\b(?:alt|title|aria-label|placeholder)="([^"]*)"', s))
    attrs += " " + " ".join(re.findall(r'<input[^>]*type="(?:submit|button)"[^>]*value="([^"]*)"', s))
    text = re.sub(r"<[^>]*>", " ", s)
    return text + " " + attrs


@pytest.mark.parametrize("template", sorted(p.name for p in TEMPLATES.glob("*.html")))
def test_no_hard_coded_text_in_templates(template: str) -> None:
    text = _visible_text((TEMPLATES / template).read_text(encoding="utf-8"))
    shown = re.findall(r"[^\W\d_]{2,}", text)
    assert not shown, f"{template}: text outside the message catalogs: {shown[:10]}"


def test_every_literal_key_exists() -> None:
    keys = set(i18n.messages("fr"))
    for path in TEMPLATES.glob("*.html"):
        for key in re.findall(r"\bt\('([a-z0-9_]+)'\s*[,)]", path.read_text(encoding="utf-8")):
            assert key in keys, f"{path.name}: {key}"


def test_language_negotiation() -> None:
    assert i18n.negotiate("en", "fr", "fr-FR") == "en"
    assert i18n.negotiate(None, "en", "fr-FR") == "en"
    assert i18n.negotiate("de", None, "de-DE,en;q=0.8,fr;q=0.5") == "en"
    assert i18n.negotiate(None, None, None) == "fr"
    assert i18n.negotiate(None, "xx", "garbage;;;q=abc") == "fr"


@pytest.mark.parametrize("part", sorted(AVATAR_PARTS))
def test_every_avatar_option_is_drawn(part: str) -> None:
    for option in AVATAR_PARTS[part]:
        for lang in i18n.LANGS:
            svg = render_avatar({part: option}, lang, label="x")
            root = ElementTree.fromstring(svg)  # well-formed XML
            assert root.get("role") == "img" and root.get("aria-label")
            assert len(svg) < 6000
