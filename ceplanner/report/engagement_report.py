"""The engagement report: a plan in delivery, told back as a PDF.

Who took part against who was planned, what was delivered, what was heard, what changed, what
it cost against the budget, the indicators measured and the lessons. Every planned-against-actual
figure comes from :func:`ceplanner.core.variance.delivery_figures` (never recomputed here); the
baseline is the approved version kept in the plan file, else the plan's own planned part.
Built with the strategy document's machinery (template, styles, tables, safe writing).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer
from reportlab.platypus.doctemplate import LayoutError

from ceplanner.core.costing import compute_budget
from ceplanner.core.delivery import AT_END_QUESTIONS, has_delivery, planned_part
from ceplanner.core.locale_format import format_number as n
from ceplanner.core.model import EVALUATION_QUESTIONS, Plan, ResponseKind, label
from ceplanner.core.variance import (
    DeliveryFigures,
    GroupReach,
    VarianceRow,
    delivery_figures,
    percent_text,
    signed_money,
)
from ceplanner.report import styles as st
from ceplanner.report.analysis import format_date, format_short_date, plural
from ceplanner.report.document import HEADER_STATUS_WIDTH, StrategyDocTemplate, frame_size, numbered_canvas
from ceplanner.report.errors import ReportError
from ceplanner.report.layout import (
    Cell,
    Markup,
    OutlineMark,
    ReportContext,
    cat,
    line_width,
    markup,
    one_line,
    plain,
    section_heading,
    seldom_heard_mark,
    subheading,
)
from ceplanner.report.tables import keep_headings_with_content, table
from ceplanner.report.text import escape
from ceplanner.store.safe_write import WriteFailedError, atomic_write

KIND = "Engagement report"
COVER = "Cover"
NOT_IN_DELIVERY = (
    "Only a plan in delivery has an engagement report, and this one has no delivery recorded. "
    "Start delivery of the approved plan first, or export the strategy instead (--document strategy)."
)

Builder = Callable[[ReportContext, Plan, DeliveryFigures], list[Flowable]]


def delivered_period(plan: Plan) -> tuple[date, date] | None:
    """From the start of delivery (else the first session held) to the last session held."""
    held = sorted(s.held_on for s in plan.sessions_held if s.held_on is not None)
    start = plan.delivery_started_on or (held[0] if held else None)
    if start is None:
        return None
    end = held[-1] if held and held[-1] >= start else start
    return start, end


# -- sections -------------------------------------------------------------------------------------


def _none(ctx: ReportContext, text: str) -> Flowable:
    return ctx.para(plain(text), ctx.styles.muted)


def _cover(ctx: ReportContext, plan: Plan, figures: DeliveryFigures) -> list[Flowable]:
    s = ctx.styles
    kicker = st.ParagraphStyle(
        "Kicker", parent=s.body, fontName=st.BOLD, fontSize=9, leading=12, textColor=st.BLUE, spaceAfter=10
    )
    items: list[Flowable] = [
        OutlineMark(title=COVER, key=ctx.key()),
        Spacer(1, 40 * mm),
        Paragraph(escape(KIND.upper()), kicker),
        ctx.para(ctx.m(plan.title or "Untitled plan"), s.cover_title),
    ]
    if plan.organisation:
        items.append(ctx.para(ctx.m(plan.organisation), s.cover_org))
    items.append(Spacer(1, 14 * mm))
    rows: list[list[Cell]] = [[plain("Report date"), plain(format_date(ctx.issued))]]
    period = delivered_period(plan)
    if period is not None:
        rows.append(
            [plain("Period delivered"), plain(f"{format_date(period[0])} to {format_date(period[1])}")]
        )
    rows.append([plain("Status"), plain(label(plan.status))])
    if plan.author:
        rows.append([plain("Prepared by"), plan.author])
    items.append(table(ctx, None, rows, [0.3, 0.7], zebra=False))
    return [*items, NextPageTemplate("body"), PageBreak()]


def _reach_cells(row: GroupReach, name: Markup | str) -> list[Cell]:
    return [
        name,
        plain(n(row.expected)),
        plain(n(row.reached)),
        plain(percent_text(row.percent, signed=False)),
        plain(n(row.attendances)),
    ]


def _who(ctx: ReportContext, plan: Plan, figures: DeliveryFigures) -> list[Flowable]:
    items: list[Flowable] = [section_heading(ctx, "1", TITLES[0], key="who")]
    total, seldom = figures.reach_total, figures.seldom_heard
    items.append(
        ctx.para(
            plain(
                f"{n(total.reached)} people took part against {n(total.expected)} planned "
                f"({percent_text(total.percent, signed=False)}); seldom-heard groups: {n(seldom.reached)} "
                f"reached against {n(seldom.expected)} expected ({percent_text(seldom.percent, signed=False)}). "
                "People are counted once per activity; attendances count every visit."
            )
        )
    )
    rows: list[list[Cell]] = []
    for row in figures.reach:
        name = cat(seldom_heard_mark(), plain(" "), ctx.m(row.name)) if row.seldom_heard else row.name
        rows.append(_reach_cells(row, name))
    rows.append(_reach_cells(seldom, plain("Seldom-heard groups")))
    rows.append(_reach_cells(total, plain("Everyone")))
    items.append(
        table(
            ctx,
            ["Group", "Expected", "Reached", "Reach", "Attendances"],
            rows,
            [0.44, 0.14, 0.14, 0.12, 0.16],
            numeric=[1, 2, 3, 4],
            total_rows=[len(rows) - 2, len(rows) - 1],
        )
    )
    items.append(ctx.para(cat(seldom_heard_mark(), plain(" marks a seldom-heard group.")), ctx.styles.muted))
    return items


def _activities(ctx: ReportContext, plan: Plan, figures: DeliveryFigures) -> list[Flowable]:
    items: list[Flowable] = [section_heading(ctx, "2", TITLES[1], key="activities")]
    if not figures.activities:
        return [*items, _none(ctx, "No activities in the plan.")]
    held = sum(a.sessions_held for a in figures.activities)
    planned = sum(a.sessions_planned for a in figures.activities)
    items.append(ctx.para(plain(f"{plural(held, 'session')} held of {n(planned)} planned.")))
    rows: list[list[Cell]] = [
        [
            a.title or "Untitled activity",
            a.status + (f": {a.dropped_reason}" if a.dropped_reason else ""),
            plain(f"{n(a.sessions_held)} of {n(a.sessions_planned)}"),
            plain(f"{n(a.reached)} of {n(a.expected)}"),
        ]
        for a in figures.activities
    ]
    items.append(
        table(
            ctx,
            ["Activity", "Status", "Sessions held", "People reached"],
            rows,
            [0.36, 0.34, 0.15, 0.15],
            numeric=[2, 3],
        )
    )
    return items


def _names(plan: Plan, ids: list[str], kind: str) -> str:
    found = plan.group if kind == "group" else plan.activity
    names = [(x.name if kind == "group" else x.title) for i in ids if (x := found(i)) is not None]  # type: ignore[attr-defined]
    return ", ".join(n for n in names if n) or "–"


def _heard(ctx: ReportContext, plan: Plan, figures: DeliveryFigures) -> list[Flowable]:
    items: list[Flowable] = [section_heading(ctx, "3", TITLES[2], key="heard")]
    if not plan.themes:
        return [*items, _none(ctx, "No themes recorded in the findings log yet.")]
    items.append(
        ctx.para(
            plain(
                f"{plural(len(plan.themes), 'theme')} heard. Quotations are printed only where the "
                "speaker's consent to be quoted is recorded."
            )
        )
    )
    for theme in plan.themes:
        # Typed by the user: a paragraph that may run over pages, not a fixed heading kept whole.
        items.append(ctx.para(ctx.m(theme.title or "Untitled theme", bold=True)))
        said = "not counted" if theme.how_many is None else plural(theme.how_many, "person", "people")
        facts = [
            cat(ctx.b("How many said it: "), plain(said)),
            cat(ctx.b("Groups: "), ctx.m(_names(plan, theme.group_ids, "group"))),
            cat(ctx.b("Activities: "), ctx.m(_names(plan, theme.activity_ids, "activity"))),
        ]
        if theme.summary.strip():
            items.append(ctx.para(ctx.m(theme.summary)))
        items.append(ctx.para(Markup("<br/>".join(facts))))
        for quotation in theme.quotations:
            if not quotation.consent or not quotation.text.strip():
                continue  # never printed without consent
            who = plan.group(quotation.group_id) if quotation.group_id else None
            source = cat(plain(" — "), ctx.m(who.name)) if who is not None and who.name else plain("")
            items.append(
                ctx.para(cat(markup("<i>“"), ctx.m(quotation.text), markup("”</i>"), source), ctx.styles.body)
            )
    return items


def _changed(ctx: ReportContext, plan: Plan, figures: DeliveryFigures) -> list[Flowable]:
    items: list[Flowable] = [section_heading(ctx, "4", TITLES[3], key="changed")]
    if not plan.responses:
        return [*items, _none(ctx, "No responses recorded yet.")]
    did = sum(1 for r in plan.responses if r.kind is ResponseKind.WE_DID)
    items.append(
        ctx.para(
            plain(
                f"“You said, we did”: {plural(did, 'response')} acted on, "
                f"{n(len(plan.responses) - did)} not, with the reason why."
            )
        )
    )
    themes = {t.id: t.title for t in plan.themes}
    rows: list[list[Cell]] = []
    for r in plan.responses:
        kind = "We did" if r.kind is ResponseKind.WE_DID else "We did not, and why"
        when = format_short_date(r.feedback_on) or "Not dated"
        feedback = f"{when}; {r.channel or 'channel not set'}" + (f" ({r.formats})" if r.formats else "")
        rows.append(
            [
                (themes.get(r.theme_id or "") or "No theme") if r.theme_id else "No theme",
                cat(ctx.b(kind + ": "), ctx.m(r.action or "–")),
                r.owner or "–",
                feedback + ("; fed back" if r.fed_back else ""),
            ]
        )
    items.append(table(ctx, ["You said", "What we did", "Owner", "Feedback"], rows, [0.2, 0.4, 0.13, 0.27]))
    return items


def _money_rows(ctx: ReportContext, rows: list[VarianceRow]) -> list[list[Cell]]:
    return [
        [
            r.label,
            plain(ctx.money(r.planned.total)),
            plain(ctx.money(r.actual.total)),
            plain(signed_money(r.variance, ctx.plan.currency)),
            plain(percent_text(r.percent)),
        ]
        for r in rows
    ]


def _money_table(
    ctx: ReportContext, first: str, rows: list[VarianceRow], figures: DeliveryFigures
) -> Flowable:
    body = _money_rows(ctx, [*rows, figures.contingency, figures.total])
    return table(
        ctx,
        [first, "Planned", "Actual", "Variance", "%"],
        body,
        [0.36, 0.17, 0.17, 0.18, 0.12],
        numeric=[1, 2, 3, 4],
        total_rows=[len(body) - 1],
    )


def _cost(ctx: ReportContext, plan: Plan, figures: DeliveryFigures) -> list[Flowable]:
    items: list[Flowable] = [section_heading(ctx, "5", TITLES[4], key="cost")]
    total = figures.total
    items.append(
        ctx.para(
            plain(
                f"Planned {ctx.money(total.planned.total)}, actual {ctx.money(total.actual.total)}: "
                f"a variance of {signed_money(total.variance, plan.currency)} ({percent_text(total.percent)}). "
                "Paid and in kind together; variance is actual minus planned (positive: over budget). "
                "The contingency is planned cash held back, so nothing is spent on it."
            )
        )
    )
    for title, first, rows in (
        ("By activity", "Activity", figures.by_activity),
        ("By category", "Category", figures.by_category),
        ("By funder", "Funder", figures.by_funder),
    ):
        items.append(subheading(ctx, title))
        items.append(_money_table(ctx, first, rows, figures))
    return items


def _indicators(ctx: ReportContext, plan: Plan, figures: DeliveryFigures) -> list[Flowable]:
    items: list[Flowable] = [section_heading(ctx, "6", TITLES[5], key="indicators")]
    if not figures.indicators:
        return [*items, _none(ctx, "The plan has no indicators.")]
    measured = sum(1 for i in figures.indicators if i.measured.strip())
    items.append(
        ctx.para(plain(f"{n(measured)} of {plural(len(figures.indicators), 'indicator')} measured so far."))
    )
    rows: list[list[Cell]] = []
    group_rows: list[int] = []
    objective: str | None = None
    for i in figures.indicators:
        if i.objective != objective:
            objective = i.objective
            group_rows.append(len(rows))
            rows.append([i.objective or "Untitled objective", "", "", ""])
        rows.append([i.measure or "–", i.baseline or "–", i.target or "–", i.measured or "Not measured"])
    items.append(
        table(
            ctx,
            ["Indicator", "Baseline", "Target", "Measured"],
            rows,
            [0.37, 0.21, 0.21, 0.21],
            group_rows=group_rows,
        )
    )
    return items


def _lessons(ctx: ReportContext, plan: Plan, figures: DeliveryFigures) -> list[Flowable]:
    items: list[Flowable] = [section_heading(ctx, "7", TITLES[6], key="lessons")]
    evaluation = plan.evaluation
    items.append(subheading(ctx, "Lessons learned", outline=False))
    lessons = evaluation.lessons.strip()
    items.append(ctx.para(ctx.m(lessons)) if lessons else _none(ctx, "No lessons recorded yet."))
    items.append(subheading(ctx, "The evaluation questions, answered at the end", outline=False))
    rows: list[list[Cell]] = []
    for (key, question), at_end in zip(EVALUATION_QUESTIONS, AT_END_QUESTIONS, strict=True):
        rows.append(
            [question, getattr(evaluation, key) or "–", getattr(evaluation, at_end) or "Not answered"]
        )
    items.append(table(ctx, ["Question", "Planned", "At the end"], rows, [0.3, 0.35, 0.35]))
    items.append(subheading(ctx, "Value for money (the six Es), assessed again at the end", outline=False))
    if not plan.vfm:
        return [*items, _none(ctx, "No value-for-money assessment in the plan.")]
    vfm: list[list[Cell]] = [
        [
            label(r.e),
            plain(_rating(r.rating)),
            plain(_rating(r.rating_at_end)),
            r.commentary_at_end or r.evidence_at_end or "–",
        ]
        for r in plan.vfm
    ]
    items.append(
        table(ctx, ["E", "Planned", "At the end", "Commentary at the end"], vfm, [0.18, 0.12, 0.12, 0.58])
    )
    return items


def _rating(value: int | None) -> str:
    return f"{value} of 6" if value is not None else "Not rated"


TITLES = (
    "Who took part",
    "Activities delivered",
    "What was heard",
    "What changed",
    "What it cost",
    "Indicators",
    "Lessons",
)
SECTIONS: list[tuple[str, Builder]] = [
    (COVER, _cover),
    *zip(
        (f"{n} {t}" for n, t in enumerate(TITLES, start=1)),
        (_who, _activities, _heard, _changed, _cost, _indicators, _lessons),
        strict=True,
    ),
]
SECTION_TITLES: list[str] = [title for title, _ in SECTIONS]
"""The report's level-0 outline entries (bookmarks), in order."""


