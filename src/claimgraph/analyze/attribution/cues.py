"""Attribution cues: the words that mark a statement as someone's ("said", "according to", "citing", "reportedly").

Works on one spaCy sentence-like stretch of tokens and returns raw cue matches: where the cue is, which tokens
name the source (if any) and which characters hold the reported content. Resolving who the source is
(pronouns, nominals, kinds, keys) is ``speakers``' job; building claims and chains is ``claims``'.

``find_cues`` hands each token to the cue kinds in ``CUE_KINDS`` in turn; the first kind the word belongs to
decides whether it makes a cue there. One function per kind: transcript-style "NAME:" lines
(``_speaker_line``), "according to", "citing", hedges ("reportedly"), headline "X reports", nouns ("X's claim
that", "rumors that"), and verbs: as-clauses ("as the ministry said"), impersonal "it is understood", passives
("was asked about", "was first reported by"), a copula with an adjective ("were aware that"), bare "he said."
after a quotation (or "has not commented": silence) and active reporting verbs. Which verbs and nouns are cues,
and where a content ends after its clause, the learned model in ``learned`` decides when its file is present;
otherwise the word lists in ``cue_words`` do. Spans follow PolNeAR's conventions (sources with their relative
clauses, a quotation's content up to its closing mark).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import learned
from .cue_words import (
    AS_CLAUSE_NOT_SAYING,
    CITING_WORDS,
    CLAUSE_ONLY_LEMMAS,
    CLOSE_QUOTES,
    CONNECTING_ADVERBS,
    DASHES,
    DEMONSTRATIVES,
    HEADLINE_CUE_WORDS,
    HEARSAY_LEMMAS,
    HEDGE_WORDS,
    IMPERSONAL_LEMMAS,
    LEADING_ADVERBS,
    LIGHT_OBJECTS,
    LIGHT_PREPS,
    MEDIUM_CLAUSE_PREPS,
    MEDIUM_NOUNS,
    MEDIUM_PREPS,
    NOUN_CONTENT_PREPS,
    NOUN_CUE_LEMMAS,
    OPEN_QUOTES,
    RECIPIENT_LEMMAS,
    REFUSAL_LEMMAS,
    REPORTING_LEMMAS,
    SAYING_PARTICIPLES,
    SEEMING_LEMMAS,
    STANCE_PREPS,
    TELLING_LEMMAS,
    WEEKDAYS,
    learned_cue_words,
)

AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass
class CueMatch:
    """One cue found in a stretch of text. Token indices are into the parsed Doc; char spans are [start, end)."""

    # verb | passive | noun | according | citing | hedge | impersonal | colon | bare (speaker of the quotation before)
    kind: str
    # | silence ("X has not commented": a cue and a source but no content; the line stays the report's own claim)
    cue_span: tuple[int, int]
    cue_token: int  # index of the cue's head token
    source_tokens: tuple[int, int] | None  # [first, last] token indices of the source phrase, None if unnamed
    source_head: int | None  # index of the source phrase's head token
    content_span: tuple[int, int] | None
    parent: int | None = None  # for "citing": index of the verb cue token whose source cites this one
    stance: bool = False  # a stance toward a thing ("praised X", "called for X", "warned of X"), not a statement
    silent: bool = False  # "declined to comment on Y", "did not say how many": says nothing, so no one's claim
    # the content's other side when the cue sits inside it ("The nominee, he said, watched ..."): char span
    other_side: tuple[int, int] | None = None


def _char_span(doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _is_edge(tok) -> bool:
    """Punctuation that never starts or ends a span (a "%" or "$" does)."""
    return tok.is_space or (tok.is_punct and tok.text not in ("%", "$", "€", "£", "…"))


def _trim(doc, first: int, last: int, lo: int, hi: int) -> tuple[int, int] | None:
    """Clip token range to [lo, hi] and drop edge punctuation, "that" complementisers stay (they are content)."""
    first, last = max(first, lo), min(last, hi)
    while first <= last and _is_edge(doc[first]) and doc[first].text not in OPEN_QUOTES + '"':
        first += 1
    while last >= first and _is_edge(doc[last]) and doc[last].text not in CLOSE_QUOTES + '"':
        last -= 1
    if first > last:
        return None
    return first, last


def _subject(tok):
    """The subject of a verb, inherited through "and added", "saying", "adding" from the governing verb."""
    seen = 0
    while tok is not None and seen < 4:
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                return None if _inside_hyphenated_word(child) else child
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i != tok.i:
            if _next_action_in_clause(tok):
                tok = tok.head  # "X said he welcomed it and added ...": X added (see _before_next_action)
            tok = tok.head
            seen += 1
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "responded by saying", "after slamming": the subject of the verb before
            seen += 1
            continue
        return None
    return None


def _inside_hyphenated_word(tok) -> bool:
    """A piece of a hyphenated word ("de" of "a cul-de-sac trying to explain"): no one who speaks."""
    doc = tok.doc
    joined_before = tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
    joined_after = tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_
    return joined_before and joined_after


def _next_action_in_clause(tok) -> bool:
    """Whether ``tok`` is a cue verb the parse coordinated into the clause that another cue verb reports, with no
    subject of its own: the speaker's next action ("X said he welcomed it *and added* ..."), not the clause's."""
    head = tok.head
    return (
        tok.dep_ == "conj"
        and head.dep_ == "ccomp"
        and head.head.i != head.i
        and not any(c.dep_ in SUBJECT_DEPS + ("expl",) for c in tok.children)
        and _is_cue_verb(tok)
        and _is_cue_verb(head.head)
    )


def _source_end(subj, verb) -> int:
    """Last token of a source phrase: its whole subtree, relative clauses and all, as PolNeAR marks sources, but
    never running into its own cue ("X said Y, a claim Moscow disputed" parsed with the apposition on X)."""
    if subj.i < verb.i <= subj.right_edge.i:
        last = max(t.i for t in subj.subtree if t.i < verb.i)
    else:
        last = subj.right_edge.i
    return _before_attributed_relative(subj.doc, subj.left_edge.i, last)


def _before_attributed_relative(doc, first: int, last: int) -> int:
    """End a source phrase before a relative clause at its end that holds a cue of its own ("Eric Woolson*, who
    has declined to back Mr. Ames*, said"): that is another attribution, not part of the name. Relative
    clauses without a cue stay, as PolNeAR marks them (train: 60 such cuts right, 12 wrong)."""
    model = learned.cue_model()
    end = last
    while end > first and _is_edge(doc[end]):
        end -= 1  # ("Eric Woolson, who ...*,* said")
    for tok in _set_off_relatives(doc, first, end, ASIDE_MARKS, first + 1):
        if any(
            (u.pos_ in ("VERB", "AUX") and _is_cue_verb(u))
            or (u.pos_ == "NOUN" and model is not None and model.is_cue(u))
            for u in tok.subtree
        ):
            k = tok.left_edge.i - 1
            while k > first and _is_edge(doc[k]):
                k -= 1
            return k
    return last


def _is_cue_verb(tok) -> bool:
    if not learned.is_candidate(tok) or tok.pos_ == "NOUN":
        return False
    if len(tok.text) > 1 and tok.text.isupper():
        return False  # a headline or label in capitals ("WESTLAND ENDS TAMPON TAX"), not someone saying something
    model = learned.cue_model()
    lemma = tok.lemma_.lower()
    if model is not None:
        # PolNeAR marks "went on to say" from its first verb, so the model rarely calls an infinitive a cue;
        # a reporting verb there still is one when the verb above it is not ("went on | to say that")
        return (
            model.is_cue(tok)
            or (tok.dep_ == "xcomp" and lemma in REPORTING_LEMMAS - CLAUSE_ONLY_LEMMAS)
            or _quoted_as(tok)
        )
    return lemma in REPORTING_LEMMAS or lemma in learned_cue_words()


def _infinitive(tok) -> bool:
    """A verb that goes on from the one above it: "went on | to say", "refused | to discuss"."""
    return tok.dep_ == "xcomp" or (
        tok.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in tok.children)
    )


def _quoted_as(tok) -> bool:
    """The "saying" of "X was quoted as saying Y": the verb that makes X the speaker."""
    return tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() == "quote"


def _cue_extent(doc, verb, lo: int, hi: int) -> tuple[int, int]:
    """The cue's tokens: the verb with its auxiliaries/negation right before it, and an adjacent medium phrase."""
    first = verb.i
    for child in sorted(verb.children, key=lambda t: -t.i):
        # "has also said", "later tweeted", "did not deny": auxiliaries and adverbs right before the verb
        if (
            child.i < verb.i
            and child.i == first - 1
            and (
                child.dep_ in AUX_DEPS
                or child.lower_ in LEADING_ADVERBS
                or (child.dep_ == "advmod" and child.tag_ != "WRB" and child.lower_ not in CONNECTING_ADVERBS)
            )
        ):
            first = child.i
    last = verb.i
    for child in verb.children:
        if child.i == last + 1 and (child.dep_ == "prt" or (child.dep_ == "npadvmod" and child.lower_ in WEEKDAYS)):
            last = child.i  # "pointed out", "said Thursday"
        elif child.dep_ == "npadvmod" and child.left_edge.i == last + 1 and child.ent_type_ in ("DATE", "TIME"):
            last = child.right_edge.i  # "said last month", "boasted Monday night"
        elif (
            child.i == last + 1
            and child.dep_ == "advmod"
            and child.tag_ != "WRB"
            and child.right_edge.i == child.i
            and child.lower_ not in CONNECTING_ADVERBS
        ):
            last = child.i  # "said sarcastically", "said recently" (85% of them in PolNeAR train's cues)
    for child in verb.children:
        if child.dep_ == "prep" and child.i == last + 1 and child.lower_ in MEDIUM_PREPS:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() in MEDIUM_NOUNS:
                said = {t.i for c in _clause_after_medium(verb, lo, hi) for t in c.subtree}  # not "that Y"
                last = max(t.i for t in child.subtree if t.i not in said)
    return max(first, lo), min(last, hi)


def _inside_quote(doc, first: int, i: int) -> bool:
    """Whether token i sits inside a quotation opened after token ``first`` (curly, straight or '' `` marks,
    mixed as real pages mix them: a straight mark closes an open curly one)."""
    inside = False
    for tok in doc[first:i]:
        mark = tok.text
        if mark in OPEN_QUOTES or mark == "``":
            inside = True
        elif mark in CLOSE_QUOTES:
            inside = False
        elif mark in ('"', "''"):
            inside = not inside
    return inside


def _content_of_verb(doc, verb, lo: int, hi: int, clause_only: bool) -> tuple[int, int] | None:
    """Token range of what the verb reports, or None."""
    clause = [
        c
        for c in verb.children
        if c.dep_ in ("ccomp", "xcomp", "parataxis")
        and lo <= c.i <= hi
        and not any(t.text == ";" for t in doc[min(c.right_edge.i + 1, verb.i) : max(verb.i, c.left_edge.i)])
    ]
    # (a clause beyond a semicolon is a sentence of its own: "Kyiv says X; Tehran denies Y")
    clause = clause or _clause_after_medium(verb, lo, hi)
    if not clause and verb.dep_ in ("parataxis",) and verb.head.i != verb.i:
        # "Y, X said." parsed with "said" hanging off Y: the content is Y's clause minus the cue clause, and
        # minus a statement coordinated after it ("Y, X said, but Z claimed W")
        head = verb.head
        beside = {
            t.i
            for c in head.children
            if c.dep_ == "conj" and c.i > verb.i and any(g.dep_ in SUBJECT_DEPS for g in c.children)
            for t in c.subtree
        }
        beside |= {c.i for c in head.children if c.dep_ == "cc" and c.i > verb.i and beside and c.i < min(beside)}
        sub = [
            t.i
            for t in head.subtree
            if lo <= t.i <= hi and not (verb.left_edge.i <= t.i <= verb.right_edge.i) and t.i not in beside
        ]
        if sub:
            return _trim(doc, min(sub), max(sub), lo, hi)
    if clause:
        main = clause[0] if len(clause) == 1 else max(clause, key=lambda c: len(list(c.subtree)))
        main = _clause_of_it_adjective(main)
        first, last = main.left_edge.i, main.right_edge.i
        if main.dep_ == "xcomp":
            # "urged the court to intervene": who is urged belongs to what is urged
            objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and verb.i < c.i < main.i]
            if objs:
                first = objs[0].left_edge.i
        if main.i > verb.i:
            last = _content_end(doc, verb, main, last)
        return _trim(doc, first, _before_side_participle(doc, first, last), lo, hi)
    if clause_only:
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr") and lo <= c.i <= hi]
    if objs and verb.lemma_.lower() not in TELLING_LEMMAS:
        o = objs[0]
        return _trim(doc, o.left_edge.i, _content_end(doc, verb, o, o.right_edge.i, rules=False), lo, hi)
    return None


