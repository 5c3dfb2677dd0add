"""How two claims of one cluster relate: repeats, supports, updates or conflicts, with a checkable why.

The decision sits behind ``RelationJudge`` so a natural-language-inference model can replace or back up the
rules when one is available offline. ``RuleJudge`` reads modality, negation, quantities and resolved times;
``a`` is always the earlier report (by publication date, then document id).

A relation is only as good as the premise that both claims speak of the same happening. On real election news
"done vs not done" fired between unrelated sentences and a national poll's 48 percent met a state poll's 50, so
the rules ask for more than a shared cluster:
- the same actor: the person, body or country named before the event word (``subject``); two different ones are
  two happenings ("Rubio finished third" / "Kasich was second"), and numbers, dates and a pending plan need the
  same one positively (``same_actor``);
- the same event word ("won", "resign"), and for "done vs not done" a "not" that belongs to that shared verb
  (``opposite_polarity``; two sentences that both hold a "not" are no opposites), for "done" no modal or "to"
  before it (``event_done``) on the positive side;
- for numbers the same counted thing with a unit on both sides (not a size like "16-inch", not a small number in
  words like "one candidate", not one side of a record or a fraction: ``counts_alone``); a share only with the
  same owner and population, and from polls only within one poll (``same_poll``); and a known moment for both
  (``same_moment``): undated counts are neither the same time nor a change;
- for dates, times written inside the claimed content (not the day of the saying, not "right now"), each near the
  shared event; a forecast's date moved only when the date is that of the happening still to come;
- for "expected, now done" the shared event still to come in the earlier claim (``event_pending``) and done in the
  later one; two forecasts that differ ("we will not pay" / "he would make them pay") are neither;
- for agreement (repeats, supports) the same stance, polarity, figures and predicate (``agree``, ``stance``).
Every relation carries a ``confidence`` in [0, 1]: how close the two claims are (their match score) and whether
they name the same actor. Views hide relations below ``SHOWN_CONFIDENCE`` unless asked for all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Protocol

from ..analysis_types import Quantity
from ..analyze.quantities import as_written
from .claim_view import (
    ClaimView,
    conditional,
    content_tokens,
    content_words,
    counted_noun,
    event_stem,
    event_words,
    main_clause,
    zero_counts,
)
from .matching import EDGE_FLOOR, SAME_CLAIM, MatchFeatures, clashes, same_actor_key, same_name
from .stance import same_stance

RELATION_TYPES = ("repeats", "supports", "updates", "conflicts")
SAME_MOMENT_DAYS = 7  # two undated present-tense counts reported within a week describe the same moment
STRONG_MATCH = 1.0  # a match score at which the two claims are as close as claims get (confidence factor 1)
OTHER_ACTOR = 0.7  # confidence factor when the two claims share no named person, body or place
SHOWN_CONFIDENCE = 0.6  # relations below this are hidden by default (``--all`` shows them): a pair of one cluster
# without an edge of its own scores 0.5 or less
# How far a rule's finding is trusted, times the pair's confidence. "A later report treats as pending what an earlier
# one reported done" was wrong in every one of the 10 such conflicts read on real election news (seeded audit,
# benchmarks/audit.py): "Sanders held a lead before Clinton won Iowa" / "Sanders is expected to win". Its
# conflicts stay in the story, below SHOWN_CONFIDENCE, so they are listed only when all are asked for.
RULE_TRUST = {"pending": 0.55}
SHARE_UNITS = ("percent", "%", "per cent", "percentage point", "point")  # a share needs the same population
_CURRENCY = re.compile(r"[A-Z]{3}")  # the unit of an amount of money: "USD"
_SIZE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s*-\s*[^\W\d_]", re.IGNORECASE)
# "16-inch", "33-year-old", "a three-person race": a number describing a noun, not a count

STATE = {
    "asserted": "done",
    "expected": "expected",
    "planned": "planned",
    "hedged": "possible",
    "denied": "denied",
    "question": "asked",
}


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
        """The relation of ``b`` (later report) to ``a``, or None when they do not bear on each other (two
        actors doing alike are two happenings: neither agreement nor disagreement);
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
    return MatchFeatures(
        view.id,
        view.document,
        None,  # no vector: the relation rules read words, events and entities only
        frozenset(topics),
        frozenset(content_words(view.claim.content, topics)),
        None,
        None,
        events=frozenset(event_words(view.claim.content, topics)),
    )


def same_action(a: ClaimView, b: ClaimView) -> bool:
    """Both name the same happening (an event word in common: "won", "resign") and neither names an actor or
    place the other lacks: what "done" against "not done" needs."""
    fa, fb = _features(a), _features(b)
    return bool(fa.events & fb.events or _denied_count(a, b) or _denied_count(b, a)) and not clashes(fa, fb)


_WORDS = re.compile(r"\w+", re.UNICODE)
_NEGATOR = re.compile(r"\b(?:not|never|no|cannot|neither|nor|without)\b|n[’']t\b", re.IGNORECASE)
NEGATION_REACH = 4  # words before an event word in which a "not" negates it ("did not win", "is not fit to serve")


