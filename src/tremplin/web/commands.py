"""`tremplin serve`: the pages and the JSON API with uvicorn (catalog loaded once)."""

from __future__ import annotations

import click


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (each loads the catalog and the encoder once).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(host: str, port: int, workers: int, log_level: str) -> None:
    """Serve the journey pages and the JSON API (docs at /docs)."""
    import logging

    import uvicorn

    from tremplin.catalog.errors import CatalogMissing
    from tremplin.config import load_settings

    settings = load_settings()
    if not settings.catalog_path.exists():
        raise click.ClickException(
            f"No catalog at {settings.catalog_path}: run `tremplin catalog build` first.")
    # Access lines come from our middleware (method, path, status, duration: never a query
    # string); uvicorn's own access log, which prints query strings, is turned off.
    access = logging.getLogger("tremplin.web.access")
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    access.addHandler(handler)
    access.setLevel(logging.INFO if log_level in ("info", "debug") else logging.WARNING)
    access.propagate = False
    try:
        uvicorn.run("tremplin.web.app:create_app", factory=True, host=host, port=port,
                    workers=workers, log_level=log_level, access_log=False,
                    proxy_headers=False, server_header=False)
    except CatalogMissing as exc:
        raise click.ClickException(str(exc)) from exc
