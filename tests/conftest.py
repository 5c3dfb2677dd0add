"""Shared fixtures: paths to ../shared/data (skipping clearly where absent), stores on both backends."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("CLAIMGRAPH_SHARED_DATA", ROOT.parent / "shared" / "data"))
OUTPUT = ROOT / "test-output"


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test saying what is missing."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found: {path} (clone ../shared beside the repo to run this test)")
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
        pytest.skip("no PostgreSQL test server (CLAIMGRAPH_TEST_POSTGRES unset; scripts/test.sh starts one)")
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
