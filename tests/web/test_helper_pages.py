"""Helper mode pages (issue 6) through the real ASGI app: explanations, anonymous feedback,
notes and the summary (HTML and PDF), the portable profile (export, QR, import)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tremplin.guide.feedback import FeedbackStore
from tremplin.guide.journey import Journey
from tremplin.web import state
from tremplin.web.services import Services

from .conftest import SyncClient

JOURNEY = Journey(competences=(104174,), riasec={"R1": 2, "S1": 1, "A1": 2},
                  notes=("Très motivée <script>alert(1)</script> **gras** {{ 7*7 }}",))


@pytest.fixture()
def store(web_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedbackStore]:
    """A feedback store of its own, so that tests never count votes in the real one."""
    s = FeedbackStore(tmp_path / "feedback.sqlite")
    monkeypatch.setattr(web_services, "_feedback", s)
    yield s
    s.close()


def with_journey(client: SyncClient, journey: Journey = JOURNEY) -> None:
    client.cookies.set(state.COOKIE, state.encode(journey))


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- explanations ------------------------------------------------------------------------------

def test_explanation_of_a_misspelled_search(client: SyncClient, need_search: None) -> None:
    r = client.get("/comment", params={"q": "plombié"})
    assert r.status_code == 200
    assert "plombie" in r.text  # the normalised query
    assert "Plombier" in r.text  # among the nearest titles
    assert "orthographe" in r.text and "sens" in r.text
    assert '<svg' in r.text and "<form" in r.text  # the job map and the demo form


def test_search_results_link_to_the_explanation(client: SyncClient, need_search: None) -> None:
    r = client.get("/recherche", params={"q": "plombié"})
    assert "/comment?q=plombi%C3%A9" in r.text


def test_explanation_of_a_suggestion(client: SyncClient, need_recommend: None) -> None:
    with_journey(client)
    tracks = client.get("/parcours/pistes").text
    code = re.search(r'href="/comment/metier/([A-N][0-9]{4})"', tracks)
    assert code, "suggestion cards link to their explanation"
    r = client.get(f"/comment/metier/{code.group(1)}")
    assert r.status_code == 200
    assert "Ce que tu sais déjà faire" in r.text and " %" in r.text
    assert "Tu as déjà environ" in r.text
    # the coverage value in the table is the one its sentence arrives at
    row = re.search(r"Ce que tu sais déjà faire</th><td[^>]*>(\d+ %)</td><td[^>]*>[^<]*une note : "
                    r"(\d+ %)", r.text)
    assert row and row.group(1) == row.group(2)
    english = client.get(f"/comment/metier/{code.group(1)}", params={"lang": "en"})
    assert "You already have about" in english.text and "Tu as" not in english.text
    assert re.search(r"<td[^>]*>\d+%</td>", english.text) and not re.search(r"<td[^>]*>\d+ %</td>",
                                                                          english.text)
    assert re.search(r"<td[^>]*>\d+ %</td>", r.text)  # French writes a space before %
    assert re.search(r'<h1>[^<]*<span lang="fr">', english.text)  # the French job title
    tracks_en = client.get("/parcours/pistes", params={"lang": "en"}).text
    assert '<span lang="fr">Accueillir, orienter et renseigner un client' in tracks_en
    assert client.get("/comment/metier/Z9999").status_code == 404


def test_word_demo_works_without_javascript(client: SyncClient) -> None:
    r = client.get("/comment/demo", params={"a": "médecin", "b": "docteur"})
    assert r.status_code in (200, 503)
    if r.status_code == 200:
        assert "Similarité" in r.text
    bad = client.get("/comment/demo", params={"a": "", "b": "x" * 300})
    assert bad.status_code == 422 and 'role="alert"' in bad.text


# --- feedback ----------------------------------------------------------------------------------

def test_thumb_on_a_card_is_counted_and_shown(client: SyncClient, store: FeedbackStore) -> None:
    def votes() -> list[tuple[int, str, int, int]]:
        return sorted((r[2], r[3], r[4], r[5]) for r in store.rows())

    r = client.post("/parcours/pistes/avis", data={"code": "D1102", "vote": "1", "rank": "2"})
    assert r.status_code == 303 and votes() == [(2, "journey", 1, 1)]
    client.post("/parcours/pistes/avis", data={"code": "D1102", "vote": "1", "rank": "2"})
    assert votes() == [(2, "journey", 1, 1)]  # the same browser's same vote counts once
    client.post("/parcours/pistes/avis", data={"code": "D1102", "vote": "-1", "rank": "2"})
    assert votes() == [(2, "journey", -1, 1)]  # a changed mind replaces the earlier vote
    client.post("/parcours/pistes/avis", data={"code": "D1102", "vote": "1", "rank": "99"})  # refused
    assert state.decode(client.cookies.get(state.COOKIE)).thumbs["D1102"] == 1
    client.post("/parcours/pistes/avis", data={"code": "D1102", "vote": "1", "from": "job"})  # no rank
    client.cookies.clear()  # another person
    client.post("/parcours/pistes/avis", data={"code": "D1102", "vote": "1", "rank": "1"})
    assert votes() == [(1, "journey", 1, 1), (2, "journey", -1, 1)]
    page = text_of(client.get("/a-propos/resultats").text)
    assert "1 pouces levés sur 2 avis" in page
    assert "Commerce, Vente et Grande distribution" in page


def test_helper_votes_have_their_own_context(client: SyncClient, store: FeedbackStore) -> None:
    client.post("/accompagnant/commencer", data={"fresh": "1"})
    client.post("/parcours/pistes/avis", data={"code": "D1102", "vote": "1", "rank": "1"})
    assert [r[3] for r in store.rows()] == ["helper"]


# --- helper mode ---------------------------------------------------------------------------------

def test_helper_start_and_notes(client: SyncClient) -> None:
    r = client.get("/accompagnant")
    assert r.status_code == 200 and "compte" in r.text
    r = client.post("/accompagnant/commencer", data={"fresh": "1"})
    assert r.status_code == 303 and client.cookies.get("tremplin_helper") == "1"
    r = client.post("/accompagnant/notes", data={"note": "Aime <b>cuisiner</b>\net bricoler"})
    assert r.status_code == 303
    page = client.get("/accompagnant").text
    assert "Aime &lt;b&gt;cuisiner&lt;/b&gt;" in page and "<b>cuisiner" not in page
    assert state.decode(client.cookies.get(state.COOKIE)).notes == ("Aime <b>cuisiner</b>\net bricoler",)
    client.post("/accompagnant/notes/retirer", data={"index": "0"})
    assert state.decode(client.cookies.get(state.COOKIE)).notes == ()


def test_notes_too_big_for_the_cookie_are_refused_with_a_message(client: SyncClient) -> None:
    import random

    rnd = random.Random(6)
    noisy = "".join(chr(rnd.randrange(0x4E00, 0x9FFF)) for _ in range(900))  # hardly compressible
    with_journey(client, Journey(notes=(noisy,)))
    r = client.post("/accompagnant/notes", data={"note": noisy[::-1]})
    assert r.status_code == 413
    assert "Note non enregistrée" in r.text and noisy[::-1][:50] in r.text  # text kept in the box
    assert len(state.decode(client.cookies.get(state.COOKIE)).notes) == 1
    bad = client.post("/accompagnant/notes", data={"note": "a\u202eb"})
    assert bad.status_code == 422


def test_summary_page_and_pdf(client: SyncClient, need_recommend: None) -> None:
    from pypdf import PdfReader

    with_journey(client)
    r = client.get("/accompagnant/synthese")
    assert r.status_code == 200
    assert "Très motivée &lt;script&gt;" in r.text and "<script>alert" not in r.text
    assert "Accueillir, orienter et renseigner un client" in r.text
    pdf = client.get("/accompagnant/synthese.pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["cache-control"] == "no-store"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Très motivée <script>" in text
    assert "Accueillir, orienter" in text
    assert "Tu as déjà environ" in r.text  # why each job: the engine's own sentences
    english = client.get("/accompagnant/synthese", params={"lang": "en"})
    assert "You already have about" in english.text and "Tu as" not in english.text
    assert "Accueillir, orienter et renseigner un client" in english.text  # ROME stays French
    assert "To learn: <span" in english.text and "To learn :" not in english.text
    assert re.search(r'They are: <span lang="fr">[^<]+</span>', english.text)
    assert "À apprendre : <span" in r.text  # French spacing kept
    pdf_en = client.get("/accompagnant/synthese.pdf", params={"lang": "en"})
    text_en = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_en.content)).pages)
    # the "why" line: the parts of the mark, adding up to it (second QA pass)
    assert "Why: what you can already do: " in text_en and "Why :" not in text_en


def test_print_stylesheet_hides_navigation() -> None:
    css = (Path(state.__file__).parent / "static" / "app.css").read_text(encoding="utf-8")
    assert "@media print" in css and "size: A4" in css


# --- portable profile ---------------------------------------------------------------------------

def test_export_then_import_round_trip(client: SyncClient, app: object) -> None:
    with_journey(client)
    r = client.get("/profil/export")
    assert r.status_code == 200 and "tremplin-profil.json" in r.headers["content-disposition"]
    data = json.loads(r.content)
    # the helper's notes are the helper's: they stay out of the young person's file
    assert data["format"] == "tremplin-journey" and "notes" not in data
    other = SyncClient(app)  # type: ignore[arg-type]
    try:
        r = other.post("/profil/import", files={"file": ("tremplin-profil.json", r.content,
                                                          "application/json")})
        assert r.status_code == 303
        assert state.decode(other.cookies.get(state.COOKIE)) == replace(JOURNEY, notes=())
    finally:
        other.close()


def test_qr_code(client: SyncClient) -> None:
    with_journey(client)
    r = client.get("/profil/qr.svg")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in r.text and "QR code" in r.text
    # The code holds a link to this site's import page, the profile in its fragment.
    from tremplin.guide.portable import qr_svg

    drawn = qr_svg(JOURNEY, base_url="http://testserver/profil/import", lang="fr")
    assert r.text == drawn
    assert drawn in client.get("/profil/qr").text  # the same code on its page


@pytest.mark.parametrize(("body", "status", "words"), [
    (b"{" + b" " * 70_000 + b"}", 413, "trop gros"),
    (b'{"format":"tremplin-journey","version":1,"notes":["abc', 422, "incomplet"),
    (b'{"format":"tremplin-journey","version":2}', 422, "version 2"),
    (b'{"format":"tremplin-journey","version":1,"xp":1e400}', 422, "nombre"),
    (b'{"format":"tremplin-journey","version":1,"name":"Ana"}', 422, "name"),
    (b'{"format":"tremplin-journey","version":1,"notes":["<script>alert(1)</script>\\u0007"]}',
     422, "notes"),
    (b"\xff\xfe\x00", 422, "UTF-8"),
])
def test_hostile_imports_are_refused_clearly(client: SyncClient, body: bytes, status: int,
                                             words: str) -> None:
    with_journey(client)
    r = client.post("/profil/import", files={"file": ("x.json", body, "application/json")})
    assert r.status_code == status
    assert words in r.text and 'role="alert"' in r.text
    assert "<script>alert" not in r.text
    assert state.decode(client.cookies.get(state.COOKIE)) == JOURNEY  # journey untouched


def test_import_drops_unknown_codes_and_says_so(client: SyncClient) -> None:
    body = json.dumps({"format": "tremplin-journey", "version": 1, "competences": [104174, 99999999],
                       "thumbs": {"D1102": 1, "A9999": -1}}).encode()
    r = client.post("/profil/import", files={"file": ("x.json", body, "application/json")})
    assert r.status_code == 200 and "99999999" in r.text and "A9999" in r.text
    kept = state.decode(client.cookies.get(state.COOKIE))
    assert kept.competences == (104174,) and kept.thumbs == {"D1102": 1}


def test_import_from_qr_text(client: SyncClient) -> None:
    from tremplin.guide.portable import qr_payload

    r = client.post("/profil/import", data={"qr": qr_payload(JOURNEY)})
    assert r.status_code == 303
    assert state.decode(client.cookies.get(state.COOKIE)) == replace(JOURNEY, notes=())


def test_import_from_a_scanned_qr_link(client: SyncClient) -> None:
    from tremplin.guide.portable import qr_payload

    link = qr_payload(JOURNEY, base_url="http://testserver/profil/import")
    assert link.startswith("http://testserver/profil/import#TJ1Z:")
    r = client.post("/profil/import", data={"qr": link})
    assert r.status_code == 303
    assert state.decode(client.cookies.get(state.COOKIE)) == replace(JOURNEY, notes=())
    damaged = link[:-12]
    r = client.post("/profil/import", data={"qr": damaged})
    assert r.status_code == 422 and 'role="alert"' in r.text


def test_qr_code_too_big_says_so(client: SyncClient) -> None:
    import random

    rnd = random.Random(7)
    noisy = ["".join(chr(rnd.randrange(0x4E00, 0x9FFF)) for _ in range(130)) for _ in range(8)]
    with_journey(client, Journey.from_dict({"version": 1, "experiences": [
        {"text": text, "competences": []} for text in noisy]}))
    r = client.get("/profil/qr")
    assert r.status_code == 413 and "QR code" in r.text and 'role="alert"' in r.text


def test_helper_pages_in_english(client: SyncClient) -> None:
    for path in ("/accompagnant", "/profil/import", "/a-propos/resultats", "/comment"):
        r = client.get(path, params={"lang": "en"})
        assert r.status_code == 200 and 'lang="en"' in r.text, path