# -- building and writing -------------------------------------------------------------------------


def report_story(ctx: ReportContext, plan: Plan, figures: DeliveryFigures) -> list[Flowable]:
    """Every section's flowables in order: the one story written as PDF and as Word."""
    story: list[Flowable] = []
    for _title, build in SECTIONS:
        story += build(ctx, plan, figures)
    return story


def _write(plan: Plan, approved: Plan, target: BinaryIO, *, paper: str, issued: date) -> None:
    figures = delivery_figures(approved, plan)
    width, height = frame_size(paper)
    ctx = ReportContext(
        plan=plan,
        budget=compute_budget(approved),
        text=st.new_renderer(),
        width=width,
        height=height,
        issued=issued,
    )
    title = plan.title.strip() or "Untitled plan"
    muted = ctx.styles.muted
    header = one_line(ctx, title, muted.fontSize, width - HEADER_STATUS_WIDTH)
    room = width - HEADER_STATUS_WIDTH - line_width(ctx, " · " + KIND, muted.fontSize)
    footer = (
        cat(one_line(ctx, plan.organisation, muted.fontSize, room), plain(" · "))
        if plan.organisation
        else plain("")
    )
    story = report_story(ctx, plan, figures)
    keep_headings_with_content(ctx, story)
    doc = StrategyDocTemplate(
        target,
        paper=paper,
        header_markup=header,
        status_markup=plain(label(plan.status)),
        footer_markup=cat(footer, plain(KIND)),
        pages=ctx.pages,
        title=f"{title} — engagement report",
        author=plan.author or plan.organisation,
        subject=f"Engagement report for {plan.organisation or title}",
        keywords="community engagement, report, you said we did, budget variance",
    )
    doc.multiBuild(story, canvasmaker=numbered_canvas())


