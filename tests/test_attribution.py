"""Attributed claims: each cue kind, chains, continuations, coreferent speakers, quotes; seeds and demo; odd text."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.analysis_types import Claim, Source
from claimgraph.analyze import attribution, entities, nlp
from claimgraph.config import Settings
from claimgraph.document import Document, sha256_hex
from conftest import shared_data

DEMO = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "demo" / "reports"


@pytest.fixture(scope="module")
def model():
    return nlp.load(Settings().spacy_model)


def run(model, text: str) -> tuple[list[Claim], dict[str, Source], str]:
    parsed = model(text)
    claims, sources = attribution.extract_claims(parsed, entities.find_mentions(parsed), "dtest")
    return claims, {s.id: s for s in sources}, text


def claim_with(claims: list[Claim], words: str) -> Claim:
    found = [c for c in claims if words in c.text]
    assert found, f"no claim containing {words!r}: {[c.text for c in claims]}"
    return found[0]


def chain(claim: Claim, sources: dict[str, Source]) -> list[tuple[str, str]]:
    return [(sources[a.source].name, sources[a.source].kind) for a in claim.attribution]


def check_spans(claims: list[Claim], sources: dict[str, Source], text: str) -> None:
    """Every offset points at the words it names; ids are in text order and every source is used."""
    for n, c in enumerate(claims, 1):
        assert c.id == f"dtest-c{n}"
        assert text[c.span[0] : c.span[1]] == c.text
        assert text[c.content_span[0] : c.content_span[1]] == c.content
        assert c.span[0] <= c.content_span[0] <= c.content_span[1] <= c.span[1]
        for a in c.attribution:
            assert a.source in sources
            assert a.cue_span is None or text[a.cue_span[0] : a.cue_span[1]] == a.cue
            if a.source_span is not None:
                assert text[a.source_span[0] : a.source_span[1]].strip()
    assert sorted(sources) == sorted(f"s{i}" for i in range(len(sources)))
    used = {a.source for c in claims for a in c.attribution}
    assert used == set(sources)


def test_own_voice_statement_has_no_attribution(model):
    claims, sources, text = run(model, "The bridge over the Lenna river opened in 1990 and carries two rail lines.")
    assert len(claims) == 1 and claims[0].attribution == [] and claims[0].content == claims[0].text
    check_spans(claims, sources, text)


def test_said_that_content_is_the_clause(model):
    claims, sources, text = run(model, "Mayor Elena Rossi said that the harbour will reopen in June.")
    c = claims[0]
    assert c.content == "that the harbour will reopen in June"  # PolNeAR keeps the complementiser
    assert chain(c, sources) == [("Elena Rossi", "person")]
    assert c.attribution[0].cue == "said"
    assert text[slice(*c.attribution[0].source_span)] == "Mayor Elena Rossi"
    assert sources[c.attribution[0].source].description == "Mayor"
    check_spans(claims, sources, text)


def test_sentence_final_attribution(model):
    claims, sources, text = run(model, "The harbour will reopen in June, the port authority said.")
    c = claims[0]
    assert c.content == "The harbour will reopen in June"
    assert c.attribution[0].cue == "said"
    assert text[slice(*c.attribution[0].source_span)] == "the port authority"
    check_spans(claims, sources, text)


def test_told_recipient_is_not_a_source(model):
    claims, sources, text = run(model, "Peter Novak previously told Reuters that the talks had collapsed.")
    c = claims[0]
    assert chain(c, sources) == [("Peter Novak", "person")]
    assert c.content == "that the talks had collapsed"
    assert all(s.name != "Reuters" for s in sources.values())
    check_spans(claims, sources, text)


def test_medium_stays_with_the_cue(model):
    claims, sources, text = run(model, "Anna Berg said in a Telegram post that the dam was damaged.")
    c = claims[0]
    assert c.attribution[0].cue == "said in a Telegram post"
    assert c.content == "that the dam was damaged"
    check_spans(claims, sources, text)


def test_according_to_at_start_and_end(model):
    claims, sources, text = run(
        model,
        "According to Ukrainian intelligence, the plant has already started production. "
        "About 300 engineers work there, according to the ministry of industry.",
    )
    first, second = claims
    assert first.content == "the plant has already started production"
    assert chain(first, sources) == [("Ukrainian intelligence", "government")]
    assert first.attribution[0].cue == "According to"
    assert second.content == "About 300 engineers work there"
    assert second.attribution[0].cue == "according to"
    check_spans(claims, sources, text)


def test_citing_builds_a_chain_and_scopes_unnamed_sources(model):
    claims, sources, text = run(
        model,
        "The factory will open this year, South Korean public broadcaster KBS reported on March 3, citing unnamed sources.",  # noqa: E501  (one long sentence)
    )
    c = claims[0]
    assert c.content == "The factory will open this year"
    assert chain(c, sources) == [("KBS", "outlet"), ("unnamed sources", "unnamed")]
    assert [a.cue for a in c.attribution] == ["reported", "citing"]
    kbs, unnamed = (sources[a.source] for a in c.attribution)
    assert kbs.description == "South Korean public broadcaster" and kbs.key == "outlet:kbs"
    assert kbs.entity_key is not None
    assert unnamed.key == "unnamed:unnamed sources@outlet:kbs"
    check_spans(claims, sources, text)


def test_continuation_keeps_the_chain(model):
    claims, sources, text = run(
        model,
        "The factory will open this year, Reuters reported, citing undisclosed sources. "
        "It will employ 500 people. "
        "According to the sources, the deal was signed in June.",
    )
    middle = claim_with(claims, "employ 500")
    assert middle.attribution == []  # no cue: the report's own voice
    last = claim_with(claims, "According to the sources")
    assert chain(last, sources) == [("Reuters", "outlet"), ("undisclosed sources", "unnamed")]
    assert last.attribution[0].source_span is None  # Reuters is carried over, not named again
    assert text[slice(*last.attribution[1].source_span)] == "the sources"
    assert last.attribution[1].source == claims[0].attribution[1].source
    check_spans(claims, sources, text)


def test_he_resolves_to_the_recent_person(model):
    claims, sources, text = run(
        model,
        "On Monday, Tomas Berger, head of the Agency for Media Oversight, confirmed the report "
        "in a radio interview. He explained that the factory was built with foreign help.",
    )
    first = claims[0]
    src = sources[first.attribution[0].source]
    assert (src.name, src.kind) == ("Tomas Berger", "person")
    assert src.description == "head of the Agency for Media Oversight"
    second = claim_with(claims, "He explained")
    assert second.attribution[0].source == first.attribution[0].source
    assert text[slice(*second.attribution[0].source_span)] == "He"
    assert second.content == "that the factory was built with foreign help"
    check_spans(claims, sources, text)


def test_they_resolves_to_the_recent_body(model):
    claims, sources, text = run(
        model,
        "Finland's military intelligence first disclosed the figures last week. "
        "They stated that the transfer had been agreed in June.",
    )
    second = claim_with(claims, "They stated")
    src = sources[second.attribution[0].source]
    assert src.name == "Finland's military intelligence" and src.kind == "government"
    assert second.content == "that the transfer had been agreed in June"
    check_spans(claims, sources, text)


def test_nominal_speaker_matches_an_earlier_description(model):
    claims, sources, text = run(
        model,
        "The factory will open in May, public broadcaster Radio Lenna reported on Tuesday. "
        "The broadcaster said that 300 engineers would be hired.",
    )
    first, second = claims
    assert second.attribution[0].source == first.attribution[0].source
    assert sources[first.attribution[0].source].kind == "outlet"
    check_spans(claims, sources, text)


def test_the_ministry_resolves_to_a_named_ministry(model):
    claims, sources, text = run(
        model,
        "The Defence Ministry of Valdoria announced new exercises on Monday. "
        "The ministry said the drills would last a week.",
    )
    second = claim_with(claims, "The ministry said")
    src = sources[second.attribution[0].source]
    assert "Ministry" in src.name and src.kind == "government"
    check_spans(claims, sources, text)


def test_direct_quote_with_pronoun_speaker(model):
    claims, sources, text = run(model, "Officer Lena Kovar spoke at the dock. “We will not retreat,” she said.")
    quote = claim_with(claims, "retreat")
    assert "We will not retreat" in quote.content
    assert chain(quote, sources) == [("Lena Kovar", "person")]
    check_spans(claims, sources, text)


def test_quote_spanning_sentences_is_one_claim(model):
    claims, sources, text = run(
        model, "“The port is closed. Ships will have to wait until Friday,” harbour master Ana Ruiz said."
    )
    assert len(claims) == 1
    c = claims[0]
    assert "The port is closed" in c.content and "until Friday" in c.content
    assert chain(c, sources) == [("Ana Ruiz", "person")]
    check_spans(claims, sources, text)


def test_following_quote_continues_the_speaker(model):
    claims, sources, text = run(model, "“We will rebuild,” Ana Ruiz said. “It will take a year.”")
    second = claim_with(claims, "take a year")
    assert chain(second, sources) == [("Ana Ruiz", "person")]
    # the same attribution as the first part's (one cue, one source): the story groups the two parts by it
    assert second.attribution == claim_with(claims, "We will rebuild").attribution
    check_spans(claims, sources, text)


def test_speaker_after_a_closed_quotation(model):
    claims, sources, text = run(
        model, "Harbour master Ana Ruiz said the port was closed. “Is this fair? Nobody thinks so.” Ruiz said."
    )
    quote = claim_with(claims, "Is this fair")
    assert chain(quote, sources) == [("Ana Ruiz", "person")]
    assert text[slice(*quote.attribution[0].source_span)] == "Ruiz"
    assert not any(c.text == "Ruiz said." for c in claims)
    check_spans(claims, sources, text)


def test_mixed_quote(model):
    claims, sources, text = run(
        model, 'Elena Varga told Reuters that the treaty is "in every practical sense a defence pact."'
    )
    c = claims[0]
    assert c.content.startswith("that the treaty is") and "defence pact" in c.content
    assert chain(c, sources) == [("Elena Varga", "person")]
    check_spans(claims, sources, text)


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The trainers are reportedly based near the airfield.", "reportedly"),
        ("It is understood that the contract was signed in March.", "is understood"),
        ("Sources say the talks stalled over the price of gas.", "say"),
        ("Officials speaking on condition of anonymity said the plant had been damaged.", "said"),
    ],
)
def test_hedges_and_unnamed_sources(model, sentence, cue):
    claims, sources, text = run(model, sentence)
    c = claims[0]
    assert c.attribution and c.attribution[0].cue == cue
    src = sources[c.attribution[0].source]
    assert src.kind == "unnamed"
    assert src.key.startswith("unnamed:") and src.key.endswith("@dtest")  # document-local
    check_spans(claims, sources, text)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The report found that emissions rose by a third last year.", "document"),
        ("Moscow said that the exercises were purely defensive.", "government"),
        ("The Lenna Shipping Company announced that it would cut 200 jobs.", "organization"),
        ("Global security analysts warn that the deal could destabilize the region.", "unnamed"),
    ],
)
def test_source_kinds(model, sentence, kind):
    claims, sources, text = run(model, sentence)
    assert sources[claims[0].attribution[0].source].kind == kind
    check_spans(claims, sources, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "This shows that the plant was closed for a week.",  # the writer's own inference
        "“I think the plant was closed,” the mayor said.",  # "I think" inside a quotation is no new source
    ],
)
def test_no_extra_attribution(model, sentence):
    claims, sources, text = run(model, sentence)
    assert len(claims[0].attribution) <= (1 if "mayor" in sentence else 0)
    if claims[0].attribution:
        assert text[slice(*claims[0].attribution[0].source_span)] == "the mayor"
    check_spans(claims, sources, text)


def test_works_without_the_learned_cue_list(model, monkeypatch):
    from claimgraph.analyze.attribution import cues

    monkeypatch.setattr(cues, "learned_cue_words", lambda: frozenset())
    claims, sources, text = run(model, "Mayor Elena Rossi said that the harbour will reopen in June.")
    assert chain(claims[0], sources) == [("Elena Rossi", "person")]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  \t ",
        "😀🚀🔥 said 🎉🎉 according to 😀",
        "قال المتحدث إن الميناء سيفتح في يونيو. وأضاف أن العمل مستمر.",
        "\u202eHe said that\u202c the harbour \u200f“will reopen”, sources said.",
        "“" * 50 + " said " + "”" * 3,
        "According to",
        "citing, citing, according to, reportedly, said: said: “",
        "Der Sprecher sagte, dass der Hafen im Juni wieder öffnet.",
    ],
)
def test_odd_text_never_crashes(model, text):
    claims, sources, text = run(model, text)
    check_spans(claims, sources, text)


def test_wall_of_text_never_crashes(model):
    text = " ".join(["officials said the word"] * 25_000)  # 100k words, one endless 'sentence'
    claims, sources, text = run(model, text)
    check_spans(claims, sources, text)


# -- the real seeds and the demo story, through the whole analyzer -------------------------------------------------


@pytest.fixture(scope="module")
def analyzer():
    from claimgraph.analyze import Analyzer

    return Analyzer()


def analyse_seed(analyzer, pattern: str):
    path = next(iter(sorted(shared_data("seeds").glob(pattern))))
    text = path.read_text(encoding="utf-8")
    analysis = analyzer.analyze(Document(text=text, sha256=sha256_hex(text)))
    return analysis, {s.id: s for s in analysis.sources}, text


def test_seed_003_chain_continuation_and_persons(analyzer):
    analysis, sources, text = analyse_seed(analyzer, "003_*.txt")
    nhk_claim = claim_with(analysis.claims, "NHK reported on Feb. 8")
    # the content is the sentence's opening clause, up to the comma before the outlet (no seed text copied here)
    assert nhk_claim.content.startswith("North Korea is expected") and "\n" not in nhk_claim.content
    assert text[slice(*nhk_claim.content_span)] == nhk_claim.content
    assert text[nhk_claim.content_span[1] :].startswith(", Japanese public broadcaster NHK")
    assert chain(nhk_claim, sources) == [("NHK", "outlet"), ("undisclosed sources", "unnamed")]
    assert sources[nhk_claim.attribution[0].source].description == "Japanese public broadcaster"
    cont = claim_with(analysis.claims, "According to the sources")
    assert [a.source for a in cont.attribution] == [a.source for a in nhk_claim.attribution]
    lukin = claim_with(analysis.claims, "Artyom Lukin")
    assert chain(lukin, sources) == [("Artyom Lukin", "person")]
    assert lukin.content.startswith("that the agreement is")
    assert "Far Eastern Federal University" in (sources[lukin.attribution[0].source].description or "")
    budanov = claim_with(analysis.claims, "according to Budanov")
    assert chain(budanov, sources) == [("Budanov", "person")]
    assert budanov.content.endswith("in Kursk Oblast")
    assert "Reuters" not in {s.name for s in sources.values()}
    # the headline, on its own line under "News Feed", is the media's report, not the page's own statement
    headlines = [c for c in analysis.claims if c.text.startswith("North Korea to start")]
    assert len(headlines) == 2 and all(chain(c, sources) == [("media", "outlet")] for c in headlines)


def test_seed_000_pronouns_and_intelligence(analyzer):
    analysis, sources, text = analyse_seed(analyzer, "000_*.txt")
    intel = claim_with(analysis.claims, "According to Ukrainian intelligence")
    assert intel.content.startswith("Pyongyang has")
    assert sources[intel.attribution[0].source].kind == "government"
    he = claim_with(analysis.claims, "He explained")
    assert chain(he, sources) == [("Andriy Kovalenko", "person")]
    assert sources[he.attribution[0].source].description == "head of Ukraine’s Center for Countering Disinformation"
    they = claim_with(analysis.claims, "They stated")
    assert chain(they, sources) == [("Ukraine’s military intelligence", "government")]
    assert they.content.startswith("that Russia agreed to transfer")
    own = claim_with(analysis.claims, "Russia uses a modified version")
    assert own.attribution == []


def test_demo_reports_attribute_their_sources(analyzer):
    from claimgraph.sources import read_file

    seen_kinds: set[str] = set()
    for path in sorted(DEMO.glob("0*")):
        for doc in read_file(path, Settings()):
            assert isinstance(doc, Document), doc
            analysis = analyzer.analyze(doc)
            sources = {s.id: s for s in analysis.sources}
            assert any(c.attribution for c in analysis.claims), path.name
            for c in analysis.claims:
                assert doc.text[c.content_span[0] : c.content_span[1]] == c.content
                for a in c.attribution:
                    if a.source_span is not None:
                        assert doc.text[a.source_span[0] : a.source_span[1]].strip()
            seen_kinds |= {s.kind for s in sources.values()}
    assert {"person", "outlet", "government", "unnamed"} <= seen_kinds


# -- cue kinds added with the learned model: each with and without the model file ------------------------------


def found_in(model, text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, cue, source, content) of every attribution find_attributions sees, stance ones included."""
    parsed = model(text)
    units, _ = attribution.find_attributions(parsed, entities.find_mentions(parsed), "dtest")
    out = []
    for unit in units:
        for f in unit.found:
            source = text[slice(*f.source_span)] if f.source_span else None
            content = text[slice(*f.content_span)] if f.content_span else None
            out.append((f.cue.kind, text[slice(*f.cue.cue_span)], source, content))
    return out


