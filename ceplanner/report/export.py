"""Export a plan as the costed strategy PDF.

:func:`export_pdf` writes to a temporary file beside the target and moves it into place only
when the whole document has built, so a failure never damages an earlier PDF at that path.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError

from ceplanner.core.checks import Severity, open_checks
from ceplanner.core.costing import compute_budget
from ceplanner.core.model import Plan, PlanStatus, label
from ceplanner.report import styles as st
from ceplanner.report.document import (
    HEADER_STATUS_WIDTH,
    StrategyDocTemplate,
    frame_size,
    numbered_canvas,
    page_size,
)
from ceplanner.report.errors import ReportError
from ceplanner.report.layout import ReportContext, cat, line_width, markup, one_line, plain
from ceplanner.report.tables import keep_headings_with_content
from ceplanner.store.safe_write import WriteFailedError, atomic_write

Progress = Callable[[float, str], None]
PAPERS = ("a4", "letter")


def _story(ctx: ReportContext, report: Progress) -> list[Flowable]:
    from ceplanner.report.sections import SECTIONS

    story: list[Flowable] = []
    for n, (title, build) in enumerate(SECTIONS):
        report(0.05 + 0.5 * n / len(SECTIONS), f"Preparing “{title}”")
        story += build(ctx)
    keep_headings_with_content(ctx, story)
    return story


def _write(
    plan: Plan,
    target: BinaryIO,
    *,
    paper: str,
    logo: Path | None,
    report: Progress,
    issued: date,
    dpi: int,
) -> int:
    """Build the document into ``target``; return the number of pages."""
    report(0.0, "Calculating the budget")
    budget = compute_budget(plan)
    renderer = st.new_renderer()
    width, height = frame_size(paper)
    ctx = ReportContext(
        plan=plan,
        budget=budget,
        text=renderer,
        width=width,
        height=height,
        issued=issued,
        logo=logo,
        dpi=dpi,
        progress=lambda message: report(-1, message),
    )
    title = plan.title.strip() or "Untitled plan"
    muted = ctx.styles.muted
    header = one_line(ctx, title, muted.fontSize, width - HEADER_STATUS_WIDTH)
    shown = status_text(plan)
    status = markup(
        f'<font color="#A8470A"><b>{shown}</b></font>' if plan.status is PlanStatus.DRAFT else shown
    )
    tail = "Community engagement strategy"
    room = width - HEADER_STATUS_WIDTH - line_width(ctx, " · " + tail, muted.fontSize)
    footer = (
        cat(one_line(ctx, plan.organisation, muted.fontSize, room), plain(" · "))
        if plan.organisation
        else markup("")
    )
    footer = cat(footer, plain(tail))
    story = _story(ctx, report)

    pages = 0

    def on_progress(kind: str, value: int) -> None:
        nonlocal pages
        if kind == "PASS":
            report(0.6 + 0.1 * min(value, 3), f"Laying out pages (pass {value})")
        elif kind == "PAGE":
            pages = max(pages, value)

    doc = StrategyDocTemplate(
        target,
        paper=paper,
        header_markup=header,
        status_markup=status,
        footer_markup=footer,
        pages=ctx.pages,
        title=f"{title} — community engagement strategy",
        author=plan.author or plan.organisation,
        subject=f"Costed community engagement strategy for {plan.organisation or title}",
        keywords="community engagement, strategy, budget, value for money",
    )
    doc.setProgressCallBack(on_progress)
    doc.multiBuild(story, canvasmaker=numbered_canvas())
    return pages


INCOMPLETE = "Incomplete draft"


def status_text(plan: Plan) -> str:
    """The status the document is headed with: "Incomplete draft" while the plan's checks
    (``core.checks.open_checks``) find warnings not accepted, else the plan's own status."""
    if plan.status is PlanStatus.DRAFT and any(c.severity is Severity.WARNING for c in open_checks(plan)):
        return INCOMPLETE
    return label(plan.status)


def _checked_paper(paper: str) -> str:
    key = paper.lower()
    if key not in PAPERS:
        raise ReportError(f"Unknown paper size “{paper}”: choose A4 or Letter.")
    page_size(key)
    return key


def build_pdf_bytes(
    plan: Plan,
    *,
    paper: str = "a4",
    logo: str | Path | None = None,
    progress: Progress | None = None,
    issued: date | None = None,
    dpi: int = 200,
) -> bytes:
    """The strategy document for ``plan`` as PDF bytes (see :func:`export_pdf`)."""
    buffer = io.BytesIO()
    _build(plan, buffer, paper=paper, logo=logo, progress=progress, issued=issued, dpi=dpi)
    return buffer.getvalue()


def _build(
    plan: Plan,
    target: BinaryIO,
    *,
    paper: str,
    logo: str | Path | None,
    progress: Progress | None,
    issued: date | None,
    dpi: int,
) -> None:
    last = [0.0]

    def report(fraction: float, message: str) -> None:
        if fraction >= 0:
            last[0] = fraction
        if progress is not None:
            progress(last[0], message)

    logo_path = Path(logo) if logo else None
    if logo_path is not None and not logo_path.is_file():
        raise ReportError(
            f"The logo file “{logo_path}” does not exist. Choose another file or export without one."
        )
    try:
        _write(
            plan,
            target,
            paper=_checked_paper(paper),
            logo=logo_path,
            report=report,
            issued=issued or date.today(),
            dpi=dpi,
        )
    except ReportError:
        raise
    except LayoutError as exc:
        raise ReportError(
            "The report could not be laid out: some content is too large to fit on a page. "
            f"Shorten very long text and try again. (Details: {exc})"
        ) from exc
    except MemoryError as exc:
        raise ReportError("The computer ran out of memory while building the report.") from exc
    except OSError:
        raise
    except Exception as exc:
        raise ReportError(f"The report could not be built ({exc.__class__.__name__}: {exc}).") from exc


def export_pdf(
    plan: Plan,
    path: str | Path,
    *,
    paper: str = "a4",
    logo: str | Path | None = None,
    progress: Progress | None = None,
    issued: date | None = None,
    dpi: int = 200,
) -> Path:
    """Write the costed strategy document for ``plan`` to ``path`` and return the path.

    ``paper`` is "a4" (default) or "letter"; ``logo`` an optional PNG or JPEG for the cover;
    ``progress`` an optional ``callable(fraction, message)`` called as the work proceeds;
    ``issued`` the date printed on the cover (today by default). The PDF is built in a temporary
    file in the same folder and then moved over ``path``, so an earlier file there survives any
    failure. Raises :class:`ReportError` with a message for the user if the PDF cannot be made.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ReportError(f"“{target}” is a folder; choose a file name for the PDF.")
    if not folder.is_dir():
        raise ReportError(f"The folder “{folder}” does not exist, so the PDF cannot be saved there.")
    if not folder.stat().st_mode & 0o222:  # marked read-only: honoured even for root, as for plans
        raise ReportError(
            f"The PDF cannot be saved in “{folder}”: the folder is read-only. Choose a folder you can write to."
        )
    try:
        atomic_write(
            target,
            lambda stream: _build(
                plan, stream, paper=paper, logo=logo, progress=progress, issued=issued, dpi=dpi
            ),
            suffix=".pdf.part",
        )
    except WriteFailedError as exc:  # a full disk, a folder that refuses the file: in words
        raise ReportError(str(exc)) from exc
    if progress is not None:
        progress(1.0, "Saved")
    return target
