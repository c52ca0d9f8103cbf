"""Every figure in ceplanner comes from here: the GUI, the PDF and the command line all call it.

Rules, chosen so that every table reconciles to the penny:
- a cost line's total is quantity x unit cost, rounded half-up once to a whole minor unit;
  every other figure is a sum of those integers;
- contingency is a percentage of the *paid* (cash) costs, rounded once;
- the plan-level evaluation budget counts as a paid evaluation cost;
- an activity serving several objectives (or groups) has its full cost split between them evenly,
  the odd pennies going to the first ones, so allocations always add up to the whole;
- an activity's cost falls in the month it starts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.model import (
    IAP2_PROMISES,
    Activity,
    CostCategory,
    CostLine,
    Evaluation,
    Indicator,
    Method,
    Objective,
    OutcomeLevel,
    Plan,
    Risk,
    Scaling,
    StakeholderGroup,
    Unit,
    VfmRating,
    new_id,
)
from ceplanner.core.money import exponent, round_minor

HOURS_PER_DAY = Decimal("7.5")
UNALLOCATED = QT_TRANSLATE_NOOP("Costs", "Unallocated")
UNSCHEDULED = QT_TRANSLATE_NOOP("Costs", "Unscheduled")
PLAN_LEVEL = QT_TRANSLATE_NOOP("Costs", "Plan-level evaluation")
NO_FUNDER = QT_TRANSLATE_NOOP("Costs", "Not assigned")
SPECIAL_KEYS = (UNALLOCATED, UNSCHEDULED, PLAN_LEVEL, NO_FUNDER)
"""Keys of the budget's tables that are not a name, level or month: English, shown through
:func:`key_words`."""
ACCESS_CATEGORIES: tuple[CostCategory, ...] = (
    CostCategory.ACCESSIBILITY,
    CostCategory.TRANSLATION,
    CostCategory.CHILDCARE_CARERS,
    CostCategory.TRAVEL,
)
"""Cost categories that remove barriers to taking part: "access support"."""


def key_words(key: str) -> str:
    """One of :data:`SPECIAL_KEYS` in the user's language; any other key (a name) as it is."""
    return translate("Costs", key) if key in SPECIAL_KEYS else key


def line_total(line: CostLine) -> int:
    """Quantity x unit cost in minor units, rounded half-up to a whole minor unit."""
    return round_minor(line.quantity * line.unit_cost)


@dataclass(frozen=True)
class Split:
    """Paid and in-kind parts of an amount, in minor units."""

    paid: int = 0
    in_kind: int = 0

    @property
    def total(self) -> int:
        return self.paid + self.in_kind

    def __add__(self, other: Split) -> Split:
        return Split(self.paid + other.paid, self.in_kind + other.in_kind)


def lines_split(lines: Iterable[CostLine]) -> Split:
    paid = in_kind = 0
    for line in lines:
        amount = line_total(line)
        if line.in_kind:
            in_kind += amount
        else:
            paid += amount
    return Split(paid, in_kind)


def activity_cost(activity: Activity) -> Split:
    return lines_split(activity.cost_lines)


def split_evenly(amount: int, keys: list[str]) -> dict[str, int]:
    """Share ``amount`` between ``keys`` so the shares add up exactly (first keys get the odd units)."""
    if not keys:
        return {}
    base, remainder = divmod(amount, len(keys))
    return {key: base + (1 if i < remainder else 0) for i, key in enumerate(keys)}


def _add(totals: dict[str, int], key: str, amount: int) -> None:
    totals[key] = totals.get(key, 0) + amount


