"""Who a source phrase stands for: kinds, descriptions, keys, and pronoun/nominal speakers resolved in context.

One ``Speakers`` object walks a document in text order. Each source phrase ("Japanese public broadcaster NHK",
"He", "the ministry", "the sources") becomes a local ``Source`` (``s0``, ``s1``...) — an earlier one when the
phrase refers back to it. Key policy (``Source.key``, merged across documents by ``link/``):

- named sources: ``<kind>:<canonical name>`` with the name from ``entities.entity_key`` so aliases agree
  ("outlet:nhk", "person:andriy kovalenko");
- unnamed sources ("undisclosed sources", "officials", "reportedly"): never assumed identical across documents
  because they share a word. They are scoped to the named source that cites them when there is one
  ("unnamed:undisclosed sources@outlet:nhk": two reports relaying NHK's sources share it), else to the document
  ("unnamed:sources@<doc_id>");
- unnamed-but-described ones ("the spokesman", "the report", "analysts") likewise get ``@<doc_id>``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ...analysis_types import Attribution, Mention, Source
from .. import entities
from . import gender

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
GROUP_PRONOUNS = frozenset({"they", "them", "it", "its", "their"})
SELF_PRONOUNS = frozenset({"i", "we", "me", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

OUTLET_NAMES = frozenset(
    """nhk reuters ap afp bbc cnn fox abc cbs nbc msnbc npr pbs bloomberg kyodo yonhap tass ria interfax xinhua
    dpa ansa efe axios politico breitbart cnbc al jazeera ukrinform unian rbc kommersant vedomosti izvestia
    meduza""".split()
)
OUTLET_PHRASES = (
    "associated press",
    "new york times",
    "washington post",
    "wall street journal",
    "financial times",
    "the guardian",
    "the times",
    "al jazeera",
    "kyiv independent",
    "kyiv post",
    "ria novosti",
    "usa today",
    "los angeles times",
    "the economist",
    "the telegraph",
    "der spiegel",
    "le monde",
    "nikkei",
    "asahi",
    "yomiuri",
    "huffington post",
    "huff post",
    "daily mail",
    "the hill",
    "buzzfeed",
    "vox",
    "the atlantic",
    "ukrainska pravda",
    "korea herald",
    "korea times",
    "joongang",
    "chosun",
    "dong-a",
    "interfax-ukraine",
)
OUTLET_HEADS = frozenset(
    """broadcaster newspaper outlet daily tabloid magazine channel network media publication website station
    wire paper newswire journal weekly""".split()
)
GOVERNMENT_HEADS = frozenset(
    """ministry government intelligence military army navy administration kremlin authorities authority police
    embassy cabinet parliament congress senate pentagon presidency office department prosecutors prosecutor
    command forces force ministries regime state""".split()
)
GOVERNMENT_NAME_WORDS = frozenset(
    """ministry government intelligence military army navy kremlin pentagon department parliament congress senate
    house council command forces police embassy administration presidency agency service""".split()
)
DOCUMENT_HEADS = frozenset(
    """report treaty document study survey poll statement memo letter analysis assessment data filing indictment
    complaint lawsuit record records book article video email emails post tweet agreement law bill resolution
    review paper transcript footage document documents cable figures estimate estimates investigation inquiry probe
    audit ruling verdict order decision guidance guidelines policy platform plan proposal ad advertisement
    website page blog""".split()
)
UNNAMED_HEADS = frozenset(
    """source sources official officials insider insiders person people diplomat diplomats observer observers
    analyst analysts expert experts witness witnesses resident residents critic critics someone somebody""".split()
)
PERSON_HEADS = frozenset(
    """spokesman spokeswoman spokesperson minister president official analyst expert man woman leader chief head
    director commander governor senator secretary ambassador professor researcher lawyer attorney candidate
    adviser advisor aide general colonel officer chairman chairwoman chair mayor deputy premier envoy journalist
    reporter author editor scientist economist pilot soldier founder ceo executive strategist pollster
    representative lawmaker congressman congresswoman nominee nurse doctor judge justice moderator manager father
    mother wife husband son daughter sister brother friend owner worker employee student teacher activist host
    anchor writer columnist commentator consultant operative donor lobbyist businessman businesswoman billionaire
    rival opponent challenger incumbent speaker chancellor king queen prince pope priest bishop sheriff detective
    whistleblower victim survivor""".split()
)
ORG_HEADS = frozenset(
    """company firm group organization organisation party campaign committee university institute center centre
    union association bank council court foundation think-tank thinktank coalition alliance movement
    corporation""".split()
)
PLURAL_OK_KINDS = frozenset({"organization", "government", "outlet", "unnamed", "document"})


@dataclass
class Seen:
    """A source as last seen: where, and the outer chain it came through (for continuations)."""

    source: Source
    position: int
    outer: list[Attribution] = field(default_factory=list)  # links further out, nearest to the report first


def _head_words(text: str) -> list[str]:
    return [w.strip(".,'’\"“”").lower() for w in text.split() if w.strip(".,'’\"“”")]


def classify(
    head_lemma: str, phrase_lower: str, label: str | None, has_propn: bool, description: str | None = None
) -> str:
    """The kind of a source phrase from its named-entity label, head noun, known names and description."""
    words = set(_head_words(phrase_lower))
    described = set(_head_words(description or ""))
    if described & OUTLET_HEADS and label != "PERSON":
        return "outlet"  # "Japanese public broadcaster NHK", "the Kyiv-based newspaper"
    if words & OUTLET_NAMES or any(p in phrase_lower for p in OUTLET_PHRASES) or head_lemma in OUTLET_HEADS:
        if head_lemma not in GOVERNMENT_HEADS:
            return "outlet"
    if "news agency" in phrase_lower or "news service" in phrase_lower or "media" in words:
        return "outlet"
    if not has_propn and head_lemma in UNNAMED_HEADS:
        return "unnamed"
    if label == "PERSON":
        return "person"
    if head_lemma in DOCUMENT_HEADS and label not in ("ORG", "GPE"):
        return "document"
    if label == "GPE" or head_lemma in GOVERNMENT_HEADS or (label == "ORG" and words & GOVERNMENT_NAME_WORDS):
        return "government"
    if label in ("ORG", "NORP", "FAC") or head_lemma in ORG_HEADS:
        return "organization"
    if head_lemma in PERSON_HEADS or has_propn:
        return "person"
    return "unnamed"  # a common noun that names no one: "the nurse", "health care", "critics"


class Speakers:
    """Local Sources of one document, resolving references back to earlier ones."""

    def __init__(self, doc, mentions: list[Mention], doc_id: str):
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text on every access: keep it once
        self.doc_id = doc_id
        self.mentions = sorted(mentions, key=lambda m: m.start)  # named-entity mentions never overlap
        self.starts = [m.start for m in self.mentions]
        self.sources: list[Source] = []
        self.by_key: dict[str, Source] = {}
        self.seen: list[Seen] = []

    # -- building Sources -------------------------------------------------------------------------

    def _add(self, name: str, kind: str, key: str, description: str | None, entity_key: str | None) -> Source:
        found = self.by_key.get(key)
        if found is not None:
            if description and not found.description:
                found.description = description
            return found
        src = Source(
            id=f"s{len(self.sources)}", name=name, kind=kind, key=key, description=description, entity_key=entity_key
        )
        self.sources.append(src)
        self.by_key[key] = src
        return src

    def note(self, src: Source, position: int, outer: list[Attribution]) -> None:
        self.seen.append(Seen(src, position, list(outer)))

    def outer_of(self, src: Source) -> list[Attribution]:
        for s in reversed(self.seen):
            if s.source.id == src.id:
                return s.outer
        return []

    def unnamed(self, name: str, scope_key: str | None, description: str | None = None) -> Source:
        scope = scope_key or self.doc_id
        return self._add(name, "unnamed", f"unnamed:{name.lower()}@{scope}", description, None)

    def _mention_at(self, start: int, end: int, head_start: int) -> Mention | None:
        best = None
        for m in self.mentions[max(bisect_left(self.starts, start) - 1, 0) :]:
            if m.start >= end:
                break
            if m.end <= start:
                continue
            if m.start <= head_start < m.end:
                return m
            if best is None and m.label in ("PERSON", "ORG", "GPE", "NORP"):
                best = m
        return best

    # -- resolving one source phrase ----------------------------------------------------------------

    def resolve(self, first: int, last: int, head_i: int, scope_key: str | None = None) -> Source:
        """The Source for tokens first..last (head token head_i); scope_key scopes an unnamed source."""
        doc = self.doc
        head = doc[head_i]
        low = head.lower_
        position = doc[first].idx
        if head.dep_ in ("nsubj", "nsubjpass") and low in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            antecedent = head.head.head
            return self.resolve(antecedent.left_edge.i, antecedent.i, antecedent.i, scope_key)
        if low in PERSON_PRONOUNS | GROUP_PRONOUNS | SELF_PRONOUNS:
            found = self._pronoun(low, position)
            if found is not None:
                return found
            return self._add(
                head.text, "person" if low in PERSON_PRONOUNS else "unnamed", f"unnamed:{low}@{self.doc_id}", None, None
            )
        adjacent_name = [
            c for c in head.children if c.dep_ in ("appos", "npadvmod") and c.i == head.i + 1 and c.pos_ == "PROPN"
        ]
        if head.pos_ == "NOUN" and adjacent_name:
            head = adjacent_name[0]  # "broadcaster NHK" parsed as an apposition: the name is the head
        # split the phrase: appositive / trailing prepositional phrase is the description
        desc_tokens = [
            c for c in head.children if c.dep_ in ("appos", "acl", "relcl") or (c.dep_ == "prep" and c.i > head.i)
        ]
        desc_first = min((t.left_edge.i for t in desc_tokens), default=last + 1)
        core_last = min(last, desc_first - 1)
        while core_last > first and (doc[core_last].is_punct or doc[core_last].is_space):
            core_last -= 1
        start, end = doc[first].idx, doc[core_last].idx + len(doc[core_last].text)
        mention = self._mention_at(start, end, head.idx)
        description = None
        if desc_tokens:
            d_first, d_last = desc_first, max(t.right_edge.i for t in desc_tokens)
            d_last = min(d_last, last)
            text = doc[d_first : d_last + 1].text.strip(" ,;:—–-")
            description = text or None
        if mention is not None and mention.label in ("PERSON", "ORG", "GPE", "FAC", "NORP", "LOC", "PRODUCT", "LAW"):
            m_start, m_text = self._full_name(mention, start)
            pre = self.text[start:m_start].strip(" ,")
            if pre and any(
                t.pos_ in ("NOUN", "ADJ", "PROPN") for t in doc.char_span(start, m_start, alignment_mode="expand") or []
            ):
                # "Japanese public broadcaster NHK": the words before the name describe it
                if not pre.lower().endswith(("'s", "’s")):
                    description = pre if description is None else f"{pre}; {description}"
            phrase = self.text[start:end]
            if mention.label in ("GPE", "NORP") and mention.end < end - 1:
                # "Ukraine's military intelligence": the GPE is a modifier; the body is the phrase itself
                key_name = " ".join(phrase.split())
                kind = classify(head.lemma_.lower(), phrase.lower(), None, True)
                if kind == "person" and head.pos_ != "PROPN" and head.lemma_.lower() not in PERSON_HEADS:
                    kind = "government" if head.lemma_.lower() in GOVERNMENT_HEADS else "organization"
                return self._add(key_name, kind, f"{kind}:{key_name.lower()}", description, None)
            # the mention's own identity (find_mentions resolved it in context); recomputed only for a name the
            # tagger cut short and _full_name widened
            ekey, name = (
                (mention.key, mention.name) if m_text == mention.text else entities.entity_key(m_text, mention.label)
            )
            kind = classify(head.lemma_.lower(), phrase.lower(), mention.label, True, description)
            if mention.label == "NORP" and kind == "organization" and head.pos_ != "PROPN":
                kind = "government" if head.lemma_.lower() in GOVERNMENT_HEADS else kind
            if head.pos_ != "PROPN" and not (mention.start <= head.idx < mention.end):
                return self._nominal(first, core_last, head, description, scope_key)
            earlier = self._same_person(name, mention.label)
            if earlier is not None:
                return earlier
            return self._add(name, kind, f"{kind}:{name.lower()}", description, ekey)
        return self._nominal(first, core_last, head, description, scope_key)

    def _full_name(self, mention: Mention, phrase_start: int) -> tuple[int, str]:
        """The mention widened over proper-noun name parts the tagger left out ("Spokesman [Teodor] Rusk")."""
        if mention.label != "PERSON":
            return mention.start, mention.text
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        i = span.start if span is not None else None
        while i is not None and i > 0:
            prev = self.doc[i - 1]
            if (
                prev.idx < phrase_start
                or prev.pos_ != "PROPN"
                or prev.lower_ in PERSON_HEADS
                or prev.dep_ != "compound"
            ):
                break
            i -= 1
        start = self.doc[i].idx if i is not None else mention.start
        return start, self.text[start : mention.end]

    def _same_person(self, name: str, label: str) -> Source | None:
        """ "Vell" after "Hana Vell": a bare surname names the person already met (the tagger may call it ORG)."""
        if " " in name.strip() or label not in ("PERSON", "ORG"):
            return None
        for src in reversed(self.sources):
            if src.kind == "person" and src.name.lower().endswith(" " + name.lower()):
                return src
        return None

    def _nominal(self, first: int, last: int, head, description: str | None, scope_key: str | None) -> Source:
        """A source named by a noun phrase: back-reference ("the ministry") or a new unnamed/described source."""
        doc = self.doc
        tokens = doc[first : last + 1]
        text = " ".join(tokens.text.split())
        lemma = head.lemma_.lower()
        has_propn = any(t.pos_ == "PROPN" for t in tokens)
        definite = tokens[0].lower_ in ("the", "this", "that", "these", "those")
        if definite and not has_propn:
            found = self._by_head(head.lower_, lemma, doc[first].idx)
            if found is not None:
                return found
        if has_propn and len(tokens) == 1:
            found = self._same_person(text, "PERSON")  # "Day said" after "Kristen Day": a surname the tagger missed
            if found is not None:
                return found
        kind = classify(lemma, text.lower(), None, has_propn, description)
        if (
            kind == "unnamed"
            and lemma not in UNNAMED_HEADS
            and head.text[:1].isupper()
            and head.tag_ != "NNS"
            and not head.is_sent_start
        ):
            kind = "person"  # a name the tagger took for a common noun ("Trump -- the nominee -- said")
        if kind == "person" and head.tag_ in ("NNS", "NNPS") and head.ent_type_ != "PERSON" and lemma in PERSON_HEADS:
            kind = "unnamed"  # people of a kind, not one person: "Friends of the senator say", "Aides said"
        lead = next(
            (k for k, t in enumerate(tokens) if t.dep_ != "det" and t.lower_ not in ("the", "a", "an")), len(tokens)
        )
        bare = (
            " ".join(tokens[lead:].text.split()) or text
        )  # "two sources familiar with the matter": only the lead goes
        if kind == "unnamed":
            return self.unnamed(bare, scope_key, description)
        if has_propn:
            return self._add(text, kind, f"{kind}:{text.lower()}", description, None)
        return self._add(text, kind, f"{kind}:{bare.lower()}@{self.doc_id}", description, None)

    def _by_head(self, word: str, lemma: str, position: int) -> Source | None:
        """An earlier source whose name or description has this head noun ("the sources", "the broadcaster")."""
        for s in reversed(self.seen):
            if s.position >= position:
                continue
            words = set(_head_words(s.source.name)) | set(_head_words(s.source.description or ""))
            if word in words or lemma in words:
                return s.source
        # an earlier named mention containing the word ("the ministry" -> "the Defence Ministry")
        for m in self._mentions_back_from(position):
            if m.end <= position and m.label in ("ORG", "GPE") and lemma in _head_words(m.text):
                ekey, name = m.key, m.name
                kind = classify(lemma, m.text.lower(), m.label, True)
                return self._add(name, kind, f"{kind}:{name.lower()}", None, ekey)
        return None

    def _acts_in_its_sentence(self, mention: Mention) -> bool:
        """Whether a mention can be what a later "he"/"it" stands for: the subject (or the subject's name) of its
        sentence's main clause, outside any quotation (a name inside someone's quote is what they talk about)."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        while root.dep_ in ("compound", "appos", "conj", "poss") and root.head.i != root.i:
            root = root.head
        verb = root.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if root.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ROOT":
            # (the subject of a clause someone reports is what they talk about: "X claimed Obama is to blame")
            return False
        line_start = self.text.rfind("\n", 0, mention.start) + 1
        before = self.text[line_start : mention.start]
        return not (before.count("“") > before.count("”") or before.count('"') % 2 == 1)

    def _mentions_back_from(self, position: int):
        """The mentions that start before ``position``, nearest first (a bisection, not a walk over the rest)."""
        return reversed(self.mentions[: bisect_left(self.starts, position)])

    def _pronoun(self, low: str, position: int) -> Source | None:
        """Most recent compatible speaker, else the most recent compatible named mention."""
        want_person = low in PERSON_PRONOUNS or low in ("i", "me")
        best_pos, best = -1, None
        for s in reversed(self.seen):
            if s.position >= position:
                continue
            if s.source.kind == "person" and not gender.can_be(s.source.name, low):
                continue  # "she said" after a man's quotation: someone else
            if (
                low in SELF_PRONOUNS - {"i", "me"}
                or (s.source.kind == "person") == want_person
                or (not want_person and s.source.kind in PLURAL_OK_KINDS)
            ):
                best_pos, best = s.position, s.source
                break
        for m in self._mentions_back_from(position):
            if m.end > position:
                continue
            if m.start <= best_pos:
                break
            ok = m.label == "PERSON" if want_person else m.label in ("ORG", "GPE", "NORP")
            if ok and want_person and not gender.can_be(m.text, low):
                continue
            if ok and not self._acts_in_its_sentence(m):
                continue  # "Microsoft said it fixed Windows. It said ...": "It" is Microsoft, not Windows
            if ok and position - m.end < 600:
                ekey, name = m.key, m.name
                kind = classify("", m.text.lower(), m.label, True)
                return self._add(name, kind, f"{kind}:{name.lower()}", None, ekey)
            if ok:
                break
        return best
