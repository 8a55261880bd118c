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


def test_french_labels_inside_an_english_sentence_are_marked_french() -> None:
    from tremplin.web.templating import french_values

    en = french_values("en")
    html = str(en("tracks_matched", what="Accueillir <un> client"))
    assert html.startswith(i18n.messages("en")["tracks_matched"].split("{what}")[0])
    assert '<span lang="fr">Accueillir &lt;un&gt; client</span>' in html
    fr = french_values("fr")
    plain = str(fr("tracks_matched", what="Accueillir <un> client"))
    assert "<span" not in plain and "&lt;un&gt;" in plain  # a French page needs no mark
    both = str(en("search_count", n=3, q="plombier"))  # several values, each marked
    assert both.count('<span lang="fr">') == 2 and ">3</span>" in both


def test_french_labels_quoted_in_an_engine_sentence_are_marked_french() -> None:
    from tremplin.web.templating import env

    mark = env.filters["mark_french"]
    text = "People move to this job from jobs close to yours (Boulanger / Boulangère, A<B): up."
    html = str(mark(text, ["Boulanger / Boulangère", "A<B", "absent"], "en"))
    assert '(<span lang="fr">Boulanger / Boulangère</span>, <span lang="fr">A&lt;B</span>)' in html
    assert html.endswith("): up.")
    assert str(mark(text, ["Boulanger / Boulangère"], "fr")) == text.replace("<", "&lt;")
    assert str(mark(text, [], "en")) == text.replace("<", "&lt;")
