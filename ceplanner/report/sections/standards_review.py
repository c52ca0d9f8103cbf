"""Parts of section 7: the review against the National Standards for Community Engagement, and
the influence self-assessments (in the spirit of the echo and Voice frameworks)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core import locale_format
from ceplanner.core.model import NationalStandard, StandardRating, label
from ceplanner.core.standards import standard_aim, standard_evidence, standard_rating
from ceplanner.report.layout import Cell, Markup, ReportContext, cat, markup, plain, subheading
from ceplanner.report.sections.measured import measures_markup
from ceplanner.report.tables import table


def _rated(plan_standards: list[StandardRating]) -> bool:
    return any(r.rating is not None or r.evidence.strip() or r.actions.strip() for r in plan_standards)


def build_standards(ctx: ReportContext) -> list[Flowable]:
    """Seven rows: the standard and its aim, the rating, the evidence and actions, and what the
    plan shows. Left out until the plan rates or describes at least one standard."""
    plan = ctx.plan
    if not _rated(plan.standards):
        return []
    found = standard_evidence(plan, ctx.budget)
    rows: list[list[Cell]] = []
    for standard in NationalStandard:
        rating = standard_rating(plan, standard)
        score: Cell = (
            markup(f"<b>{rating.rating}</b> / 6") if rating.rating is not None else markup("<i>Not rated</i>")
        )
        words = []
        if rating.evidence.strip():
            words.append(cat(markup("<b>Evidence:</b> "), ctx.m(rating.evidence)))
        if rating.actions.strip():
            words.append(cat(markup("<b>Actions:</b> "), ctx.m(rating.actions)))
        rows.append(
            [
                cat(
                    markup("<b>"),
                    plain(label(standard)),
                    markup('</b><br/><font color="#56616D">'),
                    plain(standard_aim(standard)),
                    markup("</font>"),
                ),
                score,
                measures_markup(ctx, found[standard]),
                Markup("<br/>".join(words)) if words else plain("–"),
            ]
        )
    return [
        subheading(ctx, "National Standards for Community Engagement"),
        ctx.para(
            plain(
                "Each standard is self-rated from 1 (poor) to 6 (excellent) with evidence, as VOiCE does, "
                "beside what the plan itself shows."
            )
        ),
        table(
            ctx,
            ["Standard", "Rating", "What the plan shows", "Evidence and actions"],
            rows,
            [0.26, 0.1, 0.32, 0.32],
        ),
    ]


def build_influence(ctx: ReportContext) -> list[Flowable]:
    """The influence self-assessments, one row each."""
    plan = ctx.plan
    if not plan.influence:
        return []
    rows: list[list[Cell]] = []
    for item in plan.influence:
        rows.append(
            [
                locale_format.format_date(item.assessed_on, "short") if item.assessed_on else "–",
                ctx.m(item.who_took_part or "–"),
                "–" if item.agency_openness is None else f"{item.agency_openness} / 6",
                "–" if item.community_influence is None else f"{item.community_influence} / 6",
                cat(
                    ctx.m(item.notes),
                    markup("<br/><b>Actions:</b> ") if item.actions.strip() else markup(""),
                    ctx.m(item.actions),
                ),
            ]
        )
    return [
        subheading(ctx, "Influence self-assessment"),
        ctx.para(
            plain(
                "How open and able to respond to community influence the organisation is (agency openness, "
                "after the echo framework), and how able to influence the community feels (community "
                "influence, after the Voice framework), each from 1 to 6."
            )
        ),
        table(
            ctx,
            ["Date", "Who took part", "Agency openness", "Community influence", "Notes and actions"],
            rows,
            [0.13, 0.22, 0.13, 0.13, 0.39],
            numeric=(2, 3),
        ),
    ]
