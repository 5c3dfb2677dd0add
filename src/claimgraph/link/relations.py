"""How two claims of one cluster relate: repeats, supports, updates or conflicts, with a checkable why.

The decision sits behind ``RelationJudge`` so a natural-language-inference model can replace or back up the
rules when one is available offline. ``RuleJudge`` reads modality, negation, quantities and resolved times;
``a`` is always the earlier report (by publication date, then document id).

A relation is only as good as the premise that both claims speak of the same happening. On real election news
"done vs not done" fired between unrelated sentences and a national poll's 48 percent met a state poll's 50, so
the rules that disagree (conflicts, updates) ask for more than a shared cluster: the same event word ("won",
"resign"), no named person, body or place on each side that the other lacks, and, for numbers, the same counted
thing with a unit on both sides (a size like "16-inch" counts nothing). Every relation carries a
``confidence`` in [0, 1]: how close the two claims are (their match score) and whether they name the same
actor. Views hide relations below ``SHOWN_CONFIDENCE`` unless asked for all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Protocol

import re

from ..analysis_types import Quantity
from ..analyze.quantities import as_written
from .claim_view import ClaimView, content_words, counted_noun, event_words, zero_counts
from .matching import EDGE_FLOOR, SAME_CLAIM, MatchFeatures, clashes

RELATION_TYPES = ("repeats", "supports", "updates", "conflicts")
SAME_MOMENT_DAYS = 7  # two undated present-tense counts reported within a week describe the same moment
STRONG_MATCH = 1.0  # a match score at which the two claims are as close as claims get (confidence factor 1)
OTHER_ACTOR = 0.7  # confidence factor when the two claims share no named person, body or place
SHOWN_CONFIDENCE = 0.6  # relations below this are hidden by default (``--all`` shows them): a pair of one cluster
# without an edge of its own scores 0.5 or less
SHARE_UNITS = ("percent", "%", "per cent", "percentage point", "point")  # a share needs the same population
_CURRENCY = re.compile(r"[A-Z]{3}")  # the unit of an amount of money: "USD"
_SIZE = re.compile(r"\d\s*-\s*[^\W\d_]")  # "16-inch", "33-year-old": a number describing a noun, not a count

STATE = {"asserted": "done", "expected": "expected", "planned": "planned", "hedged": "possible",
         "denied": "denied", "question": "asked"}


@dataclass(frozen=True)
class Relation:
    a: str
    b: str
    type: str
    why: str
    confidence: float = 1.0
    rule: str = ""  # which rule found it (not exported): ``link.clusters`` trusts some rules across clusters

    def to_json(self) -> dict:
        return {"a": self.a, "b": self.b, "type": self.type, "why": self.why, "confidence": self.confidence}


class RelationJudge(Protocol):
    def relate(self, a: ClaimView, b: ClaimView, score: float = STRONG_MATCH) -> Relation | None:
        """The relation of ``b`` (later report) to ``a``, or None when they do not bear on each other;
        ``score`` is the pair's match score (``link.matching``)."""


# -- is it the same happening? ------------------------------------------------------------------------------------
_FEATURES: dict[tuple[str, str], MatchFeatures] = {}  # per claim and content: a cluster judges each claim many times


def _features(view: ClaimView) -> MatchFeatures:
    key = (view.id, view.claim.content)
    if key not in _FEATURES:
        if len(_FEATURES) > 100_000:
            _FEATURES.clear()
        _FEATURES[key] = _make_features(view)
    return _FEATURES[key]


def _make_features(view: ClaimView) -> MatchFeatures:
    topics = sorted(view.topics)
    return MatchFeatures(view.id, view.document, None, frozenset(topics),  # type: ignore[arg-type]
                         frozenset(content_words(view.claim.content, topics)), None, None,
                         events=frozenset(event_words(view.claim.content, topics)))


def same_action(a: ClaimView, b: ClaimView) -> bool:
    """Both name the same happening (an event word in common: "won", "resign") and neither names an actor or
    place the other lacks: what "done" against "not done" needs."""
    fa, fb = _features(a), _features(b)
    return bool(fa.events & fb.events or _denied_count(a, b) or _denied_count(b, a)) and not clashes(fa, fb)


def _denied_count(negative: ClaimView, other: ClaimView) -> bool:
    """A denial that there are any of what the other counts ("denied that any engineers had been sent" / "450
    engineers are working"): the same thing, whatever the verbs."""
    if not negative.negative:
        return False
    counted = {counted_noun(q.unit) for q in other.claim.quantities if counts_something(q)}
    return bool(set(zero_counts(negative.claim.content)) & counted)


def same_subject(a: ClaimView, b: ClaimView) -> bool:
    """Both speak of the same thing (an event word or another content word in common: "the trainset ... leave in
    May" / "the trainset ... delivered in September") with no clash of actors or places: what a moved date, a
    changed status or a changed number needs."""
    fa, fb = _features(a), _features(b)
    return bool(fa.events & fb.events or fa.words & fb.words) and not clashes(fa, fb)


