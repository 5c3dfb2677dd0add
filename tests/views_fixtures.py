"""A hand-built story for the view tests: every part present (sources in chains, clusters, all four relation
types, conflicts and updates), with offsets computed from the texts so they are right by construction."""

from __future__ import annotations

import hashlib

from claimgraph.story import FORMAT

DOCS = [
    (
        "d1",
        "Meridian Broadcasting",
        "2025-01-14",
        "Valdoria to build trains",
        "Valdoria is expected to begin producing trains in 2025, government sources told Meridian Broadcasting. "
        "About 300 engineers will come from Kestria, the sources said.",
    ),
    (
        "d2",
        "Northern Ledger",
        "2025-01-16",
        "Ledger relays the broadcaster",
        "Meridian Broadcasting reported, citing government sources, that Valdoria will begin producing trains in 2025. "
        "Some 500 engineers will come from Kestria, Meridian said.",
    ),
    (
        "d3",
        "Coastline Wire",
        "2025-02-11",
        "Production starts",
        "Production of trains began in Port Aldren on 10 February 2025, minister Ilse Varga said. "
        "The plant denies that Kestrian engineers run the line.",
    ),
]


def _span(text: str, piece: str) -> list[int]:
    start = text.index(piece)
    return [start, start + len(piece)]


def _claim(cid, doc, sentence, content, modality, chain=(), time=None, quantities=()):
    text = dict((d[0], d[4]) for d in DOCS)[doc]
    attribution = [
        {"source": s, "cue": cue, "cue_span": _span(text, cue_text), "source_span": _span(text, src_text)}
        for s, cue, cue_text, src_text in chain
    ]
    claim_time = None
    if time:
        claim_time = {"text": time[0], "span": _span(text, time[0]), "value": time[1], "start": time[2], "end": time[3]}
    return {
        "id": cid,
        "document": doc,
        "span": _span(text, sentence),
        "text": sentence,
        "content": content,
        "content_span": _span(text, content),
        "attribution": attribution,
        "modality": modality,
        "negated": False,
        "time": claim_time,
        "entities": [],
        "quantities": [dict(q) for q in quantities],
    }


def hand_story() -> dict:
    d1, d2, d3 = (d[4] for d in DOCS)
    claims = [
        _claim(
            "c1",
            "d1",
            d1[: d1.index(".") + 1],
            "Valdoria is expected to begin producing trains in 2025",
            "expected",
            [("s2", "told", "told", "government sources")],
            ("2025", "2025", "2025-01-01", "2025-12-31"),
        ),
        _claim(
            "c2",
            "d1",
            "About 300 engineers will come from Kestria, the sources said.",
            "About 300 engineers will come from Kestria",
            "expected",
            [("s2", "said", "said", "the sources")],
            quantities=[{"text": "About 300", "value": 300, "qualifier": "about", "unit": "engineers"}],
        ),
        _claim(
            "c3",
            "d2",
            d2[: d2.index(".") + 1],
            "Valdoria will begin producing trains in 2025",
            "expected",
            [("s1", "reported", "reported", "Meridian Broadcasting"), ("s2", "citing", "citing", "government sources")],
            ("2025", "2025", "2025-01-01", "2025-12-31"),
        ),
        _claim(
            "c4",
            "d2",
            "Some 500 engineers will come from Kestria, Meridian said.",
            "Some 500 engineers will come from Kestria",
            "expected",
            [("s1", "said", "said.", "Meridian")],
            quantities=[{"text": "Some 500", "value": 500, "qualifier": "about", "unit": "engineers"}],
        ),
        _claim(
            "c5",
            "d3",
            "Production of trains began in Port Aldren on 10 February 2025, minister Ilse Varga said.",
            "Production of trains began in Port Aldren on 10 February 2025",
            "asserted",
            [("s3", "said", "said.", "minister Ilse Varga")],
            ("10 February 2025", "2025-02-10", "2025-02-10", "2025-02-10"),
        ),
        _claim(
            "c6",
            "d3",
            "The plant denies that Kestrian engineers run the line.",
            "Kestrian engineers run the line",
            "denied",
            [("s4", "denies", "denies", "The plant")],
        ),
    ]
    claims[5]["negated"] = True
    return {
        "format": FORMAT,
        "documents": [
            {
                "id": i,
                "title": t,
                "outlet": o,
                "author": None,
                "published": p,
                "url": f"https://example.invalid/{i}",
                "path": f"{i}.txt",
                "sha256": hashlib.sha256(x.encode()).hexdigest(),
                "duplicate_of": None,
                "kind": "text",
                "text": x,
                "furniture": [],
            }
            for i, o, p, t, x in DOCS
        ],
        "entities": [],
        "sources": [
            {
                "id": "s1",
                "name": "Meridian Broadcasting",
                "kind": "outlet",
                "entity": None,
                "description": "broadcaster",
            },
            {"id": "s2", "name": "government sources", "kind": "unnamed", "entity": None, "description": None},
            {"id": "s3", "name": "Ilse Varga", "kind": "person", "entity": None, "description": "minister"},
            {"id": "s4", "name": "The plant", "kind": "organization", "entity": None, "description": None},
        ],
        "claims": claims,
        "times": [],
        "clusters": [
            {
                "id": "k1",
                "label": "Valdoria to produce trains",
                "claims": ["c1", "c3", "c5"],
                "first_reported": "2025-01-14",
                "origins": ["s2", "s3"],
                "independent_origins": 2,
            },
            {
                "id": "k2",
                "label": "Kestrian engineers",
                "claims": ["c2", "c4", "c6"],
                "first_reported": "2025-01-14",
                "origins": ["s2"],
                "independent_origins": 1,
            },
        ],
        "relations": [
            {"a": "c1", "b": "c3", "type": "repeats", "why": "same words, relayed through Meridian Broadcasting"},
            {"a": "c3", "b": "c5", "type": "updates", "why": "status moved from expected to done"},
            {"a": "c2", "b": "c4", "type": "conflicts", "why": "300 engineers against 500 engineers"},
            {"a": "c2", "b": "c6", "type": "supports", "why": "both say Kestrian engineers are involved"},
        ],
    }