@pytest.fixture(params=["model", "rules"])
def cue_mode(request, monkeypatch):
    """Every test using this runs twice: with the shipped cue model, and with it absent (rules and lexicon)."""
    from claimgraph.analyze.attribution import learned as attribution_model

    if request.param == "model":
        assert attribution_model.cue_model() is not None, "the shipped cue model did not load"
    else:
        monkeypatch.setattr(attribution_model, "cue_model", lambda: None)
    return request.param


def test_passive_with_agent_attributes_its_subject_to_the_agent(model, cue_mode):
    text = "The harbour deal was first reported by the Lenna Herald."
    assert ("passive", "was first reported", "the Lenna Herald", "The harbour deal") in found_in(model, text)
    claims, sources, _ = run(model, text)
    assert [(c.content, [text[slice(*a.source_span)] for a in c.attribution]) for c in claims] == [
        ("The harbour deal", ["the Lenna Herald"])
    ]
    check_spans(claims, sources, text)


@pytest.mark.parametrize(
    "text,content,cue,source",
    [
        # issue 13: exported as the report's own claim with no source
        (
            "U.S. intelligence officials have warned of Russian efforts to use hacking to interfere with the election process.",  # noqa: E501  (a sentence as written)
            "Russian efforts to use hacking to interfere with the election process",
            "have warned of",
            "U.S. intelligence officials",
        ),
        ("The senator praised the new budget on Monday.", "the new budget", "praised", "The senator"),
        ("Trump is slamming the ruling as a disgrace.", "the ruling as a disgrace", "is slamming", "Trump"),
    ],
)
def test_a_noun_phrase_content_is_a_claim_of_its_source(model, cue_mode, text, content, cue, source):
    """What PolNeAR marks as an attribution with a noun-phrase content ("warned of X", "is slamming X") reaches
    the claims: the content attributed to its source, not the report's own statement."""
    claims, sources, text = run(model, text)
    attributed = [
        (c.content, c.attribution[0].cue, text[slice(*c.attribution[0].source_span)]) for c in claims if c.attribution
    ]
    assert (content, cue, source) in attributed
    check_spans(claims, sources, text)


