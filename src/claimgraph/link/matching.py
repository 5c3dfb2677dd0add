"""Is this the same claim? Embedding similarity, shared entities, shared event words and compatible times.

Embeddings alone merge neighbouring events ("trains will be built" / "technology will be transferred" score high),
word overlap alone misses paraphrases. The score adds small, bounded bonuses for shared named entities and shared
event words (content words outside entity names) to the cosine, a bonus when both count the same thing (and a
penalty when only one is a count), and a penalty when both claims carry resolved times that do not overlap (and a
small bonus when both name the same month or less). Event words (the parse's verbs and nouns of happenings, see
``claim_view.claim_events``) decide between neighbouring events that share names and topic words: a shared one adds
a bonus, none shared (when both have some) costs a penalty, except for close paraphrases and between two counts of
the same thing ("300 will be sent" / "450 are working" are one count that changed). A report's own commentary ("the
addition of expertise gives Pyongyang a significant edge") is matched only with a copy of the same sentence.
Pairwise and symmetric, so the clusters (connected clusters) do not depend on the order in which reports arrive.
Both claims naming a person (a body, a place) that the other does not is a clash: different actors, different
events.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

SAME_CLAIM = 0.75  # a cluster's claims score at least this on average with each other (``link.clusters``)
EDGE_FLOOR = 0.55  # pairs scoring this or more are stored as edges: near misses still count in a group's average
ENTITY_BONUS = 0.05  # per shared entity, at most two
WORDS_WEIGHT = 0.3  # times the Jaccard overlap of event words
TIME_PENALTY = 0.1  # resolved times that cannot be the same moment
TIME_BONUS = 0.05  # resolved times of a month or less that overlap: the same dated moment
PRECISE_DAYS = 31
COUNT_BONUS = 0.1  # both count the same thing (engineers): different figures for one count are one claim
COUNT_PENALTY = 0.1  # only one of them is a count: a figure and a general statement are different claims
EVENT_BONUS = 0.15  # both name the same happening (verb or event noun)
EVENT_PENALTY = 0.25  # both name what happens and nothing is the same: neighbouring events of one story
CLOSE_PARAPHRASE = 0.8  # above this the sentences say the same with other verbs ("start building" / "begin producing")
SAME_SENTENCE = 0.95  # commentary joins only the same sentence (a syndicated copy of it)
MIN_COSINE = 0.3  # below this no bonus makes two sentences the same claim
# Evidence that two claims tell the same thing, needed before any score counts: a close paraphrase, or a named
# thing in common, a fair cosine and, with the overlap of the other words and the shared names, enough in all.
# On real election news the bonuses alone joined any two sentences about one candidate ("Cruz's victory" / "his
# second-place finish"): on ECB+ the stored edges of 0.75 or more between the two different events of a topic
# fell from 746 to 129, true ones from 650 to 481 (see README, "How two claims are matched").
NAMED_COSINE = 0.5
GROUNDED = 0.9  # cosine + Jaccard overlap of the words besides names + ENTITY_BONUS per shared name (at most two)
NEAR_MISS = 0.7  # the most an ungrounded pair scores: below SAME_CLAIM, so it never joins two claims by itself
DIFFERENT = 0.0  # the score of a close pair that tells two happenings: different actors or ranks
MIN_COPY_WORDS = 3  # a copy of a sentence joins only when both say something ("it" / "it", "Clinton" / "Clinton")
# A copy shares most of its words besides names: on PolNeAR and ECB+ every pair of commentary claims at a cosine of
# SAME_SENTENCE or more shared 0.82 of them or more. Checked before the cosine, so that commentary is encoded only
# when a copy of it may be stored (``link.update``).
COPY_OVERLAP = 0.5
# Both claims name a person (or a body) the other does not: different actors, so different events of one kind
# ("Reid entered rehab" / "Lohan entered rehab"; a title fight against Rahman / one against Thompson). A name on
# one side only is detail, not a clash. Places do not clash: a country and a city in it ("Valdoria" / "Port
# Aldren") look as different as two countries.
CLASH_PENALTY = {"person": 0.3, "org": 0.15}
# Neither claim names anyone or anything ("We cannot confirm anything yet" / "We're not aware of
# anything"): generic words from unrelated stories sit close in embedding space; only a close paraphrase joins.
NAMELESS_PENALTY = 0.15
_KIND = {"person": "person", "org": "org", "gpe": "place", "loc": "place", "fac": "place"}


@dataclass
class MatchFeatures:
    claim_id: str
    document_id: str
    vector: np.ndarray | None  # None: not encoded yet (commentary, encoded only when a copy of it may be stored)
    entities: frozenset[str]
    words: frozenset[str]
    time_start: str | None
    time_end: str | None
    counts: frozenset[str] = frozenset()  # counted nouns of the claim's quantities ("engineer"), zero counts too
    events: frozenset[str] = frozenset()  # stems of its event words ("work", "produ")
    commentary: bool = False  # a report's own framing (``claim_view.is_commentary``): matched only with its kind
    subject: str | None = None  # entity key of whose happening it tells (``relations.subject``), None if unnamed


def times_disjoint(a: MatchFeatures, b: MatchFeatures) -> bool:
    if not (a.time_start and a.time_end and b.time_start and b.time_end):
        return False
    return a.time_end < b.time_start or b.time_end < a.time_start


def _days(start: str, end: str) -> int | None:
    try:
        return (dt.date.fromisoformat(end[:10]) - dt.date.fromisoformat(start[:10])).days
    except ValueError:
        return None


# Ranks (a candidate's "third-place finish" is not another's "second-place finish"). "first" is left out: it is
# as often "the first woman to ..." or "the first time" as a rank.
_RANKS = {"secon", "third", "fourt", "fifth"}  # stems; higher ones are as often rounds of a fight that reports count
# differently


def different_ranks(a: MatchFeatures, b: MatchFeatures) -> bool:
    """Both give a rank and no rank is the same: "his strong third-place finish" / "his second-place finish"."""
    ra, rb = a.words & _RANKS, b.words & _RANKS
    return bool(ra and rb and not ra & rb)


def different_moments(a: MatchFeatures, b: MatchFeatures) -> bool:
    """Both are dated to a month or less, more than a month apart: "Carson was dropping out on Monday, February
    1" / "Cruz dropped out on May 3". Two happenings, however alike the words. Closer dates are left to the score:
    a claim's time is the first one its sentence names ("checked into rehab, sentenced over a 2012 crash"),
    and one happening can straddle two dates ("late Thursday" / "early Friday")."""
    if not times_disjoint(a, b):
        return False
    spans = (_days(a.time_start, a.time_end), _days(b.time_start, b.time_end))  # type: ignore[arg-type]
    if not all(d is not None and 0 <= d <= PRECISE_DAYS for d in spans):
        return False
    first, second = sorted([(a.time_start, a.time_end), (b.time_start, b.time_end)])
    gap = _days(first[1], second[0])  # type: ignore[arg-type]
    return gap is not None and gap > PRECISE_DAYS


def times_agree(a: MatchFeatures, b: MatchFeatures) -> bool:
    """Both carry a resolved time of a month or less, and the two overlap ("in May" / "in early May")."""
    if not (a.time_start and a.time_end and b.time_start and b.time_end) or times_disjoint(a, b):
        return False
    spans = (_days(a.time_start, a.time_end), _days(b.time_start, b.time_end))
    return all(d is not None and 0 <= d <= PRECISE_DAYS for d in spans)


def _name_words(key: str) -> list[str]:
    return key.split(":", 1)[-1].split()


def same_name(x: str, y: str) -> bool:
    """One key names the other: the same key, or a last name or short form that ends the other ("reid" /
    "tara reid")."""
    if x == y:
        return True
    wx, wy = _name_words(x), _name_words(y)
    short, full = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
    return bool(short) and full[-len(short) :] == short


def clashes(a: MatchFeatures, b: MatchFeatures) -> list[str]:
    """The kinds of named thing (person, org, place) of which each claim names one the other does not."""
    out = []
    for kind in CLASH_PENALTY:
        xs = [k for k in a.entities if _KIND.get(k.split(":", 1)[0]) == kind]
        ys = [k for k in b.entities if _KIND.get(k.split(":", 1)[0]) == kind]
        if not xs or not ys:
            continue
        only_a = [x for x in xs if not any(same_name(x, y) for y in ys)]
        only_b = [y for y in ys if not any(same_name(x, y) for x in xs)]
        if only_a and only_b:
            out.append(kind)
    return out


def word_overlap(a: MatchFeatures, b: MatchFeatures) -> float:
    union = len(a.words | b.words)
    return len(a.words & b.words) / union if union else 0.0


def grounded(a: MatchFeatures, b: MatchFeatures, cosine: float) -> bool:
    """Do the two claims plainly share what they are about? A close paraphrase; the same event word at the same
    dated moment (a month or less) with a cosine of at least ``NAMED_COSINE``; or a shared named thing, a cosine
    of at least ``NAMED_COSINE`` and, with the other words in common and the shared names, ``GROUNDED`` in all
    ("Ostia is expected to start making drones" / "Norland helped set up drone factories inside Ostia": a cosine just
    under 0.8, a few words and two names in common)."""
    if cosine >= CLOSE_PARAPHRASE:
        return True
    if cosine >= NAMED_COSINE and a.events & b.events and times_agree(a, b):
        return True  # the same happening at the same dated moment ("to leave the factory in May" / "will not leave
        # the railway works in May as planned")
    shared = len(a.entities & b.entities)
    if not shared or cosine < NAMED_COSINE:
        return False
    if not (a.events & b.events or same_subject(a, b)):
        return False
    return cosine + word_overlap(a, b) + ENTITY_BONUS * min(shared, 2) >= GROUNDED


def same_subject(a: MatchFeatures, b: MatchFeatures) -> bool:
    """Both name who acts, and it is one person or body ("Sanders" / "Bernie Sanders")."""
    return bool(a.subject and b.subject and same_actor_key(a.subject, b.subject))


def same_actor_key(x: str, y: str) -> bool:
    """Two entity keys of one kind naming one actor ("person:sanders" / "person:bernie sanders")."""
    return x.split(":", 1)[0] == y.split(":", 1)[0] and same_name(x, y)


def vector_of(f: MatchFeatures) -> np.ndarray:
    """The claim's sentence vector; a claim is encoded before it is matched."""
    if f.vector is None:
        raise ValueError(f"claim {f.claim_id} is not encoded")
    return f.vector


