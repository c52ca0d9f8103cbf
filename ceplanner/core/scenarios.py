"""Budget scenarios: the plan as each named option would make it, and the figures to compare them.

A :class:`~ceplanner.core.model.Scenario` keeps a chosen subset of the plan's activities, each
with its own number of sessions. :func:`scenario_plan` makes the plan that option describes (a
copy; the plan itself is never changed), and :func:`compare` reads off what a reader compares:
totals by cost category and by outcome level (from :func:`~ceplanner.core.costing.compute_budget`,
never added up here), which groups the kept activities reach with how many expected
participants, how many seldom-heard groups are reached, and what the checker finds that the user has not accepted (:func:`open_checks`).

Rules:
- activities keep the plan's order; a scenario's choice of an activity the plan no longer holds
  is ignored, and a second choice of the same activity too;
- an activity run for a different number of sessions changes size as
  :func:`resized_for_sessions` says (participants, then the lines that scale);
- the plan-level evaluation budget and the contingency rate are the plan's own in every scenario;
- an activity's expected participants are shared evenly between the groups it reaches, the odd
  people going to the first groups, as its cost is (so the shares add up to its participants).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Any

from ceplanner.core.checks import Check, Severity, open_checks
from ceplanner.core.costing import PLAN_LEVEL, UNALLOCATED, Budget, compute_budget, split_evenly
from ceplanner.core.finding import severity_label
from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.locale_format import format_number, format_percent
from ceplanner.core.model import (
    Activity,
    CostCategory,
    OutcomeLevel,
    Plan,
    Scenario,
    ScenarioActivity,
    label,
)
from ceplanner.core.money import format_money
from ceplanner.core.references import remove_activities
from ceplanner.core.scaling import participants_for_sessions, rescaled_activity

LEAN = "Lean"
STANDARD = "Standard"
ENHANCED = "Enhanced"

# -- one activity at another number of sessions ----------------------------------------------
#
# Stand-in for core.scaling (rescaled_activity and participants_for_sessions), which follows
# the same rules; at merge, resized_for_sessions should call those and the helpers below go.

_QUANTITY_PLACES = Decimal("0.001")


def resized_for_sessions(activity: Activity, sessions: int) -> Activity:
    """A deep copy of ``activity`` run for ``sessions`` sessions (ids kept; ``activity`` unchanged).

    Expected participants follow the sessions unless the same people come to every session, and
    the cost lines follow as :mod:`ceplanner.core.scaling` rescales them in the window.
    """
    if sessions == activity.sessions:
        return copy.deepcopy(activity)
    sessions = max(sessions, 0)
    return rescaled_activity(
        activity, sessions=sessions, participants=participants_for_sessions(activity, sessions)
    )


# -- the plan as a scenario makes it ----------------------------------------------------------


def chosen_sessions(plan: Plan, scenario: Scenario) -> dict[str, int]:
    """Activity id -> sessions for each of the plan's activities the scenario keeps, plan order."""
    choices: dict[str, int] = {}
    for choice in scenario.activities:
        choices.setdefault(choice.activity_id, choice.sessions)
    return {a.id: choices[a.id] for a in plan.activities if a.id in choices}


def scenario_plan(plan: Plan, scenario: Scenario) -> Plan:
    """A copy of ``plan`` with only the scenario's activities, each at the scenario's sessions.

    Dropped activities go as a deletion would take them (tasks no longer name them); the copy
    has no scenarios of its own. ``plan`` is not changed.
    """
    kept = chosen_sessions(plan, scenario)
    pruned = remove_activities(plan, [a.id for a in plan.activities if a.id not in kept])
    result = copy.copy(plan)
    pruned.apply(result)
    result.activities = [resized_for_sessions(a, kept[a.id]) for a in pruned.activities]
    result.scenarios = []
    return result


# -- what a reader compares -----------------------------------------------------------------


@dataclass(frozen=True)
class GroupReach:
    """A stakeholder group as a scenario reaches it."""

    group_id: str
    name: str
    seldom_heard: bool
    activities: int
    """How many of the scenario's activities reach the group."""
    participants: int
    """Its share of those activities' expected participants (see the module's rules)."""

    @property
    def reached(self) -> bool:
        return self.activities > 0


