"""The six Es' measured inputs and "what goes in and what comes back", worked out by hand
(see tests/core/vfm_plan.py for the costs)."""

from __future__ import annotations

from decimal import Decimal

from ceplanner.core.costing import compute_budget
from ceplanner.core.model import Plan, SixE
from ceplanner.core.vfm_measures import goes_in_comes_back, six_e_measures
from ceplanner.core.vfm_rubric import RUBRIC, rubric_text
from tests.core.vfm_plan import vfm_plan


def _texts(plan: Plan) -> dict[SixE, list[tuple[str, str]]]:
    return {e: [(m.label, m.text) for m in found] for e, found in six_e_measures(plan).items()}


def test_grand_total_is_what_the_hand_working_assumes() -> None:
    assert compute_budget(vfm_plan()).grand_total == 123500


def test_each_e_measured_to_the_penny() -> None:
    found = _texts(vfm_plan())
    # £1,235.00 / 50 = £24.70; £300 / £1,235 = 24.29%
    assert found[SixE.ECONOMY] == [
        ("Cost per participant", "£24.70 (50 participants)"),
        ("In-kind share of the total", "24.3% (£300.00)"),
    ]
    # 50 x 1,000 / 1,235 = 40.49; 5 x 1,000 / 1,235 = 4.05
    assert found[SixE.EFFICIENCY] == [("Participants per £1,000", "40.5"), ("Sessions per £1,000", "4.0")]
    assert found[SixE.EFFECTIVENESS] == [
        ("Objectives with indicators", "1 of 2 (50.0%)"),
        ("Objectives served by an activity", "1 of 2 (50.0%)"),
    ]
    # seldom-heard: £500 of £1,050 activity spend = 47.62%; access £200 of £1,235 = 16.19%
    assert found[SixE.EQUITY] == [
        ("Activity spend reaching seldom-heard groups", "47.6% (£500.00)"),
        ("Access support share of the total", "16.2% (£200.00)"),
    ]
    # Collaborate panel: £550 of £1,050 = 52.38%
    assert found[SixE.EMPOWERMENT] == [
        ("Activities at Involve or above", "1 of 2 (50.0%)"),
        ("Activity spend at Involve or above", "52.4% (£550.00)"),
    ]
    # £100 of £1,235 = 8.10%
    assert found[SixE.EVALUATION] == [
        ("Evaluation share of the total", "8.1% (£100.00)"),
        ("Evaluation questions answered", "2 of 5"),
    ]


def test_raw_values_are_decimal_or_integer() -> None:
    measures = six_e_measures(vfm_plan())
    assert measures[SixE.ECONOMY][0].value == 2470
    assert measures[SixE.EQUITY][0].value == Decimal("47.6")
    assert measures[SixE.EVALUATION][1].value == 2
    assert not any(isinstance(m.value, float) for found in measures.values() for m in found)


def test_rates_follow_the_currency() -> None:
    plan = vfm_plan()
    plan.currency = "JPY"  # no minor units: 123,500 yen, so 50 people per ¥1,000 is 0.4
    found = _texts(plan)
    assert found[SixE.EFFICIENCY][0] == ("Participants per ¥1,000", "0.4")


def test_empty_plan_says_not_yet_known_rather_than_dividing_by_zero() -> None:
    found = _texts(Plan())
    assert found[SixE.ECONOMY][0] == ("Cost per participant", "not yet known")
    assert found[SixE.EFFICIENCY][0] == ("Participants per £1,000", "not yet known")
    assert found[SixE.EFFECTIVENESS][0] == ("Objectives with indicators", "0 of 0")
    assert found[SixE.EVALUATION][1] == ("Evaluation questions answered", "0 of 5")


def test_what_goes_in_and_comes_back() -> None:
    found = [(m.label, m.text) for m in goes_in_comes_back(vfm_plan())]
    assert found == [
        ("Annual cost of the service", "£247,000.00"),
        ("Cost of the engagement", "£1,235.00"),
        ("Engagement as a share of the service's yearly cost", "0.5%"),
        ("Expected returns", "Fewer repeat visits"),
    ]
    plan = vfm_plan()
    plan.service_annual_cost = None
    plan.expected_returns = " "
    found = [(m.label, m.text) for m in goes_in_comes_back(plan)]
    assert found[0][1] == "not given" and found[2][1] == "not yet known" and found[3][1] == "not given"


def test_rubric_says_what_each_number_means() -> None:
    for e in SixE:
        assert sorted(RUBRIC[e]) == [1, 2, 3, 4, 5, 6]
        assert len(set(RUBRIC[e].values())) == 6
    assert (
        rubric_text(SixE.EQUITY, 4)
        == "4 (Good): Every seldom-heard group reached, with access support costed."
    )
    assert rubric_text(SixE.EQUITY, None) == ""