def build_demo_store(url: str) -> str:
    """The bundled demo story, added through the real ingest (readers, spaCy analysis, link/)."""
    from claimgraph.commands.core import demo_reports
    from claimgraph.config import Settings
    from claimgraph.ingest import ingest
    from claimgraph.store import Store

    folder, manifest = demo_reports()
    settings = Settings(processes=1)
    with Store(url) as store:
        for entry in manifest["reports"]:
            overrides = {k: entry.get(k) for k in ("published", "outlet", "title", "author")}
            ingest(store, [str(folder / entry["file"])], settings, overrides)
    return url


PAYLOADS = [
    '<script>document.title="pwned-script";window.__pwned=1;fetch("http://127.0.0.1:{port}/script")</script>',
    '<img src="http://127.0.0.1:{port}/img" onerror="document.title=\'pwned-img\';window.__pwned=2">',
    "<a href=\"javascript:document.title='pwned-js'\">click me</a>",
    '<svg onload="document.title=\'pwned-svg\';window.__pwned=3"><image href="http://127.0.0.1:{port}/svg"/></svg>',
    "</textarea></script></style><script>window.__pwned=4</script>",
    '<iframe src="http://127.0.0.1:{port}/frame"></iframe><link rel=stylesheet href="http://127.0.0.1:{port}/css">',
    '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:{port}/meta">',
    '<style>@import url("http://127.0.0.1:{port}/import");</style><object data="http://127.0.0.1:{port}/obj"></object>',
]


def hostile_jsonl(port: int) -> str:
    """One JSON Lines report whose text, title and outlet carry script and fetches aimed at a watched port."""
    import json

    body = " ".join(
        f"The ministry said that {p.format(port=port)} was seen in the harbour on 3 March 2025." for p in PAYLOADS
    )
    record = {
        "text": body,
        "title": '<script>window.__pwned=5</script>Hostile "report"',
        "outlet": "<img src=x onerror=window.__pwned=6>Evil Wire",
        "published": "2025-03-04",
        "url": "javascript:window.__pwned=7",
    }
    return json.dumps(record) + "\n"


_DEMO_BUILT: dict[str, str] = {}


def demo_store_copy(tmp_path_factory, target) -> str:
    """A copy of the demo store at ``target``; the (slow) ingest runs once per test session."""
    import shutil

    if "path" not in _DEMO_BUILT:
        _DEMO_BUILT["path"] = build_demo_store(str(tmp_path_factory.mktemp("demo-store") / "demo.db"))
    shutil.copyfile(_DEMO_BUILT["path"], target)
    return str(target)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class served:
    """A real uvicorn server for ``app`` on a free loopback port, in a thread; ``with served(app) as base_url``."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))

    def __enter__(self) -> str:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
