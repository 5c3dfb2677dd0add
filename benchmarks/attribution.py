"""Attribution on PolNeAR: exact and overlap P/R/F1 for source, cue and content spans, scored on what users get.

    .venv/bin/python benchmarks/attribution.py [--split dev] [--limit N] [--last N] [--json] [--no-model] [--cache F]
    .venv/bin/python benchmarks/attribution.py --split train --last 140 --cue-model M.json   # the tuning setup
    .venv/bin/python benchmarks/attribution.py --split dev --gold-cues   # with PolNeAR's own cue heads
    .venv/bin/python benchmarks/attribution.py --mine-cues     # rebuild analyze/data/cue_words.tsv from train
    .venv/bin/python scripts/train_attribution.py              # rebuild analyze/data/cue_model.json from train

``--no-model`` measures the fallback the tool uses when ``analyze/data/cue_model.json`` is absent (rules and the
mined cue lexicon only); ``--gold-cues`` puts PolNeAR's own cue heads in place of the cue model's decisions (the
rest of the pipeline unchanged): the most a better cue model could give. ``--last N`` takes the last N texts of
the split (a train holdout for tuning; dev is for the figures reported); ``--cue-model M.json`` reads the cue
model from M.json, one trained without those texts (``scripts/train_attribution.py --holdout 140 --out M.json``).
``--cache F`` keeps the spaCy parses in a DocBin file and reuses them while the texts the parser sees are
unchanged (the seconds printed then leave the parse out).

Data: ``../shared/data/polnear/<split>/`` (BRAT standoff; ``$CLAIMGRAPH_SHARED_DATA`` names another data folder,
as for the tests). Gold: every Source, Cue and Content text-bound
annotation that takes part in an ``Attribution`` event. Texts annotated by several annotators are scored
against one annotation, the alphabetically first file ``<stem>_<annotator>.ann``. A span with fragments
(``0 5;9 20``) is the set of its fragments (compared in text order, whatever order the file lists them in).

Each text is read as ``claimgraph add`` reads a ``.txt`` file (the text reader, page furniture marked), analysed
by the tool's ``Analyzer`` and turned into the story JSON (``link.story.build_story``, the claims of
``claimgraph export --format json``). Two tables:

**exported claims** (the headline figure, what users get): claims sharing one attribution (same document,
cue span and source span of their nearest attribution, e.g. the two parts of a quotation its cue splits) are one
attribution whose content is the union of their contents; a claim's nearest attribution (the first of its chain)
is the one scored; a claim in the report's own voice predicts nothing. The attribution predicts its cue span,
its source span (none where the source is implicit) and its content, cut into fragments around its own cue and
source spans where they sit inside it (PolNeAR's content never holds its own cue or source).

**find_attributions** (internal, over the same parse): every attribution ``analyze.attribution.find_attributions``
finds contributes its cue span, its source span and its content span (plus ``Found.more_content``: the pieces
of a quotation that resumes after the cue or began before it, and the other side of a statement that its cue
splits), cut the same way; a quotation that runs on into the next sentence(s) without a cue adds those as
further fragments. Attributions that never reach a claim count here, not in the first table.

Duplicate spans (a source shared by two cues) count once, on both sides. Matching, per category (source, cue,
content), one-to-one:
- before matching, each fragment is cut after every ``.``, ``?`` or ``!`` (and any closing quotation marks)
  followed by a space, as PolNeAR marks a content that runs over several sentences as one fragment per sentence
  (its splitter also cuts after abbreviations: "Sen. | Ted Cruz"); the same on both sides;
- each fragment is then trimmed of whitespace (no-break spaces too) and of the punctuation characters
  ``. , ; : ! ? " “ ” ‘ ’ ' ( ) — –`` at both edges; empty fragments are dropped;
- exact: a prediction matches a gold span with exactly the same trimmed fragments;
- overlap: a prediction matches a gold span sharing at least one character, pairs taken greedily by largest
  shared character count, each gold and each prediction used at most once.
P = matched / predicted, R = matched / gold, F1 their harmonic mean, micro-averaged over documents.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("CLAIMGRAPH_SHARED_DATA", ROOT.parent / "shared" / "data")) / "polnear"
CUE_WORDS = ROOT / "src" / "claimgraph" / "analyze" / "data" / "cue_words.tsv"
EDGE = " \t\r\n.,;:!?\"“”‘’'()—–"
CATEGORIES = ("source", "cue", "content")

Fragments = tuple[tuple[int, int], ...]


def _edge(ch: str) -> bool:
    return ch in EDGE or ch.isspace()  # any space: PolNeAR's texts hold no-break spaces (U+00A0)


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and _edge(text[start]):
        start += 1
    while end > start and _edge(text[end - 1]):
        end -= 1
    return (start, end) if start < end else None


# Where PolNeAR's fragments break: its annotators mark a content that runs over several sentences as one fragment
# per sentence, and its sentence splitter also breaks after an abbreviation ("Texas Sen. | Ted Cruz").
SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+")


def _sentence_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut after each full stop, question or exclamation mark followed by a space."""
    pieces, at = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        pieces.append((at, m.start()))
        at = m.end()
    return pieces + [(at, end)]


