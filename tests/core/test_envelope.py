"""The budget envelope and funders' envelopes against what is costed, in whole minor units."""

from __future__ import annotations

from decimal import Decimal

from ceplanner.core.costing import compute_budget
from ceplanner.core.envelope import (
    Comparison,
    funder_costed,
    funder_envelopes,
    line_funder_names,
    plan_envelope,
)
from ceplanner.core.library import sample_plan
from ceplanner.core.model import Activity, CostCategory, CostLine, Evaluation, Funder, Plan, Unit
from ceplanner.core.summary import NO_ENVELOPE, NO_HEADROOM, figure_map


def _plan(envelope: int | None) -> Plan:
    def line(quantity: str, unit_cost: int, funder: str, *, in_kind: bool = False) -> CostLine:
        return CostLine(
            CostCategory.VENUE, "", Unit.ITEM, Decimal(quantity), unit_cost, in_kind=in_kind, funder=funder
        )

    return Plan(
        contingency_percent=Decimal(10),
        budget_envelope=envelope,
        evaluation=Evaluation(budget=50_000),  # £500 plan-level evaluation, no funder
        activities=[
            Activity(
                cost_lines=[
                    line("3", 33_333, "Council"),  # £999.99
                    line("1", 20_000, " Council "),  # £200.00: the same funder, trimmed
                    line("1", 10_000, "Lottery"),  # £100.00
                    line("2", 25_000, "Council", in_kind=True),  # £500.00 in kind
                    line("1", 1, ""),  # 1p with no funder
                ]
            )
        ],
        funders=[
            Funder("Council", 150_000),
            Funder("Lottery", 9_999),
            Funder("Trust", None),
            Funder("  ", 5_000),
        ],
    )


def test_the_plan_envelope_is_compared_with_the_cash_budget() -> None:
    plan = _plan(envelope=200_000)
    budget = compute_budget(plan)
    # paid: 99,999 + 20,000 + 10,000 + 1 + 50,000 = 180,000; contingency 18,000; cash 198,000
    assert (budget.paid, budget.contingency, budget.cash_total) == (180_000, 18_000, 198_000)
    compared = plan_envelope(plan, budget)
    assert compared == Comparison(200_000, 198_000)
    assert (compared.headroom, compared.over, compared.overrun) == (2_000, False, 0)
    assert (compared.words, compared.difference) == ("Headroom", 2_000)
    figures = figure_map(plan, budget)
    assert (figures["envelope"].words, figures["envelope"].text) == ("Budget envelope", "£2,000.00")
    assert (figures["headroom"].words, figures["headroom"].text) == ("Headroom", "£20.00")


def test_over_the_envelope_says_by_how_much() -> None:
    plan = _plan(envelope=197_999)
    compared = plan_envelope(plan, compute_budget(plan))
    assert compared is not None
    assert (compared.headroom, compared.over, compared.overrun) == (-1, True, 1)
    assert (compared.words, compared.difference) == ("Over budget by", 1)
    figures = figure_map(plan, compute_budget(plan))
    assert (figures["headroom"].words, figures["headroom"].text) == ("Over budget by", "£0.01")
    exactly = plan_envelope(_plan(envelope=198_000), compute_budget(plan))
    assert exactly is not None and not exactly.over and exactly.difference == 0


def test_no_envelope_is_said_in_words() -> None:
    plan = _plan(envelope=None)
    assert plan_envelope(plan, compute_budget(plan)) is None
    figures = figure_map(plan, compute_budget(plan))
    assert figures["envelope"].text == NO_ENVELOPE
    assert (figures["headroom"].words, figures["headroom"].text) == ("Headroom", NO_HEADROOM)


def test_each_funder_is_compared_with_the_lines_naming_them() -> None:
    plan = _plan(envelope=None)
    budget = compute_budget(plan)
    assert funder_costed(budget, "Council ") == 169_999  # paid and in kind, names trimmed
    found = [(f.funder.name, f.comparison) for f in funder_envelopes(plan, budget)]
    # Trust has no envelope and the blank name is no funder: neither is compared.
    assert found == [("Council", Comparison(150_000, 169_999)), ("Lottery", Comparison(9_999, 10_000))]
    council, lottery = (c for _, c in found)
    assert council.over and council.overrun == 19_999
    assert lottery.over and lottery.difference == 1
    plan.funders[1].envelope = 10_000
    (_, lottery_now) = funder_envelopes(plan, budget)
    assert not lottery_now.comparison.over and lottery_now.comparison.headroom == 0


def test_funder_names_offered_are_those_on_cost_lines() -> None:
    assert line_funder_names(_plan(None)) == ["Council", "Lottery"]


def test_the_sample_plan_has_an_envelope_and_two_funders_within_theirs() -> None:
    plan = sample_plan()
    budget = compute_budget(plan)
    compared = plan_envelope(plan, budget)
    assert compared is not None and not compared.over
    funders = funder_envelopes(plan, budget)
    assert len(funders) == 2
    assert all(f.comparison.costed > 0 and not f.comparison.over for f in funders)
