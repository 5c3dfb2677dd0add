"""The ``claimgraph`` command. Each command group lives in ``commands/``; this module only assembles them."""

from __future__ import annotations

import sys

import click

from . import __version__
from .commands import COMMAND_MODULES
from .commands.common import load_settings


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="claimgraph")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Turn news reports about a developing story into a sourced, dated, cross-checked graph of who claims what.

    Every command takes --db (a SQLite path or a postgresql:// URL); otherwise CLAIMGRAPH_DB, else ./claimgraph.db.

    \b
    Exit codes: 0 success; 1 some inputs could not be read (the rest were added); 2 usage error;
    3 the store or a model could not be opened.
    """
    # Settings are built once, here, from the defaults and the environment (a malformed value: exit 2);
    # each command adds its own options to them (commands.common.command_settings).
    ctx.obj = load_settings()


for module in COMMAND_MODULES:
    for command in module.COMMANDS:
        main.add_command(command)


if __name__ == "__main__":
    sys.exit(main())
