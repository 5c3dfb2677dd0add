"""One claim as ``link/`` sees it: the claim plus who reported it, when, and where its chain ends.

Built from an Analysis and its Document; everything the matcher, the relation judge, origins and the timeline
need is here, so those modules never go back to the store.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..analysis_types import Analysis, Claim, Source
from ..document import Document

FORWARD = ("expected", "planned", "hedged")  # not (yet) a fact when reported

# Words that carry no event content: function words, reporting verbs, modality and time words.
_STOP = set(
    """
a about above after again against all also an and any are as at be been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers him his
how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over
own same she should so some such than that the their them then there these they this those through to too under
until up very was we were what when where which while who whom why will with would you your
said says say told tell tells according reported reports report stated states state added adds announced
confirmed citing cited sources source officials official spokesman spokeswoman ministry
expected expects expect planned plans plan likely may might possibly would shall
today yesterday tomorrow week weeks month months year years day days monday tuesday wednesday thursday friday
saturday sunday january february march april june july august september october november december early late
last next first earlier later since ago
""".split()
)
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
STEM = 5  # a crude prefix stem: "producing"/"production" -> "produ"; good enough for overlap, language-agnostic


def content_words(text: str, entity_keys: list[str]) -> list[str]:
    """Stems of the content words that are not part of a named entity: what the claim says happens. Names
    are compared by stem too, so a demonym goes with its country ("Norlander" with "Norland")."""
    named: set[str] = set()
    for key in entity_keys:
        named.update(w.lower()[:STEM] for w in _WORD.findall(key.split(":", 1)[-1]))
    stems = {w.lower()[:STEM] for w in _WORD.findall(text) if w.lower() not in _STOP}
    return sorted(stems - named)


def content_tokens(text: str, entity_keys: list[str]) -> list[str]:
    """The content words themselves (lower-cased, in order), not their stems: for a finer stem than
    ``content_words`` gives ("missed" and "miss" are one verb to ``event_stem``)."""
    named: set[str] = set()
    for key in entity_keys:
        named.update(w.lower()[:STEM] for w in _WORD.findall(key.split(":", 1)[-1]))
    return [w for w in (m.lower() for m in _WORD.findall(text)) if w not in _STOP and w[:STEM] not in named]


# Words after which the next content word is a verb: auxiliaries, modals and the infinitive "to".
_VERB_CUES = set(
    "to will would shall can could may might must should has have had is are was were be been being do does did".split()
)
# Words that may stand between a cue and its verb ("will not leave", "has already established").
_BETWEEN = set("not never also now already still just soon then yet even reportedly be been being have has had".split())
_EVENT_SUFFIXES = ("ing", "ed", "tion", "tions", "sion", "ment", "ments")
_TOKEN = re.compile(r"\w+", re.UNICODE)  # numbers too: "up to 450 engineers" has no verb after "to"
_ZERO = re.compile(r"\b(?:[Nn]o|[Aa]ny|[Nn]one of the)\s+(?:[A-Z][\w'’-]*\s+)*([a-z]{3,})")


# Irregular simple past forms: verbs without an auxiliary or a suffix to show it ("Sanders won", "production
# began"). Not participles, which are as often adjectives ("domestically built", "fallen soldiers", "given that"),
# nor "left", "cut", "hit", "spent", "set" (nouns and adjectives too); after an auxiliary they are verbs anyway.
IRREGULAR_PAST = {
    "won": "win",
    "began": "begin",
    "sent": "send",
    "took": "take",
    "fell": "fall",
    "rose": "rise",
    "struck": "strike",
    "fought": "fight",
    "gave": "give",
    "held": "hold",
    "ran": "run",
    "met": "meet",
    "paid": "pay",
    "sold": "sell",
    "bought": "buy",
    "broke": "break",
    "chose": "choose",
    "fled": "flee",
    "drove": "drive",
    "threw": "throw",
    "withdrew": "withdraw",
    "flew": "fly",
}


def event_stem(word: str) -> str:
    """Inflection and nominalisation stripped, then the crude prefix: "working"/"worked" -> "work",
    "agreed"/"agreement" -> "agre", "producing"/"production" -> "produ", "won" -> "win"."""
    w = word.lower()
    w = IRREGULAR_PAST.get(w, w)
    for suffix in ("ments", "ment", "tions", "tion", "sion", "ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    return w.rstrip("e")[:STEM] if len(w) > 4 else w[:STEM]


def event_words(text: str, entity_keys: list[str]) -> list[str]:
    """Stems of the words that name what happens: verbs (after an auxiliary, a modal or "to", or inflected
    -ing/-ed) and event nouns (-tion, -ment). Two claims that share named things and topic words but no event
    word report neighbouring events ("agreed to transfer technology" / "begin producing trains")."""
    named: set[str] = set()
    for key in entity_keys:
        named.update(w.lower() for w in _WORD.findall(key.split(":", 1)[-1]))
    out = set()
    cued = False
    for i, token in enumerate(_TOKEN.findall(main_clause(text, whole_clauses=False))):
        t = token.lower()
        if t in _VERB_CUES:
            cued = True
            continue
        if t in _BETWEEN or (cued and t.endswith("ly")):
            continue
        # a name or a number after "to" is a destination or an amount, not a verb
        content = len(t) >= 3 and t not in _STOP and t not in named and (i == 0 or token[0].islower())
        if content and (cued or (len(t) >= 6 and t.endswith(_EVENT_SUFFIXES)) or t in IRREGULAR_PAST):
            out.add(event_stem(t))
        cued = cued and t in ("expected", "planned", "likely", "set", "due", "able")  # "is expected to begin"
    return sorted(out)


def claim_events(claim: Claim, entity_keys: list[str]) -> list[str]:
    """What happens in the claim, as event stems: from the parse's verbs where the analysis read them
    (``Claim.predicates``: "Esther Williams dies" -> "die"; "classified material", "the general election" and "a
    PAC supporting Rubio" name no happening), else from the words (``event_words``, for analyses made before)."""
    headline_unread = not claim.predicates and title_case(claim.content)  # the tagger read no verb in it
    if claim.predicates is not None and not headline_unread:
        verbs = [p for p in claim.predicates if p not in LIGHT_VERBS]
        return sorted({event_stem(w) for w in verbs + (claim.event_nouns or [])})
    return event_words(claim.content, entity_keys)


def title_case(text: str) -> bool:
    """A headline in title case ("Lindsay Lohan Checks Into Rehab"), where the tagger takes every word for a name."""
    words = _WORD.findall(text)
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.6 * len(words):
        return False
    # and a capitalised small word or verb-like ending, which a name ("Indiana Gov. Mike Pence") does not have
    return any(w[0].isupper() and (w.lower() in _HEADLINE_SMALL or w.endswith(_HEADLINE_ENDINGS)) for w in words[1:])


_HEADLINE_SMALL = {"into", "the", "for", "with", "after", "from", "and", "over", "out", "off", "will", "won", "not"}
_HEADLINE_ENDINGS = ("s", "ed", "ing")


LIGHT_VERBS = {"be", "have", "do", "get", "make", "go"}  # in most sentences of every story: they tell no happening


_LEADING_PHRASE = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,5}?[^\W\d_]+\s*,\s*", re.UNICODE)


