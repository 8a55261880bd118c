"""The tracks page shows 10 ideas and, on request, 10 more twice: a job the diversity step
put after the 10th place can be seen there, and a vote keeps the longer list."""

from __future__ import annotations

import re

from tests.web.conftest import SyncClient

DIY = "je fais du placo, de la peinture et je pose du parquet"
# its 10 most relevant jobs are all of one domain (I16, mechanics): more than the cap of 7
SCOOTER = "je bricole mon scooter, je change les bougies et je règle le carbu"


def _cards(page: str) -> list[str]:
    return re.findall(r'<li class="card" id="job-([A-N]\d{4})"', page)


def test_ten_more_ideas_twice_then_no_more(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": SCOOTER})
    first = client.get("/parcours/pistes").text
    assert len(_cards(first)) == 10 and "I1620" not in _cards(first)
    assert 'href="/parcours/pistes?plus=1#suite"' in first
    more = client.get("/parcours/pistes", params={"plus": "1"}).text
    cards = _cards(more)
    assert len(cards) == 20 and cards[:10] == _cards(first)
    assert cards[10] == "I1620"  # a mechanic, passed over by the diversity step, is next
    assert re.search(r'<h2 lang="fr" id="suite" tabindex="-1"><a href="/metiers/'
                     + cards[10], more)
    most = client.get("/parcours/pistes", params={"plus": "2"}).text
    assert len(_cards(most)) == 30 and "plus=3" not in most
    odd = client.get("/parcours/pistes", params={"plus": "9"}).text
    assert len(_cards(odd)) == 10


def test_a_vote_in_the_longer_list_keeps_it(client: SyncClient) -> None:
    client.post("/parcours/competences/experience", data={"text": DIY})
    more = client.get("/parcours/pistes", params={"plus": "1"}).text
    code = _cards(more)[12]
    assert '<input type="hidden" name="plus" value="1">' in more
    sent = client.post("/parcours/pistes/avis", data={"code": code, "vote": "1", "rank": "13",
                                                      "plus": "1"}, follow_redirects=False)
    assert sent.headers["location"].startswith("/parcours/pistes?plus=1&ok=thumbs")
    assert sent.headers["location"].endswith(f"#job-{code}")
