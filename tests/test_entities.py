"""Entity identity: aliases, acronyms, capitals, demonyms, people by full and last name (real spaCy)."""

from __future__ import annotations

import pytest

from claimgraph.analyze import nlp as nlp_loader
from claimgraph.analyze.entities import demonym_stems, entity_key, find_mentions
from claimgraph.config import Settings


@pytest.fixture(scope="module")
def nlp():
    return nlp_loader.load(Settings().spacy_model)


def keys_of(nlp, text: str) -> dict[str, str]:
    """mention text -> key; also checks that every mention's offsets point at its text."""
    doc = nlp(text)
    out = {}
    for m in find_mentions(doc):
        assert text[m.start : m.end] == m.text
        out.setdefault(m.text, m.key)
    return out


@pytest.mark.parametrize(
    "text,label,key,name",
    [
        ("DPRK", "ORG", "gpe:north korea", "North Korea"),
        ("North Korea's", "GPE", "gpe:north korea", "North Korea"),
        ("the Democratic People's Republic of Korea", "GPE", "gpe:north korea", "North Korea"),
        ("U.S.", "GPE", "gpe:united states", "United States"),
        ("US", "GPE", "gpe:united states", "United States"),
        ("the United States", "GPE", "gpe:united states", "United States"),
        ("America", "GPE", "gpe:united states", "United States"),
        ("Britain", "GPE", "gpe:united kingdom", "United Kingdom"),
        ("U.K.", "GPE", "gpe:united kingdom", "United Kingdom"),
        ("Pyongyang", "GPE", "gpe:north korea", "North Korea"),
        ("Moscow", "GPE", "gpe:russia", "Russia"),
        ("Kyiv", "GPE", "gpe:ukraine", "Ukraine"),
        ("the Kremlin", "ORG", "gpe:russia", "Russia"),
        ("North Korean", "NORP", "gpe:north korea", "North Korea"),
        ("Russian", "NORP", "gpe:russia", "Russia"),
        ("President Vladimir Putin", "PERSON", "person:vladimir putin", "Vladimir Putin"),
        ("Putin's", "PERSON", "person:putin", "Putin"),
        ("The Kyiv Independent", "ORG", "org:kyiv independent", "The Kyiv Independent"),
        ("the Northern Ledger", "ORG", "org:northern ledger", "Northern Ledger"),
        ("NATO", "ORG", "org:nato", "NATO"),
        ("North Atlantic Treaty Organization", "ORG", "org:nato", "NATO"),
        ("“Reuters”", "ORG", "org:reuters", "Reuters"),
    ],
)
def test_entity_key_aliases(text, label, key, name):
    assert entity_key(text, label) == (key, name)


def test_entity_key_organisation_owned_by_country_is_the_organisation():
    assert (
        entity_key("Ukraine’s Center for Countering Disinformation", "ORG")[0]
        == entity_key("Center for Countering Disinformation", "ORG")[0]
    )


def test_entity_key_is_case_and_space_insensitive():
    assert (
        entity_key("Meridian  Broadcasting\nCorporation", "ORG")[0]
        == entity_key("meridian broadcasting corporation", "ORG")[0]
    )


def test_capital_as_government_and_as_place(nlp):
    keys = keys_of(nlp, "Pyongyang has established production lines. Russian instructors are stationed in Pyongyang.")
    doc = nlp("Pyongyang has established production lines. Russian instructors are stationed in Pyongyang.")
    mentions = [m for m in find_mentions(doc) if m.text == "Pyongyang"]
    assert [m.key for m in mentions] == ["gpe:north korea", "gpe:pyongyang"]
    assert keys["Russian"] == "gpe:russia"


def test_demonym_joins_country_in_same_document(nlp):
    # invented places: no table knows them, the generic demonym rule does
    keys = keys_of(
        nlp,
        "Valdoria signed a deal with Kestria on Monday. Kestrian engineers will arrive in June, "
        "the Kestrian ministry said.",
    )
    assert keys["Kestrian"] == keys["Kestria"] == "gpe:kestria"