def _event_at(view: ClaimView, stem: str) -> tuple[str, int] | None:
    """The claim's main clause and where its first word of the event ``stem`` starts in it."""
    text = main_clause(view.claim.content)
    for m in _WORDS.finditer(text):
        if (m.start() == 0 or m.group(0)[0].islower()) and event_stem(m.group(0)) == stem:
            return text, m.start()
    return None


# Who can act: a demonym ("Kestrian engineers") describes, and a site ("at the Port Aldren railway works") is where.
ACTOR_KINDS = ("person", "org", "gpe")


def _subject_text(view: ClaimView) -> str:
    """What stands before the claim's first event word, or the whole claim when it has none; a claim that opens
    with an event noun is its own subject ("Production of trains has started" -> "Production of trains has")."""
    events = _features(view).events
    starts = sorted(found[1] for found in (_event_at(view, e) for e in events) if found and found[1] > 0)
    text = main_clause(view.claim.content)
    return text[: starts[0]] if starts else text


def _first_actor(view: ClaimView, text: str, last: bool = False) -> str | None:
    """The first (or last) person, body or country of the claim named in ``text``, by its last name word."""
    words_at = list(_WORDS.finditer(text))
    # where each word stands: its last occurrence, or its first when the first actor is wanted
    positions = {m.group(0).lower(): m.start() for m in (words_at if last else reversed(words_at))}
    named = []
    for key in view.topics:
        kind, _, name = key.partition(":")
        words = name.split()
        if kind not in ACTOR_KINDS or not words:
            continue
        # by its last name word, or a word of what the report calls it ("Pyongyang" for North Korea)
        found = [positions[w] for w in {words[-1]} | view.aliases.get(key, frozenset()) if w in positions]
        if found:
            named.append((min(found) if not last else max(found), key))
    if not named:
        return None
    return (max(named) if last else min(named))[1]


def subject(view: ClaimView) -> str | None:
    """Whose happening the claim tells: the first person, body or country named before its first event word
    ("Gov. Lena Brook of Westland, an ally of Ames ..., rebounded" -> Brook), or in the claim when it has none
    ("Ted Ames came second with 16 percent" -> Ames). None when a pronoun, a common noun or nothing
    stands there ("he would build", "Production of trains has started")."""
    return _first_actor(view, _subject_text(view))


def different_actors(a: ClaimView, b: ClaimView) -> bool:
    """Both claims name who acts and the names differ: "Ames finished third with 23.1 percent" / "Brook came
    second with 16 percent", "Ames will rebound" / "Brook rebounded". Where one side names nobody, or they
    are of different kinds (a country and a person in it), nothing says the actors differ."""
    sa, sb = subject(a), subject(b)
    return bool(sa and sb and sa.split(":")[0] == sb.split(":")[0] and not same_name(sa, sb))


def same_actor(a: ClaimView, b: ClaimView) -> bool:
    """Positively the same actor: the same name before the event on both sides, or, where either names nobody
    there, what one names there is in the other ("The death toll rose" / "the death toll reached"; "Production of
    trains has started" / "Valdoria is expected to begin producing trains"). What numbers, dates and a
    still-pending plan need: "The party leanings of the state's voters" and "The real estate mogul" do not
    count the same votes."""
    sa, sb = subject(a), subject(b)
    if sa and sb:
        return same_actor_key(sa, sb)
    return bool(_subject_words(a) & _features(b).words or _subject_words(b) & _features(a).words)


def _subject_words(view: ClaimView) -> set[str]:
    return set(content_words(_subject_text(view), []))


def share_owner(view: ClaimView, q: Quantity) -> str | None:
    """Whose share a percentage is: the person, body or country named nearest before it ("Ames had 49.9
    percent to Brook's 49.6 percent"; "Ames is leading Brook, 48 percent to 45 percent" -> Brook, as
    written: better no comparison than a wrong one)."""
    at = view.claim.content.find(q.text)
    return _first_actor(view, view.claim.content[:at], last=True) if at > 0 else None


def event_negated(view: ClaimView, stem: str) -> bool:
    """Is the event ``stem`` said not to happen? A "not" within ``NEGATION_REACH`` words before its word, turned
    around when the claim is a denial ("denied that engineers had been sent" denies the sending)."""
    found = _event_at(view, stem)
    if found is None:
        return view.negative
    text, start = found
    before = text[:start].replace(",", " , ").split()[-NEGATION_REACH:]
    window = " ".join(before[len(before) - before[::-1].index(",") if "," in before else 0 :])
    negated = bool(_NEGATOR.search(window))
    return negated != (view.claim.modality == "denied")


_NOT_YET = {
    "to",
    "will",
    "would",
    "should",
    "could",
    "may",
    "might",
    "can",
    "must",
    "shall",
    "going",
    "if",
    "ll",
    "d",
    "wants",
    "want",
    "hopes",
    "plans",
    "need",
    "needs",
}


