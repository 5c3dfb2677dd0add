"""RuleJudge on hand-built claims: each relation type with a reason a reader can check."""

from __future__ import annotations

from claimgraph.analysis_types import Quantity
from claimgraph.link.relations import RelationJudge, RuleJudge
from link_fixtures import claim, doc, source, view, when

MERIDIAN = doc("m", "Meridian", "2025-01-14")
LEDGER = doc("l", "Northern Ledger", "2025-01-16")
MINISTRY = doc("t", "Transport Ministry", "2025-02-03")
GAZETTE = doc("g", "Harbor Gazette", "2025-02-10")
WIRE = doc("w", "Coastline Wire", "2025-05-20")
JUDGE: RelationJudge = RuleJudge()


def test_expected_then_done_is_an_update_ordered_by_report_time():
    a = view(LEDGER, claim(1, LEDGER.id, "Valdoria will start building trains", modality="expected"))
    b = view(MINISTRY, claim(1, MINISTRY.id, "Production of trains has started"))
    rel = JUDGE.relate(a, b)
    assert rel.type == "updates"
    assert rel.why == (
        "status moved from expected (Northern Ledger, 2025-01-16) to done (Transport Ministry, 2025-02-03)"
    )


def test_denial_against_a_statement_conflicts():
    ministry = source("s0", "Kestria's foreign ministry", "government")
    a = view(MERIDIAN, claim(1, MERIDIAN.id, "300 engineers were sent to Port Aldren"))
    b = view(
        LEDGER, claim(1, LEDGER.id, "engineers had been sent to Valdoria", modality="denied", cited=("s0",)), [ministry]
    )
    rel = JUDGE.relate(a, b)
    assert rel.type == "conflicts"
    assert "denied (Kestria's foreign ministry, 2025-01-16)" in rel.why and "done (Meridian, 2025-01-14)" in rel.why


def test_different_numbers_for_the_same_time_conflict():
    feb = when("early February", "2025-02", "2025-02-01", "2025-02-10")
    a = view(
        MINISTRY,
        claim(
            1,
            MINISTRY.id,
            "Up to 450 engineers are working at the plant",
            quantities=(Quantity((0, 6), "up to 450", 450, "up to", "Kestrian engineers"),),
        ),
    )
    b = view(
        GAZETTE,
        claim(
            1,
            GAZETTE.id,
            "no more than 200 engineers were at the plant",
            time=feb,
            quantities=(Quantity((0, 6), "no more than 200", 200, "no more than", "engineers"),),
        ),
    )
    rel = JUDGE.relate(a, b)
    assert rel.type == "conflicts"
    assert "no more than 200 engineers" in rel.why and "up to 450 Kestrian engineers" in rel.why
    assert rel.why.endswith("for the same time")


def test_a_forecast_number_superseded_by_a_later_count_is_an_update():
    a = view(
        MERIDIAN,
        claim(
            1,
            MERIDIAN.id,
            "About 300 engineers will be sent",
            modality="expected",
            quantities=(Quantity((0, 9), "About 300", 300, "about", "engineers"),),
        ),
    )
    b = view(
        MINISTRY,
        claim(
            1,
            MINISTRY.id,
            "Up to 450 engineers are working",
            quantities=(Quantity((0, 9), "Up to 450", 450, "up to", "engineers"),),
        ),
    )
    rel = JUDGE.relate(a, b)
    assert rel.type == "updates" and "About 300 engineers expected" in rel.why and "Up to 450 engineers" in rel.why


def test_counts_at_two_dated_moments_are_an_update_not_a_conflict():
    jan = when("in January", "2025-01", "2025-01-01", "2025-01-31")
    may = when("in May", "2025-05", "2025-05-01", "2025-05-31")
    a = view(
        MINISTRY,
        claim(
            1,
            MINISTRY.id,
            "200 engineers worked there",
            time=jan,
            quantities=(Quantity((0, 3), "200", 200, None, "engineers"),),
        ),
    )
    b = view(
        WIRE,
        claim(
            1,
            WIRE.id,
            "450 engineers worked there",
            time=may,
            quantities=(Quantity((0, 3), "450", 450, None, "engineers"),),
        ),
    )
    assert JUDGE.relate(a, b).type == "updates"


