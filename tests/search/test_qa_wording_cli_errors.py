"""QA: `tremplin search` words a refused query as `tremplin recommend` does: French first, then
English in parentheses, on stderr, with no click "Error:" / "Usage:" lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tremplin.cli import cli
from tremplin.search import JobSearch


@pytest.mark.parametrize(("query", "fr", "en"), [
    ("   ", "La recherche est vide.", "The query is empty."),
    ("x" * 250, "La recherche est trop longue (250 caractères, maximum 200).",
     "The query is too long (250 characters, at most 200)."),
])
def test_a_refused_query_is_said_in_french_then_english(
        engine: JobSearch, query: str, fr: str, en: str) -> None:
    res = CliRunner().invoke(cli, ["search", query])
    assert res.exit_code == 2
    assert res.stderr == f"erreur : {fr}\n(error: {en})\n"
    assert res.stdout == "" and "Error:" not in res.output and "Usage:" not in res.output


def test_a_missing_index_is_said_in_french_then_english(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tremplin.search.index import load_index

    def missing(*args: object) -> JobSearch:
        return JobSearch(load_index(tmp_path))

    monkeypatch.setattr("tremplin.search.engine.get_engine", missing)
    res = CliRunner().invoke(cli, ["search", "boulanger"])
    assert res.exit_code == 1
    first, second = res.stderr.splitlines()
    assert first.startswith("erreur : Pas d'index de recherche dans ")
    assert second.startswith("(error: No search index at ") and second.endswith(")")
    assert "Error:" not in res.output
