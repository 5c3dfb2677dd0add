"""Time expressions as TimeML TIMEX3, resolved against the publication date."""

from __future__ import annotations

from ..analysis import Claim, TimeExpression


def find_times(text: str, anchor: str | None, parsed=None) -> list[TimeExpression]:
    """Every time expression in ``text``; ``anchor`` is the publication date (YYYY-MM-DD) or None."""
    out = []
    if parsed is None:
        return out
    for ent in parsed.ents:
        if ent.label_ in ("DATE", "TIME"):
            out.append(TimeExpression((ent.start_char, ent.end_char), ent.text, ent.label_, "XXXX", note="unresolved"))
    return out


def claim_time(claim: Claim, times: list[TimeExpression]) -> TimeExpression | None:
    """The time a claim's content is about: the first time expression inside its content, else in its span."""
    for lo, hi in (claim.content_span, claim.span):
        for t in times:
            if lo <= t.span[0] and t.span[1] <= hi:
                return t
    return None
