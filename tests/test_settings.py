"""Settings: defaults, then the environment, then a command's options; frozen; a malformed value is an error."""

from __future__ import annotations

import dataclasses

import pytest
from click.testing import CliRunner

from claimgraph.cli import main
from claimgraph.config import SettingError, Settings
from claimgraph.views.web import create_app


def test_options_override_the_environment_which_overrides_the_defaults():
    environ = {"CLAIMGRAPH_PROCESSES": "3", "CLAIMGRAPH_MAX_INPUT_BYTES": "4000", "CLAIMGRAPH_DB": "team.db"}
    settings = Settings.load(environ, max_input_bytes=1000, processes=None)
    assert settings.max_input_bytes == 1000  # the option given
    assert settings.processes == 3 and settings.db == "team.db"  # an option not given keeps the environment's
    assert settings.max_analysis_chars == Settings().max_analysis_chars  # neither: the default
    assert Settings.load({}) == Settings()


def test_an_empty_variable_counts_as_unset():
    assert Settings.load({"CLAIMGRAPH_PROCESSES": "", "CLAIMGRAPH_DB": "  "}) == Settings()


@pytest.mark.parametrize(
    "variable, value, why",
    [
        ("CLAIMGRAPH_PROCESSES", "four", "is not a whole number"),
        ("CLAIMGRAPH_MAX_INPUT_BYTES", "20MB", "is not a whole number"),
        ("CLAIMGRAPH_MAX_ANALYSIS_CHARS", "0", "is below its minimum, 1"),
        ("CLAIMGRAPH_PROCESSES", "-2", "is below its minimum, 0"),
    ],
)
def test_a_malformed_value_names_the_variable_and_the_value(variable, value, why):
    with pytest.raises(SettingError) as error:
        Settings.load({variable: value})
    assert str(error.value) == f"{variable}={value!r} {why}"


def test_settings_cannot_change_under_their_callers(tmp_path):
    settings = Settings(processes=4, max_upload_bytes=2000)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.processes = 1
    app = create_app(str(tmp_path / "store.db"), settings=settings)
    assert app.state.settings.processes == 1 and app.state.settings.max_upload_bytes == 2000  # a copy for the app
    assert settings.processes == 4


def test_cli_refuses_a_malformed_environment_value_with_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["docs", "--db", str(tmp_path / "x.db")], env={"CLAIMGRAPH_PROCESSES": "many"})
    assert result.exit_code == 2
    assert "CLAIMGRAPH_PROCESSES='many' is not a whole number" in result.output
    assert "Traceback" not in result.output


def test_cli_reads_the_store_from_claimgraph_db_unless_db_is_given(tmp_path):
    from_env, given = tmp_path / "from-env.db", tmp_path / "given.db"
    result = CliRunner().invoke(main, ["docs"], env={"CLAIMGRAPH_DB": str(from_env)})
    assert result.exit_code == 3 and "from-env.db" in result.output  # a reading command names the missing store
    result = CliRunner().invoke(main, ["docs", "--db", str(given)], env={"CLAIMGRAPH_DB": str(from_env)})
    assert result.exit_code == 3 and "given.db" in result.output and "from-env.db" not in result.output