def cosine_of(a: MatchFeatures, b: MatchFeatures) -> float:
    """The cosine of two encoded claims' sentence vectors (unit length)."""
    return float(np.dot(vector_of(a), vector_of(b)))


def score(a: MatchFeatures, b: MatchFeatures) -> float:
    cosine = cosine_of(a, b)
    if cosine < MIN_COSINE:
        return cosine
    shared = len(a.entities & b.entities)
    jaccard = word_overlap(a, b)
    value = cosine + ENTITY_BONUS * min(shared, 2) + WORDS_WEIGHT * jaccard
    same_count = bool(a.counts & b.counts)
    if same_count:
        value += COUNT_BONUS
    elif bool(a.counts) != bool(b.counts):
        value -= COUNT_PENALTY
    if a.events & b.events:
        value += EVENT_BONUS
    elif a.events and b.events and not same_count and cosine < CLOSE_PARAPHRASE:
        value -= EVENT_PENALTY
    value -= sum(CLASH_PENALTY[kind] for kind in clashes(a, b))
    if not (a.entities or b.entities or same_count) and cosine < CLOSE_PARAPHRASE:
        value -= NAMELESS_PENALTY
    if times_disjoint(a, b):
        value -= TIME_PENALTY
    elif times_agree(a, b):
        value += TIME_BONUS
    return round(value, 6)  # rounded so the same input gives the same edges on every platform


