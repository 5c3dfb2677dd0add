"""Shared fixtures: paths to ../shared/data (skipping clearly where absent), stores on both backends, and
``skip_unless_required``, which every test that needs something outside the repo skips through.

CI must not pass with those tests skipped: it sets a flag per need (``.ci/run``), and a test whose need is
missing then fails instead of skipping.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("CLAIMGRAPH_SHARED_DATA", ROOT.parent / "shared" / "data"))
OUTPUT = ROOT / "test-output"

# what a test may need from outside the repo -> the flag that makes its absence a failure (set in .ci/run)
REQUIRED_BY = {
    "shared data": "CLAIMGRAPH_REQUIRE_SHARED_DATA",
    "java": "CLAIMGRAPH_REQUIRE_JAVA",
    "browser": "CLAIMGRAPH_REQUIRE_BROWSER",
    "postgres": "CLAIMGRAPH_REQUIRE_POSTGRES",
}


def skip_unless_required(need: str, reason: str) -> None:
    """Skip the test saying what is missing, or fail it where this need's flag is set to 1 (CI)."""
    flag = REQUIRED_BY[need]
    if os.environ.get(flag) == "1":
        pytest.fail(f"{reason} ({flag}=1: this run requires it)", pytrace=False)
    pytest.skip(reason)


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test saying what is missing (``skip_unless_required``)."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        skip_unless_required(
            "shared data", f"shared data not found: {path} (clone ../shared beside the repo to run this test)"
        )
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_data("seeds")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return str(tmp_path / "store.db")


def postgres_url() -> str | None:
    return os.environ.get("CLAIMGRAPH_TEST_POSTGRES")


@pytest.fixture
def postgres_db():
    """A fresh, empty PostgreSQL database on the test server; skips where no server runs."""
    base = postgres_url()
    if not base:
        skip_unless_required(
            "postgres", "no PostgreSQL test server (CLAIMGRAPH_TEST_POSTGRES unset; scripts/test.sh starts one)"
        )
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = base.rsplit("/", 1)[0] + "/" + name
    yield url
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """Runs a test once per backend: a real SQLite file and a real PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("postgres_db")


@pytest.fixture(scope="session")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
