"""Reading raw input files with validation: encodings, required columns, line numbers.

Every problem raises DataError naming the file, the line and what was expected.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from collections.abc import Iterator
from pathlib import Path

from tremplin.catalog.errors import DataError

log = logging.getLogger(__name__)

# Files the publisher labels UTF-8 that are really Windows-1252 (see ../shared/data/README.md).
CP1252_QUIRKS = ("arborescence_secteur_naf",)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def find_one(folder: Path, pattern: str, what: str) -> Path:
    """The single file in `folder` matching a glob; versions in names are not hard-coded."""
    if not folder.is_dir():
        raise DataError(folder, f"folder not found (expected {what})")
    matches = sorted(folder.glob(pattern))
    if not matches:
        raise DataError(folder / pattern, f"missing file: expected {what} matching '{pattern}'")
    if len(matches) > 1:
        names = ", ".join(m.name for m in matches)
        raise DataError(folder / pattern, f"several files match '{pattern}' ({names}): keep one")
    return matches[0]


def _line_of_offset(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def decode_text(path: Path) -> str:
    """Decode a file as UTF-8 (BOM tolerated); known cp1252 quirks are decoded and logged."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if any(q in path.name for q in CP1252_QUIRKS):
            log.warning("%s is Windows-1252, not UTF-8 as named: decoded as cp1252", path.name)
            return raw.decode("cp1252")
        line = _line_of_offset(raw, err.start)
        raise DataError(
            path, f"not valid UTF-8 (byte 0x{raw[err.start]:02x}); expected UTF-8 text", line
        ) from err


def read_csv(path: Path, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for a quoted CSV, checking header columns and row widths."""
    text = decode_text(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise DataError(path, "empty file: expected a header line", 1) from None
    except csv.Error as err:
        raise DataError(path, f"unreadable header: {err}", 1) from err
    missing = [c for c in required if c not in header]
    if missing:
        raise DataError(
            path, f"missing column(s) {', '.join(missing)}; header has {', '.join(header)}", 1
        )
    width = len(header)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise DataError(path, f"malformed CSV ({err}); file truncated?", reader.line_num) from err
        if not row:
            continue
        if len(row) != width:
            raise DataError(
                path,
                f"{len(row)} fields where the header has {width}; file truncated or mis-quoted?",
                reader.line_num,
            )
        yield reader.line_num, dict(zip(header, row, strict=True))
