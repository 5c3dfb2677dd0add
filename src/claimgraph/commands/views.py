"""Commands: report (the story as one offline HTML file) and serve (the local web app and REST API)."""

from __future__ import annotations

import errno
import socket
import sys

import click

from ..config import Settings
from .common import EXIT_STORE, command_settings, console, db_option, err_console, open_store_or_exit


@click.command()
@click.option(
    "-o",
    "--output",
    default="claimgraph-report.html",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The HTML file to write.",
)
@click.option(
    "--all",
    "everything",
    is_flag=True,
    help="Every claim, report and relation (those below the confidence threshold too), not only the top of "
    "the story; the file grows with the store.",
)
@db_option
def report(output, everything, db):
    """Write the story as one self-contained HTML file (no network: inline styles, no scripts, strict CSP).

    It shows the top of the story (ranked conflicts and updates, the largest clusters, the claims and reports they
    point to) and says what it leaves out, so it stays small for a large store; --all writes everything.
    """
    from ..views.report import write_report

    with open_store_or_exit(db) as store:
        try:
            written = write_report(store, output, everything)
        except OSError as e:
            err_console.print(f"[red]error:[/red] cannot write {output}: {e.strerror or e}")
            sys.exit(EXIT_STORE)
    console.print(f"report written to {written}")


@click.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to bind; anything but loopback needs a token."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    envvar="CLAIMGRAPH_TOKEN",
    show_envvar=True,
    default=None,
    help="Require this token on every request (Authorization: Bearer, or ?token= once, then a cookie).",
)
@click.option(
    "--max-upload-bytes",
    default=None,
    type=click.IntRange(1),
    help=f"Largest report accepted by upload [default: {Settings.max_upload_bytes:,}].",
)
@db_option
def serve(host, port, token, max_upload_bytes, db):
    """Serve the web app and the REST API (/api/, docs at /docs, schema at /openapi.json)."""
    import uvicorn

    from ..views.web import create_app
    from ..views.web.security import is_loopback

    if token is not None and len(token) < 16:
        raise click.BadParameter("use at least 16 characters", param_hint="--token / CLAIMGRAPH_TOKEN")
    if not is_loopback(host) and not token:
        err_console.print(
            f"[red]error:[/red] refusing to serve on {host} without a token: anyone who can reach it "
            "could read and add reports. Pass --token or set CLAIMGRAPH_TOKEN, or bind 127.0.0.1."
        )
        sys.exit(2)
    settings = command_settings(db=db, max_upload_bytes=max_upload_bytes)
    with open_store_or_exit(settings.db):  # a clear error now rather than on the first request
        pass
    app = create_app(settings.db, token=token, settings=settings)
    # Bind before saying where we listen: a port that is taken is one line, not an address and then a failure.
    sock = listening_socket(host, port)
    port = sock.getsockname()[1]  # the one the system chose for --port 0
    shown = "[" + host + "]" if ":" in host else host
    console.print(
        f"claimgraph on http://{shown}:{port}/  (API docs /docs; Ctrl+C stops)" + ("  token required" if token else "")
    )
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", proxy_headers=False, server_header=False)
    uvicorn.Server(config).run(sockets=[sock])


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or one line saying why not and exit 2 (choose another --port/--host)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, kind, proto)
    except OSError as e:
        err_console.print(f"[red]error:[/red] cannot listen on {host}: {e.strerror or e}; check --host", soft_wrap=True)
        sys.exit(2)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: reuse a port in TIME_WAIT only
    try:
        sock.bind(address)
    except OSError as e:
        sock.close()
        if e.errno == errno.EADDRINUSE:
            why = f"port {port} on {host} is already in use (another claimgraph serve, or another program)"
        elif e.errno == errno.EACCES:
            why = f"no permission to listen on port {port} on {host} (ports below 1024 need privileges)"
        elif e.errno == errno.EADDRNOTAVAIL:
            why = f"{host} is not an address of this machine"
        else:
            why = f"cannot listen on {host}:{port}: {e.strerror or e}"
        err_console.print(f"[red]error:[/red] {why}; choose another with --port or --host", soft_wrap=True)
        sys.exit(2)
    sock.set_inheritable(True)
    return sock


COMMANDS = [report, serve]