def event_pending(view: ClaimView, stem: str) -> bool:
    """Is the event ``stem`` told as still to come in this forward claim: a modal, "to" or "poised" within
    ``NEGATION_REACH`` words before its word ("is expected to win", "will start building")? Not when the shared
    word stands elsewhere in the claim ("the 'establishment' candidate will gather support", "is poised to win
    after his second-place finish": the finish is done, the win to come)."""
    found = _event_at(view, stem)
    if found is None or not view.forward:
        return False
    text, start = found
    before = {w.lower() for w in _WORDS.findall(text[:start])[-NEGATION_REACH:]}
    return bool(before & (_NOT_YET | _PENDING_CUES))


_PENDING_CUES = {"poised", "expected", "likely", "scheduled", "due", "set", "planned", "plan", "about"}


def event_done(view: ClaimView, stem: str) -> bool:
    """Is the event ``stem`` told as done in this claim? Not when a modal, "to" or "if" stands within
    ``NEGATION_REACH`` words before it ("who should build it", "would campaign for Clinton", "a chance to
    reconnect"), whatever the modality of the sentence's main verb."""
    found = _event_at(view, stem)
    if found is None:
        return not view.forward
    text, start = found
    before = {w.lower() for w in _WORDS.findall(text[:start])[-NEGATION_REACH:]}
    return not view.forward and not before & _NOT_YET


def _events_near_time(view: ClaimView) -> set[str]:
    """The event word (stem) nearest the claim's time expression in its content: what the date dates ("Brook
    spoke Friday evening after she became the first mayor to win" dates the speech, not the win)."""
    t = event_time(view)
    if t is None:
        return set()
    text = view.claim.content
    at = t.span[0] - view.claim.content_span[0]
    events = _features(view).events
    near = [
        (abs(m.start() - at), event_stem(m.group(0)))
        for m in _WORDS.finditer(text)
        if (m.start() == 0 or m.group(0)[0].islower()) and event_stem(m.group(0)) in events
    ]
    return {min(near)[1]} if near else set()


def _dates_pending(view: ClaimView) -> bool:
    """The event word nearest the claim's time is one still to come ("is planned to leave in May"), not another
    happening the forecast mentions ("is expected to win after her narrow win last week")."""
    t = event_time(view)
    if t is None:
        return False
    text = view.claim.content
    at = t.span[0] - view.claim.content_span[0]
    events = _features(view).events
    near = [
        (abs(m.start() - at), m.start())
        for m in _WORDS.finditer(text)
        if (m.start() == 0 or m.group(0)[0].islower()) and event_stem(m.group(0)) in events
    ]
    if not near:
        return False
    start = min(near)[1]
    before = {w.lower() for w in _WORDS.findall(text[:start])[-NEGATION_REACH:]}
    return bool(before & (_NOT_YET | _PENDING_CUES))


_EVENT_NOUN = ("tion", "tions", "sion", "sions", "ment", "ments")


def _shared_event_words(a: ClaimView, b: ClaimView) -> dict[str, tuple[tuple[str, int], tuple[str, int]]]:
    """Each event stem both claims use, with where its first word stands in each (main clause, offset)."""
    out = {}
    for stem in _features(a).events & _features(b).events:
        at_a, at_b = _event_at(a, stem), _event_at(b, stem)
        if at_a is not None and at_b is not None:
            out[stem] = (at_a, at_b)
    return out


def shared_verbs(a: ClaimView, b: ClaimView) -> set[str]:
    """Event words at least one claim uses as a verb: an event noun on both sides ("convention", "nomination")
    names the topic of a whole story, not one happening, so it cannot carry "done" against "not done"."""
    out = set()
    for stem, places in _shared_event_words(a, b).items():
        words = [_WORDS.match(text, start).group(0).lower() for text, start in places]  # type: ignore[union-attr]
        if not all(w.endswith(_EVENT_NOUN) for w in words):
            out.add(stem)
    return out


def _verbs_of_both(a: ClaimView, b: ClaimView) -> set[str]:
    """Event words both claims use as a verb: "has virtually disappeared ... the nomination" and "upending the
    nominating contest" share a topic, not a happening."""
    out = set()
    for stem, places in _shared_event_words(a, b).items():
        words = [_WORDS.match(text, start).group(0).lower() for text, start in places]  # type: ignore[union-attr]
        if not any(w.endswith(_EVENT_NOUN) for w in words):
            out.add(stem)
    return out


def _inner_events(a: ClaimView, b: ClaimView) -> set[str]:
    """Shared event words, nouns too, that open neither claim: "has already established production lines" / "is
    expected to begin drone production" share the production; "Convention is Trump's chance" names a topic."""
    return {stem for stem, (at_a, at_b) in _shared_event_words(a, b).items() if at_a[1] > 0 and at_b[1] > 0}


