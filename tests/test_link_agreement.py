"""Agreement (repeats, supports), updates and poll conflicts on pairs the rules once got wrong on real election news
(PolNeAR, 2016; issue 12, seeded audit ``benchmarks/audit.py``).

Every sentence is written for these tests: invented names, places and figures with the verbs, stances, numbers and
word order that misled the rules. Hand-built claims with the entities, modality, cues and numbers the analysis
gives them, so the relation rules are under test. Each wrong pair has a right twin that must keep its relation.
"""

from __future__ import annotations

from claimgraph.analysis_types import Quantity, TimeExpression
from claimgraph.link.relations import RuleJudge, agree, same_figures
from claimgraph.link.stance import leans_against
from link_fixtures import claim, doc, source, view

A = doc("a", "Harbor Gazette", "2016-02-04")
B = doc("b", "Coastline Wire", "2016-02-09")
JUDGE = RuleJudge()
CLOSE = 0.9  # as close as two claims of one cluster


def relation_type(a, b, score=CLOSE):
    found = JUDGE.relate(a, b, score)
    return found.type if found else None


def quoted(document, n, content, speaker, cue, **kw):
    """A claim ``speaker`` is cited for with ``cue`` ("calls", "has attacked"), as the analysis attributes it."""
    c = claim(n, document.id, content, cited=("s0",), **kw)
    c.attribution[0].cue = cue
    return view(document, c, [source("s0", speaker, "person")])


def figure(text: str, written: str, value: float, unit: str, qualifier: str | None = None) -> Quantity:
    at = text.index(written)
    return Quantity((at, at + len(written)), written, value, qualifier, unit)


# -- stance ---------------------------------------------------------------------------------------------------
def test_calling_a_plan_foolish_does_not_support_it():
    idea = quoted(A, 1, "the idea of digging a canal between Norland and Westmark", "Ames", "often takes credit for")
    scorn = quoted(B, 1, "Ames' idea for a canal 'foolish', 'pointless", "Holt", "calls", entities=("person:ames",))
    assert leans_against(scorn) and not leans_against(idea)
    assert relation_type(idea, scorn) not in ("supports", "repeats")
    backing = quoted(B, 2, "Ames' proposal to dig a canal along the Westmark coast", "Brook", "vouched for")
    assert relation_type(idea, backing) in ("supports", "repeats")


def test_two_attacks_on_one_thing_agree():
    first = quoted(
        A, 1, "Voss for accepting campaign gifts and lecture fees from harbour firms", "Holt", "has criticized"
    )
    second = quoted(
        B,
        1,
        "Voss time and again for her close ties with the harbour and her acceptance of campaign gifts and lecture fees",
        "Brook",
        "has attacked",
    )
    assert leans_against(first) and leans_against(second)
    assert relation_type(first, second) in ("supports", "repeats")


def test_words_that_state_facts_are_no_stance():
    for content in (
        "she was convicted of reckless driving last year",
        "the files in question were sent to the court",
        "a terrible accident closed the coast road",
        "the body of the former mayor is lying in state",
    ):
        assert not leans_against(quoted(A, 1, content, "the police", "said")), content
    assert leans_against(quoted(A, 2, "Ames' judgment is in question because of the files", "Holt", "said"))
    assert leans_against(view(A, claim(3, A.id, "Ames' idea for a canal is foolish")))  # an opinion in own voice


# -- figures --------------------------------------------------------------------------------------------------
def test_two_different_sums_of_one_kind_do_not_agree():
    spent = "A fund backing Ames, the Harbour Action Fund, led the way, dropping $3.2 million on such ads."
    swapped = "The fund replaced more than $600,000 worth of planned Westmark ads backing Ames with ads opposing Brook"
    a = view(A, claim(1, A.id, spent, quantities=(figure(spent, "$3.2 million", 3.2e6, "USD"),)))
    b = view(
        B,
        claim(1, B.id, swapped, quantities=(figure(swapped, "more than $600,000", 6e5, "worth", "more than"),)),
    )
    assert same_figures(a, b) is False
    assert relation_type(a, b) not in ("supports", "repeats")


