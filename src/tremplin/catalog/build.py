"""Atomic catalog build: import into a temporary file, validate, then swap it in.

A failed build leaves the previous catalog untouched (and still serving). The build is
skipped when neither the input files nor the schema version changed."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import sqlite3
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from tremplin.catalog.errors import CatalogError, DataError
from tremplin.catalog.onisep import import_onisep
from tremplin.catalog.places import import_places
from tremplin.catalog.record import SourceRecord
from tremplin.catalog.rome import import_rome
from tremplin.catalog.schema import DDL, REQUIRED_NON_EMPTY, SCHEMA_VERSION
from tremplin.config import Settings

log = logging.getLogger(__name__)

DATASETS = (("rome", "rome-4.0-*"), ("onisep", "onisep-ideo-*"), ("places", "inclusion-places-*"))
EXPECTED_STEPS = 19  # for the progress bar only: ROME 13, ONISEP 2, places 1, checks 3


@dataclass
class BuildResult:
    path: Path
    rebuilt: bool
    seconds: float
    size_bytes: int
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


class Progress:
    """A progress bar on a terminal, plain log lines otherwise."""

    def __init__(self, stream: TextIO | None = None, total: int = EXPECTED_STEPS) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self.tty = bool(stream is not None and stream.isatty())

    def __call__(self, message: str) -> None:
        self.done += 1
        if self.stream is None:
            log.info(message)
        elif self.tty:
            filled = min(30, 30 * self.done // max(1, self.total))
            bar = "#" * filled + "." * (30 - filled)
            self.stream.write(f"\r[{bar}] {message[:60]:<60}")
            self.stream.flush()
        else:
            self.stream.write(f"[{self.done}/{self.total}] {message}\n")

    def finish(self) -> None:
        if self.tty and self.stream is not None:
            self.stream.write("\n")


def _natural_key(path: Path) -> list[object]:
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", path.name)]


def dataset_dirs(data_dir: Path) -> dict[str, Path]:
    """The folder of each dataset; with several versions side by side, the newest one."""
    if not data_dir.is_dir():
        raise DataError(data_dir, "data folder not found: set --data-dir or TREMPLIN_DATA_DIR")
    found = {}
    for name, pattern in DATASETS:
        folders = sorted((p for p in data_dir.glob(pattern) if p.is_dir()), key=_natural_key)
        if not folders:
            raise DataError(data_dir / pattern, f"missing folder for the {name} dataset")
        found[name] = folders[-1]
    return found


def input_fingerprint(folders: dict[str, Path]) -> str:
    """Hash of every input file's content, the schema version and the importers' code."""
    digest = hashlib.sha256(f"schema:{SCHEMA_VERSION}".encode())
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    for name in sorted(folders):
        for path in sorted(p for p in folders[name].iterdir() if p.is_file()):
            digest.update(f"{name}/{path.name}".encode())
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()


def current_fingerprint(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'input_fingerprint'").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


@contextlib.contextmanager
def _build_lock(home: Path) -> Iterator[None]:
    """One build at a time per TREMPLIN_HOME (tests and a running app may share it)."""
    home.mkdir(parents=True, exist_ok=True)
    with (home / ".build.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_catalog(
    settings: Settings, *, force: bool = False, stream: TextIO | None = None
) -> BuildResult:
    started = time.perf_counter()
    target = settings.catalog_path
    folders = dataset_dirs(settings.data_dir)
    fingerprint = input_fingerprint(folders)
    with _build_lock(settings.home):
        if not force and current_fingerprint(target) == fingerprint:
            return BuildResult(target, False, time.perf_counter() - started,
                               target.stat().st_size)
        progress = Progress(stream)
        temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temp.unlink(missing_ok=True)
        try:
            records = _write_catalog(temp, folders, fingerprint, progress)
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
            progress.finish()
    result = BuildResult(target, True, time.perf_counter() - started, target.stat().st_size)
    for record in records:
        result.counts.update(record.counts)
        result.warnings.extend(record.warnings)
    return result


def ensure_catalog(settings: Settings) -> BuildResult:
    return build_catalog(settings)


def _write_catalog(
    temp: Path, folders: dict[str, Path], fingerprint: str, progress: Progress
) -> list[SourceRecord]:
    db = sqlite3.connect(temp)
    try:
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.executescript(DDL)
        records = [
            import_rome(db, folders["rome"], progress),
            import_onisep(db, folders["onisep"], progress),
            import_places(db, folders["places"], progress),
        ]
        progress("Checking references")
        _validate(db, temp)
        _write_provenance(db, records, fingerprint)
        db.commit()
        progress("Compacting")
        db.execute("VACUUM")
        db.execute("ANALYZE")
        db.commit()
    finally:
        db.close()
    progress("Swapping in the new catalog")
    return records


def _validate(db: sqlite3.Connection, path: Path) -> None:
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        table, rowid, parent, _ = problems[0]
        raise CatalogError(
            f"{len(problems)} broken reference(s), e.g. {table} row {rowid} points to a missing"
            f" {parent}; the previous catalog is kept")
    for table in REQUIRED_NON_EMPTY:
        if db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0:
            raise CatalogError(f"table {table} came out empty; the previous catalog is kept")
    if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        raise CatalogError(f"{path.name}: SQLite integrity check failed")


def _write_provenance(db: sqlite3.Connection, records: list[SourceRecord], fingerprint: str) -> None:
    db.executemany("INSERT INTO sources VALUES (?,?,?,?,?,?,?)", [
        (r.dataset, r.version, r.published, r.licence, r.credit,
         json.dumps(r.files, sort_keys=True), json.dumps(r.counts, sort_keys=True))
        for r in records
    ])
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "input_fingerprint": fingerprint,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
