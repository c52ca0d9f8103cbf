"""The seven National Standards for Community Engagement, and what the plan already proves about
each: the computed evidence shown beside the user's own rating (1 to 6) and evidence."""

from __future__ import annotations

from ceplanner.core.costing import ACCESS_CATEGORIES, Budget, compute_budget, line_total
from ceplanner.core.measures import Measure, percent, share_text
from ceplanner.core.model import (
    CostCategory,
    IAP2Level,
    Mode,
    NationalStandard,
    Plan,
    StakeholderCategory,
    StandardRating,
    label,
)
from ceplanner.core.money import format_money
from ceplanner.core.vfm_measures import involving

STANDARD_AIMS: dict[NationalStandard, str] = {
    NationalStandard.INCLUSION: "We will identify and involve the people and organisations affected.",
    NationalStandard.SUPPORT: "We will identify and overcome any barriers to participation.",
    NationalStandard.PLANNING: "There is a clear purpose, based on a shared understanding of need.",
    NationalStandard.WORKING_TOGETHER: "We will work effectively together to achieve the aims.",
    NationalStandard.METHODS: "We will use methods of engagement that are fit for purpose.",
    NationalStandard.COMMUNICATION: "We will communicate clearly and regularly with the people, "
    "organisations and communities affected.",
    NationalStandard.IMPACT: "We will assess the impact of the engagement and use what we learn.",
}
"""Each standard's aim, paraphrased from the National Standards (Scottish Community
Development Centre, 2016)."""

PARTNER_CATEGORIES = (StakeholderCategory.PARTNERS, StakeholderCategory.VOLUNTARY_SECTOR)


def _inclusion(plan: Plan, budget: Budget) -> list[Measure]:
    seldom = [g for g in plan.groups if g.seldom_heard]
    reached_ids = {gid for a in plan.activities for gid in a.group_ids}
    reached = sum(1 for g in seldom if g.id in reached_ids)
    access = percent(budget.access_total, budget.grand_total)
    money = format_money(budget.access_total, budget.currency)
    return [
        Measure("Seldom-heard groups reached", share_text(reached, len(seldom)), reached),
        Measure("Access support", money + ("" if access is None else f" ({access}% of the total)"), access),
    ]


def _support(plan: Plan, budget: Budget) -> list[Measure]:
    lines = [line for a in plan.activities for line in a.cost_lines]
    access = [line for line in lines if line.category in ACCESS_CATEGORIES]
    paid = [line for line in lines if line.category is CostCategory.PARTICIPANT_PAYMENT]
    money = budget.currency
    access_sum = sum(line_total(line) for line in access)
    paid_sum = sum(line_total(line) for line in paid)
    return [
        Measure("Access support lines", f"{len(access)} ({format_money(access_sum, money)})", len(access)),
        Measure("Payment-for-time lines", f"{len(paid)} ({format_money(paid_sum, money)})", len(paid)),
    ]


def _planning(plan: Plan) -> list[Measure]:
    measured = sum(1 for o in plan.objectives if o.indicators)
    dated = sum(1 for a in plan.activities if a.start is not None)
    return [
        Measure("Objectives with indicators", share_text(measured, len(plan.objectives)), measured),
        Measure("Activities with dates", share_text(dated, len(plan.activities)), dated),
    ]


def _working_together(plan: Plan) -> list[Measure]:
    involved = sum(1 for a in plan.activities if involving(a))
    partners = [g for g in plan.groups if g.category in PARTNER_CATEGORIES]
    return [
        Measure("Activities at Involve or above", share_text(involved, len(plan.activities)), involved),
        Measure("Partner and voluntary-sector groups", str(len(partners)), len(partners)),
    ]


def _methods(plan: Plan) -> list[Measure]:
    levels = {a.level for a in plan.activities}
    modes = {m.mode for a in plan.activities if (m := plan.method(a.method_id)) is not None}
    level_words = ", ".join(label(v) for v in IAP2Level if v in levels)
    mode_words = ", ".join(label(v) for v in Mode if v in modes)
    return [
        Measure("Levels used", level_words or "none yet", level_words or None),
        Measure("Modes used", mode_words or "none yet", mode_words or None),
    ]


def _communication(plan: Plan) -> list[Measure]:
    back = [a for a in plan.activities if a.reports_back]
    titles = "; ".join(a.title.strip() or "untitled activity" for a in back)
    return [
        Measure(
            "Report-back activities",
            f"{len(back)}: {titles}" if back else "none planned",
            len(back),
        )
    ]


def _impact(plan: Plan) -> list[Measure]:
    indicators = [i for o in plan.objectives for i in o.indicators]
    ready = sum(1 for i in indicators if i.baseline.strip() and i.target.strip())
    return [Measure("Indicators with a baseline and target", share_text(ready, len(indicators)), ready)]


def standard_evidence(plan: Plan, budget: Budget | None = None) -> dict[NationalStandard, list[Measure]]:
    """What the plan already shows for each standard, in the order of :class:`NationalStandard`."""
    budget = budget or compute_budget(plan)
    return {
        NationalStandard.INCLUSION: _inclusion(plan, budget),
        NationalStandard.SUPPORT: _support(plan, budget),
        NationalStandard.PLANNING: _planning(plan),
        NationalStandard.WORKING_TOGETHER: _working_together(plan),
        NationalStandard.METHODS: _methods(plan),
        NationalStandard.COMMUNICATION: _communication(plan),
        NationalStandard.IMPACT: _impact(plan),
    }


def standard_rating(plan: Plan, standard: NationalStandard) -> StandardRating:
    """The plan's rating of ``standard``, or a blank one when the plan has none."""
    return next((r for r in plan.standards if r.standard == standard), StandardRating(standard=standard))


def measures_text(measures: list[Measure]) -> str:
    """Measures as one line each: "Label: text"."""
    return "\n".join(f"{m.label}: {m.text}" for m in measures)
