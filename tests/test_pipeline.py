"""The analysis pipeline on odd and hostile text, furniture blanking, and the process pool (real spaCy)."""

from __future__ import annotations

import pytest

from claimgraph.analyze import pipeline
from claimgraph.analyze.pipeline import Analyzer, analysis_text, analyze_parallel
from claimgraph.config import Settings
from claimgraph.document import Document, Furniture, sha256_hex

WALL_WORDS = (
    "the ministry said troops about 8,000 soldiers would arrive in Kestria next week while officials denied".split()
)

ODD_TEXTS = {
    "empty": "",
    "whitespace": " \n\n\t  \n",
    "punctuation only": "!!! ??? ... --- *** ,,, ;;;",
    "no sentences": "drone drone drone drone drone",
    "emoji": "🚆🚆🚆 Valdoria 🇺🇦 said 🙂 that 300 👷 engineers will come. 🔥🔥",
    "rtl": "قالت الوزارة إن 300 مهندس سيصلون. הממשלה אמרה שהרכבת תצא במאי. Kestria said it was not true.",
    "non-English": "Министерство заявило, что около 8000 солдат прибыли. 政府表示，约8000名士兵已经抵达。",
    "control characters": "The ministry\x00 said\x07 that \x1b[31mtroops\x1b[0m arrived.\ufeff\u200b\u202e reversed",
    "markup": "<script>alert(1)</script> The ministry said <img src=x onerror=alert(1)> troops arrived.",
    "unclosed quote": "He said: “This will never end. " + "It goes on and on. " * 200,
    "one long line": "and " * 5000 + "the ministry said troops arrived",
}


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer(Settings())


def document(text: str, **kwargs) -> Document:
    return Document(text=text, sha256=sha256_hex(text + repr(kwargs)), **kwargs)


def assert_offsets_hold(doc: Document, analysis) -> None:
    n = len(doc.text)
    for m in analysis.mentions:
        assert 0 <= m.start < m.end <= n and doc.text[m.start : m.end] == m.text
    for t in analysis.times:
        assert doc.text[t.span[0] : t.span[1]] == t.text
    for c in analysis.claims:
        assert doc.text[c.span[0] : c.span[1]] == c.text
        assert doc.text[c.content_span[0] : c.content_span[1]] == c.content
        for q in c.quantities:
            assert doc.text[q.span[0] : q.span[1]] == q.text
        for a in c.attribution:
            for span in (a.cue_span, a.source_span):
                assert span is None or 0 <= span[0] <= span[1] <= n


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_odd_text_never_crashes(analyzer, name):
    doc = document(ODD_TEXTS[name])
    analysis = analyzer.analyze(doc)
    assert analysis.document == doc.id
    assert_offsets_hold(doc, analysis)


@pytest.mark.slow  # the parse alone of 100k words takes 10-40 s on a shared 2-core machine
def test_hundred_thousand_word_wall(analyzer):
    text = " ".join(WALL_WORDS[i % len(WALL_WORDS)] for i in range(100_000))
    doc = document(text)
    analysis = analyzer.analyze(doc)
    assert_offsets_hold(doc, analysis)


def test_text_longer_than_the_limit_is_cut_with_a_warning():
    settings = Settings(max_analysis_chars=2_000)
    text = "The ministry said that 300 engineers arrived in Valdoria on Monday. " * 100
    analysis = Analyzer(settings).analyze(document(text))
    assert any("cut to 2,000 characters" in w for w in analysis.warnings)
    assert all(c.span[1] <= 2_000 for c in analysis.claims)


def test_furniture_is_blanked_but_offsets_hold():
    text = "Read more\nValdoria will build trains, the ministry said.\nPhoto: Ilse Varga"
    doc = document(text, furniture=[Furniture(0, 9, "read-more"), Furniture(57, len(text), "credit")])
    seen = analysis_text(doc, 10_000)
    assert len(seen) == len(text)
    assert seen[:9].strip() == "" and seen[57:].strip() == ""
    assert seen[9:57] == text[9:57]


def test_furniture_never_becomes_a_claim_or_mention(analyzer):
    text = (
        "Valdoria will build trains with Kestrian help, the ministry said.\n\n"
        "Jane Roe is a news editor for The Harbor Gazette."
    )
    bio = text.index("Jane Roe")
    doc = document(text, furniture=[Furniture(bio, len(text), "bio")])
    analysis = analyzer.analyze(doc)
    assert analysis.claims
    assert all(c.span[1] <= bio for c in analysis.claims)
    assert all(m.end <= bio for m in analysis.mentions)


def test_a_failing_component_costs_its_part_not_the_batch(analyzer, monkeypatch):
    def broken(*args, **kwargs):
        raise RecursionError("deep")

    monkeypatch.setattr(pipeline.attribution, "extract_claims", broken)
    analysis = analyzer.analyze(document("Valdoria will build trains, the ministry said on Monday."))
    assert analysis.claims == []
    assert analysis.mentions  # the other components still ran
    assert any(w.startswith("attribution failed: RecursionError") for w in analysis.warnings)


def test_process_pool_gives_the_same_analyses_in_order(analyzer):
    docs = [
        document(f"Report {i}: the ministry said that {100 + i} Kestrian engineers will arrive in Valdoria.")
        for i in range(40)
    ]
    parallel = list(analyze_parallel(docs, Settings(), processes=2))
    assert [a.document for a in parallel] == [d.id for d in docs]
    single = [analyzer.analyze(d) for d in docs[:5]]
    assert [a.to_dict() for a in parallel[:5]] == [a.to_dict() for a in single]


def test_worker_count_follows_request_and_work():
    settings = Settings(processes=0)
    assert pipeline.worker_count(settings, 2, 1000) == 2
    assert pipeline.worker_count(settings, 8, 20) == 2  # 20 documents are two chunks: two workers at most
    assert pipeline.worker_count(settings, 1, 1000) == 1


def test_only_languages_with_a_pipeline_are_analysed_and_order_holds(analyzer):
    english = "The ministry said on Monday that 300 Kestrian engineers will arrive in Valdoria."
    docs = [
        document(english, language="en"),
        document("Министерство заявило, что инженеры прибудут.", language="ru"),
        document(english + " More later.", language=None),
        document("Die Regierung sagte nein.", language="de"),
    ]
    analyses = list(analyzer.analyze_many(docs))
    assert [a.document for a in analyses] == [d.id for d in docs]
    assert analyses[0].claims and analyses[2].claims  # English, and "could not tell", are analysed
    for a, code in ((analyses[1], "ru"), (analyses[3], "de")):
        assert a.claims == [] and a.mentions == [] and a.times == []
        assert a.warnings == [f"not analysed: language {code}"]
        assert a.analyzer == pipeline.ANALYZER_VERSION  # not pending again on the next add
    pooled = list(analyze_parallel(docs * 10, Settings(), processes=2))  # the gate travels to the workers
    assert [a.warnings for a in pooled[:4]] == [a.warnings for a in analyses]
