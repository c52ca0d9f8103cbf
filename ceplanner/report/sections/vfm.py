"""Section 9: the value-for-money scorecard against the six Es."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core.model import SIX_E_QUESTIONS, SixE, VfmRating, label
from ceplanner.report.figures import figure
from ceplanner.report.layout import (
    Cell,
    Markup,
    ReportContext,
    cat,
    markup,
    plain,
    section_heading,
    subheading,
)
from ceplanner.report.sections.summary import _vfm_sentence
from ceplanner.report.tables import table

NUMBER, TITLE = "7", "Value for money"


def _evidence(ctx: ReportContext, rating: VfmRating) -> Markup:
    parts = []
    if rating.evidence.strip():
        parts.append(cat(markup("<b>Evidence:</b> "), ctx.m(rating.evidence)))
    if rating.commentary.strip():
        parts.append(ctx.m(rating.commentary))
    return Markup("<br/>".join(parts)) if parts else plain("–")


def build_vfm(ctx: ReportContext) -> list[Flowable]:
    from ceplanner.report.charts import vfm_chart

    plan = ctx.plan
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE)]
    items.append(
        ctx.para(
            plain(
                "Value for money is judged against six Es: the classic economy, efficiency and effectiveness, "
                "and equity, empowerment and evaluation. Each is rated from 1 (poor) to 6 (excellent) against "
                "stated criteria, with the evidence for the rating."
            )
        )
    )
    items.append(ctx.para(_vfm_sentence(ctx)))
    if ctx.progress:
        ctx.progress("Drawing the value-for-money chart")
    if any(r.rating is not None for r in plan.vfm):
        caption = f"Figure {ctx.figure_number()}. Six-E ratings, 1 (poor) to 6 (excellent)."
        items.append(figure(ctx, vfm_chart(plan), caption))
    typed = any(
        r.rating is not None or r.criteria.strip() or r.evidence.strip() or r.commentary.strip()
        for r in plan.vfm
    )
    if not typed:
        return items
    items.append(subheading(ctx, "Scorecard"))
    ratings = {r.e: r for r in plan.vfm}
    rows: list[list[Cell]] = []
    for e in SixE:
        rating = ratings.get(e, VfmRating(e=e))
        score: Cell = (
            markup(f"<b>{rating.rating}</b> / 6")
            if rating.rating is not None
            else markup("<i>Not assessed</i>")
        )
        rows.append(
            [
                cat(
                    markup("<b>"),
                    plain(label(e)),
                    markup('</b><br/><font color="#56616D">'),
                    plain(SIX_E_QUESTIONS[e]),
                    markup("</font>"),
                ),
                rating.criteria or "–",
                score,
                _evidence(ctx, rating),
            ]
        )
    items.append(
        table(
            ctx,
            ["E and question", "Criteria", "Rating", "Evidence and commentary"],
            rows,
            [0.3, 0.22, 0.1, 0.38],
        )
    )
    return items
