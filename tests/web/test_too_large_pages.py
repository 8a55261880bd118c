"""A page form over the size limit is answered with a page in the reader's language, whether
the body declares its size or comes in chunks, with the same security headers as any page."""

from __future__ import annotations

import html as html_lib

from tests.web.conftest import SyncClient


def _chunks(total: int):  # type: ignore[no-untyped-def]
    async def gen():  # type: ignore[no-untyped-def]
        yield b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.json\"\r\n\r\n"
        for _ in range(total // 10_000):
            yield b"a" * 10_000
        yield b"\r\n--x--\r\n"
    return gen()


def test_an_import_over_the_limit_gets_the_import_page_declared_or_chunked(
        client: SyncClient) -> None:
    headers = {"content-type": "multipart/form-data; boundary=x"}
    declared = client.post("/profil/import", content=b"a" * 400_000, headers=headers)
    chunked = client.post("/profil/import", content=_chunks(400_000), headers=headers)
    for r in (declared, chunked):
        assert r.status_code == 413
        assert r.headers["content-type"].startswith("text/html")
        assert "Le fichier fait plus de 64 Ko" in html_lib.unescape(r.text)
        assert r.headers["Content-Security-Policy"] and r.headers["Cache-Control"] == "no-store"
    english = client.post("/profil/import", content=_chunks(400_000),
                          headers={**headers, "accept-language": "en"})
    assert english.status_code == 413 and "64 KB" in html_lib.unescape(english.text)