def _clause_after_medium(verb, lo: int, hi: int) -> list:
    """ "said in a statement that Y" when the parser hangs "that Y" off "statement": [Y's head], else []."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i > verb.i and prep.lower_ in MEDIUM_CLAUSE_PREPS:
            for medium in prep.children:
                if medium.dep_ == "pobj" and medium.lemma_.lower() in MEDIUM_NOUNS:
                    return [
                        c
                        for c in medium.children
                        if c.dep_ == "acl"
                        and c.i > medium.i
                        and c.right_edge.i <= hi
                        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                    ][:1]
    return []


def _before_side_participle(doc, first: int, last: int) -> int:
    """End a content before a participle of saying that closes it after a comma: the speaker's next statement,
    not part of this one ("that the plan failed, *saying* it ...", "..., *adding* that")."""
    for tok in doc[first + 2 : last + 1]:
        if (
            tok.tag_ != "VBG"
            or tok.lemma_.lower() not in SAYING_PARTICIPLES
            or tok.dep_ not in ("advcl", "xcomp", "conj", "acl")
        ):
            continue
        if tok.left_edge.i == tok.i and tok.right_edge.i >= last:
            before = tok.i - 1
            while before > first and doc[before].text in CLOSE_QUOTES + "\"'":
                before -= 1  # (",” adding": the closing mark stays with the content)
            if doc[before].text == ",":
                return tok.i - 1
    return last


def _before_next_action(doc, first: int, last: int) -> int:
    """End a content before a verb of saying or of a stance coordinated into it with no subject of its own: the
    parse hangs the speaker's next action on the content's verb ("said he welcomed it *and added* ...", "has said
    she wants X *and has expressed* support for Y"). Inside a quotation the words are the speaker's own."""
    for tok in doc[first + 1 : last + 1]:
        if (
            tok.dep_ != "conj"
            or tok.pos_ not in ("VERB", "AUX")
            or not first <= tok.head.i < tok.i
            or any(c.dep_ in SUBJECT_DEPS + ("expl",) for c in tok.children)
            or not _is_cue_verb(tok)
            or _inside_quote(doc, first, tok.i)
        ):
            continue
        k = tok.left_edge.i - 1
        while k > first and (doc[k].dep_ == "cc" or _is_edge(doc[k])):
            k -= 1
        if k > first:
            return k
    return last


CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "conj", "ROOT"})


