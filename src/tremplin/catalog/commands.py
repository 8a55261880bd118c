"""`tremplin catalog build|stats`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tremplin.catalog.errors import CatalogError
from tremplin.catalog.read import Catalog
from tremplin.config import load_settings


@click.group()
def catalog() -> None:
    """Build and inspect the catalog built from the open data."""


@catalog.command()
@click.option("--data-dir", type=click.Path(path_type=Path), help="Open data folder.")
@click.option("--force", is_flag=True, help="Rebuild even when the inputs did not change.")
def build(data_dir: Path | None, force: bool) -> None:
    """Build the SQLite catalog (atomic; skipped when inputs are unchanged)."""
    settings = load_settings(data_dir=data_dir)
    click.echo(f"Data: {settings.data_dir}", err=True)
    from tremplin.artifacts import build_artifacts  # the indexes depend on the catalog package

    try:
        built = build_artifacts(settings, force=force, stream=sys.stderr)
    except CatalogError as err:
        raise click.ClickException(str(err)) from err
    result = built.catalog
    for name, seconds in built.indexes.items():
        click.echo(f"Index {name}: ready in {seconds:.1f} s", err=True)
    size_mb = result.size_bytes / 1e6
    if not result.rebuilt:
        click.echo(f"Catalog up to date: {result.path} ({size_mb:.1f} MB)")
    else:
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        click.echo(f"Catalog built in {result.seconds:.1f} s: {result.path} ({size_mb:.1f} MB)")


@catalog.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def stats(as_json: bool) -> None:
    """Counts per table and the version and date of each source."""
    settings = load_settings()
    try:
        cat = Catalog(settings.catalog_path)
    except CatalogError as err:
        raise click.ClickException(str(err)) from err
    counts = cat.table_counts()
    sources = [{"dataset": s.dataset, "version": s.version, "published": s.published,
                "licence": s.licence, "credit": s.credit} for s in cat.sources()]
    meta = cat.meta()
    cat.close()
    if as_json:
        click.echo(json.dumps({"tables": counts, "sources": sources,
                               "schema_version": meta.get("schema_version"),
                               "built_at": meta.get("built_at")}, ensure_ascii=False))
        return
    click.echo(f"Catalog {settings.catalog_path} (schema {meta.get('schema_version')},"
               f" built {meta.get('built_at')})")
    for s in sources:
        click.echo(f"  {s['dataset']:<8} version {s['version']:<12} published {s['published']}"
                   f"  — {s['credit']}")
    for table, count in counts.items():
        click.echo(f"  {table:<24} {count:>8}")
