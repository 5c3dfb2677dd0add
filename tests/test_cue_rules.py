"""The cue rules, one kind at a time, on parses written by hand (``hand_parsed``): a new spaCy model cannot break
them, and each shows the parse a rule expects. The rules run as they do without the learned cue model (the
word lists in ``cue_words``); ``test_attribution.py`` runs the same kinds end to end on the real parser."""

from __future__ import annotations

import pytest

from claimgraph.analyze import entities
from claimgraph.analyze.attribution import extract_claims, learned
from claimgraph.analyze.attribution.cues import find_cues
from hand_parsed import hand_parsed

SHIPPED_CUE_MODEL = learned.cue_model


@pytest.fixture(autouse=True)
def rules_only(monkeypatch):
    monkeypatch.setattr(learned, "cue_model", lambda: None)


def cues_of(doc, first: int = 0, last: int | None = None) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, cue words, source words, content words) of every cue among tokens first..last of the doc."""

    def words(span):
        return doc.text[span[0] : span[1]] if span else None

    out = []
    for m in find_cues(doc, first, len(doc) - 1 if last is None else last):
        source = doc[m.source_tokens[0] : m.source_tokens[1] + 1].text if m.source_tokens else None
        out.append((m.kind, words(m.cue_span), source, words(m.content_span)))
    return out


SAID_THAT = hand_parsed(
    "Mayor Elena Rossi said that the harbour will reopen in June.",
    """
    Mayor    Mayor    PROPN NNP 2  compound
    Elena    Elena    PROPN NNP 2  compound B-PERSON
    Rossi    Rossi    PROPN NNP 3  nsubj    I-PERSON
    said     say      VERB  VBD 3  ROOT
    that     that     SCONJ IN  8  mark
    the      the      DET   DT  6  det
    harbour  harbour  NOUN  NN  8  nsubj
    will     will     AUX   MD  8  aux
    reopen   reopen   VERB  VB  3  ccomp
    in       in       ADP   IN  8  prep
    June     June     PROPN NNP 9  pobj     B-DATE
    .        .        PUNCT .   3  punct
""",
)


def test_a_reporting_verb_gives_its_subject_and_its_clause():
    assert cues_of(SAID_THAT) == [("verb", "said", "Mayor Elena Rossi", "that the harbour will reopen in June")]


def test_according_to_names_the_source_of_the_rest():
    doc = hand_parsed(
        "According to the ministry, the plant is open.",
        """
        According accord   VERB  VBG 7 prep
        to        to       ADP   IN  0 prep
        the       the      DET   DT  3 det
        ministry  ministry NOUN  NN  1 pobj
        ,         ,        PUNCT ,   7 punct
        the       the      DET   DT  6 det
        plant     plant    NOUN  NN  7 nsubj
        is        be       AUX   VBZ 7 ROOT
        open      open     ADJ   JJ  7 acomp
        .         .        PUNCT .   7 punct
    """,
    )
    assert cues_of(doc) == [("according", "According to", "the ministry", "the plant is open")]


CITING = hand_parsed(
    "NHK reported, citing undisclosed sources, that the plant is open.",
    """
    NHK         NHK         PROPN NNP 1  nsubj B-ORG
    reported    report      VERB  VBD 1  ROOT
    ,           ,           PUNCT ,   1  punct
    citing      cite        VERB  VBG 10 advcl
    undisclosed undisclosed ADJ   JJ  5  amod
    sources     source      NOUN  NNS 3  dobj
    ,           ,           PUNCT ,   10 punct
    that        that        SCONJ IN  10 mark
    the         the         DET   DT  9  det
    plant       plant       NOUN  NN  10 nsubj
    is          be          AUX   VBZ 1  ccomp
    open        open        ADJ   JJ  10 acomp
    .           .           PUNCT .   1  punct