def test_a_polls_share_of_one_candidate_is_not_anothers_result():
    """Any two figures of one unit that happen to match ("22 percent" / "22.4 percent") are no agreement: a
    share is one figure only with the same owner."""
    poll = "that 29 percent of likely caucusgoers backed Mr. Holt, while 22 percent favored Mr. Ames"
    result = "Senator Lena Brook finished a strong third, with 22.4 percent of the vote."
    a = view(
        A,
        claim(
            1,
            A.id,
            poll,
            entities=("person:holt", "person:ames"),
            quantities=(figure(poll, "29 percent", 29, "percent"), figure(poll, "22 percent", 22, "percent")),
        ),
    )
    b = view(
        B,
        claim(
            1,
            B.id,
            result,
            entities=("person:lena brook",),
            quantities=(figure(result, "22.4 percent", 22.4, "percent"),),
        ),
    )
    assert same_figures(a, b) is False
    assert relation_type(a, b) not in ("supports", "repeats")


def test_the_same_result_told_twice_agrees():
    first = "Voss had 49.7 percent to Haller's 49.4 percent."
    second = "Voss had received 49.71 percent while Haller received 49.42 percent"
    people = ("person:voss", "person:haller")
    a = view(
        A,
        claim(
            1,
            A.id,
            first,
            entities=people,
            quantities=(figure(first, "49.7 percent", 49.7, "percent"), figure(first, "49.4 percent", 49.4, "percent")),
        ),
    )
    b = view(
        B,
        claim(
            1,
            B.id,
            second,
            entities=people,
            quantities=(
                figure(second, "49.71 percent", 49.71, "percent"),
                figure(second, "49.42 percent", 49.42, "percent"),
            ),
        ),
    )
    assert same_figures(a, b) is True
    assert relation_type(a, b) in ("supports", "repeats")


def test_a_polls_support_and_an_averages_support_do_not_conflict_unless_one_pollster():
    one = "On the party's stage, Ames continues to lead the field with 41 percent support."
    average = "In an average calculated by PollTrack, Ames leads the field with 35 percent support, and Holt is at 19."
    a = view(A, claim(1, A.id, one, entities=("person:ames",), quantities=(figure(one, "41 percent", 41, "support"),)))
    b = view(
        B,
        claim(
            1,
            B.id,
            average,
            entities=("org:polltrack", "person:ames", "person:holt"),
            quantities=(figure(average, "35 percent", 35, "support"),),
        ),
    )
    assert relation_type(a, b) != "conflicts"
    same_pollster = "In a PollTrack survey, Ames continues to lead the field with 41 percent support."
    c = view(
        A,
        claim(
            2,
            A.id,
            same_pollster,
            entities=("org:polltrack", "person:ames"),
            quantities=(figure(same_pollster, "41 percent", 41, "support"),),
        ),
    )
    assert relation_type(c, b) == "conflicts"


# -- the same predicate ---------------------------------------------------------------------------------------
def test_titles_and_numbers_in_common_are_no_shared_predicate():
    advisers = (
        "Advisers to three remaining mainstream candidates - former Westmark governor Dan Holt, Gov. Lena Brook "
        "and Sen. Paul Okafor - discount either of those outcomes."
    )
    polls = (
        "Three mainstream conservative candidates - Gov. Lena Brook, Dan Holt and Sen. Paul Okafor - have all "
        "been clustered near 9 percent of the vote in Westmark surveys."
    )
    people = ("person:dan holt", "person:lena brook", "person:paul okafor", "gpe:westmark")
    a = view(A, claim(1, A.id, advisers, entities=people))
    b = view(B, claim(1, B.id, polls, entities=people))
    assert not agree(a, b) and relation_type(a, b) not in ("supports", "repeats")
    tie = view(
        A,
        claim(
            2,
            A.id,
            "Sen. Paul Okafor and former governor Lena Brook finished all but level among liberals",
            entities=people,
        ),
    )
    led = view(
        B,
        claim(2, B.id, "Sen. Paul Okafor has led former governor Lena Brook in every poll this year", entities=people),
    )
    assert relation_type(tie, led) not in ("supports", "repeats")