def test_a_noun_cue_with_an_owner_is_a_claim(model, cue_mode):
    claims, sources, text = run(model, "The minister dismissed the mayor's claim that the harbour was closed.")
    attributed = {(c.attribution[0].cue, text[slice(*c.attribution[0].source_span)]) for c in claims if c.attribution}
    assert ("claim", "the mayor") in attributed or ("claim", "the mayor's") in attributed
    check_spans(claims, sources, text)


def test_a_named_source_does_not_take_the_chain_it_was_once_cited_in(model):
    """ "Politico reported, citing Trump, that A. Trump later said B.": B is Trump's own, not Politico's relay."""
    claims, sources, text = run(
        model,
        "Politico reported that the deal was off, citing Donald Trump. Later, Trump said that the talks would go on.",
    )
    later = claim_with(claims, "talks would go on")
    assert [name for name, _ in chain(later, sources)] == ["Donald Trump"]
    first = claim_with(claims, "deal was off")
    assert [name for name, _ in chain(first, sources)] == ["Politico", "Donald Trump"]


def test_passive_question_names_what_was_asked(model, cue_mode):
    text = "Mayor Elena Rossi was asked about the harbour closure."
    assert ("passive", "was asked about", None, "the harbour closure") in found_in(model, text)


def test_quoted_as_saying_makes_the_subject_the_speaker(model, cue_mode):
    claims, sources, text = run(model, "Elena Rossi was quoted as saying that the harbour would reopen in June.")
    c = claims[0]
    assert c.content == "that the harbour would reopen in June"
    assert chain(c, sources) == [("Elena Rossi", "person")]
    check_spans(claims, sources, text)