""",
)


def test_citing_hangs_off_the_cue_verb_above_it():
    """ "citing" is parsed under "is", inside the content; it belongs to "reported", the nearest cue above."""
    found = find_cues(CITING, 0, len(CITING) - 1)
    assert [(m.kind, CITING.text[slice(*m.cue_span)]) for m in found] == [("verb", "reported"), ("citing", "citing")]
    assert found[1].parent == found[0].cue_token


def test_citing_builds_a_chain_out_to_the_cited_source():
    claims, sources = extract_claims(CITING, entities.find_mentions(CITING), "d")
    names = {s.id: s.name for s in sources}
    assert [[names[a.source] for a in c.attribution] for c in claims] == [["NHK", "undisclosed sources"]]


def test_a_hedge_makes_the_whole_statement_an_unnamed_sources_content():
    doc = hand_parsed(
        "The plant is reportedly open.",
        """
        The        the        DET   DT  1 det
        plant      plant      NOUN  NN  2 nsubj
        is         be         AUX   VBZ 2 ROOT
        reportedly reportedly ADV   RB  4 advmod
        open       open       ADJ   JJ  2 acomp
        .          .          PUNCT .   2 punct
    """,
    )
    assert cues_of(doc) == [("hedge", "reportedly", None, "The plant is reportedly open")]


def test_impersonal_it_is_understood_has_no_named_source():
    doc = hand_parsed(
        "It is understood that the plant is open.",
        """
        It         it         PRON  PRP 2 nsubjpass
        is         be         AUX   VBZ 2 auxpass
        understood understand VERB  VBN 2 ROOT
        that       that       SCONJ IN  6 mark
        the        the        DET   DT  5 det
        plant      plant      NOUN  NN  6 nsubj
        is         be         AUX   VBZ 2 ccomp
        open       open       ADJ   JJ  6 acomp
        .          .          PUNCT .   2 punct
    """,
    )
    assert cues_of(doc) == [("impersonal", "is understood", None, "that the plant is open")]


def test_a_passive_with_an_agent_attributes_its_subject_to_the_agent():
    doc = hand_parsed(
        "The harbour deal was first reported by the Herald.",
        """
        The      the      DET   DT  2 det
        harbour  harbour  NOUN  NN  2 compound
        deal     deal     NOUN  NN  5 nsubjpass
        was      be       AUX   VBD 5 auxpass
        first    first    ADV   RB  5 advmod
        reported report   VERB  VBN 5 ROOT
        by       by       ADP   IN  5 agent
        the      the      DET   DT  8 det
        Herald   Herald   PROPN NNP 6 pobj      B-ORG
        .        .        PUNCT .   5 punct
    """,
    )
    assert cues_of(doc) == [("passive", "was first reported", "the Herald", "The harbour deal")]


def test_a_noun_of_saying_with_an_owner_and_a_that_clause():
    doc = hand_parsed(
        "The minister dismissed the mayor's claim that the plant is open.",
        """
        The       the      DET   DT  1  det
        minister  minister NOUN  NN  2  nsubj
        dismissed dismiss  VERB  VBD 2  ROOT
        the       the      DET   DT  4  det
        mayor     mayor    NOUN  NN  6  poss
        's        's       PART  POS 4  case
        claim     claim    NOUN  NN  2  dobj
        that      that     SCONJ IN  10 mark
        the       the      DET   DT  9  det
        plant     plant    NOUN  NN  10 nsubj
        is        be       AUX   VBZ 6  acl
        open      open     ADJ   JJ  10 acomp
        .         .        PUNCT .   2  punct
    """,
    )
    # the mined cue words make "dismissed" a stance on the claim; the claim itself is the mayor's
    assert cues_of(doc) == [
        ("verb", "dismissed", "The minister", "the mayor's claim that the plant is open"),
        ("noun", "claim", "the mayor", "that the plant is open"),
    ]


def test_an_as_clause_of_saying_attributes_the_clause_it_sits_in():
    doc = hand_parsed(
        "The plant, as the ministry put it, is open.",
        """
        The      the      DET   DT  1 det
        plant    plant    NOUN  NN  9 nsubj
        ,        ,        PUNCT ,   1 punct
        as       as       SCONJ IN  6 mark
        the      the      DET   DT  5 det
        ministry ministry NOUN  NN  6 nsubj
        put      put      VERB  VBD 1 advcl
        it       it       PRON  PRP 6 dobj
        ,        ,        PUNCT ,   9 punct
        is       be       AUX   VBZ 9 ROOT
        open     open     ADJ   JJ  9 acomp
        .        .        PUNCT .   9 punct
    """,
    )
    [(kind, cue, source, content)] = cues_of(doc)
    assert (kind, cue, source) == ("verb", "put it", "the ministry")
    assert content in ("is open", "The plant")  # the larger side; the other side is kept beside it
    match = find_cues(doc, 0, len(doc) - 1)[0]
    assert sorted(doc.text[slice(*s)] for s in (match.content_span, match.other_side)) == ["The plant", "is open"]


def test_an_adjective_after_a_copula_holds_a_stance(monkeypatch):
    doc = hand_parsed(
        "Officials were aware that the plant was open.",
        """
        Officials official NOUN  NNS 1 nsubj
        were      be       AUX   VBD 1 ROOT
        aware     aware    ADJ   JJ  1 acomp
        that      that     SCONJ IN  6 mark
        the       the      DET   DT  5 det
        plant     plant    NOUN  NN  6 nsubj
        was       be       AUX   VBD 2 ccomp
        open      open     ADJ   JJ  6 acomp
        .         .        PUNCT .   1 punct
    """,
    )
    assert cues_of(doc) == []  # "be" is no cue word: the rules alone leave it
    monkeypatch.setattr(learned, "cue_model", SHIPPED_CUE_MODEL)  # the learned model calls it one
    assert cues_of(doc) == [("verb", "were aware", "Officials", "that the plant was open")]
    assert find_cues(doc, 0, len(doc) - 1)[0].stance


def test_a_quotation_before_its_speaker_is_the_content():
    doc = hand_parsed(
        "“The plant is open,” he said.",
        """
        “     "     PUNCT ``  8 punct
        The   the   DET   DT  2 det
        plant plant NOUN  NN  3 nsubj
        is    be    AUX   VBZ 8 ccomp
        open  open  ADJ   JJ  3 acomp
        ,     ,     PUNCT ,   8 punct
        ”     "     PUNCT ''  8 punct
        he    he    PRON  PRP 8 nsubj
        said  say   VERB  VBD 8 ROOT
        .     .     PUNCT .   8 punct
    """,
    )
    assert cues_of(doc) == [("verb", "said", "he", "The plant is open")]
    claims, _ = extract_claims(doc, entities.find_mentions(doc), "d")
    assert [c.content for c in claims] == ["“The plant is open,”"]  # the claim takes in the quotation marks


def test_a_speaker_who_says_nothing_is_silence_not_a_speaker_tag():
    doc = hand_parsed(
        "The Kremlin has not commented.",
        """
        The       the     DET   DT  1 det
        Kremlin   Kremlin PROPN NNP 4 nsubj B-ORG
        has       have    AUX   VBZ 4 aux
        not       not     PART  RB  4 neg
        commented comment VERB  VBN 4 ROOT
        .         .       PUNCT .   4 punct
    """,
    )
    assert cues_of(doc) == [("silence", "has not commented", "The Kremlin", None)]
    claims, _ = extract_claims(doc, entities.find_mentions(doc), "d")
    assert [(c.content, c.attribution) for c in claims] == [("The Kremlin has not commented.", [])]


def test_a_bare_speaker_line_names_the_speaker_of_the_quotation_before():
    doc = hand_parsed(
        "“The plant is open.” Rossi said.",
        """
        “     "     PUNCT ``  3 punct
        The   the   DET   DT  2 det
        plant plant NOUN  NN  3 nsubj
        is    be    AUX   VBZ 3 ROOT
        open  open  ADJ   JJ  3 acomp
        .     .     PUNCT .   3 punct
        ”     "     PUNCT ''  3 punct
        Rossi Rossi PROPN NNP 8 nsubj B-PERSON
        said  say   VERB  VBD 8 ROOT
        .     .     PUNCT .   8 punct
    """,
    )
    assert cues_of(doc, 7) == [("bare", "said", "Rossi", None)]
    claims, sources = extract_claims(doc, entities.find_mentions(doc), "d")
    assert [(c.content, [s.name for s in sources if s.id == c.attribution[0].source]) for c in claims] == [
        ("“The plant is open.”", ["Rossi"])
    ]


def test_a_transcript_line_names_its_speaker():
    doc = hand_parsed(
        "RAMOS: The plant is open today.",
        """
        RAMOS RAMOS PROPN NNP 0 ROOT  B-PERSON
        :     :     PUNCT :   0 punct
        The   the   DET   DT  3 det
        plant plant NOUN  NN  4 nsubj
        is    be    AUX   VBZ 0 acl
        open  open  ADJ   JJ  4 acomp
        today today NOUN  NN  4 npadvmod B-DATE
        .     .     PUNCT .   4 punct
    """,
    )
    assert cues_of(doc) == [("colon", ":", "RAMOS", "The plant is open today")]


def test_a_stance_verb_takes_its_object_and_stops_before_when():
    doc = hand_parsed(
        "The senator praised the new budget on Monday.",
        """
        The     the     DET   DT  1 det
        senator senator NOUN  NN  2 nsubj
        praised praise  VERB  VBD 2 ROOT
        the     the     DET   DT  5 det
        new     new     ADJ   JJ  5 amod
        budget  budget  NOUN  NN  2 dobj
        on      on      ADP   IN  2 prep
        Monday  Monday  PROPN NNP 6 pobj  B-DATE
        .       .       PUNCT .   2 punct
    """,
    )
    found = find_cues(doc, 0, len(doc) - 1)
    assert cues_of(doc) == [("verb", "praised", "The senator", "the new budget")]
    assert found[0].stance  # "praise" is a mined cue word, not a reporting verb: a stance, not a statement


def test_went_on_to_say_is_one_cue_from_its_first_verb():
    doc = hand_parsed(
        "She went on to say that the plant is open.",
        """
        She   she   PRON  PRP 1 nsubj
        went  go    VERB  VBD 1 ROOT
        on    on    ADP   RP  1 prt
        to    to    PART  TO  4 aux
        say   say   VERB  VB  1 xcomp
        that  that  SCONJ IN  8 mark
        the   the   DET   DT  7 det
        plant plant NOUN  NN  8 nsubj
        is    be    AUX   VBZ 4 ccomp
        open  open  ADJ   JJ  8 acomp
        .     .     PUNCT .   1 punct
    """,
    )
    assert cues_of(doc) == [("verb", "went on to say", "She", "that the plant is open")]


def test_a_demonstrative_subject_is_the_writers_inference():
    doc = hand_parsed(
        "This shows that the plant is open.",
        """
        This  this  PRON  DT  1 nsubj
        shows show  VERB  VBZ 1 ROOT
        that  that  SCONJ IN  5 mark
        the   the   DET   DT  4 det
        plant plant NOUN  NN  5 nsubj
        is    be    AUX   VBZ 1 ccomp
        open  open  ADJ   JJ  5 acomp
        .     .     PUNCT .   1 punct
    """,
    )
    assert cues_of(doc) == []


def test_said_in_a_statement_that_y_whatever_the_parse():
    doc = hand_parsed(
        "He said in a statement that the plant is open.",
        """
        He        he        PRON  PRP 1 nsubj
        said      say       VERB  VBD 1 ROOT
        in        in        ADP   IN  1 prep
        a         a         DET   DT  4 det
        statement statement NOUN  NN  2 pobj
        that      that      SCONJ IN  8 mark
        the       the       DET   DT  7 det
        plant     plant     NOUN  NN  8 nsubj
        is        be        AUX   VBZ 4 acl
        open      open      ADJ   JJ  8 acomp
        .         .         PUNCT .   1 punct
    """,
    )
    # the parser hung the that-clause off "statement": it is still what was said, the medium stays in the cue,
    # and "statement" is no cue of its own
    assert cues_of(doc) == [("verb", "said in a statement", "He", "that the plant is open")]


def test_a_dateline_is_cut_from_the_source():
    doc = hand_parsed(
        "CLEVELAND, July 19 — Donald Trump said the plant is open.",
        """
        CLEVELAND CLEVELAND PROPN NNP 7 nsubj    B-GPE
        ,         ,         PUNCT ,   0 punct
        July      July      PROPN NNP 0 appos    B-DATE
        19        19        NUM   CD  2 nummod   I-DATE
        —         —         PUNCT :   0 punct
        Donald    Donald    PROPN NNP 6 compound B-PERSON
        Trump     Trump     PROPN NNP 0 appos    I-PERSON
        said      say       VERB  VBD 7 ROOT
        the       the       DET   DT  9 det
        plant     plant     NOUN  NN  10 nsubj
        is        be        AUX   VBZ 7 ccomp
        open      open      ADJ   JJ  10 acomp
        .         .         PUNCT .   7 punct
    """,
    )
    assert cues_of(doc) == [("verb", "said", "Donald Trump", "the plant is open")]


def test_a_cue_verb_coordinated_after_a_content_is_the_next_statement(monkeypatch):
    """Issue 13: "first said A, but in a later interview said B" made B part of A (and B's claim a relay of A's)."""
    doc = hand_parsed(
        "The clerk first said he did not see it, but in a second interview said he shredded it.",
        """
        The       the       DET   DT  1  det
        clerk     clerk     NOUN  NN  3  nsubj
        first     first     ADV   RB  3  advmod
        said      say       VERB  VBD 3  ROOT
        he        he        PRON  PRP 7  nsubj
        did       do        AUX   VBD 7  aux
        not       not       PART  RB  7  neg
        see       see       VERB  VB  3  ccomp
        it        it        PRON  PRP 7  dobj
        ,         ,         PUNCT ,   3  punct
        but       but       CCONJ CC  3  cc
        in        in        ADP   IN  15 prep
        a         a         DET   DT  14 det
        second    second    ADJ   JJ  14 amod
        interview interview NOUN  NN  11 pobj
        said      say       VERB  VBD 3  conj
        he        he        PRON  PRP 17 nsubj
        shredded  shred     VERB  VBD 15 ccomp
        it        it        PRON  PRP 17 dobj
        .         .         PUNCT .   15 punct
    """,
    )
    expected = [
        ("verb", "first said", "The clerk", "he did not see it"),
        ("verb", "said", "The clerk", "he shredded it"),
    ]
    assert [cue for cue in cues_of(doc) if cue[1].endswith("said")] == expected
    monkeypatch.setattr(learned, "cue_model", SHIPPED_CUE_MODEL)  # the model decides how far a content runs
    assert [cue for cue in cues_of(doc) if cue[1].endswith("said")] == expected
    claims, _ = extract_claims(doc, entities.find_mentions(doc), "d")
    assert [(c.content, len(c.attribution)) for c in claims] == [("he did not see it", 1), ("he shredded it", 1)]


def test_called_for_takes_the_for_to_clause():
    doc = hand_parsed(
        "Trump called for the president to resign.",
        """
        Trump     Trump     PROPN NNP 1 nsubj  B-PERSON
        called    call      VERB  VBD 1 ROOT
        for       for       SCONJ IN  6 mark
        the       the       DET   DT  4 det
        president president NOUN  NN  6 nsubj
        to        to        PART  TO  6 aux
        resign    resign    VERB  VB  1 advcl
        .         .         PUNCT .   1 punct
    """,
    )
    assert cues_of(doc) == [("verb", "called for", "Trump", "the president to resign")]


def test_as_reported_by_names_the_agent_as_the_source_of_the_clause():
    doc = hand_parsed(
        "As reported by the Herald, the plant is closed.",
        """
        As       as       SCONJ IN  1 mark
        reported report   VERB  VBN 9 advcl
        by       by       ADP   IN  1 agent
        the      the      DET   DT  4 det
        Herald   Herald   PROPN NNP 2 pobj      B-ORG
        ,        ,        PUNCT ,   9 punct
        the      the      DET   DT  7 det
        plant    plant    NOUN  NN  9 nsubjpass
        is       be       AUX   VBZ 9 auxpass
        closed   close    VERB  VBN 9 ROOT
        .        .        PUNCT .   9 punct
    """,
    )
    assert cues_of(doc) == [("verb", "reported", "the Herald", "the plant is closed")]


@pytest.mark.parametrize("adverb,in_cue", [("always", True), ("publicly", True), ("so", False)])
def test_an_adverb_right_before_the_cue_verb_belongs_to_it(adverb, in_cue):
    """PolNeAR train counts 90% of them in the cue ("has *always* claimed"); not a connective ("so claimed")."""
    doc = hand_parsed(
        f"Trump has {adverb} claimed that the plant is closed.",
        f"""
        Trump    Trump    PROPN NNP 3 nsubj     B-PERSON
        has      have     AUX   VBZ 3 aux
        {adverb} {adverb} ADV   RB  3 advmod
        claimed  claim    VERB  VBN 3 ROOT
        that     that     SCONJ IN  8 mark
        the      the      DET   DT  6 det
        plant    plant    NOUN  NN  8 nsubjpass
        is       be       AUX   VBZ 8 auxpass
        closed   close    VERB  VBN 3 ccomp
        .        .        PUNCT .   3 punct
    """,
    )
    assert cues_of(doc)[0][1] == (f"has {adverb} claimed" if in_cue else "claimed")


RELEASED_A_STATEMENT = """
    She       she       PRON  PRP 1 nsubj
    released  release   VERB  VBD 1 ROOT
    a         a         DET   DT  3 det
    statement statement NOUN  NN  1 dobj
    saying    say       VERB  VBG 3 acl
    that      that      SCONJ IN  9 mark
    the       the       DET   DT  7 det
    plant     plant     NOUN  NN  9 nsubjpass
    is        be        AUX   VBZ 9 auxpass
    closed    close     VERB  VBN 4 ccomp
    .         .         PUNCT .   1 punct