def opposite_polarity(a: ClaimView, b: ClaimView) -> bool:
    """One claim says that a happening they share happens, the other that it does not: one is negative (negated
    or a denial) and the other not, and the "not" belongs to the shared event, not to another verb of the
    sentence ("you don't grasp what it is to manage a port" and the same quotation cut elsewhere agree)."""
    if a.negative == b.negative:
        return False
    if (
        _NEGATOR.search(a.claim.content)
        and _NEGATOR.search(b.claim.content)
        and "denied"
        not in (
            a.claim.modality,
            b.claim.modality,
        )
    ):
        return False  # the "not" moved: "I didn't feel we were doing it" / "I feel we weren't doing it"
    if not _features(a).events & _features(b).events:
        return True  # a denial that there are any of what the other counts
    return any(event_negated(a, e) != event_negated(b, e) for e in shared_verbs(a, b))


def _told_done(a: ClaimView, b: ClaimView) -> bool:
    """The claim that says the shared happening happens tells it as done ("won", "were sent"), not as still to
    come ("in talks to direct", "making progress to sign") or planned: "not done" against a plan is no
    contradiction ("will direct the next film" / "has not directed such a film before")."""
    positive = b if a.negative else a
    shared = [e for e in shared_verbs(a, b) if event_negated(a, e) != event_negated(b, e)]
    return not shared or any(_every_use_done(positive, e) for e in shared)


def _every_use_done(view: ClaimView, stem: str) -> bool:
    """``event_done`` for every word of the claim with the stem ``stem``: "director ... in talks to direct" tells
    the directing as still to come."""
    if not event_done(view, stem):
        return False
    text = main_clause(view.claim.content)
    for m in _WORDS.finditer(text):
        if event_stem(m.group(0)) == stem:
            before = {w.lower() for w in _WORDS.findall(text[: m.start()])[-NEGATION_REACH:]}
            if before & _NOT_YET:
                return False
    return True


def _denied_count(negative: ClaimView, other: ClaimView) -> bool:
    """A denial that there are any of what the other counts ("denied that any engineers had been sent" / "450
    engineers are working"): the same thing, whatever the verbs."""
    if not negative.negative:
        return False
    counted = {counted_noun(q.unit) for q in other.claim.quantities if counts_something(q)}
    return bool(set(zero_counts(negative.claim.content)) & counted)


def same_subject(a: ClaimView, b: ClaimView) -> bool:
    """Both speak of the same thing (an event word or another content word in common: "the trainset ... leave in
    May" / "the trainset ... delivered in September") with no clash of actors or places: what a moved date needs."""
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


def hypothetical(view: ClaimView) -> bool:
    """A claim under a condition states no happening (``claim_view.conditional``)."""
    return conditional(view.claim)


def later(a: ClaimView, b: ClaimView) -> bool:
    return bool(a.published and b.published and b.published > a.published)


# -- quantities ----------------------------------------------------------------------------------------------
_LOW = {
    "about": 0.9,
    "around": 0.9,
    "approximately": 0.9,
    "roughly": 0.9,
    "some": 0.9,
    "nearly": 0.9,
    "almost": 0.9,
    "up to": 0.75,
    "as many as": 0.75,
}
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


_SMALL_WORDS = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine)\b", re.IGNORECASE)


def counts_something(q: Quantity) -> bool:
    """A count that reports can disagree on: a value with a unit, not a size ("16-inch"), and not a small number
    in words ("one candidate", "the first two contests", "a three-person race": on election news these described
    and never counted; "11 candidates" is a count)."""
    return q.value is not None and bool(q.unit) and not _SIZE.search(q.text) and not _SMALL_WORDS.match(q.text.strip())


_PAIRED_BEFORE = re.compile(r"\d\s*[-–,]\s*$|\d\s+(?:of|out\s+of)\s+$", re.IGNORECASE)
_PAIRED_AFTER = re.compile(r"^\s*[-–]\s*\d|^\s+(?:of|out\s+of)\s+\d", re.IGNORECASE)


def counts_alone(view: ClaimView, q: Quantity) -> bool:
    """A count (``counts_something``) that stands alone: not one side of a record or score ("a 43-39 record",
    "a 9-14 start") nor of a fraction ("178 of 369 punches"), where each number counts something else, nor the
    tail of a number split by a tokeniser ("1, 300 biologists")."""
    if not counts_something(q):
        return False
    content = view.claim.content
    at = q.span[0] - view.claim.content_span[0]
    if not (0 <= at <= len(content) and content[at : at + len(q.text)] == q.text):
        at = content.find(q.text)
    if at < 0:
        return True
    before, after = content[max(0, at - 12) : at], content[at + len(q.text) : at + len(q.text) + 12]
    number_end = re.match(r"[\d.,]*\d", q.text)
    rest = q.text[number_end.end() :] if number_end else q.text
    return not (_PAIRED_BEFORE.search(before) or _PAIRED_AFTER.match(rest + after if not rest.strip() else after))


def is_share(q: Quantity) -> bool:
    """A share or an amount of money: what it measures depends on whose it is ("48 percent" of which voters,
    "$20 million" raised by whom), so only claims naming the same actor compare them."""
    unit = (q.unit or "").strip()
    return unit.lower() in SHARE_UNITS or q.text.rstrip().endswith("%") or bool(_CURRENCY.fullmatch(unit))