# A leading clause or phrase of time or circumstance, up to its comma ("After she walked out of one clinic
# in the hills on Thursday, the singer checked into ..."; "Heading into Tuesday's primary, ...").
_LEADING_CLAUSE = re.compile(
    r"^\s*(?:after|before|while|although|though|as|when|since|despite|following|once|until|because|amid|during|"
    r"heading|having|earlier|later|in|on|at)\b[^,;:\"“”]{0,200},\s*",
    re.IGNORECASE | re.UNICODE,
)


def main_clause(text: str, whole_clauses: bool = True) -> str:
    """The text without a leading adverbial ("In addition to production support, Russia is helping ...", "Now,
    North Korea is producing ...", "After she left the clinic on Thursday, she checked into ..."): what the claim is
    about follows it."""
    match = _LEADING_PHRASE.match(text)
    if match and _TOKEN.findall(match.group(0))[0].lower() in _STOP:
        return text[match.end() :]
    match = _LEADING_CLAUSE.match(text) if whole_clauses else None
    if match and match.end() < len(text.rstrip()):
        return text[match.end() :]
    return text


def is_commentary(claim: Claim) -> bool:
    """A report's own framing rather than a checkable statement: in its own voice, asserted or hedged, with no
    number and no resolved time, and its main clause opens with a description ("The addition of ... gives", "This
    partnership reflects", "By expanding ...") rather than a name. Such sentences restate the story's topic in
    general words and sit close to every factual claim in embedding space; they join no cluster but a copy of
    themselves, so they neither swell a factual cluster nor count as an origin for it."""
    if claim.attribution or claim.quantities or claim.negated or claim.modality not in ("asserted", "hedged"):
        return False  # a denial, a plan or an expectation in a report's own voice is news, not framing
    if (
        claim.time is not None
        and claim.time.start
        and claim.time.value not in ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
    ):
        return False
    words = _TOKEN.findall(main_clause(claim.content))
    return not words or words[0].lower() in _STOP or words[0][0].islower()


