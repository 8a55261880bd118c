from __future__ import annotations

import base64
import json
import random
import string
import zlib
from dataclasses import replace

import pytest

from tremplin.guide.journey import Journey, JourneyError
from tremplin.guide.portable import (
    FORMAT,
    MAX_FILE_BYTES,
    QR_MAX_BYTES,
    QR_PREFIX,
    PortableError,
    decode_qr_payload,
    export_json,
    import_json,
    qr_payload,
    qr_svg,
)
from tremplin.recommend.riasec import QUESTION_IDS

from .conftest import SAMPLE


def _file(**changes: object) -> bytes:
    d = {"format": FORMAT, **{k: v for k, v in SAMPLE.items()}}
    d.update(changes)
    return json.dumps(d).encode()


def test_file_round_trip_is_small_and_versioned(sample_journey: Journey) -> None:
    raw = export_json(sample_journey)
    head = json.loads(raw)
    assert head["format"] == "tremplin-journey" and head["version"] == 1
    assert b" " not in raw.split(b'"riasec"')[0][:40]  # compact separators
    assert len(raw) < 2000
    own = without_notes(sample_journey)  # the helper's notes stay out of the file
    assert import_json(raw) == own
    assert import_json(raw.decode()) == own
    assert import_json(b"\xef\xbb\xbf" + raw) == own  # a BOM from a text editor


def without_notes(journey: Journey) -> Journey:
    return replace(journey, notes=())


def test_the_helper_notes_stay_out_of_the_file_and_the_qr_code(sample_journey: Journey) -> None:
    # QA: "notes": ["Très à l'aise à l'oral…"] travelled in the file given to the young person,
    # while the helper page said they stay in the browser and on the summary
    assert sample_journey.notes
    for raw in (export_json(sample_journey).decode(), qr_payload(sample_journey)):
        assert '"notes"' not in raw and "motivée" not in raw
        assert "avatar" in raw  # the young person's own choice stays theirs
    link = qr_payload(sample_journey, base_url="https://tremplin.example/profil/import")
    assert decode_qr_payload(link).notes == ()
    # a file of an older Tremplin that holds notes is still read
    assert import_json(_file()).notes == sample_journey.notes


def test_largest_valid_journey_fits_the_file_limit() -> None:
    big = Journey.from_dict({
        "version": 1, "notes": ["e" * 2000] * 20,
        "experiences": [{"text": "u" * 500, "competences": list(range(1, 41))}] * 20,
        "competences": list(range(10**7, 10**7 + 200)),
        "riasec": {q.upper(): 2 for q in QUESTION_IDS},
        "thumbs": {f"K{i:04d}": 1 for i in range(200)},
    })
    raw = export_json(big)
    assert len(raw) <= MAX_FILE_BYTES
    assert import_json(raw) == without_notes(big)


def test_many_multibyte_notes_hit_the_total_size_limit() -> None:
    with pytest.raises(JourneyError, match="Profil trop gros"):
        Journey.from_dict({"version": 1, "notes": ["😀" * 2000] * 20})


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "vide"),
        (b"   \n", "vide"),
        (b"x" * (MAX_FILE_BYTES + 1), "trop gros"),
        (_file()[:-25], "incomplet"),
        (_file()[:30], "incomplet"),
        (b'{"format": "tremplin-journey", "version": 1,,}', "pas du JSON valide"),
        (b"\xff\xfe{}", "UTF-8"),
        (b"[1, 2]", "objet JSON"),
        (_file(format="other-app"), "pas un profil Tremplin"),
        (json.dumps({"version": 1}).encode(), "pas un profil Tremplin"),
        (_file(version=2), "plus récente"),
        (_file(version=0), "Version 0"),
        (_file(version="1"), "Version du format"),
        (_file(xp=10**40), "entre 0 et"),
        (_file().replace(b'"xp": 120', b'"xp": 1e400'), "entier"),
        (_file().replace(b'"xp": 120', b'"xp": ' + b"9" * 5000), "démesuré"),
        (_file().replace(b'"xp": 120', b'"xp": NaN'), "démesuré"),
        (_file().replace(b'"xp": 120', b'"xp": Infinity'), "démesuré"),
        (b"[" * 60000 + b"]" * 10, "imbriqué|incomplet"),
        (_file(notes=["a\u0000b"]), "U\\+0000"),
        (_file(extra={"a": 1}), "Champ inconnu"),
    ],
    ids=["empty", "blank", "too-large", "truncated-end", "truncated-start", "bad-json", "not-utf8",
         "array", "other-format", "no-format", "newer-version", "older-version", "version-string",
         "huge-int", "overflow-float", "many-digits", "nan", "infinity", "deep-nesting", "nul",
         "unknown-key"],
)
def test_bad_files_are_refused_with_a_reason(data: bytes, needle: str) -> None:
    with pytest.raises(JourneyError, match=needle) as info:
        import_json(data)
    assert info.value.message_en and info.value.message_fr


