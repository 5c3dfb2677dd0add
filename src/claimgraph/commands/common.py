"""Options and helpers shared by every command: --db, --json, opening the store with a clear error."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..config import SettingError, Settings
from ..errors import ClaimgraphError, InputError
from ..store import Store
from ..store.failures import explain, is_store_failure

EXIT_INPUT_ERRORS = 1
EXIT_USAGE = 2
EXIT_STORE = 3

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def db_option(f: Callable) -> Callable:
    # no click envvar: CLAIMGRAPH_DB is read with the other settings, in config.py only
    return click.option(
        "--db",
        default=None,
        metavar="PATH|URL",
        help="SQLite file or postgresql:// URL [default: CLAIMGRAPH_DB, else ./claimgraph.db]",
    )(f)


def load_settings() -> Settings:
    """The defaults and the environment, or, for a malformed environment value, one line naming the variable
    and its value and exit 2 (a usage error)."""
    try:
        return Settings.load()
    except SettingError as e:
        err_console.print(f"[red]error:[/red] {escape(str(e))}", soft_wrap=True)
        sys.exit(EXIT_USAGE)


def command_settings(**options: Any) -> Settings:
    """This command's settings: those ``claimgraph`` built once for the run (``cli.main``), with the command's
    ``options`` that were given on top (``None``: not given)."""
    context = click.get_current_context(silent=True)
    built = context.find_root().obj if context is not None else None
    return (built if isinstance(built, Settings) else load_settings()).given(**options)


def progress_bar(quiet: bool = False) -> Progress:
    """Progress on stderr, only in a terminal: stdout stays clean for ``--json`` and pipes."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=quiet or not err_console.is_terminal,
    )


def json_option(f: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON instead of a table.")(f)


@contextmanager
def open_store_or_exit(db: str | None, create: bool = False) -> Iterator[Store]:
    """The store for a command, or one line and exit 3. Only commands that add reports pass ``create``: a
    reading command pointed at a store that does not exist refuses rather than making an empty one. A store
    that fails while the command runs (read-only, disk full, damaged) is one line and exit 3 as well."""
    url = command_settings(db=db).db
    try:
        store = Store(url, create=create)
    except ClaimgraphError as e:
        err_console.print(f"[red]error:[/red] {escape(str(e))}", soft_wrap=True)
        sys.exit(EXIT_STORE)
    try:
        yield store
    except Exception as e:
        if not is_store_failure(e):
            raise
        err_console.print(f"[red]error:[/red] {escape(explain(e, url))}", soft_wrap=True)
        sys.exit(EXIT_STORE)
    finally:
        store.close()


def how_to_run() -> tuple[str, str | None]:
    """How the user can type claimgraph in the shell they ran it from, and a hint to shorten it: after
    `bash scripts/setup.sh` the command is `.venv/bin/claimgraph`, not on PATH until the venv is activated."""
    invoked = sys.argv[0]
    on_path = shutil.which("claimgraph")
    if on_path and os.path.realpath(on_path) == os.path.realpath(invoked):
        return "claimgraph", None
    if Path(invoked).name == "claimgraph" and Path(invoked).is_file():
        activate = Path(invoked).parent / "activate"
        hint = (
            f"or run `source {shlex.quote(str(activate))}` once, then type just `claimgraph ...`"
            if activate.is_file()
            else None
        )
        return shlex.quote(invoked), hint
    return f"{shlex.quote(sys.executable)} -m claimgraph.cli", None


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def short(text: str | None, width: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


@contextmanager
def exit_on_error() -> Iterator[None]:
    """One clear line and a meaningful exit code for errors a user should see: 1 for a bad input, 3 otherwise."""
    try:
        yield
    except InputError as e:
        err_console.print(f"[red]error:[/red] {escape(str(e))}", soft_wrap=True)
        sys.exit(EXIT_INPUT_ERRORS)
    except ClaimgraphError as e:
        err_console.print(f"[red]error:[/red] {escape(str(e))}", soft_wrap=True)
        sys.exit(EXIT_STORE)