_CLAUSE_END = re.compile(r"[,;:.!?()\u2014\u2013]")


def share_population(view: ClaimView, q: Quantity) -> frozenset[str]:
    """Of whom a share is counted: the content words after it up to the end of its phrase ("48 percent among
    Democrat voters" -> democ, voter; "36 percent support" -> suppo)."""
    content = view.claim.content
    at = content.find(q.text)
    if at < 0:
        return frozenset()
    rest = _CLAUSE_END.split(content[at + len(q.text) :], maxsplit=1)[0]
    words = [w for w in _WORDS.findall(rest)[:6] if w.lower() not in ("percent", "per", "cent", "points", "point")]
    return frozenset(content_words(" ".join(words), []))


def comparable_quantities(a: ClaimView, b: ClaimView, shares: bool = True) -> tuple[Quantity, Quantity] | None:
    """The first pair of numbers that count the same thing: both with a unit, the same counted noun ("300
    engineers" / "up to 450 Kestrian engineers"), neither a size ("16-inch"). A share ("48 percent") is only
    comparable between shares of one owner (``share_owner``: a national poll's share is not a state poll's, Cruz's
    is not Rubio's), and only when ``shares`` says the claims are as close as one cluster's (on election news
    nearly every two sentences with a percentage name Trump or Clinton)."""
    for qa in a.claim.quantities:
        for qb in b.claim.quantities:
            if not (counts_alone(a, qa) and counts_alone(b, qb)):
                continue
            if counted_noun(qa.unit) != counted_noun(qb.unit):
                continue
            if is_share(qa) or is_share(qb):
                owners = share_owner(a, qa), share_owner(b, qb)
                if not (shares and owners[0] and owners[1] and same_actor_key(*owners)):  # type: ignore[arg-type]
                    continue
                if share_population(a, qa) != share_population(b, qb):
                    continue  # "36 percent support" / "zero percent support among young voters"
            if not same_poll(a, b, qa, qb):
                continue  # one poll's 40 percent support and an average's 36 percent measure different things
            if clashes(_features(a), _features(b)):
                continue  # the same unit counted for different actors or places
            return qa, qb
    return None


_POLL = re.compile(r"\b(?:polls?|polling|surveys?)\b|\bpercent\s+support\b", re.IGNORECASE)


def percentage(q: Quantity) -> bool:
    return is_share(q) and not _CURRENCY.fullmatch((q.unit or "").strip()) or "percent" in q.text.lower()


def same_poll(a: ClaimView, b: ClaimView, qa: Quantity, qb: Quantity) -> bool:
    """Percentages from polls compare only within one poll: where either claim speaks of a poll, a survey or a
    share of support, both must name the same organisation (the pollster). Polls differ in dates, samples and
    questions; on real election news a poll's 40 percent support against an average's 36 percent was no
    conflict. Counts ("33 homers", "a .308 average") are not poll figures."""
    if not (percentage(qa) or percentage(qb)):
        return True
    if not (_POLL.search(a.claim.content) or _POLL.search(b.claim.content)):
        return True
    return any(k.startswith("org:") for k in a.topics & b.topics)


def disjoint(x: tuple[float, float], y: tuple[float, float]) -> bool:
    return x[1] < y[0] or y[1] < x[0]


# -- time ------------------------------------------------------------------------------------------------------
def event_time(view: ClaimView):
    """The claim's time when it is written inside what is claimed: "Issa said on Sunday that her judgment is in
    question" dates the saying, not a happening, so two such claims do not disagree on dates."""
    t = view.claim.time
    if t is None:
        return None
    start, end = view.claim.content_span
    inside = start <= t.span[0] and t.span[1] <= end
    return t if inside or (start, end) == (0, 0) else None


def when(view: ClaimView) -> tuple[str, str] | None:
    """The moment a claim is about: its resolved time, else (for a present or past statement) its report date."""
    t = event_time(view)
    if t and t.start and t.end:
        return t.start, t.end
    if view.forward or not view.published:
        return None
    return view.published, view.published


def same_moment(a: ClaimView, b: ClaimView) -> bool | None:
    """Do the claims speak of one moment (their times, else their report dates, within ``SAME_MOMENT_DAYS``)?
    None when either moment is unknown: two undated reports' "33 homers" and "13 homers" may be two seasons."""
    wa, wb = when(a), when(b)
    if wa is None or wb is None:
        return None
    slack = dt.timedelta(days=SAME_MOMENT_DAYS)
    a0, a1 = _day(wa[0]) - slack, _day(wa[1]) + slack
    b0, b1 = _day(wb[0]), _day(wb[1])
    return not (a1 < b0 or b1 < a0)


def _day(iso: str) -> dt.date:
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return dt.date.min


_DEICTIC = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")  # "right now", "recently": the day of the report, no date