def confidence(a: ClaimView, b: ClaimView, score: float) -> float:
    """How close the claims are (the match score from ``EDGE_FLOOR`` to ``STRONG_MATCH`` mapped to 0.5..1) times
    ``OTHER_ACTOR`` when they name no person, body or place in common."""
    closeness = min(1.0, max(0.0, (score - EDGE_FLOOR) / (STRONG_MATCH - EDGE_FLOOR)))
    shared = bool(a.topics & b.topics)
    return round((0.5 + 0.5 * closeness) * (1.0 if shared else OTHER_ACTOR), 2)


def state(view: ClaimView) -> str:
    if view.claim.modality == "denied":
        return "denied"
    name = STATE.get(view.claim.modality, view.claim.modality)
    return f"not {name}" if view.claim.negated else name


def later(a: ClaimView, b: ClaimView) -> bool:
    return bool(a.published and b.published and b.published > a.published)


# -- quantities ----------------------------------------------------------------------------------------------
_LOW = {"about": 0.9, "around": 0.9, "approximately": 0.9, "roughly": 0.9, "some": 0.9, "nearly": 0.9,
        "almost": 0.9, "up to": 0.75, "as many as": 0.75}
_HIGH = {"about": 1.1, "around": 1.1, "approximately": 1.1, "roughly": 1.1, "some": 1.1}
_CEILING = ("no more than", "at most", "less than", "fewer than", "under", "below", "not more than")
_FLOOR = ("at least", "more than", "over", "above", "no fewer than", "no less than")


def interval(q: Quantity) -> tuple[float, float]:
    """The range a hedged number stands for. "up to N" in news reports means "as many as N" (a high figure),
    while "no more than N" argues for a low one, so they get different ranges."""
    v = float(q.value)  # type: ignore[arg-type]
    qual = (q.qualifier or "").lower()
    if qual in _CEILING:
        return 0.0, v
    if qual in _FLOOR:
        return v, float("inf")
    return v * _LOW.get(qual, 0.98), v * _HIGH.get(qual, 1.02)


def said(q: Quantity) -> str:
    """The amount in the report's words ("$167 million", "about 300 engineers"), not "1.67e+08 USD"."""
    return as_written(q.text, q.unit)




def counts_something(q: Quantity) -> bool:
    return q.value is not None and bool(q.unit) and not _SIZE.search(q.text)


def is_share(q: Quantity) -> bool:
    """A share or an amount of money: what it measures depends on whose it is ("48 percent" of which voters,
    "$20 million" raised by whom), so only claims naming the same actor compare them."""
    unit = (q.unit or "").strip()
    return unit.lower() in SHARE_UNITS or q.text.rstrip().endswith("%") or bool(_CURRENCY.fullmatch(unit))


def comparable_quantities(a: ClaimView, b: ClaimView, shares: bool = True) -> tuple[Quantity, Quantity] | None:
    """The first pair of numbers that count the same thing: both with a unit, the same counted noun ("300
    engineers" / "up to 450 Kestrian engineers"), neither a size ("16-inch"). A share ("48 percent") is only
    comparable between claims that name the same actor (a national poll's share is not a state poll's), and only
    when ``shares`` says the claims are as close as one cluster's (on election news nearly every two sentences
    with a percentage name Trump or Clinton)."""
    for qa in a.claim.quantities:
        for qb in b.claim.quantities:
            if not (counts_something(qa) and counts_something(qb)):
                continue
            if counted_noun(qa.unit) != counted_noun(qb.unit):
                continue
            if (is_share(qa) or is_share(qb)) and not (shares and a.topics & b.topics):
                continue
            if clashes(_features(a), _features(b)):
                continue  # the same unit counted for different actors or places
            return qa, qb
    return None


def disjoint(x: tuple[float, float], y: tuple[float, float]) -> bool:
    return x[1] < y[0] or y[1] < x[0]


# -- time ------------------------------------------------------------------------------------------------------
def when(view: ClaimView) -> tuple[str, str] | None:
    """The moment a claim is about: its resolved time, else (for a present or past statement) its report date."""
    t = view.claim.time
    if t and t.start and t.end:
        return t.start, t.end
    if view.forward or not view.published:
        return None
    return view.published, view.published


def same_moment(a: ClaimView, b: ClaimView) -> bool:
    wa, wb = when(a), when(b)
    if wa is None or wb is None:
        return True  # nothing says they differ
    slack = dt.timedelta(days=SAME_MOMENT_DAYS)
    a0, a1 = _day(wa[0]) - slack, _day(wa[1]) + slack
    b0, b1 = _day(wb[0]), _day(wb[1])
    return not (a1 < b0 or b1 < a0)


def _day(iso: str) -> dt.date:
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return dt.date.min


def resolved_disjoint(a: ClaimView, b: ClaimView) -> bool:
    ta, tb = a.claim.time, b.claim.time
    if not (ta and tb and ta.start and ta.end and tb.start and tb.end):
        return False
    return ta.end < tb.start or tb.end < ta.start