def test_script_in_notes_is_kept_as_inert_text() -> None:
    j = import_json(_file(notes=["<script>alert(1)</script>", "{{ 7*7 }} ${x} **b**"]))
    assert j.notes == ("<script>alert(1)</script>", "{{ 7*7 }} ${x} **b**")  # displayed escaped


def test_qr_plain_payload_round_trip(sample_journey: Journey) -> None:
    payload = qr_payload(sample_journey)
    assert payload.isascii() and payload.startswith("{")
    assert len(payload) <= QR_MAX_BYTES
    assert decode_qr_payload(payload) == without_notes(sample_journey)


def _noisy_texts(n: int, size: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(string.ascii_letters + " ") for _ in range(size)).strip()
            for _ in range(n)]


def _long_experiences(n: int = 6) -> list[dict[str, object]]:
    return [{"text": f"{i} — une expérience racontée assez longuement. " * 10, "competences": []}
            for i in range(n)]


def test_qr_compresses_when_plain_json_is_too_big() -> None:
    j = Journey.from_dict({**SAMPLE, "notes": [], "experiences": _long_experiences()})
    assert len(json.dumps(j.to_dict())) > QR_MAX_BYTES
    payload = qr_payload(j)
    assert payload.startswith(QR_PREFIX) and len(payload) <= QR_MAX_BYTES
    assert decode_qr_payload(payload) == j


def test_qr_refuses_a_journey_too_big_and_states_the_limit() -> None:
    j = Journey.from_dict({"version": 1, "experiences": [
        {"text": text, "competences": []} for text in _noisy_texts(8, 500)]})
    with pytest.raises(PortableError, match=str(QR_MAX_BYTES)) as info:
        qr_payload(j)
    assert "fichier" in info.value.message_fr and "file" in info.value.message_en


def test_qr_link_keeps_the_profile_in_the_fragment(sample_journey: Journey) -> None:
    payload = qr_payload(sample_journey, base_url="https://tremplin.example/importer")
    url, _, token = payload.partition("#")
    assert url == "https://tremplin.example/importer" and token.startswith(QR_PREFIX)
    assert decode_qr_payload(payload) == without_notes(sample_journey)


def _token(raw: bytes) -> str:
    return QR_PREFIX + base64.urlsafe_b64encode(zlib.compress(raw)).decode().rstrip("=")


@pytest.mark.parametrize(
    ("payload", "needle"),
    [
        ("hello", "ne contient pas de profil"),
        ("https://evil.example/#notours", "ne contient pas de profil"),
        (QR_PREFIX + "***", "abîmé"),
        (QR_PREFIX + "eJzLSM3JyVcozy_KSQEAGgQEXQ", "abîmé|incomplet"),
        (_token(b" " * (MAX_FILE_BYTES * 20)), "décompressé"),  # a small zip bomb
        (_token(_file(version=7)), "plus récente"),
        (_token(b"\x00\x01"), "UTF-8|JSON|objet"),
        ("{" + "x" * 5000, "trop long"),
        ('{"format":"tremplin-journey","version":1,"xp":-5}', "entre 0"),
    ],
)
def test_bad_qr_payloads_are_refused(payload: str, needle: str) -> None:
    with pytest.raises(JourneyError, match=needle):
        decode_qr_payload(payload)


def test_truncated_compressed_payload_is_refused(sample_journey: Journey) -> None:
    j = Journey.from_dict({**SAMPLE, "experiences": _long_experiences()})
    payload = qr_payload(j)
    assert payload.startswith(QR_PREFIX)
    with pytest.raises(JourneyError, match=r"incomplet|abîmé"):
        decode_qr_payload(payload[: len(payload) // 2])


def test_qr_svg_is_accessible_svg(sample_journey: Journey) -> None:
    svg = qr_svg(sample_journey, lang="fr")
    assert svg.startswith("<svg") and "</svg>" in svg
    assert "<title>QR code de ton profil Tremplin</title>" in svg
    assert "<desc>" in svg and "ni nom ni contact" in svg
    assert "<script" not in svg and "alert" not in svg  # the payload is in the modules, not in text
    assert "your Tremplin profile" in qr_svg(sample_journey, lang="en")


def test_size_refusals_say_so_for_the_http_status() -> None:
    with pytest.raises(PortableError) as too_big_file:
        import_json(b"{" + b" " * (MAX_FILE_BYTES + 1) + b"}")
    with pytest.raises(JourneyError) as too_big_journey:
        Journey.from_dict({"version": 1, "notes": ["😀" * 2000] * 20})
    with pytest.raises(PortableError) as other_version:
        import_json(b'{"format":"tremplin-journey","version":2}')
    assert too_big_file.value.too_large and too_big_journey.value.too_large
    assert not other_version.value.too_large
