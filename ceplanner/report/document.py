"""The document template: page layout, header and footer, outline and table of contents.

Follows reportlab's own TOC pattern: a ``BaseDocTemplate`` subclass whose ``afterFlowable``
registers headings for the contents and as PDF bookmarks, built with ``multiBuild``; a numbered
canvas draws "Page x of y" once the page count is known.
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from ceplanner.report import styles as st

# Binary rather than ASCII85 streams: smaller files, and no slow pure-Python encoding of images.
rl_config.useA85 = 0

PAPER_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
MARGIN_X = 22 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
HEADER_STATUS_WIDTH = 110.0
"""Room kept beside the running header's title for the status, and beside the footer's text
for the page number, in points."""


def page_size(paper: str) -> tuple[float, float]:
    try:
        return PAPER_SIZES[paper.lower()]
    except KeyError:
        raise ValueError(f"unknown paper size {paper!r}; use 'a4' or 'letter'") from None


def frame_size(paper: str) -> tuple[float, float]:
    """Width and height of the text frame on ``paper``, in points."""
    width, height = page_size(paper)
    return width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM


def numbered_canvas() -> type[Canvas]:
    """A canvas class whose first instance is marked ``layout_only``. Make one class per document.

    Pages are written as they are finished (never held back), so every bookmark and link
    records the page it is on; "Page x of y" takes y from the previous pass of ``multiBuild``.
    """

    class NumberedCanvas(Canvas):
        made = 0

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            NumberedCanvas.made += 1
            # The first pass of multiBuild only finds page numbers for the contents; it is never
            # the last (StrategyDocTemplate makes sure), so tables and charts need not be drawn.
            self.layout_only = NumberedCanvas.made == 1

    return NumberedCanvas


class StrategyDocTemplate(BaseDocTemplate):
    """Cover page template without header, body pages with the plan title and status on top."""

    def __init__(
        self,
        target: Any,
        *,
        paper: str,
        header_markup: str,
        status_markup: str,
        footer_markup: str,
        pages: dict[str, int],
        title: str,
        author: str,
        subject: str,
        keywords: str = "",
    ) -> None:
        width, height = page_size(paper)
        super().__init__(
            target,
            pagesize=(width, height),
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            subject=subject,
            keywords=keywords,
            creator="ceplanner",
            producer="ceplanner (reportlab)",
            lang="en-GB",
            # Every page starts in DejaVu Sans, so no built-in (Latin-1 only) font is referenced.
            initialFontName=st.BASE_FONT,
            initialFontSize=9.5,
        )
        self._header_markup = header_markup
        self._status_markup = status_markup
        self._footer_markup = footer_markup
        self._page_totals: list[int] = []
        self._pages = pages
        """Page of every heading key, from the last finished pass (the sections read it)."""
        self._pages_now: dict[str, int] = {}
        """The number of pages each pass of ``multiBuild`` made."""
        self._outline_shown = False
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        cover_frame = Frame(
            self.leftMargin + 8 * mm,
            self.bottomMargin,
            self.width - 8 * mm,
            self.height,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[cover_frame], onPage=self._draw_cover),
                PageTemplate(id="body", frames=[frame], onPage=self._draw_header),
            ]
        )

    def _draw_cover(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        _width, height = self.pagesize
        canvas.saveState()
        canvas.setFillColor(st.NAVY)
        canvas.rect(0, 0, 14 * mm, height, stroke=0, fill=1)
        canvas.setFillColor(st.ACCENT)
        canvas.rect(14 * mm, 0, 1.2 * mm, height, stroke=0, fill=1)
        canvas.restoreState()

    def _draw_header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        styles = st.make_styles()
        y = height - MARGIN_TOP + 9 * mm
        canvas.saveState()
        status = Paragraph(self._status_markup, st.ParagraphStyle("hs", parent=styles.muted, alignment=2))
        _, _sh = status.wrap(HEADER_STATUS_WIDTH - 10, 20)
        status.drawOn(canvas, width - MARGIN_X - HEADER_STATUS_WIDTH + 10, y)
        title = Paragraph(self._header_markup, styles.muted)
        _, _th = title.wrap(self.width - HEADER_STATUS_WIDTH + 1, 20)
        title.drawOn(canvas, MARGIN_X, y)
        canvas.setStrokeColor(st.RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y - 4, width - MARGIN_X, y - 4)
        canvas.restoreState()
        if self._page_totals:
            self._draw_footer(canvas, self.page, self._page_totals[-1])

    def _draw_footer(self, canvas: Canvas, number: int, total: int) -> None:
        width, _ = self.pagesize
        styles = st.make_styles()
        y = MARGIN_BOTTOM - 11 * mm
        canvas.saveState()
        canvas.setStrokeColor(st.RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y + 11, width - MARGIN_X, y + 11)
        left = Paragraph(self._footer_markup, styles.muted)
        _, h = left.wrap(self.width - HEADER_STATUS_WIDTH + 1, 20)
        left.drawOn(canvas, MARGIN_X, y + 8 - h)
        canvas.setFont(st.BASE_FONT, 8)
        canvas.setFillColor(st.MUTED)
        canvas.drawRightString(width - MARGIN_X, y, f"Page {number} of {total}")
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "outline_key", None)
        if key is None:
            return
        canvas = self.canv
        if not self._outline_shown:
            canvas.showOutline()
            self._outline_shown = True
        canvas.bookmarkPage(key)
        self._pages_now[key] = self.page
        canvas.addOutlineEntry(flowable.outline_title, key, level=flowable.outline_level, closed=True)
        if flowable.outline_toc:
            self.notify("TOCEntry", (flowable.outline_level, flowable.outline_markup, self.page, key))

    def _allSatisfied(self) -> bool:
        # The first pass is layout-only (nothing heavy is drawn), so it must never be the last.
        # "Page x of y" uses the previous pass's page count: the pass that ends the build must
        # have made as many pages as the one before it.
        self._page_totals.append(self.page)
        settled = len(self._page_totals) > 1 and self._page_totals[-1] == self._page_totals[-2]
        # Likewise page references ("continued on page 7") must not have moved since the last pass.
        settled = settled and self._pages_now == self._pages
        self._pages.clear()
        self._pages.update(self._pages_now)
        self._pages_now = {}
        return settled and bool(super()._allSatisfied())

    def beforeDocument(self) -> None:
        self._outline_shown = False
        self._pages_now = {}