def trimmed(text: str, frags) -> Fragments | None:
    """The fragments cut at sentence ends and trimmed, empty ones dropped, in text order (a span is a set of
    fragments: BRAT files list some in another order)."""
    pieces = [p for s, e in frags for p in _sentence_pieces(text, s, e)]
    out = tuple(sorted(f for f in (trim(text, s, e) for s, e in pieces) if f))
    return out or None


def read_brat(ann: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[list[tuple[str, str]]]]:
    """Text-bound annotations by id (label, fragments), and each event's arguments as (role, annotation id);
    a role keeps no number ("Content2" is "content")."""
    spans, events = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            frags = []
            for piece in offsets.split(";"):
                a, _, b = piece.partition(" ")
                if a.isdigit() and b.isdigit():
                    frags.append((int(a), int(b)))
            if frags:
                spans[parts[0]] = (label, frags)
        elif parts[0].startswith("E"):
            args = [arg.partition(":") for arg in parts[1].split()[1:]]
            events.append([(re.sub(r"\d+$", "", role).lower(), tid) for role, _, tid in args])
    return spans, events


def read_gold(ann: Path, text: str) -> dict[str, set[Fragments]]:
    """Source/Cue/Content spans taking part in Attribution events."""
    spans, events = read_brat(ann)
    gold: dict[str, set[Fragments]] = {c: set() for c in CATEGORIES}
    for args in events:
        for role, tid in args:
            if role in gold and tid in spans:
                frags = trimmed(text, spans[tid][1])
                if frags:
                    gold[role].add(frags)
    return gold


def documents(split: str, limit: int | None, last: int | None = None) -> list[tuple[str, str, Path]]:
    """(stem, text, annotation file) of a split's texts in name order: the first ``limit``, or the last ``last``."""
    base = POLNEAR / split
    if not base.is_dir():
        sys.exit(f"PolNeAR split not found: {base} (clone ../shared beside the repo)")
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)
    out = []
    for stem, ann in sorted(anns.items()):
        path = base / "text" / f"{stem}.txt"
        if path.exists():
            out.append((stem, path.read_text(encoding="utf-8"), ann))
    if last:
        return out[-last:]
    return out[:limit] if limit else out