MIN_CONTENT_WORDS = 3  # "a statement", "the following statement": a stance's object, not a checkable claim
_SILENCE = re.compile(
    r"\b(?:did not|didn't|has not|hasn't|have not|haven't|could not|couldn't)\s+(?:immediately\s+)?"
    r"(?:respond|return|reply)\b|\bdeclined\s+to\s+comment\b|\brequests?\s+for\s+comment\b",
    re.IGNORECASE,
)


_CONDITION = re.compile(r"^\W*(?:if|unless|should|whether)\b", re.IGNORECASE)
_LATER_CONDITION = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)


def conditional(claim: Claim) -> bool:
    """A claim that opens with a condition ("If Sanders ultimately wins ...") states no happening; nor does a
    possibility under a condition later in the sentence ("the race could mark the end of inevitability if she
    loses the first two contests")."""
    if _CONDITION.match(main_clause(claim.content)) or _CONDITION.match(claim.content):
        return True
    return claim.modality not in ("asserted", "denied") and bool(_LATER_CONDITION.search(claim.content))


def links_nothing(claim: Claim) -> bool:
    """Matched only with a copy of itself, like commentary: a report's framing (``is_commentary``), a line about
    who did not answer ("The Ames campaign did not respond to a request for comment": on election
    news every campaign's such line clustered with every other's), a claim under a condition ("It could happen if
    Ames sweeps the caucuses"), a bare noun phrase naming no happening and no
    number, or a content of fewer than ``MIN_CONTENT_WORDS`` content words and no number."""
    if is_commentary(claim) or _SILENCE.search(claim.content) or conditional(claim):
        return True
    if not claim.quantities and _NOUN_PHRASE.match(claim.content) and not event_words(claim.content, []):
        return True  # a bare noun phrase, the object of a stance: "the Republican presidential nomination here"
    if not claim.quantities and claim.predicates == [] and not title_case(claim.content):
        return True  # no verb at all in the parse: "Indiana Gov. Mike Pence", "Clinton's use of personal email"
    return not claim.quantities and len(content_words(claim.content, [])) < MIN_CONTENT_WORDS


_NOUN_PHRASE = re.compile(r"^\W*(?:the|a|an|his|her|their|its|our|this|these|those)\b", re.IGNORECASE)


def zero_counts(text: str) -> list[str]:
    """What a negative claim says there is none of: "denied that any engineers had been sent", "No Kestrian
    personnel are working" -> a count of zero engineers / personnel, comparable with other counts of them."""
    return sorted({counted_noun(m.group(1)) for m in _ZERO.finditer(text)} - {None})  # type: ignore[arg-type]


MEASURES = {"percent", "point", "usd", "eur", "gbp", "dollar", "euro"}  # shares and money measure, they count nothing


def counted_things(claim: Claim) -> set[str]:
    """What the claim's numbers count ("engineer", "percent"), with what a denial says there is none of ("denied
    that any engineers were sent": none were)."""
    things = {counted_noun(q.unit) for q in claim.quantities if q.value is not None}
    if (claim.negated or claim.modality == "denied") and not claim.quantities:
        things.update(zero_counts(claim.content))
    return {t for t in things if t}


def counted_noun(unit: str | None) -> str | None:
    """What a number counts, as a comparable key: "Kestrian engineers" and "engineers" -> "engineer"."""
    words = _WORD.findall(unit.lower()) if unit else []
    return words[-1].rstrip("s") if words else None


@dataclass(frozen=True)
class Origin:
    """The end of a claim's attribution chain, or the report itself for a claim in its own voice."""

    key: str
    name: str
    kind: str
    own_voice: bool
    description: str | None = None


