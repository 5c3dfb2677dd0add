"""What a time expression's sentence says about when: the tense around it, and what was mentioned before.

Tense decides which way a bare "Thursday" or "Feb. 8" points from the publication date. It is read from
the words near the expression (no parse needed, so the benchmark and the pipeline behave the same): the
tense marker nearest to the expression in its sentence wins; future wins ties ("is expected to begin" is
future although "expected" ends in -ed).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

_FUTURE = re.compile(
    r"\b(?:will|won't|wo|'ll|shall|going to|plans? to|planning to|planned to|due to|slated to|scheduled to|"
    r"expected to|expects? to|set to|"
    r"is to|are to|would|aims? to|intends? to|to be held|upcoming|scheduled|slated|set for|as soon as|as early as)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|didn't|took|came|went|began|met|made|gave|saw|held|spent|sold|fell|rose|"
    r"bought|brought|thought|caught|fought|sought|paid|got|knew|grew|threw|drew|flew|felt|left|lost|led|kept|sent|"
    r"built|won|ran|became|chose|spoke|broke|stood|struck|ago|earlier|previously|"
    r"(?<!\bbe )(?<!\bbe now )"  # "would be delivered", "to be completed": a participle, not the past
    r"(?!(?:need|feed|seed|speed|indeed|proceed|exceed|succeed|breed|hundred|red|bed|shed)\b)[a-z]{2,}ed)\b"
)
# Reporting verbs give the tense of the report, not of what is reported ("... will open in May, he said"):
# they decide only where nothing else in the sentence does.
_REPORTING = re.compile(r"\b(?:said|told|wrote|stated|added|announced|reported)\b", re.I)
_FUTURE_IN_PAST = re.compile(r"\b(?:had been|was|were)\s+$")
# A sentence boundary: end punctuation followed by space and a capital, or a line break
# (not after initials and short abbreviations: "U.S.", "Mr.", "Feb.", "a.m.").
_BOUNDARY = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<![ap]\.m)[.!?][\"'”’)]*\s+(?=[A-Z\"“])|\n")
_WINDOW = 240
# How far back a quarter mentioned earlier still frames "a year ago" / "a year earlier" (characters).
QUARTER_REACH = 600


@dataclass
class _Marker:
    start: int
    end: int
    tense: str  # past | future
    preference: int  # future first where two markers are as near


@dataclass
class Context:
    """Per-document resolution state: the anchor, the text, and the last quarter mentioned (for "a year earlier").

    Sentence boundaries and tense markers are found once per document (one scan each), so reading the tense
    around each of thousands of expressions costs a binary search, not a rescan.
    """

    text: str
    anchor: date | None
    last_quarter: tuple[int, int] | None = None
    last_quarter_at: int = -1
    _boundaries: list[int] | None = None
    _markers: list[_Marker] | None = None
    _marker_starts: list[int] = field(default_factory=list)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around [start, end), at most ``_WINDOW`` characters either side."""
        if self._boundaries is None:
            self._boundaries = [m.end() for m in _BOUNDARY.finditer(self.text)]
        i = bisect.bisect_right(self._boundaries, start)
        lo = self._boundaries[i - 1] if i else 0
        j = bisect.bisect_right(self._boundaries, end)
        hi = self._boundaries[j] if j < len(self._boundaries) else len(self.text)
        return max(lo, start - _WINDOW), min(hi, end + _WINDOW)

    def _scan_markers(self) -> list[_Marker]:
        markers = []
        for m in _FUTURE.finditer(self.text):
            in_past = _FUTURE_IN_PAST.search(self.text, max(0, m.start() - 12), m.start())
            markers.append(_Marker(m.start(), m.end(), "past" if in_past else "future", 0))
        markers += [
            _Marker(m.start(), m.end(), "past", 1)
            for m in _PAST.finditer(self.text)
            if not _REPORTING.fullmatch(m.group())
        ]
        markers += [_Marker(m.start(), m.end(), "past", 2) for m in _REPORTING.finditer(self.text)]
        markers.sort(key=lambda k: k.start)
        self._marker_starts = [k.start for k in markers]
        return markers

    def tense(self, start: int, end: int) -> str:
        """'past', 'future' or 'present' for the sentence around [start, end)."""
        if self.text.startswith(("'s", "’s"), end):
            return "past"  # "Wednesday's ruling": a possessive names something that has happened
        if self._markers is None:
            self._markers = self._scan_markers()
        s, e = self.sentence(start, end)
        best: tuple[bool, int, int, str] | None = None  # (is reporting verb, distance, preference, tense)
        first = bisect.bisect_left(self._marker_starts, s)
        last = bisect.bisect_left(self._marker_starts, e)
        for k in self._markers[first:last]:
            if start <= k.start < end or k.end > e:
                continue  # the expression's own words ("next", "earlier") are not the clause's tense
            distance = start - k.end if k.end <= start else k.start - end
            key = (k.preference == 2, distance, k.preference, k.tense)
            if best is None or key < best:
                best = key
        return best[3] if best else "present"

    def mention_quarter(self, quarter: tuple[int, int], at: int) -> None:
        self.last_quarter, self.last_quarter_at = quarter, at

    def quarter_near(self, at: int) -> tuple[int, int] | None:
        """The quarter mentioned shortly before ``at``: "a year earlier" after "the third quarter" is 1988-Q3."""
        if self.last_quarter is not None and 0 <= at - self.last_quarter_at <= QUARTER_REACH:
            return self.last_quarter
        return None
