"""`tremplin serve`: registered in the CLI, refuses clearly when no catalog is built."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tremplin.cli import cli


def test_serve_is_a_command() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--host" in result.output and "--port" in result.output


def test_serve_without_catalog_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREMPLIN_HOME", str(tmp_path))
    result = CliRunner().invoke(cli, ["serve", "--port", "1"])
    assert result.exit_code != 0
    assert "tremplin catalog build" in result.output
