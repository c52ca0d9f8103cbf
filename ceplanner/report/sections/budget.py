"""Section 8: the costed budget. Every amount printed here is a figure from ``ceplanner.core.costing``."""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable

from ceplanner.core import costing, locale_format
from ceplanner.core.envelope import funder_costed, funder_envelopes, plan_envelope
from ceplanner.core.model import Activity, OutcomeLevel, Unit, label
from ceplanner.core.money import format_quantity
from ceplanner.report.analysis import plural
from ceplanner.report.figures import figure
from ceplanner.report.layout import (
    Cell,
    ReportContext,
    cat,
    markup,
    plain,
    section_heading,
    seldom_heard_mark,
    subheading,
)
from ceplanner.report.sections.summary import unfunded_sentence
from ceplanner.report.shares import percent_column
from ceplanner.report.tables import table

NUMBER, TITLE = "6", "Costed budget"


UNIT_PLURALS = {Unit.PERSON: "people", Unit.LUMP_SUM: "lump sums"}


def unit_words(unit: Unit, quantity: Decimal) -> str:
    """'1 day', '3 days', '2 people': the unit's word agreeing with the quantity."""
    if quantity == 1:
        return label(unit)
    return UNIT_PLURALS.get(unit, label(unit) + "s")


def _category_table(ctx: ReportContext) -> Flowable:
    b = ctx.budget
    rows: list[list[Cell]] = [
        [label(category), ctx.money(split.paid), ctx.money(split.in_kind), ctx.money(split.total)]
        for category, split in b.by_category.items()
    ]
    pct = locale_format.format_percent(ctx.plan.contingency_percent.normalize())
    totals = len(rows)
    rows += [
        ["Subtotal before contingency", ctx.money(b.paid), ctx.money(b.in_kind), ctx.money(b.subtotal)],
        [f"Contingency ({pct} of paid costs)", ctx.money(b.contingency), "–", ctx.money(b.contingency)],
        ["Grand total", ctx.money(b.cash_total), ctx.money(b.in_kind), ctx.money(b.grand_total)],
    ]
    return table(
        ctx,
        ["Category", "Paid", "In kind", "Total"],
        rows,
        [0.46, 0.18, 0.18, 0.18],
        numeric=[1, 2, 3],
        total_rows=[totals, totals + 2],
    )


ACTIVITIES_PER_TABLE = 25
"""Very long plans get one table per this many activities: reportlab re-examines every merged
cell of a table each time it splits it over a page, which grows with the square of its length."""


def _activity_rows(ctx: ReportContext, number: int, activity: Activity) -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        [cat(plain(f"{number}. "), ctx.m(activity.title or "(untitled activity)", bold=True))]
    ]
    for line in activity.cost_lines:
        unit = unit_words(line.unit, line.quantity)
        rows.append(
            [
                cat(
                    ctx.m(line.description or "(no description)"),
                    markup('<br/><font color="#56616D">'),
                    plain(label(line.category)),
                    markup("</font>"),
                ),
                plain(f"{format_quantity(line.quantity)} {unit} × {ctx.money(line.unit_cost)}"),
                line.funder or "–",
                markup("<i>In kind</i>") if line.in_kind else plain("Paid"),
                ctx.money(costing.line_total(line)),
            ]
        )
    cost = costing.activity_cost(activity)
    detail = f"(paid {ctx.money(cost.paid)}, in kind {ctx.money(cost.in_kind)})"
    rows.append(
        [
            cat(plain("Activity total "), markup('<font color="#56616D">'), plain(detail), markup("</font>")),
            "",
            "",
            "",
            ctx.money(cost.total),
        ]
    )
    return rows


