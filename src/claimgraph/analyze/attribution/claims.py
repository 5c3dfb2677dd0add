"""Attributed claims: content, cues, sources and chains of sources.

A document is cut into statement units (sentences, joined where a quotation or a trailing colon runs on), each
unit is one claim. Cues in a unit (``cues``) give attributions; a cue inside another cue's content, or a
"citing X" hanging off a reporting verb, extends the chain. Chains run from the speaker nearest the report
(the one the report cites) out to the origin: "NHK reported, citing undisclosed sources, that Y" is
[NHK, undisclosed sources]. A source that refers back ("He", "the ministry", "According to the sources")
resolves to the earlier Source (``speakers``) and carries the chain it came through, with ``source_span``
None for the links not named again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...analysis_types import Attribution, Claim, Mention, Source
from .cue_words import CLOSE_QUOTES, OPEN_QUOTES
from .cues import SUBJECT_DEPS, CueMatch, find_cues
from .speakers import Speakers

MAX_JOINED_SENTENCES = 30  # a quotation that never closes stops swallowing sentences here
MAX_UNIT_TOKENS = 400  # past this a "sentence" is a wall of text: no cue search inside it
UNSPECIFIED = "unspecified sources"  # who stands behind "reportedly" / "it is understood"


@dataclass
class Found:
    """One attribution as found in the text; the benchmark scores these and claims are built from them."""

    cue: CueMatch
    source: Source
    source_span: tuple[int, int] | None
    content_span: tuple[int, int] | None
    chain: list[Attribution] = field(default_factory=list)  # ends with this cue's own link
    parent: "Found | None" = None
    # a quotation that goes on after the cue in the same stretch ("“A,” he said. “B.”"): further content pieces
    more_content: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Unit:
    """One statement: a sentence, or sentences joined by a running quotation."""

    start: int
    end: int
    first: int  # token indices, inclusive
    last: int
    found: list[Found] = field(default_factory=list)
    main: Found | None = None  # the longest statement the unit reports (its innermost speaker's, for the chain)
    others: list[Found] = field(default_factory=list)  # statements beside it ("A, X said, but Y claimed B")
    tops: list[Found] = field(default_factory=list)  # main and others as the report cites them, for the content
    continued: list[Attribution] | None = None  # chain carried from the previous quote


def _quote_open(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1 or text.count("''") % 2 == 1


# A quotation mark left dangling at the end of a sentence piece opens the next one ("Rossi said. ''The ...").
DANGLING_OPEN_QUOTE = re.compile(r"\s(''|``|“|\")$")


def _move_dangling_quotes(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = list(pieces)
    for k in range(len(out) - 1):
        start, end = out[k]
        found = DANGLING_OPEN_QUOTE.search(text, start, end)
        if found and "\n" not in text[end : out[k + 1][0]]:
            out[k] = (start, found.start())
            out[k + 1] = (found.start(1), out[k + 1][1])
    return [(a, b) for a, b in out if text[a:b].strip()]


def _pieces(parsed, text: str) -> list[tuple[int, int]]:
    """Sentence char ranges, split at line breaks (a paragraph never continues a sentence), no blank ones."""
    out = []
    for sent in parsed.sents:
        start = sent.start_char
        for line in text[sent.start_char : sent.end_char].split("\n"):
            end = start + len(line)
            stripped = line.strip()
            if stripped:
                lead = len(line) - len(line.lstrip())
                out.append((start + lead, start + lead + len(stripped)))
            start = end + 1
    return out


def _units(parsed, text: str) -> list[Unit]:
    pieces = _move_dangling_quotes(text, _pieces(parsed, text))
    units: list[Unit] = []
    i = 0
    while i < len(pieces):
        start, end = pieces[i]
        joined = 1
        # a quotation left open, or a colon introducing what follows, runs into the next sentence of the paragraph
        while i + 1 < len(pieces) and joined < MAX_JOINED_SENTENCES and "\n" not in text[end : pieces[i + 1][0]]:
            chunk = text[start:end]
            if not (_quote_open(chunk) or chunk.endswith(":")):
                break
            i += 1
            joined += 1
            end = pieces[i][1]
        span = parsed.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            units.append(Unit(start, end, span.start, span.end - 1))
        i += 1
    return units


def _depth_order(found: list[Found]) -> list[Found]:
    order, seen = [], set()

    def visit(f: Found) -> None:
        if id(f) in seen:
            return
        if f.parent is not None:
            visit(f.parent)
        seen.add(id(f))
        order.append(f)

    for f in found:
        visit(f)
    return order


def _inside(inner: tuple[int, int], outer: tuple[int, int] | None) -> bool:
    return outer is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def plain_marks(text: str) -> str:
    """The text with newspaper quotation marks ('' and ``) as straight ones, same length so offsets hold."""
    return text.replace("``", ' "').replace("''", '" ')


def _widen_to_quotes(
    text: str, plain: str, unit: Unit, span: tuple[int, int], cue_span: tuple[int, int]
) -> tuple[int, int]:
    """Take in the quotation marks around a content, the earlier sentences of a quotation it ends, and the rest
    of a quotation it starts (the parse often ends a clause at a side remark or a sentence inside the quote).
    Newspaper marks ('' and ``) count as straight ones: ``plain`` is ``plain_marks(text)``."""
    start, end = _widen_to_marks(plain, unit, span, cue_span)
    if start > 0 and text[start - 1 : start + 1] == "``":
        start -= 1
    if text[end - 1 : end + 1] == "''":
        end += 1
    return start, end


def _widen_to_marks(text: str, unit: Unit, span: tuple[int, int], cue_span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    before = text[unit.start : start]
    opening = max(before.rfind(q) for q in OPEN_QUOTES)
    if opening >= 0 and not any(q in before[opening:] for q in CLOSE_QUOTES):
        start = unit.start + opening
    elif before.count('"') % 2 == 1:
        start = unit.start + before.rfind('"')
    after = text[end : unit.end]
    stripped = after.lstrip(" ,.;:!?")
    if stripped and stripped[0] in CLOSE_QUOTES + '"' and text[start] in OPEN_QUOTES + '"':
        end += len(after) - len(stripped) + 1
    elif text[start] in OPEN_QUOTES + '"':
        closing = min((i for i in (after.find(q) for q in CLOSE_QUOTES + '"') if i >= 0), default=-1)
        if closing >= 0 and not end <= cue_span[0] < end + closing:
            end += closing + 1
    elif _quote_open(text[start:end]) and end <= unit.end:
        # "said that “A. B. C”": a quotation opened inside the content runs on to its closing mark
        closing = min((i for i in (after.find(q) for q in CLOSE_QUOTES + '"') if i >= 0), default=-1)
        if closing >= 0 and not end <= cue_span[0] < end + closing:
            end += closing + 1
    return start, end


SENTENCE_END = re.compile(r"[.!?][\"”'’]*\s+|\n")
QUOTE_START = re.compile(r"[“\"]|``|''")
QUOTE_AFTER_COMMA = re.compile(r"[^\S\n]*[,:;][^\S\n]*([“\"]|``|'')(?=\w)")


def _quote_after_cue(text: str, unit: Unit, f: Found) -> list[tuple[int, int]]:
    """The quotation that resumes after "“A,” he said." within the same stretch, as one more content piece."""
    content = f.content_span
    tail = max(f.cue.cue_span[1], f.source_span[1] if f.source_span else 0)
    if content is None or content[1] > f.cue.cue_span[0] or tail >= unit.end:
        return []  # only a content that precedes its cue is resumed after it
    after = text[tail : unit.end]
    same_sentence = QUOTE_AFTER_COMMA.match(after)
    if same_sentence is not None:
        # "“A,” he said, “B.” ...": the quotation resumes in the same sentence, up to its closing mark
        start = same_sentence.end() - len(same_sentence.group(1))
        closing = min(
            (i for i in (after.find(q, same_sentence.end()) for q in CLOSE_QUOTES + '"') if i >= 0), default=len(after)
        )
        return [(tail + start, tail + min(closing + 1, len(after)))]
    end_of_sentence = SENTENCE_END.search(after)
    if end_of_sentence is None:
        return []
    opening = QUOTE_START.match(after, end_of_sentence.end())
    if opening is None or not any(ch.isalnum() for ch in after[opening.end() :]):
        return []
    return [(tail + opening.start(), unit.end)]


QUOTE_BEFORE_CUE = re.compile(r"([“\"]|``)[^“”\"]*?,?(”|\"|'')[^\S\n]*,?[^\S\n]*$")


def _quote_before_cue(text: str, unit: Unit, f: Found) -> list[tuple[int, int]]:
    """The first part of a quotation that a cue interrupts ("“A,” he said, “B.”") when the content found is the
    part after the cue, as one more content piece."""
    content = f.content_span
    head = min(f.cue.cue_span[0], f.source_span[0] if f.source_span else f.cue.cue_span[0])
    if content is None or content[0] < f.cue.cue_span[1] or text[content[0]] not in OPEN_QUOTES + '"`':
        return []
    quote = QUOTE_BEFORE_CUE.search(text, unit.start, head)
    return [(quote.start(), quote.end(2))] if quote is not None else []


def _end_before_coordinated_cues(parsed, found: list[Found]) -> None:
    """ "According to the governor, the strike hit a school, but Russia claimed it targeted a barracks": the
    governor's content ends before ", but"; Russia's claim is coordinated with it, not part of it. ("X said that A
    and that Y claimed B" keeps Y's claim inside X's: its own "that" makes it part of what X said.)"""
    for f in found:
        verb = parsed[f.cue.cue_token]
        if (
            f.cue.kind != "verb"
            or verb.dep_ != "conj"
            or any(c.dep_ == "mark" for c in verb.children)
            or not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        ):
            continue
        for g in found:
            span = g.content_span
            if (
                g is f
                or span is None
                or not (span[0] <= parsed[verb.head.i].idx < span[1])
                or not _inside(f.cue.cue_span, span)
            ):
                continue
            k = verb.left_edge.i - 1
            while k >= 0 and (parsed[k].dep_ in ("cc", "punct") or parsed[k].is_space):
                k -= 1
            end = parsed[k].idx + len(parsed[k].text) if k >= 0 else span[0]
            if span[0] < end < span[1]:
                g.content_span = (span[0], end)


def _attribute_unit(parsed, text: str, plain: str, unit: Unit, speakers: Speakers) -> None:
    if unit.last - unit.first > MAX_UNIT_TOKENS:
        return
    matches = find_cues(parsed, unit.first, unit.last)
    for m in matches:
        if (
            m.kind == "verb"
            and m.content_span is not None
            and (not m.stance or _quote_open(text[slice(*m.content_span)]))
        ):
            m.content_span = _widen_to_quotes(text, plain, unit, m.content_span, m.cue_span)
    if any(m.kind not in ("hedge",) for m in matches):
        matches = [m for m in matches if m.kind != "hedge"]  # the hedge is then modality, not a source
    found = [Found(m, None, None, m.content_span) for m in matches]  # type: ignore[arg-type]
    _end_before_coordinated_cues(parsed, found)
    by_token = {f.cue.cue_token: f for f in found if f.cue.kind == "verb"}
    for f in found:
        if f.cue.kind == "citing" and f.cue.parent in by_token:
            f.parent = by_token[f.cue.parent]
            f.content_span = f.parent.content_span
            continue
        # nested: the smallest other content that holds this cue, if it is a statement: "X said Y told Z that C"
        # is X's report of Y's words, but in "X dismissed Y's claim that C" C is Y's claim, not X's
        # (strictly larger than this one's own content, so nesting can never loop)
        own = f.content_span[1] - f.content_span[0] if f.content_span else 0
        holders = [
            g
            for g in found
            if g is not f
            and g.cue.kind != "citing"
            and not g.cue.stance
            and _inside(f.cue.cue_span, g.content_span)
            and g.content_span[1] - g.content_span[0] > own  # type: ignore[index]
        ]
        if holders:
            f.parent = min(holders, key=lambda g: g.content_span[1] - g.content_span[0])  # type: ignore[index]
    for f in _depth_order(found):
        outer = list(f.parent.chain) if f.parent is not None else []
        scope = next((a for a in reversed(outer)), None)
        scope_key = None
        if scope is not None:
            scope_src = speakers.sources[int(scope.source[1:])]
            scope_key = scope_src.key if scope_src.kind != "unnamed" else None
        cue = f.cue
        if cue.source_tokens is None:
            f.source = speakers.unnamed(UNSPECIFIED, scope_key)
        else:
            s_first, s_last = cue.source_tokens
            f.source = speakers.resolve(s_first, s_last, cue.source_head, scope_key)  # type: ignore[arg-type]
            f.source_span = (parsed[s_first].idx, parsed[s_last].idx + len(parsed[s_last].text))
        if not outer and _refers_back(parsed, cue):
            # a source referred back to keeps the chain it came through ("According to the sources" -> NHK's);
            # one named again speaks for itself ("Trump said" after "Politico reported, citing Trump")
            outer = [Attribution(a.source, a.cue, a.cue_span, None) for a in speakers.outer_of(f.source)]
            outer = [a for a in outer if a.source != f.source.id]
        cue_text = text[cue.cue_span[0] : cue.cue_span[1]]
        f.chain = outer + [Attribution(f.source.id, cue_text, cue.cue_span, f.source_span)]
        speakers.note(f.source, cue.cue_span[0], outer)
    for f in found:
        if f.cue.kind == "verb" and not f.cue.stance and f.content_span is not None:
            f.more_content = _quote_after_cue(text, unit, f) + _quote_before_cue(text, unit, f)
        if f.cue.other_side is not None and f.content_span is not None:
            f.more_content.append(f.cue.other_side)
    unit.found = found
    tops = [f for f in found if f.parent is None and f.content_span is not None and not f.cue.silent]
    if not tops:
        return
    # the longest statement first, and beside it every other whose content it does not overlap; what somebody
    # was asked is not what a statement says ("Asked whether X, he said Y")
    asked = {id(f) for f in tops if parsed[f.cue.cue_token].lemma_.lower() == "ask"}
    ranked = sorted(tops, key=lambda f: (id(f) not in asked, f.content_span[1] - f.content_span[0]), reverse=True)  # type: ignore[index]
    kept = [ranked[0]]
    for f in ranked[1:]:
        if id(f) not in asked and not any(
            _overlaps(f.content_span, g.content_span)  # type: ignore[arg-type]  # tops all have contents
            and not (g.cue.stance and _inside(f.cue.cue_span, g.content_span))
            for g in kept
        ):
            kept.append(
                f
            )  # (a claim inside what a stance is about is a claim of its own: "dismissed Y's claim that C")
    unit.tops = kept
    unit.main, *unit.others = [_innermost(found, f) for f in kept]


def _refers_back(parsed, cue: CueMatch) -> bool:
    """Whether a cue's source phrase refers back to someone met before ("he", "the ministry", "the sources")
    rather than naming them ("Trump", "Ukraine's Defence Ministry")."""
    head = parsed[cue.source_head] if cue.source_head is not None else None
    return head is not None and head.pos_ != "PROPN" and not head.ent_type_


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _innermost(found: list[Found], statement: Found) -> Found:
    """The statement a chain of nested cues reports in the end: "X said Y told Z that C" reports C."""
    while True:
        children = [f for f in found if f.parent is statement and f.content_span is not None and not f.cue.stance]
        if not children:
            return statement
        statement = max(children, key=lambda f: (f.cue.kind == "citing", f.content_span[1] - f.content_span[0]))  # type: ignore[index]


def _is_quote_only(text: str) -> bool:
    t = text.strip()
    if t.startswith(("''", "``")) and t.rstrip(".,!?").endswith("''"):
        return len(t) > 4  # newspaper style: ''...'' (or ``...'')
    return len(t) > 2 and t[0] in OPEN_QUOTES + '"' and t.rstrip(".,!?")[-1:] in CLOSE_QUOTES + '"'


def _voice_going_on(text: str, previous: Unit, before: Unit | None) -> list[Attribution] | None:
    """The chain a bare quotation goes on in: that of the quoted statement right before it, or that of the
    quotation before a "he said." naming its speaker ("“A!” Maher replied. “B?”")."""
    chain = previous.main.chain if previous.main is not None else previous.continued
    if chain and any(q in text[previous.start : previous.end] for q in (*OPEN_QUOTES, *CLOSE_QUOTES, '"', "''")):
        return chain
    bare = next((f for f in previous.found if f.cue.kind == "bare"), None)
    if bare is not None and before is not None and before.main is None and before.continued:
        return bare.chain
    return None


def _announced_voice(text: str, unit: Unit) -> list[Attribution] | None:
    """The chain of a line that names a speaker and ends in a colon ("Rossi wrote on Facebook:", "X issued the
    following statement:"), whose words are the next paragraph; None for any other line."""
    if not text[unit.start : unit.end].rstrip().endswith(":"):
        return None
    speaker = next(
        (
            f
            for f in unit.found
            if f.cue.kind == "bare"
            or (
                f.cue.kind == "verb"
                and f.content_span is not None
                and text[slice(*f.content_span)].lower().startswith("the following")
            )
        ),
        None,
    )
    if speaker is None:
        return None
    return list(speaker.chain)


def find_attributions(parsed, mentions: list[Mention], doc_id: str) -> tuple[list[Unit], list[Source]]:
    """Statement units with every attribution found in them, and the document's Sources."""
    speakers = Speakers(parsed, mentions, doc_id)
    text = speakers.text
    units = _units(parsed, text)
    plain = plain_marks(text)
    before: Unit | None = None  # the unit before ``previous``
    previous: Unit | None = None
    announced: list[Attribution] | None = None  # the voice of the paragraph after "X wrote on Facebook:"
    for unit in units:
        _attribute_unit(parsed, text, plain, unit, speakers)
        bare = next((f for f in unit.found if f.cue.kind == "bare"), None)
        if (
            bare is not None
            and previous is not None
            and previous.main is None
            and _is_quote_only(text[previous.start : previous.end])
        ):
            previous.continued = list(bare.chain)
        if unit.main is None and previous is not None and _is_quote_only(text[unit.start : unit.end]):
            chain = _voice_going_on(text, previous, before)
            if chain:
                unit.continued = list(chain)  # the same attribution, cue and source words and all
        if previous is not None and "\n" in text[previous.end : unit.start]:
            announced = _announced_voice(text, previous)  # a new paragraph: only the one after the colon
        if announced and unit.main is None and not unit.continued:
            unit.continued = announced
        before, previous = previous, unit
    return units, speakers.sources


def _claim_contents(text: str, found: Found) -> list[tuple[int, int]]:
    """The content of each claim a statement makes: one per part of a quotation that its cue splits ("“A,” she
    said, “B.”" is two claims, as "“A,” she said. “B.”" is), and one only for a statement its cue merely
    interrupts ("Fundraising, according to the campaign, has surged": the content runs across the cue)."""
    # ("that" and all, as PolNeAR marks a content); a statement found has a content
    start, end = found.content_span  # type: ignore[misc]
    side = found.cue.other_side
    if side is not None:
        start, end = min(start, side[0]), max(end, side[1])
    return sorted([(start, end)] + [piece for piece in found.more_content if piece != side])


CREDIT_LINE = re.compile(
    r"[(\[]?\s*(?i:(additional\s+)?(reporting|writing|editing|compiled|produced)( and \w+)?\s+by)\s+[A-Z]"
)


def _worth_a_claim(parsed, text: str, unit: Unit) -> bool:
    """A statement has a verb and a few words; headline fragments, bylines and credit lines ("(Reporting by X;
    editing by Y)") do not."""
    if not unit.found and CREDIT_LINE.match(text, unit.start):
        return False
    words = 0
    has_verb = False
    for tok in parsed[unit.first : unit.last + 1]:
        words += tok.is_alpha
        has_verb = has_verb or tok.pos_ in ("VERB", "AUX")
        if words >= 3 and has_verb:
            return True
    return False


def extract_claims(parsed, mentions: list[Mention], doc_id: str) -> tuple[list[Claim], list[Source]]:
    """Every statement of the document as a claim, attributed where a cue says whose it is."""
    units, sources = find_attributions(parsed, mentions, doc_id)
    text = parsed.text
    claims: list[Claim] = []
    for unit in units:
        if not _worth_a_claim(parsed, text, unit) or (
            unit.main is None and any(f.cue.kind == "bare" for f in unit.found)
        ):
            continue  # a fragment, or just "he said." naming the speaker of the quotation before
        span = (unit.start, unit.end)
        said: list[tuple[tuple[int, int], list[Attribution]]] = [(span, unit.continued or [])]
        if unit.main is not None and unit.main.content_span is not None:
            # the content the report cites ("X said Y told Z that C": Y told Z that C), the chain to the innermost
            # speaker (X <- Y)
            statements = sorted(zip(unit.tops, [unit.main, *unit.others]), key=lambda p: p[0].content_span[0])  # type: ignore[index]
            said = [(content, inner.chain) for top, inner in statements for content in _claim_contents(text, top)]
        for content, chain in said:
            claims.append(
                Claim(
                    id=f"{doc_id}-c{len(claims) + 1}",
                    span=span,
                    text=text[span[0] : span[1]],
                    content=text[content[0] : content[1]],
                    content_span=content,
                    attribution=list(chain),
                )
            )
    used = {a.source for c in claims for a in c.attribution}
    kept = [s for s in sources if s.id in used]
    return _renumber(claims, kept)


def _renumber(claims: list[Claim], sources: list[Source]) -> tuple[list[Claim], list[Source]]:
    """Source ids s0.. in order of first use, with no gaps left by sources only seen in skipped units."""
    new_ids = {s.id: f"s{i}" for i, s in enumerate(sources)}
    for s in sources:
        s.id = new_ids[s.id]
    for c in claims:
        c.attribution = [Attribution(new_ids[a.source], a.cue, a.cue_span, a.source_span) for a in c.attribution]
    return claims, sources
