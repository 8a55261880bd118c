"""Command line: thin commands over the core service functions.

Each feature area adds its commands in its own module and registers them here."""

from __future__ import annotations

import logging

import click

from tremplin.catalog.commands import catalog
from tremplin.recommend.commands import (
    centres_cmd,
    domains_cmd,
    eval_recommend_cmd,
    recommend_cmd,
)
from tremplin.search.commands import eval_search_command, match_command, search_command
from tremplin.web.commands import serve


@click.group()
@click.version_option(package_name="tremplin")
def cli() -> None:
    """Tremplin: find jobs that fit, on French open data (ROME 4.0, ONISEP)."""


@cli.group(name="eval")
def eval_group() -> None:
    """Measure quality on labelled sets."""


cli.add_command(catalog)
cli.add_command(search_command)
cli.add_command(match_command)
eval_group.add_command(eval_search_command)
cli.add_command(recommend_cmd)
cli.add_command(centres_cmd)
cli.add_command(domains_cmd)
eval_group.add_command(eval_recommend_cmd)
cli.add_command(serve)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="warning: %(message)s")
    cli()