def resolved_disjoint(a: ClaimView, b: ClaimView) -> bool:
    """Both claims' own times are resolved dates that cannot overlap; "right now" in two reports of two days
    dates no happening twice."""
    ta, tb = event_time(a), event_time(b)
    if not (ta and tb and ta.start and ta.end and tb.start and tb.end):
        return False
    if ta.value in _DEICTIC or tb.value in _DEICTIC:
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
        if "question" in (a.claim.modality, b.claim.modality) or indirect_question(a) or indirect_question(b):
            return None  # a question asserts nothing to agree or disagree with
        if hypothetical(a) or hypothetical(b):
            return None  # "If Brook finally wins by 10 points" reports no win
        self._close = score >= SAME_CLAIM
        if different_actors(a, b):
            return None  # "Rubio finished third" / "Kasich was second", "Sanders kept his lead" / "Clinton kept hers"
        action = same_action(a, b)
        rules = [self._polarity] if action else []
        rules.append(self._numbers)
        rules += [self._dates] if same_subject(a, b) else []
        rules += [self._status] if action else []
        for rule in rules:
            found = rule(a, b)
            if found is not None:
                name = found.rule or rule.__name__[1:]
                trust = RULE_TRUST.get(name, 1.0)
                return replace(found, confidence=round(confidence(a, b, score) * trust, 2), rule=name)
        agreed = self._agreement(a, b)
        return replace(agreed, confidence=confidence(a, b, score), rule="agreement") if agreed else None

    def _polarity(self, a: ClaimView, b: ClaimView) -> Relation | None:
        if not opposite_polarity(a, b):
            return None
        pair = f"{state(a)} ({a.cite()}) vs {state(b)} ({b.cite()})"
        if "denied" in (a.claim.modality, b.claim.modality):
            return Relation(a.id, b.id, "conflicts", f"{pair}: one side denies what the other states", rule="denial")
        if a.forward and later(a, b):
            if not (b.negative or any(event_done(b, e) for e in shared_verbs(a, b))):
                return None  # two forecasts that differ ("we will not pay" / "he would make them pay"): no news
            return Relation(
                a.id, b.id, "updates", f"status moved from {state(a)} ({a.cite()}) to {state(b)} ({b.cite()})"
            )
        if not _told_done(a, b):
            return None  # "in talks to direct the sequel" / "will not return to direct it": talks can fail
        return Relation(a.id, b.id, "conflicts", f"{pair}: cannot both be true")

    _close = True

    def _numbers(self, a: ClaimView, b: ClaimView) -> Relation | None:
        if not same_actor(a, b):
            return None  # "152 electoral votes" for the state population, "13 million votes" for the mogul
        pair = comparable_quantities(a, b, shares=self._close)
        if pair is None:
            return None
        qa, qb = pair
        if not disjoint(interval(qa), interval(qb)):
            return None
        if a.forward and not b.forward and later(a, b):
            return Relation(a.id, b.id, "updates", f"{said(qa)} {state(a)} ({a.cite()}) became {said(qb)} ({b.cite()})")
        moment = same_moment(a, b)
        if moment is None:
            return None  # no moment known for one of them: neither the same time nor a change
        if moment:
            return Relation(
                a.id, b.id, "conflicts", f"{said(qb)} ({b.cite()}) vs {said(qa)} ({a.cite()}) for the same time"
            )
        return Relation(
            a.id,
            b.id,
            "updates",
            f"the number changed from {said(qa)} ({a.cite()}; {time_text(a)}) to {said(qb)} "
            f"({b.cite()}; {time_text(b)})",
        )

    def _dates(self, a: ClaimView, b: ClaimView) -> Relation | None:
        if not (resolved_disjoint(a, b) and same_actor(a, b)):
            return None
        ta, tb = event_time(a), event_time(b)
        move = f"from {ta.text} ({ta.value}; {a.cite()}) to {tb.text} ({tb.value}; {b.cite()})"
        if not all(_dates_pending(v) for v in (a, b) if v.forward):
            return (
                None  # a forecast's date that dates another happening: "expected to win after her narrow win last week"
            )
        if (a.forward or b.forward) and later(a, b):  # a plan's date moved: "leave in May" / "delivered in September"
            return Relation(a.id, b.id, "updates", f"the date moved {move}", rule="date_moved")
        shared = _features(a).events & _features(b).events
        if not (_events_near_time(a) & shared and _events_near_time(b) & shared):
            return None  # each date dates another happening: "became the nominee on Tuesday" / "spoke Thursday"
        return Relation(a.id, b.id, "conflicts", f"different dates for the same event: {move}")

    def _status(self, a: ClaimView, b: ClaimView) -> Relation | None:
        if not same_actor(a, b):
            return None  # "he'll do what he can for her" / "the party that nominated Brook"
        shared = shared_verbs(a, b)
        if (
            a.forward
            and not b.forward
            and later(a, b)
            and any(event_done(b, e) and event_pending(a, e) for e in shared)
        ):
            return Relation(
                a.id, b.id, "updates", f"status moved from {state(a)} ({a.cite()}) to {state(b)} ({b.cite()})"
            )
        if (
            self._close
            and any(event_done(a, e) for e in shared | _inner_events(a, b))
            and b.claim.modality in ("expected", "planned")
            and a.claim.modality == "asserted"
            and not a.negative
            and not b.negative
            and later(a, b)
            and not _wholly_before(b, a.published)
        ):
            # the later report still expects what the earlier one reported done: one of them is wrong or stale
            return Relation(
                a.id,
                b.id,
                "conflicts",
                f"{state(a)} ({a.cite()}) vs still {state(b)} ({b.cite()}; "
                f"{time_text(b)}): a later report treats as pending what an "
                "earlier one reported done",
                rule="pending",
            )
        return None

    def _agreement(self, a: ClaimView, b: ClaimView) -> Relation | None:
        if not agree(a, b):
            return None
        added = detail_added(a, b)
        if added:
            return Relation(a.id, b.id, "supports", f"agrees with {a.cite()} and adds {', '.join(added)} ({b.cite()})")
        return Relation(a.id, b.id, "repeats", f"same content as {a.cite()}, nothing new ({b.cite()})")


