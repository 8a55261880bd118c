from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tremplin.cli import cli
from tremplin.search import JobSearch, Matcher, match_titles


def test_matcher_on_a_small_label_list() -> None:
    m = Matcher.from_labels(["b", "p", "p", "n"],
                            ["Boulanger", "Plombier", "Plombier chauffagiste", "Infirmier"])
    assert m.search("boulangère", 1)[0].id == "b"
    assert m.search("plonbier", 2)[0].id == "p"
    hits = m.search("nurse", 3)
    assert hits[0].id == "n"
    assert [h.rank for h in hits] == [1, 2, 3]
    assert len({h.id for h in hits}) == 3  # ids deduplicated
    assert m.search_many(["", "plombier"], 1)[0] == []


def test_match_titles_batch(engine: JobSearch) -> None:
    out = match_titles(["boulanger", "", "kiné"], 3)
    assert out[0]["hits"][0]["code"] == "D1102"
    assert out[1]["hits"] == [] and out[1]["error"]
    assert out[2]["hits"][0]["reason"] == "alias"


def test_cli_match_output_format(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.tsv"
    corpus.write_text("c1\tBoulanger\nc2\tPlombier\nc3\tInfirmier\n", encoding="utf-8")
    queries = tmp_path / "queries.tsv"
    queries.write_text("q1\tboulangère\nq2\tplonbier\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["match", "--corpus", str(corpus), "--queries", str(queries),
                                   "--top", "2"])
    assert res.exit_code == 0, res.output
    lines = [line.split("\t") for line in res.output.strip().splitlines()]
    assert len(lines) == 4
    assert lines[0][:3] == ["q1", "c1", "1"] and lines[1][:3] == ["q1", lines[1][1], "2"]
    assert lines[2][:3] == ["q2", "c2", "1"]
    assert all(0.0 <= float(row[3]) <= 1.0 for row in lines)
    assert float(lines[0][3]) >= float(lines[1][3])


def test_cli_search_json_and_error(engine: JobSearch) -> None:
    res = CliRunner().invoke(cli, ["search", "nounou", "--limit", "3", "--json"])
    assert res.exit_code == 0, res.output
    hits = json.loads(res.output)
    assert hits[0]["code"] == "K1310" and len(hits) == 3
    res = CliRunner().invoke(cli, ["search", "   "])
    assert res.exit_code == 2 and "empty" in res.output


def test_cli_eval_search_json_keys(engine: JobSearch, tmp_path: Path) -> None:
    f = tmp_path / "q.tsv"
    f.write_text("query\trome_codes\tkind\nplombier\tF1603\texact\nkiné\tJ1404\tslang\n"
                 "boulangere\tD1102,D1108\taccent\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["eval", "search", "--queries", str(f), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert {"success_at_1", "success_at_5", "mrr", "per_kind", "latency_ms_p50",
            "latency_ms_p95"} <= set(out)
    assert out["success_at_1"] == 1.0 and set(out["per_kind"]) == {"exact", "slang", "accent"}
