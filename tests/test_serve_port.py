"""`claimgraph serve` on a port that is taken says so in one line (exit 2) and never first claims to be serving."""

from __future__ import annotations

import socket

from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.store import Store


def test_a_busy_port_is_one_line_and_no_serving_line(tmp_path):
    db = tmp_path / "s.db"
    Store(str(db)).close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", str(port)], catch_exceptions=False)
    assert result.exit_code == 2
    assert "claimgraph on" not in result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and f"port {port} on 127.0.0.1 is already in use" in lines[0], result.stderr


def test_an_address_not_on_this_machine_is_named(tmp_path):
    db = tmp_path / "s.db"
    Store(str(db)).close()
    token = "t" * 20  # a non-loopback host needs a token
    result = CliRunner().invoke(
        main, ["serve", "--db", str(db), "--host", "192.0.2.1", "--port", "0", "--token", token], catch_exceptions=False
    )
    assert result.exit_code == 2 and "claimgraph on" not in result.stdout
    assert "192.0.2.1 is not an address of this machine" in result.stderr
