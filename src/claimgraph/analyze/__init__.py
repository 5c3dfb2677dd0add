"""Per-document analysis: a pure function from one Document (and Settings) to its Analysis.

The pipeline parses the body once with spaCy, then runs one component per concern over the parse:
entities -> times -> attributed claims -> modality, time, quantities and entities per claim.
It runs here in a process pool and unchanged inside a Spark task (``scale/``).
"""

from .pipeline import ANALYZER_VERSION, Analyzer, analyze, analyze_parallel

__all__ = ["ANALYZER_VERSION", "Analyzer", "analyze", "analyze_parallel"]