def _wholly_before(view: ClaimView, day: str | None) -> bool:
    """The claim's resolved time ends before ``day`` (a plan for last month is not pending today)."""
    t = view.claim.time
    return bool(day and t and t.end and t.end < day)


def time_text(view: ClaimView) -> str:
    t = view.claim.time
    return f"{t.text} = {t.value}" if t else "no time"


# -- the rules -------------------------------------------------------------------------------------------------
class RuleJudge:
    """Rules over modality, negation, quantities and resolved times, in that order of precedence."""

    def relate(self, a: ClaimView, b: ClaimView, score: float = STRONG_MATCH) -> Relation | None:
        if "question" in (a.claim.modality, b.claim.modality):
            return None  # a question asserts nothing to agree or disagree with
        self._close = score >= SAME_CLAIM
        rules = [self._polarity] if same_action(a, b) else []
        rules += [self._numbers, self._dates, self._status] if same_subject(a, b) else [self._numbers]
        for rule in rules:
            found = rule(a, b)
            if found is not None:
                return replace(found, confidence=confidence(a, b, score), rule=found.rule or rule.__name__[1:])
        return replace(self._agreement(a, b), confidence=confidence(a, b, score), rule="agreement")

    def _polarity(self, a: ClaimView, b: ClaimView) -> Relation | None:
        if a.negative == b.negative:
            return None
        pair = f"{state(a)} ({a.cite()}) vs {state(b)} ({b.cite()})"
        if "denied" in (a.claim.modality, b.claim.modality):
            return Relation(a.id, b.id, "conflicts", f"{pair}: one side denies what the other states", rule="denial")
        if a.forward and later(a, b):
            return Relation(a.id, b.id, "updates", f"status moved from {state(a)} ({a.cite()}) to {state(b)} ({b.cite()})")
        return Relation(a.id, b.id, "conflicts", f"{pair}: cannot both be true")

    _close = True

    def _numbers(self, a: ClaimView, b: ClaimView) -> Relation | None:
        pair = comparable_quantities(a, b, shares=self._close)
        if pair is None:
            return None
        qa, qb = pair
        if not disjoint(interval(qa), interval(qb)):
            return None
        if a.forward and not b.forward and later(a, b):
            return Relation(a.id, b.id, "updates",
                            f"{said(qa)} {state(a)} ({a.cite()}) became {said(qb)} ({b.cite()})")
        if same_moment(a, b):
            return Relation(a.id, b.id, "conflicts",
                            f"{said(qb)} ({b.cite()}) vs {said(qa)} ({a.cite()}) for the same time")
        return Relation(a.id, b.id, "updates",
                        f"the number changed from {said(qa)} ({a.cite()}; {time_text(a)}) to {said(qb)} "
                        f"({b.cite()}; {time_text(b)})")

    def _dates(self, a: ClaimView, b: ClaimView) -> Relation | None:
        if not resolved_disjoint(a, b):
            return None
        ta, tb = a.claim.time, b.claim.time
        move = f"from {ta.text} ({ta.value}; {a.cite()}) to {tb.text} ({tb.value}; {b.cite()})"  # type: ignore[union-attr]
        if (a.forward or b.forward) and later(a, b):
            return Relation(a.id, b.id, "updates", f"the date moved {move}")
        return Relation(a.id, b.id, "conflicts", f"different dates for the same event: {move}")

    def _status(self, a: ClaimView, b: ClaimView) -> Relation | None:
        if a.forward and not b.forward and later(a, b):
            return Relation(a.id, b.id, "updates", f"status moved from {state(a)} ({a.cite()}) to {state(b)} ({b.cite()})")
        if (b.claim.modality in ("expected", "planned") and a.claim.modality == "asserted" and not a.negative
                and not b.negative and later(a, b) and not _wholly_before(b, a.published)):
            # the later report still expects what the earlier one reported done: one of them is wrong or stale
            return Relation(a.id, b.id, "conflicts", f"{state(a)} ({a.cite()}) vs still {state(b)} ({b.cite()}; "
                                                     f"{time_text(b)}): a later report treats as pending what an "
                                                     "earlier one reported done", rule="pending")
        return None

    def _agreement(self, a: ClaimView, b: ClaimView) -> Relation | None:
        added = detail_added(a, b)
        if added:
            return Relation(a.id, b.id, "supports", f"agrees with {a.cite()} and adds {', '.join(added)} ({b.cite()})")
        return Relation(a.id, b.id, "repeats", f"same content as {a.cite()}, nothing new ({b.cite()})")


def detail_added(a: ClaimView, b: ClaimView) -> list[str]:
    """What ``b`` says that ``a`` does not: named entities, numbers, a time."""
    out = []
    new_entities = sorted(b.topics - a.topics)
    out += [k.split(":", 1)[-1] for k in new_entities[:4]]
    numbers_a = {q.value for q in a.claim.quantities}
    out += [said(q) for q in b.claim.quantities if q.value not in numbers_a]
    if b.claim.time and not a.claim.time:
        out.append(f"a time ({b.claim.time.text})")
    return out
