"""Section 10: the evaluation framework: the five questions answered, method, budget and share."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core import locale_format
from ceplanner.core.i18n import translate
from ceplanner.core.model import EVALUATION_QUESTIONS
from ceplanner.report.layout import (
    Cell,
    ReportContext,
    markup,
    minor_heading,
    plain,
    section_heading,
    subheading,
)
from ceplanner.report.sections.closing import build_closing_the_loop
from ceplanner.report.tables import table

NUMBER, TITLE = "8", "Evaluation framework"
NOT_ANSWERED = "Not yet answered."


def build_evaluation(ctx: ReportContext) -> list[Flowable]:
    plan, b, s = ctx.plan, ctx.budget, ctx.styles
    evaluation = plan.evaluation
    items: list[Flowable] = [section_heading(ctx, NUMBER, TITLE)]
    items.append(
        ctx.para(
            plain(
                "Engagement and its evaluation are integral and costed, not add-ons. The plan answers five "
                "questions about how its value will be judged."
            )
        )
    )
    items.append(subheading(ctx, "The five questions"))
    for n, (attr, question) in enumerate(EVALUATION_QUESTIONS, start=1):
        answer = getattr(evaluation, attr).strip()
        items.append(minor_heading(ctx, plain(f"{n}. {translate('Labels', question)}")))
        if answer:
            items += [ctx.para(ctx.m(part)) for part in answer.split("\n\n")]
        else:
            items.append(ctx.para(markup(f"<i>{NOT_ANSWERED}</i>"), s.muted))
    items.append(subheading(ctx, "Method"))
    if evaluation.method.strip():
        items += [ctx.para(ctx.m(part)) for part in evaluation.method.strip().split("\n\n")]
    else:
        items.append(ctx.para(markup("<i>No method described yet.</i>"), s.muted))

    items += build_closing_the_loop(ctx)

    items.append(subheading(ctx, "Evaluation budget"))
    if not b.evaluation_total:
        items.append(ctx.para(plain("Evaluation is not costed yet."), s.muted))
        return items
    share = locale_format.format_percent(b.evaluation_share) if b.evaluation_share is not None else "–"
    rows: list[list[Cell]] = [
        ["Plan-level evaluation budget", ctx.money(b.evaluation_budget)],
        ["Evaluation costs within activities", ctx.money(b.evaluation_in_activities)],
        ["Total evaluation cost", ctx.money(b.evaluation_total)],
        ["Share of the total cost of the engagement", share],
    ]
    items.append(table(ctx, ["Evaluation cost", "Amount"], rows, [0.7, 0.3], numeric=[1], total_rows=[2]))
    return items
