"""The JSON API through the real ASGI app and the real catalog."""

from __future__ import annotations

import logging

import pytest

from tests.web.conftest import SyncClient

PROBLEM = "application/problem+json"


def assert_problem(r, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    assert body["detail"]
    return body


def test_job_sheet(client: SyncClient) -> None:
    r = client.get("/api/v1/jobs/D1102")
    assert r.status_code == 200
    job = r.json()
    assert job["code"] == "D1102"
    assert "Boulanger" in job["label"]
    assert job["titles"] and job["competences"] and job["contexts"] and job["mobilities"]
    assert any("CAP" in t["title"] for t in job["trainings"])
    assert all(t["url"] == t["rncp_url"] for t in job["trainings"] if t["rncp_url"])
    assert any(t["url"].startswith("https://") for t in job["trainings"])
    assert job["certifications"]
    assert {t["entry_level"] for t in job["trainings"]} >= {3}  # the CAP, said as a number
    # ONISEP names no métier of the phone repairer: no other job's trainings said to lead there
    assert client.get("/api/v1/jobs/I1407").json()["trainings"] == []
    # lower-case codes are accepted
    assert client.get("/api/v1/jobs/d1102").json()["code"] == "D1102"


def test_job_not_found_is_a_problem(client: SyncClient) -> None:
    body = assert_problem(client.get("/api/v1/jobs/N9999"), 404)
    assert "N9999" in body["detail"]
    assert_problem(client.get("/api/v1/jobs/not-a-code"), 422)
    assert_problem(client.get("/api/v1/nothing-here"), 404)


def test_validation_errors_are_problems(client: SyncClient) -> None:
    body = assert_problem(client.get("/api/v1/search"), 422)
    assert body["errors"][0]["field"] == "query.q"
    assert_problem(client.get("/api/v1/search", params={"q": "x" * 201}), 422)
    assert_problem(client.get("/api/v1/search", params={"q": "boulanger", "limit": 0}), 422)
    assert_problem(client.post("/api/v1/match", json={"titles": ["a"] * 101}), 422)
    assert_problem(client.post("/api/v1/match", json={"titles": []}), 422)
    assert_problem(client.post("/api/v1/competences/suggest", json={"text": "x" * 1001}), 422)
    assert_problem(client.post("/api/v1/competences/suggest", json={"text": "🙂🙂"}), 422)
    assert_problem(client.post("/api/v1/recommendations", content=b"{not json",
                               headers={"content-type": "application/json"}), 422)
    assert_problem(client.get("/api/v1/riasec/questions", params={"lang": "de"}), 422)


def test_a_body_that_is_not_json_is_said_so(client: SyncClient) -> None:
    for kind, content in (("text/plain", b'{"text": "je fais du pain"}'),
                          ("application/x-www-form-urlencoded", b"text=je+fais+du+pain"),
                          (None, b'{"text": "je fais du pain"}')):
        headers = {"content-type": kind} if kind else {}
        body = assert_problem(client.post("/api/v1/competences/suggest", content=content,
                                          headers=headers), 415)
        assert "application/json" in body["detail"] and body["errors"][0]["message_fr"]
    # JSON with a charset, or a +json type, is JSON
    ok = client.post("/api/v1/competences/suggest", content=b'{"text": "je fais du pain"}',
                     headers={"content-type": "application/json; charset=utf-8"})
    assert ok.status_code == 200, ok.text


def test_a_limit_is_a_json_integer(client: SyncClient) -> None:
    # true counted as 1 and "5" as 5: an integrator's bug went unseen
    for limit in (True, "5", 2.5):
        assert_problem(client.post("/api/v1/competences/suggest",
                                   json={"text": "je fais du pain", "limit": limit}), 422)
        assert_problem(client.post("/api/v1/recommendations",
                                   json={"profile": {"riasec": {"S": 1.0}}, "limit": limit}), 422)
    ok = client.post("/api/v1/competences/suggest", json={"text": "je fais du pain", "limit": 2})
    assert ok.status_code == 200 and len(ok.json()["results"]) == 2


def test_an_empty_text_names_its_field_in_both_languages(client: SyncClient) -> None:
    body = assert_problem(client.post("/api/v1/competences/suggest", json={"text": "   "}), 422)
    assert body["errors"][0]["field"] == "text" and "vide" in body["errors"][0]["message_fr"]


def test_body_size_limit(client: SyncClient) -> None:
    big = b'{"text": "' + b"a" * 70_000 + b'"}'
    assert_problem(client.post("/api/v1/competences/suggest", content=big,
                               headers={"content-type": "application/json"}), 413)


def test_body_size_limit_holds_without_a_declared_length(client: SyncClient) -> None:
    # chunked transfer: no Content-Length to check up front; the body is counted as it comes
    async def chunks():  # type: ignore[no-untyped-def]
        yield b'{"text": "'
        for _ in range(100):
            yield b"a" * 10_000
        yield b'"}'

    r = client.post("/api/v1/competences/suggest", content=chunks(),
                    headers={"content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in r.request.headers}
    body = assert_problem(r, 413)
    assert "65536" in body["detail"] or "bytes" in body["detail"]
    page = client.post("/parcours/competences/experience", content=chunks(),
                       headers={"content-type": "application/x-www-form-urlencoded"})
    assert page.status_code == 413


def test_method_not_allowed_is_a_problem(client: SyncClient) -> None:
    assert_problem(client.post("/api/v1/jobs/D1102"), 405)


def test_places_by_postcode_and_point(client: SyncClient) -> None:
    r = client.get("/api/v1/places", params={"postcode": "75011"})
    assert r.status_code == 200
    body = r.json()
    assert body["places"] and body["snapshot_date"]
    assert all(p["distance_km"] <= 10 for p in body["places"])
    r = client.get("/api/v1/places", params={"lat": 48.8566, "lon": 2.3522, "radius_km": 2})
    places = r.json()["places"]
    assert places and places == sorted(places, key=lambda p: p["distance_km"])
    assert_problem(client.get("/api/v1/places"), 422)
    assert_problem(client.get("/api/v1/places", params={"postcode": "7501"}), 422)
    assert_problem(client.get("/api/v1/places", params={"lat": 48.8, "lon": 2.3, "radius_km": 500}), 422)
    assert_problem(client.get("/api/v1/places", params={"postcode": "75011", "lat": 48.8, "lon": 2.3}), 422)


def test_openapi_has_examples_and_limits(client: SyncClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/v1/search", "/api/v1/autocomplete", "/api/v1/jobs/{code}",
                 "/api/v1/recommendations", "/api/v1/competences/suggest",
                 "/api/v1/riasec/questions", "/api/v1/places", "/api/v1/match"):
        assert path in paths, path
    q = next(p for p in paths["/api/v1/search"]["get"]["parameters"] if p["name"] == "q")
    assert q["schema"]["maxLength"] == 200 and q["schema"]["examples"]
    assert "Input limits" in spec["info"]["description"]


def test_docs_page_is_self_contained(client: SyncClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200
    assert "/api/v1/search" in r.text
    assert "cdn" not in r.text.lower() and "https://" not in r.text.split("<main", 1)[0]


def test_cors_is_off_by_default_and_configurable(settings, web_services) -> None:  # type: ignore[no-untyped-def]
    from tremplin.web.app import create_app

    closed = SyncClient(create_app(settings, services=web_services, cors=[]))
    r = closed.get("/api/v1/jobs/D1102", headers={"Origin": "https://partner.example"})
    assert "access-control-allow-origin" not in r.headers
    closed.close()
    opened = SyncClient(create_app(settings, services=web_services, cors=["https://partner.example"]))
    r = opened.get("/api/v1/jobs/D1102", headers={"Origin": "https://partner.example"})
    assert r.headers["access-control-allow-origin"] == "https://partner.example"
    opened.close()


def test_no_personal_data_in_logs(client: SyncClient, caplog: pytest.LogCaptureFixture) -> None:
    secret = "J'habite 12 rue des Lilas"
    with caplog.at_level(logging.DEBUG):
        client.get("/api/v1/places", params={"postcode": "75011"})
        client.post("/api/v1/competences/suggest", json={"text": secret})
        client.get("/api/v1/search", params={"q": "marie dupont 0612345678"})
    # the server side's records (httpx's own client log is the test's, not the server's)
    text = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("httpx"))
    assert "75011" not in text and "Lilas" not in text and "0612345678" not in text
    assert "/api/v1/places" in text  # the access log keeps method, path, status, duration


def test_search_finds_misspelled_job(client: SyncClient, need_search: None) -> None:
    r = client.get("/api/v1/search", params={"q": "boulangé", "limit": 5})
    assert r.status_code == 200
    results = r.json()["results"]
    assert results and results[0]["code"] == "D1102"
    assert results[0]["reason"] in ("exact", "close_spelling", "similar_meaning", "alias")


def test_autocomplete(client: SyncClient, need_search: None) -> None:
    r = client.get("/api/v1/autocomplete", params={"q": "boul"})
    assert r.status_code == 200
    assert r.json()["suggestions"]


def test_match_batch(client: SyncClient, need_search: None) -> None:
    r = client.post("/api/v1/match", json={"titles": ["boulanger", "mecano auto", "nurse"], "k": 2})
    assert r.status_code == 200
    assert len(r.json()["results"]) == 3


def test_riasec_and_suggest_and_recommend(client: SyncClient, need_recommend: None) -> None:
    qs = client.get("/api/v1/riasec/questions", params={"lang": "en"}).json()["questions"]
    assert len(qs) >= 6
    r = client.post("/api/v1/competences/suggest",
                    json={"text": "J'ai fait du pain et des croissants chez un boulanger"})
    assert r.status_code == 200 and r.json()["results"]
    ogrs = [c["ogr"] for c in r.json()["results"] if "ogr" in c]
    r = client.post("/api/v1/recommendations",
                    json={"profile": {"competences": ogrs}, "limit": 5})
    assert r.status_code in (200, 422), r.text
    assert_problem(client.post("/api/v1/recommendations", json={"profile": {"nope": 1}}), 422)


def test_suggest_says_when_a_text_names_the_persons_job(client: SyncClient,
                                                       need_recommend: None) -> None:
    r = client.post("/api/v1/competences/suggest", json={"text": "I was a nurse", "limit": 5})
    assert r.status_code == 200, r.text
    assert r.json()["own_job"] == [
        {"code": "J1506", "title": "Infirmier / Infirmière en soins généraux (IDE)"}]
    job = client.get("/api/v1/jobs/J1506").json()
    asked = {c["label"] for c in job["competences"]} | {c["label"] for c in job.get("knowledge", [])}
    labels = [c["label"] for c in r.json()["results"]]
    assert len(labels) == 5 and sum(lb in asked for lb in labels) >= 4, labels
    # someone else's job is not the person's own
    other = client.post("/api/v1/competences/suggest", json={"text": "ma voisine est infirmière"})
    assert other.status_code == 200 and other.json()["own_job"] == []


def test_recommendations_explained_in_english(client: SyncClient, need_recommend: None) -> None:
    body = {"profile": {"competences": [107371], "riasec": {"S": 1.0}}, "limit": 3}
    fr = client.post("/api/v1/recommendations", json=body).json()["results"]
    en = client.post("/api/v1/recommendations", json={**body, "lang": "en"}).json()["results"]
    assert [r["code"] for r in en] == [r["code"] for r in fr]
    assert fr[0]["why"]["parts"]["coverage"]["text"].startswith("Tu as")
    assert en[0]["why"]["parts"]["coverage"]["text"].startswith("You already have")
    assert_problem(client.post("/api/v1/recommendations", json={**body, "lang": "de"}), 422)


def test_concurrent_identical_queries_are_computed_once(client: SyncClient, web_services,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         need_search: None) -> None:
    import asyncio
    import time

    calls = []
    original = web_services.results_json_async

    async def counting(q: str, limit: int) -> bytes:
        calls.append(q)
        await asyncio.sleep(0.2)  # long enough for the other requests to arrive meanwhile
        return await original(q, limit)

    monkeypatch.setattr(web_services, "results_json_async", counting)
    q = f"macon coffreur {time.time_ns()}"

    async def burst() -> list:  # type: ignore[type-arg]
        return await asyncio.gather(*(client.client.get("/api/v1/search", params={"q": q})
                                      for _ in range(5)))

    responses = client.loop.run_until_complete(burst())
    assert [r.status_code for r in responses] == [200] * 5
    assert len({r.content for r in responses}) == 1
    assert len(calls) == 1
    # and a repeated query is then answered from the cache without computing again
    assert client.get("/api/v1/search", params={"q": q.upper()}).status_code == 200
    assert len(calls) == 1


def test_the_event_loop_keeps_answering_while_the_encoder_works(
        client: SyncClient, monkeypatch: pytest.MonkeyPatch, need_search: None) -> None:
    import asyncio
    import time

    from tremplin import embeddings

    real = embeddings.encode_uncached

    def slow(texts: list[str], batch_size: int = 64) -> embeddings.Vectors:
        time.sleep(0.6)
        return real(texts, batch_size=batch_size)

    monkeypatch.setattr(embeddings, "encode_uncached", slow)
    finished: dict[str, float] = {}

    async def timed(name: str, q: str, delay: float) -> int:
        await asyncio.sleep(delay)
        r = await client.client.get("/api/v1/search", params={"q": q})
        finished[name] = time.monotonic()
        return r.status_code

    async def both() -> list[int]:
        return await asyncio.gather(timed("new", f"grutier portuaire {time.time_ns()}", 0.0),
                                    timed("known", "Plombière", 0.1))

    t0 = time.monotonic()
    assert client.loop.run_until_complete(both()) == [200, 200]
    assert finished["known"] < finished["new"]  # not stuck behind the encoder
    assert finished["known"] - t0 < 0.5 < finished["new"] - t0


def test_interest_centres_are_listed_and_checked(client: SyncClient, need_recommend: None) -> None:
    centres = client.get("/api/v1/interest-centres").json()["centres"]
    assert len(centres) == 30 and {"code", "label", "definition"} <= set(centres[0])
    code = next(c["code"] for c in centres if "animaux" in c["label"])
    r = client.post("/api/v1/recommendations",
                    json={"profile": {"interest_centres": [code]}, "limit": 3})
    assert r.status_code == 200, r.text
    assert r.json()["results"][0]["why"]["interest_centres"][0]["code"] == code
    body = assert_problem(client.post("/api/v1/recommendations",
                                      json={"profile": {"interest_centres": ["99"]}}), 422)
    assert "99" in body["detail"]


def test_domains_are_listed_and_checked(client: SyncClient, need_recommend: None) -> None:
    grand = client.get("/api/v1/domains").json()["domains"]
    assert [g["code"] for g in grand] == list("ABCDEFGHIJKLMN")
    assert all(g["jobs"] == sum(d["jobs"] for d in g["domains"]) for g in grand)
    profile = {"riasec": {"S": 1.0}, "constraints": {"avoided_domains": ["K", "J"]}}
    r = client.post("/api/v1/recommendations", json={"profile": profile, "limit": 10})
    assert r.status_code == 200, r.text
    codes = [x["code"] for x in r.json()["results"]]
    assert codes and not any(c[0] in "KJ" for c in codes)
    profile["constraints"] = {"avoided_domains": ["K", "K99"]}
    body = assert_problem(client.post("/api/v1/recommendations", json={"profile": profile}), 422)
    assert "K99" in body["detail"]


def test_refused_profiles_name_the_field_in_both_languages(client: SyncClient) -> None:
    body = assert_problem(client.post("/api/v1/recommendations", json={
        "profile": {"experiences": [{"text": "je garde des enfants"}, {"text": "🙂🙂"}]}}), 422)
    error = body["errors"][0]
    assert error["field"] == "profile.experiences[1].text"
    assert "no words" in error["message"] and "aucun mot" in error["message_fr"]
    nothing = assert_problem(client.post("/api/v1/recommendations", json={
        "profile": {"experiences": [{"text": "zzz qwerty"}]}}), 422)["errors"][0]
    assert nothing["field"] == "profile.experiences[0].text"
    assert "does not say" in nothing["message"] and "« zzz qwerty »" in nothing["message_fr"]
    empty = assert_problem(client.post("/api/v1/recommendations", json={"profile": {}}), 422)
    assert empty["errors"][0]["field"] == "profile"
    bad_json = assert_problem(client.post("/api/v1/recommendations", content=b'{"profile": {',
                                          headers={"content-type": "application/json"}), 422)
    assert bad_json["errors"][0]["field"] == "body"
    text = assert_problem(client.post("/api/v1/competences/suggest", json={"text": "..."}), 422)
    assert text["errors"][0]["field"] == "text"


def test_a_stored_code_can_be_looked_up(client: SyncClient, need_recommend: None) -> None:
    recs = client.post("/api/v1/recommendations",
                       json={"profile": {"competences": [124960]}, "limit": 1}).json()["results"]
    matched = recs[0]["why"]["matched"][0]
    assert matched["kind"] in ("competence", "soft", "macro", "knowledge", "context", "certification")
    item = client.get(f"/api/v1/competences/{matched['ogr']}").json()
    assert item["label"] == matched["label"] and item["kind"] == matched["kind"]
    assert item["jobs"] >= 1
    assert client.get("/api/v1/competences/124960").json()["label"].startswith("Défourner")
    assert_problem(client.get("/api/v1/competences/1"), 404)
    assert_problem(client.get("/api/v1/competences/abc"), 422)
    wrong = client.get("/api/v1/competences/suggest")  # not a code: the suggest route's method
    assert_problem(wrong, 405)
    assert wrong.headers["allow"] == "POST"


def test_answers_conform_to_their_documented_schemas(client: SyncClient, need_recommend: None) -> None:
    from tremplin.web.api import models

    profile = {"competences": [124960], "riasec": "S,A", "interest_centres": ["17"],
               "experiences": [{"text": "j'aide ma mère au restaurant"},
                               {"text": "je garde des enfants", "confirmed_competences": [],
                                "removed_competences": [], "reviewed": True}],
               "constraints": {"max_study_level": 4, "avoided_domains": ["H"]}}
    for lang in ("fr", "en"):
        r = client.post("/api/v1/recommendations", json={"profile": profile, "lang": lang})
        out = models.RecommendationsOut.model_validate(r.json())  # extra fields are refused
        assert out.results and any(m.guessed for x in out.results for m in x.why.matched)
        assert "paths" in out.results[0].why.parts
    spec = client.get("/openapi.json").json()
    body = spec["components"]["schemas"]["RecommendIn"]["properties"]["profile"]
    assert set(body["properties"]) == set(profile)  # the profile is described, not just "object"
    checks = {
        "/api/v1/competences/suggest": (models.SuggestionsOut, {"text": "je répare des vélos"}),
        "/api/v1/riasec/score": (models.RiasecScoreOut, {"answers": {"r1": 2, "s1": 1}}),
    }
    for path, (model, payload) in checks.items():
        model.model_validate(client.post(path, json=payload).json())
        assert spec["paths"][path]["post"]["responses"]["200"]["content"]
    models.DomainsOut.model_validate(client.get("/api/v1/domains").json())
    models.InterestCentresOut.model_validate(client.get("/api/v1/interest-centres").json())
    models.QuestionsOut.model_validate(client.get("/api/v1/riasec/questions").json())
    models.ItemOut.model_validate(client.get("/api/v1/competences/124960").json())
    from typing import get_args

    from tremplin.recommend.index import KIND_WEIGHT, SUGGESTABLE
    assert set(get_args(models.ItemKind)) == set(KIND_WEIGHT)  # the schema's enums follow the
    assert set(get_args(models.SuggestedKind)) == set(SUGGESTABLE)  # engine's item kinds
    matched_kind = spec["components"]["schemas"]["MatchedOut"]["properties"]["kind"]
    assert set(matched_kind["enum"]) == set(KIND_WEIGHT) | {"job_title"}
    for code in ("D1102", "G1803", "I1407", "J1506"):  # with and without trainings
        models.JobOut.model_validate(client.get(f"/api/v1/jobs/{code}").json())
    assert spec["paths"]["/api/v1/jobs/{code}"]["get"]["responses"]["200"]["content"]
    score = client.post("/api/v1/riasec/score", json={"answers": {"r1": 2, "r2": 2, "s1": 1}}).json()
    assert score["top"] == ["R", "S"] and score["scores"]["R"] == round(4 / 6, 4)
    bad = assert_problem(client.post("/api/v1/riasec/score", json={"answers": {"r1": 5}}), 422)
    assert bad["errors"][0]["field"] == "answers.r1"


def test_a_postcode_brings_places_that_can_help(client: SyncClient, need_recommend: None) -> None:
    from tremplin.web.api import models

    profile = {"experiences": [{"text": "je répare des vélos"}]}
    plain = client.post("/api/v1/recommendations", json={"profile": profile, "limit": 2}).json()
    assert "places" not in plain  # no postcode: nothing about places
    body = {"profile": {**profile, "constraints": {"postcode": "93200"}}, "limit": 2}
    r = client.post("/api/v1/recommendations", json=body)
    out = models.RecommendationsOut.model_validate(r.json())
    assert out.places and len(out.places) <= 4
    assert all(p.distance_km is not None and p.distance_km <= 5 for p in out.places)
    assert [x.code for x in out.results] == [x["code"] for x in plain["results"]]
    far = client.post("/api/v1/recommendations", json={
        "profile": {**profile, "constraints": {"postcode": "98799"}}, "limit": 2}).json()
    assert far["places"] == []  # a postcode nobody helps in says so, it is not left out


def test_the_api_sets_no_cookie(client: SyncClient, need_recommend: None) -> None:
    r = client.get("/api/v1/riasec/questions", params={"lang": "en"})
    assert r.status_code == 200 and "set-cookie" not in r.headers
    assert "set-cookie" in client.get("/", params={"lang": "en"}).headers  # pages remember it


def test_framework_refusals_are_worded_in_french_too(client: SyncClient) -> None:
    r = client.post("/api/v1/recommendations", json={"profile": {"competences": [107371]},
                                                     "limit": 0})
    body = assert_problem(r, 422)
    assert body["errors"][0]["field"] == "limit"
    assert body["errors"][0]["message_fr"] == "Doit valoir au moins 1."


@pytest.mark.parametrize("raw", [
    "{\"profile\": {\"experiences\": [{\"text\": \"j'ai gard\xe9\"}]}}".encode("latin-1"),
    b'{"profile": {"competences": [' + b"9" * 5000 + b"]}}",
])
def test_unreadable_bodies_say_what_to_send(client: SyncClient, raw: bytes) -> None:
    r = client.post("/api/v1/recommendations", content=raw,
                    headers={"content-type": "application/json"})
    body = assert_problem(r, r.status_code)
    assert r.status_code in (400, 422) and body["errors"][0]["field"] == "body"
    assert "UTF-8" in body["detail"] or "UTF-8" in body["errors"][0]["message"]
    assert body["errors"][0]["message_fr"]