def test_last_name_joins_full_name_in_same_document(nlp):
    keys = keys_of(nlp, "Ukraine intelligence chief Kyrylo Budanov spoke on Monday. Budanov said the troops had left.")
    assert keys["Budanov"] == keys["Kyrylo Budanov"] == "person:kyrylo budanov"


def test_possessive_is_not_part_of_the_mention(nlp):
    text = "North Korea's leader met Putin."
    doc = nlp(text)
    first = find_mentions(doc)[0]
    assert (first.text, first.key) == ("North Korea", "gpe:north korea")


def test_acronym_in_brackets_joins_the_organisation(nlp):
    keys = keys_of(nlp, "The Center for Countering Disinformation (CCD) said on Monday that the CCD had evidence.")
    ccd = [k for t, k in keys.items() if t == "CCD"]
    assert ccd and ccd[0] == keys.get(
        "The Center for Countering Disinformation", keys.get("the Center for Countering Disinformation")
    )


def test_demonym_stems():
    assert "kestria" in demonym_stems("Kestrian")
    assert "italy" in demonym_stems("Italian")
    assert "japan" in demonym_stems("Japanese")
    assert "israel" in demonym_stems("Israeli")


def test_odd_entity_text_never_crashes():
    for text in ["", "   ", "'s", "“”", "🙂", "الولايات المتحدة", "\x00\x01", "the"]:
        key, name = entity_key(text, "ORG")
        assert key.startswith("org:") or key.startswith("gpe:")


def test_resolved_mentions_carry_their_identitys_label(nlp):
    doc = nlp(
        "Valdoria signed a deal with Kestria on Monday. Kestrian engineers will arrive in June, "
        "the Kestrian ministry said."
    )
    demonyms = [m for m in find_mentions(doc) if m.text == "Kestrian"]
    assert demonyms and {m.label for m in demonyms} == {"GPE"}


def test_a_surname_tagged_as_an_organisation_is_the_person_the_report_names():
    """ "Trump included ..." tagged ORG in a report about Donald Trump: the person, so "he" can stand for him."""
    from hand_parsed import hand_parsed

    doc = hand_parsed(
        "Trump spoke. Donald Trump left. Ford rose.",
        """
        Trump  Trump  PROPN NNP 1 nsubj    B-ORG
        spoke  speak  VERB  VBD 1 ROOT
        .      .      PUNCT .   1 punct
        Donald Donald PROPN NNP 4 compound B-PERSON
        Trump  Trump  PROPN NNP 5 nsubj    I-PERSON
        left   leave  VERB  VBD 5 ROOT
        .      .      PUNCT .   5 punct
        Ford   Ford   PROPN NNP 8 nsubj    B-ORG
        rose   rise   VERB  VBD 8 ROOT
        .      .      PUNCT .   8 punct
    """,
    )
    found = [(m.text, m.label, m.key) for m in find_mentions(doc)]
    assert found == [
        ("Trump", "PERSON", "person:donald trump"),
        ("Donald Trump", "PERSON", "person:donald trump"),
        ("Ford", "ORG", "org:ford"),
    ]  # no Ford is named in full: the company stays


def test_a_title_case_headline_is_not_a_name(nlp):
    """Real news: headlines above a report were tagged as one person or body ("... Is A Battle For ..."), and "He told
    his audience" then named such a headline as the speaker."""
    text = (
        "The Westland Runoff Is A Battle For The Suburbs\n\n"
        "The Westland University Institute for Public Opinion released a poll on Monday.\n"
    )
    names = [m.text for m in find_mentions(nlp(text))]
    assert not any("Battle" in n for n in names)
    assert any(
        "Westland University Institute for Public Opinion" in n for n in names
    )  # a long name without a verb stays