@dataclass
class Budget:
    """The costed summary of a plan. Amounts are minor units of ``currency``."""

    currency: str
    by_activity: dict[str, Split] = field(default_factory=dict)
    by_category: dict[CostCategory, Split] = field(default_factory=dict)
    by_objective: dict[str, int] = field(default_factory=dict)
    by_level: dict[str, int] = field(default_factory=dict)
    by_group: dict[str, int] = field(default_factory=dict)
    by_funder: dict[str, int] = field(default_factory=dict)
    funder_splits: dict[str, Split] = field(default_factory=dict)
    """Paid and in-kind amounts by funder (``NO_FUNDER`` for lines with none and the plan-level
    evaluation); the contingency has no funder and is not included."""
    access_by_group: dict[str, int] = field(default_factory=dict)
    """Access support (``ACCESS_CATEGORIES``) by group, each activity's split evenly between the
    groups it serves like its whole cost (``UNALLOCATED`` for activities serving no group)."""
    by_month: dict[str, int] = field(default_factory=dict)
    paid: int = 0
    in_kind: int = 0
    contingency: int = 0
    evaluation_budget: int = 0
    evaluation_total: int = 0
    participants: int = 0
    staff_hours: Decimal = Decimal(0)
    """Staff time of all activities in hours (see :func:`staff_hours`)."""

    @property
    def subtotal(self) -> int:
        """Paid plus in-kind, before contingency."""
        return self.paid + self.in_kind

    @property
    def cash_total(self) -> int:
        """What must be paid for: paid costs plus contingency."""
        return self.paid + self.contingency

    @property
    def grand_total(self) -> int:
        """The full cost of the engagement: paid, contingency and in-kind contributions."""
        return self.paid + self.contingency + self.in_kind

    @property
    def by_quarter(self) -> dict[str, int]:
        """``by_month`` summed by calendar quarter ("2027 Q1"); other keys kept as they are."""
        quarters: dict[str, int] = {}
        for key, amount in self.by_month.items():
            if key[:4].isdigit() and key[4:5] == "-":
                key = f"{key[:4]} Q{(int(key[5:7]) - 1) // 3 + 1}"
            _add(quarters, key, amount)
        return quarters

    @property
    def unfunded_lines(self) -> int:
        """Paid cost lines with no funder named (the plan-level evaluation is not one of them)."""
        return self.funder_splits.get(NO_FUNDER, Split()).paid - self.evaluation_budget

    @property
    def access_total(self) -> int:
        """Access support: the full cost of the ``ACCESS_CATEGORIES`` lines."""
        return sum(self.by_category[c].total for c in ACCESS_CATEGORIES if c in self.by_category)

    @property
    def evaluation_in_activities(self) -> int:
        """Evaluation cost lines within activities (the rest of the evaluation is plan-level)."""
        return self.evaluation_total - self.evaluation_budget

    @property
    def unfunded_cash(self) -> int:
        """Cash with no funder yet: paid lines and plan-level evaluation with none, and the
        contingency (which no funder is asked for)."""
        return self.funder_splits.get(NO_FUNDER, Split()).paid + self.contingency

    @property
    def cost_per_participant(self) -> int | None:
        if self.participants <= 0:
            return None
        return round_minor(Decimal(self.grand_total) / self.participants)

    @property
    def evaluation_share(self) -> Decimal | None:
        """Evaluation's share of the grand total, in percent to one decimal place."""
        if self.grand_total <= 0:
            return None
        share = Decimal(self.evaluation_total) * 100 / self.grand_total
        return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def compute_budget(plan: Plan) -> Budget:
    budget = Budget(currency=plan.currency)
    level_of = {o.id: o.level for o in plan.objectives}
    group_ids = {g.id for g in plan.groups}

    for activity in plan.activities:
        cost = Split()
        for line in activity.cost_lines:
            amount = line_total(line)
            part = Split(0, amount) if line.in_kind else Split(amount, 0)
            cost = cost + part
            budget.by_category[line.category] = budget.by_category.get(line.category, Split()) + part
            funder = line.funder.strip() or NO_FUNDER
            _add(budget.by_funder, funder, amount)
            budget.funder_splits[funder] = budget.funder_splits.get(funder, Split()) + part
            if line.category is CostCategory.EVALUATION:
                budget.evaluation_total += amount
        budget.by_activity[activity.id] = cost
        total = cost.total

        objectives = [o for o in activity.objective_ids if o in level_of]
        if objectives:
            for objective_id, share in split_evenly(total, objectives).items():
                _add(budget.by_objective, objective_id, share)
                _add(budget.by_level, level_of[objective_id].value, share)
        else:
            _add(budget.by_objective, UNALLOCATED, total)
            _add(budget.by_level, UNALLOCATED, total)

        groups = [g for g in activity.group_ids if g in group_ids]
        for group_id, share in (split_evenly(total, groups) or {UNALLOCATED: total}).items():
            _add(budget.by_group, group_id, share)
        access = sum(line_total(line) for line in activity.cost_lines if line.category in ACCESS_CATEGORIES)
        if access:
            for group_id, share in (split_evenly(access, groups) or {UNALLOCATED: access}).items():
                _add(budget.access_by_group, group_id, share)

        month = activity.start.strftime("%Y-%m") if activity.start else UNSCHEDULED
        _add(budget.by_month, month, total)
        budget.participants += max(activity.participants, 0)
        budget.staff_hours += staff_hours(activity)

    evaluation = plan.evaluation.budget
    budget.evaluation_budget = evaluation
    if evaluation:
        part = Split(evaluation, 0)
        budget.by_category[CostCategory.EVALUATION] = (
            budget.by_category.get(CostCategory.EVALUATION, Split()) + part
        )
        budget.evaluation_total += evaluation
        for table in (budget.by_objective, budget.by_level, budget.by_group, budget.by_month):
            _add(table, PLAN_LEVEL, evaluation)
        _add(budget.by_funder, NO_FUNDER, evaluation)
        budget.funder_splits[NO_FUNDER] = budget.funder_splits.get(NO_FUNDER, Split()) + part

    budget.paid = sum(s.paid for s in budget.by_category.values())
    budget.in_kind = sum(s.in_kind for s in budget.by_category.values())
    budget.contingency = round_minor(Decimal(budget.paid) * plan.contingency_percent / 100)
    # Keep categories in the canonical order for every table that shows them.
    budget.by_category = {c: budget.by_category[c] for c in CostCategory if c in budget.by_category}
    budget.by_level = {
        key: budget.by_level[key]
        for key in [lvl.value for lvl in OutcomeLevel] + [UNALLOCATED, PLAN_LEVEL]
        if key in budget.by_level
    }
    budget.by_month = dict(sorted(budget.by_month.items(), key=lambda kv: (kv[0][0].isalpha(), kv[0])))
    return budget


