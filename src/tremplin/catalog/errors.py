"""Errors raised while reading open data: each names the file, the line and what was expected."""

from __future__ import annotations

from pathlib import Path


class CatalogError(Exception):
    """Base class for catalog problems (build or read)."""


class DataError(CatalogError):
    """An input file is missing, malformed or inconsistent."""

    def __init__(self, file: Path | str, message: str, line: int | None = None) -> None:
        self.file = Path(file)
        self.line = line
        self.detail = message
        where = f"{self.file.name}" + (f", line {line}" if line is not None else "")
        super().__init__(f"{where}: {message}")


class CatalogMissing(CatalogError):
    """No catalog has been built yet."""
