"""Time expressions as TimeML TIMEX3, resolved against the publication date.

``find_times`` runs the compiled rules of ``rules`` over the text (each rule's full pattern only near
hits of its keyword, found in one scan of the lower-cased text, so the cost stays linear in the text), keeps
the longest match wherever matches overlap, and resolves the kept ones in document order (later ones may
refer back: "the quarter", "a year earlier"). ``claim_time`` picks the time a claim's content is about.
"""

from __future__ import annotations

import itertools
import re
from typing import Iterator

from ...analysis_types import Claim, TimeExpression
from . import values as cal
from .context import Context
from .rules import RULES, Resolved

UNKNOWN_ANCHOR_NOTE = "publication date unknown: relative expression left unresolved"
# A claim's time is more useful the more it pins down: dates first, stretches and repetitions last.
_TYPE_PREFERENCE = {"DATE": 0, "TIME": 0, "DURATION": 2, "SET": 3}
_VAGUE_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_REACH = 80
_NON_WORD = re.compile(r"\s")
_APPOSITION = re.compile(r"\s*,?\s*(?:on|in|at)?\s*")


def find_times(text: str, anchor: str | None, parsed=None) -> list[TimeExpression]:
    """Every time expression in ``text``; ``anchor`` is the publication date (YYYY-MM-DD) or None.

    ``parsed`` (a spaCy Doc of the same text) is accepted for the pipeline's signature but not needed:
    the rules read the text alone, so results are the same with or without a parse.
    """
    if not text or not isinstance(text, str):
        return []
    ctx = Context(text=text, anchor=cal.parse_anchor(anchor))
    lowered: str | None = text.lower()
    if len(lowered) != len(text):  # type: ignore[arg-type]  # a few characters change length when lower-cased
        lowered = None  # scan everything
    windows: dict[re.Pattern, list[tuple[int, int]]] = {}
    candidates = []
    for index, r in enumerate(RULES):
        if r.keyword not in windows:
            windows[r.keyword] = list(_windows(r.keyword, lowered)) if lowered is not None else [(0, len(text))]
        for lo, hi in windows[r.keyword]:
            for m in r.pattern.finditer(text, lo, hi):
                start, end = (m.start("t"), m.end("t")) if "t" in r.pattern.groupindex else m.span()
                if end > start:
                    candidates.append((start, -(end - start), r.rank, index, m))
    candidates.sort(key=lambda c: c[:4])
    out: list[TimeExpression] = []
    covered_to = 0
    for start, neg_len, _rank, index, m in candidates:
        if start < covered_to:
            continue
        try:
            resolved = RULES[index].resolve(m, ctx)
        except (ValueError, OverflowError):
            resolved = None  # calendar arithmetic off the ends of the calendar (anchors near year 1 or 9999)
        if resolved is None:
            continue
        end = start - neg_len
        if resolved.start is not None and start <= resolved.start < end:
            start = resolved.start
        out.append(_expression(text, start, end, resolved, ctx))
        covered_to = end
    return out


def _windows(keyword: re.Pattern, text: str) -> Iterator[tuple[int, int]]:
    """Stretches of text around the rule's keyword hits, merged where they touch.

    Running a full rule only here keeps the cost near that of one simple scan per rule. Windows reach
    ``_REACH`` characters either side of a hit (further than any expression extends from its keyword) and
    end at a word boundary, so no match is cut short.
    """
    n = len(text)
    lo = hi = -1
    for k in keyword.finditer(text):
        a, b = max(0, k.start() - _REACH), min(n, k.end() + _REACH)
        if lo >= 0 and a <= hi:
            hi = max(hi, b)
            continue
        if lo >= 0:
            yield lo, _word_end(text, hi)
        lo, hi = a, b
    if lo >= 0:
        yield lo, _word_end(text, hi)


def _word_end(text: str, at: int) -> int:
    """The end of the word at ``at``, looking no further than ``_REACH`` (text without spaces stays linear)."""
    m = _NON_WORD.search(text, at, at + _REACH)
    return m.start() if m else min(len(text), at + _REACH)