def test_two_forecasts_agree_only_on_the_same_happening():
    fade = view(
        A,
        claim(
            1,
            A.id,
            "that the row would die down once the spring races started and a general election drew near",
            modality="planned",
        ),
    )
    meet = view(B, claim(1, B.id, "that they could be meeting in the general election", modality="hedged"))
    assert relation_type(fade, meet) not in ("supports", "repeats")
    great = view(
        A,
        claim(2, A.id, '"We will turn this town around. We will make the harbour great."', modality="expected"),
    )
    deals = view(B, claim(2, B.id, '"We will make the deals for the dock workers."', modality="expected"))
    assert relation_type(great, deals) not in ("supports", "repeats")
    rise = view(
        A,
        claim(
            3,
            A.id,
            "He is far ahead in Westmark, and so he should get a fair chance to rebound.",
            modality="expected",
        ),
    )
    again = view(B, claim(3, B.id, "Holt will rebound in Westmark.", modality="expected", entities=("person:holt",)))
    assert relation_type(rise, again) in ("supports", "repeats")


def test_one_verb_or_three_topic_words_shared_with_a_long_sentence_are_not_agreement():
    path = view(
        A,
        claim(
            1,
            A.id,
            "That path would begin with Sen. Lena Brook defeating Holt in this town on Monday evening, riding it to "
            "finish second behind Holt in Westmark and then turn the southern contests into a two-way race.",
            entities=("person:lena brook", "person:holt", "gpe:westmark"),
        ),
    )
    defeated = view(
        B,
        claim(
            1,
            B.id,
            "Eastmark Sen. Lena Brook managed to stall, at least for now, the movement that has led the party's race "
            "so far, defeating Dan Holt in the opening caucuses Monday.",
            entities=("gpe:eastmark", "person:lena brook", "person:dan holt"),
        ),
    )
    assert relation_type(path, defeated) not in ("supports", "repeats")
    lead = view(
        A,
        claim(
            2,
            A.id,
            "Heading into Tuesday's Westmark primary, the front-runner's lead for the presidential nomination "
            "among party voters nationwide has virtually disappeared.",
            entities=("gpe:westmark", "person:lena brook", "person:paul okafor"),
        ),
    )
    victory = view(
        B,
        claim(
            2,
            B.id,
            "Sen. Paul Okafor won a clear victory in Tuesday's Westmark presidential primary, humbling "
            "Lena Brook in a state she carried twelve years back and shaking up the nominating contest.",
            entities=("gpe:westmark", "person:lena brook", "person:paul okafor"),
        ),
    )
    assert relation_type(lead, victory) not in ("supports", "repeats")
    won = view(
        A,
        claim(3, A.id, "Sen. Paul Okafor won the Westmark caucus.", entities=("person:paul okafor", "gpe:westmark")),
    )
    again = view(
        B,
        claim(
            3,
            B.id,
            "Debater-turned-senator Paul Okafor, whom even his colleagues dislike, won the caucuses.",
            entities=("person:paul okafor",),
        ),
    )
    assert relation_type(won, again) in ("supports", "repeats")


def test_a_paragraph_agrees_only_as_a_whole_copy():
    paragraph = view(
        A,
        claim(
            1,
            A.id,
            "WESTMARK POLLS NOT WRONG, JUST EARLY - Two analysts: \u201cAlthough the polls failed to predict "
            "Brook's win on Monday, they were not far off. They simply stopped too soon. Holt lost five percentage "
            "points in the last week. Beyond the real challenges that polling faces, late shifts among voters have "
            "troubled polls there for years.\u201d",
            negated=True,
            entities=("gpe:westmark", "person:brook"),
        ),
    )
    top = view(
        B,
        claim(
            1,
            B.id,
            "Dan Holt led every one of the last 8 polls in Westmark, but his six-point edge in polling "
            "averages turned into a two-point defeat by Lena Brook.",
            entities=("person:dan holt", "gpe:westmark", "person:lena brook"),
        ),
    )
    assert relation_type(paragraph, top) not in ("supports", "repeats")
    quote = '"We have travelled a long road in nine months. We are going to win the U.S. Senate seat."'
    again = view(B, claim(2, B.id, quote.replace("long road", "very long road")))
    assert relation_type(view(A, claim(2, A.id, quote)), again) in ("supports", "repeats")


def test_a_relative_clause_about_someone_else_is_not_the_predicate():
    doubt = view(
        A,
        claim(
            1,
            A.id,
            "Governor Lena Brook's judgment and candour are in question over the way she kept secret files "
            "on a private email server",
            entities=("person:lena brook",),
        ),
    )
    beside = view(
        B,
        claim(
            1,
            B.id,
            "they do not seek to avoid being seen beside Lena Brook, who has been hurt by the inquiry into how she "
            "kept secret files on a private email server",
            negated=True,
            entities=("person:lena brook",),
        ),
    )
    assert relation_type(doubt, beside) not in ("supports", "repeats")


