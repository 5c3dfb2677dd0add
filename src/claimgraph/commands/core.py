"""Commands: add, docs, demo."""

from __future__ import annotations

import json
import shlex
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.markup import escape
from rich.table import Table

from ..analyze import language
from ..dates import DateError, normalise_date
from ..errors import ClaimgraphError, InputError
from ..store.db import redact
from .common import (
    EXIT_INPUT_ERRORS,
    EXIT_STORE,
    command_settings,
    console,
    db_option,
    err_console,
    how_to_run,
    json_option,
    open_store_or_exit,
    print_json,
    progress_bar,
    short,
)

MAX_EXISTING_SHOWN = 20  # "already stored" lines after the summary; past these, one total

if TYPE_CHECKING:
    from ..ingest import IngestReport


def run_add(
    store, items, settings, overrides, allow_private=False, quiet=False, processes=None, follow_links=False
) -> IngestReport:
    # Imported here, not with the module: reading and the analysis pipeline (lxml, the time and attribution
    # rules, the process pool) are for adding reports, and would slow every other command's start.
    from ..ingest import IngestReport, analyze_pending, store_documents
    from ..sources import Ignored, read_inputs

    report = IngestReport()
    with progress_bar(quiet) as progress:
        reading = progress.add_task("reading", total=None)

        def read_one(item):
            progress.advance(reading)
            if quiet or not isinstance(item, (InputError, Ignored)):
                return
            # escaped: a file name or a library's message may contain [brackets] rich would read as markup
            label = "[yellow]skipped[/yellow]" if isinstance(item, InputError) else "[dim]ignored[/dim]"
            _print_or_drop(err_console, f"{label} {escape(str(item))}")

        read = read_inputs(items, settings, allow_private=allow_private, follow_links=follow_links)
        store_documents(store, read, overrides, report, read_one)
        # reading is over: its count is its total (a bar with no total would pulse on as if still reading)
        progress.update(reading, total=next(t.completed for t in progress.tasks if t.id == reading))
        pending = len(store.pending_documents())
        analysing = progress.add_task("analysing", total=pending)
        # shown, and its clock started, only when linking starts (after the first analysis is stored)
        linking = progress.add_task("linking", total=None, visible=False, start=False)

        def linked(done: int, total: int) -> None:  # called with 0 done as linking starts
            if not progress.tasks[linking].started:
                progress.start_task(linking)
            progress.update(linking, completed=done, total=total, visible=True)

        analyze_pending(
            store, settings, report, lambda _doc: progress.advance(analysing), processes=processes, on_linking=linked
        )
    return report


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL...")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date for every report in this call.")
@click.option("--outlet", metavar="NAME", help="Outlet for every report in this call.")
@click.option("--title", metavar="TEXT", help="Title for every report in this call.")
@click.option("--author", metavar="NAME", help="Author for every report in this call.")
@click.option("--allow-private", is_flag=True, help="Allow URLs on loopback, link-local and private addresses.")
@click.option("--follow-links", is_flag=True, help="In folders, also read links that lead out of the folder.")
@click.option(
    "--max-bytes", type=click.IntRange(min=1), default=None, help="Refuse inputs larger than this many bytes."
)
@click.option(
    "--processes",
    type=click.IntRange(min=0),
    default=None,
    help="Analysis worker processes; 0 is one per core [default: CLAIMGRAPH_PROCESSES, else 0].",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or per-input lines.")
@db_option
@json_option
def add(
    inputs, published, outlet, title, author, allow_private, follow_links, max_bytes, processes, quiet, db, as_json
):
    """Add reports: files (.txt .md .html .jsonl .json Telegram export, .xml/.rss/.atom feeds, optionally .gz),
    folders (recursive) and URLs (fetched only when given; private addresses need --allow-private).

    Re-adding the same report is a no-op; syndicated near-copies are kept and marked. Exit code 1 when any
    input could not be read (the others are still added); files in folders that are not reports are listed
    as ignored and do not change it.
    """
    if published:
        published = _check_date(published)
    settings = command_settings(db=db, max_input_bytes=max_bytes, processes=processes)
    overrides = {"published": published, "outlet": outlet, "title": title, "author": author}
    with open_store_or_exit(settings.db, create=True) as store:
        earlier = store.detect_missing_languages()  # reports stored before languages were detected
        try:
            report = run_add(
                store, inputs, settings, overrides, allow_private, quiet or as_json, follow_links=follow_links
            )
        except ClaimgraphError as e:
            err_console.print(f"[red]error:[/red] {e}")
            sys.exit(EXIT_STORE)
        languages = store.document_languages()
    not_analysed = earlier + [(d, languages.get(d)) for d in report.analyzed if not language.analysed(languages.get(d))]
    try:
        _print_summary(report, as_json, not_analysed)
    except (BrokenPipeError, SystemExit):  # `claimgraph add ... | head -1`: the reader left; the work is done
        _drop_output(sys.stdout)
    sys.exit(0 if report.ok else EXIT_INPUT_ERRORS)


def _print_summary(report: IngestReport, as_json: bool, not_analysed: list[tuple[str, str | None]]) -> None:
    """``not_analysed``: (document id, language) of the reports stored but not analysed, for their language."""
    if as_json:
        print_json(
            {**report.to_dict(), "not_analysed": [{"document": d, "language": code} for d, code in not_analysed]}
        )
        return
    ignored = f", {report.ignored_count} file(s) ignored" if report.ignored_count else ""
    other = f", {len(not_analysed)} not analysed (language)" if not_analysed else ""
    console.print(
        f"added {len(report.added)} report(s), {report.already_stored} already stored, "
        f"{len(report.duplicates)} near-copies marked, "
        f"{len(set(report.analyzed) - {d for d, _ in not_analysed})} analysed{other}, "
        f"{report.skipped} input(s) skipped{ignored}",
        soft_wrap=True,
    )
    for doc_id, code in not_analysed:
        where = f" ({escape(report.paths[doc_id])})" if doc_id in report.paths else ""
        console.print(f"  {doc_id}{where}: {language.not_analysed_note(code)}", soft_wrap=True)
    for doc_id in report.existing[:MAX_EXISTING_SHOWN]:
        where = f" ({escape(report.paths[doc_id])})" if doc_id in report.paths else ""
        console.print(f"  {doc_id}{where}: already stored, nothing to do", soft_wrap=True)
    more = report.already_stored - min(len(report.existing), MAX_EXISTING_SHOWN)
    if more > 0:
        console.print(f"  ... and {more:,} more already stored, nothing to do")
    for doc_id, original in report.duplicates:
        console.print(f"  {doc_id}: a near-copy of {original}")


def _print_or_drop(target, message: str) -> None:
    """Print a line; once the reader of the stream has gone (a closed pipe), drop the rest of its output
    instead of stopping the work."""
    try:
        target.print(message, soft_wrap=True)
    except (BrokenPipeError, SystemExit):  # rich answers a closed pipe with SystemExit(1) and prints no more
        _drop_output(target.file)


def _drop_output(stream) -> None:
    """Send what is still to be written to ``stream`` (stdout or stderr) to /dev/null, so neither this nor
    Python's flush at exit fails on the closed pipe."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test runner's capture)
        pass


def _check_date(value: str) -> str:
    try:
        return normalise_date(value)
    except DateError as e:
        raise click.BadParameter(str(e), param_hint="--published") from None


@click.command()
@db_option
@json_option
def docs(db, as_json):
    """List the stored reports."""
    with open_store_or_exit(db) as store:
        documents = store.documents()
        counts = {a.document: len(a.claims) for a in store.analyses()}
    if as_json:
        print_json(
            [
                {
                    "id": d.id,
                    "title": d.title,
                    "outlet": d.outlet,
                    "author": d.author,
                    "published": d.published_date,
                    "url": d.url,
                    "path": d.path,
                    "kind": d.kind,
                    "language": d.language,
                    "duplicate_of": d.duplicate_of,
                    "claims": counts.get(d.id) if language.analysed(d.language) else None,
                    "note": _doc_note(d, counts),
                    "characters": len(d.text),
                }
                for d in documents
            ]
        )
        return
    table = Table(title=f"{len(documents)} report(s)")
    for col in ("id", "published", "outlet", "title", "language", "claims", "note"):
        table.add_column(col)
    for d in documents:
        claims = str(counts.get(d.id, "")) if language.analysed(d.language) else ""
        table.add_row(
            d.id,
            d.published_date or "?",
            short(d.outlet, 24),
            short(d.title or d.path, 60),
            d.language or "?",
            claims,
            _doc_note(d, counts) or "",
        )
    console.print(table)


def _doc_note(d, counts: dict[str, int]) -> str | None:
    """Why a report has no claims of its own: a copy, a language without a pipeline, or not analysed yet."""
    if d.duplicate_of:
        return f"copy of {d.duplicate_of}"
    return language.not_analysed_note(d.language) or (None if d.id in counts else "not analysed")


def demo_reports() -> tuple[Path, dict]:
    folder = resources.files("claimgraph.demo") / "reports"
    # The manifest sits beside the folder, so `claimgraph add .../reports` reads only reports.
    manifest = json.loads((folder / ".." / "manifest.json").read_text(encoding="utf-8"))
    return Path(str(folder)), manifest


@click.command()
@click.option(
    "--db", default="claimgraph-demo.db", show_default=True, metavar="PATH|URL", help="Where to build the demo story."
)
@click.option(
    "--report", "report_path", default="claimgraph-demo.html", show_default=True, help="Where to write the HTML report."
)
@click.option("-q", "--quiet", is_flag=True)
def demo(db, report_path, quiet):
    """Build the bundled sample story (a fictional developing story told by several reports) and summarise it."""
    from ..ingest import IngestReport

    folder, manifest = demo_reports()
    settings = command_settings(db=db)
    with open_store_or_exit(settings.db, create=True) as store:
        report = IngestReport()
        for entry in manifest["reports"]:
            overrides = {k: entry.get(k) for k in ("published", "outlet", "title", "author")}
            part = run_add(store, [str(folder / entry["file"])], settings, overrides, quiet=quiet)
            for name in ("added", "existing", "duplicates", "analyzed", "errors"):
                getattr(report, name).extend(getattr(part, name))
            report.paths.update(part.paths)
        from ..story import story_from_store

        story = story_from_store(store)
        written = _write_report(store, report_path)
    console.print(f"[bold]{manifest['title']}[/bold]")
    console.print(
        f"{len(story['documents'])} reports, {len(story['claims'])} claims, {len(story['sources'])} sources, "
        f"{len(story['clusters'])} clusters, {len(story['relations'])} relations  (store: {escape(redact(db))})",
        soft_wrap=True,
    )
    if written:
        console.print(f"report written to {written}")
    program, hint = how_to_run()
    console.print("next, try:")
    for command in ("story", "conflicts", "docs", "serve"):
        console.print(f"  {escape(program)} {command} --db {escape(shlex.quote(redact(db)))}", soft_wrap=True)
    if hint:
        console.print(f"  ({escape(hint)})", soft_wrap=True)
    sys.exit(0 if report.ok else EXIT_INPUT_ERRORS)


def _write_report(store, path: str) -> str | None:
    try:
        from ..views.report import write_report
    except ImportError:
        return None
    return str(write_report(store, path))


COMMANDS = [add, docs, demo]
