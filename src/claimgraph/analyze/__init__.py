"""Per-document analysis: a pure function from one Document (and Settings) to its Analysis.

The pipeline parses the body once with spaCy, then runs one component per concern over the parse:
entities -> times -> attributed claims -> modality, time, quantities and entities per claim.
It runs here in a process pool and unchanged inside a Spark task (``scale/``).

The pipeline's names are imported from ``pipeline`` when first asked for, not with the package: the store and
the reading commands use ``analyze.language`` and ``analyze.entities`` only, and the pipeline's own imports
(the time and attribution rules, the process pool) would cost every command a tenth of a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pipeline import ANALYZER_VERSION, Analyzer, analyze, analyze_parallel

__all__ = ["ANALYZER_VERSION", "Analyzer", "analyze", "analyze_parallel"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
