"""Report tables: header repeated on every page, columns that fit their words, rows that go on
below when taller than half a page, and headings kept with the start of their table.

Plain strings in a table are user text and escaped; pass :class:`~ceplanner.report.layout.Markup`
for markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ceplanner.report import styles as st
from ceplanner.report.layout import Cell, Heading, Markup, ReportContext, layout_only
from ceplanner.report.text import escape


class ReportTable(Table):
    """A table that skips drawing on a layout-only pass, where only page breaks matter."""

    def first_rows_height(self) -> float:
        """Height of the header (if any) and the first row: what must fit below its heading."""
        heights = list(self._argH)
        return float(sum(heights[: self.repeatRows + 1]))

    def draw(self) -> None:
        if not layout_only(self.canv):
            super().draw()


def keep_headings_with_content(ctx: ReportContext, story: list[Flowable]) -> None:
    """Give each heading the room its introduction and the first row of its table need, so that
    a heading never ends a page with its table starting on the next."""
    for i, item in enumerate(story):
        if not isinstance(item, Heading):
            continue
        need = 0.0
        for following in story[i + 1 : i + 4]:
            if isinstance(following, ReportTable | LongTable):
                need += following.first_rows_height()
                break
            if isinstance(following, Paragraph) and not isinstance(following, Heading):
                _, h = following.wrap(ctx.width, ctx.height)
                need += h + following.getSpaceBefore() + following.getSpaceAfter()
                continue
            need = 0.0
            break
        else:
            need = 0.0
        item.room = max(item.room, min(need, ctx.height * 0.6))


_TAG = re.compile(r"<[^>]*>")
PAD_X = 4.0
PAD_TOP = 3.0
PAD_BOTTOM = 3.5
CELL_PAD = 2 * PAD_X + 0.5
MAX_WORD = 110.0
"""A word wider than this (points) may be broken rather than widen its column further."""


def _words(value: Cell) -> list[str]:
    if isinstance(value, Flowable):
        return []
    text = html.unescape(_TAG.sub(" ", value)) if isinstance(value, Markup) else value
    return text.split()


@lru_cache(maxsize=65536)
def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def _row_heights(
    data: list[list[Flowable | str]],
    col_widths: list[float],
    spans: dict[int, tuple[int, int]],
    leading: float,
) -> list[float]:
    """Each row's height, computed once (reportlab would re-wrap every cell on every pass and split).

    Mirrors ``Table._calc_height``: a string cell is its lines x leading, a flowable its wrapped
    height; both plus the vertical padding set in :func:`table`. ``spans`` maps a row to the
    first and last column of the one span in it.
    """
    heights = []
    for r, row in enumerate(data):
        first, last = spans.get(r, (-1, -1))
        h = 0.0
        for c, value in enumerate(row):
            if first < c <= last:
                continue
            width = sum(col_widths[first : last + 1]) if c == first else col_widths[c]
            if isinstance(value, str):
                t = leading * (value.count("\n") + 1)
            else:
                _, t = value.wrap(width - 2 * PAD_X, 72000)
            h = max(h, t)
        heights.append(h + PAD_TOP + PAD_BOTTOM)
    return heights


def _fit_widths(widths: list[float], mins: list[float]) -> list[float]:
    """Widen columns narrower than their minimum, taking room from columns with slack."""
    deficit = sum(max(m - w, 0.0) for w, m in zip(widths, mins, strict=True))
    slack = [max(w - m, 0.0) for w, m in zip(widths, mins, strict=True)]
    total_slack = sum(slack)
    if deficit <= 0 or total_slack <= 0:
        return widths
    take = min(deficit, total_slack)
    return [
        w + (m - w) * take / deficit if m > w else w - sl * take / total_slack
        for w, m, sl in zip(widths, mins, slack, strict=True)
    ]


def _min_widths(
    header: Sequence[str] | None,
    rows: Sequence[Sequence[Cell]],
    numeric: Sequence[int],
    bold_rows: set[int],
    spanned: set[int],
    columns: int,
) -> list[float]:
    """The narrowest each column can be without breaking a word (or a number) in two."""
    size = 8
    mins = [0.0] * columns
    if header is not None:
        for i, h in enumerate(header):
            if isinstance(h, Markup):  # explicit line breaks: each line must fit whole
                lines = [html.unescape(_TAG.sub("", part)).strip() for part in re.split(r"<br\s*/?>", h)]
                mins[i] = max(stringWidth(line, st.BOLD, size) for line in lines)
            else:
                mins[i] = max((_width(w, st.BOLD, size) for w in _words(h)), default=0.0)
    for r, row in enumerate(rows):
        if r in spanned:
            continue
        font = st.BOLD if r in bold_rows else st.BASE_FONT
        for i, value in enumerate(row):
            if i in numeric and not isinstance(value, Flowable):
                text = " ".join(_words(value))
                mins[i] = max(mins[i], _width(text, font, size))
            else:
                widest = max((_width(w, font, size) for w in _words(value)), default=0.0)
                mins[i] = max(mins[i], min(widest, MAX_WORD))
    return [m + CELL_PAD for m in mins]


def _cell(ctx: ReportContext, value: Cell, style: st.ParagraphStyle, width: float) -> Flowable | str:
    if isinstance(value, Flowable):
        return value
    if isinstance(value, Markup):
        return Paragraph(value, style)
    # Short plain text that fits on one line in the base font is drawn as a plain table string:
    # no markup is parsed (so nothing needs escaping) and long tables build several times faster.
    if (
        len(value) < 120
        and "\n" not in value
        and ctx.text.covers(value)
        and _width(value, style.fontName, style.fontSize) <= width - CELL_PAD
    ):
        return value
    # Plain user text, whole: a row taller than a page is split into several (see table()).
    return Paragraph(ctx.m(value), style)


def table(
    ctx: ReportContext,
    header: Sequence[str] | None,
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    total_rows: Sequence[int] = (),
    group_rows: Sequence[int] = (),
    zebra: bool = True,
    spans: Sequence[tuple[int, int, int]] = (),
    extra: Sequence[tuple[object, ...]] = (),
) -> Table:
    """A report table: header repeated on every page, wrapping cells, columns filling the frame.

    ``header`` None makes a two-column style key/value table with no header row. ``widths``
    are fractions of the frame width. ``numeric`` columns are right-aligned. ``total_rows``
    (indices into ``rows``) are set bold above a rule; ``group_rows`` are shaded sub-headers
    spanning the row; ``spans`` are (row, first column, last column) cells merged across columns.
    Plain strings are user text and escaped; pass :class:`Markup` for markup.
    """
    scale = ctx.width / sum(widths)
    mins = _min_widths(header, rows, numeric, set(total_rows), set(group_rows), len(widths))
    col_widths = _fit_widths([w * scale for w in widths], mins)
    shares = [w / sum(col_widths) for w in col_widths]
    source = TableSource(header, rows, shares, numeric, total_rows, group_rows, spans)
    built: Any  # a ReportTable, or a LongTable for very long tables
    if len(rows) > LAZY_ROWS and header is not None and not extra:
        built = LongTable(ctx, header, rows, col_widths, numeric, total_rows, group_rows, zebra, spans)
    else:
        zebra = zebra and len(rows) > 2
        built = _build(ctx, header, rows, col_widths, numeric, total_rows, group_rows, zebra, spans, extra)[0]
    built.source = source
    return built


@dataclass(frozen=True)
class TableSource:
    """What a report table was made from, kept on it as ``.source`` so other formats (the Word
    document) lay out the same rows without the PDF's page splitting."""

    header: Sequence[str] | None
    rows: Sequence[Sequence[Cell]]
    widths: Sequence[float]
    """Each column's share of the table's width, as fitted to its longest words."""
    numeric: Sequence[int]
    total_rows: Sequence[int]
    group_rows: Sequence[int]
    spans: Sequence[tuple[int, int, int]]


