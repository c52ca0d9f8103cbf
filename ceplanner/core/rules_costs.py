"""Cost rules: is every activity fully costed, funded and within the money available? No Qt.

Every amount comes from :mod:`ceplanner.core.costing`; nothing is recomputed here.
"""

from __future__ import annotations

from ceplanner.core.costing import Budget
from ceplanner.core.envelope import funder_envelopes, plan_envelope
from ceplanner.core.finding import Check, note, quoted, warning
from ceplanner.core.i18n import translate
from ceplanner.core.locale_format import format_number
from ceplanner.core.model import Activity, CostCategory, IAP2Level, Plan
from ceplanner.core.money import format_money
from ceplanner.core.sources import is_example_figure


def activity_cost_checks(activity: Activity) -> list[Check]:
    """The cost problems of one activity that has cost lines (no lines at all is its own rule)."""
    if not activity.cost_lines:
        return []
    found: list[Check] = []
    title = quoted(activity.title, translate("Checks", "without a title"))
    categories = {line.category for line in activity.cost_lines}
    if CostCategory.STAFF_TIME not in categories:
        found.append(
            warning(
                "costs",
                "activity.no-staff-time",
                translate(
                    "Checks",
                    "The activity {title} has no staff time costed: add a staff time line (paid "
                    "or in kind) for preparing, running and writing it up.",
                ).format(title=title),
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
                translate(
                    "Checks",
                    "The activity {title} asks {participants} people for their time at Involve "
                    "or above but offers no thanks or payment: add a line for payment for "
                    "participants' time (vouchers, fees).",
                ).format(title=title, participants=format_number(activity.participants)),
                activity.id,
            )
        )
    unfunded = sum(1 for line in activity.cost_lines if not line.in_kind and not line.funder.strip())
    if unfunded:
        found.append(
            warning(
                "costs",
                "activity.lines-no-funder",
                translate(
                    "Checks",
                    "The activity {title} has {unfunded} paid cost line{s} with no funder: say "
                    "who pays for each.",
                ).format(title=title, unfunded=unfunded, s="s" if unfunded != 1 else ""),
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
                translate(
                    "Checks",
                    "The plan has no contingency: set a percentage (often 5 to 10%) for costs "
                    "that come in higher than expected.",
                ),
            )
        )
    examples = [a for a in plan.activities if any(is_example_figure(line.source) for line in a.cost_lines)]
    if examples:
        lines = sum(1 for a in examples for line in a.cost_lines if is_example_figure(line.source))
        found.append(
            note(
                "costs",
                "costs.example-figures",
                translate(
                    "Checks",
                    "{lines} cost line{s} in {n_examples} activit{ies} still carry the method "
                    "library's example figures: replace them with your own quotes or rates.",
                ).format(
                    lines=lines,
                    s="s" if lines != 1 else "",
                    n_examples=len(examples),
                    ies="ies" if len(examples) != 1 else "y",
                ),
            )
        )
    whole = plan_envelope(plan, budget)
    if whole is not None and whole.over:
        found.append(
            warning(
                "costs",
                "plan.over-envelope",
                translate(
                    "Checks",
                    "The cash budget needed, {costed}, is {overrun} more than the {envelope} "
                    "available: cut activities or find more money.",
                ).format(
                    costed=money(whole.costed),
                    overrun=money(whole.overrun),
                    envelope=money(whole.envelope),
                ),
            )
        )
    for each in funder_envelopes(plan, budget):
        if each.comparison.over:
            found.append(
                warning(
                    "costs",
                    "funder.over-envelope",
                    translate(
                        "Checks",
                        "The lines paid by {name} come to {costed}, {overrun} more than the "
                        "{envelope} they offer: move lines to another funder or ask them for "
                        "more.",
                    ).format(
                        name=quoted(each.funder.name, ""),
                        costed=money(each.comparison.costed),
                        overrun=money(each.comparison.overrun),
                        envelope=money(each.comparison.envelope),
                    ),
                    each.funder.id,
                )
            )
    return found
