"""Section 11: the risk register, highest likelihood x impact first."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core.model import label
from ceplanner.report.analysis import format_short_date, plural, risk_score, risks_by_score
from ceplanner.report.layout import Cell, ReportContext, markup, plain, section_heading
from ceplanner.report.tables import table

NUMBER, TITLE = "9", "Risks"
HIGH_SCORE = 6


def build_risks(ctx: ReportContext) -> list[Flowable]:
    plan, s = ctx.plan, ctx.styles
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE, key="risks")]
    risks = risks_by_score(plan)
    if not risks:
        items.append(ctx.para(plain("No risks recorded yet."), s.muted))
        return items
    high = sum(1 for r in risks if risk_score(r) >= HIGH_SCORE)
    items.append(
        ctx.para(
            plain(
                f"{plural(len(risks), 'risk')} recorded, {high} of them scoring {HIGH_SCORE} or more. The score is "
                "likelihood × impact, each rated low (1), medium (2) or high (3), so 9 is the highest."
            )
        )
    )
    rows: list[list[Cell]] = []
    for i, risk in enumerate(risks, start=1):
        score = risk_score(risk)
        rows.append(
            [
                plain(str(i)),
                risk.description or "(undescribed risk)",
                label(risk.likelihood),
                label(risk.impact),
                markup(f'<font color="#A8470A"><b>{score}</b></font>')
                if score >= HIGH_SCORE
                else plain(str(score)),
                risk.mitigation or "–",
                risk.owner or "–",
                format_short_date(risk.review_date) or "–",
            ]
        )
    if rows:
        items.append(
            table(
                ctx,
                ["#", "Risk", "Likelihood", "Impact", "Score", "Mitigation", "Owner", "Review"],
                rows,
                [0.04, 0.24, 0.1, 0.08, 0.07, 0.25, 0.12, 0.1],
                numeric=[4],
            )
        )
    else:
        items.append(ctx.para(plain("No risks recorded yet."), s.muted))
    return items
