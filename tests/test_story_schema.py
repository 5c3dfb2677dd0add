"""The shipped JSON Schema accepts a real story and rejects broken ones."""

from __future__ import annotations

import copy

import jsonschema
import pytest

from claimgraph.analyze.pipeline import Analyzer
from claimgraph.commands.core import demo_reports
from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.ingest import apply_overrides
from claimgraph.schema import validate_story
from claimgraph.sources import read_inputs
from claimgraph.story import build_story


@pytest.fixture(scope="module")
def demo_story() -> dict:
    """The demo reports read and analysed for real, assembled by the story builder (no store, no linking)."""
    folder, manifest = demo_reports()
    settings = Settings()
    docs: list[Document] = []
    for entry in manifest["reports"]:
        overrides = {k: entry.get(k) for k in ("published", "outlet", "title", "author")}
        docs += [
            apply_overrides(d, overrides)
            for d in read_inputs([str(folder / entry["file"])], settings)
            if isinstance(d, Document)
        ]
    analyses = list(Analyzer(settings).analyze_many(docs))
    return build_story(docs, analyses)


def test_demo_story_is_valid(demo_story):
    validate_story(demo_story)
    assert demo_story["claims"] and demo_story["entities"] and demo_story["sources"]
    assert all("language" in d for d in demo_story["documents"])  # null here: no store detected it


def broken(story: dict, change) -> dict:
    story = copy.deepcopy(story)
    change(story)
    return story


BREAKAGES = {
    "unknown modality": lambda s: s["claims"][0].update(modality="probably"),
    "negated as text": lambda s: s["claims"][0].update(negated="no"),
    "span of one number": lambda s: s["claims"][0].update(span=[3]),
    "negative span": lambda s: s["claims"][0].update(content_span=[-1, 4]),
    "span of strings": lambda s: s["claims"][0].update(span=["0", "4"]),
    "claim without content": lambda s: s["claims"][0].pop("content"),
    "attribution without cue": lambda s: s["claims"][0].update(
        attribution=[{"source": "s1", "cue_span": None, "source_span": None}]
    ),
    "unknown source kind": lambda s: s["sources"][0].update(kind="blogger"),
    "wrong format": lambda s: s.update(format="claimgraph/0"),
    "no claims list": lambda s: s.pop("claims"),
    "bad sha256": lambda s: s["documents"][0].update(sha256="xyz"),
    "language as a name": lambda s: s["documents"][0].update(language="Russian"),
    "language with a region": lambda s: s["documents"][0].update(language="ru-RU"),
    "time with unknown type": lambda s: s["times"][0].update(type="EPOCH"),
    "quantity value as text": lambda s: s["claims"][0].update(
        quantities=[{"text": "8,000", "value": "8000", "qualifier": None, "unit": None}]
    ),
    "unknown relation type": lambda s: s["relations"].append({"a": "c1", "b": "c2", "type": "likes", "why": "x"}),
    "relation without why": lambda s: s["relations"].append({"a": "c1", "b": "c2", "type": "repeats", "why": ""}),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_schema_rejects_broken_story(demo_story, name):
    with pytest.raises(jsonschema.ValidationError):
        validate_story(broken(demo_story, BREAKAGES[name]))


def test_claim_time_says_why_it_is_unresolved():
    """Without a publication date a month stays XXXX-06: the claim's time carries the TIMEX3 mod and the note."""
    doc = Document(text="The ministry said the new line would open in early June.", sha256="f" * 64, published=None)
    analysis = next(iter(Analyzer(Settings()).analyze_many([doc])))
    story = build_story([doc], [analysis])
    validate_story(story)
    time = story["claims"][0]["time"]
    assert time["value"] == "XXXX-06" and time["start"] is None
    assert time["mod"] == "START" and time["type"] == "DATE"
    assert time["note"] and "publication date" in time["note"]