def test_noun_cue_with_possessor_and_that_clause(model, cue_mode):
    text = "Rossi's claim that the harbour was unsafe drew criticism."
    assert ("noun", "claim", "Rossi", "that the harbour was unsafe") in found_in(model, text)


def test_rumors_that_is_a_noun_cue_without_a_source(model, cue_mode):
    text = "There were rumors that the mayor would resign."
    assert ("noun", "rumors", None, "that the mayor would resign") in found_in(model, text)


def test_infinitive_reporting_verb_carries_the_content(model, cue_mode):
    claims, sources, text = run(model, "Elena Rossi went on to say that the harbour would reopen.")
    c = claims[0]
    assert c.content == "that the harbour would reopen"
    assert c.attribution[0].cue.endswith("to say")
    assert chain(c, sources) == [("Elena Rossi", "person")]
    check_spans(claims, sources, text)


def test_quotation_runs_past_a_side_remark_and_a_sentence(model, cue_mode):
    claims, sources, text = run(
        model, "Elena Rossi said, “The harbour is closed, which hurts every family here. We will reopen in June.”"
    )
    c = claims[0]
    assert "which hurts every family" in c.content and "We will reopen in June" in c.content
    assert chain(c, sources) == [("Elena Rossi", "person")]
    check_spans(claims, sources, text)


