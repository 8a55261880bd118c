"""A job the tracks page does not show (the diversity step put it after the 10th place) is
still explained on /comment/metier: its place in the whole list and the true reason."""

from __future__ import annotations

import html as html_lib
import re

from tests.web.conftest import SyncClient

DIY = "je fais du placo, de la peinture et je pose du parquet"


def _codes(page: str) -> list[str]:
    return re.findall(r'href="/comment/metier/([A-N]\d{4})"', page)


def test_a_job_past_the_top_10_gets_its_place_and_reason(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": DIY})
    shown = set(_codes(client.get("/comment").text))
    assert len(shown) == 10
    page = html_lib.unescape(client.get("/comment/metier/F1601").text)  # Plâtrier
    assert "F1601" not in shown  # three jobs of its domain are already in the list
    assert re.search(r"Ce métier est à la place 1[1-9] de ta liste complète", page), page[:400]
    assert "Tremplin a mis ce métier après les 10 premiers de ta liste" in page
    assert "D'autres métiers sont plus proches de tes réponses" not in page
