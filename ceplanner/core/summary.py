"""The budget summary in words and figures: one list for the command line, Costs and Review.

Each screen used to word and format these figures its own way ("–", "-" and "no participants
yet" for the same missing figure). They now all show :func:`budget_figures`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ceplanner.core.costing import Budget
from ceplanner.core.envelope import plan_envelope
from ceplanner.core.model import Plan
from ceplanner.core.money import format_money

NO_PARTICIPANTS = "no participants yet"
NOT_COSTED = "nothing costed yet"
NO_ENVELOPE = "not set"
NO_HEADROOM = "no envelope set"


@dataclass(frozen=True)
class Figure:
    key: str
    """Stable name: paid, contingency, cash, in_kind, total, per_participant, evaluation_share,
    envelope, headroom."""
    words: str
    text: str
    emphasis: bool = False
    """The figure a reader looks for first (the full cost)."""


def evaluation_share_text(budget: Budget) -> str:
    share = budget.evaluation_share
    return f"{share}% of the full cost" if share is not None else NOT_COSTED


def budget_figures(plan: Plan, budget: Budget) -> list[Figure]:
    """The plan's headline costs, in reading order, formatted in the plan's currency."""

    def money(amount: int) -> str:
        return format_money(amount, budget.currency)

    per_head = budget.cost_per_participant
    return [
        Figure("paid", "Paid costs", money(budget.paid)),
        Figure(
            "contingency",
            f"Contingency ({plan.contingency_percent}% of paid costs)",
            money(budget.contingency),
        ),
        Figure("cash", "Cash budget needed", money(budget.cash_total)),
        Figure("in_kind", "In-kind contributions", money(budget.in_kind)),
        Figure("total", "Full cost (cash and in kind)", money(budget.grand_total), emphasis=True),
        Figure(
            "per_participant",
            "Full cost per participant",
            money(per_head) if per_head is not None else NO_PARTICIPANTS,
        ),
        Figure("evaluation_share", "Evaluation share", evaluation_share_text(budget)),
        *envelope_figures(plan, budget),
    ]


def envelope_figures(plan: Plan, budget: Budget) -> list[Figure]:
    """The budget envelope and the headroom (or overrun) against the cash budget needed."""
    compared = plan_envelope(plan, budget)
    if compared is None:
        return [
            Figure("envelope", "Budget envelope", NO_ENVELOPE),
            Figure("headroom", "Headroom", NO_HEADROOM),
        ]
    money = format_money(compared.difference, budget.currency)
    return [
        Figure("envelope", "Budget envelope", format_money(compared.envelope, budget.currency)),
        Figure("headroom", compared.words, money),
    ]


def figure_map(plan: Plan, budget: Budget) -> dict[str, Figure]:
    return {figure.key: figure for figure in budget_figures(plan, budget)}


def envelope_sentence(plan: Plan, budget: Budget) -> str:
    """ "Budget envelope: £70,000.00. Headroom: £5,007.58." ("Over budget by: …"); "" with none."""
    compared = plan_envelope(plan, budget)
    if compared is None:
        return ""
    envelope = format_money(compared.envelope, budget.currency)
    return f"Budget envelope: {envelope}. {compared.words}: {format_money(compared.difference, budget.currency)}."
