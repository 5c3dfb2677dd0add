"""Command: export the story (json, and the formats in views/exporters)."""

from __future__ import annotations

import sys

import click

from ..views.exporters import EXPORTERS, exporter
from .common import db_option, err_console, open_store_or_exit


@click.command()
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)), default="json", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write to this file instead of standard output.",
)
@db_option
def export(fmt, output, db):
    """Export the story: json (the story JSON, schema-validated), and other formats for analysts' tools."""
    with open_store_or_exit(db) as store:
        data = exporter(fmt)(store)
    if output:
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(output, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
            f.write(data)
        err_console.print(f"wrote {output}")
    else:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)


COMMANDS = [export]
