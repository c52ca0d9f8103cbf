"""Section 4: context and purpose: why we engage, the decision, whose value, levels of influence."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core.model import IAP2_PROMISES, IAP2Level, label
from ceplanner.report.analysis import format_date, plan_period, plural
from ceplanner.report.layout import ReportContext, cat, markup, plain, section_heading, subheading
from ceplanner.report.tables import table

NUMBER, TITLE = "2", "Context and purpose"
NOT_STATED = "Not stated yet."


def build_purpose(ctx: ReportContext) -> list[Flowable]:
    plan, s = ctx.plan, ctx.styles
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE)]
    items.append(subheading(ctx, "Why we are engaging", key="purpose"))
    if plan.purpose.strip():
        items += [ctx.para(ctx.m(part)) for part in plan.purpose.strip().split("\n\n")]
    else:
        items.append(ctx.para(plain(NOT_STATED), s.muted))

    items.append(subheading(ctx, "The decision and what is open to influence", key="decision"))
    period = plan_period(plan)
    rows = [
        ["Decision sought", plan.decision or NOT_STATED],
        ["Who decides", plan.decision_maker or NOT_STATED],
        ["Open to influence", plan.negotiable or NOT_STATED],
        ["Not negotiable", plan.not_negotiable or NOT_STATED],
        ["Value for whom", ", ".join(plan.value_for_whom) or NOT_STATED],
        [
            "Plan period",
            f"{format_date(period.start)} to {format_date(period.end)}" if period else NOT_STATED,
        ],
        ["Status", label(plan.status)],
    ]
    items.append(
        table(ctx, None, [[markup(f"<b>{r[0]}</b>"), r[1]] for r in rows], [0.24, 0.76], zebra=False)
    )

    items.append(subheading(ctx, "Levels of participation and our promise"))
    items.append(
        ctx.para(
            plain(
                "Each group and activity is placed on the IAP2 Spectrum of Public Participation. The level "
                "sets the promise we make to the people taking part; the table shows the levels this plan uses."
            )
        )
    )
    level_rows = []
    for level in IAP2Level:
        groups = [g for g in plan.groups if g.target_level is level]
        activities = [a for a in plan.activities if a.level is level]
        if not groups and not activities:
            continue
        level_rows.append(
            [
                cat(markup("<b>"), plain(label(level)), markup("</b>")),
                IAP2_PROMISES[level],
                plural(len(groups), "group") if groups else "–",
                plural(len(activities), "activity", "activities") if activities else "–",
            ]
        )
    if level_rows:
        items.append(
            table(
                ctx,
                ["Level", "Promise to the public", "Target for", "Activities"],
                level_rows,
                [0.16, 0.56, 0.14, 0.14],
            )
        )
    else:
        items.append(ctx.para(plain("No groups or activities yet."), s.muted))
    return items