@dataclass
class ClaimView:
    claim: Claim
    document: str
    report: str  # the original report's document id: a syndicated copy counts as the report it copies
    outlet: str | None  # of the original report
    published: str | None  # report date (YYYY-MM-DD) of this document
    chain: list[Source] = field(default_factory=list)  # nearest speaker first
    origin: Origin | None = None
    report_name: str | None = None  # the original report's own voice (``outlet_origin``)
    aliases: dict[str, frozenset[str]] = field(default_factory=dict)  # entity key -> lower-cased words its
    # mentions in the report use ("gpe:north korea" -> pyongyang, north, korea)

    @property
    def id(self) -> str:
        return self.claim.id

    @property
    def is_copy(self) -> bool:
        return self.report != self.document

    @property
    def topics(self) -> set[str]:
        """Entity keys the claim is about: its entities less the people and bodies it is attributed to."""
        return set(self.claim.entities) - {s.entity_key for s in self.chain if s.entity_key}

    @property
    def negative(self) -> bool:
        return self.claim.negated or self.claim.modality == "denied"

    @property
    def forward(self) -> bool:
        return self.claim.modality in FORWARD

    @property
    def who(self) -> str:
        """A short, checkable name for who said it: the origin, and the outlet when they differ."""
        outlet = self.outlet or self.report_name or self.document
        if self.origin is None or self.origin.own_voice:
            return outlet
        if self.origin.kind == "unnamed" or len(self.chain) > 1:
            return f"{self.origin.name} via {outlet}"
        return self.origin.name

    def cite(self) -> str:
        return f"{self.who}, {self.published or 'undated'}"


def outlet_origin(doc: Document) -> Origin:
    """A report's own voice: its outlet; without one, the host of its url (the site speaks), else its title,
    else its id. Never the input file's name: every line of one JSON Lines file would be one voice."""
    if doc.outlet:
        return Origin(f"outlet:{normalise_name(doc.outlet)}", doc.outlet, "outlet", True)
    host = _host(doc.url)
    if host:
        host = host.removeprefix("www.")
        return Origin(f"outlet:{host}", host, "outlet", True)
    return Origin(f"document:{doc.id}", doc.title or f"report {doc.id}", "document", True)


def _host(url: str | None) -> str | None:
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:  # a malformed url names no site
        return None


def normalise_name(name: str) -> str:
    """A name as compared: lower case, accents dropped ("Felipe Calderón" is "Felipe Calderon"), punctuation as
    space."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", plain).split())


def claim_views(documents: list[Document], analyses: list[Analysis]) -> list[ClaimView]:
    """Every claim of every analysed document, in the order of ``documents``."""
    by_id = {d.id: d for d in documents}
    by_doc = {a.document: a for a in analyses}
    views: list[ClaimView] = []
    for doc in documents:
        analysis = by_doc.get(doc.id)
        if analysis is not None:
            views.extend(views_of(doc, analysis, by_id.get(doc.duplicate_of or "", doc)))
    return views


def bare_views(analysis: Analysis) -> list[ClaimView]:
    """The claims of one analysis as views without their report's metadata (outlet, date, origin): what the
    matching reads of them (whose happening each tells, by the names their report uses)."""
    sources = {s.id: s for s in analysis.sources}
    words = _mention_words(analysis)
    out = []
    for claim in analysis.claims:
        chain = [sources[a.source] for a in claim.attribution if a.source in sources]
        aliases = {k: frozenset(words[k]) for k in claim.entities if k in words}
        out.append(ClaimView(claim, analysis.document, analysis.document, None, None, chain, aliases=aliases))
    return out


def _mention_words(analysis: Analysis) -> dict[str, set[str]]:
    """Entity key -> the lower-cased words its mentions in the report use."""
    words: dict[str, set[str]] = {}
    for mention in analysis.mentions:
        words.setdefault(mention.key, set()).update(
            w.lower() for w in _WORD.findall(mention.text) if w.lower() not in _STOP
        )
    return words


def views_of(doc: Document, analysis: Analysis, original: Document) -> list[ClaimView]:
    sources = {s.id: s for s in analysis.sources}
    words = _mention_words(analysis)
    out = []
    for claim in analysis.claims:
        chain = [sources[a.source] for a in claim.attribution if a.source in sources]
        if chain:
            end = chain[-1]
            origin = Origin(end.key, end.name, end.kind, False, end.description)
        else:
            origin = outlet_origin(original)
        aliases = {k: frozenset(words[k]) for k in claim.entities if k in words}
        out.append(
            ClaimView(
                claim,
                doc.id,
                original.id,
                original.outlet,
                doc.published_date,
                chain,
                origin,
                outlet_origin(original).name,
                aliases,
            )
        )
    return out
