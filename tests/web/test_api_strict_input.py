"""The API after the integrator's QA (2026-11-29): queries without letters, repeated JSON keys,
input the published schema forbids, the schema of every answer, one error shape, HEAD."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.web.conftest import SyncClient

PROBLEM = "application/problem+json"
B = "/api/v1"
JSON = {"content-type": "application/json"}


def problem_of(r: httpx.Response, status: int) -> dict[str, Any]:
    """The body of an error answer, checked against the one documented shape
    (models.ProblemOut, which the schemathesis run checks too)."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = r.json()
    assert set(body) == {"type", "title", "status", "detail", "errors"}, body
    assert body["status"] == status and body["detail"] and body["errors"], body
    for e in body["errors"]:
        assert set(e) == {"field", "message", "message_fr"}, e
        assert e["field"] and e["message"] and e["message_fr"]
        assert e["message_fr"] != e["message"], e  # French, not the English again
        assert " / " not in e["message"] and " / " not in e["message_fr"], e  # one language
    assert " / " not in body["detail"]
    return body


# --- 1. a query without any letter names nothing -------------------------------------------

@pytest.mark.parametrize("q", ["!!!!", "🙂🙂🙂🙂", "@@@", "😀 😀 😀", "…", "12", "-", "???"])
def test_a_search_without_letters_finds_nothing(client: SyncClient, need_search: None,
                                               q: str) -> None:
    r = client.get(f"{B}/search", params={"q": q, "limit": 3})
    assert r.status_code == 200, r.text
    assert r.json() == {"query": q, "results": []}


def test_match_maps_no_title_without_letters(client: SyncClient, need_search: None) -> None:
    r = client.post(f"{B}/match", json={"titles": ["🙂", "…", "boulanger", "ممرضة"], "k": 1})
    assert r.status_code == 200, r.text
    junk_a, junk_b, baker, nurse = r.json()["results"]
    assert junk_a["hits"] == [] and junk_b["hits"] == []
    assert junk_a["error"] is None  # not an error: nothing is close
    assert baker["hits"][0]["code"] == "D1102"
    assert nurse["hits"]  # letters of another script are letters


def test_one_or_two_letters_still_get_loose_hits(client: SyncClient, need_search: None) -> None:
    hits = client.get(f"{B}/search", params={"q": "ia", "limit": 3}).json()["results"]
    assert hits  # the documented exception: too short to tell chance from a match


# --- 2. a key given twice is refused, at any depth -----------------------------------------

@pytest.mark.parametrize(("path", "raw", "field"), [
    ("/riasec/score", b'{"answers": {"r1": 2, "r1": 0}}', "answers.r1"),
    ("/recommendations", b'{"profile": {"riasec": "S"}, "profile": {"riasec": "R"}}', "profile"),
    ("/recommendations", b'{"profile": {"riasec": "S"}, "limit": 3, "limit": 7}', "limit"),
    ("/recommendations", b'{"profile": {"experiences": [{"text": "je fais du pain"}, '
                         b'{"text": "je garde des enfants", "reviewed": true, "reviewed": false}]}}',
     "profile.experiences[1].reviewed"),
    ("/recommendations", b'{"profile": {"constraints": {"postcode": "75011", "postcode": "93200"},'
                         b' "riasec": "S"}}', "profile.constraints.postcode"),
    ("/competences/suggest", b'{"text": "je fais du pain", "text": "je garde des enfants"}', "text"),
    ("/match", b'{"titles": ["boulanger"], "k": 1, "k": 2}', "k"),
])
def test_a_key_given_twice_is_refused(client: SyncClient, path: str, raw: bytes,
                                      field: str) -> None:
    body = problem_of(client.post(B + path, content=raw, headers=JSON), 422)
    error = body["errors"][0]
    assert error["field"] == field
    key = field.rsplit(".", 1)[-1].split("[")[0]
    assert "twice" in error["message"] and repr(key) in error["message"]
    assert "deux fois" in error["message_fr"] and f"« {key} »" in error["message_fr"]