@dataclass(frozen=True)
class Comparison:
    """One scenario's figures, findings and reach, for a side-by-side comparison."""

    scenario: Scenario
    plan: Plan
    """The plan as the scenario makes it (:func:`scenario_plan`)."""
    budget: Budget
    """``compute_budget`` of that plan: every amount shown for the scenario comes from here."""
    reach: list[GroupReach]
    """Every group of the plan, in the plan's order, reached or not."""
    findings: list[Check]
    """The open findings (not accepted) of the scenario's plan."""

    @property
    def name(self) -> str:
        return self.scenario.name

    @property
    def total(self) -> int:
        """The full cost (cash and in kind, with contingency)."""
        return self.budget.grand_total

    @property
    def by_category(self) -> dict[CostCategory, int]:
        """Full cost by category, in the canonical order, categories with lines only."""
        return {category: split.total for category, split in self.budget.by_category.items()}

    @property
    def by_level(self) -> dict[str, int]:
        """Full cost by outcome level (``costing.UNALLOCATED`` and ``PLAN_LEVEL`` included)."""
        return dict(self.budget.by_level)

    @property
    def groups_reached(self) -> list[GroupReach]:
        return [g for g in self.reach if g.reached]

    @property
    def seldom_heard(self) -> list[GroupReach]:
        """The plan's seldom-heard groups, reached or not."""
        return [g for g in self.reach if g.seldom_heard]

    @property
    def seldom_heard_reached(self) -> list[GroupReach]:
        return [g for g in self.reach if g.seldom_heard and g.reached]

    @property
    def warnings(self) -> list[Check]:
        return [c for c in self.findings if c.severity is Severity.WARNING]

    @property
    def codes(self) -> frozenset[tuple[str, str | None]]:
        """Each finding as (code, item id): what to compare between scenarios."""
        return frozenset((c.code, c.item_id) for c in self.findings)

    def findings_not_in(self, other: Comparison) -> list[Check]:
        """This scenario's findings that ``other`` does not have (compared by code and item)."""
        return [c for c in self.findings if (c.code, c.item_id) not in other.codes]


def group_reach(plan: Plan) -> list[GroupReach]:
    """Every group of ``plan`` with the activities that reach it and its share of their people."""
    counts = {g.id: 0 for g in plan.groups}
    people = {g.id: 0 for g in plan.groups}
    for activity in plan.activities:
        groups = [g for g in dict.fromkeys(activity.group_ids) if g in counts]
        for group_id, share in split_evenly(max(activity.participants, 0), groups).items():
            counts[group_id] += 1
            people[group_id] += share
    return [GroupReach(g.id, g.name, g.seldom_heard, counts[g.id], people[g.id]) for g in plan.groups]


def compare(plan: Plan, scenario: Scenario) -> Comparison:
    """The figures, reach and findings of ``scenario`` in ``plan``."""
    made = scenario_plan(plan, scenario)
    return Comparison(scenario, made, compute_budget(made), group_reach(made), open_checks(made))


def compare_all(plan: Plan) -> list[Comparison]:
    """:func:`compare` for each of the plan's scenarios, in the plan's order."""
    return [compare(plan, scenario) for scenario in plan.scenarios]


def find_scenario(plan: Plan, name: str) -> Scenario | None:
    """The scenario called ``name`` (ignoring case and surrounding spaces), or None."""
    key = name.strip().casefold()
    return next((s for s in plan.scenarios if s.name.strip().casefold() == key), None)


# -- the comparison as rows of words and figures ---------------------------------------------

LEVEL_ORDER = [lvl.value for lvl in OutcomeLevel] + [UNALLOCATED, PLAN_LEVEL]
LEVEL_WORDS = {
    OutcomeLevel.INDIVIDUAL.value: QT_TRANSLATE_NOOP("Scenarios", "Individual outcomes"),
    OutcomeLevel.SERVICE.value: QT_TRANSLATE_NOOP("Scenarios", "Service outcomes"),
    OutcomeLevel.STRATEGIC.value: QT_TRANSLATE_NOOP("Scenarios", "Strategic outcomes"),
    UNALLOCATED: QT_TRANSLATE_NOOP("Scenarios", "Not linked to an objective"),
    PLAN_LEVEL: QT_TRANSLATE_NOOP("Scenarios", "Plan-level evaluation"),
}
"""Each of :data:`LEVEL_ORDER`'s rows in English; shown through :func:`level_words`."""


def level_words(key: str) -> str:
    """An outcome level's row of the comparison in the user's language."""
    return translate("Scenarios", LEVEL_WORDS[key])


@dataclass(frozen=True)
class ComparisonRow:
    """One line of the side-by-side comparison: what it is, then one cell per scenario."""

    key: str
    """Stable name: activities, sessions, participants, paid, contingency, cash, in_kind, total,
    a category or outcome level's value, groups, seldom_heard, findings; "" for a heading."""
    words: str
    values: list[str]
    total: bool = False
    heading: bool = False
    tips: list[str] | None = None
    """Longer text for each cell (the findings themselves), where there is any."""


def findings_text(result: Comparison) -> str:
    """ "3 (1 warning)", "none"."""
    if not result.findings:
        return translate("Scenarios", "none")
    warnings = len(result.warnings)
    text = (
        translate("Scenarios", "{count} ({warnings} warning)")
        if warnings == 1
        else translate("Scenarios", "{count} ({warnings} warnings)")
    )
    return text.format(count=format_number(len(result.findings)), warnings=format_number(warnings))


def findings_tip(result: Comparison) -> str:
    """Every finding of the scenario, one a line, each with its severity."""
    if not result.findings:
        return translate("Scenarios", "The checks find nothing to resolve in this scenario.")
    line = translate("Scenarios", "{severity}: {message}")
    return "\n".join(
        line.format(severity=severity_label(c.severity), message=c.message) for c in result.findings
    )


