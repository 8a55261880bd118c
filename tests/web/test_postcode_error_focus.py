"""A refused postcode puts the focus back in its field and says "Erreur" in the title."""

from __future__ import annotations

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