def test_the_same_bodies_without_the_repeat_are_answered(client: SyncClient,
                                                         need_recommend: None) -> None:
    ok = client.post(f"{B}/riasec/score", content=b'{"answers": {"r1": 2, "s1": 0}}',
                     headers=JSON)
    assert ok.status_code == 200 and ok.json()["scores"]["R"] == round(2 / 6, 4)
    # the same key in two different objects is no repeat
    ok = client.post(f"{B}/recommendations", headers=JSON, content=(
        b'{"profile": {"experiences": [{"text": "je fais du pain"}, '
        b'{"text": "je garde des enfants"}]}, "limit": 2}'))
    assert ok.status_code == 200, ok.text


# --- 3. the server takes exactly what the published schema allows ---------------------------

@pytest.mark.parametrize(("answers", "field"), [
    ({"r1": True}, "answers.r1"), ({"r1": "2"}, "answers.r1"), ({"r1": 1.0}, "answers.r1"),
    ({"r1": 3}, "answers.r1"), ({"r1": -1}, "answers.r1"),
])
def test_riasec_answers_are_json_integers_0_to_2(client: SyncClient, answers: dict[str, Any],
                                                 field: str) -> None:
    body = problem_of(client.post(f"{B}/riasec/score", json={"answers": answers}), 422)
    assert body["errors"][0]["field"] == field


@pytest.mark.parametrize(("profile", "field"), [
    ({"competences": ["124960"]}, "profile.competences[0]"),
    ({"competences": [True]}, "profile.competences[0]"),
    ({"interest_centres": [17]}, "profile.interest_centres[0]"),
    ({"riasec": "S", "constraints": {"max_study_level": 4.0}},
     "profile.constraints.max_study_level"),
    ({"riasec": "S", "constraints": {"max_study_level": "4"}},
     "profile.constraints.max_study_level"),
    ({"riasec": "S", "constraints": {"postcode": 75011}}, "profile.constraints.postcode"),
    ({"riasec": "S", "constraints": {"postcode": "75011\n"}}, "profile.constraints.postcode"),
    ({"experiences": ["je fais la caisse"]}, "profile.experiences[0]"),
    ({"experiences": [{"text": "je fais la caisse", "reviewed": "yes"}]},
     "profile.experiences[0].reviewed"),
    ({"riasec": "S", "constraints": {"avoided_domains": ["K"] * 25}},
     "profile.constraints.avoided_domains"),
    ({"riasec": {"S": True}}, "profile.riasec.S"),
    ({"riasec": 5}, "profile.riasec"),
    ({"riasec": "S", "constraints": None}, "profile.constraints"),
])
def test_a_profile_is_read_as_published(client: SyncClient, profile: dict[str, Any],
                                        field: str) -> None:
    body = problem_of(client.post(f"{B}/recommendations",
                                  json={"profile": profile, "limit": 1}), 422)
    assert body["errors"][0]["field"] == field, body


def test_a_profile_as_the_core_writes_it_is_accepted(client: SyncClient,
                                                     need_recommend: None) -> None:
    # Profile.to_dict() writes null for a level or a postcode left out: the schema says so
    from tremplin.recommend import Profile

    written = Profile.from_dict({"riasec": "S,A", "competences": [124960]}).to_dict()
    assert written["constraints"]["max_study_level"] is None
    r = client.post(f"{B}/recommendations", json={"profile": written, "limit": 2})
    assert r.status_code == 200, r.text
    spec = client.get("/openapi.json").json()
    profile = spec["components"]["schemas"]["RecommendIn"]["properties"]["profile"]
    constraints = profile["properties"]["constraints"]["properties"]
    assert {"type": "null"} in constraints["max_study_level"]["anyOf"]
    assert {"type": "null"} in constraints["postcode"]["anyOf"]
    assert constraints["avoided_domains"]["maxItems"] == 20
    # at the limits, and an integer score (a JSON number too)
    assert client.post(f"{B}/recommendations", json={"profile": {
        "riasec": {"S": 1}, "constraints": {"max_study_level": 4, "avoided_domains": ["K"] * 20,
                                            "postcode": "75011"}}, "limit": 1}).status_code == 200


