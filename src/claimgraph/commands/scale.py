"""Commands for large corpora: spark (analyse and link with PySpark), load (its tables into a store)."""

from __future__ import annotations

import sys

import click

from .common import (
    EXIT_INPUT_ERRORS,
    command_settings,
    console,
    db_option,
    err_console,
    exit_on_error,
    json_option,
    open_store_or_exit,
    print_json,
)

SHOWN_SKIPS = 20


@click.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, path_type=str))
@click.argument("output", metavar="OUTPUT", type=click.Path(path_type=str))
@click.option("--master", default="local[*]", show_default=True, help="Spark master URL.")
@click.option(
    "--partitions",
    type=click.IntRange(1, 100_000),
    default=4,
    show_default=True,
    help="Partitions for analysis and linking.",
)
@json_option
def spark(input_path, output, master, partitions, as_json):
    """Analyse and link a large corpus with PySpark; write Parquet tables to OUTPUT.

    INPUT is a JSON Lines file or folder (one report per line: text, title, outlet, author, published, url)
    or Parquet with those columns. OUTPUT gets documents/, claims/, clusters/, relations/ (and edges/,
    embeddings/, errors/); `claimgraph load OUTPUT` brings them into a store. Needs Java 17+.
    """
    from ..scale.job import run

    settings = command_settings()
    with exit_on_error():
        summary = run(input_path, output, master=master, partitions=partitions, settings=settings)
    if as_json:
        print_json(summary.to_dict())
    else:
        console.print(
            f"{summary.documents} report(s), {summary.claims} claims, {summary.edges} same-claim links, "
            f"{summary.clusters} clusters, {summary.relations} relations, {len(summary.skipped)} input(s) skipped "
            f"-> {output}"
        )
        for where, reason in summary.skipped[:SHOWN_SKIPS]:
            err_console.print(f"[yellow]skipped[/yellow] {where}: {reason}", soft_wrap=True)
        if len(summary.skipped) > SHOWN_SKIPS:
            err_console.print(f"... and {len(summary.skipped) - SHOWN_SKIPS} more (see {output}/errors)")
    sys.exit(EXIT_INPUT_ERRORS if summary.skipped else 0)


@click.command()
@click.argument("output", metavar="OUTPUT", type=click.Path(exists=True, file_okay=False, path_type=str))
@db_option
@json_option
def load(output, db, as_json):
    """Load the tables written by `claimgraph spark` into a store (documents, analyses and links).

    Loading again is a no-op; into a store that already holds linked reports, the new ones are linked
    against them.
    """
    from ..scale.load import load as load_tables

    with open_store_or_exit(db, create=True) as store, exit_on_error():
        summary = load_tables(store, output)
    for warning in summary.warnings:
        err_console.print(f"[yellow]warning:[/yellow] {warning}")
    if as_json:
        print_json(summary.to_dict())
    else:
        console.print(
            f"loaded {len(summary.added)} report(s), {summary.already_stored} already stored, "
            f"{len(summary.duplicates)} near-copies marked, {summary.edges} same-claim links "
            f"({'from the Spark job' if summary.linked_by == 'spark' else 'linked against the store'})"
        )


COMMANDS = [spark, load]