def _before_side_relative(doc, first: int, last: int) -> int:
    """End a content that is a noun phrase before a relative clause set off by a comma at its end: the writer's
    aside, not part of what the stance is about ("criticized the cause of the raids*, which led to*
    ..."; PolNeAR train: 41 times for, 20 against). A clause keeps its relatives, as a quotation does."""
    words = range(first, last + 1)
    root = next((doc[k] for k in words if not first <= doc[k].head.i <= last or doc[k].head.i == k), None)
    if root is None or root.dep_ in CLAUSE_DEPS:
        return last
    for tok in _set_off_relatives(doc, first, last, (",",), first + 2):
        if not _inside_quote(doc, first, tok.left_edge.i):
            return tok.left_edge.i - 2
    return last


def _set_off_relatives(doc, first: int, last: int, marks, scan_from: int):
    """The verbs of relative clauses in ``doc[scan_from : last + 1]`` that open with who/which/whom/whose right
    after one of ``marks`` (inside the phrase that starts at ``first``) and run to ``last``."""
    for tok in doc[scan_from : last + 1]:
        start = tok.left_edge.i
        if (
            tok.dep_ == "relcl"
            and doc[start].lower_ in ("who", "which", "whom", "whose")
            and start - 1 > first
            and doc[start - 1].text in marks
            and tok.right_edge.i >= last
        ):
            yield tok


ASIDE_DEPS = frozenset({"advcl", "relcl", "appos", "acl", "npadvmod", "dobj"})
ASIDE_MARKS = frozenset({",", "—", "–", "-", "--"})


def _before_attributed_aside(doc, first: int, last: int) -> int:
    """End a content before an aside set off at its end by a comma or a dash that holds a cue of its own: it
    says who else said or did what, not more of this statement ("said he supports the bill*, which he describes
    as* ...", "accused them of X*, a charge they deny*"; PolNeAR train: 49 times for, 17 against)."""
    model = learned.cue_model()
    for tok in doc[first + 2 : last + 1]:
        start = tok.left_edge.i
        if (
            tok.dep_ not in ASIDE_DEPS
            or start - 1 <= first
            or doc[start - 1].text not in ASIDE_MARKS
            or tok.right_edge.i < last - 1
            or _inside_quote(doc, first, start)
        ):
            continue
        if any(
            (u.pos_ in ("VERB", "AUX") and _is_cue_verb(u))
            or (u.pos_ == "NOUN" and model is not None and model.is_cue(u))
            for u in tok.subtree
        ):
            k = start - 1
            while k > first and (_is_edge(doc[k]) or doc[k].dep_ == "cc"):
                k -= 1
            return k
    return last


def _clause_of_it_adjective(clause):
    """ "made *it clear* that X": the that-clause of "it" + adjective is the content (the rest is cue)."""
    if clause.pos_ != "ADJ" or not any(c.dep_ in ("nsubj", "dobj") and c.lower_ == "it" for c in clause.children):
        return clause
    inner = next(
        (
            c
            for c in clause.children
            if c.dep_ in ("ccomp", "advcl") and c.i > clause.i and any(g.dep_ == "mark" for g in c.children)
        ),
        None,
    )
    return inner if inner is not None else clause


def ends_content(child) -> bool:
    """A dependent after the content that never belongs to it: when or where it was said ("on Monday",
    "in a Telegram post")."""
    if child.ent_type_ in ("DATE", "TIME") or (child.dep_ == "npadvmod" and child.lower_ in WEEKDAYS):
        return True
    objs = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
    return bool(objs) and (objs[0].ent_type_ in ("DATE", "TIME") or objs[0].lemma_.lower() in MEDIUM_NOUNS)


def _content_end(doc, verb, holder, last: int, rules: bool = True) -> int:
    """Take in the verb's dependents after the content that still belong to it: the model decides each in
    turn ("backed Obama | over Clinton" yes, "called it improper | on Monday" no); without the model, a rule
    ("..., Moscow's 'first defence alliance'" yes, side clauses no) where ``rules`` says so."""
    model = learned.cue_model()
    after = sorted((c for c in verb.children if c.i > last), key=lambda c: c.i)
    for k, child in enumerate(after):
        if model is not None:
            if child.dep_ == "punct":
                continue  # ("... a pact," Moscow's "first alliance": punctuation neither ends nor joins)
            if _next_statement(child) or (child.dep_ == "cc" and any(_next_statement(c) for c in after[k + 1 : k + 2])):
                break  # ("first said A, | but in a later interview said B")
            if ends_content(child) or not model.extends_content(verb, child, holder):
                break
        elif not rules or child.dep_ in ("advcl", "punct", "cc", "conj") or _is_cue_verb(child):
            continue
        last = max(last, child.right_edge.i)
    return last