def _build(
    ctx: ReportContext,
    header: Sequence[str] | None,
    rows: Sequence[Sequence[Cell]],
    col_widths: list[float],
    numeric: Sequence[int],
    total_rows: Sequence[int],
    group_rows: Sequence[int],
    zebra: bool,
    spans: Sequence[tuple[int, int, int]],
    extra: Sequence[tuple[object, ...]],
    phase: int = 0,
) -> tuple[ReportTable, bool, list[float]]:
    """The table of ``rows`` with ``col_widths``; also whether every row is whole (none split
    into parts) and each row's height with its parts. ``phase`` 1 starts the zebra one row on."""
    s = ctx.styles
    data: list[list[Flowable | str]] = []
    if header is not None:
        data.append(
            [
                Paragraph(
                    h if isinstance(h, Markup) else escape(h),
                    s.cell_head_right if i in numeric else s.cell_head,
                )
                for i, h in enumerate(header)
            ]
        )
    top = len(data)
    for r, row in enumerate(rows):
        bold = r in total_rows or r in group_rows
        cells = []
        for i, value in enumerate(row):
            if i in numeric:
                style = s.cell_right_bold if bold else s.cell_right
            else:
                style = s.cell_bold if bold else s.cell
            cells.append(_cell(ctx, value, style, col_widths[i]))
        data.append(cells)
    merged = {r + top: (0, len(col_widths) - 1) for r in group_rows}
    merged.update({r + top: (c0, c1) for r, c0, c1 in spans})
    heights = _row_heights(data, col_widths, merged, s.cell.leading)
    # A row taller than most of a page cannot be drawn (reportlab splits tables between rows
    # only), so its text continues in the rows below: ``rows_of`` maps each row to its parts.
    data, heights, rows_of = _split_tall_rows(
        data, heights, col_widths, merged, s.cell.leading, ctx.height * TALL_ROW
    )

    def first(r: int) -> int:
        return rows_of[r][0]

    def last(r: int) -> int:
        return rows_of[r][-1]

    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
        # For cells drawn as plain strings (see _cell): the same look as the cell paragraph styles.
        ("FONTNAME", (0, 0), (-1, -1), st.BASE_FONT),
        ("FONTSIZE", (0, top), (-1, -1), s.cell.fontSize),
        ("LEADING", (0, top), (-1, -1), s.cell.leading),
        ("TEXTCOLOR", (0, top), (-1, -1), st.TEXT),
    ]
    # One command for all rows where every row is whole: a long table (thousands of groups) is
    # split across hundreds of pages, and reportlab goes through every style command at each split.
    whole = all(len(parts) == 1 for parts in rows_of)
    if whole:
        commands.append(("LINEBELOW", (0, top), (-1, -1), 0.25, st.RULE))
    else:
        commands += [
            ("LINEBELOW", (0, last(r)), (-1, last(r)), 0.25, st.RULE) for r in range(top, len(rows_of))
        ]
    for r in range(top, len(rows_of)):
        if len(rows_of[r]) > 1:  # the parts of a split row read as one row
            commands += [("TOPPADDING", (0, p), (-1, p), 0) for p in rows_of[r][1:]]
            commands += [("BOTTOMPADDING", (0, p), (-1, p), 0) for p in rows_of[r][:-1]]
    commands += [("ALIGN", (i, top), (i, -1), "RIGHT") for i in numeric]
    commands += [
        ("FONTNAME", (0, first(r + top)), (-1, last(r + top)), st.BOLD) for r in (*total_rows, *group_rows)
    ]
    if header is not None:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), st.HEADER_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, st.NAVY),
        ]
    else:
        commands.append(("LINEABOVE", (0, 0), (-1, 0), 0.8, st.NAVY))
    if zebra and whole:
        commands.append(
            ("ROWBACKGROUNDS", (0, top), (-1, -1), [None, st.ZEBRA] if phase == 0 else [st.ZEBRA, None])
        )
    elif zebra:
        commands += [
            ("BACKGROUND", (0, first(r + top)), (-1, last(r + top)), st.ZEBRA)
            for r in range(len(rows))
            if (r + phase) % 2 == 1
        ]
    for r in group_rows:
        commands += [
            ("BACKGROUND", (0, first(r + top)), (-1, last(r + top)), st.PANEL),
            ("SPAN", (0, first(r + top)), (-1, first(r + top))),
        ]
        if r + 1 < len(rows):  # a sub-header never ends a page without its first row
            commands.append(("NOSPLIT", (0, last(r + top)), (-1, first(r + top + 1))))
    for r in total_rows:
        commands += [
            ("LINEABOVE", (0, first(r + top)), (-1, first(r + top)), 0.7, st.NAVY),
            ("BACKGROUND", (0, first(r + top)), (-1, last(r + top)), st.PANEL),
        ]
    commands += list(extra)
    commands += [("SPAN", (c0, p), (c1, p)) for r, c0, c1 in spans for p in rows_of[r + top]]
    built = ReportTable(
        data,
        colWidths=col_widths,
        rowHeights=heights,
        repeatRows=top,
        style=TableStyle(commands),
        hAlign="LEFT",
    )
    row_heights = [sum(heights[p] for p in parts) for parts in rows_of[top:]]
    return built, whole, row_heights


