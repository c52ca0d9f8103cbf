"""The glossary and the accessibility statement at the end of the document."""

from __future__ import annotations

from reportlab.platypus import Flowable

from ceplanner.report.layout import Cell, ReportContext, markup, plain, subheading
from ceplanner.report.tables import table

TERMS: list[tuple[str, str]] = [
    (
        "IAP2 Spectrum",
        "The International Association for Public Participation's five levels of public participation: "
        "inform, consult, involve, collaborate and empower. Each level carries a promise to the public, "
        "from “we will keep you informed” to “we will implement what you decide”.",
    ),
    (
        "Mendelow's grid",
        "A map of stakeholders by their power (or influence) and their interest, in four quadrants: manage "
        "closely, keep satisfied, keep informed and monitor.",
    ),
    (
        "Six Es",
        "Value for money judged by economy (the cost of inputs), efficiency (outputs for the cost), "
        "effectiveness (outcomes for the cost), equity (those with least do not lose out most), "
        "empowerment (people more able to act in their own and shared interests) and evaluation "
        "(keeping on track and learning lessons).",
    ),
    (
        "In kind",
        "Staff time, rooms and goods that are given rather than bought. They are part of the full cost "
        "but not of the cash budget, and carry no contingency.",
    ),
    (
        "Contingency",
        "A sum set aside, as a percentage of the paid costs, for costs that cannot be foreseen. It is "
        "released only with the agreement of whoever approves this budget.",
    ),
    (
        "Seldom heard",
        "People whose views services rarely hear: for example because of language, disability, caring "
        "responsibilities, digital exclusion, transport or time. The plan names them and budgets for "
        "reaching them.",
    ),
    (
        "Outcome levels",
        "Individual outcomes (for the people who take part), service outcomes (for services and how "
        "they are delivered) and strategic outcomes (for strategy, governance and policy).",
    ),
    (
        "Social return forecast",
        "An estimate, after the Social Return on Investment (SROI) guide, of the value an engagement "
        "creates: each outcome valued by a financial proxy, less deadweight (what would have happened "
        "anyway), attribution (what others brought about), displacement (benefit moved from elsewhere) "
        "and yearly drop-off, discounted to today and set against the engagement's cost.",
    ),
    (
        "National Standards",
        "The seven National Standards for Community Engagement (Scotland, 2016): inclusion, support, "
        "planning, working together, methods, communication and impact, each self-rated from 1 to 6.",
    ),
]


def build_glossary(ctx: ReportContext) -> list[Flowable]:
    rows: list[list[Cell]] = [[markup(f"<b>{term}</b>"), plain(meaning)] for term, meaning in TERMS]
    items: list[Flowable] = [subheading(ctx, "Glossary"), table(ctx, None, rows, [0.24, 0.76], zebra=False)]
    items.append(subheading(ctx, "Accessibility"))
    organisation = ctx.plan.organisation.strip() or "the organisation named on the cover"
    contact = ctx.plan.author.strip()
    text = (
        "This document is written in plain English, uses text of at least 9.5 points in its body and "
        "8 points in its tables, and does not rely on colour alone: charts use shapes, hatching and "
        "shades that read in black and white. Its headings are bookmarked for screen readers and for "
        f"moving around the file. To ask for it in another format (large print, easy read, another "
        f"language, or as an accessible Word file), contact {organisation}"
    )
    items.append(ctx.para(ctx.m(text + (f" ({contact})." if contact else "."))))
    return items