def _activity_tables(ctx: ReportContext) -> list[Flowable]:
    """The cost lines of every activity (and the plan-level evaluation budget) as tables.

    Each block is its rows: a title row (shaded, merged across), the cost lines and, for an
    activity, a total row (bold, its label merged across the first four columns).
    """
    plan = ctx.plan
    blocks: list[tuple[list[list[Cell]], bool]] = [
        (_activity_rows(ctx, i, activity), True) for i, activity in enumerate(plan.activities, start=1)
    ]
    if ctx.budget.evaluation_budget:
        method = ctx.m(plan.evaluation.method or "Evaluation of the whole plan")
        line: list[Cell] = [method, "", "–", plain("Paid"), ctx.money(ctx.budget.evaluation_budget)]
        blocks.append(([[plain("Plan-level evaluation")], line], False))
    tables: list[Flowable] = []
    for start in range(0, len(blocks), ACTIVITIES_PER_TABLE):
        rows: list[list[Cell]] = []
        groups: list[int] = []
        totals: list[int] = []
        for block, has_total in blocks[start : start + ACTIVITIES_PER_TABLE]:
            groups.append(len(rows))
            rows.append([block[0][0], "", "", "", ""])
            rows += block[1:]
            if has_total:
                totals.append(len(rows) - 1)
        tables.append(
            table(
                ctx,
                ["Item and category", "Quantity × unit cost", "Funder", "Paid / in kind", "Total"],
                rows,
                [0.37, 0.22, 0.18, 0.1, 0.13],
                numeric=[4],
                group_rows=groups,
                total_rows=totals,
                zebra=False,
                spans=[(r, 0, 3) for r in totals],
            )
        )
    return tables


def _share_table(ctx: ReportContext, heading: str, items: list[tuple[Cell, int]]) -> Flowable:
    """Amounts and their shares of the total cost; the contingency is a row of its own, so the
    amounts add up to the total and the shares to exactly 100.0%."""
    b = ctx.budget
    if b.contingency:
        items = [*items, (plain("Contingency (not allocated)"), b.contingency)]
    shares = percent_column([amount for _, amount in items], b.grand_total)
    rows: list[list[Cell]] = [
        [name, ctx.money(amount), share] for (name, amount), share in zip(items, shares, strict=True)
    ]
    rows.append(
        [
            "Total cost",
            ctx.money(b.grand_total),
            locale_format.format_percent(100, 1) if b.grand_total else "–",
        ]
    )
    return table(
        ctx, [heading, "Amount", "Share"], rows, [0.6, 0.22, 0.18], numeric=[1, 2], total_rows=[len(rows) - 1]
    )


def _envelope_table(ctx: ReportContext) -> list[Flowable]:
    """The budget envelope against the cash budget needed (nothing when no envelope is set)."""
    compared = plan_envelope(ctx.plan, ctx.budget)
    if compared is None:
        return []
    rows: list[list[Cell]] = [
        ["Cash budget needed (paid costs and contingency)", ctx.money(compared.costed)],
        ["Budget envelope", ctx.money(compared.envelope)],
        [compared.words, ctx.money(compared.difference)],
    ]
    return [
        subheading(ctx, "Budget envelope"),
        table(ctx, ["Against the money available", "Amount"], rows, [0.7, 0.3], numeric=[1], total_rows=[2]),
    ]


def _funder_envelopes(ctx: ReportContext) -> list[Flowable]:
    """Each funder the plan lists: what they offer against the full cost of the lines naming them."""
    funders = [f for f in ctx.plan.funders if f.name.strip() or f.notes.strip()]
    if not funders:
        return []
    compared = {id(item.funder): item.comparison for item in funder_envelopes(ctx.plan, ctx.budget)}
    rows: list[list[Cell]] = []
    for funder in funders:
        c = compared.get(id(funder))
        costed = funder_costed(ctx.budget, funder.name)
        if c is None:
            difference: Cell = "–"
        elif c.over:
            difference = plain(f"Over budget by {ctx.money(c.difference)}")
        else:
            difference = ctx.money(c.headroom)
        rows.append(
            [
                ctx.m(funder.name or "(unnamed funder)"),
                ctx.money(funder.envelope) if funder.envelope is not None else "not set",
                ctx.money(costed),
                difference,
            ]
        )
    out: list[Flowable] = [
        subheading(ctx, "Funders' envelopes"),
        ctx.para(
            plain(
                "What each funder has offered, against the full cost (paid and in kind) of the cost "
                "lines naming them; the contingency and the plan-level evaluation name no funder."
            ),
            ctx.styles.muted,
        ),
        table(
            ctx,
            ["Funder", "Envelope", "Their lines", "Headroom"],
            rows,
            [0.43, 0.19, 0.19, 0.19],
            numeric=[1, 2, 3],
        ),
    ]
    for funder in funders:
        if funder.notes.strip():
            name = ctx.m(funder.name or "(unnamed funder)", bold=True)
            out.append(ctx.para(cat(name, plain(": "), ctx.m(funder.notes)), ctx.styles.muted))
    return out


