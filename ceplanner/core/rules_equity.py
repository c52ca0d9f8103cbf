"""Equity rules: are the groups who find it hardest to take part reached, and helped to? No Qt.

The mapping from a barrier to the cost lines that remove it, and the access-support threshold,
are defined here once.
"""

from __future__ import annotations

from decimal import Decimal

from ceplanner.core.costing import Budget
from ceplanner.core.finding import Check, join_words, note, quoted, warning
from ceplanner.core.i18n import translate
from ceplanner.core.locale_format import format_percent
from ceplanner.core.model import Activity, Barrier, CostCategory, IAP2Level, Plan, StakeholderGroup, label

BARRIER_SUPPORT: dict[Barrier, tuple[CostCategory, ...]] = {
    Barrier.LANGUAGE: (CostCategory.TRANSLATION,),
    Barrier.DISABILITY: (CostCategory.ACCESSIBILITY,),
    Barrier.CARING: (CostCategory.CHILDCARE_CARERS,),
    Barrier.DIGITAL: (CostCategory.ACCESSIBILITY, CostCategory.MATERIALS_PRINT),
    Barrier.TRANSPORT: (CostCategory.TRAVEL,),
    Barrier.TIME: (CostCategory.PARTICIPANT_PAYMENT, CostCategory.CHILDCARE_CARERS),
    Barrier.LITERACY: (CostCategory.ACCESSIBILITY, CostCategory.TRANSLATION),
}
"""The cost line categories that remove each barrier (any one of them will do): interpreting and
translation for language, access support for disability, care for carers, paper copies or help
for digital exclusion, travel for transport, payment for time, easy read for literacy."""

ACCESS_MIN_PERCENT = Decimal(5)
"""Below this share of the full cost, access support is small for a plan where most groups face
barriers."""


def needs_support(group: StakeholderGroup) -> bool:
    """Whether the group is seldom heard or faces barriers to taking part."""
    return group.seldom_heard or bool(group.barriers)


def reaching(plan: Plan) -> dict[str, list[Activity]]:
    """The activities that reach each group, by group id."""
    found: dict[str, list[Activity]] = {g.id: [] for g in plan.groups}
    for activity in plan.activities:
        for group_id in dict.fromkeys(activity.group_ids):
            if group_id in found:
                found[group_id].append(activity)
    return found


def equity_checks(plan: Plan, budget: Budget) -> list[Check]:
    found: list[Check] = []
    reach = reaching(plan)
    for group in plan.groups:
        name = quoted(group.name, translate("Checks", "without a name"))
        activities = reach[group.id]
        if not activities:
            # A seldom-heard group no activity reaches has its own, older rule.
            if group.barriers and not group.seldom_heard:
                found.append(
                    warning(
                        "activities",
                        "group.barriers-not-reached",
                        translate(
                            "Checks",
                            "The group {name} faces barriers to taking part but no activity "
                            "reaches them: choose an activity for them and plan how to remove "
                            "the barriers.",
                        ).format(name=name),
                        group.id,
                    )
                )
            continue
        if needs_support(group) and all(a.level is IAP2Level.INFORM for a in activities):
            kind = "seldom-heard group" if group.seldom_heard else "group"
            found.append(
                warning(
                    "activities",
                    "group.inform-only",
                    translate(
                        "Checks",
                        "The {kind} {name} is only informed, never asked: add an activity at "
                        "Consult or above that reaches them.",
                    ).format(kind=kind, name=name),
                    group.id,
                )
            )
        categories = {line.category for a in activities for line in a.cost_lines}
        unmet = [b for b in dict.fromkeys(group.barriers) if not categories & set(BARRIER_SUPPORT[b])]
        if unmet:
            found.append(
                warning(
                    "costs",
                    "group.barrier-not-costed",
                    translate(
                        "Checks",
                        "Nothing is costed to help {name} past {barrier_words}: add "
                        "{support_words} to an activity that reaches them.",
                    ).format(
                        name=name,
                        barrier_words=_barrier_words(unmet),
                        support_words=_support_words(unmet),
                    ),
                    group.id,
                )
            )
    with_barriers = sum(1 for g in plan.groups if g.barriers)
    if plan.groups and with_barriers * 2 > len(plan.groups) and budget.grand_total > 0:
        share = Decimal(budget.access_total) * 100 / budget.grand_total
        if share < ACCESS_MIN_PERCENT:
            shown = share.quantize(Decimal("0.1"))
            found.append(
                note(
                    "costs",
                    "plan.access-share-low",
                    translate(
                        "Checks",
                        "Most groups ({with_barriers} of {n_groups}) face barriers, yet access "
                        "support (translation, accessibility, childcare and carers, travel) is "
                        "{shown} of the full cost, under {access_min_percent}: check it is "
                        "enough.",
                    ).format(
                        with_barriers=with_barriers,
                        n_groups=len(plan.groups),
                        shown=format_percent(shown),
                        access_min_percent=format_percent(ACCESS_MIN_PERCENT),
                    ),
                )
            )
    return found


def _barrier_words(barriers: list[Barrier]) -> str:
    words = join_words([label(b).lower() for b in barriers])
    if len(barriers) == 1:
        return translate("Checks", "the barrier of {words}").format(words=words)
    return translate("Checks", "the barriers of {words}").format(words=words)


def _support_words(barriers: list[Barrier]) -> str:
    categories = dict.fromkeys(c for b in barriers for c in BARRIER_SUPPORT[b])
    words = [label(c).lower() for c in categories]
    return translate("Checks", "a cost line for {words}").format(words=join_words(words, "or"))
