"""Modality (asserted, expected, planned, hedged, denied, question) and negation of a claim.

Read off the content's main predicate and the words that govern it: its auxiliaries ("will", "could"),
the verb it hangs from ("is expected to", "plans to"), hedging adverbs ("reportedly", "likely"), and the
attribution cue ("denied"). When several apply the strongest wins: a question, then a denial, then a hedge,
then a plan, then an expectation.
"""

from __future__ import annotations

from ..analysis_types import Claim
from .attribution.cue_words import HEARSAY_LEMMAS, REPORTING_LEMMAS

ORDER = ("question", "denied", "hedged", "planned", "expected")

HEDGE_MODALS = {"could", "may", "might"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
HEDGE_WORDS = {
    "likely",
    "unlikely",
    "reportedly",
    "possibly",
    "allegedly",
    "probably",
    "perhaps",
    "apparently",
    "purportedly",
    "supposedly",
    "seemingly",
    "presumably",
    "maybe",
    "unclear",
    "uncertain",
    "unconfirmed",
}
# "The troops are said to have left": a passive of saying with an infinitive is a hedge without a source
HEARSAY_PASSIVES = HEARSAY_LEMMAS | {"understand", "claim", "believe", "think", "suspect"}
SPEAKING_VERBS = REPORTING_LEMMAS | {"discuss", "elaborate"}  # "would not comment / discuss"
# Verbs whose complement is the claim, and the modality they give it ("is expected to begin").
GOVERNING = {
    "expect": "expected",
    "set": "expected",
    "due": "expected",
    "forecast": "expected",
    "project": "expected",
    "predict": "expected",
    "poise": "expected",
    "go": "expected",
    "about": "expected",
    "bind": "expected",
    "plan": "planned",
    "intend": "planned",
    "aim": "planned",
    "schedule": "planned",
    "agree": "planned",
    "decide": "planned",
    "prepare": "planned",
    "seek": "planned",
    "want": "planned",
    "pledge": "planned",
    "promise": "planned",
    "vow": "planned",
    "propose": "planned",
    "hope": "planned",
    "mean": "planned",
    "believe": "hedged",
    "think": "hedged",
    "appear": "hedged",
    "seem": "hedged",
    "suspect": "hedged",
    "likely": "hedged",
    "unlikely": "hedged",
    "rumor": "hedged",
    "rumour": "hedged",
}
DENIAL_CUES = {
    "deny",
    "denied",
    "denies",
    "denying",
    "reject",
    "rejected",
    "rejects",
    "refute",
    "refuted",
    "dismiss",
    "dismissed",
    "dispute",
    "disputed",
    "rebut",
    "rebutted",
    "debunk",
    "debunked",
}
UNTRUE = {"untrue", "false", "baseless", "fake", "unfounded", "groundless", "fabricated", "nonsense", "lie", "lies"}
NEGATIVE_DETERMINERS = {"no", "none", "nobody", "nothing", "neither", "nor"}


def classify(parsed, claim: Claim) -> tuple[str, bool]:
    """(modality, negated) for ``claim``; ``parsed`` is the spaCy Doc its offsets point into."""
    try:
        return _classify(parsed, claim)
    except (IndexError, ValueError):  # offsets outside the parse (cut text): no evidence, no modality
        return "asserted", False


def _classify(parsed, claim: Claim) -> tuple[str, bool]:
    content = parsed.char_span(*claim.content_span, alignment_mode="expand")
    if content is None or len(content) == 0:
        return "asserted", False
    root = _main_predicate(content)
    chain = _predicate_chain(root)
    negated = _is_negated(chain, root)
    found: set[str] = set()
    if claim.text.rstrip(" \"'”’)").endswith("?"):
        found.add("question")
    if _denied(parsed, claim, root, negated):
        found.add("denied")
    for a in claim.attribution:
        words = a.cue.lower().split()
        if any(w in HEDGE_WORDS for w in words):
            found.add("hedged")
    for tok in chain:
        word = tok.lower_
        if tok.dep_ in ("aux", "auxpass") and word in HEDGE_MODALS:
            found.add("hedged")
        elif tok.dep_ in ("aux", "auxpass") and word in FUTURE_MODALS:
            found.add("expected")
        elif tok.dep_ in ("aux", "auxpass") and word == "would" and _refusal_to_speak(tok.head):
            pass  # "The ministry would not comment": a refusal that happened, not a conditional
        elif tok.dep_ in ("aux", "auxpass") and word == "would":
            # Reported speech shifts "will" back to "would"; in the report's own voice it is a conditional.
            found.add("expected" if claim.attribution else "hedged")
        elif word in HEDGE_WORDS and tok.dep_ in ("advmod", "acomp", "amod", "npadvmod", "ROOT", "xcomp"):
            found.add("hedged")
        if tok is not root and tok.i < root.i and tok.lemma_.lower() in GOVERNING and tok in root.ancestors:
            found.add(GOVERNING[tok.lemma_.lower()])
    if any(
        t.lemma_.lower() in HEARSAY_PASSIVES and {"auxpass", "xcomp"} <= {c.dep_ for c in t.children} for t in chain
    ):
        found.add("hedged")
    if _headline_infinitive(root):
        found.add("expected")
    for modality in ORDER:
        if modality in found:
            return modality, negated
    return "asserted", negated


def _main_predicate(content):
    """The token the content hangs from: the verb a governing verb's complement leads to."""
    roots = [t for t in content if t.head.i < content.start or t.head.i >= content.end or t.head.i == t.i]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")]
    root = (verbs or roots or [content.root])[0]
    # "is expected to begin", "plans to build": the complement carries the content's own negation.
    while True:
        governor = (
            root
            if root.lemma_.lower() in GOVERNING
            else next((c for c in root.children if c.dep_ == "acomp" and c.lemma_.lower() in GOVERNING), None)
        )  # "is due to"
        comp = [c for c in governor.children if c.dep_ == "xcomp" and c.i < content.end] if governor else []
        if not comp:
            return root
        root = comp[0]


def _predicate_chain(root) -> list:
    """The main predicate, the verbs it hangs from within its clause, and their function words."""
    chain = [root]
    node = root
    while node.dep_ in ("xcomp", "ccomp", "acomp") and node.head.i != node.i and node.head.lemma_.lower() in GOVERNING:
        node = node.head
        chain.append(node)
    out = []
    for tok in chain:
        out.append(tok)
        out.extend(c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "acomp", "npadvmod"))
    return out