"""


def test_an_object_that_names_the_kind_of_saying_is_part_of_the_cue(monkeypatch):
    """PolNeAR marks "released a statement saying" as the cue and what follows as the content."""
    monkeypatch.setattr(learned, "cue_model", SHIPPED_CUE_MODEL)  # "release" is a cue only to the model
    doc = hand_parsed("She released a statement saying that the plant is closed.", RELEASED_A_STATEMENT)
    assert cues_of(doc) == [("verb", "released a statement saying", "She", "that the plant is closed")]


def test_a_date_after_such_an_object_is_no_content(monkeypatch):
    monkeypatch.setattr(learned, "cue_model", SHIPPED_CUE_MODEL)
    doc = hand_parsed(
        "The ministry issued a statement on Monday.",
        """
        The       the       DET   DT  1 det
        ministry  ministry  NOUN  NN  2 nsubj
        issued    issue     VERB  VBD 2 ROOT
        a         a         DET   DT  4 det
        statement statement NOUN  NN  2 dobj
        on        on        ADP   IN  2 prep
        Monday    Monday    PROPN NNP 5 pobj  B-DATE
        .         .         PUNCT .   2 punct
    """,
    )
    assert all(content != "Monday" for _, _, _, content in cues_of(doc))


def test_a_manner_adverb_right_after_the_cue_verb_belongs_to_it():
    doc = hand_parsed(
        "Trump said sarcastically that the plant is closed.",
        """
        Trump         Trump         PROPN NNP 1 nsubj     B-PERSON
        said          say           VERB  VBD 1 ROOT
        sarcastically sarcastically ADV   RB  1 advmod
        that          that          SCONJ IN  7 mark
        the           the           DET   DT  5 det
        plant         plant         NOUN  NN  7 nsubjpass
        is            be            AUX   VBZ 7 auxpass
        closed        close         VERB  VBN 1 ccomp
        .             .             PUNCT .   1 punct
    """,
    )
    assert cues_of(doc) == [("verb", "said sarcastically", "Trump", "that the plant is closed")]


def test_a_hyphen_inside_a_source_is_no_dateline():
    """PolNeAR train: a "Florida-based ... strategist" source lost "Florida-" as if it were a dateline."""
    doc = hand_parsed(
        "Florida-based strategist Dana Kerr said the plant is closed.",
        """
        Florida    Florida    PROPN NNP  2  npadvmod B-GPE
        -          -          PUNCT HYPH 2  punct
        based      base       VERB  VBN  3  amod
        strategist strategist NOUN  NN   5  compound
        Dana       Dana       PROPN NNP  5  compound B-PERSON
        Kerr       Kerr       PROPN NNP  6  nsubj    I-PERSON
        said       say        VERB  VBD  6  ROOT
        the        the        DET   DT   8  det
        plant      plant      NOUN  NN   10 nsubjpass
        is         be         AUX   VBZ  10 auxpass
        closed     close      VERB  VBN  6  ccomp
        .          .          PUNCT .    6  punct
    """,
    )
    assert cues_of(doc) == [("verb", "said", "Florida-based strategist Dana Kerr", "the plant is closed")]
