"""Sections 1 and 2: the cover page and the table of contents."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ceplanner.core.model import PlanStatus, label
from ceplanner.report import styles as st
from ceplanner.report.analysis import format_date, plan_period
from ceplanner.report.errors import ReportError
from ceplanner.report.export import INCOMPLETE, status_text
from ceplanner.report.layout import Markup, OutlineMark, ReportContext, cat, markup
from ceplanner.report.text import escape

COVER = "Cover"
CONTENTS = "Contents"
LOGO_MAX_W = 50 * mm
LOGO_MAX_H = 24 * mm


def _logo(ctx: ReportContext) -> Flowable:
    if ctx.logo is None:
        return Spacer(1, LOGO_MAX_H)
    try:
        reader = ImageReader(str(ctx.logo))
        w, h = reader.getSize()
    except Exception as exc:
        raise ReportError(
            f"The logo “{ctx.logo}” could not be read as an image ({exc.__class__.__name__}). "
            "Choose a PNG or JPEG file, or export without a logo."
        ) from exc
    scale = min(LOGO_MAX_W / w, LOGO_MAX_H / h)
    image = Image(str(ctx.logo), width=w * scale, height=h * scale)
    image.hAlign = "LEFT"
    return image


def build_cover(ctx: ReportContext) -> list[Flowable]:
    plan, s = ctx.plan, ctx.styles
    kicker = st.ParagraphStyle(
        "Kicker", parent=s.body, fontName=st.BOLD, fontSize=9, leading=12, textColor=st.BLUE, spaceAfter=10
    )
    kind = "COMMUNITY ENGAGEMENT STRATEGY"
    if status_text(plan) == INCOMPLETE:
        kind = f"{INCOMPLETE.upper()} · {kind}"
    top: list[Flowable] = [Paragraph(kind, kicker)]
    title_style = s.cover_title
    top.append(ctx.para(ctx.m(plan.title or "Untitled plan"), title_style))
    if plan.organisation:
        top.append(ctx.para(ctx.m(plan.organisation), s.cover_org))

    period = plan_period(plan)
    rows: list[tuple[str, Markup]] = []
    if plan.author:
        rows.append(("Prepared by", ctx.m(plan.author)))
    rows.append(("Date", markup(escape(format_date(ctx.issued)))))
    status = status_text(plan)
    if status == label(PlanStatus.DRAFT) and plan.decision_maker:
        status += " for approval"
    rows.append(("Status", markup(escape(status))))
    if period is not None:
        rows.append(
            ("Plan period", markup(escape(f"{format_date(period.start)} to {format_date(period.end)}")))
        )
    if plan.decision_maker:
        rows.append(("Decision by", ctx.m(plan.decision_maker)))
    if plan.doc_version.strip():
        rows.append(("Version", ctx.m(plan.doc_version)))
    if plan.approver.strip():
        when = f" on {format_date(plan.approved_on)}" if plan.approved_on else ""
        approved = plan.approved_on is not None or plan.status is not PlanStatus.DRAFT
        heading = "Approved by" if approved else "To be approved by"
        rows.append((heading, cat(ctx.m(plan.approver), markup(escape(when)))))
    if plan.findings_signoff.strip():
        rows.append(("Findings signed off by", ctx.m(plan.findings_signoff)))
    label_style = st.ParagraphStyle("CoverLabel", parent=s.cover_meta, textColor=st.MUTED)
    data = [[Paragraph(escape(name), label_style), Paragraph(value, s.cover_meta)] for name, value in rows]
    details = Table(data, colWidths=[32 * mm, ctx.width - 8 * mm - 32 * mm], hAlign="LEFT")
    details.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.BASE_FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, st.NAVY),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, st.RULE),
            ]
        )
    )
    return [
        OutlineMark(title=COVER, key=ctx.key()),
        *_fit_cover(ctx, _logo(ctx), top, details),
        NextPageTemplate("body"),
        PageBreak(),
    ]


TITLE_SIZES = (28.0, 24.0, 20.0, 17.0, 15.0, 13.0)
"""Cover title sizes, largest first: a long title is set smaller so the cover stays one page."""


def _fit_cover(ctx: ReportContext, logo: Flowable, top: list[Flowable], details: Flowable) -> list[Flowable]:
    """The cover's parts with the largest title size and spacing that fit on one page (the whole
    title always shows; only a title of many hundred words is shrunk further, as a last resort)."""
    width = ctx.width - 8 * mm
    title = top[1]
    assert isinstance(title, Paragraph)
    base = title.style
    for size in TITLE_SIZES:
        title.style = st.ParagraphStyle("CoverTitleFit", parent=base, fontSize=size, leading=size * 1.2)
        for above, below in ((52 * mm, 26 * mm), (30 * mm, 14 * mm), (8 * mm, 8 * mm)):
            parts = [logo, Spacer(1, above), *top, Spacer(1, below), details]
            height = sum(p.wrap(width, ctx.height)[1] + p.getSpaceBefore() + p.getSpaceAfter() for p in parts)
            if height <= ctx.height - 4:
                return parts
    return [KeepInFrame(width, ctx.height - 4, parts, mode="shrink")]


def build_contents(ctx: ReportContext) -> list[Flowable]:
    s = ctx.styles
    compact = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), st.BASE_FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
    )
    toc = TableOfContents(levelStyles=[s.toc_0, s.toc_1], dotsMinLevel=0, tableStyle=compact)
    return [
        OutlineMark(title=CONTENTS, key=ctx.key()),
        Paragraph(escape(CONTENTS), s.h1),
        Spacer(1, 4 * mm),
        toc,
        PageBreak(),
    ]