def test_a_shared_breakfast_in_a_leading_clause_still_agrees():
    plan = view(
        A,
        claim(
            1,
            A.id,
            "Following a breakfast with union organiser and radio host Al Dorsey, Holt is set to appear "
            "on two evening shows.",
            modality="planned",
            entities=("person:al dorsey", "person:holt"),
        ),
    )
    done = view(
        B,
        claim(
            1,
            B.id,
            "Wednesday morning, Holt had breakfast in Port Aldren with Al Dorsey, a union organiser who presents "
            "a radio show.",
            entities=("person:al dorsey", "person:holt", "gpe:port aldren"),
        ),
    )
    assert relation_type(plan, done) == "supports"


# -- polarity and questions -----------------------------------------------------------------------------------
def test_a_negated_outcome_does_not_support_a_share():
    won = view(
        A,
        claim(
            1,
            A.id,
            "Meanwhile, the two earlier winners in Westmark, Dan Holt and Lena Brook, won just 4 percent between them.",
            entities=("gpe:westmark", "person:dan holt", "person:lena brook"),
        ),
    )
    nominee = view(
        B,
        claim(
            1,
            B.id,
            "The last two winners, Holt in 2004 and Lena Brook in 2008, didn't go on to be the nominee.",
            negated=True,
            entities=("person:dan holt", "person:lena brook"),
        ),
    )
    assert relation_type(won, nominee) not in ("supports", "repeats")


def test_a_question_put_asserts_nothing():
    asked = quoted(A, 1, "who their favourite speaker was on the first night of the congress", "voters", "asked")
    night = view(
        B,
        claim(
            1,
            B.id,
            "It was Ames' night at the congress, another prime speaking slot for him.",
            entities=("person:ames",),
        ),
    )
    assert JUDGE.relate(asked, night) is None


# -- updates --------------------------------------------------------------------------------------------------
def test_a_shared_word_that_is_not_the_pending_event_is_no_update():
    story = view(
        A,
        claim(
            1,
            A.id,
            'The pro-Okafor pitch will say that, as the "establishment" hopeful who fared best, he is well placed '
            "to gather support behind him.",
            modality="expected",
            entities=("person:okafor",),
        ),
    )
    placed = view(
        B,
        claim(
            1,
            B.id,
            "Okafor, Holt and Brook established their standing with their Westmark placements.",
            entities=("person:okafor", "person:holt", "person:brook"),
        ),
    )
    assert relation_type(story, placed) != "updates"


def test_two_forecasts_that_differ_are_no_update():
    refuse = quoted(
        A,
        1,
        '"Norlanders, we will not be paying a single cent for such a foolish canal,"',
        "Ruiz",
        "told",
        modality="expected",
        negated=True,
        entities=("gpe:norland",),
    )
    force = quoted(B, 1, "he'd force Norland to pay for the canal", "Ames", "assured", entities=("gpe:norland",))
    assert relation_type(refuse, force) is None


def test_a_forecast_whose_date_dates_another_win_is_updated_by_status_not_by_date():
    last_week = "Holt is expected to win after Brook's narrow win in Westmark last week"
    a_claim = claim(1, A.id, last_week, modality="expected", entities=("person:holt", "person:brook", "gpe:westmark"))
    at = last_week.index("last week")
    a_claim.time = TimeExpression((at, at + 9), "last week", "DATE", "2016-W05", "2016-02-01", "2016-02-07")
    won = "Holt won the Eastmark primary Tuesday, defeating Brook."
    b_claim = claim(1, B.id, won, entities=("person:holt", "person:brook", "gpe:eastmark"))
    at = won.index("Tuesday")
    b_claim.time = TimeExpression((at, at + 7), "Tuesday", "DATE", "2016-02-09", "2016-02-09", "2016-02-09")
    found = JUDGE.relate(view(A, a_claim), view(B, b_claim), CLOSE)
    assert found is not None and found.type == "updates"
    assert found.why.startswith("status moved from expected"), found.why


# -- conflicts ------------------------------------------------------------------------------------------------
UNDATED_A = doc("ua", None, None)
UNDATED_B = doc("ub", None, None)


