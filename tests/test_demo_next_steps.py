"""After the README's first command (`bash scripts/setup.sh && .venv/bin/claimgraph demo`), the commands `demo`
suggests are ones the user can run as printed: claimgraph is not on PATH until the venv is activated."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = ".venv/bin/claimgraph"


def test_demo_prints_next_commands_that_run_as_printed(tmp_path):
    if not (ROOT / PROGRAM).is_file():
        pytest.skip(f"no {PROGRAM} (made by scripts/setup.sh)")
    venv_bin = str(ROOT / ".venv" / "bin")
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if p.rstrip("/") != venv_bin)
    env = {**os.environ, "PATH": path}
    env.pop("VIRTUAL_ENV", None)
    db, report = tmp_path / "demo store.db", tmp_path / "demo.html"  # a space: the command must quote it
    demo = subprocess.run(
        [PROGRAM, "demo", "--db", str(db), "--report", str(report)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert demo.returncode == 0, demo.stderr
    assert demo.stderr == ""  # no warnings on the first command a new user runs
    lines = demo.stdout.splitlines()
    suggested = [line.strip() for line in lines[lines.index("next, try:") + 1 :] if line.startswith("  " + PROGRAM)]
    assert [s.split()[1] for s in suggested] == ["story", "conflicts", "docs", "serve"]
    assert "source .venv/bin/activate" in demo.stdout
    docs = next(s for s in suggested if s.split()[1] == "docs")
    ran = subprocess.run(docs + " --json", shell=True, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.count('"id"') == 6
