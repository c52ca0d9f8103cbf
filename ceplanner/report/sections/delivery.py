"""Section 10: the delivery plan: the team and what their days cost, tasks by activity, the
readiness checklist, the communications plan, key messages and milestones."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core.model import Plan, Task, label
from ceplanner.core.money import format_quantity
from ceplanner.core.team import day_rate, member_cost, team_cost, team_days
from ceplanner.report.analysis import format_short_date, plural
from ceplanner.report.layout import Cell, ReportContext, plain, section_heading, subheading
from ceplanner.report.tables import table

NUMBER, TITLE = "10", "Delivery plan"
WHOLE_PLAN = "The plan as a whole"


def build_delivery(ctx: ReportContext) -> list[Flowable]:
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE, key="delivery")]
    items.append(
        ctx.para(
            plain(
                "Who will run the engagement and the days they give it, the jobs to be done before and "
                "during each activity, what must be checked before engagement starts, how people will "
                "hear about it, and the dates the decision depends on."
            )
        )
    )
    items += _team(ctx)
    items += _tasks(ctx)
    items += _readiness(ctx)
    items += _communications(ctx)
    items += _key_messages(ctx)
    items += _milestones(ctx)
    return items


def _none(ctx: ReportContext, text: str) -> Flowable:
    return ctx.para(plain(text), ctx.styles.muted)


def _team(ctx: ReportContext) -> list[Flowable]:
    plan = ctx.plan
    items: list[Flowable] = [subheading(ctx, "Project team")]
    if not plan.team:
        return [*items, _none(ctx, "No project team recorded yet.")]
    days, cost = format_quantity(team_days(plan)), ctx.money(team_cost(plan))
    items.append(
        ctx.para(
            plain(
                f"{plural(len(plan.team), 'person', 'people')} commit {days} days to the engagement, "
                f"costing {cost} at their day rates; where no rate of their own is given, the plan's staff "
                f"day rate of {ctx.money(plan.staff_day_rate)} is used."
            )
        )
    )
    rows: list[list[Cell]] = []
    for member in plan.team:
        rate = ctx.money(day_rate(plan, member)) + (" (plan rate)" if member.day_rate is None else "")
        rows.append(
            [
                member.name or "(unnamed)",
                member.role or "–",
                member.organisation or "–",
                format_quantity(member.days),
                rate,
                ctx.money(member_cost(plan, member)),
            ]
        )
    rows.append([plain("Total"), "", "", days, "", cost])
    items.append(
        table(
            ctx,
            ["Name", "Role", "Organisation or department", "Days", "Day rate", "Cost of days"],
            rows,
            [0.18, 0.2, 0.22, 0.08, 0.16, 0.16],
            numeric=[3, 4, 5],
            total_rows=[len(rows) - 1],
        )
    )
    return items


def tasks_by_activity(plan: Plan) -> list[tuple[str, list[Task]]]:
    """The plan's tasks under their activity's title, in the plan's order; the whole plan's first."""
    groups: list[tuple[str, list[Task]]] = []
    whole = [t for t in plan.tasks if t.activity_id not in {a.id for a in plan.activities}]
    if whole:
        groups.append((WHOLE_PLAN, whole))
    for activity in plan.activities:
        tasks = [t for t in plan.tasks if t.activity_id == activity.id]
        if tasks:
            groups.append((activity.title or "(untitled activity)", tasks))
    return groups


def _tasks(ctx: ReportContext) -> list[Flowable]:
    plan = ctx.plan
    items: list[Flowable] = [subheading(ctx, "Tasks by activity")]
    if not plan.tasks:
        return [*items, _none(ctx, "No tasks recorded yet.")]
    done = sum(1 for t in plan.tasks if t.done)
    items.append(ctx.para(plain(f"{plural(len(plan.tasks), 'task')}, {done} of them done.")))
    rows: list[list[Cell]] = []
    group_rows: list[int] = []
    for title, tasks in tasks_by_activity(plan):
        group_rows.append(len(rows))
        rows.append([title, "", "", ""])
        for task in tasks:
            rows.append(
                [
                    task.description or "(undescribed task)",
                    task.owner or "–",
                    format_short_date(task.due) or "–",
                    "Done" if task.done else "To do",
                ]
            )
    items.append(
        table(ctx, ["Task", "Owner", "Due", "Done"], rows, [0.52, 0.22, 0.14, 0.12], group_rows=group_rows)
    )
    return items


def _readiness(ctx: ReportContext) -> list[Flowable]:
    plan = ctx.plan
    items: list[Flowable] = [subheading(ctx, "Readiness checklist before starting")]
    if not plan.readiness:
        return [*items, _none(ctx, "No readiness checklist yet.")]
    done = sum(1 for r in plan.readiness if r.done)
    items.append(ctx.para(plain(f"{done} of {plural(len(plan.readiness), 'check')} done.")))
    rows: list[list[Cell]] = [
        [r.description or "(undescribed check)", "Done" if r.done else "Not done", r.notes or "–"]
        for r in plan.readiness
    ]
    items.append(table(ctx, ["Check", "Done", "Notes"], rows, [0.45, 0.13, 0.42]))
    return items


def _communications(ctx: ReportContext) -> list[Flowable]:
    plan = ctx.plan
    items: list[Flowable] = [subheading(ctx, "Communications plan")]
    if not plan.communications:
        return [*items, _none(ctx, "No communications planned yet.")]
    rows: list[list[Cell]] = [
        [c.audience or "–", c.channel or "–", c.timing or "–", c.owner or "–"] for c in plan.communications
    ]
    items.append(table(ctx, ["Audience", "Channel", "Timing", "Owner"], rows, [0.24, 0.32, 0.26, 0.18]))
    return items


def _key_messages(ctx: ReportContext) -> list[Flowable]:
    plan = ctx.plan
    items: list[Flowable] = [subheading(ctx, "Key messages", outline=False)]
    if not plan.key_messages:
        return [*items, _none(ctx, "No key messages yet.")]
    rows: list[list[Cell]] = [
        [plain(str(i)), k.message or "–", k.audience or "Every participant"]
        for i, k in enumerate(plan.key_messages, start=1)
    ]
    items.append(table(ctx, ["#", "Message", "For"], rows, [0.05, 0.7, 0.25]))
    return items


def _milestones(ctx: ReportContext) -> list[Flowable]:
    plan = ctx.plan
    items: list[Flowable] = [subheading(ctx, "Milestones and decision dates", outline=False)]
    if not plan.milestones:
        return [*items, _none(ctx, "No milestones recorded yet.")]
    dated = sorted(plan.milestones, key=lambda m: (m.due is None, m.due or plan.created.date()))
    rows: list[list[Cell]] = [
        [format_short_date(m.due) or "Not dated", m.title or "(untitled milestone)", label(m.kind)]
        for m in dated
    ]
    items.append(table(ctx, ["Date", "Milestone", "Kind"], rows, [0.18, 0.6, 0.22]))
    return items