def test_counts_of_undated_reports_with_no_time_neither_conflict_nor_update():
    season = "Okafor had 31 goals and 118 assists in his best season with the Harbour club."
    spell = "After joining the Harbour club in spring, Okafor scored 12 goals in 40 games."
    counts = (figure(season, "31 goals", 31, "goals"),)
    a = view(UNDATED_A, claim(1, UNDATED_A.id, season, entities=("person:okafor",), quantities=counts))
    b = view(
        UNDATED_B,
        claim(
            1, UNDATED_B.id, spell, entities=("person:okafor",), quantities=(figure(spell, "12 goals", 12, "goals"),)
        ),
    )
    assert relation_type(a, b) is None
    dated_a = view(A, claim(2, A.id, season, entities=("person:okafor",), quantities=counts))
    dated_b = view(
        A, claim(3, A.id, spell, entities=("person:okafor",), quantities=(figure(spell, "12 goals", 12, "goals"),))
    )
    assert relation_type(dated_a, dated_b) == "conflicts"  # one report date: told as the same moment


def test_a_side_of_a_record_or_of_a_fraction_counts_nothing_alone():
    record = "Holt's stubbornness got him fired in spite of a 44 - 38 record and a trip back to the finals."
    again = "Holt did lead the club to a 44 - 38 record and a finals berth."
    a = view(
        A, claim(1, A.id, record, entities=("person:holt",), quantities=(figure(record, "38 record", 38, "record"),))
    )
    b = view(A, claim(2, A.id, again, entities=("person:holt",), quantities=(figure(again, "44", 44, "record"),)))
    assert relation_type(a, b) != "conflicts"
    thrown = "final numbers: Brook landed 171 of 362 punches thrown"
    landed = "Brook: 171 punches to just 28 for Holt"
    c = view(
        A,
        claim(3, A.id, thrown, entities=("person:brook",), quantities=(figure(thrown, "362 punches", 362, "punches"),)),
    )
    d = view(
        A,
        claim(4, A.id, landed, entities=("person:brook",), quantities=(figure(landed, "171 punches", 171, "punches"),)),
    )
    assert relation_type(c, d) != "conflicts"


def test_right_now_in_two_reports_dates_no_happening_twice():
    now_a = '"My client is settled in that clinic right now,"'
    now_b = '"My client is settled in that clinic right now,"'
    ca, cb = claim(1, A.id, now_a), claim(1, B.id, now_b)
    at = now_a.index("right now")
    ca.time = TimeExpression((at, at + 9), "right now", "DATE", "PRESENT_REF", "2016-02-04", "2016-02-04")
    cb.time = TimeExpression((at, at + 9), "right now", "DATE", "PRESENT_REF", "2016-02-09", "2016-02-09")
    assert relation_type(view(A, ca), view(B, cb)) != "conflicts"


def test_a_not_that_moved_is_no_opposite():
    felt = view(A, claim(1, A.id, '"I didn\'t feel on the court we were running the system we wanted,"', negated=True))
    feel = view(B, claim(1, B.id, '"I feel on the court we weren\'t running the system that we want,"'))
    assert relation_type(felt, feel) != "conflicts"


def test_not_done_against_a_plan_or_talks_is_no_contradiction():
    helming = view(
        UNDATED_A,
        claim(
            1,
            UNDATED_A.id,
            "Her producer, Dan Holt, is going to be helming the third film of the saga.",
            modality="expected",
            entities=("person:dan holt",),
        ),
    )
    never = view(
        UNDATED_B,
        claim(
            1,
            UNDATED_B.id,
            "Holt has not helmed a film like it before but has made two comedies.",
            negated=True,
            entities=("person:dan holt",),
        ),
    )
    assert relation_type(helming, never) != "conflicts"
    talks = view(
        A,
        claim(
            2, A.id, "that director Lena Brook is still in talks to direct the sequel", entities=("person:lena brook",)
        ),
    )
    not_back = view(
        B,
        claim(
            2,
            B.id,
            "Lena Brook would certainly not come back to direct the sequel",
            modality="expected",
            negated=True,
            entities=("person:lena brook",),
        ),
    )
    assert relation_type(talks, not_back) != "conflicts"
    won = view(A, claim(3, A.id, "Voss won the Westmark primary", entities=("person:voss",)))
    lost = view(B, claim(3, B.id, "Voss did not win the Westmark primary", negated=True, entities=("person:voss",)))
    assert relation_type(won, lost) == "conflicts"