def _cut(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = [span]
    for h0, h1 in holes:
        nxt = []
        for a, b in pieces:
            if h1 <= a or h0 >= b:
                nxt.append((a, b))
                continue
            if a < h0:
                nxt.append((a, h0))
            if h1 < b:
                nxt.append((h1, b))
        pieces = nxt
    return pieces


def predict(parsed, text: str) -> dict[str, set[Fragments]]:
    from claimgraph.analyze import attribution, entities

    units, _ = attribution.find_attributions(parsed, entities.find_mentions(parsed), "bench")
    pred: dict[str, set[Fragments]] = {c: set() for c in CATEGORIES}
    contents: list[list[tuple[int, int]]] = []
    by_cue: dict[tuple[int, int] | None, list[tuple[int, int]]] = {}
    for unit in units:
        if unit.continued and unit.main is None:
            cue_span = unit.continued[-1].cue_span
            if cue_span in by_cue:
                by_cue[cue_span].append((unit.start, unit.end))  # a quotation running on: one more fragment
            else:
                by_cue[cue_span] = [(unit.start, unit.end)]  # a quotation whose speaker follows it
                contents.append(by_cue[cue_span])
        for f in unit.found:
            for cat, span in (("cue", f.cue.cue_span), ("source", f.source_span)):
                frags = trimmed(text, [span]) if span else None
                if frags:
                    pred[cat].add(frags)
            if f.content_span:
                own = [f.cue.cue_span] + ([f.source_span] if f.source_span else [])
                holes = sorted(s for s in own if s[0] >= f.content_span[0] and s[1] <= f.content_span[1])
                contents.append(sorted(_cut(f.content_span, holes) + list(f.more_content)))
                by_cue[f.cue.cue_span] = contents[-1]
    for pieces in contents:
        frags = trimmed(text, pieces)
        if frags:
            pred["content"].add(frags)
    return pred


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans merged where they overlap or touch, in text order."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def _span(value) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


def predict_exported(claims: list[dict], text: str) -> dict[str, set[Fragments]]:
    """Cue, source and content spans of the attributions in one document's exported claims (see the module doc)."""
    groups: dict[tuple, list[tuple[int, int]]] = {}
    for claim in claims:
        if not claim["attribution"]:
            continue  # the report's own voice
        nearest = claim["attribution"][0]
        key = (_span(nearest["cue_span"]), _span(nearest["source_span"]))
        groups.setdefault(key, []).append(_span(claim["content_span"]))  # type: ignore[arg-type]
    pred: dict[str, set[Fragments]] = {c: set() for c in CATEGORIES}
    for (cue, source), contents in groups.items():
        for cat, span in (("cue", cue), ("source", source)):
            frags = trimmed(text, [span]) if span else None
            if frags:
                pred[cat].add(frags)
        holes = sorted(s for s in (cue, source) if s)
        pieces = [piece for span in _union(contents) for piece in _cut(span, holes)]
        frags = trimmed(text, sorted(pieces))
        if frags:
            pred["content"].add(frags)
    return pred


def _chars(frags: Fragments) -> set[int]:
    return {i for a, b in frags for i in range(a, b)}


def score(gold: set[Fragments], pred: set[Fragments]) -> tuple[int, int]:
    """(exact matches, overlap matches), one-to-one."""
    exact = len(gold & pred)
    pairs = []
    gold_chars = [(g, _chars(g)) for g in gold]
    for p in pred:
        pc = _chars(p)
        for g, gc in gold_chars:
            if g[0][0] < p[-1][1] and p[0][0] < g[-1][1]:
                shared = len(pc & gc)
                if shared:
                    pairs.append((shared, g, p))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, overlap = set(), set(), 0
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            overlap += 1
    return exact, overlap


def prf(match: int, pred: int, gold: int) -> dict[str, float]:
    p = match / pred if pred else 0.0
    r = match / gold if gold else 0.0
    return {"p": round(100 * p, 1), "r": round(100 * r, 1), "f1": round(200 * p * r / (p + r), 1) if p + r else 0.0}


def _parses(model, texts: list[str], cache: Path | None):
    """spaCy parses of ``texts``, from ``cache`` (a DocBin file) when it holds exactly these texts."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        parsed = list(DocBin().from_disk(cache).get_docs(model.vocab))
        if [d.text for d in parsed] == texts:
            return parsed
    parsed = list(model.pipe(texts, batch_size=16))
    if cache is not None:
        store = DocBin(store_user_data=True)
        for d in parsed:
            store.add(d)
        store.to_disk(cache)
    return parsed


def _read_document(stem: str, text: str):
    """The text as ``claimgraph add`` reads a .txt file: verbatim, page furniture marked."""
    from claimgraph.config import Settings
    from claimgraph.sources import text as text_reader

    doc = next(text_reader.read(f"{stem}.txt", text.encode("utf-8"), Settings()))
    if doc.text != text:
        sys.exit(f"{stem}: the text reader changed the text, so PolNeAR's offsets would not hold")
    return doc


class GoldCueHeads:
    """Stands in for the learned cue model: a word heads a cue exactly when PolNeAR marks it as the head of one
    (the root of a Cue annotation's first fragment, as ``scripts/train_attribution.py`` labels its examples).
    Where a content ends is still the real model's call. What the rest of the pipeline makes of perfect cue
    decisions: the most a better cue model could give (``--gold-cues``)."""

    def __init__(self, model, heads: dict[int, set[int]]):
        self.model = model
        self.heads = heads  # id(parsed Doc) -> token indices of gold cue heads

    def probability(self, tok) -> float:
        return 1.0 if tok.i in self.heads.get(id(tok.doc), ()) else 0.0

    def is_cue(self, tok) -> bool:
        from claimgraph.analyze.attribution import learned

        return learned.is_candidate(tok) and tok.i in self.heads.get(id(tok.doc), ())

    def extends_content(self, verb, child, holder) -> bool:
        return self.model.extends_content(verb, child, holder)


def gold_cue_heads(ann: Path, parsed) -> set[int]:
    return cue_heads(read_brat(ann)[0], parsed)


def cue_heads(spans, parsed) -> set[int]:
    """Token indexes of the head word of each gold Cue's first fragment."""
    heads = set()
    for label, frags in spans.values():
        if label == "Cue":
            span = parsed.char_span(frags[0][0], frags[0][1], alignment_mode="expand")
            if span is not None and len(span):
                heads.add(span.root.i)
    return heads


def run(
    split: str, limit: int | None, last: int | None = None, cache: Path | None = None, gold_cues: bool = False
) -> dict:
    from claimgraph.analyze.pipeline import Analyzer, analysis_text
    from claimgraph.story import build_story

    corpus = documents(split, limit, last)
    analyzer = Analyzer()
    docs = [_read_document(stem, text) for stem, text, _ in corpus]
    started = time.perf_counter()
    parses = _parses(analyzer.nlp, [analysis_text(d, analyzer.settings.max_analysis_chars) for d in docs], cache)
    if gold_cues:
        from claimgraph.analyze.attribution import learned

        model = learned.cue_model()
        if model is None:
            sys.exit("--gold-cues needs the cue model (where contents end is still its call)")
        heads = {id(parsed): gold_cue_heads(ann, parsed) for (_, _, ann), parsed in zip(corpus, parses)}
        oracle = GoldCueHeads(model, heads)
        learned.cue_model = lambda: oracle
    analyses = [analyzer._analyze_parsed(d, parsed) for d, parsed in zip(docs, parses)]
    seconds = time.perf_counter() - started
    story = build_story(docs, analyses)
    by_doc: dict[str, list[dict]] = {d.id: [] for d in docs}
    for claim in story["claims"]:
        by_doc[claim["document"]].append(claim)
    tables = {
        "exported": {c: collections.Counter() for c in CATEGORIES},
        "find_attributions": {c: collections.Counter() for c in CATEGORIES},
    }
    for (_stem, text, ann), doc, parsed in zip(corpus, docs, parses):
        gold = read_gold(ann, text)
        for table, pred in (
            ("exported", predict_exported(by_doc[doc.id], text)),
            ("find_attributions", predict(parsed, text)),
        ):
            for cat in CATEGORIES:
                exact, overlap = score(gold[cat], pred[cat])
                tables[table][cat].update(gold=len(gold[cat]), pred=len(pred[cat]), exact=exact, overlap=overlap)
    result: dict = {
        "split": split,
        "documents": len(corpus),
        "seconds": round(seconds, 1),
        "claims": len(story["claims"]),
        "attributed_claims": sum(1 for c in story["claims"] if c["attribution"]),
    }
    for table, totals in tables.items():
        result[table] = {}
        for cat in CATEGORIES:
            t = totals[cat]
            result[table][cat] = {
                "gold": t["gold"],
                "predicted": t["pred"],
                "exact": prf(t["exact"], t["pred"], t["gold"]),
                "overlap": prf(t["overlap"], t["pred"], t["gold"]),
            }
    return result


def print_table(r: dict) -> None:
    print(
        f"PolNeAR {r['split']}: {r['documents']} documents, {r['seconds']} s (parse + analysis); "
        f"{r['claims']} claims, {r['attributed_claims']} attributed"
    )
    for table, title in (
        ("exported", "exported claims (what users get)"),
        ("find_attributions", "find_attributions (internal)"),
    ):
        print(f"\n{title}")
        print(
            f"{'':8} {'gold':>6} {'pred':>6} | {'exact P':>8} {'R':>6} {'F1':>6} | {'overlap P':>9} {'R':>6} {'F1':>6}"
        )
        for cat in CATEGORIES:
            c = r[table][cat]
            e, o = c["exact"], c["overlap"]
            print(
                f"{cat:8} {c['gold']:>6} {c['predicted']:>6} | {e['p']:>8} {e['r']:>6} {e['f1']:>6} | "
                f"{o['p']:>9} {o['r']:>6} {o['f1']:>6}"
            )
    print("\npublished best (BERT, GPU), exact F1: source 83.2, cue 75.3, content 72.9")


def mine_cues(min_count: int = 5, min_ratio: float = 0.3) -> None:
    """Lemmas of verbs that PolNeAR train annotates as the head of a cue in at least 30% of their verb uses."""
    from claimgraph.analyze import nlp
    from claimgraph.config import Settings

    docs = documents("train", None)
    model = nlp.load(Settings().spacy_model)
    cue, total = collections.Counter(), collections.Counter()
    for (_, _text, ann), parsed in zip(docs, model.pipe((d[1] for d in docs), batch_size=16)):
        heads = set()
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 3 and parts[1].startswith("Cue "):
                a, _, rest = parts[1][4:].partition(" ")
                b = rest.split(";")[0]
                span = (
                    parsed.char_span(int(a), int(b), alignment_mode="expand") if a.isdigit() and b.isdigit() else None
                )
                if span is not None and len(span):
                    heads.add(span.root.i)
        for tok in parsed:
            if tok.pos_ == "VERB":
                total[tok.lemma_.lower()] += 1
                if tok.i in heads:
                    cue[tok.lemma_.lower()] += 1
    rows = sorted(
        (w, c, total[w]) for w, c in cue.items() if c >= min_count and c / total[w] >= min_ratio and w.isalpha()
    )
    CUE_WORDS.parent.mkdir(parents=True, exist_ok=True)
    with CUE_WORDS.open("w", encoding="utf-8") as f:
        f.write("# lemma\tcue_count\tverb_count  (PolNeAR train; see CUE_WORDS_CARD.md)\n")
        for w, c, t in rows:
            f.write(f"{w}\t{c}\t{t}\n")
    print(f"wrote {len(rows)} cue lemmas to {CUE_WORDS}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--last", type=int, default=None, help="only the last N documents (a train holdout for tuning)")
    ap.add_argument("--cache", type=Path, default=None, help="keep the parses in this DocBin file and reuse them")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--mine-cues", action="store_true", help="rebuild analyze/data/cue_words.tsv from train")
    ap.add_argument("--no-model", action="store_true", help="measure without the learned cue model (rules only)")
    ap.add_argument(
        "--gold-cues",
        action="store_true",
        help="PolNeAR's own cue heads instead of the cue model's decisions: the most a better cue model could give",
    )
    ap.add_argument(
        "--cue-model",
        type=Path,
        default=None,
        help="use this cue model file (a model trained without the --last texts, for tuning)",
    )
    args = ap.parse_args()
    if args.no_model:
        from claimgraph.analyze.attribution import learned

        learned.cue_model = lambda: None  # what the tool does when the model file is absent
    elif args.cue_model is not None:
        from claimgraph.analyze.attribution import learned

        model = learned.read_model(args.cue_model)
        if model is None:
            sys.exit(f"{args.cue_model}: not a readable cue model")
        learned.cue_model = lambda: model
    if args.mine_cues:
        mine_cues()
        return
    result = run(args.split, args.limit, args.last, args.cache, args.gold_cues)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
