"""The planning rules of issue 10: each fires where it should and stays quiet where it should not.

Every test starts from ``a_good_plan`` (which breaks no rule), changes one thing, and looks for
one code; the quiet side is the good plan itself or a near miss.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from ceplanner.core.checks import Check, Severity, plan_checks
from ceplanner.core.model import (
    Activity,
    Barrier,
    CostCategory,
    CostLine,
    Funder,
    IAP2Level,
    Indicator,
    Method,
    OutcomeLevel,
    Plan,
    StakeholderGroup,
)
from ceplanner.core.rules_equity import ACCESS_MIN_PERCENT, BARRIER_SUPPORT
from ceplanner.core.rules_timing import consultation_period
from tests.core.test_checks import a_good_plan


def found(plan: Plan, code: str) -> list[Check]:
    return [c for c in plan_checks(plan) if c.code == code]


def one(plan: Plan, code: str) -> Check:
    hits = found(plan, code)
    assert len(hits) == 1, [c.message for c in plan_checks(plan)]
    return hits[0]


def test_the_good_plan_breaks_no_rule() -> None:
    assert plan_checks(a_good_plan()) == []


# -- equity ----------------------------------------------------------------------------------


def test_a_group_with_barriers_that_no_activity_reaches() -> None:
    plan = a_good_plan()
    plan.groups.append(StakeholderGroup(name="Night workers", barriers=[Barrier.TIME]))
    check = one(plan, "group.barriers-not-reached")
    assert check.item_id == plan.groups[-1].id and check.severity is Severity.WARNING
    assert "Night workers" in check.message
    plan.activities[0].group_ids.append(plan.groups[-1].id)
    assert found(plan, "group.barriers-not-reached") == []


def test_a_group_without_barriers_need_not_be_reached_by_this_rule() -> None:
    plan = a_good_plan()
    plan.groups.append(StakeholderGroup(name="Neighbours", power=2, interest=2))
    assert found(plan, "group.barriers-not-reached") == []


@pytest.mark.parametrize("seldom, barriers", [(True, []), (False, [Barrier.DIGITAL])])
def test_a_group_that_is_only_informed(seldom: bool, barriers: list[Barrier]) -> None:
    plan = a_good_plan()
    group = StakeholderGroup(name="Carers", seldom_heard=seldom, barriers=barriers)
    plan.groups.append(group)
    letter = Activity(
        title="Letter",
        level=IAP2Level.INFORM,
        group_ids=[group.id],
        objective_ids=[plan.objectives[0].id],
        promise="We will keep you informed.",
        cost_lines=[CostLine(category=CostCategory.STAFF_TIME, unit_cost=100, funder="Council")],
    )
    if barriers:
        letter.cost_lines.append(
            CostLine(category=CostCategory.MATERIALS_PRINT, unit_cost=100, funder="Council")
        )
    plan.activities.append(letter)
    check = one(plan, "group.inform-only")
    assert check.item_id == group.id and "Carers" in check.message
    plan.activities[0].group_ids.append(group.id)  # the workshop consults them too
    assert found(plan, "group.inform-only") == []


def test_an_informed_group_with_no_barriers_is_fine() -> None:
    plan = a_good_plan()
    group = StakeholderGroup(name="Partners", power=2, interest=2)
    plan.groups.append(group)
    plan.activities.append(Activity(title="Bulletin", level=IAP2Level.INFORM, group_ids=[group.id]))
    assert found(plan, "group.inform-only") == []


@pytest.mark.parametrize("barrier", list(Barrier))
def test_every_barrier_needs_a_matching_cost_line(barrier: Barrier) -> None:
    plan = a_good_plan()
    plan.groups[0].barriers = [barrier]
    check = one(plan, "group.barrier-not-costed")
    assert check.item_id == plan.groups[0].id and check.step == "costs"
    plan.activities[0].cost_lines.append(
        CostLine(category=BARRIER_SUPPORT[barrier][-1], unit_cost=500, funder="Council")
    )
    assert found(plan, "group.barrier-not-costed") == []


def test_a_barrier_is_met_only_by_an_activity_that_reaches_the_group() -> None:
    plan = a_good_plan()
    plan.groups[0].barriers = [Barrier.LANGUAGE]
    plan.activities.append(
        Activity(title="Elsewhere", cost_lines=[CostLine(category=CostCategory.TRANSLATION, unit_cost=1)])
    )
    check = one(plan, "group.barrier-not-costed")
    assert "language" in check.message and "translation" in check.message


def _with_barriers(plan: Plan, access: int) -> Plan:
    plan.groups[0].barriers = [Barrier.TRANSPORT]
    plan.activities[0].cost_lines.append(
        CostLine(category=CostCategory.TRAVEL, unit_cost=access, funder="Council")
    )
    return plan


def test_little_access_support_while_most_groups_face_barriers() -> None:
    plan = _with_barriers(a_good_plan(), 100)  # £1 of travel in about £500
    check = one(plan, "plan.access-share-low")
    assert f"under {ACCESS_MIN_PERCENT}%" in check.message
    assert found(_with_barriers(a_good_plan(), 10000), "plan.access-share-low") == []


def test_access_share_is_not_asked_when_most_groups_have_no_barriers() -> None:
    plan = _with_barriers(a_good_plan(), 100)
    for name in ("Staff", "Partners"):
        group = StakeholderGroup(name=name, power=2, interest=2)
        plan.groups.append(group)
        plan.activities[0].group_ids.append(group.id)
    assert found(plan, "plan.access-share-low") == []


# -- promise versus method -------------------------------------------------------------------


def test_an_activity_promising_more_than_its_method_can_deliver() -> None:
    plan = a_good_plan()
    survey = Method(name="Online survey", levels=[IAP2Level.CONSULT])
    plan.methods.append(survey)
    plan.activities[0].method_id = survey.id
    plan.activities[0].level = IAP2Level.CONSULT
    assert found(plan, "activity.level-beyond-method") == []
    plan.activities[0].level = IAP2Level.COLLABORATE
    check = one(plan, "activity.level-beyond-method")
    assert "Collaborate" in check.message and "Online survey" in check.message
    assert check.item_id == plan.activities[0].id


def test_a_method_with_no_levels_limits_nothing() -> None:
    plan = a_good_plan()
    plan.methods.append(Method(name="Own method"))
    plan.activities[0].method_id = plan.methods[0].id
    plan.activities[0].level = IAP2Level.EMPOWER
    assert found(plan, "activity.level-beyond-method") == []


@pytest.mark.parametrize(
    "words", ["We will co-design the service", "Tenants are empowered", "We Collaborate"]
)
def test_tokenism(words: str) -> None:
    plan = a_good_plan()
    plan.purpose = words
    check = one(plan, "plan.tokenism")
    assert check.severity is Severity.WARNING
    plan.activities[0].level = IAP2Level.INVOLVE
    assert found(plan, "plan.tokenism") == []


def test_an_objective_speaking_of_coproduction_counts_too_and_plain_words_do_not() -> None:
    plan = a_good_plan()
    plan.objectives[0].description = "Services co-produced with tenants"
    assert "co-produced" in one(plan, "plan.tokenism").message
    plan.objectives[0].description = "Designed with care; produced on time; powerful evidence"
    assert found(plan, "plan.tokenism") == []


def test_a_key_player_with_nothing_above_inform() -> None:
    plan = a_good_plan()
    board = StakeholderGroup(name="Board", power=5, interest=4)
    plan.groups.append(board)
    check = one(plan, "group.key-player-inform-only")
    assert check.item_id == board.id
    plan.activities.append(Activity(title="Briefing", level=IAP2Level.INFORM, group_ids=[board.id]))
    assert found(plan, "group.key-player-inform-only")
    plan.activities[0].group_ids.append(board.id)
    assert found(plan, "group.key-player-inform-only") == []


def test_a_group_short_of_high_power_or_interest_is_not_a_key_player() -> None:
    plan = a_good_plan()
    plan.groups += [
        StakeholderGroup(name="Regulator", power=5, interest=3),
        StakeholderGroup(name="Neighbours", power=3, interest=5),
    ]
    assert found(plan, "group.key-player-inform-only") == []


# -- consultation timing ---------------------------------------------------------------------


def test_the_consultation_period_counts_only_dated_activities_at_consult_or_above() -> None:
    plan = a_good_plan()
    plan.activities.append(Activity(level=IAP2Level.INFORM, start=date(2027, 1, 2), end=date(2027, 12, 1)))
    plan.activities.append(Activity(level=IAP2Level.INVOLVE))
    period = consultation_period(plan)
    assert period is not None and (period.start, period.end) == (date(2027, 6, 1), date(2027, 8, 24))


def test_a_consultation_shorter_than_the_plan_sets() -> None:
    plan = a_good_plan()
    plan.activities[0].end = date(2027, 8, 22)  # twelve weeks less a day
    check = one(plan, "consultation.too-short")
    assert "11 weeks and 6 days" in check.message and "12 weeks" in check.message
    plan.consultation_weeks = 8
    assert found(plan, "consultation.too-short") == []


def test_no_dated_consultation_means_no_timing_findings() -> None:
    plan = a_good_plan()
    plan.activities[0].start = plan.activities[0].end = None
    codes = {c.code for c in plan_checks(plan)}
    assert not {c for c in codes if c.startswith("consultation.")}


def test_a_consultation_spanning_bank_holidays_names_them() -> None:
    plan = a_good_plan()
    plan.activities[0].start = date(2027, 5, 1)
    check = one(plan, "consultation.spans-holidays")
    assert "Spring Bank Holiday (31 May 2027)" in check.message and "England" in check.message
    assert "May Day (3 May 2027)" in check.message
    assert check.severity is Severity.NOTE


def test_the_holidays_follow_the_region() -> None:
    plan = a_good_plan()
    plan.activities[0].end = date(2027, 8, 31)
    assert "Late Summer Bank Holiday" in one(plan, "consultation.spans-holidays").message
    plan.activities[0].end = date(2027, 8, 27)
    plan.region = "SCT"  # Scotland's summer bank holiday is the first Monday in August
    assert "Summer Bank Holiday (2 August 2027)" in one(plan, "consultation.spans-holidays").message
    plan.region = "ENG"
    assert found(plan, "consultation.spans-holidays") == []


@pytest.mark.parametrize("country, region", [("XX", ""), ("GB", "ZZZ"), ("", "")])
def test_an_unknown_country_or_region_says_so_instead_of_failing(country: str, region: str) -> None:
    plan = a_good_plan()
    plan.country, plan.region = country, region
    check = one(plan, "plan.holidays-unknown")
    assert "not known" in check.message and "Check settings" in check.message
    assert found(plan, "consultation.spans-holidays") == []


def test_a_consultation_ending_after_the_decision() -> None:
    plan = a_good_plan()
    plan.decision_date = date(2027, 8, 24)
    check = one(plan, "consultation.after-decision")
    assert "24 August 2027" in check.message
    assert found(plan, "consultation.no-analysis-time") == []


def test_too_little_time_to_analyse_before_the_decision() -> None:
    plan = a_good_plan()
    plan.decision_date = date(2027, 9, 20)  # 27 days after the end; four weeks are needed
    check = one(plan, "consultation.no-analysis-time")
    assert "4 weeks" in check.message
    plan.decision_date = date(2027, 9, 21)  # exactly four weeks
    assert found(plan, "consultation.no-analysis-time") == []
    plan.analysis_weeks = 0
    plan.decision_date = date(2027, 8, 25)
    assert found(plan, "consultation.no-analysis-time") == []


def test_no_decision_date_is_a_note() -> None:
    plan = a_good_plan()
    plan.decision_date = None
    assert one(plan, "plan.no-decision-date").severity is Severity.NOTE


# -- outcomes and evaluation -----------------------------------------------------------------


def test_an_outcome_level_with_no_objective() -> None:
    plan = a_good_plan()
    plan.objectives[2].level = OutcomeLevel.SERVICE
    check = one(plan, "outcome-level.no-objective")
    assert check.item_id == "strategic" and "strategic" in check.message
    assert found(Plan(), "outcome-level.no-objective") == [], "no objectives at all has its own rule"


@pytest.mark.parametrize(
    "attr, words",
    [
        ("baseline", "baseline"),
        ("target", "target"),
        ("evidence_source", "evidence source"),
        ("analysed_by", "analyst"),
    ],
)
def test_an_indicator_missing_a_part(attr: str, words: str) -> None:
    plan = a_good_plan()
    setattr(plan.objectives[0].indicators[0], attr, " ")
    check = one(plan, "indicator.incomplete")
    assert check.item_id == plan.objectives[0].id and f"has no {words}" in check.message


def test_an_indicator_with_no_measure_is_left_to_its_own_rule() -> None:
    plan = a_good_plan()
    plan.objectives[0].indicators.append(Indicator(measure=""))
    assert found(plan, "indicator.incomplete") == []
    assert found(plan, "indicator.no-measure")


def test_an_objective_no_activity_serves() -> None:
    plan = a_good_plan()
    plan.activities[0].objective_ids.pop()
    check = one(plan, "objective.not-served")
    assert check.item_id == plan.objectives[-1].id


def test_evaluation_under_the_minimum_share() -> None:
    plan = a_good_plan()
    plan.evaluation.budget = 1000  # about 2% of the full cost
    check = one(plan, "evaluation.below-minimum")
    assert "under the 5% the plan sets" in check.message
    plan.evaluation_min_percent = Decimal(2)
    assert found(plan, "evaluation.below-minimum") == []


def test_evaluation_lines_in_activities_count_towards_the_share() -> None:
    plan = a_good_plan()
    plan.evaluation.budget = 0
    assert found(plan, "evaluation.below-minimum") == []  # not costed at all: the older note
    assert found(plan, "evaluation.not-costed")
    plan.activities[0].cost_lines.append(
        CostLine(category=CostCategory.EVALUATION, unit_cost=3000, funder="C")
    )
    assert found(plan, "evaluation.below-minimum") == []


def test_unanswered_evaluation_questions() -> None:
    plan = a_good_plan()
    plan.evaluation.whose_opinion = ""
    plan.evaluation.evidence = "  "
    check = one(plan, "evaluation.unanswered")
    assert check.message.startswith("2 of the 5") and "Whose opinion matters?" in check.message
    plan.activities = []
    assert found(plan, "evaluation.unanswered") == [], "a plan with no activities is told to add them first"


def test_no_report_back() -> None:
    plan = a_good_plan()
    plan.activities[0].reports_back = False
    assert one(plan, "plan.no-report-back").step == "activities"


# -- costs -----------------------------------------------------------------------------------


def test_an_activity_with_no_staff_time() -> None:
    plan = a_good_plan()
    plan.activities[0].cost_lines[0].category = CostCategory.FACILITATION
    assert one(plan, "activity.no-staff-time").item_id == plan.activities[0].id
    plan.activities[0].cost_lines[0].category = CostCategory.STAFF_TIME
    plan.activities[0].cost_lines[0].in_kind = True  # staff time given in kind still counts
    assert found(plan, "activity.no-staff-time") == []


def test_participants_at_involve_with_no_payment_for_their_time() -> None:
    plan = a_good_plan()
    activity = plan.activities[0]
    activity.participants = 20
    assert found(plan, "activity.no-participant-payment") == []  # at Consult
    activity.level = IAP2Level.INVOLVE
    assert "20 people" in one(plan, "activity.no-participant-payment").message
    activity.cost_lines.append(
        CostLine(category=CostCategory.PARTICIPANT_PAYMENT, unit_cost=2000, funder="C")
    )
    assert found(plan, "activity.no-participant-payment") == []
    activity.cost_lines.pop()
    activity.participants = 0
    assert found(plan, "activity.no-participant-payment") == []


def test_zero_contingency() -> None:
    plan = a_good_plan()
    plan.contingency_percent = Decimal(0)
    assert one(plan, "plan.no-contingency").severity is Severity.WARNING
    plan.activities[0].cost_lines = [CostLine(category=CostCategory.STAFF_TIME, unit_cost=100, in_kind=True)]
    plan.evaluation.budget = 0
    assert found(plan, "plan.no-contingency") == [], "nothing paid, nothing to cover"


def test_lines_still_carrying_example_figures() -> None:
    plan = a_good_plan()
    plan.activities[0].cost_lines[1].source = "Example figure: community hall hire"
    check = one(plan, "costs.example-figures")
    assert check.message.startswith("1 cost line in 1 activity") and check.severity is Severity.NOTE
    plan.activities[0].cost_lines[
        1
    ].source = "Amount changed by the user (example figure: £100.00 per item, community hall hire)"
    assert found(plan, "costs.example-figures") == []


def test_paid_lines_with_no_funder() -> None:
    plan = a_good_plan()
    plan.activities[0].cost_lines[1].funder = " "
    assert "1 paid cost line with no funder" in one(plan, "activity.lines-no-funder").message
    plan.activities[0].cost_lines[1].in_kind = True
    assert found(plan, "activity.lines-no-funder") == [], "an in-kind line needs no funder"


def test_a_costed_total_above_the_budget_envelope() -> None:
    plan = a_good_plan()  # cash: £330 + £100 + £30 evaluation, plus 10% = £506.00
    plan.budget_envelope = 50599
    check = one(plan, "plan.over-envelope")
    assert "£506.00" in check.message and "£0.01 more than the £505.99" in check.message
    plan.budget_envelope = 50600
    assert found(plan, "plan.over-envelope") == []
    plan.budget_envelope = None
    assert found(plan, "plan.over-envelope") == []


def test_a_funders_lines_above_its_envelope() -> None:
    plan = a_good_plan()
    council = Funder(name="Council", envelope=42999)
    plan.funders = [council, Funder(name="Trust", envelope=0), Funder(name="Open-ended")]
    check = one(plan, "funder.over-envelope")
    assert check.item_id == council.id and "£430.00" in check.message
    council.envelope = 43000
    assert found(plan, "funder.over-envelope") == []


def test_every_new_rule_has_its_own_code_per_item() -> None:
    """A dismissal names a finding by code and item: no two findings may share both."""
    plan = a_good_plan()
    plan.groups += [
        StakeholderGroup(name="A", barriers=[Barrier.TIME]),
        StakeholderGroup(name="B", barriers=[Barrier.LANGUAGE], power=5, interest=5),
    ]
    plan.activities += [
        Activity(title="x", level=IAP2Level.INVOLVE, participants=5, cost_lines=[CostLine(unit_cost=1)])
        for _ in range(3)
    ]
    plan.objectives[0].indicators[0].target = ""
    keys = [c.key for c in plan_checks(plan)]
    assert len(keys) == len(set(keys))