def _next_statement(child) -> bool:
    """A cue verb coordinated after the content: the speaker's next statement, not more of this one ("first said
    A, but in a later interview said B")."""
    return child.dep_ == "conj" and _is_cue_verb(child)


def _predicate_adjective(verb):
    """The adjective after a copula ("were *aware* that", "is *skeptical* of"), or None."""
    if verb.lemma_.lower() != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "acomp" and c.i > verb.i), None)


def _stance_object(doc, verb, lo: int, hi: int) -> tuple[int, int] | None:
    """What a stance verb is about: its object, or the object of its first preposition ("called for X")."""
    if learned.cue_model() is None and verb.lemma_.lower() not in learned_cue_words() | REPORTING_LEMMAS:
        return None  # (with the model, the model has already judged the verb)
    for child in verb.children:
        if not lo <= child.i <= hi or child.i < verb.i:
            continue
        if child.dep_ in ("dobj", "xcomp", "oprd"):
            if learned.cue_model() is not None:
                return _trim(doc, child.left_edge.i, _content_end(doc, verb, child, child.right_edge.i), lo, hi)
            # "called it a starting point": the object and its predicate together
            last = max(
                [child.right_edge.i]
                + [
                    c.right_edge.i
                    for c in verb.children
                    if c.i > child.i and (c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ == "as"))
                ]
            )
            return _trim(doc, child.left_edge.i, last, lo, hi)
        if child.dep_ == "prep" and child.lower_ in STANCE_PREPS:
            objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                last = _content_end(doc, verb, child, objs[0].right_edge.i, rules=False)
                return _trim(doc, objs[0].left_edge.i, last, lo, hi)
        mark = _for_mark(child)
        if mark is not None and mark.i == child.left_edge.i:
            # "called for the president to resign": what is called for is the clause after "for"
            return _trim(doc, mark.i + 1, child.right_edge.i, lo, hi)
    return None


def _for_mark(clause):
    """The "for" that opens a for-to clause hanging off a verb ("called *for* the president to resign"), or None."""
    if clause.dep_ != "advcl":
        return None
    return next((g for g in clause.children if g.dep_ == "mark" and g.lower_ == "for"), None)


def _joins_cue(tok, verb) -> bool:
    """A preposition between a stance verb and what it is about, which PolNeAR counts in the cue ("called for",
    "pointed to"): a preposition of the verb, or the "for" of a for-to clause."""
    return (tok.dep_ == "prep" and tok.head.i == verb.i) or (
        tok.dep_ == "mark" and tok.lower_ == "for" and tok.head.head.i == verb.i and tok.head.dep_ == "advcl"
    )


def _sides(
    doc, lo: int, hi: int, cut_first: int, cut_last: int
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The two sides of [lo, hi] once [cut_first, cut_last] is removed, the larger first: the content around a
    cue that sits inside it ("Donations, according to the campaign, have surged")."""
    left = _trim(doc, lo, cut_first - 1, lo, hi) if cut_first > lo else None
    right = _trim(doc, cut_last + 1, hi, lo, hi) if cut_last < hi else None
    main, other = (
        (left, right)
        if left and right and left[1] - left[0] >= right[1] - right[0]
        else (right or left, left if right else None)
    )
    return main, other if main and other and _part_of(doc, other, main) else None


def _part_of(doc, side: tuple[int, int], main: tuple[int, int]) -> bool:
    """Whether a side of a split sentence belongs to the statement on the other side: its words hang off that
    statement ("Fundraising, [according to X,] has surged"), not off the cue ("In an interview, [X said,] ...")
    or nothing but a conjunction ("But, [according to X,] ...")."""
    words = [t for t in doc[side[0] : side[1] + 1] if not (t.is_punct or t.is_space)]
    if all(t.dep_ == "cc" for t in words):
        return False
    if (side[0] < main[0] and doc[main[0]].text in OPEN_QUOTES + '"') or (
        side[0] > main[1] and doc[main[1]].text in CLOSE_QUOTES + '"'
    ):
        return False  # a quotation is the whole of what was said ("In an interview, [X said,] “...”")
    return all(main[0] <= t.head.i <= main[1] for t in words if not side[0] <= t.head.i <= side[1])


def _as_cue(doc, verb, lo: int, hi: int) -> CueMatch | None:
    """ "As the ministry said, the plant is open", "The plant, as the ministry put it, is open": an as-clause of
    saying names the source of the clause it hangs from, which is the content."""
    if (
        verb.dep_ != "advcl"
        or not lo <= verb.head.i <= hi
        or not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)
    ):
        return None
    lemma = verb.lemma_.lower()
    put_it = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it" and c.i == verb.i + 1), None)
    if not (
        (lemma in REPORTING_LEMMAS and lemma not in AS_CLAUSE_NOT_SAYING) or (lemma == "put" and put_it is not None)
    ):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None:
        # "As reported by Western Journalism, Y": the agent of a passive as-clause (PolNeAR's cue: "reported")
        subj = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if subj is None or subj.lower_ == "it":
        return None
    if any(
        c.dep_ in ("ccomp", "xcomp", "attr", "oprd", "acomp")
        or (c.dep_ == "dobj" and (put_it is None or c.i != put_it.i) and lemma not in RECIPIENT_LEMMAS)
        for c in verb.children
    ):
        return None  # "as she told him that Y", "as they vowed to win": the verb says something of its own
    if verb.head.pos_ in ("ADJ", "ADV") or any(c.dep_ == "advmod" and c.lower_ == "as" for c in verb.head.children):
        return None  # a comparison: "as bad as she said", "not as toxic as they believe"
    host = verb.head
    while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
        host = host.head  # ("The plant, as X put it, is open" parsed with the as-clause on "plant")
    first, last = max(host.left_edge.i, lo), min(host.right_edge.i, hi)
    left = _trim(doc, first, verb.left_edge.i - 1, lo, hi) if verb.left_edge.i > first else None
    right = _trim(doc, verb.right_edge.i + 1, last, lo, hi) if verb.right_edge.i < last else None
    if left is not None and all(t.dep_ == "cc" or t.is_punct for t in doc[left[0] : left[1] + 1]):
        left = None  # "But, as X said, Y"
    sides = sorted((s for s in (left, right) if s is not None), key=lambda s: s[1] - s[0], reverse=True)
    if not sides:
        return None
    content, other = sides[0], (sides[1] if len(sides) > 1 else None)  # the host clause runs across the as-clause
    cue = (_cue_extent(doc, verb, lo, hi)[0], put_it.i if put_it is not None else verb.i)
    return CueMatch(
        "verb",
        _char_span(doc, *cue),
        verb.i,
        (subj.left_edge.i, min(subj.right_edge.i, hi)),
        subj.i,
        _char_span(doc, *content),
        other_side=_char_span(doc, *other) if other else None,
    )


def _stray_subject(doc, verb, subj, content: tuple[int, int], lo: int) -> tuple[int, int] | None:
    """ "The attack, Zelensky said on Telegram, had failed" parsed with "The attack" hanging off "said" and "had
    failed" as its clause without a subject: the stray phrase is the first part of the content."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and content[0] <= c.i <= content[1]), None)
    if comp is None or comp.i < verb.i or any(c.dep_ in SUBJECT_DEPS + ("expl",) for c in comp.children):
        return None
    stray = next(
        (
            c
            for c in verb.children
            if c.dep_ == "dep"
            and lo <= c.left_edge.i
            and c.i < subj.left_edge.i
            and c.pos_ in ("NOUN", "PROPN", "PRON")
        ),
        None,
    )
    return (stray.left_edge.i, stray.right_edge.i) if stray is not None else None