def different_subjects(a: MatchFeatures, b: MatchFeatures) -> bool:
    """Both name who acts, people or bodies, and no word of one name is in the other: "Ames raised $20 million from
    small donors" / "Brook raised $3 million from larger donors". Two happenings, however alike their words.
    Countries do not count: a country is as often where something happens as who does it ("Norland helped set up
    drone factories in Ostia" / "Ostia will start making drones with Norland's help")."""
    sa, sb = a.subject, b.subject
    if not (sa and sb):
        return False
    if sa.split(":", 1)[0] not in CLASH_PENALTY or sb.split(":", 1)[0] not in CLASH_PENALTY:
        return False  # a person and a body are compared too: taggers type "Sanders" as either
    # no word of one name in the other: "Ellen DeGeneres" and a tagger's "Ellen DeGeneres Returns" are one person
    if set(_name_words(sa)) & set(_name_words(sb)):
        return False
    # and neither names the other's actor at all: "Klitschko stops Thompson" / "Thompson lost to Klitschko" is one
    # fight, whoever the subject seems to be
    return not (_names(sa, b) or _names(sb, a))


def _names(key: str, f: MatchFeatures) -> bool:
    """Does ``f`` name the actor ``key`` (by any word of its name)?"""
    words = set(_name_words(key))
    return any(words & set(_name_words(k)) for k in f.entities)


def may_be_copies(a: MatchFeatures, b: MatchFeatures) -> bool:
    """Both are commentary, both say something (``MIN_COPY_WORDS``) and they share most of their words
    (``COPY_OVERLAP``): one may be a copy of the other. Read without the sentence vectors, which decide."""
    return (
        a.commentary
        and b.commentary
        and min(len(a.words), len(b.words)) >= MIN_COPY_WORDS
        and word_overlap(a, b) >= COPY_OVERLAP
    )


def same_claim(a: MatchFeatures, b: MatchFeatures) -> float | None:
    """The match score when ``a`` and ``b`` may report the same thing (at least ``EDGE_FLOOR``), else None.
    Whether they do is decided by ``link.clusters`` from all the scores between the claims of a group."""
    if a.claim_id == b.claim_id:
        return None
    if (a.commentary or b.commentary) and not may_be_copies(a, b):
        return None  # commentary is nobody's corroboration: only a copy of the same sentence joins it
    cosine = cosine_of(a, b)
    if a.commentary and cosine < SAME_SENTENCE:
        return None
    value = score(a, b)
    if value < EDGE_FLOOR:
        return None
    if different_subjects(a, b) or different_ranks(a, b) or different_moments(a, b):
        return DIFFERENT  # kept, so that the clustering never merges groups holding the two
    # an ungrounded pair stays a near miss: it counts towards a group's density but never joins two claims
    return value if grounded(a, b, cosine) else min(value, NEAR_MISS)