def _funder_table(ctx: ReportContext) -> list[Flowable]:
    """Who pays for what: paid and in kind by funder, then what no funder pays for yet."""
    b = ctx.budget
    named = sorted(
        ((name, split) for name, split in b.funder_splits.items() if name != costing.NO_FUNDER),
        key=lambda kv: -kv[1].total,
    )
    items: list[tuple[Cell, costing.Split]] = [(name, split) for name, split in named]
    none = b.funder_splits.get(costing.NO_FUNDER)
    if none is not None and none.total:
        items.append((plain("No funder yet: cost lines and plan-level evaluation"), none))
    if b.contingency:
        items.append((plain("No funder yet: contingency"), costing.Split(b.contingency, 0)))
    shares = percent_column([split.total for _, split in items], b.grand_total)
    rows: list[list[Cell]] = [
        [name, ctx.money(split.paid), ctx.money(split.in_kind), ctx.money(split.total), share]
        for (name, split), share in zip(items, shares, strict=True)
    ]
    rows.append(
        [
            "Total cost",
            ctx.money(b.cash_total),
            ctx.money(b.in_kind),
            ctx.money(b.grand_total),
            locale_format.format_percent(100, 1) if b.grand_total else "–",
        ]
    )
    out: list[Flowable] = []
    sentence = unfunded_sentence(ctx)
    if sentence:
        out.append(ctx.para(plain(sentence)))
    out.append(
        table(
            ctx,
            ["Funder", "Paid", "In kind", "Total", "Share"],
            rows,
            [0.4, 0.15, 0.15, 0.17, 0.13],
            numeric=[1, 2, 3, 4],
            total_rows=[len(rows) - 1],
        )
    )
    return out


def _period_name(key: str) -> str:
    if key[:4].isdigit() and key[4:5] == "-":
        return f"{MONTHS[int(key[5:7]) - 1]} {key[:4]}"
    return {
        costing.UNSCHEDULED: "Activities not yet scheduled",
        costing.PLAN_LEVEL: "Plan-level evaluation",
    }.get(key, key)


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_SHOWN = 12
"""Plans longer than this many months show the cash flow by quarter."""


def _cash_flow(ctx: ReportContext) -> list[Flowable]:
    """When the money is spent: each activity's full cost in the month (or quarter) it starts."""
    b = ctx.budget
    dated = [k for k in b.by_month if k[:4].isdigit()]
    if not dated:
        return []
    by_quarter = len(dated) > MONTHS_SHOWN
    periods = b.by_quarter if by_quarter else b.by_month
    items = [
        (key if by_quarter and key[:4].isdigit() else _period_name(key), amount)
        for key, amount in periods.items()
    ]
    if b.contingency:
        items.append(("Contingency (if needed)", b.contingency))
    totals = costing.running_totals([amount for _, amount in items])
    rows: list[list[Cell]] = [
        [name, ctx.money(amount), ctx.money(total)]
        for (name, amount), total in zip(items, totals, strict=True)
    ]
    rows.append(["Total cost", ctx.money(b.grand_total), ""])
    return [
        subheading(ctx, "Cash flow"),
        ctx.para(
            plain(
                f"The full cost (paid and in kind) by the {'quarter' if by_quarter else 'month'} each activity "
                "starts in, with the running total."
            ),
            ctx.styles.muted,
        ),
        table(
            ctx,
            ["Quarter" if by_quarter else "Month", "Cost", "Running total"],
            rows,
            [0.5, 0.25, 0.25],
            numeric=[1, 2],
            total_rows=[len(rows) - 1],
        ),
    ]


def _unit_costs(ctx: ReportContext) -> list[Flowable]:
    """Staff time and the cost per participant of each activity."""
    plan = ctx.plan
    rows: list[list[Cell]] = []
    for i, activity in enumerate(plan.activities, start=1):
        hours = costing.staff_hours(activity)
        per_person = costing.cost_per_participant(activity)
        rows.append(
            [
                plain(str(i)),
                activity.title or "(untitled activity)",
                plain(format_quantity(hours.quantize(Decimal("0.1")).normalize())) if hours else "–",
                plain(format_quantity(costing.staff_days(hours).normalize())) if hours else "–",
                ctx.money(costing.activity_cost(activity).total),
                plain(locale_format.format_number(activity.participants)) if activity.participants else "–",
                ctx.money(per_person) if per_person is not None else "–",
            ]
        )
    if not rows:
        return []
    hours_total = ctx.budget.staff_hours
    return [
        subheading(ctx, "Staff time and cost per participant"),
        ctx.para(
            plain(
                f"Staff time in hours and in days of {format_quantity(costing.HOURS_PER_DAY)} hours "
                f"({format_quantity(hours_total.quantize(Decimal('0.1')).normalize())} hours in all), and each "
                "activity's full cost per expected participant."
            ),
            ctx.styles.muted,
        ),
        table(
            ctx,
            ["#", "Activity", "Staff hours", "Staff days", "Cost", "People", markup("Cost per<br/>person")],
            rows,
            [0.05, 0.37, 0.1, 0.1, 0.14, 0.09, 0.15],
            numeric=[2, 3, 4, 5, 6],
        ),
    ]


