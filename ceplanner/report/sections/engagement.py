"""Section 7: the engagement plan: what we will do, with whom, when, at what level and cost."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core import costing, locale_format
from ceplanner.core.model import IAP2_PROMISES, Activity, label
from ceplanner.core.team import member_label
from ceplanner.report.analysis import format_short_date, plural
from ceplanner.report.figures import figure
from ceplanner.report.layout import (
    Cell,
    Markup,
    ReportContext,
    cat,
    groups_text,
    markup,
    plain,
    section_heading,
    subheading,
)
from ceplanner.report.tables import table

NUMBER, TITLE = "5", "Engagement plan"
ROWS_PER_CHART = 20
"""Activities per timeline chart: a part of about half a page fits where a page is half used."""


def _activity_cell(ctx: ReportContext, activity: Activity) -> Markup:
    parts = [ctx.b(activity.title or "(untitled activity)")]
    method = ctx.plan.method(activity.method_id)
    if method is not None and method.name and method.name != activity.title:
        parts.append(cat(markup('<font color="#56616D">Method: '), ctx.m(method.name), markup("</font>")))
    lead = next((m for m in ctx.plan.team if m.id == activity.lead_id), None)
    if lead is not None:
        parts.append(
            cat(markup('<font color="#56616D">Led by: '), ctx.m(member_label(lead)), markup("</font>"))
        )
    if activity.description.strip():
        parts.append(ctx.m(activity.description))
    promise = activity.promise.strip()
    if promise and promise != IAP2_PROMISES[activity.level]:  # the standard promises are in section 2
        parts.append(cat(markup('<font color="#56616D"><i>Promise: '), ctx.m(promise), markup("</i></font>")))
    return Markup("<br/>".join(parts))


def _dates(activity: Activity) -> str:
    if activity.start is None:
        return "Not scheduled"
    if activity.end is None or activity.end == activity.start:
        return format_short_date(activity.start)
    return f"{format_short_date(activity.start)} to {format_short_date(activity.end)}"


def build_engagement(ctx: ReportContext) -> list[Flowable]:
    from ceplanner.report.charts import timeline_chart

    plan, s = ctx.plan, ctx.styles
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE)]
    if not plan.activities:
        items.append(ctx.para(plain("No activities yet."), s.muted))
        return items
    sessions = sum(max(a.sessions, 0) for a in plan.activities)
    people = (
        f", for about {locale_format.format_number(ctx.budget.participants)} participants"
        if ctx.budget.participants
        else ""
    )
    items.append(
        ctx.para(
            plain(
                f"{plural(len(plan.activities), 'activity', 'activities')} with {plural(sessions, 'session')} "
                f"in all{people}. Costs are full costs, paid and in kind, before contingency; section 6 "
                "itemises them."
            )
        )
    )
    items.append(subheading(ctx, "Activities"))
    rows: list[list[Cell]] = []
    for i, activity in enumerate(plan.activities, start=1):
        rows.append(
            [
                plain(str(i)),
                _activity_cell(ctx, activity),
                groups_text(ctx, activity.group_ids),
                label(activity.level),
                _dates(activity),
                plain(
                    f"{locale_format.format_number(activity.sessions)} / {locale_format.format_number(activity.participants)}"
                ),
                ctx.money(costing.activity_cost(activity).total),
            ]
        )
    if rows:
        items.append(
            table(
                ctx,
                ["#", "Activity", "With", "Level", "When", markup("Sessions /<br/>people"), "Cost"],
                rows,
                [0.04, 0.31, 0.18, 0.11, 0.13, 0.1, 0.13],
                numeric=[5, 6],
            )
        )
    else:
        items.append(ctx.para(plain("No activities yet."), s.muted))

    heading: Flowable | None = subheading(ctx, "Timeline")
    if ctx.progress:
        ctx.progress("Drawing the timeline")
    if not any(a.start for a in plan.activities):
        return [*items, heading, ctx.para(plain("No activity has dates yet."), s.muted)]
    chunks = [plan.activities[i : i + ROWS_PER_CHART] for i in range(0, len(plan.activities), ROWS_PER_CHART)]
    for n, chunk in enumerate(chunks, start=1):
        caption = f"Figure {ctx.figure_number()}. When each activity happens, shaded by IAP2 level; diamonds are one-day events."
        if len(chunks) > 1:
            first = (n - 1) * ROWS_PER_CHART + 1
            caption += f" Part {n} of {len(chunks)}: activities {first} to {first + len(chunk) - 1}."
        items.append(figure(ctx, timeline_chart(plan, chunk), caption, heading))
        heading = None
    return items
