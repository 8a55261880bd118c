"""An experience naming one's own job amid other words ("j'ai travaillé 5 ans dans le bâtiment
comme maçon") is reviewed with that job's key competences too: the words around the job
("bâtiment") lead the other suggestions, and the journey counts only what is ticked."""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

import pytest

from tests.web.conftest import SyncClient
from tremplin.web import state

from .browser_support import Visit, assert_no_serious, audit

MASON = "j'ai travaillé 5 ans dans le bâtiment comme maçon"
JOB_GROUP = re.compile(r'<fieldset class="chips own-job">(.*?)</fieldset>', re.S)
WORDS_GROUP = re.compile(r'<fieldset class="chips">(.*?)</fieldset>', re.S)
BOX = re.compile(r'name="ogr" value="(\d+)"')


def _review(client: SyncClient, text: str) -> str:
    r = client.post("/parcours/competences/experience", data={"text": text})
    return html_lib.unescape(client.get(r.headers["location"]).text)


def _groups(page: str) -> tuple[list[int], list[int]]:
    words = WORDS_GROUP.search(page)
    job = JOB_GROUP.search(page)
    return ([int(o) for o in BOX.findall(words.group(1))] if words else [],
            [int(o) for o in BOX.findall(job.group(1))] if job else [])


def _keep(client: SyncClient, page: str, ogrs: list[int]) -> None:
    key = re.search(r'name="key" value="([0-9a-f]+)"', page)
    assert key
    client.post("/parcours/competences/revoir",
                data={"exp": "0", "key": key.group(1), "ogr": [str(o) for o in ogrs]})


def _tracks(client: SyncClient) -> list[str]:
    return re.findall(r'<li class="card" id="job-([A-Z]\d{4})"', client.get("/parcours/pistes").text)


def _asked(client: SyncClient, code: str) -> dict[str, int]:
    return {c["label"]: c["ogr"] for c in client.get(f"/api/v1/jobs/{code}").json()["competences"]}


def test_the_mason_ticks_what_a_mason_does(client: SyncClient) -> None:
    page = _review(client, MASON)
    assert ('Ton métier : <strong lang="fr">Maçon / Maçonne</strong>. Voici ce que ce métier '
            "demande le plus. Coche ce que tu sais faire.") in page
    words, job = _groups(page)
    # at most 10 boxes on the screen: 5 from the words, 5 of the job's key competences
    assert len(words) == 5 and len(job) == 5 and not set(words) & set(job)
    assert set(job) <= set(_asked(client, "F1703").values())
    _keep(client, page, job)
    kept = state.decode(client.cookies.get(state.COOKIE)).experiences[0]
    assert set(kept.competences) == set(job)
    # with them, the jobs ROME says a mason moves to come up (Coffreur), not only architects
    assert "F1701" in _tracks(client)


def test_the_words_alone_do_not_lead_to_the_mason_s_moves(client: SyncClient) -> None:
    page = _review(client, MASON)
    words, _ = _groups(page)
    _keep(client, page, words)
    assert "F1701" not in _tracks(client)  # what the job's own competences bring above


def test_a_job_competence_not_offered_is_not_kept(client: SyncClient) -> None:
    page = _review(client, MASON)
    _, job = _groups(page)
    baker = next(iter(_asked(client, "D1102").values()))
    _keep(client, page, [job[0], baker])
    kept = state.decode(client.cookies.get(state.COOKIE)).experiences[0]
    assert kept.competences == (job[0],)


def test_no_job_group_without_a_job_of_one_s_own(client: SyncClient) -> None:
    page = _review(client, "je répare des vélos")
    words, job = _groups(page)
    assert job == [] and "Ton métier" not in page and 0 < len(words) <= 8
    # a job name alone: every suggestion is already that job's, said above them
    page = _review(client, "je suis mécano")
    assert _groups(page)[1] == [] and "Tu as écrit le nom d'un métier" in page


def test_the_api_offers_the_job_s_key_competences_apart(client: SyncClient) -> None:
    out = client.post("/api/v1/competences/suggest", json={"text": MASON, "limit": 5}).json()
    [job] = out["own_job_key_competences"]
    assert job["code"] == "F1703" and job["title"] == "Maçon / Maçonne"
    offered = {r["ogr"] for r in out["results"]}
    got = {c["ogr"] for c in job["competences"]}
    assert len(got) == 5 and not got & offered and out["own_job"] == []
    assert got <= set(_asked(client, "F1703").values()) | {
        c["ogr"] for c in client.get("/api/v1/jobs/F1703").json().get("knowledge", [])}
    alone = client.post("/api/v1/competences/suggest", json={"text": "je suis mécano"}).json()
    assert alone["own_job_key_competences"] == [] and alone["own_job"]


@pytest.mark.browser
def test_the_review_with_the_job_group_on_a_phone(browser: Any, live_server: str, axe_source: str,
                                                   need_recommend: None) -> None:
    with Visit(browser, live_server, 360) as visit:
        page = visit.page
        visit.goto("/parcours/competences")
        page.fill("#exp-text", MASON)
        page.click("text=Trouver mes compétences")
        page.wait_for_url(re.compile(r"/parcours/competences\?.*revoir=0"))
        group = page.locator("fieldset.own-job")
        assert group.locator("legend").inner_text().startswith("Ton métier : Maçon / Maçonne.")
        assert group.locator("input[name=ogr]").count() == 5
        assert_no_serious(audit(page, axe_source))
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1
        group.locator("input[name=ogr]").nth(0).check()
        page.click("text=Garder ce que j'ai coché")
        page.wait_for_url(re.compile(r"/parcours/competences"))
        assert page.locator("ul.chips li").count() == 1
