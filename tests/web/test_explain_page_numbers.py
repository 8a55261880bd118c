"""The explain page writes numbers as its language does, says when no job is close, and the
two-words demo has a title of its own."""

from __future__ import annotations

import html as html_lib
import re

from tests.web.conftest import SyncClient


def _cells(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<td>([^<]*)</td>", body)


def _title(page: str) -> str:
    return html_lib.unescape(re.search(r"<title>(.*?)</title>", page, re.S).group(1)).strip()


def test_the_similarity_table_uses_decimal_commas_in_french(client: SyncClient) -> None:
    fr = _cells(client.get("/comment", params={"q": "cuisinier"}).text)
    en = _cells(client.get("/comment", params={"q": "cuisinier", "lang": "en"}).text)
    assert fr and all(re.fullmatch(r"\d,\d\d", c) for c in fr), fr
    assert en and all(re.fullmatch(r"\d\.\d\d", c) for c in en), en


def test_the_page_says_when_no_job_is_close(client: SyncClient) -> None:
    far = html_lib.unescape(client.get("/comment", params={"q": "kebab"}).text)
    near = html_lib.unescape(client.get("/comment", params={"q": "cuisinier"}).text)
    sentence = "Aucun métier ne ressemble vraiment à ta recherche"
    assert sentence in far and sentence not in near


def test_the_demo_has_its_own_title(client: SyncClient) -> None:
    plain = _title(client.get("/comment").text)
    demo = _title(client.get("/comment/demo", params={"a": "chat", "b": "chien"}).text)
    refused = _title(client.get("/comment/demo", params={"a": "", "b": "chien"}).text)
    assert demo != plain and demo.endswith(plain)
    assert refused == demo
