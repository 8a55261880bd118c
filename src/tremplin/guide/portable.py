"""Take a journey away without any server storage: a small JSON file, or a QR code.

File: `{"format": "tremplin-journey", "version": 1, ...journey fields}` (the helper's notes
left out), UTF-8, compact, at most `MAX_FILE_BYTES`. QR code: the same JSON (ASCII-escaped)
when it fits in one code, otherwise `TJ1Z:` + base64url(zlib(JSON)); optionally placed in the
fragment of a link (`https://…/import#TJ1Z:…`), which browsers never send to the server.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import re
import zlib
from typing import Any

from tremplin.guide.journey import JOURNEY_VERSION, Journey, JourneyError, parse_journey

FORMAT = "tremplin-journey"
FORMAT_VERSION = JOURNEY_VERSION
MAX_FILE_BYTES = 64 * 1024
FILE_NAME = "tremplin-profil.json"
MEDIA_TYPE = "application/json"

# The code is shown on a screen (or printed once), not worn out: error correction level L
# keeps its modules large enough on a phone (QA: a typical profile at level M was a version
# 21 code, 3 px a module on a 360 px screen; at L it is a version 18 code). The payload is
# kept within the byte capacity of the largest code at level M (version 40): a larger one
# could not be scanned from a phone's screen anyway.
QR_ERROR = "l"
QR_MAX_BYTES = 2331
QR_PREFIX = "TJ1Z:"
_B64URL = re.compile(r"[A-Za-z0-9_-]*={0,2}")


class Told(str):
    """A refusal as a page shows it: the plain sentence for the person (the string itself),
    the precise reason for the helper (`detail`, maybe ""), and the part of the import form it
    is about (`source`: "file", "qr" or "")."""

    detail: str
    source: str

    def __new__(cls, text: str, detail: str = "", source: str = "") -> Told:
        told = super().__new__(cls, text)
        told.detail = detail
        told.source = source
        return told


class PortableError(JourneyError):
    """A file or QR payload is refused (too large, truncated, other version, crafted).

    What `import_json` and `decode_qr_payload` raise says it plainly ("Ce fichier n'est pas
    un profil Tremplin…": `message_fr`, `message_en`), keeps the precise reason for the helper
    (`detail_fr`, `detail_en`: "Champ inconnu : 'age'") and says which input it came from
    (`source`). `message(lang)` gives all three as a `Told`."""

    def __init__(self, message_fr: str, message_en: str, path: str = "", *,
                 too_large: bool = False, kind: str = "not_profile", detail_fr: str = "",
                 detail_en: str = "", source: str = "") -> None:
        super().__init__(message_fr, message_en, path, too_large=too_large)
        self.kind = kind  # what went wrong, for the plain sentence (PLAIN)
        self.detail_fr = detail_fr
        self.detail_en = detail_en
        self.source = source
        if detail_fr or detail_en:
            self.args = (f"{message_fr} ({detail_fr}) / {message_en} ({detail_en})",)

    def message(self, lang: str = "fr") -> Told:
        source = self.source or (self.path if self.path in ("file", "qr") else "")
        detail = self.detail_en if lang == "en" else self.detail_fr
        return Told(super().message(lang), detail, source)


def _err(fr: str, en: str, kind: str = "not_profile") -> PortableError:
    return PortableError(fr, en, "", kind=kind)


_CHOOSE_FR = "Choisis le fichier tremplin-profil.json que Tremplin t'a donné."
_CHOOSE_EN = "Choose the file tremplin-profil.json that Tremplin gave you."
_SCAN_FR = "Scanne à nouveau le QR code que Tremplin a affiché, ou colle son lien en entier."
_SCAN_EN = "Scan the QR code Tremplin showed again, or paste its whole link."
# What a person reads when a file or QR code is refused, by what went wrong (FALC: short
# sentences, no technical words, what to do next); the precise reason follows for the helper.
PLAIN: dict[str, tuple[str, str]] = {
    "too_large": (
        f"Le fichier fait plus de {MAX_FILE_BYTES // 1024} Ko : ce n'est pas un profil "
        f"Tremplin. {_CHOOSE_FR}",
        f"The file is over {MAX_FILE_BYTES // 1024} KB: it is not a Tremplin profile. "
        f"{_CHOOSE_EN}"),
    "empty": (f"Ce fichier est vide : ce n'est pas un profil Tremplin. {_CHOOSE_FR}",
              f"This file is empty: it is not a Tremplin profile. {_CHOOSE_EN}"),
    "truncated": (
        "Ce fichier est incomplet : la fin du profil manque. Prends le fichier "
        "tremplin-profil.json d'origine, ou télécharge ton profil à nouveau.",
        "This file is incomplete: the end of the profile is missing. Take the original "
        "tremplin-profil.json file, or download your profile again."),
    "newer": (
        "Ce profil vient d'une version plus récente de Tremplin. Ce site ne sait pas encore "
        "le lire.",
        "This profile comes from a newer version of Tremplin. This site cannot read it yet."),
    "profile_too_big": (
        "Ce profil est trop gros : ses notes ou ses textes sont trop longs. Raccourcis les "
        "notes sur l'appareil d'origine.",
        "This profile is too big: its notes or texts are too long. Shorten the notes on the "
        "device it comes from."),
    "not_profile": (f"Ce fichier n'est pas un profil Tremplin. {_CHOOSE_FR}",
                    f"This file is not a Tremplin profile. {_CHOOSE_EN}"),
    "qr_damaged": (f"Le QR code est abîmé ou incomplet. {_SCAN_FR}",
                   f"The QR code is damaged or incomplete. {_SCAN_EN}"),
    "qr_not_profile": (f"Ce QR code n'est pas un profil Tremplin. {_SCAN_FR}",
                       f"This QR code is not a Tremplin profile. {_SCAN_EN}"),
}
_QR_KINDS = {"not_profile": "qr_not_profile", "truncated": "qr_damaged", "empty": "qr_damaged",
             "too_large": "qr_damaged"}


def _plainly(exc: JourneyError, source: str) -> PortableError:
    """`exc` worded for the person, its own words kept as the detail for the helper."""
    if isinstance(exc, PortableError):
        kind = exc.kind
    else:  # the journey inside is refused (unknown field, a value out of range...)
        kind = "profile_too_big" if exc.too_large else "not_profile"
    if source == "qr":
        kind = _QR_KINDS.get(kind, kind)
    fr, en = PLAIN[kind]
    return PortableError(fr, en, exc.path, too_large=exc.too_large, kind=kind,
                         detail_fr=_where(exc.message_fr, exc.path, "fr"),
                         detail_en=_where(exc.message_en, exc.path, "en"), source=source)


_ITEM = re.compile(r"(notes|experiences)\[(\d+)\].*")


def _where(message: str, path: str, lang: str) -> str:
    """`message` with its item counted as people count ("notes, n° 3", not « notes[2] »)."""
    m = _ITEM.fullmatch(path)
    if not m:
        return message
    said = f" (champ « {path} »)" if lang == "fr" else f" (field '{path}')"
    what = {"notes": "notes", "experiences": "expériences" if lang == "fr" else "experiences"}
    number = "n°" if lang == "fr" else "no."
    return message.removesuffix(said) + f" ({what[m.group(1)]}, {number} {int(m.group(2)) + 1})"


def _envelope(journey: Journey) -> dict[str, Any]:
    """The journey as a file or QR code holds it: the young person's own profile. The
    helper's notes stay out: they are the helper's, written for the summary, and the person
    takes the file away (a file of an older Tremplin that holds notes is still read)."""
    body = journey.to_compact_dict()
    body.pop("version", None)
    body.pop("notes", None)
    return {"format": FORMAT, "version": FORMAT_VERSION, **body}


def export_json(journey: Journey) -> bytes:
    """The journey as a compact UTF-8 JSON file (always ≤ MAX_FILE_BYTES for a valid journey)."""
    data = json.dumps(_envelope(journey), ensure_ascii=False, separators=(",", ":"))
    raw = data.encode("utf-8")
    if len(raw) > MAX_FILE_BYTES:  # cannot happen with the journey limits; kept as a guard
        raise _err("Profil trop gros pour un fichier", "Profile too big for a file")
    return raw


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _parse_json(text: str) -> object:
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise _err(
                "Le fichier est incomplet (coupé avant la fin) : ce n'est pas un profil Tremplin entier",
                "The file is incomplete (cut before its end): not a whole Tremplin profile",
                "truncated",
            ) from None
        raise _err(
            f"Le fichier n'est pas du JSON valide (ligne {exc.lineno}, colonne {exc.colno})",
            f"The file is not valid JSON (line {exc.lineno}, column {exc.colno})",
        ) from None
    except RecursionError:
        raise _err("Le fichier est trop imbriqué", "The file is nested too deeply") from None
    except ValueError:  # NaN/Infinity, or an integer with thousands of digits
        raise _err(
            "Le fichier contient un nombre démesuré ou invalide",
            "The file holds a huge or invalid number",
        ) from None


def _too_large() -> PortableError:
    return PortableError(
        f"Fichier trop gros : plus de {MAX_FILE_BYTES // 1024} Ko, quand un profil Tremplin "
        f"fait au plus {MAX_FILE_BYTES // 1024} Ko",
        f"File too large: over {MAX_FILE_BYTES // 1024} KB, when a Tremplin profile is at "
        f"most {MAX_FILE_BYTES // 1024} KB", too_large=True, kind="too_large",
    )


def file_too_large() -> PortableError:
    """The refusal of a file over MAX_FILE_BYTES, worded for the person, as `import_json`
    gives it (for a body refused before it is read)."""
    return _plainly(_too_large(), "file")


def import_json(data: bytes | str) -> Journey:
    """Validate an uploaded file into a Journey, or raise a PortableError worded for the
    person (the precise reason in its detail)."""
    try:
        return _import_json(data)
    except JourneyError as exc:
        raise _plainly(exc, "file") from None


def _import_json(data: bytes | str) -> Journey:
    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_FILE_BYTES:  # the caller may have read only a little more: no size
        raise _too_large()
    if not raw.strip():
        raise _err("Le fichier est vide", "The file is empty", "empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _err(
            "Le fichier n'est pas un texte UTF-8 (est-ce bien un profil Tremplin ?)",
            "The file is not UTF-8 text (is it really a Tremplin profile?)",
        ) from None
    return from_envelope(_parse_json(text))


def from_envelope(obj: object) -> Journey:
    if not isinstance(obj, dict):
        raise _err("Le fichier doit contenir un objet JSON", "The file must hold a JSON object")
    if obj.get("format") != FORMAT:
        raise _err(
            f"Ce n'est pas un profil Tremplin (format attendu : « {FORMAT} »)",
            f"This is not a Tremplin profile (expected format: '{FORMAT}')",
        )
    version = obj.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _err("Version du format absente ou invalide", "Format version missing or invalid")
    if version != FORMAT_VERSION:
        if version > FORMAT_VERSION:
            fr = (f"Ce profil est en version {version}, plus récente que celle que ce Tremplin "
                  f"sait lire ({FORMAT_VERSION}) : mets Tremplin à jour")
            en = (f"This profile is version {version}, newer than this Tremplin can read "
                  f"({FORMAT_VERSION}): update Tremplin")
            raise _err(fr, en, "newer")
        raise _err(f"Version {version} du format inconnue (attendue : {FORMAT_VERSION})",
                   f"Unknown format version {version} (expected: {FORMAT_VERSION})")
    body = {k: v for k, v in obj.items() if k != "format"}
    return parse_journey(body)


# --- QR codes -------------------------------------------------------------------------------

def qr_payload(journey: Journey, base_url: str | None = None) -> str:
    """The text to put in a QR code. Plain ASCII JSON when it fits in one QR code (and no
    base_url); otherwise compressed. Raises PortableError when even compressed it is over
    QR_MAX_BYTES (the message states the limit: export a file instead)."""
    plain = json.dumps(_envelope(journey), ensure_ascii=True, separators=(",", ":"))
    if base_url is None and len(plain) <= QR_MAX_BYTES:
        return plain
    compact = json.dumps(_envelope(journey), ensure_ascii=False, separators=(",", ":"))
    token = QR_PREFIX + base64.urlsafe_b64encode(
        zlib.compress(compact.encode("utf-8"), 9)
    ).decode("ascii").rstrip("=")
    payload = f"{base_url}#{token}" if base_url else token
    if len(payload) > QR_MAX_BYTES:
        raise _err(
            f"Profil trop gros pour un QR code ({len(payload)} caractères une fois compressé, "
            f"limite {QR_MAX_BYTES}) : exporte-le plutôt en fichier",
            f"Profile too big for a QR code ({len(payload)} characters once compressed, "
            f"limit {QR_MAX_BYTES}): export it as a file instead",
        )
    return payload


def decode_qr_payload(text: str) -> Journey:
    """The journey from a scanned QR text: plain JSON, a `TJ1Z:` token, or a link whose
    fragment holds one; or a PortableError worded for the person (the precise reason in its
    detail)."""
    try:
        return _decode_qr_payload(text)
    except JourneyError as exc:
        raise _plainly(exc, "qr") from None


def _decode_qr_payload(text: str) -> Journey:
    if not isinstance(text, str):
        raise _err("Le contenu du QR code doit être un texte", "The QR code content must be text")
    if len(text) > QR_MAX_BYTES + 64:
        raise _err(
            f"Contenu de QR code trop long (au plus {QR_MAX_BYTES} caractères)",
            f"QR code content too long (at most {QR_MAX_BYTES} characters)", "qr_not_profile",
        )
    text = text.strip()
    if text.startswith("{"):
        return from_envelope(_parse_json(text))
    token = text.split("#", 1)[1] if "#" in text else text
    if not token.startswith(QR_PREFIX):
        raise _err("Ce QR code ne contient pas de profil Tremplin",
                   "This QR code holds no Tremplin profile", "qr_not_profile")
    body = token[len(QR_PREFIX):]
    if not _B64URL.fullmatch(body):
        raise _err("Le QR code est abîmé (caractères inattendus)",
                   "The QR code is damaged (unexpected characters)", "qr_damaged")
    try:
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES or inflater.unconsumed_tail:
            raise _err(
                f"Le profil décompressé dépasse {MAX_FILE_BYTES // 1024} Ko",
                f"The decompressed profile is over {MAX_FILE_BYTES // 1024} KB", "qr_damaged",
            )
        if not inflater.eof:
            raise _err("Le QR code est incomplet", "The QR code is incomplete", "qr_damaged")
    except (binascii.Error, zlib.error, ValueError) as exc:
        if isinstance(exc, PortableError):
            raise
        raise _err("Le QR code est abîmé ou incomplet", "The QR code is damaged or incomplete",
                   "qr_damaged") from None
    return _import_json(raw)


def qr_svg(journey: Journey, base_url: str | None = None, *, lang: str = "fr", scale: int = 4) -> str:
    """An SVG QR code (with title and description for screen readers) for the journey."""
    import segno

    payload = qr_payload(journey, base_url)
    code = segno.make(payload, error=QR_ERROR, micro=False, boost_error=False)
    title = "QR code de ton profil Tremplin" if lang == "fr" else "QR code of your Tremplin profile"
    desc = (
        "Scanne-le sur un autre appareil pour reprendre ton parcours. Il ne contient ni nom ni contact."
        if lang == "fr" else
        "Scan it on another device to continue your journey. It holds no name and no contact."
    )
    out = io.BytesIO()
    code.save(out, kind="svg", scale=scale, border=4, xmldecl=False, title=title, desc=desc,
              svgclass="tremplin-qr", nl=False)
    return _fit_to_screen(out.getvalue().decode("utf-8"))


_SVG_SIZE = re.compile(r'^<svg([^>]*?) width="(\d+)" height="(\d+)"')


def _fit_to_screen(svg: str) -> str:
    """The code scaled to the screen it is opened on (a fixed 484 px was cut on a 360 px
    phone, so it could not be scanned), never blurred: same drawing, a viewBox instead."""
    return _SVG_SIZE.sub(lambda m: f'<svg{m.group(1)} viewBox="0 0 {m.group(2)} {m.group(3)}" '
                                   'width="100%" height="100%"', svg, count=1)