def test_source_keeps_its_relative_clause(model, cue_mode):
    text = "Officials who spoke with the Lenna Herald said the port was closed."
    assert ("verb", "said", "Officials who spoke with the Lenna Herald", "the port was closed") in found_in(model, text)


def test_newspaper_style_quotes_continue_the_speaker(model, cue_mode):
    claims, sources, text = run(model, "''We are ready,'' Ana Ruiz said. ''The cranes are back.''")
    second = claim_with(claims, "cranes are back")
    assert chain(second, sources) == [("Ana Ruiz", "person")]
    check_spans(claims, sources, text)


# -- the model file: absent, damaged or foreign files fall back to the rules -------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff\xfe binary \x89PNG",
        b"[1, 2, 3]",
        b'{"format": "someone-else/1", "cue": {}, "extension": {}}',
        b'{"format": "claimgraph-cue-model/2", "cue": {"bias": "x", "threshold": 0.5, "weights": {}}}',
        b'{"format": "claimgraph-cue-model/2", "cue": {"bias": 0, "threshold": 0.5, "weights": [1]}, "extension": {}}',
        '{"format": "claimgraph-cue-model/2", "cue": {"bias": 0, "threshold": 0.5, "weights": {"<script>": 1}}'.encode(),  # noqa: E501  (a sentence as written)
    ],
)
def test_damaged_model_file_is_refused_with_a_warning(tmp_path, caplog, content):
    from claimgraph.analyze.attribution import learned as attribution_model

    path = tmp_path / "cue_model.json"
    path.write_bytes(content)
    assert attribution_model.read_model(path) is None
    assert "falling back to the cue lexicon" in caplog.text and str(path) in caplog.text


def test_missing_model_file_is_none_quietly(tmp_path, caplog):
    from claimgraph.analyze.attribution import learned as attribution_model

    assert attribution_model.read_model(tmp_path / "absent.json") is None
    assert caplog.text == ""


def test_a_valid_model_file_decides_cues(tmp_path, model):
    import json

    from claimgraph.analyze.attribution import learned as attribution_model

    path = tmp_path / "cue_model.json"
    section = {"bias": -5.0, "threshold": 0.5, "weights": {}}
    cue = dict(section, weights={"l=grumble": 10.0})
    path.write_text(json.dumps({"format": attribution_model.FORMAT, "cue": cue, "extension": section}))
    loaded = attribution_model.read_model(path)
    assert loaded is not None
    parsed = model("The mayor grumbled that the port was late, and she said nothing else.")
    by_word = {t.lower_: t for t in parsed}
    assert loaded.is_cue(by_word["grumbled"]) and not loaded.is_cue(by_word["said"])


def test_model_and_rules_both_attribute_plain_reporting(model, cue_mode):
    claims, sources, text = run(model, "Harbour master Ana Ruiz said that the port will reopen on Friday.")
    assert chain(claims[0], sources) == [("Ana Ruiz", "person")]
    assert claims[0].content == "that the port will reopen on Friday"


# -- content boundaries as PolNeAR draws them --------------------------------------------------------------------


def pieces_in(model, text: str) -> list[tuple[str, str | None, list[str]]]:
    """(cue, content, further content pieces) of every attribution found, stance ones included."""
    parsed = model(text)
    units, _ = attribution.find_attributions(parsed, entities.find_mentions(parsed), "dtest")
    return [
        (
            text[slice(*f.cue.cue_span)],
            text[slice(*f.content_span)] if f.content_span else None,
            [text[a:b] for a, b in f.more_content],
        )
        for unit in units
        for f in unit.found
    ]


def test_cue_inside_a_statement_keeps_both_sides(model, cue_mode):
    text = "Fundraising, according to the party, has doubled in the past month."
    assert ("according to", "has doubled in the past month", ["Fundraising"]) in pieces_in(model, text)


def test_claim_content_runs_across_a_cue_that_interrupts_it(model, cue_mode):
    claims, sources, text = run(model, "Fundraising, according to the party, has doubled in the past month.")
    assert [c.content for c in claims] == ["Fundraising, according to the party, has doubled in the past month"]
    assert chain(claims[0], sources) == [("the party", "organization")]
    check_spans(claims, sources, text)


def test_claim_keeps_its_subject_when_the_parse_hangs_it_off_the_cue(model, cue_mode):
    claims, sources, text = run(model, "The attack, Zelensky said on Telegram, had failed.")
    assert [c.content for c in claims] == ["The attack, Zelensky said on Telegram, had failed"]
    assert chain(claims[0], sources)[0][0] == "Zelensky"
    check_spans(claims, sources, text)


