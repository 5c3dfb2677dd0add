"""Attribution: who says what in one document.

``cues`` finds the words that mark a statement as someone's (their word lists in ``cue_words``, the learned
cue model in ``learned``), ``speakers`` resolves who a source phrase stands for, and ``claims`` cuts the
document into statements and builds claims with chains of sources from the cues.
"""

from .claims import Found, Unit, extract_claims, find_attributions

__all__ = ["Found", "Unit", "extract_claims", "find_attributions"]