LAZY_ROWS = 150
"""A table longer than this makes its cells only for the page being laid out (see LongTable)."""
CHUNK = 150
"""Rows measured at a time when a long table works out its row heights."""


class LongTable(Flowable):
    """A table of thousands of rows that makes its cells only for the page being laid out.

    reportlab keeps every cell of a table (a paragraph each) for the whole build and copies the
    rest of the table at every page it splits. This one knows each row's height (measured once,
    a few rows at a time) and, page by page, makes an ordinary table of just the rows that fit,
    with the header on top. Rows are never split inside (a table whose rows need splitting,
    being taller than half a page, is made the ordinary way).
    """

    def __init__(
        self,
        ctx: ReportContext,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        col_widths: list[float],
        numeric: Sequence[int],
        total_rows: Sequence[int],
        group_rows: Sequence[int],
        zebra: bool,
        spans: Sequence[tuple[int, int, int]],
        *,
        start: int = 0,
        measured: tuple[float, list[float]] | None = None,
    ) -> None:
        super().__init__()
        self.ctx, self.header, self.rows, self.col_widths = ctx, header, rows, col_widths
        self.numeric, self.total_rows, self.group_rows = numeric, total_rows, group_rows
        self.zebra, self.spans, self.start = zebra, spans, start
        self.whole: ReportTable | None = None
        if measured is None:
            measured = self._measure()
        self.header_height, self.row_heights = measured
        self.width = float(sum(col_widths))
        self.height = 0.0

    def _piece(self, first: int, last: int) -> tuple[ReportTable, bool, list[float]]:
        """An ordinary table of rows ``first`` to ``last`` (exclusive), header on top."""
        inside = range(first, last)
        return _build(
            self.ctx,
            self.header,
            self.rows[first:last],
            self.col_widths,
            self.numeric,
            [r - first for r in self.total_rows if r in inside],
            [r - first for r in self.group_rows if r in inside],
            self.zebra,
            [(r - first, c0, c1) for r, c0, c1 in self.spans if r in inside],
            (),
            phase=first % 2,
        )

    def _measure(self) -> tuple[float, list[float]]:
        header, _whole, _none = _build(
            self.ctx, self.header, [], self.col_widths, self.numeric, (), (), False, (), ()
        )
        header_height = float(sum(header._argH))
        heights: list[float] = []
        for first in range(0, len(self.rows), CHUNK):
            _table, whole, part = self._piece(first, min(first + CHUNK, len(self.rows)))
            if not whole:  # a row too tall for a page: the whole table is made the ordinary way
                self.whole = self._piece(0, len(self.rows))[0]
                return header_height, []
            heights += part
        return header_height, heights

    def _rest(self, start: int) -> LongTable:
        """The rows from ``start`` on, a new flowable (platypus marks the ones it has placed)
        that reuses the measured heights."""
        return LongTable(
            self.ctx,
            self.header,
            self.rows,
            self.col_widths,
            self.numeric,
            self.total_rows,
            self.group_rows,
            self.zebra,
            self.spans,
            start=start,
            measured=(self.header_height, self.row_heights),
        )

    def first_rows_height(self) -> float:
        if self.whole is not None:
            return self.whole.first_rows_height()
        return self.header_height + (self.row_heights[self.start] if self.start < len(self.rows) else 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.whole is not None:
            return self.whole.wrap(availWidth, availHeight)
        self.height = self.header_height + float(sum(self.row_heights[self.start :]))
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self.whole is not None:
            return list(self.whole.split(availWidth, availHeight))
        room = availHeight - self.header_height
        end = self.start
        while end < len(self.rows) and room >= self.row_heights[end]:
            room -= self.row_heights[end]
            end += 1
        for r in self.group_rows:  # a sub-header never ends a page without its first row
            if r == end - 1 and end < len(self.rows) and end - 1 > self.start:
                end -= 1
        if end == self.start:
            return []
        piece = self._piece(self.start, end)[0]
        return [piece, self._rest(end)] if end < len(self.rows) else [piece]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        if self.whole is not None:
            self.whole.drawOn(canvas, x, y, _sW)
            return
        piece = self._piece(self.start, len(self.rows))[0]
        piece.wrap(self.width, self.height)
        piece.drawOn(canvas, x, y, _sW)


TALL_ROW = 0.5
"""A table row taller than this share of the text frame continues in rows below it."""


def _split_tall_rows(
    data: list[list[Flowable | str]],
    heights: list[float],
    col_widths: list[float],
    spans: dict[int, tuple[int, int]],
    leading: float,
    limit: float,
) -> tuple[list[list[Flowable | str]], list[float], list[list[int]]]:
    """Rows taller than ``limit`` split into several, their paragraphs cut between lines.

    Returns the new rows, their heights, and for each original row the indices of its parts.
    """
    out: list[list[Flowable | str]] = []
    out_heights: list[float] = []
    rows_of: list[list[int]] = []
    room = limit - PAD_TOP - PAD_BOTTOM
    for r, (row, height) in enumerate(zip(data, heights, strict=True)):
        if height <= limit:
            rows_of.append([len(out)])
            out.append(row)
            out_heights.append(height)
            continue
        first, last_col = spans.get(r, (-1, -1))
        columns: list[list[Flowable | str]] = []
        for c, value in enumerate(row):
            width = sum(col_widths[first : last_col + 1]) if c == first else col_widths[c]
            parts: list[Flowable | str] = []
            rest: Flowable | str = value
            while isinstance(rest, Paragraph):
                _, h = rest.wrap(width - 2 * PAD_X, 72000)
                if h <= room:
                    break
                pieces = rest.split(width - 2 * PAD_X, room)
                if len(pieces) < 2:
                    break
                parts.append(pieces[0])
                rest = pieces[1]
            parts.append(rest)
            columns.append(parts)
        count = max(len(parts) for parts in columns)
        new_rows = [[parts[k] if k < len(parts) else "" for parts in columns] for k in range(count)]
        sub_spans = {k: spans[r] for k in range(count) if r in spans}
        rows_of.append(list(range(len(out), len(out) + count)))
        out += new_rows
        out_heights += _row_heights(new_rows, col_widths, sub_spans, leading)
    return out, out_heights, rows_of
