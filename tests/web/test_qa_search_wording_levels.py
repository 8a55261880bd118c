"""QA: /recherche words a level of meaning as /comment/demo does for the same pair, and the
overclaims found by QA (a shared word read as a meaning) are worded as loose resemblances."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from tests.web.conftest import SyncClient


def _text(page: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", page))


def _verdict(client: SyncClient, a: str, b: str, lang: str = "fr") -> str:
    page = _text(client.get("/comment/demo", params={"a": a, "b": b, "lang": lang}).text)
    found = re.search(r"Verdict ?: ([^.]+)\.", page)
    assert found, page[-400:]
    return found.group(1)


def test_the_strongest_level_reads_as_the_demo_in_both_languages(client: SyncClient) -> None:
    fr = _text(client.get("/recherche", params={"q": "poésie"}).text)
    assert "Presque le même sens : « Poétesse »" in fr and "Veut dire" not in fr
    assert _verdict(client, "poésie", "Poétesse") == "presque le même sens"
    en = client.get("/recherche", params={"q": "poésie", "lang": "en"}).text
    assert 'Almost the same meaning: “<span lang="fr">Poétesse</span>”' in en
    assert "Means almost the same" not in en
    assert _verdict(client, "poésie", "Poétesse", "en") == "almost the same meaning"


def test_the_middle_level_says_maybe_as_the_demo(client: SyncClient) -> None:
    fr = _text(client.get("/recherche", params={"q": "pizza"}).text)
    assert "Sens peut-être proche : « Pizzaïola »" in fr
    assert _verdict(client, "pizza", "Pizzaïola") == "peut-être liés"


@pytest.mark.parametrize(("q", "quoted"), [
    ("aide soignante", "Aide-comptable"), ("aide soignante", "Aide-vachère"),
    ("mecano auto", "ingénieur automobile"), ("dev web", "Animateur web"),
    ("prof des écoles", "Professeure des universités"),
])
def test_qa_overclaims_read_as_loose_resemblances(client: SyncClient, q: str, quoted: str) -> None:
    page = _text(client.get("/recherche", params={"q": q}).text)
    assert f"Ressemble de loin : « {quoted} »" in page
    for claim in ("Presque le même sens", "Sens peut-être proche", "Veut dire"):
        assert f"{claim} : « {quoted} »" not in page