def test_quotation_split_by_its_cue_is_a_claim_per_part(model, cue_mode):
    """As "“A,” she said. “B.”" gives two claims, so does "“A,” she said, “B.”": neither part is lost."""
    claims, sources, text = run(model, "“We will rebuild the bridge,” Elena Rossi said, “and we will do it this year.”")
    assert [c.content for c in claims] == ["“We will rebuild the bridge,”", "“and we will do it this year.”"]
    assert [chain(c, sources) for c in claims] == [[("Elena Rossi", "person")]] * 2
    assert claims[0].span == claims[1].span  # one sentence
    check_spans(claims, sources, text)


@pytest.mark.parametrize("line", ["Elena Rossi wrote on Facebook:", "Elena Rossi issued the following statement:"])
def test_a_line_ending_in_a_colon_gives_its_voice_to_the_next_paragraph(model, cue_mode, line):
    claims, sources, text = run(
        model, f"{line}\n\nThe harbour is closed. It will stay closed until June.\n\nShips waited outside the port."
    )
    assert chain(claim_with(claims, "harbour is closed"), sources) == [("Elena Rossi", "person")]
    assert chain(claim_with(claims, "stay closed until June"), sources) == [("Elena Rossi", "person")]
    assert claim_with(claims, "Ships waited").attribution == []  # the paragraph after is the report's own again
    check_spans(claims, sources, text)


def test_words_before_a_cue_that_introduces_a_quotation_are_not_content(model, cue_mode):
    text = "In an interview on Tuesday, Rossi said, “The harbour will reopen in June.”"
    assert ("said", "“The harbour will reopen in June.”", []) in pieces_in(model, text)


def test_quotation_interrupted_by_its_cue_is_one_content(model, cue_mode):
    text = "“We will rebuild the bridge,” Rossi said, “and we will do it this year.”"
    [(cue, content, more)] = pieces_in(model, text)
    assert cue == "said"
    assert sorted([content, *more]) == ["“We will rebuild the bridge,”", "“and we will do it this year.”"]


def test_quotation_after_a_bare_speaker_line_goes_on_in_that_voice(model, cue_mode):
    claims, sources, text = run(model, "“The harbour is open!” Elena Rossi said. “Ships can dock again.”")
    assert chain(claim_with(claims, "harbour is open"), sources) == [("Elena Rossi", "person")]
    assert chain(claim_with(claims, "Ships can dock"), sources) == [("Elena Rossi", "person")]
    check_spans(claims, sources, text)


def test_quotation_opened_inside_a_content_runs_to_its_closing_mark(model, cue_mode):
    claims, sources, text = run(
        model, "Rossi said that “the harbour is open. Ships can dock again,” and left the room."
    )
    assert claims[0].content == "that “the harbour is open. Ships can dock again,”"
    check_spans(claims, sources, text)


def test_participle_of_saying_starts_a_new_content(model, cue_mode):
    text = "Rossi said the harbour would reopen in June, adding that ships could dock there again."
    found = pieces_in(model, text)
    assert ("said", "the harbour would reopen in June", []) in found
    assert ("adding", "that ships could dock there again", []) in found


def test_reporting_infinitive_is_one_cue_not_two(model, cue_mode):
    found = pieces_in(model, "He went on to say that the wall would be built.")
    assert [cue for cue, _, _ in found] == ["went on to say"]


def test_verb_with_an_object_is_not_a_bare_speaker_line(model, cue_mode):
    found = found_in(model, "Rossi criticized the mayor.")
    assert all(kind != "bare" for kind, _, _, _ in found)


@pytest.mark.parametrize(
    "line",
    [
        "The Kremlin has not commented.",
        "The Kremlin did not immediately respond to a request for comment.",
        "The Kremlin declined to comment on the report.",
        "The Kremlin did not say how many soldiers had crossed.",
        "The Kremlin neither confirmed nor denied the report.",
        "No one at the Kremlin has confirmed the figure.",
        "The Kremlin has yet to confirm the figure.",
    ],
)
def test_a_speaker_who_says_nothing_is_a_claim_in_the_reports_voice(model, cue_mode, line):
    """ "X has not commented" is not a speaker tag for the quotation before it, and "declined to comment on Y" does
    not make Y X's claim: the line is the report's own statement about X's silence."""
    claims, sources, text = run(model, f"“The harbour is open.” {line}")
    assert claim_with(claims, "harbour is open").attribution == []
    silence = claim_with(claims, "Kremlin")
    assert (silence.content, silence.attribution) == (line, [])
    check_spans(claims, sources, text)


def test_what_a_speaker_was_asked_is_not_the_claim(model, cue_mode):
    claims, sources, text = run(model, "Asked whether the troops had left, the spokesman said the border was open.")
    assert [c.content for c in claims] == ["the border was open"]
    assert chain(claims[0], sources) == [("the spokesman", "person")]


def test_said_in_a_statement_that_whatever_the_parse(model, cue_mode):
    """The apposition makes the parser hang "that Y" off "statement" and the apposition off the speaker."""
    claims, sources, text = run(
        model, "Zelensky's office said in a statement that talks would resume, a claim Moscow disputed."
    )
    assert [c.content for c in claims] == ["that talks would resume"]
    assert [(a.cue, sources[a.source].name) for a in claims[0].attribution] == [
        ("said in a statement", "Zelensky's office")
    ]
    check_spans(claims, sources, text)


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Lena Kovar for the Harbor Gazette; distributed by Coastline Wire.)",
        "Additional reporting by Tom Lee; Editing by Ann Park",
    ],
)
def test_a_credit_line_is_not_a_claim(model, cue_mode, credit):
    claims, _, _ = run(model, f"The plant opened on Monday.\n\n{credit}")
    assert [c.content for c in claims] == ["The plant opened on Monday."]


