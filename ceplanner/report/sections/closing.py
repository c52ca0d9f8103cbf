"""Closing the loop, printed in the evaluation section: how participants hear back, and what
they will be asked about the engagement."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.core.closing import FEEDBACK_FIELDS, closing_words, participant_questions
from ceplanner.report.layout import ReportContext, cat, markup, plain, subheading
from ceplanner.report.tables import table

NOT_PLANNED = "Not planned yet."


def build_closing_the_loop(ctx: ReportContext) -> list[Flowable]:
    plan, s = ctx.plan, ctx.styles
    items: list[Flowable] = [subheading(ctx, "Closing the loop: you said, we did", key="closing")]
    rows = [
        [
            cat(markup("<b>"), plain(closing_words(question)), markup("</b>")),
            getattr(plan, attr) or NOT_PLANNED,
        ]
        for attr, question, _ in FEEDBACK_FIELDS
    ]
    items.append(table(ctx, None, rows, [0.34, 0.66], zebra=False))
    items.append(subheading(ctx, "What participants will be asked about the engagement"))
    questions = participant_questions(plan)
    if questions:
        items += [ctx.para(ctx.m(f"{n}. {q}")) for n, q in enumerate(questions, start=1)]
    else:
        items.append(ctx.para(plain("No questions for participants yet."), s.muted))
    return items