def comparison_rows(plan: Plan, results: list[Comparison]) -> list[ComparisonRow]:
    """The comparison the Costs step and the PDF show, money in the plan's currency."""

    def money(amount: int) -> str:
        return format_money(amount, plan.currency)

    rows: list[ComparisonRow] = []

    def row(key: str, words: str, values: list[str], **extra: Any) -> None:
        rows.append(ComparisonRow(key, words, values, **extra))

    def heading(words: str) -> None:
        rows.append(ComparisonRow("", words, ["" for _ in results], heading=True))

    row(
        "activities",
        translate("Scenarios", "Activities"),
        [of_text(len(r.plan.activities), len(plan.activities)) for r in results],
    )
    row(
        "sessions",
        translate("Scenarios", "Sessions"),
        [format_number(sum(a.sessions for a in r.plan.activities)) for r in results],
    )
    row(
        "participants",
        translate("Scenarios", "Expected participants"),
        [format_number(r.budget.participants) for r in results],
    )
    row("paid", translate("Scenarios", "Paid costs"), [money(r.budget.paid) for r in results])
    row(
        "contingency",
        translate(
            "Scenarios",
            "Contingency ({contingency_percent})",
        ).format(contingency_percent=format_percent(plan.contingency_percent)),
        [money(r.budget.contingency) for r in results],
    )
    row("cash", translate("Scenarios", "Cash budget needed"), [money(r.budget.cash_total) for r in results])
    row(
        "in_kind", translate("Scenarios", "In-kind contributions"), [money(r.budget.in_kind) for r in results]
    )
    row("total", translate("Scenarios", "Full cost"), [money(r.total) for r in results], total=True)
    heading(translate("Scenarios", "By category (full cost)"))
    for category in CostCategory:
        if any(category in r.by_category for r in results):
            row(category.value, label(category), [money(r.by_category.get(category, 0)) for r in results])
    heading(translate("Scenarios", "By outcome level"))
    for key in LEVEL_ORDER:
        if any(key in r.by_level for r in results):
            row(key, level_words(key), [money(r.by_level.get(key, 0)) for r in results])
    heading(translate("Scenarios", "Reach and findings"))
    row(
        "groups",
        translate("Scenarios", "Groups reached"),
        [of_text(len(r.groups_reached), len(r.reach)) for r in results],
        tips=[_reach_tip(r) for r in results],
    )
    row(
        "seldom_heard",
        translate("Scenarios", "Seldom-heard groups reached"),
        [of_text(len(r.seldom_heard_reached), len(r.seldom_heard)) for r in results],
        tips=[_reach_tip(r, seldom_only=True) for r in results],
    )
    row(
        "findings",
        translate("Scenarios", "Findings of the checks"),
        [findings_text(r) for r in results],
        tips=[findings_tip(r) for r in results],
    )
    return rows


def of_text(part: int, whole: int) -> str:
    """ "3 of 4", in the user's language and locale."""
    return translate("Scenarios", "{part} of {whole}").format(
        part=format_number(part), whole=format_number(whole)
    )


def _reach_tip(result: Comparison, *, seldom_only: bool = False) -> str:
    groups = result.seldom_heard if seldom_only else result.reach
    lines = []
    for g in groups:
        name = g.name or translate("Scenarios", "(unnamed group)")
        if not g.reached:
            lines.append(translate("Scenarios", "{group}: not reached").format(group=name))
            continue
        text = (
            translate("Scenarios", "{group}: {participants} expected participants in {activities} activity")
            if g.activities == 1
            else translate(
                "Scenarios", "{group}: {participants} expected participants in {activities} activities"
            )
        )
        lines.append(
            text.format(
                group=name,
                participants=format_number(g.participants),
                activities=format_number(g.activities),
            )
        )
    return "\n".join(lines) or translate("Scenarios", "The plan has no such groups.")


# -- starting points ------------------------------------------------------------------------


def _scaled(sessions: int, factor: Decimal) -> int:
    """``sessions`` times ``factor``, rounded up, at least 1 for an activity that has sessions."""
    if sessions <= 0:
        return 0
    return max(1, int((sessions * factor).to_integral_value(rounding=ROUND_CEILING)))


def everything_as_planned(plan: Plan) -> list[ScenarioActivity]:
    return [ScenarioActivity(a.id, a.sessions) for a in plan.activities]


def usual_scenarios(plan: Plan) -> list[Scenario]:
    """The usual three options to start from, each to be edited: Lean (every activity at half
    its sessions, rounded up), Standard (everything as planned) and Enhanced (half as many
    sessions again, rounded up)."""
    return [
        Scenario(
            LEAN,
            "Every activity at half its planned sessions (rounded up): all groups still reached.",
            [ScenarioActivity(a.id, _scaled(a.sessions, Decimal("0.5"))) for a in plan.activities],
        ),
        Scenario(STANDARD, "Everything as planned.", everything_as_planned(plan)),
        Scenario(
            ENHANCED,
            "Every activity with half as many sessions again (rounded up).",
            [ScenarioActivity(a.id, _scaled(a.sessions, Decimal("1.5"))) for a in plan.activities],
        ),
    ]
