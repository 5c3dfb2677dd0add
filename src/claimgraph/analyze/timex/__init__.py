"""Time expressions as TimeML TIMEX3, resolved against the publication date.

``expressions`` finds and resolves them and picks each claim's time; ``rules`` holds one pattern and resolver
per kind of expression, ``lexicon`` the words of time, ``context`` the tense around an expression, and
``values`` the calendar arithmetic on TIMEX3 values.
"""

from .expressions import UNKNOWN_ANCHOR_NOTE, claim_time, find_times

__all__ = ["UNKNOWN_ANCHOR_NOTE", "claim_time", "find_times"]
