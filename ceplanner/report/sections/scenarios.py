"""The budget scenarios side by side (after the costed budget; only when the plan has scenarios).

Every figure is :mod:`ceplanner.core.scenarios`' comparison, whose amounts come from
``compute_budget`` of the plan each scenario makes: nothing is added up here.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core.checks import plan_checks
from ceplanner.core.scenarios import Comparison, compare_all, comparison_rows
from ceplanner.report.analysis import plural
from ceplanner.report.layout import (
    Heading,
    Markup,
    ReportContext,
    cat,
    gap,
    markup,
    plain,
    subheading,
)
from ceplanner.report.tables import table

TITLE = "Budget scenarios compared"
KEY = "scenarios"
COLUMNS_PER_TABLE = 4
"""Scenarios shown side by side in one table; more continue in a second table below."""
KEEP_WHOLE = 0.45
"""Share of a page below which the comparison starts on the next page instead of splitting."""


def _table(ctx: ReportContext, results: list[Comparison]) -> Flowable:
    rows = comparison_rows(ctx.plan, results)
    header: list[str] = [markup("Figure"), *(ctx.m(r.name or "(unnamed)", bold=True) for r in results)]
    share = 0.64 / COLUMNS_PER_TABLE
    return table(
        ctx,
        header,
        [[plain(row.words), *(plain(v) for v in row.values)] for row in rows],
        [0.36, *(share for _ in results)],
        numeric=list(range(1, len(results) + 1)),
        total_rows=[i for i, row in enumerate(rows) if row.total],
        group_rows=[i for i, row in enumerate(rows) if row.heading],
    )


def _what_each_keeps(ctx: ReportContext, results: list[Comparison]) -> list[Flowable]:
    """Each scenario's name, description and the groups it leaves out, in full."""
    items: list[Flowable] = []
    whole = {(c.code, c.item_id) for c in plan_checks(ctx.plan)}
    for result in results:
        parts: list[Markup] = [ctx.b(result.name or "(unnamed scenario)")]
        if result.scenario.description.strip():
            parts += [plain(": "), ctx.m(result.scenario.description.strip())]
        left_out = [g.name or "(unnamed group)" for g in result.reach if not g.reached]
        if left_out:
            parts += [plain(" Groups not reached: "), ctx.m("; ".join(left_out)), plain(".")]
        extra = [c for c in result.findings if (c.code, c.item_id) not in whole]
        if extra:
            parts += [plain(" Findings the plan as a whole does not have: ")]
            parts += [ctx.m(" ".join(c.message for c in extra))]
        items.append(ctx.para(cat(*parts), ctx.styles.body))
    return items


def build_scenarios(ctx: ReportContext) -> list[Flowable]:
    if not ctx.plan.scenarios:
        return []
    results = compare_all(ctx.plan)
    heading = subheading(ctx, TITLE, key=KEY)
    items: list[Flowable] = [
        heading,
        ctx.para(
            plain(
                f"The plan holds {plural(len(results), 'budget scenario')}: each keeps a chosen set of "
                "the activities, each for a chosen number of sessions. Participants follow the "
                "sessions (unless the same people come to every session), and so do the cost lines "
                "that scale with sessions, participants or attendances. The contingency rate and the "
                "plan-level evaluation are the same in every scenario."
            )
        ),
    ]
    for first in range(0, len(results), COLUMNS_PER_TABLE):
        items.append(_table(ctx, results[first : first + COLUMNS_PER_TABLE]))
    items += [gap(3), *_what_each_keeps(ctx, results)]
    # Start on a new page rather than split the comparison, unless that leaves much of this
    # page blank (a new page is taken only when less than KEEP_WHOLE of it is left).
    need = sum(_height(ctx, item) for item in items[1:])
    if isinstance(heading, Heading):
        heading.room = max(heading.room, min(need, ctx.height * KEEP_WHOLE))
    return items


def _height(ctx: ReportContext, item: Flowable) -> float:
    _, height = item.wrap(ctx.width, ctx.height)
    return float(height + item.getSpaceBefore() + item.getSpaceAfter())
