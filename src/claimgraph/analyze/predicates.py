"""What happens in a claim: the lemmas of the verbs of its content, read from the parse.

Linking compares two claims' happenings ("Esther Williams dies" / "the swimmer died on Thursday" share "die";
"entered rehab" / "was hosting the show" share none). Word shapes alone cannot tell a verb from a noun or an
adjective ("dies", "classified material", "a super PAC supporting Rubio"), so the parse decides: verbs only, not
participles that modify a noun ("a PAC supporting Rubio", "the fallen soldiers") and not auxiliaries; a copula
counts as "be" ("Ames is ahead"), so a content without any predicate is a bare noun phrase ("Indiana Gov. Mike
Pence", "the senator's use of a private mail server"). The main verb of the content comes first.
"""

from __future__ import annotations

MODIFYING = {"amod", "acl", "compound"}  # a participle describing a noun, not a happening of the claim
MAX_PREDICATES = 12  # a long quotation's verbs beyond these add nothing to what the claim is about


def find_predicates(parsed, start: int, end: int) -> list[str]:
    """Lower-case lemmas of the verbs in ``[start, end)`` of the parsed text, the head of the content first,
    each once."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    verbs = [t for t in span if _is_predicate(t)]
    head = min(verbs, key=lambda t: _depth(t, span), default=None)
    ordered = ([head] if head is not None else []) + [t for t in verbs if t is not head]
    return list(dict.fromkeys(t.lemma_.lower() for t in ordered))[:MAX_PREDICATES]


EVENT_NOUN_ENDINGS = ("tion", "sion", "ment")  # "production", "decision", "agreement"
SETTING_DEPS = {"pobj", "npadvmod"}  # "in the general election", "at the convention": where, not what happens
# verbs of which a noun subject is the happening itself ("Production of trains has started")
ASPECTUAL = {"start", "begin", "continue", "resume", "stop", "end", "halt", "cease", "finish", "take", "happen"}


def find_event_nouns(parsed, start: int, end: int) -> list[str]:
    """Lower-case lemmas of the nouns in ``[start, end)`` that name a happening ("begin drone production",
    "established production lines"), each once; not those after a preposition, which say where or when ("competing
    in the general election", "the opening night of the convention")."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    out = []
    for tok in span:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or not lemma.isalpha() or not lemma.endswith(EVENT_NOUN_ENDINGS):
            continue
        role = tok.head if tok.dep_ == "compound" else tok  # "production lines": where the phrase stands
        if role.dep_ in SETTING_DEPS:
            continue
        if role.dep_ in ("nsubj", "nsubjpass") and role.head.lemma_.lower() not in ASPECTUAL:
            continue  # "The agreement will allow ...", "The convention opened with a walkout": a thing that acts
        out.append(lemma)
    return list(dict.fromkeys(out))[:MAX_PREDICATES]


def _is_predicate(tok) -> bool:
    """A verb that is not a noun's modifier, or a copula standing as the verb of its clause ("Ames is ahead")."""
    if not tok.lemma_.isalpha() or tok.dep_ in MODIFYING:
        return False
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass"))


def _depth(token, span) -> tuple[int, int]:
    """How far a token is from the top of the content's parse (then where it stands): the main verb is highest."""
    depth, at = 0, token
    while at.head is not at and span.start <= at.head.i < span.end and depth < 50:
        at = at.head
        depth += 1
    return depth, token.i