# -- agreement ---------------------------------------------------------------------------------------------------
def agree(a: ClaimView, b: ClaimView) -> bool:
    """Do the two claims say the same thing, so that the later one repeats or supports the earlier? Sharing a
    cluster's words is not enough; on real election news half of such "supports" were wrong:
    - the same stance (``stance``): calling a plan "foolish" does not support the plan;
    - the same polarity: "did not end up as the nominee" does not support "won 3 percent";
    - the same figures where both give one of a kind ("more than $500,000" is not "$2.5 million");
    - the same predicate: a shared verb or two shared content words beyond names, titles and light verbs
      ("four mainstream candidates ... discount the outcomes" / "four mainstream candidates ... near 10
      percent"), and for two forecasts a shared verb: two forecasts agree only on the same happening to come
      ("the row would fade before the general election" / "they could meet in the general
      election"; "we will make it great" / "we will make deals")."""
    if not same_stance(a, b) or opposite_polarity(a, b):
        return False
    figures = same_figures(a, b)
    if figures is not None:
        return figures
    return same_predicate(a, b)


# Words that name no happening of their own: light verbs, titles before names, small numbers in words.
_LIGHT = set(
    """
go goes going gone went make makes making made get gets getting got take takes taking took taken have has had having
do does doing did done want wants wanted need needs needed try tries trying tried come comes coming came put puts
sen senator senators gov governor governors former secretary mr mrs ms rep dr candidate candidates
hundred thousand million billion dozen
""".split()
)
# Numbers written as words or figures, cardinal or ordinal, read as one figure: "six rounds" / "the 6th round".
_NUMBER_WORDS = {
    w: str(n)
    for n, words in enumerate(
        (
            "zero",
            "one first",
            "two second",
            "three third",
            "four fourth",
            "five fifth",
            "six sixth",
            "seven seventh",
            "eight eighth",
            "nine ninth",
            "ten tenth",
            "eleven eleventh",
            "twelve twelfth",
        )
    )
    for w in words.split()
}
_FIGURE = re.compile(r"\b(\d+)(?:st|nd|rd|th)?\b|\b([^\W\d_]+)\b", re.IGNORECASE)


def _numbers(text: str) -> set[str]:
    """The numbers a text gives, as "#6" whether written "six", "sixth", "6" or "6th"."""
    out = set()
    for m in _FIGURE.finditer(text):
        digits, word = m.groups()
        value = digits if digits else _NUMBER_WORDS.get(word.lower())
        if value is not None:
            out.add("#" + value.lstrip("0") if value.strip("0") else "#0")
    return out


_LIGHT_STEMS = {event_stem(w) for w in _LIGHT}
_STEMS: dict[tuple[str, str], frozenset[str]] = {}
PREDICATE_WORDS = 2  # shared content words (no verb in common) that make two claims say the same thing
WORDS_SHARE = 1 / 3  # ... and the part of the shorter claim's content words they make up
FORECASTS_SHARE = 0.5  # two forecasts with no verb in common: more than PREDICATE_WORDS making half the shorter
VERB_SHARE = 0.2  # with a verb in common, the part of the shorter claim's content words both claims use


_SET_OFF_RELATIVE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,;:]*", re.IGNORECASE)


def core(text: str) -> str:
    """The claim without its set-off relative clauses: "they will appear beside Ames, who has been hurt by the
    inquiry into her email" tells of the appearing; the clause describes Ames."""
    return _SET_OFF_RELATIVE.sub("", text)


def predicate_stems(view: ClaimView) -> frozenset[str]:
    """The stems (``event_stem``: "missed" and "miss" are one) of the content words of the claim's core
    (``core``) outside names, titles, light verbs and small numbers, and its event words there."""
    key = (view.id, view.claim.content)
    if key not in _STEMS:
        if len(_STEMS) > 100_000:
            _STEMS.clear()
            _CORE_EVENTS.clear()
        text = core(view.claim.content)
        if not event_words(text, view.claim.entities):
            text = view.claim.content  # the relative clause holds all that is said ("Ames, who won in 2012")
        words = content_tokens(text, view.claim.entities)
        stems = frozenset(event_stem(w) for w in words if w not in _LIGHT and w not in _NUMBER_WORDS) | _numbers(text)
        _STEMS[key] = stems
        _CORE_EVENTS[key] = frozenset(event_words(text, view.claim.entities))
    return _STEMS[key]