def _key_name(key: str) -> str:
    return {costing.UNALLOCATED: "Not linked", costing.PLAN_LEVEL: "Plan-level evaluation"}.get(key, key)


def build_budget(ctx: ReportContext) -> list[Flowable]:
    from ceplanner.report.charts import budget_chart

    plan, b, s = ctx.plan, ctx.budget, ctx.styles
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE)]
    if not b.grand_total:
        items.append(ctx.para(plain("No costs are entered yet."), s.muted))
        return items
    pct = locale_format.format_percent(plan.contingency_percent.normalize())
    intro = (
        f"The full cost of the engagement is {ctx.money(b.grand_total)}: {ctx.money(b.paid)} of paid costs, a "
        f"{pct} contingency on those of {ctx.money(b.contingency)}, and {ctx.money(b.in_kind)} contributed in "
        f"kind (staff time, venues and goods given rather than bought). The cash budget is "
        f"{ctx.money(b.cash_total)}."
    )
    if b.cost_per_participant is not None:
        intro += (
            f" With about {locale_format.format_number(b.participants)} participants expected, the full cost per participant is "
            f"{ctx.money(b.cost_per_participant)}."
        )
    compared = plan_envelope(plan, b)
    if compared is not None:
        intro += f" The budget envelope is {ctx.money(compared.envelope)}: " + (
            f"the cash budget is over it by {ctx.money(compared.overrun)}."
            if compared.over
            else f"{ctx.money(compared.headroom)} of headroom."
        )
    items.append(ctx.para(plain(intro)))
    items.append(subheading(ctx, "Summary by category"))
    items.append(_category_table(ctx))
    if ctx.progress:
        ctx.progress("Drawing the budget chart")
    items.append(
        figure(
            ctx,
            budget_chart(plan, b),
            f"Figure {ctx.figure_number()}. Cost by category: paid (solid) and in kind (hatched), with the contingency.",
        )
    )
    items += _envelope_table(ctx)

    items.append(subheading(ctx, "Costs by activity"))
    items.append(
        ctx.para(
            plain(
                f"Each cost line is quantity × unit cost, rounded to the nearest penny once. "
                f"{plural(sum(len(a.cost_lines) for a in plan.activities), 'cost line')} in "
                f"{plural(len(plan.activities), 'activity', 'activities')}."
            ),
            s.muted,
        )
    )
    items += _activity_tables(ctx)

    items.append(subheading(ctx, "By outcome level"))
    level_names = {lvl.value: f"{label(lvl)} outcomes" for lvl in OutcomeLevel}
    items.append(
        _share_table(
            ctx, "Outcome level", [(level_names.get(k, _key_name(k)), v) for k, v in b.by_level.items()]
        )
    )
    items.append(subheading(ctx, "By stakeholder group"))
    group_rows: list[tuple[Cell, int]] = []
    for group in plan.groups:
        if group.id in b.by_group:
            name = ctx.m(group.name or "(unnamed group)")
            if group.seldom_heard:
                name = cat(
                    name,
                    markup(" "),
                    seldom_heard_mark(),
                    markup(' <font color="#56616D">(seldom heard)</font>'),
                )
            group_rows.append((name, b.by_group[group.id]))
    unserved = [g for g in plan.groups if g.id not in b.by_group]
    for key in (costing.UNALLOCATED, costing.PLAN_LEVEL):
        if key in b.by_group:
            group_rows.append(
                (
                    plain("Activities with no group" if key == costing.UNALLOCATED else _key_name(key)),
                    b.by_group[key],
                )
            )
    items.append(_share_table(ctx, "Stakeholder group", group_rows))
    if unserved:
        items.append(
            ctx.para(
                plain(f"{plural(len(unserved), 'group')} with no activity and so no cost allocated."), s.muted
            )
        )
    items.append(subheading(ctx, "By funder"))
    items += _funder_table(ctx)
    items += _funder_envelopes(ctx)
    items += _cash_flow(ctx)
    items += _unit_costs(ctx)
    return items