def test_reporting_by_in_a_sentence_is_still_a_claim(model, cue_mode):
    claims, _, _ = run(model, "Reporting by Western journalists from the region has been limited, officials said.")
    assert [c.content for c in claims] == ["Reporting by Western journalists from the region has been limited"]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "According to the governor, the strike hit a school on Monday, but Russia claimed it targeted a barracks.",
            [("the strike hit a school on Monday", ["the governor"]), ("it targeted a barracks", ["Russia"])],
        ),
        (
            "The strike hit a school, the governor said, but Russia claimed it targeted a barracks.",
            [("The strike hit a school", ["the governor"]), ("it targeted a barracks", ["Russia"])],
        ),
        (
            "Rossi said the harbour would reopen in June, adding that ships could dock there again.",
            [("the harbour would reopen in June", ["Rossi"]), ("that ships could dock there again", ["Rossi"])],
        ),
    ],
)
def test_every_statement_of_a_sentence_is_a_claim(model, cue_mode, text, expected):
    """Two statements in one sentence, by two speakers or one, are two claims; neither is lost or nested."""
    claims, sources, text = run(model, text)
    assert [(c.content, [name for name, _ in chain(c, sources)]) for c in claims] == expected
    check_spans(claims, sources, text)


def test_a_semicolon_ends_what_a_cue_says(model, cue_mode):
    """ "Kyiv says X; Tehran denies Y": Kyiv's X is not part of Tehran's denial, nor denied."""
    claims, sources, text = run(model, "Kyiv says the drones were Iranian; Tehran denies supplying them.")
    kyiv = claim_with(claims, "drones were Iranian")
    assert kyiv.content == "the drones were Iranian" and [sources[a.source].name for a in kyiv.attribution] == ["Kyiv"]
    claims, sources, text = run(model, "“The plant is open,” Rossi said; she did not say when.")
    assert claims[0].content == "“The plant is open,”"


def test_a_semicolon_stops_a_denial(analyzer):
    text = "Kyiv says the drones were Iranian; Tehran denies supplying them."
    analysis = analyzer.analyze(Document(text=text, sha256=sha256_hex(text)))
    kyiv = next(c for c in analysis.claims if c.content == "the drones were Iranian")
    assert kyiv.modality == "asserted"


def test_hearsay_passive_is_an_unnamed_source_like_reportedly(model, cue_mode):
    claims, sources, text = run(model, "The troops are said to have left the border region.")
    assert chain(claims[0], sources) == [("unspecified sources", "unnamed")]
    assert claims[0].attribution[0].cue == "are said"
    check_spans(claims, sources, text)


@pytest.mark.parametrize(
    "text,content,cue",
    [
        ("As the ministry said on Monday, the plant is open again.", "the plant is open again", "said"),
        ("As Reuters reported last week, the plant is open again.", "the plant is open again", "reported"),
        (
            "The plant, as the ministry put it, is open again.",
            "The plant, as the ministry put it, is open again",
            "put it",
        ),
    ],
)
def test_an_as_clause_of_saying_attributes_its_host_clause(model, cue_mode, text, content, cue):
    claims, sources, text = run(model, text)
    assert [(c.content, [a.cue for a in c.attribution]) for c in claims] == [(content, [cue])]
    check_spans(claims, sources, text)


def test_as_in_a_comparison_is_not_a_cue(model, cue_mode):
    claims, _, _ = run(model, "The damage was not as bad as the ministry said.")
    assert all(a.cue != "said" for c in claims for a in c.attribution)


def test_made_it_clear_keeps_it_clear_in_the_cue(model):
    assert ("verb", "made it clear", "Rossi", "that the harbour would reopen") in found_in(
        model, "Rossi made it clear that the harbour would reopen."
    )


def test_adjective_after_a_copula_holds_the_content(model):
    text = "Residents were worried that the harbour would close."
    assert ("verb", "were worried", "Residents", "that the harbour would close") in found_in(model, text)


def test_a_cue_verb_coordinated_into_the_content_is_the_speakers_next_statement(model, cue_mode):
    """ "X said he welcomed A and added B": the parse hangs "added" on "welcomed", but it is what X did next."""
    claims, sources, text = run(
        model, "Elena Rossi said she welcomed the ruling and added that she would appeal the fine."
    )
    assert [c.content for c in claims] == ["she welcomed the ruling", "that she would appeal the fine"]
    assert [chain(c, sources) for c in claims] == [[("Elena Rossi", "person")]] * 2
    assert [c.attribution[0].cue for c in claims] == ["said", "added"]
    check_spans(claims, sources, text)


def test_what_someone_is_seen_as_keeps_its_subject(model):
    claims, sources, text = run(model, "The new harbour master is widely seen as a reformer.")
    [c] = claims
    assert c.content == "The new harbour master is widely seen as a reformer"  # PolNeAR: "The new ... | a reformer"
    assert c.attribution[0].cue == "is widely seen as" and c.attribution[0].source_span is None
    check_spans(claims, sources, text)


