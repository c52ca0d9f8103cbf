"""Cost rules: is every activity fully costed, funded and within the money available? No Qt.

Every amount comes from :mod:`ceplanner.core.costing`; nothing is recomputed here.
"""

from __future__ import annotations

from ceplanner.core.costing import Budget
from ceplanner.core.envelope import funder_envelopes, plan_envelope
from ceplanner.core.finding import Check, note, quoted, warning
from ceplanner.core.model import Activity, CostCategory, IAP2Level, Plan
from ceplanner.core.money import format_money
from ceplanner.core.sources import is_example_figure


def activity_cost_checks(activity: Activity) -> list[Check]:
    """The cost problems of one activity that has cost lines (no lines at all is its own rule)."""
    if not activity.cost_lines:
        return []
    found: list[Check] = []
    title = quoted(activity.title, "without a title")
    categories = {line.category for line in activity.cost_lines}
    if CostCategory.STAFF_TIME not in categories:
        found.append(
            warning(
                "costs",
                "activity.no-staff-time",
                f"The activity {title} has no staff time costed: add a staff time line (paid or in "
                "kind) for preparing, running and writing it up.",
                activity.id,
            )
        )
    if (
        activity.level.rank >= IAP2Level.INVOLVE.rank
        and activity.participants > 0
        and CostCategory.PARTICIPANT_PAYMENT not in categories
    ):
        found.append(
            warning(
                "costs",
                "activity.no-participant-payment",
                f"The activity {title} asks {activity.participants:,} people for their time at "
                "Involve or above but offers no thanks or payment: add a line for payment for "
                "participants' time (vouchers, fees).",
                activity.id,
            )
        )
    unfunded = sum(1 for line in activity.cost_lines if not line.in_kind and not line.funder.strip())
    if unfunded:
        found.append(
            warning(
                "costs",
                "activity.lines-no-funder",
                f"The activity {title} has {unfunded} paid cost line{'s' if unfunded != 1 else ''} "
                "with no funder: say who pays for each.",
                activity.id,
            )
        )
    return found


def plan_cost_checks(plan: Plan, budget: Budget) -> list[Check]:
    found: list[Check] = []

    def money(amount: int) -> str:
        return format_money(amount, plan.currency)

    if plan.contingency_percent == 0 and budget.paid > 0:
        found.append(
            warning(
                "costs",
                "plan.no-contingency",
                "The plan has no contingency: set a percentage (often 5 to 10%) for costs that come in "
                "higher than expected.",
            )
        )
    examples = [a for a in plan.activities if any(is_example_figure(line.source) for line in a.cost_lines)]
    if examples:
        lines = sum(1 for a in examples for line in a.cost_lines if is_example_figure(line.source))
        found.append(
            note(
                "costs",
                "costs.example-figures",
                f"{lines} cost line{'s' if lines != 1 else ''} in {len(examples)} "
                f"activit{'ies' if len(examples) != 1 else 'y'} still carry the method library's "
                "example figures: replace them with your own quotes or rates.",
            )
        )
    whole = plan_envelope(plan, budget)
    if whole is not None and whole.over:
        found.append(
            warning(
                "costs",
                "plan.over-envelope",
                f"The cash budget needed, {money(whole.costed)}, is {money(whole.overrun)} more than the "
                f"{money(whole.envelope)} available: cut activities or find more money.",
            )
        )
    for each in funder_envelopes(plan, budget):
        if each.comparison.over:
            found.append(
                warning(
                    "costs",
                    "funder.over-envelope",
                    f"The lines paid by {quoted(each.funder.name, '')} come to {money(each.comparison.costed)}, "
                    f"{money(each.comparison.overrun)} more than the {money(each.comparison.envelope)} they "
                    "offer: move lines to another funder or ask them for more.",
                    each.funder.id,
                )
            )
    return found
