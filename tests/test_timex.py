"""Time expressions: TIMEX3 values resolved against the publication date, unknown anchors, seeds, odd input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from claimgraph.analysis_types import Analysis, Attribution, Claim, TimeExpression
from claimgraph.analyze.timex import UNKNOWN_ANCHOR_NOTE, claim_time, find_times
from conftest import shared_data

ANCHOR = "2025-02-08"  # a Saturday

# (sentence, expression text, type, value, start, end, mod)
KINDS = [
    (
        "On Thursday, the ministry said the plant had opened.",
        "Thursday",
        "DATE",
        "2025-02-06",
        "2025-02-06",
        "2025-02-06",
        None,
    ),
    ("The ministry will decide on Thursday.", "Thursday", "DATE", "2025-02-13", "2025-02-13", "2025-02-13", None),
    ("Talks collapsed last month.", "last month", "DATE", "2025-01", "2025-01-01", "2025-01-31", None),
    ("The treaty was signed last June.", "last June", "DATE", "2024-06", "2024-06-01", "2024-06-30", None),
    ("Troops were deployed last fall.", "last fall", "DATE", "2024-FA", "2024-09-01", "2024-11-30", None),
    ("Production begins this year.", "this year", "DATE", "2025", "2025-01-01", "2025-12-31", None),
    ("The offensive began six months ago.", "six months ago", "DATE", "2024-08", "2024-08-01", "2024-08-31", None),
    ("The offensive lasted six months.", "six months", "DURATION", "P6M", None, None, None),
    ("Fighting resumed in early February.", "early February", "DATE", "2025-02", "2025-02-01", "2025-02-09", "START"),
    (
        "As of early February, 8,000 soldiers were there.",
        "early February",
        "DATE",
        "2025-02",
        "2025-02-01",
        "2025-02-09",
        "START",
    ),
    ("NHK reported on Feb. 8 that talks went on.", "Feb. 8", "DATE", "2025-02-08", "2025-02-08", "2025-02-08", None),
    (
        "The incursion launched on Aug. 6 on 2024.",
        "Aug. 6 on 2024",
        "DATE",
        "2024-08-06",
        "2024-08-06",
        "2024-08-06",
        None,
    ),
    ("The incursion launched on Aug. 6, 2024.", "Aug. 6, 2024", "DATE", "2024-08-06", "2024-08-06", "2024-08-06", None),
    ("Cooperation grew in recent years.", "recent years", "DATE", "PAST_REF", None, None, None),
    ("The drones are now produced locally.", "now", "DATE", "PRESENT_REF", ANCHOR, ANCHOR, None),
    ("Instructors are currently stationed there.", "currently", "DATE", "PRESENT_REF", ANCHOR, ANCHOR, None),
    ("The minister resigned yesterday.", "yesterday", "DATE", "2025-02-07", "2025-02-07", "2025-02-07", None),
    ("The summit opens next week.", "next week", "DATE", "2025-W07", "2025-02-10", "2025-02-16", None),
    ("The pact was signed in 2024.", "2024", "DATE", "2024", "2024-01-01", "2024-12-31", None),
    ("The programme dates from the 1990s.", "the 1990s", "DATE", "199", "1990-01-01", "1999-12-31", None),
    ("The bulletin is published weekly.", "weekly", "SET", "P1W", None, None, None),
    ("The line should be ready by mid-2025.", "mid-2025", "DATE", "2025", "2025-05-02", "2025-09-01", "MID"),
    ("Output fell in the first quarter.", "the first quarter", "DATE", "2025-Q1", "2025-01-01", "2025-03-31", None),
    ("They meet tomorrow morning.", "tomorrow morning", "TIME", "2025-02-09TMO", "2025-02-09", "2025-02-09", None),
    ("The order was dated 2025-02-03.", "2025-02-03", "DATE", "2025-02-03", "2025-02-03", "2025-02-03", None),
    (
        "The blast came at 10:35 a.m. yesterday.",
        "10:35 a.m. yesterday",
        "TIME",
        "2025-02-07T10:35",
        "2025-02-07",
        "2025-02-07",
        None,
    ),
    ("The council meets every Thursday.", "every Thursday", "SET", "XXXX-WXX-4", None, None, None),
    (
        "Prices rose about two weeks ago.",
        "about two weeks ago",
        "DATE",
        "2025-W04",
        "2025-01-20",
        "2025-01-26",
        "APPROX",
    ),
    ("The plant will open next spring.", "next spring", "DATE", "2025-SP", "2025-03-01", "2025-05-31", None),
    (
        "Sales fell in the third quarter of 2024.",
        "the third quarter of 2024",
        "DATE",
        "2024-Q3",
        "2024-07-01",
        "2024-09-30",
        None,
    ),
]


def only(text: str, anchor: str | None = ANCHOR) -> TimeExpression:
    found = find_times(text, anchor)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


@pytest.mark.parametrize("sentence,expr,type_,value,start,end,mod", KINDS, ids=[k[1] for k in KINDS])
def test_each_expression_kind_resolves_against_the_anchor(sentence, expr, type_, value, start, end, mod):
    t = only(sentence)
    assert (t.text, t.type, t.value, t.start, t.end, t.mod) == (expr, type_, value, start, end, mod)
    assert sentence[t.span[0] : t.span[1]] == t.text


def test_relative_expressions_say_how_they_were_anchored():
    t = only("On Thursday, the ministry said the plant had opened.")
    assert "2025-02-08" in t.note and "most recent" in t.note
    assert only("The pact was signed on Aug. 6, 2024.").note is None  # absolute: nothing to explain


@pytest.mark.parametrize(
    "sentence,value",
    [
        ("The treaty was signed last June.", "XXXX-06"),
        ("On Thursday, the ministry said the plant had opened.", "XXXX-WXX-4"),
        ("The minister resigned yesterday.", "XXXX-XX-XX"),
        ("Production begins this year.", "XXXX"),
        ("Troops were deployed last fall.", "XXXX-FA"),
        ("NHK reported on Feb. 8 that talks went on.", "XXXX-02-08"),
        ("Talks collapsed last month.", "XXXX-XX"),
    ],
)
@pytest.mark.parametrize("anchor", [None, "", "not a date", "2025-13-45"])
def test_unknown_anchor_leaves_relative_values_unresolved(sentence, value, anchor):
    t = only(sentence, anchor)
    assert t.value == value
    assert (t.start, t.end) == (None, None)
    assert t.note == UNKNOWN_ANCHOR_NOTE and "publication date unknown" in t.note


def test_unknown_anchor_still_resolves_absolute_dates_and_durations():
    found = {t.text: t for t in find_times("The incursion launched on Aug. 6, 2024 and lasted six months.", None)}
    assert found["Aug. 6, 2024"].value == "2024-08-06" and found["Aug. 6, 2024"].start == "2024-08-06"
    assert found["six months"].value == "P6M"


def test_anchor_with_time_part_is_read_as_its_date():
    assert only("The minister resigned yesterday.", "2025-02-08T14:30:00+02:00").value == "2025-02-07"


def test_bare_month_follows_tense():
    # in February, a past-tense "June" is last June, a future-tense one next June
    assert only("The plant opened in June.").value == "2024-06"
    assert only("The plant will open in June.").value == "2025-06"
    assert find_times("May I ask? Nobody knows.", ANCHOR) == []  # "May" the verb


def test_reported_quarter_frames_a_year_earlier():
    found = find_times("Profit rose in the third quarter. A year earlier it had fallen.", "1989-10-26")
    assert [(t.text, t.value) for t in found] == [("the third quarter", "1989-Q3"), ("A year earlier", "1988-Q3")]


def test_verbs_and_fractions_are_not_times():
    text = "Prices may fall. A quarter of the staff left. He was 52 years old. The $1,990 fee stands."
    assert find_times(text, ANCHOR) == []


# ---------------------------------------------------------------- the seed report


@pytest.fixture(scope="module")
def seed003() -> str:
    return next(shared_data("seeds").glob("003_*.txt")).read_text(encoding="utf-8")


def test_seed_report_expressions(seed003):
    found = {t.text: t for t in find_times(seed003, "2025-02-09")}
    expected = {
        "June 19, 2024": "2024-06-19",
        "this year": "2025",
        "Feb. 8": "2025-02-08",
        "last year": "2024",
        "early February": "2025-02",
        "last fall": "2024-FA",
        "six months ago": "2024-08",
        "Aug. 6 on 2024": "2024-08-06",
        "2022": "2022",
        "two years": "P2Y",
    }
    assert {text: found[text].value for text in expected if text in found} == expected
    assert found["early February"].mod == "START"
    for t in found.values():
        assert seed003[t.span[0] : t.span[1]] == t.text


def _claim(text: str, content: str, cue: str | None = None) -> Claim:
    c0 = text.index(content)
    attribution = []
    if cue:
        k = text.index(cue)
        attribution = [Attribution(source="s0", cue=cue, cue_span=(k, k + len(cue)), source_span=None)]
    return Claim(
        id="d-c0",
        span=(0, len(text)),
        text=text,
        content=content,
        content_span=(c0, c0 + len(content)),
        attribution=attribution,
    )


def _sentence(seed: str, start: str) -> str:
    i = seed.index(start)
    return seed[i : seed.index("\n", i)]


def test_claim_time_is_the_content_time_not_the_report_time(seed003):
    text = _sentence(seed003, "North Korea is expected")
    claim = _claim(text, text[: text.index(", Japanese public broadcaster")], cue="reported")
    t = claim_time(claim, find_times(text, "2025-02-09"))
    assert (t.text, t.value) == ("this year", "2025")


def test_claim_time_as_of_and_deployment_times(seed003):
    text = _sentence(seed003, "As of early February")
    claim = _claim(text, text[: text.index(", according to")], cue="according to")
    assert claim_time(claim, find_times(text, "2025-02-09")).value == "2025-02"
    text = _sentence(seed003, "Up to 12,000")
    t = claim_time(_claim(text, text), find_times(text, "2025-02-09"))
    assert (t.text, t.value) == ("last fall", "2024-FA")


def test_claim_time_takes_the_finer_date_in_apposition(seed003):
    text = _sentence(seed003, "Up to 12,000")
    content = text[text.index("a Ukrainian incursion") :].rstrip(".")  # to the end of the sentence
    t = claim_time(_claim(text, content), find_times(text, "2025-02-09"))
    assert (t.text, t.value) == ("Aug. 6 on 2024", "2024-08-06")


def test_claim_time_falls_back_to_the_reporting_time_only_when_nothing_else():
    text = "Officials reported on Feb. 8 that the plant is operating."
    claim = _claim(text, "the plant is operating", cue="reported")
    assert claim_time(claim, find_times(text, ANCHOR)).text == "Feb. 8"
    text = "Officials reported on Feb. 8 that the plant opened last month."
    claim = _claim(text, "the plant opened last month", cue="reported")
    assert claim_time(claim, find_times(text, ANCHOR)).text == "last month"
    text = "The plant is operating."
    assert claim_time(_claim(text, text), find_times(text, ANCHOR)) is None


def test_claim_time_prefers_a_date_over_a_duration():
    text = "The siege, which lasted six months, ended in March 2024."
    t = claim_time(_claim(text, text), find_times(text, ANCHOR))
    assert t.value == "2024-03"


def test_same_result_with_a_real_spacy_parse(seed003):
    from claimgraph.analyze import nlp
    from claimgraph.config import Settings

    parsed = nlp.load(Settings().spacy_model)(seed003)
    assert find_times(seed003, "2025-02-09", parsed) == find_times(seed003, "2025-02-09")


def test_mod_survives_the_analysis_round_trip():
    times = find_times("As of early February, fighting went on.", ANCHOR)
    back = Analysis.from_dict(Analysis(document="d1", analyzer="t", times=times).to_dict())
    assert back.times == times and back.times[0].mod == "START"


# ---------------------------------------------------------------- odd input


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "🚀🔥 " * 500,
        "\x00\x01\x02 binary \xff\ufffd",
        "<script>alert('Feb. 8')</script>",
        "قال المتحدث يوم الخميس إن المحادثات ستستمر ‏الشهر المقبل‏",
        "הדובר אמר ביום חמישי",
        "Am 8. Februar 2025 sagte der Sprecher, dass die Gespräche letzten Monat begannen.",
        "В четверг, 6 февраля 2025 года, представитель заявил",
        "2025-99-99 13/45/2025 31/02/2024 Feb. 30",
        "9" * 5000,
        "year " * 2000,
        "the the the quarter quarter of of",
    ],
)
def test_odd_input_never_crashes(text):
    for t in find_times(text, ANCHOR) + find_times(text, None):
        assert text[t.span[0] : t.span[1]] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value


def test_impossible_dates_are_dropped():
    assert find_times("on Feb. 30 and 2025-02-30 and 13/45/2025", ANCHOR) == []


def test_hundred_thousand_words(seed003):
    paragraph = " ".join(seed003.split())
    per_paragraph = len(find_times(paragraph, "2025-02-09"))
    copies = 100_000 // len(paragraph.split()) + 1
    wall = "\n".join([paragraph] * copies)
    found = find_times(wall, "2025-02-09")
    assert len(found) == per_paragraph * copies  # same expressions in every copy: nothing lost, nothing merged


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(max_size=400),
    year=st.integers(min_value=1, max_value=9999),
    month=st.integers(1, 12),
    pick=st.booleans(),
)
def test_fuzzed_text_gives_valid_spans(text, year, month, pick):
    anchor = f"{year:04d}-{month:02d}-01" if pick else None
    probe = text + " last June, next week, six months ago, early February, the 1990s, Thursday"
    found = find_times(probe, anchor)
    last_end = 0
    for t in found:
        assert last_end <= t.span[0] < t.span[1] <= len(probe)
        assert probe[t.span[0] : t.span[1]] == t.text
        assert (t.start is None) == (t.end is None)
        if t.start:
            assert t.start <= t.end
        last_end = t.span[1]


@pytest.mark.parametrize(
    "anchor, sentence, expected",
    [
        ("2025-02-10", "The first trainset is planned to leave the factory in May, Rusk said.", "2025-05"),
        ("2025-05-20", "He said that the trainset would now be delivered in September.", "2025-09"),
        ("2025-05-20", "The trainset will not leave the works in May as planned, the minister said.", "2025-05"),
        ("2025-02-10", "The plant is due to open in March, officials told reporters.", "2025-03"),
        ("2025-02-10", "The line is expected to begin work in June.", "2025-06"),
        ("2025-02-10", "Production began in May, he said.", "2024-05"),
    ],
)
def test_reporting_verbs_do_not_decide_the_tense_of_what_is_reported(anchor, sentence, expected):
    (month,) = [t for t in find_times(sentence, anchor) if t.text in ("May", "June", "March", "September")]
    assert month.value == expected


def test_claim_time_prefers_the_main_clause_to_a_relative_clause():
    from claimgraph.analyze import nlp
    from claimgraph.config import Settings

    text = "The factory, which opened in 2023, will produce 6,000 drones a year by 2026, according to the report."
    parsed = nlp.load(Settings().spacy_model)(text)
    claim = _claim(text, text[: text.index(", according to")], cue="according to")
    times = find_times(text, "2025-02-09", parsed)
    assert claim_time(claim, times, parsed).value == "2026"
    assert claim_time(claim, times).value == "2023"  # without the parse: the earlier date
    # a content that is the relative clause itself keeps its own time
    inner = _claim(text, "which opened in 2023")
    assert claim_time(inner, times, parsed).value == "2023"
