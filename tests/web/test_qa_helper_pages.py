"""Helper mode after a QA pass (headless Chromium, fr-FR), through the real ASGI app: a file
over the body limit gets a page in the reader's language (not the JSON problem), import
refusals are plain for the person with the precise reason kept for the helper, "Terminer et
tout effacer" ends helper mode, a too-long note is refused with its length (never cut
unsaid), errors are tied to their field and titled "Erreur : ", the helper page says "vous",
and the summary PDF uses the page's words."""

from __future__ import annotations

import html as html_lib
import io
import json
import re

import pytest
from pypdf import PdfReader

from tremplin.guide.journey import Journey
from tremplin.web import state
from tremplin.web.services import Services

from .conftest import SyncClient

JOURNEY = Journey(competences=(104174,), riasec={"R1": 2, "S1": 1}, postcode="75011",
                  notes=("Très motivée.",))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PLAIN_FR = ("Ce fichier n'est pas un profil Tremplin. Choisis le fichier tremplin-profil.json "
            "que Tremplin t'a donné.")


def with_journey(client: SyncClient, journey: Journey = JOURNEY) -> None:
    client.cookies.set(state.COOKIE, state.encode(journey))


def title_of(page: str) -> str:
    m = re.search(r"<title>(.*?)</title>", page, re.S)
    assert m, "no title"
    return html_lib.unescape(m.group(1))


def tag(page: str, element_id: str) -> str:
    """The opening tag of the element with this id."""
    m = re.search(rf'<[a-z]+ [^>]*\bid="{element_id}"[^>]*>', page)
    assert m, element_id
    return m.group(0)


def alert_of(page: str) -> str:
    m = re.search(r'<div class="notice error" role="alert" id="import-error"[^>]*>(.*?)</div>',
                  page, re.S)
    assert m, "no import error"
    return html_lib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", m.group(1)))).strip()


def _import(client: SyncClient, body: bytes, name: str = "tremplin-profil.json",
            **params: str) -> tuple[int, str, str]:
    r = client.post("/profil/import", params=params,
                    files={"file": (name, body, "application/json")})
    return r.status_code, r.headers["content-type"], r.text


# --- 2. a file over the body limit ----------------------------------------------------------

@pytest.mark.parametrize("size", [300 * 1024, 5 * 1024 * 1024])
def test_a_big_file_gets_a_french_page_that_says_the_limit(client: SyncClient, size: int) -> None:
    with_journey(client)
    status, kind, page = _import(client, b"{" + b" " * size + b"}", "photo.json")
    assert status == 413 and kind.startswith("text/html")
    assert "Request too large" not in page and '"detail"' not in page
    assert title_of(page).startswith("Erreur : Reprendre un profil")
    said = alert_of(page)
    assert said.startswith("Le fichier fait plus de 64 Ko : ce n'est pas un profil Tremplin.")
    assert "Fichier trop gros (64 Ko)" not in page
    assert 'href="/accompagnant"' in page and 'action="/profil/import"' in page  # a way back
    assert 'aria-invalid="true"' in tag(page, "file")
    assert state.decode(client.cookies.get(state.COOKIE)) == JOURNEY  # journey untouched


