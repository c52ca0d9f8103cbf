"""Section 5: stakeholder analysis: the power/interest map, the groups, reaching the seldom heard."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core import locale_format
from ceplanner.core.model import StakeholderGroup, label
from ceplanner.report.analysis import (
    HIGH_FROM,
    QUADRANTS,
    activities_for_group,
    plural,
    quadrant,
)
from ceplanner.report.figures import figure
from ceplanner.report.layout import (
    Markup,
    ReportContext,
    cat,
    markup,
    plain,
    section_heading,
    seldom_heard_mark,
    subheading,
)
from ceplanner.report.shares import percent
from ceplanner.report.tables import table

NUMBER, TITLE = "3", "Stakeholders"
NUMBERED_MAX = 99  # as charts.NUMBERED_MAX (charts is imported lazily: matplotlib is slow to load)
MAX_LISTED = 12
"""Activities named per seldom-heard group before the rest are counted."""


def _group_cell(ctx: ReportContext, group: StakeholderGroup) -> Markup:
    details = [label(group.category)]
    if group.size:
        details.append(f"about {locale_format.format_number(group.size)} people")
    details.append(label(group.position).lower())
    return cat(
        ctx.b(group.name or "(unnamed group)"),
        markup('<br/><font color="#56616D">'),
        plain(", ".join(details)),
        markup("</font>"),
    )


def _needs_cell(ctx: ReportContext, group: StakeholderGroup, *, notes: bool = True) -> Markup:
    """Barriers and access needs; with ``notes``, the group's equity notes and notes too."""
    parts: list[Markup] = []
    if group.barriers:
        parts.append(cat(markup("<i>"), plain(", ".join(label(b) for b in group.barriers)), markup("</i>")))
    if group.access_needs.strip():
        parts.append(ctx.m(group.access_needs))
    if notes and group.equity_notes.strip():
        parts.append(cat(markup("<b>Equity:</b> "), ctx.m(group.equity_notes)))
    if notes and group.notes.strip():
        parts.append(cat(markup("<b>Notes:</b> "), ctx.m(group.notes)))
    if not parts:
        return plain("–")
    return Markup("<br/>".join(parts))


def build_stakeholders(ctx: ReportContext) -> list[Flowable]:
    from ceplanner.report.charts import power_interest_chart

    plan, s = ctx.plan, ctx.styles
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE)]
    if not plan.groups:
        items.append(ctx.para(plain("No stakeholder groups yet."), s.muted))
        return items
    counts = {q: sum(1 for g in plan.groups if quadrant(g) == q) for q in QUADRANTS}
    seldom = [g for g in plan.groups if g.seldom_heard]
    intro = (
        f"The plan names {plural(len(plan.groups), 'stakeholder group')}, {len(seldom)} of them seldom heard. "
        "Mapped by power and interest (Mendelow): "
        + ", ".join(f"{n} to {q[0].lower() + q[1:]}" for q, n in counts.items())
        + f". A score of {HIGH_FROM} or more out of 5 counts as high."
    )
    items.append(ctx.para(plain(intro)))
    if ctx.progress:
        ctx.progress("Drawing the stakeholder map")
    chart = power_interest_chart(plan)
    caption = f"Figure {ctx.figure_number()}. Power and interest of each stakeholder group; triangles mark seldom-heard groups."
    if len(plan.groups) <= NUMBERED_MAX:
        caption += " Numbers refer to the # column of the table below."
    else:
        caption += " Too many groups to label: the table below lists each group's quadrant."
    items.append(figure(ctx, chart, caption, subheading(ctx, "Stakeholder map")))

    items.append(subheading(ctx, "Stakeholder groups"))
    rows = [
        [
            plain(str(i)),
            _group_cell(ctx, g),
            cat(
                plain(quadrant(g)),
                markup('<br/><font color="#56616D">'),
                plain(f"power {g.power}, interest {g.interest}"),
                markup("</font>"),
            ),
            label(g.target_level),
            cat(seldom_heard_mark(), markup(" <b>Yes</b>")) if g.seldom_heard else plain("–"),
            _needs_cell(ctx, g),
        ]
        for i, g in enumerate(plan.groups, start=1)
    ]
    if rows:
        items.append(
            table(
                ctx,
                [
                    "#",
                    "Group",
                    "Quadrant",
                    "Target level",
                    "Seldom heard",
                    "Barriers, access needs and notes",
                ],
                rows,
                [0.05, 0.23, 0.13, 0.1, 0.08, 0.41],
            )
        )
    else:
        items.append(ctx.para(plain("No stakeholder groups yet."), s.muted))

    items.append(subheading(ctx, "Reaching seldom-heard groups"))
    if not seldom:
        items.append(
            ctx.para(
                plain(
                    "No group is marked as seldom heard. Check who might be missed: people "
                    "with language, disability, caring, digital, transport or time barriers."
                ),
                s.muted,
            )
        )
    else:
        items.append(
            ctx.para(
                plain(
                    "For each seldom-heard group: the activities that reach it, its part of the access support "
                    "costed in them (accessibility, interpretation and translation, childcare and carers, "
                    "travel) and its part of their whole cost, with that part's share of the total cost. An "
                    "activity serving several groups is split evenly between them, so no cost is counted twice."
                )
            )
        )
        rows = []
        for g in seldom:
            acts = activities_for_group(plan, g.id)
            if acts:
                names = [ctx.m(a.title or "(untitled)") for a in acts[:MAX_LISTED]]
                listed = Markup("<br/>".join(cat(plain("• "), n) for n in names))
                if len(acts) > MAX_LISTED:
                    listed = cat(listed, markup("<br/>"), plain(f"and {len(acts) - MAX_LISTED} more"))
            else:
                listed = markup('<font color="#A8470A"><b>Not reached by any activity</b></font>')
            access = ctx.budget.access_by_group.get(g.id, 0)
            share = ctx.budget.by_group.get(g.id, 0)
            rows.append(
                [
                    ctx.b(g.name or "(unnamed group)"),
                    _needs_cell(ctx, g, notes=False)
                    if not g.equity_notes.strip()
                    else cat(_needs_cell(ctx, g, notes=False), markup("<br/>"), ctx.m(g.equity_notes)),
                    listed,
                    ctx.money(access) if acts else "–",
                    cat(
                        plain(ctx.money(share)),
                        markup('<br/><font color="#56616D">'),
                        plain(percent(share, ctx.budget.grand_total)),
                        markup("</font>"),
                    ),
                ]
            )
        items.append(
            table(
                ctx,
                [
                    "Group",
                    "Barriers, needs and equity notes",
                    "Activities that reach it",
                    "Access support",
                    "Share of cost",
                ],
                rows,
                [0.2, 0.3, 0.26, 0.12, 0.12],
                numeric=[3, 4],
            )
        )
    return items