def _build(plan: Plan, approved: Plan | None, target: BinaryIO, *, paper: str, issued: date | None) -> None:
    if not has_delivery(plan):
        raise ReportError(NOT_IN_DELIVERY)
    key = paper.lower()
    if key not in ("a4", "letter"):
        raise ReportError(f"Unknown paper size “{paper}”: choose A4 or Letter.")
    try:
        _write(plan, approved or planned_part(plan), target, paper=key, issued=issued or date.today())
    except ReportError:
        raise
    except LayoutError as exc:
        raise ReportError(
            "The report could not be laid out: some content is too large to fit on a page. "
            f"Shorten very long text and try again. (Details: {exc})"
        ) from exc
    except OSError:
        raise
    except Exception as exc:
        raise ReportError(f"The report could not be built ({exc.__class__.__name__}: {exc}).") from exc


def build_report_bytes(
    plan: Plan, approved: Plan | None = None, *, paper: str = "a4", issued: date | None = None
) -> bytes:
    """The engagement report for ``plan`` as PDF bytes (see :func:`export_report_pdf`)."""
    import io

    buffer = io.BytesIO()
    _build(plan, approved, buffer, paper=paper, issued=issued)
    return buffer.getvalue()


def export_report_pdf(
    plan: Plan,
    path: str | Path,
    approved: Plan | None = None,
    *,
    paper: str = "a4",
    issued: date | None = None,
) -> Path:
    """Write the engagement report of ``plan`` (in delivery) to ``path`` and return the path.

    ``approved`` is the baseline (``store.delivery.approved_baseline``); None uses the plan's own
    planned part (``core.delivery.planned_part``). Written to a temporary file and moved into
    place, so an earlier file survives any failure. :class:`ReportError` with a message for the
    user when the plan is not in delivery or the PDF cannot be made.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ReportError(f"“{target}” is a folder; choose a file name for the PDF.")
    if not folder.is_dir():
        raise ReportError(f"The folder “{folder}” does not exist, so the PDF cannot be saved there.")
    if not has_delivery(plan):
        raise ReportError(NOT_IN_DELIVERY)
    try:
        atomic_write(
            target,
            lambda stream: _build(plan, approved, stream, paper=paper, issued=issued),
            suffix=".pdf.part",
        )
    except WriteFailedError as exc:
        raise ReportError(str(exc)) from exc
    return target


def export_report_docx(
    plan: Plan,
    path: str | Path,
    approved: Plan | None = None,
    *,
    paper: str = "a4",
    issued: date | None = None,
) -> Path:
    """Write the engagement report of ``plan`` as a Word document at ``path`` and return the path.

    The same story as :func:`export_report_pdf` (:func:`report_story`), translated by the Word
    renderer; ``approved`` as there. Saved safely; :class:`ReportError` with a message for the user.
    """
    from ceplanner.report.document import MARGIN_BOTTOM, MARGIN_TOP, page_size
    from ceplanner.report.docx_export import WordText, new_document, save_docx
    from ceplanner.report.docx_render import DocxWriter

    target = Path(path)
    if not has_delivery(plan):
        raise ReportError(NOT_IN_DELIVERY)
    key = paper.lower()
    if key not in ("a4", "letter"):
        raise ReportError(f"Unknown paper size “{paper}”: choose A4 or Letter.")
    try:
        baseline = approved or planned_part(plan)
        document, width = new_document(key)
        ctx = ReportContext(
            plan=plan,
            budget=compute_budget(baseline),
            text=WordText(st.register_base_fonts()),
            width=width,
            height=page_size(key)[1] - MARGIN_TOP - MARGIN_BOTTOM,
            issued=issued or date.today(),
        )
        writer = DocxWriter(document, width)
        writer.write(report_story(ctx, plan, delivery_figures(baseline, plan)))
        writer.finish()
        title = plan.title.strip() or "Untitled plan"
        props = document.core_properties
        props.title = f"{title} — engagement report"
        props.author = plan.author or plan.organisation
        props.subject = f"Engagement report for {plan.organisation or title}"
        props.language = "en-GB"
    except ReportError:
        raise
    except Exception as exc:
        raise ReportError(f"The Word document could not be built ({exc.__class__.__name__}: {exc}).") from exc
    save_docx(document, target)
    return target
