"""Speaker resolution: source kinds, keys, descriptions, pronouns and nominals pointing back to earlier sources."""

from __future__ import annotations

import pytest

from claimgraph.analyze import entities, nlp
from claimgraph.analyze.attribution.speakers import Speakers, classify
from claimgraph.config import Settings


@pytest.fixture(scope="module")
def model():
    return nlp.load(Settings().spacy_model)


def speakers_for(model, text: str) -> tuple[Speakers, object]:
    parsed = model(text)
    return Speakers(parsed, entities.find_mentions(parsed), "dspk"), parsed


def resolve_words(speakers: Speakers, parsed, words: str, scope_key: str | None = None):
    """Resolve the phrase ``words`` (first occurrence) with its syntactic head, noting it as seen."""
    start = parsed.text.index(words)
    span = parsed.char_span(start, start + len(words), alignment_mode="expand")
    src = speakers.resolve(span.start, span.end - 1, span.root.i, scope_key)
    speakers.note(src, start, [])
    return src


@pytest.mark.parametrize(
    ("head", "phrase", "label", "propn", "description", "kind"),
    [
        ("nhk", "nhk", "ORG", True, "Japanese public broadcaster", "outlet"),
        ("reuters", "reuters", "ORG", True, None, "outlet"),
        ("sources", "undisclosed sources", None, False, None, "unnamed"),
        ("officials", "officials speaking on condition of anonymity", None, False, None, "unnamed"),
        ("ministry", "the defence ministry", None, False, None, "government"),
        ("intelligence", "ukraine's military intelligence", None, True, None, "government"),
        ("moscow", "moscow", "GPE", True, None, "government"),
        ("report", "the report", None, False, None, "document"),
        ("treaty", "the treaty", None, False, None, "document"),
        ("kovalenko", "andriy kovalenko", "PERSON", True, "head of a centre", "person"),
        ("spokesman", "the spokesman", None, False, None, "person"),
        ("university", "far eastern federal university", "ORG", True, None, "organization"),
        ("reports", "media reports", None, False, None, "outlet"),
    ],
)
def test_classify_kinds(head, phrase, label, propn, description, kind):
    assert classify(head, phrase, label, propn, description) == kind


def test_named_source_key_agrees_with_entity_key(model):
    speakers, parsed = speakers_for(model, "Andriy Kovalenko, head of the disinformation centre, confirmed it.")
    src = resolve_words(speakers, parsed, "Andriy Kovalenko, head of the disinformation centre")
    ekey, name = entities.entity_key("Andriy Kovalenko", "PERSON")
    assert src.entity_key == ekey
    assert src.key == f"person:{name.lower()}"
    assert src.description == "head of the disinformation centre"


def test_words_before_a_name_describe_it(model):
    speakers, parsed = speakers_for(model, "Japanese public broadcaster NHK reported it.")
    src = resolve_words(speakers, parsed, "Japanese public broadcaster NHK")
    assert (src.name, src.kind, src.description) == ("NHK", "outlet", "Japanese public broadcaster")


def test_unnamed_sources_are_scoped(model):
    speakers, parsed = speakers_for(model, "Undisclosed sources said it. Officials said it.")
    cited = resolve_words(speakers, parsed, "Undisclosed sources", scope_key="outlet:nhk")
    assert cited.key == "unnamed:undisclosed sources@outlet:nhk"
    local = resolve_words(speakers, parsed, "Officials")
    assert local.key == "unnamed:officials@dspk"


def test_pronouns_pick_the_most_recent_compatible_source(model):
    text = "Maria Lopez said it. The Finance Ministry said it. She said it. They said it. He said it."
    speakers, parsed = speakers_for(model, text)
    lopez = resolve_words(speakers, parsed, "Maria Lopez")
    ministry = resolve_words(speakers, parsed, "The Finance Ministry")
    assert resolve_words(speakers, parsed, "She") is lopez  # skips the ministry: not a person
    assert resolve_words(speakers, parsed, "They") is ministry
    # "Maria" is a woman's name: "He" is someone else, left unnamed rather than given to her
    assert resolve_words(speakers, parsed, "He").key == "unnamed:he@dspk"


def test_unresolvable_pronoun_is_a_local_unnamed_source(model):
    speakers, parsed = speakers_for(model, "He said it.")
    src = resolve_words(speakers, parsed, "He")
    assert src.key == "unnamed:he@dspk" and src.kind == "person"


def test_nominal_matches_description_or_name_head(model):
    text = "Japanese public broadcaster NHK said it. Undisclosed sources said it. The broadcaster said it. The sources said it."  # noqa: E501  (a sentence as written)
    speakers, parsed = speakers_for(model, text)
    nhk = resolve_words(speakers, parsed, "Japanese public broadcaster NHK")
    sources = resolve_words(speakers, parsed, "Undisclosed sources")
    assert resolve_words(speakers, parsed, "The broadcaster") is nhk
    assert resolve_words(speakers, parsed, "The sources") is sources


def test_surname_names_the_person_already_met(model):
    speakers, parsed = speakers_for(model, "Transport Minister Hana Vell said it. Vell said it again.")
    vell = resolve_words(speakers, parsed, "Transport Minister Hana Vell")
    assert vell.name == "Hana Vell" and vell.description == "Transport Minister"
    later = parsed.text.index("Vell said it again")
    span = parsed.char_span(later, later + 4)
    assert speakers.resolve(span.start, span.start, span.start) is vell


def test_relative_pronoun_resolves_to_its_antecedent(model):
    speakers, parsed = speakers_for(model, "The senator, who said the bill would pass, left early.")
    who = parsed.text.index("who")
    tok = parsed.char_span(who, who + 3)
    src = speakers.resolve(tok.start, tok.start, tok.start)
    assert src.name == "senator" or "senator" in src.name


def test_named_source_takes_the_identity_its_mention_carries(model):
    """The key and name come from the mention (find_mentions resolves them in context), not from its words again."""
    from claimgraph.analysis_types import Mention

    parsed = model("Andriy Kovalenko confirmed it.")
    mention = Mention(0, 16, "Andriy Kovalenko", "PERSON", "person:kovalenko-of-the-centre", "A. Kovalenko")
    speakers = Speakers(parsed, [mention], "dspk")
    src = speakers.resolve(0, 1, 1)
    assert src.entity_key == "person:kovalenko-of-the-centre"
    assert src.name == "A. Kovalenko" and src.key == "person:a. kovalenko"


def test_unnamed_source_name_drops_only_its_leading_article(model):
    text = "The two sources familiar with the matter said it."
    speakers, parsed = speakers_for(model, text)
    assert (
        resolve_words(speakers, parsed, "The two sources familiar with the matter").name
        == "two sources familiar with the matter"
    )