def test_a_query_limit_is_written_with_digits(client: SyncClient, need_search: None) -> None:
    for limit in ("5.0", "5e0", "five"):
        body = problem_of(client.get(f"{B}/search", params={"q": "boulanger", "limit": limit}),
                          422)
        assert body["errors"][0]["field"] == "query.limit"
    assert client.get(f"{B}/search", params={"q": "boulanger", "limit": "5"}).status_code == 200


# --- 4. every answer has a schema ------------------------------------------------------------

def test_every_answer_is_described_by_a_model(client: SyncClient, need_search: None) -> None:
    from tremplin.web.api import models, routes

    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path, operations in paths.items():
        for method, op in operations.items():
            if method == "post":  # a body not sent as JSON: 415, documented
                assert PROBLEM in op["responses"]["415"]["content"], path
            for status, answer in op["responses"].items():
                if status.startswith(("4", "5")):
                    schema = answer["content"][PROBLEM]["schema"]
                    assert "errors" in schema["required"], (path, status)
                    item = schema["properties"]["errors"]["items"]
                    assert set(item["required"]) == {"field", "message", "message_fr"}
                else:
                    assert answer["content"]["application/json"]["schema"].get("$ref"), path
    schemas = spec["components"]["schemas"]
    assert paths["/api/v1/match"]["post"]["responses"]["200"]["content"]["application/json"][
        "schema"]["$ref"].endswith("/MatchOut")
    assert paths["/api/v1/places"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"]["$ref"].endswith("/PlacesOut")
    completion = schemas["AutocompleteOut"]["properties"]["suggestions"]["items"]["$ref"]
    assert set(schemas[completion.rsplit("/", 1)[-1]]["properties"]) == {"label", "code", "ogr",
                                                                        "kind"}
    # and the answers are what the models say (extra fields are refused)
    routes.MatchOut.model_validate(client.post(f"{B}/match", json={
        "titles": ["boulanger", "   ", "🙂"], "k": 2}).json())
    models.PlacesOut.model_validate(client.get(f"{B}/places", params={"postcode": "75011"}).json())
    models.PlacesOut.model_validate(client.get(f"{B}/places", params={
        "lat": 48.8566, "lon": 2.3522, "radius_km": 2}).json())
    routes.AutocompleteOut.model_validate(client.get(f"{B}/autocomplete",
                                                     params={"q": "boul"}).json())
    routes.SearchOut.model_validate(client.get(f"{B}/search", params={"q": "boulangé"}).json())


def test_a_match_error_comes_in_each_language(client: SyncClient, need_search: None) -> None:
    empty = client.post(f"{B}/match", json={"titles": ["   "]}).json()["results"][0]
    assert empty["hits"] == []
    assert empty["error"] == "The query is empty." and empty["error_fr"] == "La recherche est vide."


# --- 5. one error shape, with a French message of its own ------------------------------------

def _errors(client: SyncClient) -> list[tuple[str, httpx.Response, int]]:
    latin1 = "{\"text\": \"j'ai gard\xe9\"}".encode("latin-1")
    return [
        ("blank q", client.get(f"{B}/search", params={"q": "   "}), 422),
        ("control q", client.get(f"{B}/search", params={"q": "\x00"}), 422),
        ("no q", client.get(f"{B}/search"), 422),
        ("places without a point", client.get(f"{B}/places"), 422),
        ("places with both", client.get(f"{B}/places", params={
            "postcode": "75011", "lat": 48.8, "lon": 2.3}), 422),
        ("unknown fiche", client.get(f"{B}/jobs/N9999"), 404),
        ("unknown code", client.get(f"{B}/competences/1"), 404),
        ("unknown path", client.get(f"{B}/nothing-here"), 404),
        ("wrong method", client.post(f"{B}/jobs/D1102"), 405),
        ("suggest as GET", client.get(f"{B}/competences/suggest"), 405),
        ("too large", client.post(f"{B}/competences/suggest", headers=JSON,
                                  content=b'{"text": "' + b"a" * 70_000 + b'"}'), 413),
        ("not JSON", client.post(f"{B}/competences/suggest", content=b"text=pain",
                                 headers={"content-type": "text/plain"}), 415),
        ("not UTF-8", client.post(f"{B}/competences/suggest", content=latin1, headers=JSON), 400),
        ("broken JSON", client.post(f"{B}/recommendations", content=b'{"profile": {',
                                    headers=JSON), 422),
        ("lang", client.post(f"{B}/recommendations", json={"profile": {"riasec": "S"},
                                                           "lang": "de"}), 422),
        ("questions lang", client.get(f"{B}/riasec/questions", params={"lang": "de"}), 422),
        ("no titles", client.post(f"{B}/match", json={"titles": []}), 422),
        ("answer 1.5", client.post(f"{B}/riasec/score", json={"answers": {"r1": 1.5}}), 422),
        ("unknown field", client.post(f"{B}/recommendations", json={"profile": {"nope": 1}}), 422),
        ("missing field", client.post(f"{B}/competences/suggest", json={}), 422),
        ("emoji text", client.post(f"{B}/competences/suggest", json={"text": "🙂🙂"}), 422),
        ("bad code", client.get(f"{B}/jobs/not-a-code"), 422),
        ("bad postcode", client.get(f"{B}/places", params={"postcode": "7501"}), 422),
        ("flat answers alone", client.post(f"{B}/recommendations", json={
            "profile": {"riasec": dict.fromkeys("RIASEC", 1.0)}}), 422),
    ]


def test_every_error_has_the_same_shape_in_both_languages(client: SyncClient,
                                                          need_recommend: None) -> None:
    from tremplin.web.api.errors import french

    for name, r, status in _errors(client):
        body = problem_of(r, status)
        for e in body["errors"]:
            assert not e["message_fr"].startswith("Valeur refusée"), (name, e)  # not generic
            assert " or " not in e["message_fr"], (name, e)  # not half English
    # the wording of the framework's checks
    lang = problem_of(client.post(f"{B}/recommendations", json={
        "profile": {"riasec": "S"}, "lang": "de"}), 422)["errors"][0]
    assert lang["message_fr"] == "Valeur non permise : les valeurs possibles sont 'fr' ou 'en'."
    blank = problem_of(client.get(f"{B}/search", params={"q": " "}), 422)
    assert blank["detail"] == "The query is empty."
    assert blank["errors"] == [{"field": "query.q", "message": "The query is empty.",
                                "message_fr": "La recherche est vide."}]
    # a type pydantic may give that has no French of its own still names the field
    assert "« profile.x »" in french({"type": "something_new", "msg": "Bad"}, "profile.x")


# --- 7. HEAD where GET works -----------------------------------------------------------------

@pytest.mark.parametrize("path", [f"{B}/health", f"{B}/jobs/D1102", f"{B}/domains"])
def test_head_answers_as_get_without_the_body(client: SyncClient, path: str) -> None:
    got = client.get(path)
    head = client.request("HEAD", path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == got.headers["content-length"]


def test_head_is_named_where_get_is_allowed(client: SyncClient) -> None:
    wrong = client.post(f"{B}/jobs/D1102")
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "GET, HEAD"
    post_only = client.request("HEAD", f"{B}/recommendations")
    assert post_only.status_code == 405 and post_only.headers["allow"] == "POST"
    assert "HEAD" in problem_of(client.post(f"{B}/jobs/D1102"), 405)["detail"]
