"""The seven National Standards for Community Engagement, and what the plan already proves about
each: the computed evidence shown beside the user's own rating (1 to 6) and evidence."""

from __future__ import annotations

from ceplanner.core.costing import ACCESS_CATEGORIES, Budget, compute_budget, line_total
from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.locale_format import format_number, format_percent
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
    NationalStandard.INCLUSION: QT_TRANSLATE_NOOP(
        "Standards", "We will identify and involve the people and organisations affected."
    ),
    NationalStandard.SUPPORT: QT_TRANSLATE_NOOP(
        "Standards", "We will identify and overcome any barriers to participation."
    ),
    NationalStandard.PLANNING: QT_TRANSLATE_NOOP(
        "Standards", "There is a clear purpose, based on a shared understanding of need."
    ),
    NationalStandard.WORKING_TOGETHER: QT_TRANSLATE_NOOP(
        "Standards", "We will work effectively together to achieve the aims."
    ),
    NationalStandard.METHODS: QT_TRANSLATE_NOOP(
        "Standards", "We will use methods of engagement that are fit for purpose."
    ),
    NationalStandard.COMMUNICATION: QT_TRANSLATE_NOOP(
        "Standards",
        "We will communicate clearly and regularly with the people, organisations and communities affected.",
    ),
    NationalStandard.IMPACT: QT_TRANSLATE_NOOP(
        "Standards", "We will assess the impact of the engagement and use what we learn."
    ),
}

"""Each standard's aim, paraphrased from the National Standards (Scottish Community
Development Centre, 2016)."""


def standard_aim(standard: NationalStandard) -> str:
    """The aim of ``standard`` in the user's language."""
    return translate("Standards", STANDARD_AIMS[standard])


PARTNER_CATEGORIES = (StakeholderCategory.PARTNERS, StakeholderCategory.VOLUNTARY_SECTOR)


def _inclusion(plan: Plan, budget: Budget) -> list[Measure]:
    seldom = [g for g in plan.groups if g.seldom_heard]
    reached_ids = {gid for a in plan.activities for gid in a.group_ids}
    reached = sum(1 for g in seldom if g.id in reached_ids)
    access = percent(budget.access_total, budget.grand_total)
    money = format_money(budget.access_total, budget.currency)
    return [
        Measure(
            translate("Measures", "Seldom-heard groups reached"), share_text(reached, len(seldom)), reached
        ),
        Measure(
            translate("Measures", "Access support"),
            (
                money
                if access is None
                else translate("Measures", "{money} ({share} of the total)").format(
                    money=money, share=format_percent(access)
                )
            ),
            access,
        ),
    ]


def _support(plan: Plan, budget: Budget) -> list[Measure]:
    lines = [line for a in plan.activities for line in a.cost_lines]
    access = [line for line in lines if line.category in ACCESS_CATEGORIES]
    paid = [line for line in lines if line.category is CostCategory.PARTICIPANT_PAYMENT]
    money = budget.currency
    access_sum = sum(line_total(line) for line in access)
    paid_sum = sum(line_total(line) for line in paid)
    return [
        Measure(
            translate("Measures", "Access support lines"),
            translate(
                "Measures",
                "{n_access} ({access_sum})",
            ).format(n_access=len(access), access_sum=format_money(access_sum, money)),
            len(access),
        ),
        Measure(
            translate("Measures", "Payment-for-time lines"),
            translate(
                "Measures",
                "{n_paid} ({paid_sum})",
            ).format(n_paid=len(paid), paid_sum=format_money(paid_sum, money)),
            len(paid),
        ),
    ]


def _planning(plan: Plan) -> list[Measure]:
    measured = sum(1 for o in plan.objectives if o.indicators)
    dated = sum(1 for a in plan.activities if a.start is not None)
    return [
        Measure(
            translate("Measures", "Objectives with indicators"),
            share_text(measured, len(plan.objectives)),
            measured,
        ),
        Measure(
            translate("Measures", "Activities with dates"), share_text(dated, len(plan.activities)), dated
        ),
    ]


def _working_together(plan: Plan) -> list[Measure]:
    involved = sum(1 for a in plan.activities if involving(a))
    partners = [g for g in plan.groups if g.category in PARTNER_CATEGORIES]
    return [
        Measure(
            translate("Measures", "Activities at Involve or above"),
            share_text(involved, len(plan.activities)),
            involved,
        ),
        Measure(
            translate("Measures", "Partner and voluntary-sector groups"),
            format_number(len(partners)),
            len(partners),
        ),
    ]


def _methods(plan: Plan) -> list[Measure]:
    levels = {a.level for a in plan.activities}
    modes = {m.mode for a in plan.activities if (m := plan.method(a.method_id)) is not None}
    level_words = ", ".join(label(v) for v in IAP2Level if v in levels)
    mode_words = ", ".join(label(v) for v in Mode if v in modes)
    return [
        Measure(
            translate("Measures", "Levels used"),
            level_words or translate("Measures", "none yet"),
            level_words or None,
        ),
        Measure(
            translate("Measures", "Modes used"),
            mode_words or translate("Measures", "none yet"),
            mode_words or None,
        ),
    ]


def _communication(plan: Plan) -> list[Measure]:
    back = [a for a in plan.activities if a.reports_back]
    titles = "; ".join(a.title.strip() or translate("Measures", "untitled activity") for a in back)
    return [
        Measure(
            translate("Measures", "Report-back activities"),
            translate("Measures", "{n_back}: {titles}").format(n_back=len(back), titles=titles)
            if back
            else translate("Measures", "none planned"),
            len(back),
        )
    ]


def _impact(plan: Plan) -> list[Measure]:
    indicators = [i for o in plan.objectives for i in o.indicators]
    ready = sum(1 for i in indicators if i.baseline.strip() and i.target.strip())
    return [
        Measure(
            translate("Measures", "Indicators with a baseline and target"),
            share_text(ready, len(indicators)),
            ready,
        )
    ]


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
