"""The social-return forecast, worked by hand to the penny.

Outcome A: 10 people x £100.00 = £1,000.00 a year, less 20% deadweight and 25% attribution =
£600.00 in year 1; 50% drop-off gives £300.00 and £150.00 in years 2 and 3. Discounted at 3.5%:
60000 / 1.035 = 57971.01 -> 57971; 30000 / 1.071225 = 28005.33 -> 28005;
15000 / 1.108717875 = 13529.15 -> 13529. Present value 99505.
Outcome B: 3 x £33.33 = 9999p less 10% deadweight = 8999.1 -> 8999; / 1.035 = 8694.69 -> 8695.
Total present value 108200p against a cost of 50000p: ratio 2.164 -> 2.16.
"""

from __future__ import annotations

from decimal import Decimal

from ceplanner.core.model import Activity, CostCategory, CostLine, Plan, SroiOutcome
from ceplanner.core.sroi import forecast, outcome_forecast, ratio_text, sensitivity


def _a() -> SroiOutcome:
    return SroiOutcome(
        description="Fewer repeat repair visits",
        quantity=10,
        proxy_value=10000,
        duration_years=3,
        deadweight_percent=Decimal(20),
        attribution_percent=Decimal(25),
        drop_off_percent=Decimal(50),
    )


def _b() -> SroiOutcome:
    return SroiOutcome(
        description="Carers less isolated", quantity=3, proxy_value=3333, deadweight_percent=Decimal(10)
    )


def _plan() -> Plan:
    plan = Plan(contingency_percent=Decimal(0), sroi_outcomes=[_a(), _b()])
    plan.activities = [Activity(cost_lines=[CostLine(CostCategory.VENUE, unit_cost=50000)])]
    return plan


def test_one_outcome_year_by_year() -> None:
    found = outcome_forecast(_a(), Decimal("3.5"))
    assert found.yearly == [60000, 30000, 15000]
    assert found.total == 105000
    assert found.present_value == 57971 + 28005 + 13529


def test_pennies_are_rounded_once_per_year() -> None:
    found = outcome_forecast(_b(), Decimal("3.5"))
    assert found.yearly == [8999] and found.present_value == 8695


def test_displacement_is_taken_off_too() -> None:
    outcome = SroiOutcome(quantity=1, proxy_value=10000, displacement_percent=Decimal(30))
    assert outcome_forecast(outcome, Decimal(0)).yearly == [7000]


def test_plan_forecast_and_ratio() -> None:
    result = forecast(_plan())
    assert result.cost == 50000
    assert result.present_value == 108200
    assert result.ratio == Decimal("2.16")
    assert ratio_text(result.ratio, "£") == "£2.16 of social value for every £1 spent (estimate)"


def test_sensitivity_raises_each_assumption_by_ten_points() -> None:
    cases = [(c.name, c.present_value, c.ratio) for c in sensitivity(_plan())]
    # deadweight 30%: A 52500, 26250, 13125 -> 50725 + 24505 + 11838; B 7999 -> 7729
    # attribution 35% (A) and 10% (B): A 52000, 26000, 13000 -> 50242 + 24271 + 11725; B 8099 -> 7825
    # drop-off 60% (A) and 10% (B, one year: no effect): A 60000, 24000, 9600 -> 57971 + 22404 + 8659
    # all three: A 45500, 18200, 7280 -> 43961 + 16990 + 6566; B 7199 -> 6956
    assert cases == [
        ("As forecast", 108200, Decimal("2.16")),
        ("Deadweight 10 points higher", 94797, Decimal("1.90")),
        ("Attribution 10 points higher", 94063, Decimal("1.88")),
        ("Drop-off 10 points higher", 97729, Decimal("1.95")),
        ("Low case: all three 10 points higher", 74473, Decimal("1.49")),
    ]


def test_assumptions_are_capped_at_a_hundred_percent() -> None:
    plan = _plan()
    plan.sroi_outcomes = [SroiOutcome(quantity=1, proxy_value=100, deadweight_percent=Decimal(95))]
    raised = sensitivity(plan)[1]
    assert raised.present_value == 0


def test_no_costs_no_ratio() -> None:
    plan = Plan(sroi_outcomes=[_a()])
    assert forecast(plan).ratio is None
    assert ratio_text(None, "£").startswith("No ratio")
