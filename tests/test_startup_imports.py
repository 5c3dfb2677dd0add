"""The command starts fast: importing it, ``--help`` and the reading commands load none of the heavy libraries
(the NLP and encoder runtimes, scipy through datasketch, stix2, networkx), which only adding reports or one
export format need. Each case runs in a fresh interpreter, the way a user starts the command, and reads the
modules it loaded from ``sys.modules``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from views_fixtures import demo_store_copy

HEAVY = {"scipy", "torch", "spacy", "thinc", "stix2", "onnxruntime", "datasketch", "networkx", "transformers", "lxml"}

# Runs the command in-process (as the console script does), then prints the top-level modules it loaded.
PROBE = """
import json, sys
import claimgraph.cli
try:
    claimgraph.cli.main(sys.argv[1:])
except SystemExit as e:
    code = e.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}), file=sys.stderr)
"""


def heavy_modules_loaded(*args: str) -> list[str]:
    ran = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120)
    result = json.loads(ran.stderr.strip().splitlines()[-1])
    assert result["code"] in (0, None), ran.stderr
    return sorted(set(result["modules"]) & HEAVY)


def test_importing_the_command_loads_no_heavy_library():
    ran = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, claimgraph.cli; print(','.join(sorted(m.split('.')[0] for m in sys.modules)))",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert set(ran.stdout.strip().split(",")) & HEAVY == set()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return demo_store_copy(tmp_path_factory, tmp_path_factory.mktemp("startup") / "demo.db")


@pytest.mark.parametrize(
    "command",
    [["--help"], ["docs"], ["story"], ["conflicts"], ["claims"], ["timeline"], ["export", "--format", "json"]],
    ids=lambda c: " ".join(c),
)
def test_reading_commands_load_no_heavy_library(demo_db, command):
    args = command if command == ["--help"] else [*command, "--db", demo_db]
    assert heavy_modules_loaded(*args) == []


def test_the_probe_sees_a_heavy_library_when_one_is_loaded(demo_db):
    # stix2 is imported by the stix export only: the probe must report it there, or the tests above prove nothing
    assert heavy_modules_loaded("export", "--format", "stix", "--db", demo_db) == ["networkx", "stix2"]