def test_a_big_file_page_follows_the_language(client: SyncClient) -> None:
    status, kind, page = _import(client, b" " * (300 * 1024), lang="en")
    assert status == 413 and kind.startswith("text/html") and 'lang="en"' in page
    assert title_of(page).startswith("Error: ")
    assert alert_of(page).startswith("The file is over 64 KB: it is not a Tremplin profile.")
    client.cookies.clear()
    r = client.post("/profil/import", files={"file": ("x.json", b" " * (300 * 1024))},
                    headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert "The file is over 64 KB" in r.text


def test_a_big_body_still_gets_the_json_problem_on_the_api(client: SyncClient) -> None:
    r = client.post("/api/v1/match", content=b"{" + b" " * (300 * 1024) + b"}",
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.headers["content-type"] == "application/problem+json"
    assert r.json()["title"] == "Request too large"


def test_the_big_file_page_keeps_the_security_headers(client: SyncClient) -> None:
    r = client.post("/profil/import", files={"file": ("x.json", b" " * (300 * 1024))})
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["cache-control"] == "no-store"


def test_a_file_just_over_64_kb_says_more_than_64_kb(client: SyncClient) -> None:
    status, _, page = _import(client, b"{" + b" " * (70 * 1024) + b"}")
    assert status == 413
    assert alert_of(page).startswith("Le fichier fait plus de 64 Ko")
    assert "(64 Ko)" not in page  # it read as if the file were 64 KB


# --- 2. plain refusals, the detail for the helper --------------------------------------------

@pytest.mark.parametrize(("body", "detail"), [
    (PNG, "UTF-8"),
    (b"[1, 2]", "objet JSON"),
    (json.dumps({"format": "tremplin-journey", "version": 1, "age": 17, "nom": "Ana"}).encode(),
     "Champ inconnu : 'age', 'nom'"),
    (json.dumps({"format": "tremplin-journey", "version": 1,
                 "notes": ["a", "b", "x" * 2001]}).encode(), "(notes, n° 3)"),
])
def test_import_refusals_are_plain_with_the_detail_for_the_helper(
        client: SyncClient, body: bytes, detail: str) -> None:
    status, _, page = _import(client, body, "photo.png" if body == PNG else "x.json")
    assert status == 422
    said = alert_of(page)
    assert said.startswith(PLAIN_FR)
    assert "Détail pour l'accompagnant : " in said and detail in said.split(PLAIN_FR, 1)[1]
    first = said.split("Détail pour", 1)[0]
    for jargon in ("JSON", "UTF-8", "Champ inconnu", "champ «", "notes["):
        assert jargon not in first, jargon
    assert "notes[2]" not in page
    assert title_of(page).startswith("Erreur : ")
    file_input = tag(page, "file")
    assert 'aria-invalid="true"' in file_input and "autofocus" in file_input
    assert 'aria-describedby="import-error"' in file_input
    assert "aria-invalid" not in tag(page, "qr")


def test_import_refusals_in_english(client: SyncClient) -> None:
    status, _, page = _import(client, PNG, "photo.png", lang="en")
    assert status == 422
    said = alert_of(page)
    assert said.startswith("This file is not a Tremplin profile. Choose the file "
                           "tremplin-profil.json that Tremplin gave you.")
    assert "Detail for the helper: The file is not UTF-8 text" in said


def test_a_damaged_qr_code_is_tied_to_its_field(client: SyncClient) -> None:
    r = client.post("/profil/import", data={"qr": "https://x.example/profil/import#TJ1Z:***"})
    assert r.status_code == 422
    said = alert_of(r.text)
    assert said.startswith("Le QR code est abîmé ou incomplet.")
    qr = tag(r.text, "qr")
    assert 'aria-invalid="true"' in qr and 'aria-describedby="import-error"' in qr
    assert "autofocus" in qr
    assert "aria-invalid" not in tag(r.text, "file") and "autofocus" not in tag(r.text, "file")
    assert title_of(r.text).startswith("Erreur : ")


def test_nothing_to_import_points_at_the_file(client: SyncClient) -> None:
    r = client.post("/profil/import", data={"qr": ""}, files={"file": ("", b"")})
    assert r.status_code == 422
    assert "autofocus" in tag(r.text, "file")


def test_the_import_page_without_error_has_a_plain_title(client: SyncClient) -> None:
    page = client.get("/profil/import").text
    assert title_of(page).startswith("Reprendre un profil")
    assert "aria-invalid" not in page and "autofocus" not in page


# --- 3. ending the session -----------------------------------------------------------------

def test_erase_everything_ends_helper_mode(client: SyncClient) -> None:
    with_journey(client)
    client.post("/accompagnant/commencer", data={"fresh": "0"})
    assert client.cookies.get("tremplin_helper") == "1"
    assert "Le mode accompagnant est actif" in client.get("/accompagnant").text
    ask = client.get("/effacer").text
    assert "notes" in ask and "code postal" in ask  # erased too: said before
    r = client.post("/effacer", data={"confirm": "1"})
    assert r.status_code == 303
    assert any(h.startswith("tremplin_helper=") and "Max-Age=0" in h
               for h in r.headers.get_list("set-cookie"))
    assert client.cookies.get("tremplin_helper") is None
    assert "Le mode accompagnant est actif" not in client.get("/accompagnant").text
    assert "mode-accompagnant" not in client.get("/").text
    assert 'class="helper-bar"' not in client.get("/").text


def test_erase_page_in_english_names_notes_and_postcode(client: SyncClient) -> None:
    ask = client.get("/effacer", params={"lang": "en"}).text
    assert "postcode" in ask and "notes" in ask


# --- 4, 5, 6. notes --------------------------------------------------------------------------

def test_the_note_field_says_its_limit_and_cuts_nothing(client: SyncClient) -> None:
    page = client.get("/accompagnant").text
    note = tag(page, "note")
    assert "maxlength" not in note  # a pasted text was cut to 2,000 without a word
    assert 'aria-describedby="note-limit"' in note
    assert "2\u00a0000 caractères au plus" in html_lib.unescape(tag(page, "note-limit") + page)
    english = client.get("/accompagnant", params={"lang": "en"}).text
    assert "2,000 characters at most" in english


def test_a_too_long_note_is_refused_with_its_length_and_kept(client: SyncClient) -> None:
    with_journey(client)
    text = "Très motivée. " * 150  # 2,100 characters
    r = client.post("/accompagnant/notes", data={"note": text})
    assert r.status_code == 422
    page = html_lib.unescape(r.text)
    m = re.search(r'<p class="notice error" role="alert" id="note-error">(.*?)</p>', page, re.S)
    assert m
    assert m.group(1) == ("Note non enregistrée : elle fait 2\u00a0099 caractères, 2\u00a0000 au "
                          "plus. Raccourcissez-la ; votre texte est resté dans la case.")
    assert "champ" not in m.group(1) and "notes[" not in page
    note = tag(r.text, "note")
    assert 'aria-invalid="true"' in note and "autofocus" in note
    assert 'aria-describedby="note-error note-limit"' in note
    assert text.strip() in page  # the whole text, back in its box
    assert title_of(r.text).startswith("Erreur : Mode accompagnant")
    assert state.decode(client.cookies.get(state.COOKIE)).notes == JOURNEY.notes


def test_a_note_over_the_body_limit_gets_the_helper_page(client: SyncClient) -> None:
    r = client.post("/accompagnant/notes", data={"note": "x" * 70_000})
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
    assert "le texte envoyé est bien trop long (2\u00a0000 caractères au plus par note)" \
        in html_lib.unescape(r.text)
    assert title_of(r.text).startswith("Erreur : ")


TU_FORMS = re.compile(r"\b(écris|efface tout|Imprime|télécharge d'abord|raccourcis|ajoute|"
                      r"fais|retire-en)\b")
VOUS_FORMS = re.compile(r"\b(faites|ajoutez|effacez|Imprimez|écrivez|Raccourcissez|retirez)\b")


def test_the_helper_page_says_vous(client: SyncClient) -> None:
    with_journey(client)
    client.post("/accompagnant/commencer", data={"fresh": "0"})
    page = client.get("/accompagnant").text
    main = html_lib.unescape(re.sub(r"<[^>]+>", " ", page.split('<main id="main"', 1)[1]
                                    .split("</main>", 1)[0]))
    assert not TU_FORMS.findall(main), TU_FORMS.findall(main)
    assert len(set(VOUS_FORMS.findall(main))) >= 4
    refused = html_lib.unescape(client.post("/accompagnant/notes",
                                            data={"note": "x" * 2001}).text)
    assert "Raccourcissez-la" in refused


# --- 7. the PDF's words ----------------------------------------------------------------------

def test_the_pdf_says_synthese_and_accompagnant_as_the_page(client: SyncClient) -> None:
    with_journey(client)
    pdf = client.get("/accompagnant/synthese.pdf").content
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    page = html_lib.unescape(client.get("/accompagnant/synthese").text)
    for words in ("Synthèse du parcours Tremplin", "Notes de l'accompagnant",
                  "Centres d'intérêt", "Lieux pour se faire aider"):
        assert words in text and words in page, words
    assert "bilan" not in text.lower() and "accompagnant·e" not in text
    assert "cette synthèse n'existe que sur ce papier ou ce fichier." in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_typical_session_pdf_is_one_page(client: SyncClient, web_services: Services,
                                           need_recommend: None, lang: str) -> None:
    from .test_qa_helper_browser import qa_journey
    from .test_summary_one_page import typical_journey

    for journey in (qa_journey(web_services), qa_journey(web_services, 0),
                    qa_journey(web_services, 3), typical_journey(web_services)):
        with_journey(client, journey)
        pdf = client.get("/accompagnant/synthese.pdf", params={"lang": lang}).content
        pages = PdfReader(io.BytesIO(pdf)).pages
        assert len(pages) == 1, (len(journey.experiences), journey.notes)
        text = " ".join(pages[0].extract_text().split())
        assert "Suite page" not in text and "Continued on page" not in text
        assert "ROME 4.0" in text  # the data versions, on the page


def test_no_note_is_not_printed(client: SyncClient) -> None:
    with_journey(client, Journey(competences=(104174,)))
    page = client.get("/accompagnant/synthese").text
    assert re.search(r'<h2 class="print-hide">Notes de l&#39;accompagnant</h2>', page)
    assert '<p class="print-hide">Pas encore de note.</p>' in page