def _after_dateline(doc, subj, first: int, last: int):
    """(first token, head) of a source phrase without a dateline the parser took into it ("CLEVELAND, July 19 —
    Donald Trump said": the source is Donald Trump, not the city and the date)."""
    for k in range(last - 1, first, -1):
        if doc[k].text not in DASHES or not (doc[k].text in ("—", "--") or doc[k - 1].whitespace_):
            continue  # (a hyphen inside a word is no dateline's end: "Florida-based strategist Al Cardenas")
        before = doc[first:k]
        if not any(t.ent_type_ in ("GPE", "DATE") or (t.is_upper and len(t) > 1) for t in before) or any(
            t.ent_type_ == "PERSON" for t in before
        ):
            return first, subj
        if subj.i > k:
            return k + 1, subj
        rest = [t for t in doc[k + 1 : last + 1] if not (t.is_punct or t.is_space)]
        heads = [t for t in rest if not k < t.head.i <= last or t.head.i == t.i]
        return (rest[0].i, heads[0]) if rest and heads else (first, subj)
    return first, subj


def _semicolon_clause(doc, i: int, lo: int, hi: int) -> tuple[int, int]:
    """The part of [lo, hi] around token i that no semicolon divides ("“A,” Rossi said; she did not say when")."""
    first, last = i, i
    while first > lo and doc[first - 1].text != ";":
        first -= 1
    while last < hi and doc[last + 1].text != ";":
        last += 1
    return first, last


def _rest_of(doc, lo: int, hi: int, cut_first: int, cut_last: int) -> tuple[int, int] | None:
    """The larger side of [lo, hi] once [cut_first, cut_last] is removed: the content around an adverbial cue."""
    return _sides(doc, lo, hi, cut_first, cut_last)[0]


def _passive_cue(doc, verb, subj, lo: int, hi: int) -> CueMatch | None:
    """ "X was asked about Y", "Y was first reported by Z", "he is expected to win": the agent (if any) is the
    source; the content is the verb's clause, the object of its preposition, or else its subject. Always a
    stance: a passive names no one who makes a statement the report relays."""
    if not lo <= subj.i <= hi or _inside_quote(doc, lo, verb.i) or verb.lemma_.lower() == "quote":
        return None  # ("X was quoted as saying": the saying is the cue)
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    cue = _cue_extent(doc, verb, lo, hi)
    clause = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and lo <= c.i <= hi]
    prep = next(
        (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and c.lower_ in STANCE_PREPS | {"as"}), None
    )
    objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")] if prep is not None else []
    if clause and clause[0].dep_ == "xcomp" and subj.i < verb.i:
        content = _trim(doc, subj.left_edge.i, clause[0].right_edge.i, lo, hi)  # "he | is expected | to win"
    elif clause:
        content = _trim(doc, clause[0].left_edge.i, clause[0].right_edge.i, lo, hi)
    elif objs and prep is not None:
        # "Clinton | is widely seen as | the favourite": what she is seen as says something of her, so the
        # subject before the cue is part of the content (PolNeAR train, 61 times in 65)
        first = subj.left_edge.i if prep.lower_ == "as" and subj.i < verb.i else objs[0].left_edge.i
        content = _trim(doc, first, objs[0].right_edge.i, lo, hi)
        cue = (cue[0], prep.i)
    else:
        content = _trim(doc, subj.left_edge.i, subj.right_edge.i, lo, hi)
    if content is None:
        return None
    source = (agent.left_edge.i, min(agent.right_edge.i, hi)) if agent is not None and agent.i <= hi else None
    if source is None and clause and clause[0].dep_ == "xcomp" and verb.lemma_.lower() in HEARSAY_LEMMAS:
        # "The troops are said to have left": hearsay with no one named, as "reportedly" is
        return CueMatch("hedge", _char_span(doc, *cue), verb.i, None, None, _char_span(doc, *content))
    return CueMatch(
        "passive",
        _char_span(doc, *cue),
        verb.i,
        source,
        agent.i if source and agent else None,
        _char_span(doc, *content),
        stance=True,
    )


