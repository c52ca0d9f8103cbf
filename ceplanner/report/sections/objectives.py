"""Section 6: objectives and outcomes, one table per outcome level with its indicators."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core.model import Objective, OutcomeLevel, label
from ceplanner.report.analysis import plural
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

NUMBER, TITLE = "4", "Objectives and outcomes"
LEVEL_INTRO = {
    OutcomeLevel.INDIVIDUAL: "Changes for the people who take part.",
    OutcomeLevel.SERVICE: "Changes to services, products and how they are delivered.",
    OutcomeLevel.STRATEGIC: "Changes to strategy, governance, commissioning and policy.",
}


def _objective_cell(ctx: ReportContext, objective: Objective) -> Markup:
    parts = [ctx.b(objective.title or "(untitled objective)")]
    if objective.description.strip():
        parts.append(ctx.m(objective.description))
    if objective.group_ids:
        parts.append(
            cat(
                markup('<font color="#56616D">For: '),
                groups_text(ctx, objective.group_ids),
                markup("</font>"),
            )
        )
    allocated = ctx.budget.by_objective.get(objective.id, 0)
    parts.append(
        cat(markup('<font color="#56616D">Allocated cost: '), plain(ctx.money(allocated)), markup("</font>"))
    )
    return Markup("<br/>".join(parts))


def _evidence(ctx: ReportContext, source: str, collection: str) -> Markup:
    parts = [ctx.m(text) for text in (source, collection) if text.strip()]
    return Markup("<br/>".join(parts)) if parts else plain("–")


def build_objectives(ctx: ReportContext) -> list[Flowable]:
    plan, s = ctx.plan, ctx.styles
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE)]
    if not plan.objectives:
        items.append(ctx.para(plain("No objectives yet."), s.muted))
        return items
    indicators = sum(len(o.indicators) for o in plan.objectives)
    items.append(
        ctx.para(
            plain(
                f"{plural(len(plan.objectives), 'objective')} at three outcome levels, measured by "
                f"{plural(indicators, 'indicator')}. Each indicator names its baseline, target, the evidence and "
                "how it is collected, and who analyses it. An activity's cost is allocated evenly to the "
                "objectives it serves."
            )
        )
    )
    for level in OutcomeLevel:
        objectives = [o for o in plan.objectives if o.level is level]
        if not objectives:
            continue
        items.append(subheading(ctx, f"{label(level)} outcomes"))
        allocated = ctx.budget.by_level.get(level.value, 0)
        items.append(
            ctx.para(plain(f"{LEVEL_INTRO[level]} Allocated cost: {ctx.money(allocated)}."), s.muted)
        )
        if not objectives:
            items.append(ctx.para(plain("No objectives at this level yet."), s.muted))
            continue
        rows: list[list[Cell]] = []
        for objective in objectives:
            first = True
            for indicator in objective.indicators or [None]:
                lead: Cell = _objective_cell(ctx, objective) if first else plain("")
                if indicator is None:
                    rows.append([lead, markup("<i>No indicator yet</i>"), "–", "–", "–", "–"])
                else:
                    rows.append(
                        [
                            lead,
                            indicator.measure or "–",
                            indicator.baseline or "–",
                            indicator.target or "–",
                            _evidence(ctx, indicator.evidence_source, indicator.collection),
                            indicator.analysed_by or "–",
                        ]
                    )
                first = False
        items.append(
            table(
                ctx,
                ["Objective", "Indicator", "Baseline", "Target", "Evidence and collection", "Analysed by"],
                rows,
                [0.25, 0.2, 0.12, 0.12, 0.17, 0.14],
                zebra=False,
            )
        )
    return items
