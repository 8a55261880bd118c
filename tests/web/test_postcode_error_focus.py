"""A refused postcode puts the focus back in its field and says "Erreur" in the title."""

from __future__ import annotations

import html as html_lib
import re

from tests.web.conftest import SyncClient


def test_a_refused_postcode_is_focused_and_named_in_the_title(client: SyncClient) -> None:
    sent = client.post("/parcours/pistes/code-postal", data={"cp": "2A004"},
                       follow_redirects=False)
    assert sent.status_code in (302, 303), sent.status_code
    page = client.get(sent.headers["location"]).text
    field = re.search(r'<input id="cp"[^>]*>', page)
    assert field and "autofocus" in field.group(0) and 'aria-invalid="true"' in field.group(0)
    assert re.search(r"<title>\s*Erreur : ", page)
    calm = client.get("/parcours/pistes").text
    assert "autofocus" not in re.search(r'<input id="cp"[^>]*>', calm).group(0)
    assert not re.search(r"<title>\s*Erreur", calm)


def test_a_postcode_of_no_department_is_said_so(client: SyncClient) -> None:
    for where in ("/parcours/pistes", "/metiers/F1603"):
        if where == "/parcours/pistes":
            sent = client.post("/parcours/pistes/code-postal", data={"cp": "99999"},
                               follow_redirects=False)
            page = client.get(sent.headers["location"]).text
        else:
            page = client.get(where, params={"cp": "99999"}).text
        said = re.search(r'<p[^>]*id="cp-error"[^>]*>(.*?)</p>', page, re.S)
        assert said, where
        text = html_lib.unescape(said.group(1))
        assert "aucun département ne porte le numéro 99" in text, where
        assert "doit avoir 5 chiffres" not in text
        field = re.search(r'<input id="cp"[^>]*>', page)
        assert field and "autofocus" in field.group(0)
    short = html_lib.unescape(client.get("/metiers/F1603", params={"cp": "9320"}).text)
    assert "Le code postal doit avoir 5 chiffres." in short