def _expression(text: str, start: int, end: int, r: Resolved, ctx: Context) -> TimeExpression:
    span = None
    if r.type in ("DATE", "TIME"):
        if r.value == "PRESENT_REF" and ctx.anchor is not None:
            span = (ctx.anchor, ctx.anchor)
        else:
            span = cal.interval(r.value)
            if span is not None:
                span = cal.narrow(span, r.mod)
    return TimeExpression(
        span=(start, end),
        text=text[start:end],
        type=r.type,
        value=r.value,
        start=span[0].isoformat() if span else None,
        end=span[1].isoformat() if span else None,
        note=_note(r, ctx),
        mod=r.mod,
    )


def _note(r: Resolved, ctx: Context) -> str | None:
    if r.how == "unknown":
        return UNKNOWN_ANCHOR_NOTE
    if r.how == "vague":
        if r.value == "PRESENT_REF" and ctx.anchor is not None:
            return f"the present, taken as the publication date {ctx.anchor.isoformat()}"
        return "vague reference, no interval"
    if r.how == "reference":
        return "resolved against the period mentioned before it"
    if ctx.anchor is None or r.how == "absolute":
        return None
    rule = r.how.removeprefix("tense:")
    if rule != r.how:
        return f"anchored on publication date {ctx.anchor.isoformat()}: {rule}"
    return f"anchored on publication date {ctx.anchor.isoformat()}"


def claim_time(claim: Claim, times: list[TimeExpression], parsed=None) -> TimeExpression | None:
    """The time a claim's content is about.

    Looks inside the content span first, then in the rest of the claim outside its attribution (cue and
    source spans), and only then at the attribution itself: "NHK reported on Feb. 8" dates the report,
    not the event, and is the claim's time only when nothing else is given. Within a place, a time of the
    main clause beats one in a relative clause (with the parse: "The factory, which opened in 2023, will make
    drones by 2026" is about 2026), a date or time beats a duration or a set, a resolved value beats a vague
    one, and the earlier expression wins ties.
    """
    attribution_spans = [s for a in claim.attribution for s in (a.cue_span, a.source_span) if s]

    def inside(t: TimeExpression, lo: int, hi: int) -> bool:
        return lo <= t.span[0] and t.span[1] <= hi

    def near_attribution(t: TimeExpression) -> bool:
        # the reporting time sits right after the cue: "reported on Feb. 8", "said Thursday"
        return any(lo - 2 <= t.span[0] and t.span[0] - hi <= 4 for lo, hi in attribution_spans)

    def rank(t: TimeExpression) -> tuple:
        return (
            _in_relative_clause(parsed, t, claim.content_span),
            _TYPE_PREFERENCE.get(t.type, 9),
            t.value in _VAGUE_VALUES or t.start is None,
            t.span[0],
        )

    content = [t for t in times if inside(t, *claim.content_span)]
    rest = [t for t in times if inside(t, *claim.span) and t not in content]
    outside_attribution = [t for t in rest if not near_attribution(t)]
    for group in (content, outside_attribution, rest):
        if group:
            return _apposed_detail(claim, min(group, key=rank), times)
    return None


def _in_relative_clause(parsed, t: TimeExpression, content: tuple[int, int]) -> bool:
    """Whether the time sits in a relative clause ("which opened in 2023") that does not hold the whole content."""
    if parsed is None:
        return False
    span = parsed.char_span(*t.span, alignment_mode="expand")
    if span is None or not len(span):
        return False
    for tok in [span.root, *itertools.islice(span.root.ancestors, 8)]:  # (a wall of text has deep trees)
        if tok.dep_ in ("relcl", "acl") and (
            tok.left_edge.idx > content[0] or tok.right_edge.idx + len(tok.right_edge) < content[1]
        ):
            return True
    return False


def _apposed_detail(claim: Claim, chosen: TimeExpression, times: list[TimeExpression]) -> TimeExpression:
    """A finer date set right after the chosen one names the same time: "six months ago, on Aug. 6, 2024"."""
    for t in times:
        lo, hi = chosen.span[1] - claim.span[0], t.span[0] - claim.span[0]
        if not (0 <= lo <= hi <= len(claim.text) and hi - lo <= 6 and _APPOSITION.fullmatch(claim.text[lo:hi])):
            continue
        if (
            t.type in ("DATE", "TIME")
            and t.start
            and t.end
            and chosen.start
            and chosen.end
            and chosen.start <= t.start <= t.end <= chosen.end
        ):
            return t
    return chosen
