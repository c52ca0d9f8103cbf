"""``ceplanner info`` for a plan in delivery: planned against actual, in plain text.

Every figure comes from :mod:`ceplanner.core.variance`; this module only lays them out.
"""

from __future__ import annotations

import textwrap

from ceplanner.core.model import DeliveryStatus, Plan, label
from ceplanner.core.money import format_money
from ceplanner.core.variance import GroupReach, VarianceRow, delivery_figures, percent_text, signed_money

_NAME = 40


def _cut(text: str, width: int = _NAME) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _date(value: object) -> str:
    return f"{value:%-d %B %Y}" if value is not None else "a date not recorded"


def delivery_lines(approved: Plan, plan: Plan, baseline: str) -> list[str]:
    """Planned against actual for ``plan`` measured against ``approved`` (called ``baseline``)."""
    figures = delivery_figures(approved, plan)

    def money(amount: int) -> str:
        return format_money(amount, plan.currency)

    def change(amount: int) -> str:
        return signed_money(amount, plan.currency)

    def row(item: VarianceRow, indent: str = "  ") -> str:
        return (
            f"{indent}{_cut(item.label, _NAME + 2 - len(indent)):<{_NAME + 2 - len(indent)}}"
            f"{money(item.planned.total):>14}{money(item.actual.total):>14}"
            f"{change(item.variance):>14}{percent_text(item.percent):>9}"
        )

    def reach_row(item: GroupReach) -> str:
        return (
            f"  {_cut(item.name):<{_NAME}}{item.expected:>10,}{item.reached:>10,}"
            f"{percent_text(item.percent, signed=False):>9}{item.attendances:>13,}"
        )

    statuses = {s: sum(1 for a in plan.activities if a.delivery_status is s) for s in DeliveryStatus}
    held = sum(a.sessions_held for a in figures.activities)
    planned_sessions = sum(a.sessions for a in approved.activities)
    header = f"  {'':<{_NAME}}{'Planned':>14}{'Actual':>14}{'Variance':>14}{'':>9}"
    lines = [
        "",
        f"Delivery (since {_date(plan.delivery_started_on)}), measured against {baseline}",
        "  Activities:     " + ", ".join(f"{n} {label(s).lower()}" for s, n in statuses.items()),
        f"  Sessions held:  {held:,} of {planned_sessions:,} planned",
        "",
        "Planned against actual (paid and in kind; variance is actual minus planned)",
        header,
        row(figures.total),
        f"    {'of which paid':<{_NAME - 2}}{money(figures.total.planned.paid):>14}"
        f"{money(figures.total.actual.paid):>14}{change(figures.total.paid_variance):>14}"
        f"{percent_text(figures.total.paid_percent):>9}",
        f"    {'of which in kind':<{_NAME - 2}}{money(figures.total.planned.in_kind):>14}"
        f"{money(figures.total.actual.in_kind):>14}",
    ]
    for title, rows in (
        ("By activity", figures.by_activity),
        ("By category", figures.by_category),
        ("By funder", figures.by_funder),
    ):
        lines += ["", title, header, *(row(r) for r in rows), row(figures.contingency)]
    dropped = [a for a in figures.activities if a.status == label(DeliveryStatus.DROPPED)]
    for activity in dropped:
        reason = activity.dropped_reason or "No reason recorded."
        lines += [
            "",
            f"Dropped: {activity.title}",
            *textwrap.wrap(reason, 94, initial_indent="  ", subsequent_indent="  "),
        ]
    lines += [
        "",
        "Reach by group (people, each counted once per activity)",
        f"  {'':<{_NAME}}{'Expected':>10}{'Reached':>10}{'':>9}{'Attendances':>13}",
        *(reach_row(r) for r in figures.reach),
        reach_row(figures.seldom_heard),
        reach_row(figures.reach_total),
    ]
    fed_back = sum(1 for r in plan.responses if r.fed_back)
    answered = {r.theme_id for r in plan.responses}
    open_themes = sum(1 for t in plan.themes if t.id not in answered)
    measured = sum(1 for i in figures.indicators if i.measured.strip())
    lines += [
        "",
        f"  What we heard:  {len(plan.themes)} themes ({open_themes} with no response yet)",
        f"  What we did:    {len(plan.responses)} responses ({fed_back} fed back to participants)",
        f"  Indicators:     {measured} of {len(figures.indicators)} measured",
    ]
    return lines
