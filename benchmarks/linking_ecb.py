"""Cross-report linking on real news: ECB+ topics 1-10 (``../shared/data/ecbplus-dev``), scored on what a user gets.

    .venv/bin/python benchmarks/linking_ecb.py [--db ecb.db] [--relink] [--json]

Each ECB+ report's tokens are joined back into text, one line per sentence, and all 231 reports go into one
store through ``claimgraph add`` (a JSON Lines file, no publication dates, no outlets: what a user who pastes
texts gets). The story is read back with ``claimgraph export --format json``.

Gold (ECB+'s own annotation): two *validated* sentences (``validated_sentences.csv``) in different reports
should link when their action mentions share a cross-document coreference chain. A *sibling pair* is two
validated sentences of one topic from its two different events (the ``ecb`` and ``ecbplus`` halves: Tara
Reid's rehab in 2008 and Lindsay Lohan's in 2013) that share no chain: they must not link.

A claimgraph link: both sentences overlap claims of one cluster. Printed: pair precision, recall and F1 over
all cross-report pairs of validated sentences, the share of sibling pairs linked, the largest cluster (claims,
reports, topics it spans) and, in the same run, a TF-IDF cosine baseline over the sentences (at fixed
thresholds, and at the threshold that is best on this very data, marked as such).

``--db PATH`` keeps the store: a later run with the same path skips adding (use ``--relink`` after changing
the matching code; clustering and relations are computed at export time and need nothing).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus-dev"
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "%", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


@dataclass
class Report:
    topic: str
    name: str  # "1_10ecb"
    half: str  # "ecb" or "ecbplus": the topic's two different events
    text: str = ""
    sentences: dict[int, tuple[int, int]] = field(default_factory=dict)  # sentence number -> [start, end)
    chains: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))  # sentence -> action chains


def detokenize(tokens: list[str]) -> str:
    out = ""
    for i, tok in enumerate(tokens):
        word = '"' if tok in ("``", "''") else tok
        if i and tok not in NO_SPACE_BEFORE and tokens[i - 1] not in NO_SPACE_AFTER:
            out += " "
        out += word
    return out


def read_report(path: Path) -> Report:
    root = ET.parse(path).getroot()
    name = path.stem
    report = Report(topic=name.split("_")[0], name=name, half="ecbplus" if name.endswith("ecbplus") else "ecb")
    by_sentence: dict[int, list[str]] = defaultdict(list)
    token_sentence = {}
    for tok in root.iter("token"):
        s = int(tok.get("sentence"))
        by_sentence[s].append(tok.text or "")
        token_sentence[tok.get("t_id")] = s
    lines = []
    offset = 0
    for s in sorted(by_sentence):
        line = detokenize(by_sentence[s])
        report.sentences[s] = (offset, offset + len(line))
        lines.append(line)
        offset += len(line) + 1
    report.text = "\n".join(lines) + "\n"
    mention_sentences: dict[str, set[int]] = {}
    markables = root.find("Markables")
    for m in markables if markables is not None else []:
        if m.tag.startswith(("ACTION", "NEG")):
            anchors = [a.get("t_id") for a in m.iter("token_anchor")]
            if anchors:
                mention_sentences[m.get("m_id")] = {token_sentence[t] for t in anchors if t in token_sentence}
    relations = root.find("Relations")
    for rel in relations.iter("CROSS_DOC_COREF") if relations is not None else []:
        chain = rel.get("note") or ""
        for src in rel.iter("source"):
            for s in mention_sentences.get(src.get("m_id"), ()):
                report.chains[s].add(chain)
    return report


def read_corpus(data: Path) -> tuple[list[Report], set[tuple[str, int]]]:
    reports = [read_report(p) for p in sorted(data.glob("topics/*/*.xml"))]
    validated = set()
    with open(data / "validated_sentences.csv", newline="") as f:
        for row in csv.DictReader(f):
            validated.add((f"{row['Topic']}_{row['File']}", int(row["Sentence Number"])))
    return reports, validated


def run(cmd: list[str], ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
    """Run a claimgraph command; stop with its stderr unless it exits with one of ``ok``."""
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in ok:
        sys.exit(f"{' '.join(cmd[:4])} ... failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done


def claimgraph(*args: str) -> list[str]:
    return [sys.executable, "-c", "from claimgraph.cli import main; main()", *args]


def build_story(reports: list[Report], db: str, relink: bool) -> dict:
    exists = os.path.exists(db)
    if not exists:
        with tempfile.TemporaryDirectory() as tmp:
            feed = Path(tmp) / "ecb.jsonl"
            feed.write_text("".join(json.dumps({"text": r.text}) + "\n" for r in reports), encoding="utf-8")
            run(claimgraph("add", str(feed), "--db", db), ok=(0, 1))  # 1: some lines skipped
    elif relink:
        run(claimgraph("relink", "--db", db))
    return json.loads(run(claimgraph("export", "--format", "json", "--db", db)).stdout)


@dataclass
class Unit:
    report: Report
    sentence: int
    span: tuple[int, int]

    @property
    def chains(self) -> set[str]:
        return self.report.chains.get(self.sentence, set())


def gold_pairs(units: list[Unit]) -> tuple[set[tuple[int, int]], set[tuple[int, int]], list[tuple[int, int]]]:
    gold, siblings, pairs = set(), set(), []
    for i, j in combinations(range(len(units)), 2):
        a, b = units[i], units[j]
        if a.report.name == b.report.name:
            continue
        pairs.append((i, j))
        if a.chains & b.chains:
            gold.add((i, j))
        elif a.report.topic == b.report.topic and a.report.half != b.report.half:
            siblings.add((i, j))
    return gold, siblings, pairs


def linked_by_story(units: list[Unit], story: dict) -> tuple[set[tuple[int, int]], dict]:
    doc_of_text = {d["text"]: d["id"] for d in story["documents"]}
    cluster_of = {}
    for k in story["clusters"]:
        for c in k["claims"]:
            cluster_of[c] = k["id"]
    claims_by_doc = defaultdict(list)
    for c in story["claims"]:
        claims_by_doc[c["document"]].append(c)
    clusters_of_unit = []
    for u in units:
        doc = doc_of_text.get(u.report.text)
        found = set()
        for c in claims_by_doc.get(doc, ()):
            s, e = c["span"]
            if s < u.span[1] and u.span[0] < e and c["id"] in cluster_of:
                found.add(cluster_of[c["id"]])
        clusters_of_unit.append(found)
    linked = set()
    by_cluster = defaultdict(list)
    for i, ks in enumerate(clusters_of_unit):
        for k in ks:
            by_cluster[k].append(i)
    for members in by_cluster.values():
        for i, j in combinations(sorted(set(members)), 2):
            linked.add((i, j))
    # the largest cluster: how many claims, reports and topics it joins
    report_of_doc = {doc_of_text.get(r.text): r for r in units_reports(units)}
    claim_doc = {c["id"]: c["document"] for c in story["claims"]}
    largest = max(story["clusters"], key=lambda k: len(k["claims"]), default=None)
    info = {}
    if largest:
        docs = {claim_doc[c] for c in largest["claims"]}
        topics = {report_of_doc[d].topic for d in docs if d in report_of_doc}
        info = {
            "claims": len(largest["claims"]),
            "reports": len(docs),
            "topics": len(topics),
            "label": largest["label"][:80],
        }
    multi = [k for k in story["clusters"] if k.get("reports", 0) > 1]
    spanning = 0
    for k in multi:
        docs = {claim_doc[c] for c in k["claims"]}
        if len({(report_of_doc[d].topic, report_of_doc[d].half) for d in docs if d in report_of_doc}) > 1:
            spanning += 1
    info.update({"clusters_2plus_reports": len(multi), "clusters_spanning_events": spanning})
    return linked, info


def units_reports(units: list[Unit]) -> list[Report]:
    seen, out = set(), []
    for u in units:
        if u.report.name not in seen:
            seen.add(u.report.name)
            out.append(u.report)
    return out


def tfidf_cosines(units: list[Unit], pairs: list[tuple[int, int]], all_reports: list[Report]) -> dict:
    tokenize = lambda t: [w for w in re.findall(r"[a-z0-9]+", t.lower()) if len(w) > 1]  # noqa: E731
    df = Counter()
    n_docs = 0
    for r in all_reports:
        for a, b in r.sentences.values():
            df.update(set(tokenize(r.text[a:b])))
            n_docs += 1
    vectors = []
    for u in units:
        tf = Counter(tokenize(u.report.text[u.span[0] : u.span[1]]))
        v = {w: (1 + math.log(c)) * math.log(n_docs / df[w]) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    return {(i, j): sum(x * vectors[j].get(w, 0.0) for w, x in vectors[i].items()) for i, j in pairs}


def scores(linked: set, gold: set, siblings: set) -> dict:
    tp = len(linked & gold)
    p = tp / len(linked) if linked else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "linked_pairs": len(linked),
        "sibling_linked": round(len(linked & siblings) / len(siblings), 3) if siblings else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--db", help="keep the store here (reused when it exists)")
    ap.add_argument("--relink", action="store_true", help="relink a kept store before exporting")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not (args.data / "validated_sentences.csv").exists():
        sys.exit(f"ECB+ data not found at {args.data} (see ../shared/data/README.md)")
    reports, validated = read_corpus(args.data)
    units = [Unit(r, s, r.sentences[s]) for r in reports for s in sorted(r.sentences) if (r.name, s) in validated]
    gold, siblings, pairs = gold_pairs(units)
    with tempfile.TemporaryDirectory() as tmp:
        story = build_story(reports, args.db or str(Path(tmp) / "ecb.db"), args.relink)
    linked, info = linked_by_story(units, story)
    rows = {"claimgraph": scores(linked, gold, siblings)}
    cos = tfidf_cosines(units, pairs, reports)
    for t in (0.3, 0.5):
        rows[f"TF-IDF cosine >= {t}"] = scores({p for p, c in cos.items() if c >= t}, gold, siblings)
    best = max(
        (
            scores({p for p, c in cos.items() if c >= t / 100}, gold, siblings) | {"t": t / 100}
            for t in range(10, 90, 2)
        ),
        key=lambda s: s["f1"],
    )
    rows[f"TF-IDF cosine >= {best.pop('t')} (best on this data)"] = best
    result = {
        "reports": len(reports),
        "validated_sentences": len(units),
        "cross_report_pairs": len(pairs),
        "gold_links": len(gold),
        "sibling_pairs": len(siblings),
        "rows": rows,
        "largest_cluster": info,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"ECB+ topics 1-10: {len(reports)} reports, {len(units)} validated sentences, {len(pairs)} cross-report "
        f"pairs, {len(gold)} gold links, {len(siblings)} sibling pairs"
    )
    print(f"{'system':44} {'P':>6} {'R':>6} {'F1':>6} {'linked':>7} {'siblings linked':>16}")
    for name, s in rows.items():
        print(
            f"{name:44} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['linked_pairs']:7d} "
            f"{s['sibling_linked']:16.1%}"
        )
    print("largest cluster:", json.dumps(info))


if __name__ == "__main__":
    main()
