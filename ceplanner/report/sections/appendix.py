"""Section 12 (appendix): the cost assumptions and rules, and the sources of the figures used."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core import costing, locale_format
from ceplanner.core.money import format_quantity
from ceplanner.report.analysis import HIGH_FROM, plural
from ceplanner.report.layout import Cell, ReportContext, markup, plain, section_heading, subheading
from ceplanner.report.sections.glossary import build_glossary
from ceplanner.report.tables import table

NUMBER, TITLE = "", "Appendix: cost assumptions and sources"
MAX_SOURCES = 300
EXAMPLES = 3


def build_appendix(ctx: ReportContext) -> list[Flowable]:
    plan, s = ctx.plan, ctx.styles
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE)]
    items.append(subheading(ctx, "Cost assumptions"))
    pct = locale_format.format_percent(plan.contingency_percent.normalize())
    hours = format_quantity(costing.HOURS_PER_DAY)
    rows: list[list[Cell]] = [
        ["Currency", f"{plan.currency}; every amount is exact to the smallest unit (the penny for GBP)."],
        ["Staff day rate", f"{ctx.money(plan.staff_day_rate)} a day."],
        [
            "Hours in a staff day",
            f"{hours} hours, so an hourly rate of {ctx.money(costing.hourly_rate(plan))}.",
        ],
        [
            "Cost lines",
            "Quantity × unit cost, rounded half-up to a whole penny once per line; every other "
            "figure is a sum of line totals.",
        ],
        [
            "Contingency",
            f"{pct} of paid (cash) costs, rounded once. In-kind contributions carry no contingency.",
        ],
        [
            "In kind",
            "Staff time, venues and goods contributed rather than bought: counted in the full cost, "
            "not in the cash budget.",
        ],
        [
            "Evaluation",
            "The plan-level evaluation budget counts as a paid evaluation cost, on top of evaluation "
            "lines within activities.",
        ],
        [
            "Allocation",
            "An activity serving several objectives or groups has its full cost split evenly between "
            "them; the odd pennies go to the first ones, so allocations add up exactly.",
        ],
        ["Timing", "An activity's cost falls in the month it starts."],
        [
            "Cost per participant",
            "Grand total (paid, contingency and in kind) divided by expected participants "
            "over all activities.",
        ],
        ["Stakeholder map", f"Power and interest scored 1 to 5; {HIGH_FROM} or more counts as high."],
    ]
    items.append(
        table(ctx, None, [[markup(f"<b>{a}</b>"), plain(b)] for a, b in rows], [0.24, 0.76], zebra=False)
    )

    items.append(subheading(ctx, "Sources of the figures"))
    sources: dict[str, list[str]] = {}
    unsourced = 0
    for activity in plan.activities:
        for line in activity.cost_lines:
            source = line.source.strip()
            if not source:
                unsourced += 1
                continue
            sources.setdefault(source, []).append(line.description or activity.title)
    total_lines = sum(len(a.cost_lines) for a in plan.activities)
    examples = sum(n for source, used in sources.items() if is_example(source) for n in [len(used)])
    if not total_lines:
        items.append(ctx.para(plain("No cost lines yet."), s.muted))
        items += _methods(ctx)
        items += build_glossary(ctx)
        return items
    text = f"{plural(len(sources), 'distinct source')} for {plural(total_lines - unsourced, 'cost line')}; "
    text += f"{plural(unsourced, 'line')} without a source." if unsourced else "every line names its source."
    if examples:
        text += (
            f" {examples} of the {plural(total_lines, 'line')} "
            f"{'rests' if examples == 1 else 'rest'} on an example figure rather than a quote or a local "
            "price: check each before approval."
        )
    text += " Published figures are examples too: check the year and adjust to local prices."
    items.append(ctx.para(plain(text)))
    source_rows: list[list[Cell]] = []
    for source, used in sorted(sources.items(), key=lambda kv: (-len(kv[1]), kv[0].lower()))[:MAX_SOURCES]:
        examples = sorted(set(used))
        shown = "; ".join(examples[:EXAMPLES]) + (
            f"; and {len(examples) - EXAMPLES} more" if len(examples) > EXAMPLES else ""
        )
        source_rows.append([source, plain(str(len(used))), shown])
    if source_rows:
        items.append(table(ctx, ["Source", "Lines", "Used for"], source_rows, [0.42, 0.08, 0.5], numeric=[1]))
    if len(sources) > MAX_SOURCES:
        items.append(ctx.para(plain(f"and {len(sources) - MAX_SOURCES} more sources."), s.muted))
    items += _methods(ctx)
    items += build_glossary(ctx)
    return items


def is_example(source: str) -> bool:
    """Whether a cost line's source says its figure is only an example."""
    return source.strip().lower().startswith("example figure")


def _methods(ctx: ReportContext) -> list[Flowable]:
    """The methods the activities use, with the citation each method's figures come from."""
    plan = ctx.plan
    used = [m for m in plan.methods if any(a.method_id == m.id for a in plan.activities)]
    if not used:
        return []
    rows: list[list[Cell]] = []
    for method in used:
        activities = sum(1 for a in plan.activities if a.method_id == method.id)
        rows.append([method.name or "(unnamed method)", plain(str(activities)), method.source or "–"])
    return [
        subheading(ctx, "Methods and their sources"),
        table(ctx, ["Method", "Activities", "Source of its figures"], rows, [0.3, 0.12, 0.58], numeric=[1]),
    ]
