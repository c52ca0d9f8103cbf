"""The measured inputs behind each of the six Es, and "what goes in and what comes back".

Every amount comes from :func:`ceplanner.core.costing.compute_budget`; shares are percentages to
one decimal place, rounded half-up. The engagement's cost is always the costed grand total (paid,
contingency and in kind); spend by activity is each activity's full cost.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ceplanner.core.costing import Budget, compute_budget
from ceplanner.core.i18n import QT_TRANSLATE_NOOP, translate
from ceplanner.core.locale_format import format_number, format_percent
from ceplanner.core.measures import Measure, percent, share_text
from ceplanner.core.model import EVALUATION_QUESTIONS, Activity, IAP2Level, Plan, SixE
from ceplanner.core.money import exponent, format_money, format_money_whole

NOT_YET = QT_TRANSLATE_NOOP("Measures", "not yet known")
"""English key: show it through ``translate("Measures", NOT_YET)``."""


def per_thousand(count: int, total: int, currency: str) -> Decimal | None:
    """How many of ``count`` each 1,000 major units of ``total`` buys, to one decimal place."""
    if total <= 0:
        return None
    thousand = Decimal(1000).scaleb(exponent(currency))
    return (count * thousand / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def seldom_heard_activities(plan: Plan) -> list[Activity]:
    """The activities reaching at least one seldom-heard group."""
    seldom = {g.id for g in plan.groups if g.seldom_heard}
    return [a for a in plan.activities if not seldom.isdisjoint(a.group_ids)]


def involving(activity: Activity) -> bool:
    """At Involve or above on the IAP2 spectrum."""
    return activity.level.rank >= IAP2Level.INVOLVE.rank


def _economy(plan: Plan, budget: Budget) -> list[Measure]:
    money = budget.currency
    per = budget.cost_per_participant
    in_kind = percent(budget.in_kind, budget.grand_total)
    return [
        Measure(
            translate("Measures", "Cost per participant"),
            translate("Measures", NOT_YET)
            if per is None
            else translate(
                "Measures",
                "{per} ({participants} participants)",
            ).format(per=format_money(per, money), participants=format_number(budget.participants)),
            per,
        ),
        Measure(
            translate("Measures", "In-kind share of the total"),
            translate("Measures", NOT_YET)
            if in_kind is None
            else translate(
                "Measures",
                "{share} ({amount})",
            ).format(share=format_percent(in_kind), amount=format_money(budget.in_kind, money)),
            in_kind,
        ),
    ]


def _efficiency(plan: Plan, budget: Budget) -> list[Measure]:
    money = budget.currency
    thousand = format_money_whole(1000 * 10 ** exponent(money), money)
    sessions = sum(a.sessions for a in plan.activities)
    people = per_thousand(budget.participants, budget.grand_total, money)
    meetings = per_thousand(sessions, budget.grand_total, money)
    return [
        Measure(
            translate("Measures", "Participants per {thousand}").format(thousand=thousand),
            translate("Measures", NOT_YET) if people is None else format_number(people, 1),
            people,
        ),
        Measure(
            translate("Measures", "Sessions per {thousand}").format(thousand=thousand),
            translate("Measures", NOT_YET) if meetings is None else format_number(meetings, 1),
            meetings,
        ),
    ]


def _effectiveness(plan: Plan) -> list[Measure]:
    total = len(plan.objectives)
    measured = sum(1 for o in plan.objectives if o.indicators)
    served_ids = {oid for a in plan.activities for oid in a.objective_ids}
    served = sum(1 for o in plan.objectives if o.id in served_ids)
    return [
        Measure(translate("Measures", "Objectives with indicators"), share_text(measured, total), measured),
        Measure(translate("Measures", "Objectives served by an activity"), share_text(served, total), served),
    ]


def seldom_heard_spend(plan: Plan, budget: Budget) -> int:
    """The full cost of the activities reaching at least one seldom-heard group."""
    return sum(budget.by_activity[a.id].total for a in seldom_heard_activities(plan))


def activity_spend(plan: Plan, budget: Budget) -> int:
    """The full cost of all activities (no contingency, no plan-level evaluation)."""
    return sum(budget.by_activity[a.id].total for a in plan.activities)


def _equity(plan: Plan, budget: Budget) -> list[Measure]:
    money = budget.currency
    reaching = seldom_heard_spend(plan, budget)
    share = percent(reaching, activity_spend(plan, budget))
    access = percent(budget.access_total, budget.grand_total)
    return [
        Measure(
            translate("Measures", "Activity spend reaching seldom-heard groups"),
            translate("Measures", NOT_YET)
            if share is None
            else translate(
                "Measures",
                "{share} ({reaching})",
            ).format(share=format_percent(share), reaching=format_money(reaching, money)),
            share,
        ),
        Measure(
            translate("Measures", "Access support share of the total"),
            translate("Measures", NOT_YET)
            if access is None
            else translate(
                "Measures",
                "{access} ({access_total})",
            ).format(access=format_percent(access), access_total=format_money(budget.access_total, money)),
            access,
        ),
    ]


def _empowerment(plan: Plan, budget: Budget) -> list[Measure]:
    money = budget.currency
    chosen = [a for a in plan.activities if involving(a)]
    spend = sum(budget.by_activity[a.id].total for a in chosen)
    share = percent(spend, activity_spend(plan, budget))
    return [
        Measure(
            translate("Measures", "Activities at Involve or above"),
            share_text(len(chosen), len(plan.activities)),
            len(chosen),
        ),
        Measure(
            translate("Measures", "Activity spend at Involve or above"),
            translate("Measures", NOT_YET)
            if share is None
            else translate(
                "Measures",
                "{share} ({spend})",
            ).format(share=format_percent(share), spend=format_money(spend, money)),
            share,
        ),
    ]


def questions_answered(plan: Plan) -> int:
    """How many of the five evaluation questions have an answer."""
    return sum(1 for attr, _q in EVALUATION_QUESTIONS if getattr(plan.evaluation, attr).strip())


def _evaluation(plan: Plan, budget: Budget) -> list[Measure]:
    share = budget.evaluation_share
    money = format_money(budget.evaluation_total, budget.currency)
    answered = questions_answered(plan)
    return [
        Measure(
            translate("Measures", "Evaluation share of the total"),
            translate("Measures", NOT_YET)
            if share is None
            else translate(
                "Measures",
                "{share} ({money})",
            ).format(share=format_percent(share), money=money),
            share,
        ),
        Measure(
            translate("Measures", "Evaluation questions answered"),
            translate(
                "Measures",
                "{answered} of {total}",
            ).format(answered=answered, total=len(EVALUATION_QUESTIONS)),
            answered,
        ),
    ]


def six_e_measures(plan: Plan, budget: Budget | None = None) -> dict[SixE, list[Measure]]:
    """The measured inputs shown beside each E's rating, in the order of :class:`SixE`."""
    budget = budget or compute_budget(plan)
    return {
        SixE.ECONOMY: _economy(plan, budget),
        SixE.EFFICIENCY: _efficiency(plan, budget),
        SixE.EFFECTIVENESS: _effectiveness(plan),
        SixE.EQUITY: _equity(plan, budget),
        SixE.EMPOWERMENT: _empowerment(plan, budget),
        SixE.EVALUATION: _evaluation(plan, budget),
    }


def goes_in_comes_back(plan: Plan, budget: Budget | None = None) -> list[Measure]:
    """What goes in (the service's yearly cost, the engagement's cost and its share of the
    service's) and what comes back (the expected returns, as typed)."""
    budget = budget or compute_budget(plan)
    money = budget.currency
    service = plan.service_annual_cost
    found = [
        Measure(
            translate("Measures", "Annual cost of the service"),
            translate("Measures", "not given") if service is None else format_money(service, money),
            service,
        ),
        Measure(
            translate("Measures", "Cost of the engagement"),
            format_money(budget.grand_total, money),
            budget.grand_total,
        ),
    ]
    share = percent(budget.grand_total, service) if service else None
    found.append(
        Measure(
            translate("Measures", "Engagement as a share of the service's yearly cost"),
            translate("Measures", NOT_YET)
            if share is None
            else translate("Measures", "{share}").format(share=format_percent(share)),
            share,
        )
    )
    returns = plan.expected_returns.strip()
    found.append(
        Measure(
            translate("Measures", "Expected returns"),
            returns or translate("Measures", "not given"),
            returns or None,
        )
    )
    return found