def _is_negated(chain, root) -> bool:
    if any(t.dep_ == "neg" for t in chain):
        return True
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and (
            child.lower_ in NEGATIVE_DETERMINERS or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
        ):
            return True
        if child.dep_ == "advmod" and child.lower_ == "never":
            return True
    return False


def _refusal_to_speak(verb) -> bool:
    return verb.lemma_.lower() in SPEAKING_VERBS and any(c.dep_ == "neg" for c in verb.children)


def _denied(parsed, claim: Claim, root, negated: bool) -> bool:
    if any(w in DENIAL_CUES for a in claim.attribution for w in a.cue.lower().split()):
        return True
    # "The ministry denied that ...": a denial verb outside the content that governs it.
    start, end = claim.content_span
    for anc in root.ancestors:
        first, last = sorted((root.i, anc.i))
        across = any(parsed[k].text == ";" and not (start <= parsed[k].idx < end) for k in range(first, last))
        if (
            not (start <= anc.idx < end)
            and not across
            and anc.lemma_.lower() in ("deny", "reject", "refute", "dismiss", "dispute", "rebut", "debunk")
        ):
            return True  # (not across a semicolon: "Kyiv says X; Tehran denies Y" does not deny X)
    # "said the report was not true" / "called the claims baseless": the content denies an earlier claim.
    complements = [c for c in root.children if c.dep_ in ("acomp", "attr", "oprd")]
    return any(c.lower_ in UNTRUE or (c.lower_ == "true" and negated) for c in complements)


def _headline_infinitive(root) -> bool:
    """Headline style "Valdoria to start train production": a subject plus a bare to-infinitive (also before
    its cue: "..., media reports")."""
    return (
        (root.dep_ == "ROOT" or (root.dep_ == "ccomp" and root.head.i > root.i))
        and root.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)
    )
