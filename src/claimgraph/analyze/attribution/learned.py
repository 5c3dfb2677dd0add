"""Learned parts of attribution: which verbs are cues, and how far a content runs past its clause.

PolNeAR counts far more than reporting verbs as cues ("figures that", "wants", "knows", "was told"), and
whether a word is a cue depends on its context ("knows that X" is, "knows him" is not). A logistic
regression over sparse parse features (lemma, dependency, the kinds of children it has, its subject) scores
each verb. A second one decides, for each of the cue verb's dependents that follow the content, whether it
still belongs to the content ("backed Obama | over Clinton") or not ("called it improper | on Monday").
The weights live in ``data/cue_model.json`` (built by ``scripts/train_attribution.py``, see
``data/CUE_MODEL_CARD.md``). Inference is a dictionary lookup per feature: no library, no GPU.

Without the file (or with a damaged one) ``cue_model()`` returns None and ``cues`` falls back to its lexicon.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).parent.parent / "data" / "cue_model.json"
FORMAT = "claimgraph-cue-model/2"
PREP_WORDS = frozenset({"about", "of", "for", "on", "to", "against", "with", "as", "at", "in", "over", "by", "into"})
VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"})


def is_candidate(tok) -> bool:
    """Tokens the model scores: verbs (and words tagged as verb forms) and nouns ("the claim that", "X's remarks")."""
    return tok.pos_ in ("VERB", "AUX", "NOUN") or tok.tag_ in VERB_TAGS


def cue_features(tok) -> list[str]:
    """Sparse features of a candidate cue token; the same function serves training and inference."""
    lemma = tok.lemma_.lower()
    feats = [
        f"l={lemma}",
        f"w={tok.lower_}",
        f"dep={tok.dep_}",
        f"tag={tok.tag_}",
        f"l|dep={lemma}|{tok.dep_}",
        f"l|tag={lemma}|{tok.tag_}",
        f"hdep|dep={tok.head.dep_}|{tok.dep_}",
    ]
    deps = set()
    for child in tok.children:
        dep = child.dep_
        deps.add(dep)
        if dep == "prep" and child.lower_ in PREP_WORDS:
            feats += [f"prep={child.lower_}", f"l|prep={lemma}|{child.lower_}"]
        elif dep == "xcomp":
            feats += [f"xl={child.lemma_.lower()}", f"l|xl={lemma}|{child.lemma_.lower()}"]
        elif dep in ("nsubj", "nsubjpass"):
            kind = "pron" if child.pos_ == "PRON" else child.ent_type_ or child.pos_
            feats += [f"subj={kind}", f"l|subj={lemma}|{kind}"]
        elif dep == "ccomp":
            mark = next((g.lower_ for g in child.children if g.dep_ == "mark"), "")
            feats += [f"mark={mark}", f"l|mark={lemma}|{mark}"]
        elif dep == "dobj":
            feats += [f"obj={child.pos_}"]
        elif dep in ("acomp", "attr"):
            # "were aware that", "is skeptical of": the adjective or noun carries the meaning of a copula
            feats += [f"ac={child.lemma_.lower()}", f"l|ac={lemma}|{child.lemma_.lower()}"]
    for dep in deps:
        feats += [f"c={dep}"]
        if dep in (
            "ccomp",
            "xcomp",
            "dobj",
            "nsubj",
            "nsubjpass",
            "agent",
            "prep",
            "parataxis",
            "advcl",
            "attr",
            "acomp",
        ):
            feats.append(f"l|c={lemma}|{dep}")
    head_lemma = tok.head.lemma_.lower()
    if tok.dep_ in ("xcomp", "ccomp", "conj", "advcl", "relcl", "acl"):
        feats.append(f"hl={head_lemma}")
    feats.append(f"hl|dep={head_lemma}|{tok.dep_}")  # "made a | reference", "a | call for"
    doc = tok.doc
    before = doc[tok.i - 1].lower_ if tok.i > 0 else "<s>"
    after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "</s>"
    feats += [
        f"p={before}",
        f"n={after}",
        f"l|n={lemma}|{after}",
        f"pp={doc[tok.i - 2].lower_ if tok.i > 1 else '<s>'}|{before}",
        f"nn={after}|{doc[tok.i + 2].lower_ if tok.i + 2 < len(doc) else '</s>'}",
    ]
    return feats


def extension_features(verb, child, holder) -> list[str]:
    """Features of ``child``, a dependent of the cue ``verb`` after the content (held by ``holder``)."""
    doc = verb.doc
    lemma = verb.lemma_.lower()
    word = child.lower_ if child.dep_ in ("prep", "advmod", "mark", "cc", "prt", "agent") else child.pos_
    pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
    ent = (pobj.ent_type_ if pobj is not None else child.ent_type_) or "-"
    before = doc[child.left_edge.i - 1].text if child.left_edge.i > 0 else "<s>"
    size = len(list(child.subtree))
    own_subject = any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)
    return [
        f"dep={child.dep_}",
        f"dep|w={child.dep_}|{word}",
        f"ent={ent}",
        f"dep|ent={child.dep_}|{ent}",
        f"before={before}",
        f"dep|before={child.dep_}|{before}",
        f"holder={holder.dep_}",
        f"holder|dep={holder.dep_}|{child.dep_}",
        f"l|dep={lemma}|{child.dep_}",
        f"l|w={lemma}|{word}",
        f"size={min(size, 6)}",
        f"subj={own_subject}",
        f"gap={min(child.left_edge.i - holder.right_edge.i, 4)}",
        f"tag={child.tag_}",
        f"dep|tag={child.dep_}|{child.tag_}",
        f"pl={pobj.lemma_.lower() if pobj is not None else '-'}",
        f"w|pl={word}|{pobj.lemma_.lower() if pobj is not None else '-'}",
    ]


@dataclass(frozen=True)
class LinearModel:
    """Logistic regression over string features."""

    bias: float
    weights: dict[str, float]
    threshold: float

    def probability_of(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def decide(self, feats: list[str]) -> bool:
        return self.probability_of(feats) >= self.threshold


@dataclass(frozen=True)
class CueModel:
    cue: LinearModel
    extension: LinearModel

    def probability(self, tok) -> float:
        return self.cue.probability_of(cue_features(tok))

    def is_cue(self, tok) -> bool:
        """Whether a verb or noun token heads a cue."""
        return is_candidate(tok) and self.cue.decide(cue_features(tok))

    def extends_content(self, verb, child, holder) -> bool:
        return self.extension.decide(extension_features(verb, child, holder))


def _linear(data: dict) -> LinearModel:
    return LinearModel(
        float(data["bias"]), {str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"])
    )


def read_model(path: Path) -> CueModel | None:
    """The model at ``path``, or None (with a warning) when it is missing, unreadable or not ours."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"format is {data.get('format')!r}, expected {FORMAT!r}")
        return CueModel(_linear(data["cue"]), _linear(data["extension"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("cue model %s not used (%s); falling back to the cue lexicon", path, exc)
        return None


@lru_cache(maxsize=1)
def cue_model() -> CueModel | None:
    """The shipped cue model, loaded once per process; None when absent."""
    return read_model(MODEL_PATH)
