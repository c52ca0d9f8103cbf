"""The budget summary in words and figures: one list for the command line, Costs and Review.

Each screen used to word and format these figures its own way ("–", "-" and "no participants
yet" for the same missing figure). They now all show :func:`budget_figures`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ceplanner.core.costing import Budget
from ceplanner.core.envelope import plan_envelope
from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.locale_format import format_number, format_percent
from ceplanner.core.model import Plan
from ceplanner.core.money import format_money
from ceplanner.core.variance import DeliveryFigures, percent_text, signed_money

# English keys: show them through ``translate("Summary", ...)``.
NO_PARTICIPANTS = QT_TRANSLATE_NOOP("Summary", "no participants yet")
NOT_COSTED = QT_TRANSLATE_NOOP("Summary", "nothing costed yet")
NO_ENVELOPE = QT_TRANSLATE_NOOP("Summary", "not set")
NO_HEADROOM = QT_TRANSLATE_NOOP("Summary", "no envelope set")


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
    if share is None:
        return translate("Summary", NOT_COSTED)
    return translate("Summary", "{share} of the full cost").format(share=format_percent(share))


def budget_figures(plan: Plan, budget: Budget) -> list[Figure]:
    """The plan's headline costs, in reading order, formatted in the plan's currency."""

    def money(amount: int) -> str:
        return format_money(amount, budget.currency)

    per_head = budget.cost_per_participant
    return [
        Figure("paid", translate("Summary", "Paid costs"), money(budget.paid)),
        Figure(
            "contingency",
            translate("Summary", "Contingency ({percent} of paid costs)").format(
                percent=format_percent(plan.contingency_percent)
            ),
            money(budget.contingency),
        ),
        Figure("cash", translate("Summary", "Cash budget needed"), money(budget.cash_total)),
        Figure("in_kind", translate("Summary", "In-kind contributions"), money(budget.in_kind)),
        Figure(
            "total",
            translate("Summary", "Full cost (cash and in kind)"),
            money(budget.grand_total),
            emphasis=True,
        ),
        Figure(
            "per_participant",
            translate("Summary", "Full cost per participant"),
            money(per_head) if per_head is not None else translate("Summary", NO_PARTICIPANTS),
        ),
        Figure("evaluation_share", translate("Summary", "Evaluation share"), evaluation_share_text(budget)),
        *envelope_figures(plan, budget),
    ]


def envelope_figures(plan: Plan, budget: Budget) -> list[Figure]:
    """The budget envelope and the headroom (or overrun) against the cash budget needed."""
    compared = plan_envelope(plan, budget)
    if compared is None:
        return [
            Figure("envelope", translate("Summary", "Budget envelope"), translate("Summary", NO_ENVELOPE)),
            Figure("headroom", translate("Summary", "Headroom"), translate("Summary", NO_HEADROOM)),
        ]
    money = format_money(compared.difference, budget.currency)
    return [
        Figure(
            "envelope",
            translate("Summary", "Budget envelope"),
            format_money(compared.envelope, budget.currency),
        ),
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
    return translate("Summary", "Budget envelope: {envelope}. {words}: {difference}.").format(
        envelope=envelope, words=compared.words, difference=format_money(compared.difference, budget.currency)
    )


def delivery_summary(figures: DeliveryFigures) -> list[Figure]:
    """Planned against actual in total, and seldom-heard reach, formatted as ``ceplanner info``
    prints them (:mod:`ceplanner.cli_delivery`)."""
    total, seldom = figures.total, figures.seldom_heard
    return [
        Figure(
            "planned",
            translate("Summary", "Planned (approved) full cost"),
            format_money(total.planned.total, figures.currency),
        ),
        Figure(
            "actual",
            translate("Summary", "Actual full cost so far"),
            format_money(total.actual.total, figures.currency),
        ),
        Figure(
            "variance",
            translate("Summary", "Variance (actual minus planned)"),
            signed_money(total.variance, figures.currency),
            emphasis=True,
        ),
        Figure(
            "variance_percent", translate("Summary", "Variance against planned"), percent_text(total.percent)
        ),
        Figure(
            "seldom_reach",
            translate("Summary", "Seldom-heard people reached"),
            translate("Summary", "{reached} of {expected} expected ({percent})").format(
                reached=format_number(seldom.reached),
                expected=format_number(seldom.expected),
                percent=percent_text(seldom.percent, signed=False),
            ),
        ),
    ]