_CORE_EVENTS: dict[tuple[str, str], frozenset[str]] = {}


def _core_events(view: ClaimView) -> frozenset[str]:
    predicate_stems(view)
    return _CORE_EVENTS[(view.id, view.claim.content)]


_SENTENCE_END = re.compile(r"[a-z]{3}[.!?][\"'”’]?\s+[\"'“‘]?[A-Z]")  # not after "U.S." or "Sen."


def several_sentences(view: ClaimView) -> bool:
    """A content of more than one sentence (a quoted paragraph): "Polls were not wrong, just early. They ended
    too soon. Consider this: ..." says several things, and a claim sharing a word or two with one of them does not
    agree with the paragraph."""
    return bool(_SENTENCE_END.search(view.claim.content.strip()))


def same_predicate(a: ClaimView, b: ClaimView) -> bool:
    """The claims say the same happens, in their cores (``core``): a verb in common and ``VERB_SHARE`` of the
    shorter claim's words in the other, or ``PREDICATE_WORDS`` content words in common making ``WORDS_SHARE`` of
    the shorter claim's words; for two forecasts, a verb in common. A long sentence that shares one verb with a
    short one ("a path that would start with Ames defeating Holt, using that win to ..." / "Ames defeated Holt")
    or three topic words ("primary", "presidential", "nomination") tells of something else."""
    verbs = (_verbs_of_both(a, b) & _core_events(a) & _core_events(b)) - _LIGHT_STEMS
    stems_a, stems_b = predicate_stems(a), predicate_stems(b)
    shared = stems_a & stems_b
    share = len(shared) / max(1, min(len(stems_a), len(stems_b)))
    if several_sentences(a) or several_sentences(b):
        return share >= FORECASTS_SHARE  # a paragraph holds several claims: it agrees only as a whole copy
    if verbs:
        return share >= VERB_SHARE
    if a.forward and b.forward:  # the same happening to come in other verbs: most of their words in common
        return len(shared) > PREDICATE_WORDS and share >= FORECASTS_SHARE
    return len(shared) >= PREDICATE_WORDS and share >= WORDS_SHARE


_MONEY = re.compile(r"[$€£¥]")


def _measure(q: Quantity) -> str | None:
    """What a figure measures, as a comparable key: money whatever its unit was read as ("$500,000 worth"), else
    the counted noun."""
    if _CURRENCY.fullmatch((q.unit or "").strip()) or _MONEY.search(q.text):
        return "money"
    return counted_noun(q.unit)


def _point(q: Quantity) -> tuple[float, float]:
    """The range a figure gives when it is quoted as a figure: "more than $500,000" says $500,000, not any sum
    above it (``interval`` keeps the open range for conflicts)."""
    v = float(q.value)  # type: ignore[arg-type]
    qual = (q.qualifier or "").lower()
    return v * _LOW.get(qual, 0.98), v * _HIGH.get(qual, 1.02)


def _one_owner(a: ClaimView, qa: Quantity, b: ClaimView, qb: Quantity) -> bool:
    """Two shares can be one figure only when they are of one owner in one poll (a poll's "23 percent favored
    Reyes" is not Marsh's "23.1 percent share")."""
    if not same_poll(a, b, qa, qb):
        return False
    if _measure(qa) == "money" or not (is_share(qa) or is_share(qb)):
        return True  # an amount is one figure whoever is said to pay it ("the Harbour Fund offered" / "the offer")
    owners = share_owner(a, qa), share_owner(b, qb)
    return bool(owners[0] and owners[1] and same_actor_key(*owners))  # type: ignore[arg-type]


def same_figures(a: ClaimView, b: ClaimView) -> bool | None:
    """None when the claims give no figures of one measure; else whether some pair of them is the same figure of
    one owner ("Ames had 49.9 percent" / "Ames received 49.84 percent"; not "more than $1 million" / "more than
    $800,000", nor a poll's 40 percent support and an average's 36)."""
    pairs = [
        (qa, qb)
        for qa in a.claim.quantities
        for qb in b.claim.quantities
        if counts_alone(a, qa) and counts_alone(b, qb) and _measure(qa) == _measure(qb)
    ]
    if not pairs:
        return None
    return any(_one_owner(a, qa, b, qb) and not disjoint(_point(qa), _point(qb)) for qa, qb in pairs)


_INDIRECT_QUESTION = re.compile(r"^\W*(?:who|whom|whose|what|which|whether|why|how)\b", re.IGNORECASE)


def indirect_question(view: ClaimView) -> bool:
    """A content that is a question put ("asked voters who their favourite speaker was"): it asserts nothing."""
    return bool(_INDIRECT_QUESTION.match(view.claim.content))


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
