"""What each importer reports back: provenance and counts, stored in the `sources` table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tremplin.catalog.sources import sha256_file

Progress = Callable[[str], None]


@dataclass
class SourceRecord:
    dataset: str
    version: str
    published: str
    licence: str
    credit: str
    files: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def used(self, path: Path) -> Path:
        """Record that a file was read (its hash goes into provenance)."""
        self.files[path.name] = sha256_file(path)
        return path