def _noun_cue(doc, noun, lo: int, hi: int, taken: set[int]) -> CueMatch | None:
    """ "X's statement that Y", "the claim that Y", "rumors about Y", "his criticism of Y" (the last two only
    with the model; without it, nouns of saying with a that-clause): the
    possessor or "by X" is the source, the clause or the preposition's object the content. A stance: the noun
    phrase is part of someone else's sentence, so it never makes a claim of its own."""
    if noun.i in taken:
        return None  # the "statement" of "said in a statement"
    model = learned.cue_model()
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i and lo <= c.i <= hi), None)
    that_clause = clause is not None and any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)
    lexical = that_clause and noun.lemma_.lower() in NOUN_CUE_LEMMAS
    if not (lexical or (model is not None and model.is_cue(noun))) or _inside_quote(doc, lo, noun.i):
        return None
    cue = (noun.i, noun.i)
    prep = next(
        (c for c in noun.children if c.dep_ == "prep" and c.i > noun.i and c.lower_ in NOUN_CONTENT_PREPS), None
    )
    objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")] if prep is not None else []
    if clause is not None and any(g.dep_ == "mark" for g in clause.children):
        content = _trim(doc, clause.left_edge.i, clause.right_edge.i, lo, hi)
    elif objs and prep is not None:
        content = _trim(doc, objs[0].left_edge.i, objs[0].right_edge.i, lo, hi)
        cue = (noun.i, prep.i)
    else:
        return None
    if content is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    by = next(
        (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"),
        None,
    )
    source = None
    if owner is not None:
        last = max((t.i for t in owner.subtree if t.dep_ != "case"), default=owner.i)
        source = (max(owner.left_edge.i, lo), last)
    elif by is not None and by.right_edge.i <= hi:
        source = (by.left_edge.i, by.right_edge.i)
    head = (owner or by).i if source is not None else None  # type: ignore[union-attr]
    return CueMatch("noun", _char_span(doc, *cue), noun.i, source, head, _char_span(doc, *content), stance=True)


def _speaker_line(doc, lo: int, hi: int) -> CueMatch | None:
    """Transcript or headline style "RAMOS: Secretary Clinton, ..." / "Trump: 'I will win'": a name, a colon, words."""
    for k in range(lo + 1, min(lo + 5, hi)):
        if doc[k].text == ":":
            name = doc[lo:k]
            if all(t.pos_ == "PROPN" or t.text in (".", "'s", "’s") for t in name) and any(t.is_alpha for t in name):
                content = _trim(doc, k + 1, hi, lo, hi)
                if content and content[1] - content[0] >= 2:
                    return CueMatch("colon", _char_span(doc, k, k), k, (lo, k - 1), k - 1, _char_span(doc, *content))
            return None
    return None


def _bare(doc, verb, lo: int, hi: int) -> bool:
    """A short stretch that is nothing but a speaker and a reporting verb ("he said on Tuesday.")."""
    if hi - lo > 14:
        return False
    recipient_verb = verb.lemma_.lower() in RECIPIENT_LEMMAS  # "he told reporters." names who heard it
    if any(
        lo <= c.i <= hi and (c.dep_ in ("ccomp", "xcomp", "attr", "oprd") or (c.dep_ == "dobj" and not recipient_verb))
        for c in verb.children
    ):
        return False  # "criticized Manafort for ...": the verb says something about something
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and lo <= c.i <= hi for c in verb.children):
        return False  # "neither confirmed nor denied the report": the verbs share what follows
    if any(_says_what(c) for c in verb.children if c.i > verb.i and lo <= c.i <= hi):
        return False  # "admitted to victimizing 100 people", "wrote of living under his reign": a stance
    inside = {t.i for t in verb.subtree}
    return all(doc[i].is_punct or doc[i].is_space or i in inside for i in range(lo, hi + 1))


def _says_what(child) -> bool:
    """A preposition after a verb of saying that takes what is said about ("wrote *of* his reign", "admitted *to*
    victimizing", "concluded *by* admonishing"), not where or when it was said ("said in an interview")."""
    if child.dep_ != "prep" or ends_content(child):
        return False
    return child.lower_ in STANCE_PREPS - {"to", "at", "on"} or any(g.dep_ == "pcomp" for g in child.children)


def _negated(verb) -> bool:
    """ "did not say", "neither confirmed nor denied", "did not confirm or deny", "no one confirmed", "has yet to
    confirm": a negation on the verb, on the verb it is coordinated with, or on its subject."""
    words = list(verb.children) + (list(verb.head.children) if verb.dep_ == "conj" else [])
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "have" and any(c.lower_ == "yet" for c in verb.head.children):
        return True  # "has yet to confirm"
    return any(
        c.dep_ == "neg"
        or c.lower_ == "neither"
        or (
            c.dep_ in SUBJECT_DEPS
            and (
                c.lower_ in ("nobody", "none")
                or any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)
            )
        )
        for c in words
    )


def _light_verb(doc, verb, lo: int, hi: int) -> tuple[int, tuple[int, int]] | None:
    """(last cue token, content) of a verb whose object only says what kind of saying it is, as PolNeAR marks it:
    "issued a statement saying Y", "expressed concern about Y", "took aim at Y" (the cue runs through the
    participle or preposition that takes what is said), or None."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ == "NOUN"), None)
    if obj is None or obj.lemma_.lower() not in LIGHT_OBJECTS or obj.right_edge.i >= hi:
        return None
    after = [c for c in obj.children if c.i > obj.i] + [c for c in verb.children if c.i > obj.i]
    for tok in sorted(after, key=lambda t: t.i):
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.left_edge.i == tok.i:
            said = _content_of_verb(doc, tok, lo, hi, False)
            return (tok.i, said) if said is not None and said[0] > tok.i else None
        follows = tok.i == max(t.i for t in obj.subtree if t.i < tok.i) + 1
        if tok.dep_ == "prep" and tok.lower_ in LIGHT_PREPS and follows and not ends_content(tok):
            objs = [g for g in tok.children if g.dep_ in ("pobj", "pcomp")]
            if not objs:
                return None
            when = [c.i for c in objs[0].children if c.i > objs[0].i and ends_content(c)]  # "... | on Monday"
            said = _trim(doc, objs[0].left_edge.i, min(when, default=objs[0].right_edge.i + 1) - 1, lo, hi)
            return (tok.i, said) if said is not None else None
        return None  # something else follows the object: "issued a statement | on Monday"
    return None


def _reporting_infinitive(doc, verb, lo: int, hi: int) -> tuple[int, tuple[int, int]] | None:
    """(inner verb index, its content) when the verb goes on with an infinitive of a reporting verb that has a
    content of its own: "went on to say that Y", "refused to discuss Y"."""
    for child in verb.children:
        if (
            _infinitive(child)
            and verb.i < child.i <= hi
            and child.lemma_.lower() in REPORTING_LEMMAS | learned_cue_words()
        ):
            inner = _content_of_verb(doc, child, lo, hi, False) or _stance_object(doc, child, lo, hi)
            if inner is not None and inner[0] > child.i:
                return child.i, inner
    return None


def _according_cue(doc, tok, lo: int, hi: int, taken: set[int]) -> CueMatch | None:
    """ "According to X, Y" / "Y, according to X": X is the source, the rest of the stretch the content."""
    objs = [g for g in doc[tok.i + 1].children if g.dep_ == "pobj"]
    if not objs:
        return None
    obj = objs[0]
    s_first, s_last = obj.left_edge.i, min(obj.right_edge.i, hi)
    content, other = _sides(doc, lo, hi, tok.i, s_last)
    if not content:
        return None
    return CueMatch(
        "according",
        _char_span(doc, tok.i, tok.i + 1),
        tok.i,
        (s_first, s_last),
        obj.i,
        _char_span(doc, *content),
        other_side=_char_span(doc, *other) if other else None,
    )


def _citing_cue(doc, tok, lo: int, hi: int, taken: set[int]) -> CueMatch | None:
    """ "..., citing undisclosed sources": a further source for the cue verb it hangs from (``parent``)."""
    objs = [g for g in tok.children if g.dep_ in ("dobj", "pobj", "npadvmod", "attr")]
    if not objs:
        return None
    obj = objs[0]
    parent = tok.head if tok.head.i != tok.i else None
    content = _rest_of(doc, lo, hi, tok.i, min(obj.right_edge.i, hi))
    return CueMatch(
        "citing",
        _char_span(doc, tok.i, tok.i),
        tok.i,
        (obj.left_edge.i, min(obj.right_edge.i, hi)),
        obj.i,
        _char_span(doc, *content) if content else None,
        parent=parent.i if parent is not None else None,
    )


def _hedge_cue(doc, tok, lo: int, hi: int, taken: set[int]) -> CueMatch:
    """ "X is reportedly based in Y": no one named; the content is the whole statement, X is based in Y."""
    content = _rest_of(doc, lo, hi, tok.i, tok.i)
    whole = _trim(doc, lo, hi, lo, hi)
    return CueMatch(
        "hedge",
        _char_span(doc, tok.i, tok.i),
        tok.i,
        None,
        None,
        _char_span(doc, *whole) if whole and content else None,
    )


def _headline_cue(doc, tok, lo: int, hi: int, taken: set[int]) -> CueMatch | None:
    """ "..., media reports" in a headline, where the parser reads "reports" as a noun."""
    src = [c for c in tok.children if c.dep_ in ("compound", "amod", "nsubj") and lo <= c.i < tok.i]
    content = [c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i]
    if not (src and content):
        return None
    body = _trim(doc, content[0].left_edge.i, content[0].right_edge.i, lo, hi)
    if body is None:
        return None
    return CueMatch(
        "verb", _char_span(doc, tok.i, tok.i), tok.i, (src[0].left_edge.i, tok.i - 1), src[-1].i, _char_span(doc, *body)
    )


def _impersonal_cue(doc, verb, lo: int, hi: int) -> CueMatch | None:
    """ "It is understood that Y": an unnamed source."""
    content = _content_of_verb(doc, verb, lo, hi, True)
    if not content:
        return None
    return CueMatch(
        "impersonal", _char_span(doc, *_cue_extent(doc, verb, lo, hi)), verb.i, None, None, _char_span(doc, *content)
    )


def _source_tokens(doc, subj, verb, lo: int, hi: int) -> tuple[int, int]:
    """[first, last] tokens of the source phrase headed by ``subj``: its subtree up to its cue, trimmed."""
    return _trim(doc, max(subj.left_edge.i, lo), min(_source_end(subj, verb), hi), lo, hi) or (subj.i, subj.i)


def _adjective_cue(doc, verb, subj, adjective, lo: int, hi: int) -> CueMatch | None:
    """ "were aware that X", "is skeptical of X": the adjective holds the content; the cue runs to it. A stance."""
    content = _content_of_verb(doc, adjective, lo, hi, True) or _stance_object(doc, adjective, lo, hi)
    if content is None or content[0] <= adjective.i:
        return None
    before = doc[content[0] - 1]
    cue_last = content[0] - 1 if before.dep_ == "prep" and before.head.i == adjective.i else adjective.i
    return CueMatch(
        "verb",
        _char_span(doc, _cue_extent(doc, verb, lo, hi)[0], cue_last),
        verb.i,
        _source_tokens(doc, subj, verb, lo, hi),
        subj.i,
        _char_span(doc, *content),
        stance=True,
    )


def _bare_cue(doc, verb, subj, silent: bool, lo: int, hi: int) -> CueMatch:
    """ "Mrs. Clinton said." after a quotation that ended a sentence: the speaker of what came before (``bare``);
    "The Kremlin has not commented.": a statement about the speaker's silence, not a speaker tag (``silence``)."""
    return CueMatch(
        "silence" if silent else "bare",
        _char_span(doc, *_cue_extent(doc, verb, lo, hi)),
        verb.i,
        _source_tokens(doc, subj, verb, lo, hi),
        subj.i,
        None,
    )