def test_numbers_within_their_hedges_agree():
    a = view(
        MERIDIAN,
        claim(
            1,
            MERIDIAN.id,
            "about 300 engineers",
            quantities=(Quantity((0, 9), "about 300", 300, "about", "engineers"),),
        ),
    )
    b = view(
        LEDGER, claim(1, LEDGER.id, "310 engineers", quantities=(Quantity((0, 3), "310", 310, None, "engineers"),))
    )
    assert JUDGE.relate(a, b).type in ("repeats", "supports")


def test_a_plan_missed_and_moved_is_an_update_with_both_dates():
    may = when("in May", "2025-05", "2025-05-01", "2025-05-31")
    september = when("in September", "2025-09", "2025-09-01", "2025-09-30")
    a = view(
        GAZETTE, claim(1, GAZETTE.id, "The first trainset is planned to leave in May", modality="planned", time=may)
    )
    b = view(
        WIRE, claim(1, WIRE.id, "the trainset would now be delivered in September", modality="expected", time=september)
    )
    rel = JUDGE.relate(a, b)
    assert rel.type == "updates" and "from in May (2025-05" in rel.why and "to in September (2025-09" in rel.why
    missed = view(WIRE, claim(2, WIRE.id, "the trainset will not leave in May as planned", negated=True, time=may))
    assert JUDGE.relate(a, missed).type == "updates"


def test_two_past_events_with_different_dates_conflict():
    a = view(
        MINISTRY,
        claim(1, MINISTRY.id, "production started", time=when("on Monday", "2025-02-03", "2025-02-03", "2025-02-03")),
    )
    b = view(
        GAZETTE,
        claim(1, GAZETTE.id, "production started", time=when("in January", "2025-01", "2025-01-01", "2025-01-31")),
    )
    assert JUDGE.relate(a, b).type == "conflicts"


def test_repeats_and_supports():
    a = view(MERIDIAN, claim(1, MERIDIAN.id, "trains will be built", modality="expected", entities=("gpe:valdoria",)))
    same = view(LEDGER, claim(1, LEDGER.id, "trains are to be built", modality="expected", entities=("gpe:valdoria",)))
    more = view(
        LEDGER,
        claim(
            2,
            LEDGER.id,
            "trains will be built at Port Aldren",
            modality="expected",
            entities=("gpe:valdoria", "fac:port aldren"),
        ),
    )
    assert JUDGE.relate(a, same).type == "repeats"
    rel = JUDGE.relate(a, more)
    assert rel.type == "supports" and "port aldren" in rel.why


def test_questions_assert_nothing():
    a = view(MERIDIAN, claim(1, MERIDIAN.id, "Will trains be built?", modality="question"))
    b = view(LEDGER, claim(1, LEDGER.id, "trains are built"))
    assert JUDGE.relate(a, b) is None


def test_a_later_report_still_expecting_what_was_reported_done_conflicts():
    done = view(MINISTRY, claim(1, MINISTRY.id, "Production of trains has started"))
    pending = view(
        GAZETTE,
        claim(
            1,
            GAZETTE.id,
            "Valdoria is expected to begin producing trains this year",
            modality="expected",
            time=when("this year", "2025", "2025-01-01", "2025-12-31"),
        ),
    )
    rel = JUDGE.relate(done, pending)
    assert rel.type == "conflicts" and "treats as pending what an earlier one reported done" in rel.why
    hedge = view(GAZETTE, claim(2, GAZETTE.id, "the production could be a gesture", modality="hedged"))
    assert getattr(JUDGE.relate(done, hedge), "type", None) != "conflicts"  # a guess about motives is not a status
    last_year = view(
        GAZETTE,
        claim(
            3,
            GAZETTE.id,
            "trains were expected to be produced",
            modality="expected",
            time=when("last year", "2024", "2024-01-01", "2024-12-31"),
        ),
    )
    assert getattr(JUDGE.relate(done, last_year), "type", None) != "conflicts"  # an old plan, not a pending one