def shares(parts: list[int], whole: int, places: int = 1) -> list[Decimal]:
    """Each part as a percentage of ``whole`` to ``places`` decimal places.

    When the parts add up to the whole, the percentages add up to exactly 100: each is rounded
    down, and the units still missing go to the parts with the largest remainders (the first
    of equal ones). Otherwise each is rounded half-up on its own. A whole of 0 gives zeros.
    """
    if whole <= 0:
        return [Decimal(0) for _ in parts]
    unit = Decimal(1).scaleb(-places)
    scale = 100 * 10**places
    if sum(parts) != whole:
        return [(Decimal(part) * 100 / whole).quantize(unit, rounding=ROUND_HALF_UP) for part in parts]
    floors = [part * scale // whole for part in parts]
    remainders = [part * scale % whole for part in parts]
    missing = scale - sum(floors)
    for i in sorted(range(len(parts)), key=lambda i: -remainders[i])[:missing]:
        floors[i] += 1
    return [Decimal(units).scaleb(-places) for units in floors]


def running_totals(amounts: Iterable[int]) -> list[int]:
    """Each amount added to those before it (a cash-flow's running total)."""
    totals, running = [], 0
    for amount in amounts:
        running += amount
        totals.append(running)
    return totals


def staff_days(hours: Decimal) -> Decimal:
    """Hours as staff days of ``HOURS_PER_DAY`` hours, to one decimal place (half up)."""
    return (hours / HOURS_PER_DAY).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


STAFF_HOURS_PER_UNIT: dict[Unit, Decimal] = {
    Unit.HOUR: Decimal(1),
    Unit.DAY: HOURS_PER_DAY,
    Unit.WEEK: HOURS_PER_DAY * 5,
}
"""Hours in each unit staff time can be costed in (a five-day week)."""


def staff_hours(activity: Activity) -> Decimal:
    """Staff time of an activity in hours: its staff-time lines in hours, days or weeks, paid or in
    kind (lines in other units, such as a lump sum, cannot be counted in hours)."""
    return sum(
        (
            line.quantity * STAFF_HOURS_PER_UNIT[line.unit]
            for line in activity.cost_lines
            if line.category is CostCategory.STAFF_TIME and line.unit in STAFF_HOURS_PER_UNIT
        ),
        Decimal(0),
    )


def cost_per_participant(activity: Activity) -> int | None:
    """An activity's full cost (paid and in kind) per expected participant, rounded half-up."""
    if activity.participants <= 0:
        return None
    return round_minor(Decimal(activity_cost(activity).total) / activity.participants)


def hourly_rate(plan: Plan) -> int:
    """The plan's staff day rate as an hourly rate (7.5-hour day), in minor units."""
    return round_minor(Decimal(plan.staff_day_rate) / HOURS_PER_DAY)


def typical_group(method: Method) -> int:
    """People at one session of ``method`` as its library lines are costed: its largest group."""
    return method.group_size_max or method.group_size_min


def suggested_participants(method: Method, sessions: int, same_people: bool = False) -> int:
    """Expected people for ``sessions`` sessions of ``method`` at its typical group size: one
    group when the same people come to every session, a new group each session otherwise."""
    group = typical_group(method)
    return group if same_people else group * max(sessions, 0)


def activity_from_method(
    method: Method,
    plan: Plan,
    sessions: int = 1,
    participants: int | None = None,
    same_people: bool = False,
) -> Activity:
    """A new activity using ``method``, its template cost lines copied and scaled.

    Template lines are costed for one session of the method's typical group
    (:func:`typical_group`); each follows the chosen sessions, participants (people; by default
    :func:`suggested_participants`) and attendances as its scaling says, through
    :func:`ceplanner.core.scaling.rescaled_activity`, the same rule as editing the activity later.
    Staff time is costed from the method's hours at the plan's staff rate: preparation and
    delivery per session, analysis once.
    """
    from ceplanner.core.scaling import rescaled_activity

    sessions = max(sessions, 1)
    if participants is None:
        participants = suggested_participants(method, sessions, same_people)
    rate = hourly_rate(plan)
    lines: list[CostLine] = []
    for hours, words, scaling in (
        (method.prep_hours + method.delivery_hours, "preparation and delivery", Scaling.PER_SESSION),
        (method.analysis_hours, "analysis and reporting", Scaling.FIXED),
    ):
        if hours > 0:
            lines.append(
                CostLine(
                    category=CostCategory.STAFF_TIME,
                    description=f"Staff time: {words} ({method.name})",
                    unit=Unit.HOUR,
                    quantity=hours,
                    unit_cost=rate,
                    source="Method hours at the plan's staff day rate",
                    scaling=scaling,
                )
            )
    for template in method.cost_lines:
        lines.append(
            CostLine(
                category=template.category,
                description=template.description,
                unit=template.unit,
                quantity=template.quantity,
                unit_cost=template.unit_cost,
                in_kind=template.in_kind,
                funder=template.funder,
                source=template.source,
                scaling=template.scaling,
                id=new_id(),
            )
        )
    level = method.levels[0] if method.levels else Activity().level
    # The template's own size: one session of a typical group.
    one_session = Activity(sessions=1, participants=typical_group(method), cost_lines=lines)
    activity = rescaled_activity(
        one_session, sessions=sessions, participants=participants, same_people=same_people
    )
    activity.title = method.name
    activity.method_id = method.id
    activity.description = method.description
    activity.level = level
    activity.promise = IAP2_PROMISES[level]
    return activity


def money_fields(plan: Plan) -> list[tuple[object, str]]:
    """Every (object, attribute) of a plan that holds an amount of money in minor units (some
    may be None: not set)."""
    fields: list[tuple[object, str]] = [
        (plan, "staff_day_rate"),
        (plan.evaluation, "budget"),
        (plan, "budget_envelope"),
        (plan, "service_annual_cost"),
    ]
    owners: list[Method | Activity] = [*plan.methods, *plan.activities]
    for owner in owners:
        fields += [(line, "unit_cost") for line in owner.cost_lines]
    fields += [(funder, "envelope") for funder in plan.funders]
    fields += [(outcome, "proxy_value") for outcome in plan.sroi_outcomes]
    fields += [(member, "day_rate") for member in plan.team]
    return fields


def rescaled_for_currency(plan: Plan, new_currency: str) -> list[tuple[object, str, int]]:
    """The changes that keep every amount's figures when the currency changes.

    Minor units differ between currencies (pence for GBP, none for JPY), so without this £250.00
    (25,000 pence) would become ¥25,000. The figures are kept as typed, not converted at an
    exchange rate; amounts that would need a fraction of a unit are rounded half-up.
    """
    shift = exponent(new_currency) - exponent(plan.currency)
    if shift == 0:
        return []
    changes = []
    for obj, attr in money_fields(plan):
        old: int | None = getattr(obj, attr)
        if old is not None:
            changes.append((obj, attr, round_minor(Decimal(old).scaleb(shift))))
    return changes


# What no figure of the budget reads: editing these leaves every total as it was (None: every
# field but the id).
_BUDGET_BLIND: dict[type, frozenset[str] | None] = {
    StakeholderGroup: None,  # groups count by id only (shares follow activities' group lists)
    Indicator: None,
    VfmRating: None,
    Risk: None,
    Objective: frozenset({"title", "description", "group_ids", "indicators"}),
    Activity: frozenset(
        {
            "title",
            "description",
            "promise",
            "level",
            "end",
            "method_id",
            "reports_back",
            "expected_by_group",
            "delivery_status",
            "dropped_reason",
        }
    ),
    Evaluation: frozenset(
        {
            "whose_opinion",
            "relative_or_absolute",
            "outcomes_for_whom",
            "evidence",
            "analysis_by",
            "method",
            "whose_opinion_at_end",
            "relative_or_absolute_at_end",
            "outcomes_for_whom_at_end",
            "evidence_at_end",
            "analysis_by_at_end",
            "lessons",
        }
    ),
    Plan: frozenset(
        {
            "title",
            "organisation",
            "author",
            "purpose",
            "decision",
            "decision_maker",
            "negotiable",
            "not_negotiable",
            "value_for_whom",
            "status",
            "created",
            "modified",
            "vfm",
            "risks",
            # what the plan says and checks, which no figure of the budget reads
            "issue",
            "affected",
            "in_scope",
            "out_of_scope",
            "geography",
            "impact_category",
            "impact_reach",
            "impact_depth",
            "impact_contention",
            "already_known",
            "approver",
            "approved_on",
            "findings_signoff",
            "doc_version",
            "feedback_how",
            "feedback_when",
            "feedback_channels",
            "feedback_by",
            "participant_questions",
            "country",
            "region",
            "decision_date",
            "consultation_weeks",
            "analysis_weeks",
            "expected_returns",
            "dismissals",
            "standards",
            "influence",
            "past_engagements",
            "key_messages",
            "tasks",
            "readiness",
            "communications",
            "milestones",
            # delivery records: the budget is the plan's; actuals are measured in core/variance.py
            "delivery_started_on",
            "sessions_held",
            "actual_costs",
            "themes",
            "responses",
        }
    ),
}


def affects_budget(obj: object, attr: str) -> bool:
    """Whether changing ``obj.attr`` can change any figure of :func:`compute_budget`.

    Errs on the side of yes: anything not known to be ignored by the costing counts.
    """
    blind = _BUDGET_BLIND.get(type(obj), frozenset())
    if blind is None:  # every field but the id, which links it to the rest of the plan
        return attr == "id"
    return attr not in blind