def _reporting_verb_cue(doc, verb, subj, lo: int, hi: int, taken: set[int]) -> CueMatch | None:
    """An active verb of saying or of a stance with its subject as the source: "X said (that) Y", "“Y,” X said",
    "X praised Y", "X went on to say that Y". Adds the cue's words to ``taken``."""
    lemma = verb.lemma_.lower()
    clause_only = lemma in CLAUSE_ONLY_LEMMAS or lemma not in REPORTING_LEMMAS
    adjective = _predicate_adjective(verb)
    if adjective is not None:
        return _adjective_cue(doc, verb, subj, adjective, lo, hi)
    content = _content_of_verb(doc, verb, lo, hi, clause_only)
    inner = _reporting_infinitive(doc, verb, lo, hi)
    if inner is not None and (content is None or content[0] <= inner[0] <= content[1]):
        content = inner[1]  # the cue then runs to the inner verb (below)
    else:
        inner = _light_verb(doc, verb, lo, hi)  # "issued a statement saying Y": the cue runs to "saying"
        content = inner[1] if inner is not None else content
    if content is None and not clause_only:
        # "“...,” he said." where the parser gave the quote no clause: the rest of the stretch.
        cue_first = min(subj.left_edge.i, verb.i)
        cue_last = max(verb.i, subj.right_edge.i if subj.i > verb.i else verb.i)
        rest = _rest_of(doc, *_semicolon_clause(doc, verb.i, lo, hi), cue_first, cue_last)
        if rest and any(doc[i].text in OPEN_QUOTES + CLOSE_QUOTES + '"' for i in range(rest[0], rest[1] + 1)):
            content = rest
    # a word only the corpus statistics call a cue ("agreed", "praised") marks a stance, not a statement
    stance = lemma not in REPORTING_LEMMAS
    # "did not say how many", "declined to comment on Y": silence about Y, no more a statement than a stance is
    silent = lemma in REFUSAL_LEMMAS or _negated(verb)
    if content is None and not stance and _bare(doc, verb, lo, hi):
        return _bare_cue(doc, verb, subj, silent, lo, hi)
    stance = stance or silent
    if content is None:
        stance_content = _stance_object(doc, verb, lo, hi)
        if stance_content is None:
            return None
        content, stance = stance_content, True
    if content[0] <= verb.i <= content[1]:
        # a parse that put the cue inside its own content: keep the side of the content away from the cue
        cut_first = min(verb.i, subj.left_edge.i)
        cut_last = max(verb.i, subj.right_edge.i) if subj.i > verb.i else verb.i
        content, other = _sides(doc, content[0], content[1], cut_first, cut_last)
        if content is None:
            return None
    else:
        other = _stray_subject(doc, verb, subj, content, lo)
    s_first = max(subj.left_edge.i, lo)
    s_last = min(_source_end(subj, verb), hi)
    s_first, subj = _after_dateline(doc, subj, s_first, s_last)
    cue = _cue_extent(doc, verb, lo, hi)
    if inner is not None:
        # "went on to say that Y", "refused to discuss Y": the cue runs to the inner verb, whose content it is
        cue, content, other = (cue[0], inner[0]), inner[1], None
        taken.add(inner[0])
        stance = doc[inner[0]].lemma_.lower() not in REPORTING_LEMMAS or silent
    elif stance and content[0] > verb.i and _joins_cue(doc[content[0] - 1], verb):
        cue = (cue[0], content[0] - 1)  # "called for", "pointed to": the preposition belongs to the cue
    elif content[0] == verb.i + 3 and doc[verb.i + 1].lower_ == "it" and doc[verb.i + 2].pos_ == "ADJ":
        cue = (cue[0], verb.i + 2)  # "made it clear | that X"
    if (
        _infinitive(verb)
        and lo <= verb.head.i < verb.i
        and all(doc[k].dep_ in ("prt", "aux", "advmod", "neg") for k in range(verb.head.i + 1, verb.i))
    ):
        cue = (_cue_extent(doc, verb.head, lo, hi)[0], cue[1])  # "went on to say": the cue starts at "went"
    if content[0] > cue[1]:
        content = (content[0], _before_next_action(doc, content[0], content[1]))
        content = (content[0], _before_side_relative(doc, content[0], content[1]))
        content = (content[0], _before_attributed_aside(doc, content[0], content[1]))
    s_trim = _trim(doc, s_first, s_last, lo, hi) or (subj.i, subj.i)
    taken.update(range(cue[0], cue[1] + 1))  # "said in a *statement*" is not a cue of its own
    # the subject is the source; an object ("told Reuters") is the recipient and never becomes one
    return CueMatch(
        "verb",
        _char_span(doc, *cue),
        verb.i,
        s_trim,
        subj.i,
        _char_span(doc, *content),
        stance=stance,
        silent=silent,
        other_side=_char_span(doc, *other) if other else None,
    )


