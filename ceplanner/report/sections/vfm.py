"""Section 7: value for money: the measured six-E scorecard, what goes in and what comes back,
the social-return forecast, the National Standards review and influence self-assessments."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core.model import SixE, VfmRating, label, six_e_question
from ceplanner.core.vfm_measures import six_e_measures
from ceplanner.core.vfm_rubric import RATING_SCALE, rating_word, rubric_meaning
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
from ceplanner.report.sections.measured import measures_markup
from ceplanner.report.sections.standards_review import build_influence, build_standards
from ceplanner.report.sections.summary import _vfm_sentence
from ceplanner.report.sections.vfm_returns import build_returns, build_sroi
from ceplanner.report.tables import table

NUMBER, TITLE = "7", "Value for money"


def _evidence(ctx: ReportContext, rating: VfmRating) -> Markup:
    parts = []
    if rating.criteria.strip():
        parts.append(cat(markup("<b>Criteria:</b> "), ctx.m(rating.criteria)))
    if rating.evidence.strip():
        parts.append(cat(markup("<b>Evidence:</b> "), ctx.m(rating.evidence)))
    if rating.commentary.strip():
        parts.append(ctx.m(rating.commentary))
    return Markup("<br/>".join(parts)) if parts else plain("–")


def _rating(rating: VfmRating) -> Markup:
    if rating.rating is None:
        return markup("<i>Not assessed</i>")
    meaning = rubric_meaning(rating.e, rating.rating)
    return cat(
        markup(f"<b>{rating.rating} / 6</b> "),
        plain(f"({rating_word(rating.rating) if rating.rating in RATING_SCALE else ''})"),
        markup('<br/><font color="#56616D">'),
        plain(meaning),
        markup("</font>"),
    )


def build_vfm(ctx: ReportContext) -> list[Flowable]:
    from ceplanner.report.charts import vfm_chart

    plan = ctx.plan
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE)]
    items.append(
        ctx.para(
            plain(
                "Value for money is judged against six Es: the classic economy, efficiency and effectiveness, "
                "and equity, empowerment and evaluation. Each is rated from 1 (poor) to 6 (excellent) against "
                "stated criteria, with the evidence for the rating, beside the figures the plan itself gives."
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
    if typed or ctx.budget.grand_total > 0:
        items += _scorecard(ctx)
    items += build_returns(ctx)
    items += build_sroi(ctx)
    items += build_standards(ctx)
    items += build_influence(ctx)
    return items


def _scorecard(ctx: ReportContext) -> list[Flowable]:
    items: list[Flowable] = [subheading(ctx, "Scorecard")]
    ratings = {r.e: r for r in ctx.plan.vfm}
    measured = six_e_measures(ctx.plan, ctx.budget)
    rows: list[list[Cell]] = []
    for e in SixE:
        rating = ratings.get(e, VfmRating(e=e))
        rows.append(
            [
                cat(
                    markup("<b>"),
                    plain(label(e)),
                    markup('</b><br/><font color="#56616D">'),
                    plain(six_e_question(e)),
                    markup("</font>"),
                ),
                _rating(rating),
                measures_markup(ctx, measured[e]),
                _evidence(ctx, rating),
            ]
        )
    items.append(
        table(
            ctx,
            ["E and question", "Rating and what it means", "Measured in the plan", "Criteria and evidence"],
            rows,
            [0.2, 0.24, 0.26, 0.3],
        )
    )
    return items
