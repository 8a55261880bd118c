"""A job the tracks page does not show (the diversity step put it after the 10th place) is
still explained on /comment/metier: its place in the whole list and the true reason."""

from __future__ import annotations

import html as html_lib
import re

from tests.web.conftest import SyncClient

DIY = "je fais du placo, de la peinture et je pose du parquet"
# its 10 most relevant jobs are all of one domain (I16, mechanics): more than the cap of 7
SCOOTER = "je bricole mon scooter, je change les bougies et je règle le carbu"


def _codes(page: str) -> list[str]:
    return re.findall(r'href="/comment/metier/([A-N]\d{4})"', page)


def test_a_job_past_the_top_10_gets_its_place_and_reason(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": SCOOTER})
    shown = set(_codes(client.get("/comment").text))
    assert len(shown) == 10
    page = html_lib.unescape(client.get("/comment/metier/I1620").text)  # a mechanic
    assert "I1620" not in shown  # seven jobs of its domain are already in the list
    assert re.search(r"Ce métier est à la place 1[1-9] de ta liste complète", page), page[:400]
    assert "Tremplin a mis ce métier après les 10 premiers de ta liste" in page
    assert "D'autres métiers sont plus proches de tes réponses" not in page


def _cards(page: str) -> list[str]:
    return re.findall(r'<li class="card" id="job-([A-N]\d{4})"', page)


def _place(client: SyncClient, code: str) -> int:
    page = html_lib.unescape(client.get(f"/comment/metier/{code}").text)
    found = re.search(r"Ce métier est à la place (\d+)", page)
    assert found, page[:300]
    return int(found.group(1))


def test_places_match_the_list_shown_after_a_not_for_me(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": DIY})
    before = _cards(client.get("/parcours/pistes", params={"plus": "1"}).text)
    down = before[14]  # card 15: "not for me" sends it to the end
    client.post("/parcours/pistes/avis", data={"code": down, "vote": "-1", "rank": "15",
                                               "plus": "1"})
    shown = _cards(client.get("/parcours/pistes", params={"plus": "2"}).text)
    assert shown[-1] == down
    for code in shown[12:18]:  # around the card that moved: the explanation says the same place
        assert _place(client, code) == shown.index(code) + 1, code


def test_a_turned_down_top_job_is_not_said_to_stay_at_the_top(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": DIY})
    second = _cards(client.get("/parcours/pistes").text)[1]
    client.post("/parcours/pistes/avis", data={"code": second, "vote": "-1", "rank": "2"})
    page = html_lib.unescape(client.get(f"/comment/metier/{second}").text)
    assert "Tu as dit « Pas pour moi » pour ce métier" in page
    assert "C'est l'un des 3 métiers qui te vont le mieux" not in page