def _verb_cue(doc, tok, lo: int, hi: int, taken: set[int]) -> CueMatch | None:
    """The cue a verb makes: an as-clause of saying, else by its subject an impersonal, passive or active cue."""
    as_cue = _as_cue(doc, tok, lo, hi)
    if as_cue is not None:
        return as_cue
    lemma = tok.lemma_.lower()
    cue_verb = _is_cue_verb(tok)
    if not (cue_verb or lemma in IMPERSONAL_LEMMAS) or tok.dep_ in ("amod", "compound", "acl"):
        return None
    if tok.lower_ in CITING_WORDS or tok.i in taken:
        return None
    subj = _subject(tok)
    if subj is not None and subj.lower_ == "it" and subj.dep_ == "nsubjpass" and lemma in IMPERSONAL_LEMMAS:
        return _impersonal_cue(doc, tok, lo, hi)
    if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == tok.i and cue_verb:
        return _passive_cue(doc, tok, subj, lo, hi)
    quoted_as = subj is not None and subj.head.i != tok.i and subj.head.lemma_.lower() == "quote"
    if subj is None or (subj.dep_ == "nsubjpass" and not quoted_as) or not (lo <= subj.i <= hi) or not cue_verb:
        return None  # ("X was quoted as saying Y": X is the one saying)
    if subj.lower_ in DEMONSTRATIVES and tok.dep_ != "relcl":
        return None  # "This shows that ...": the writer's own inference, nobody is speaking
    if _inside_quote(doc, lo, tok.i):
        return None  # "I think" inside a quotation is the quoted speaker's hedge, not a new attribution
    if lemma in SEEMING_LEMMAS and _reporting_infinitive(doc, tok, lo, hi) is None:
        return _seeming_cue(doc, tok, subj, lo, hi)
    return _reporting_verb_cue(doc, tok, subj, lo, hi, taken)


def _seeming_cue(doc, verb, subj, lo: int, hi: int) -> CueMatch | None:
    """ "Republicans appear to be salivating", "Cruz seemed lost", "It appears that Y": how a thing seems names
    no one who says it, so there is no source, and the content is the whole clause, subject and all (PolNeAR
    train: "Republicans | to be salivating", no source, 150 times in 180)."""
    if subj.lower_ == "it":
        content = _content_of_verb(doc, verb, lo, hi, True)  # "It appears that Y"
        first = content[0] if content else None
    else:
        rest = [c for c in verb.children if c.i > verb.i and c.dep_ in ("xcomp", "acomp", "attr", "oprd", "prep")]
        content = (subj.left_edge.i, max(c.right_edge.i for c in rest)) if rest else None
        first = subj.left_edge.i
    if content is None or first is None:
        return None
    content = _trim(doc, content[0], content[1], lo, hi)
    if content is None:
        return None
    return CueMatch(
        "passive",
        _char_span(doc, *_cue_extent(doc, verb, lo, hi)),
        verb.i,
        None,
        None,
        _char_span(doc, *content),
        stance=True,
    )


# The cue kinds a token is offered to, in order: (does the word belong to the kind?, the cue it makes there, or
# None). The first kind the word belongs to decides; ``taken`` holds the words already part of a longer cue
# ("went on to *say*", "said in a *statement*").
CUE_KINDS = (
    (lambda tok, hi: tok.lower_ == "according" and tok.i < hi and tok.nbor().lower_ == "to", _according_cue),
    (lambda tok, hi: tok.lower_ in CITING_WORDS and tok.pos_ in ("VERB", "NOUN", "ADJ"), _citing_cue),
    (lambda tok, hi: tok.lower_ in HEDGE_WORDS, _hedge_cue),
    (lambda tok, hi: tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.lower_ in HEADLINE_CUE_WORDS, _headline_cue),
    (lambda tok, hi: tok.pos_ == "NOUN", _noun_cue),
    (lambda tok, hi: True, _verb_cue),
)


def find_cues(doc, lo: int, hi: int) -> list[CueMatch]:
    """All cues among tokens lo..hi (inclusive) of ``doc``, in text order."""
    out: list[CueMatch] = []
    speaker_line = _speaker_line(doc, lo, hi)
    if speaker_line is not None:
        out.append(speaker_line)
    taken: set[int] = set()
    for tok in doc[lo : hi + 1]:
        find = next(find for belongs, find in CUE_KINDS if belongs(tok, hi))
        match = find(doc, tok, lo, hi, taken)
        if match is not None:
            out.append(match)
    _hang_citing_off_cue_verbs(doc, out)
    return out


def _hang_citing_off_cue_verbs(doc, cues: list[CueMatch]) -> None:
    """A "citing" hangs off the nearest cue verb above it ("X reported that Y was off, citing Z" parsed with
    "citing" under "was"); one with no cue above it (or one without a subject) stands alone."""
    verbs = {m.cue_token for m in cues if m.kind == "verb"}
    for m in cues:
        if m.kind == "citing" and m.parent is not None and m.parent not in verbs:
            above = doc[m.parent]
            while above.i not in verbs and above.head.i != above.i:
                above = above.head
            m.parent = above.i if above.i in verbs else None
