"""`tremplin search`, `tremplin match`, `tremplin eval search`."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from tremplin.catalog.errors import CatalogError
from tremplin.search.normalize import QueryError


def error_lines(fr: str, en: str) -> str:
    """A refused search as the other commands word it (`tremplin recommend`): in French, then
    in English in parentheses; an error with no French text is given in English."""
    if not fr or fr == en:
        return f"error: {en}"
    return f"erreur : {fr}\n(error: {en})"


def _fail(fr: str, en: str, code: int) -> None:
    click.echo(error_lines(fr, en), err=True)
    sys.exit(code)


@click.command(name="search")
@click.argument("query")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of hits.")
@click.option("--explain", is_flag=True, help="Show how the results were found.")
def search_command(query: str, limit: int, as_json: bool, explain: bool) -> None:
    """Find job fiches for a title as people type it ("boulangé", "educ spé", "nurse")."""
    from tremplin.search.engine import get_engine

    try:
        engine = get_engine()
        if explain:
            click.echo(json.dumps(engine.explain(query).to_dict(), ensure_ascii=False, indent=1))
            return
        hits = engine.search(query, limit)
    except QueryError as err:  # the query itself: a usage error (exit 2)
        _fail(err.fr, err.en, 2)
        return
    except CatalogError as err:  # no index yet, or a damaged one (exit 1)
        _fail(str(getattr(err, "fr", "") or ""), str(err), 1)
        return
    if as_json:
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False))
        return
    if not hits:
        click.echo("Aucun métier trouvé. / No job found.")
    for n, h in enumerate(hits, 1):
        click.echo(f"{n:>2}. {h.code}  {h.title}  [{h.reason}, {h.score:.2f}]"
                   + (f"  — {h.job_label}" if h.job_label != h.title else ""))


def _read_pairs(path: Path) -> list[tuple[str, str]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            if "\t" not in line:
                raise click.BadParameter(f"{path}:{n}: expected id<TAB>label")
            ident, label = line.split("\t", 1)
            rows.append((ident, label))
    return rows


@click.command(name="match")
@click.option("--corpus", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TSV id<TAB>label, no header: the labels to match against.")
@click.option("--queries", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TSV id<TAB>label, no header: the labels to match.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000))
def match_command(corpus: Path, queries: Path, top: int) -> None:
    """Match labels to a corpus; prints query_id<TAB>corpus_id<TAB>rank<TAB>score, best first."""
    from tremplin.search.matcher import Matcher

    corpus_rows = _read_pairs(corpus)
    query_rows = _read_pairs(queries)
    matcher = Matcher.from_labels([i for i, _ in corpus_rows], [label for _, label in corpus_rows])
    results = matcher.search_many([label for _, label in query_rows], top)
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    for (qid, _), hits in zip(query_rows, results, strict=True):
        for hit in hits:
            out.writerow([qid, hit.id, hit.rank, f"{hit.score:.4f}"])


@click.command(name="search")
@click.option("--queries", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TSV with header query<TAB>rome_codes<TAB>kind.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--details", is_flag=True, help="With --json: add per-query ranks.")
def eval_search_command(queries: Path, as_json: bool, details: bool) -> None:
    """success@1, success@5 and MRR of the job search, overall and per kind, and latency."""
    from tremplin.search.engine import get_engine
    from tremplin.search.evaluate import evaluate, read_queries

    try:
        items = read_queries(queries)
        engine = get_engine()
    except (ValueError, CatalogError) as err:
        raise click.ClickException(str(err)) from err
    engine.search("warm up")  # load the encoder before timing
    result = evaluate(items, lambda q: engine.search_uncached(q, 10), details=details)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    click.echo(f"queries {len(items)}  success@1 {result['success_at_1']:.3f}  "
               f"success@5 {result['success_at_5']:.3f}  MRR {result['mrr']:.3f}  "
               f"latency p50 {result['latency_ms_p50']:.1f} ms  p95 {result['latency_ms_p95']:.1f} ms")
    for kind, r in result["per_kind"].items():
        click.echo(f"  {kind:<10} n={r['n']:<3} s@1 {r['success_at_1']:.3f}  "
                   f"s@5 {r['success_at_5']:.3f}  MRR {r['mrr']:.3f}")
