"""The skip helper CI relies on: a missing need skips a test, except where its CLAIMGRAPH_REQUIRE_* flag is 1."""

from __future__ import annotations

import pytest

from conftest import REQUIRED_BY, shared_data, skip_unless_required


@pytest.mark.parametrize("need", sorted(REQUIRED_BY))
def test_a_missing_need_skips_unless_its_flag_requires_it(need, monkeypatch):
    monkeypatch.delenv(REQUIRED_BY[need], raising=False)
    with pytest.raises(pytest.skip.Exception, match="not here"):
        skip_unless_required(need, "not here")
    monkeypatch.setenv(REQUIRED_BY[need], "1")
    with pytest.raises(pytest.fail.Exception, match=f"not here \\({REQUIRED_BY[need]}=1"):
        skip_unless_required(need, "not here")


def test_missing_shared_data_fails_where_required(monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_REQUIRE_SHARED_DATA", "1")
    with pytest.raises(pytest.fail.Exception, match="shared data not found: .*no-such-folder"):
        shared_data("no-such-folder")


def test_ci_sets_every_flag():
    from conftest import ROOT

    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert all(f"export {flag}=1" in ci for flag in REQUIRED_BY.values())