def test_a_quotation_opened_inside_a_stance_runs_to_its_closing_mark(model, cue_mode):
    claims, sources, text = run(
        model, "The governor bemoaned that, in “our city, families pay more. Jobs are leaving. Shops are shut.”"
    )
    assert claims[0].content == "that, in “our city, families pay more. Jobs are leaving. Shops are shut.”"
    check_spans(claims, sources, text)


def test_newspaper_quotation_marks_hold_a_quotation_of_several_sentences(model, cue_mode):
    claims, sources, text = run(
        model, "Mr. Ridge said: ''The plan is sound. The money is there. Work starts in June.''"
    )
    [c] = claims
    assert c.content == "''The plan is sound. The money is there. Work starts in June.''"
    assert chain(c, sources) == [("Ridge", "person")]
    check_spans(claims, sources, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Harbour workers appear to be ready for a long strike.",
            "Harbour workers appear to be ready for a long strike",
            "appear",
        ),  # noqa: E501
        (
            "It appears that the ferry company had sold the route.",
            "that the ferry company had sold the route",
            "appears",
        ),  # noqa: E501
    ],
)
def test_how_a_thing_seems_names_no_source(model, text, content, cue):
    """PolNeAR marks "X appears to Y" with no source and "X | to Y" as the content: X says nothing."""
    claims, sources, text = run(model, text)
    [c] = claims
    assert c.content == content
    assert c.attribution[0].cue == cue and c.attribution[0].source_span is None
    assert sources[c.attribution[0].source].name == "unspecified sources"
    check_spans(claims, sources, text)


def test_an_appearance_of_saying_keeps_its_speaker(model):
    claims, sources, text = run(model, "The mayor appeared to suggest that the port would close.")
    assert claims[0].content == "that the port would close"
    assert chain(claims[0], sources) == [("The mayor", "person")]
    assert claims[0].attribution[0].cue == "appeared to suggest"
    check_spans(claims, sources, text)


def test_a_long_quotation_in_one_paragraph_stays_one_content(model, cue_mode):
    sentences = " ".join(f"Pier {n} is closed." for n in range(1, 13))
    claims, sources, text = run(model, f"Elena Rossi replied, “It has. {sentences} Ships will wait.”")
    [c] = claims
    assert c.content == f"“It has. {sentences} Ships will wait.”"
    assert chain(c, sources) == [("Elena Rossi", "person")]
    check_spans(claims, sources, text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator criticized the harbour plan, which would close two piers.", "the harbour plan"),
        ("The senator praised Elena Rossi, who runs the port.", "Elena Rossi"),
        # a clause keeps its relative clauses: they may be part of what was said
        (
            "The senator said that the plan would close the pier, which opened in 1990.",
            "that the plan would close the pier, which opened in 1990",
        ),  # noqa: E501
        (
            "The senator said the harbour plan, which would close two piers, was rushed.",
            "the harbour plan, which would close two piers, was rushed",
        ),  # noqa: E501
    ],
)
def test_a_relative_clause_after_a_stance_object_is_the_writers_aside(model, text, content):
    claims, sources, text = run(model, text)
    assert claims[0].content == content
    assert chain(claims[0], sources) == [("The senator", "person")]
    check_spans(claims, sources, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Lazar admitted to stealing about 100 passwords from his home.",
            "stealing about 100 passwords from his home",
            "admitted to",
        ),  # noqa: E501
        ("The poet Vane wrote of growing up under his rule.", "growing up under his rule", "wrote of"),
    ],
)
def test_a_verb_of_saying_with_what_it_is_about_is_not_a_bare_speaker_line(model, text, content, cue):
    """A short "X admitted to Y." was taken for "he said." naming the speaker of a quotation before it, and the
    sentence vanished from the claims."""
    claims, sources, text = run(model, text)
    [c] = claims
    assert c.content == content and c.attribution[0].cue == cue
    check_spans(claims, sources, text)


def test_a_bare_speaker_line_with_where_it_was_said_is_still_bare(model, cue_mode):
    claims, sources, text = run(model, "“We are ready.” Elena Rossi said in an interview on Monday.")
    assert [c.content for c in claims] == ["“We are ready.”"]
    assert chain(claims[0], sources) == [("Elena Rossi", "person")]
    check_spans(claims, sources, text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor said she supports the harbour bill, which she describes as overdue.",
            "she supports the harbour bill",
        ),  # noqa: E501
        # an aside with no cue of its own stays: it may be part of what was said
        (
            "The mayor said the port will reopen in June, which is good news for the town.",
            "the port will reopen in June, which is good news for the town",
        ),  # noqa: E501
    ],
)
def test_an_aside_with_a_cue_of_its_own_ends_the_content(model, cue_mode, text, content):
    claims, sources, text = run(model, text)
    assert claims[0].content == content
    assert claims[0].attribution[0].cue == "said"
    check_spans(claims, sources, text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Eric Woolson, who has refused to endorse the mayor, said the port would close.", "Eric Woolson"),
        # a relative clause with no cue of its own is part of the source, as PolNeAR marks it
        (
            "Eric Woolson, who managed the port for ten years, said the port would close.",
            "Eric Woolson, who managed the port for ten years",
        ),  # noqa: E501
    ],
)
def test_a_relative_clause_with_a_cue_of_its_own_is_not_part_of_the_source(model, cue_mode, text, source):
    claims, sources, text = run(model, text)
    c = claim_with(claims, "the port would close")
    assert text[slice(*c.attribution[0].source_span)] == source
    assert sources[c.attribution[0].source].name == "Eric Woolson"
    check_spans(claims, sources, text)
