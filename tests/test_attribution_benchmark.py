"""The PolNeAR attribution scorer (benchmarks/attribution.py): how spans become comparable fragment sets."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_scorer():
    spec = importlib.util.spec_from_file_location("attribution_benchmark", ROOT / "benchmarks/attribution.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def words(text: str, frags) -> list[str]:
    return [text[a:b] for a, b in frags]


def test_a_content_over_two_sentences_is_one_fragment_per_sentence():
    scorer = load_scorer()
    text = '"The harbour had its worst week since 1990. One never knows," Smith wrote.'
    whole = scorer.trimmed(text, [(0, text.index(" Smith"))])
    assert words(text, whole) == ["The harbour had its worst week since 1990", "One never knows"]
    # the same sentences marked as two fragments (PolNeAR's way) are the same span
    split = scorer.trimmed(text, [(1, 43), (44, 60)])
    assert split == whole


def test_a_cut_after_an_abbreviation_and_an_ellipsis():
    scorer = load_scorer()
    text = "a duel between Baker and Ohio Sen. Ada Moss, leaving her . . . to lose"
    assert words(text, scorer.trimmed(text, [(0, len(text))])) == [
        "a duel between Baker and Ohio Sen",
        "Ada Moss, leaving her",
        "to lose",
    ]


def test_no_cut_inside_a_word_or_a_number():
    scorer = load_scorer()
    text = "Turnout rose 3.5 percent, the U.S.-based group said"
    assert words(text, scorer.trimmed(text, [(0, len(text))])) == [text]
    assert scorer.trimmed(text, [(0, 2), (2, 2)]) == ((0, 2),)
    assert scorer.trimmed(text, [(7, 8)]) is None  # a space only: nothing left


def test_gold_cue_heads_stand_in_for_the_cue_model(tmp_path, monkeypatch):
    """``--gold-cues``: the words PolNeAR marks as cue heads, and only they, are cues; the pipeline then builds the
    attribution around them as around the model's."""
    from claimgraph.analyze import attribution, entities, nlp
    from claimgraph.analyze.attribution import learned
    from claimgraph.config import Settings

    scorer = load_scorer()
    text = "Mayor Reed painted a grim picture of the harbour on Monday."
    ann = tmp_path / "x_a.ann"
    start = text.index("painted")
    ann.write_text(f"T1\tCue {start} {start + 7}\tpainted\nT2\tSource 0 10\tMayor Reed\n", encoding="utf-8")
    parsed = nlp.load(Settings().spacy_model)(text)
    heads = scorer.gold_cue_heads(ann, parsed)
    assert [parsed[i].text for i in heads] == ["painted"]
    oracle = scorer.GoldCueHeads(learned.cue_model(), {id(parsed): heads})
    assert [t.text for t in parsed if oracle.is_cue(t)] == ["painted"]
    assert oracle.probability(parsed[2]) == 1.0 and oracle.probability(parsed[1]) == 0.0  # painted, Reed
    monkeypatch.setattr(learned, "cue_model", lambda: oracle)
    units, _ = attribution.find_attributions(parsed, entities.find_mentions(parsed), "dgold")
    found = [f for u in units for f in u.found]
    assert [text[slice(*f.cue.cue_span)] for f in found] == ["painted"]
    assert text[slice(*found[0].source_span)] == "Mayor Reed"
