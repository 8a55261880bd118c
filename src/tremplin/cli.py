"""Command line: thin commands over the core service functions.

Each feature area adds its commands in its own module and registers them here."""

from __future__ import annotations

import logging

import click

from tremplin.catalog.commands import catalog


@click.group()
@click.version_option(package_name="tremplin")
def cli() -> None:
    """Tremplin: find jobs that fit, on French open data (ROME 4.0, ONISEP)."""


@cli.group(name="eval")
def eval_group() -> None:
    """Measure quality on labelled sets."""


cli.add_command(catalog)


def main() -> None:
    logging.basicConfig(level=logging.WARNING, format="warning: %(message)s")
    cli()
