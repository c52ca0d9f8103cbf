"""Building blocks shared by the sections: the context, safe markup, tables, headings, figures.

Safety rule: a plain ``str`` handed to any helper here is user text and is escaped; only a
:class:`Markup` (made by :meth:`ReportContext.m` or from fixed strings via :func:`markup`) is
trusted as reportlab markup.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Image, Paragraph, Spacer, Table, TableStyle

from ceplanner.core.costing import Budget
from ceplanner.core.model import Plan
from ceplanner.core.money import format_money
from ceplanner.report import styles as st
from ceplanner.report.text import TextRenderer, escape

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def layout_only(canvas: object) -> bool:
    """Whether ``canvas`` belongs to a layout-only pass (see ``document.numbered_canvas``)."""
    return bool(getattr(canvas, "layout_only", False))


class ReportTable(Table):
    """A table that skips drawing on a layout-only pass, where only page breaks matter."""

    def first_rows_height(self) -> float:
        """Height of the header (if any) and the first row: what must fit below its heading."""
        heights = list(self._argH)
        return float(sum(heights[: self.repeatRows + 1]))

    def draw(self) -> None:
        if not layout_only(self.canv):
            super().draw()


class ChartImage(Image):
    """A chart image that skips drawing (and PNG re-encoding) on a layout-only pass."""

    def draw(self) -> None:
        if not layout_only(self.canv):
            super().draw()


class Markup(str):
    """Text already safe to hand to a reportlab Paragraph."""

    __slots__ = ()


def markup(fixed: str) -> Markup:
    """Trust a fixed string written in this package (never user text) as markup."""
    return Markup(fixed)


def cat(*parts: Markup) -> Markup:
    """Join pieces of markup; refuses plain strings, which would be unescaped user text."""
    for part in parts:
        if not isinstance(part, Markup):
            raise TypeError(f"not markup: {part[:40]!r}")
    return Markup("".join(parts))


def plain(text: str) -> Markup:
    """Fixed text (no markup intended) escaped into markup."""
    return Markup(escape(text))


Cell = str | Markup | Flowable


@dataclass
class ReportContext:
    """Everything a section builder needs: the plan, its budget, styles, the frame size."""

    plan: Plan
    budget: Budget
    text: TextRenderer
    width: float
    """Width of the text frame in points."""
    height: float
    """Height of the text frame in points."""
    issued: date
    logo: Path | None = None
    dpi: int = 200
    styles: st.Styles = field(default_factory=st.make_styles)
    progress: Callable[[str], None] | None = None
    pages: dict[str, int] = field(default_factory=dict)
    """Page of each heading's key, as laid out by the previous pass (filled by the document)."""
    _keys: int = 0
    _figures: int = 0

    def m(self, text: str | None, limit: int | None = None, *, bold: bool = False) -> Markup:
        """User text as safe markup, with font fallback for scripts DejaVu Sans lacks; ``bold``
        when it is set in bold (see :meth:`TextRenderer.markup`)."""
        return Markup(self.text.markup(text, limit=limit, bold=bold))

    def b(self, text: str | None) -> Markup:
        """User text in bold, as safe markup."""
        return Markup(f"<b>{self.text.markup(text, bold=True)}</b>")

    def para(self, text: Markup | str, style: st.ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of markup; plain user text is escaped first."""
        safe = text if isinstance(text, Markup) else self.m(text)
        return Paragraph(safe, style or self.styles.body)

    def money(self, minor: int) -> str:
        return format_money(minor, self.plan.currency)

    def figure_number(self) -> int:
        """The next figure's number (figures are numbered as printed: an empty chart is left out)."""
        self._figures += 1
        return self._figures

    def key(self) -> str:
        self._keys += 1
        return f"k{self._keys}"


class Heading(Paragraph):
    """A heading that starts a new page rather than sit with less than ``room`` points below it.

    Used instead of ``keepWithNext``, which would push a whole long table to the next page.
    """

    def __init__(self, text: str, style: st.ParagraphStyle, *, room: float = 0) -> None:
        super().__init__(text, style)
        self.room = room

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        if availHeight < height + self.room:
            return width, availHeight + 1  # too little room: ask to be moved on
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []


class OutlineParagraph(Heading):
    """A heading that the document registers in the outline (bookmarks) and the contents."""

    def __init__(
        self,
        text: str,
        style: st.ParagraphStyle,
        *,
        title: str,
        level: int,
        key: str,
        toc: bool,
        room: float = 0,
    ) -> None:
        super().__init__(text, style, room=room)
        self.outline_title = title
        self.outline_level = level
        self.outline_key = key
        self.outline_toc = toc
        self.outline_markup = escape(title)


class OutlineMark(Flowable):
    """An invisible flowable that bookmarks its page (for the cover and the contents)."""

    def __init__(self, *, title: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.outline_title = title
        self.outline_level = level
        self.outline_key = key
        self.outline_toc = False
        self.outline_markup = escape(title)
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def line_width(ctx: ReportContext, text: str, size: float) -> float:
    """Width of ``text`` in the base font; characters it lacks (set in a fallback) count one em."""
    covered = "".join(ch if ctx.text.covers(ch) else "M" for ch in text)
    return stringWidth(covered, st.BASE_FONT, size)


def one_line(ctx: ReportContext, text: str, size: float, width: float) -> Markup:
    """User text that fits one line of ``width`` points at ``size``: ended at a word with an
    ellipsis if too long. Only for running headers and footers: the full text is elsewhere."""
    text = " ".join(text.split())
    if line_width(ctx, text, size) <= width:
        return ctx.m(text)
    words = text.split(" ")
    while len(words) > 1 and line_width(ctx, " ".join(words) + "…", size) > width:
        words.pop()
    shown = " ".join(words)
    while shown and line_width(ctx, shown + "…", size) > width:  # one word longer than the line
        shown = shown[:-1]
    return ctx.m(shown.rstrip(" ,;:-–(") + "…")


SELDOM_HEARD_MARK = "\u25b2"
"""The seldom-heard marker in text: the triangle of the stakeholder map (core.palette)."""


def seldom_heard_mark() -> Markup:
    """The seldom-heard marker, in the palette's colour, for tables and lists."""
    from ceplanner.core.palette import SELDOM_HEARD

    return Markup(f'<font color="{SELDOM_HEARD}">{SELDOM_HEARD_MARK}</font>')


def keep_headings_with_content(ctx: ReportContext, story: list[Flowable]) -> None:
    """Give each heading the room its introduction and the first row of its table need, so that
    a heading never ends a page with its table starting on the next."""
    for i, item in enumerate(story):
        if not isinstance(item, Heading):
            continue
        need = 0.0
        for following in story[i + 1 : i + 4]:
            if isinstance(following, ReportTable):
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


def section_heading(ctx: ReportContext, number: str, title: str, *, key: str = "") -> OutlineParagraph:
    """A numbered section heading (level 0 in the outline and contents).

    Sections run on from one another (a page break after each would leave the end of a section
    alone on a mostly blank page); a section starts on a new page when less than a third of the
    page is left. ``key`` names its destination for links (see :func:`page_link`).
    """
    full = f"{number} {title}" if number else title
    shown = (f'<font color="#4A6F94">{escape(number)}</font>&nbsp;&nbsp;' if number else "") + escape(title)
    return OutlineParagraph(
        shown, ctx.styles.h1, title=full, level=0, key=key or ctx.key(), toc=True, room=ctx.height * SECTION_ROOM
    )


SECTION_ROOM = 1 / 3
"""Share of the page a new section needs below its heading, else it starts on the next page."""


def subheading(ctx: ReportContext, title: str, *, outline: bool = True, key: str = "") -> Paragraph:
    """A fixed sub-heading; in the outline and contents at level 1 unless ``outline`` is False."""
    room = 45 * mm
    if not outline:
        return Heading(escape(title), ctx.styles.h2, room=room)
    return OutlineParagraph(
        escape(title), ctx.styles.h2, title=title, level=1, key=key or ctx.key(), toc=True, room=room
    )


def page_link(ctx: ReportContext, key: str) -> Markup:
    """"page 7" linked to the heading registered under ``key`` (its page from the previous pass)."""
    page = ctx.pages.get(key)
    return Markup(f'<a href="#{key}" color="#1B365D">page {page if page is not None else "?"}</a>')


class LateParagraph(Flowable):
    """A paragraph whose markup is made when it is laid out (for page numbers known by then)."""

    def __init__(self, make: Callable[[], Markup], style: st.ParagraphStyle, **para: object) -> None:
        super().__init__()
        self._make = make
        self._style = style
        self._para_options = para
        self._para: Paragraph | None = None

    def _paragraph(self) -> Paragraph:
        self._para = Paragraph(self._make(), self._style, **self._para_options)  # type: ignore[arg-type]
        return self._para

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self._paragraph().wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return self._paragraph().split(availWidth, availHeight)

    def getSpaceBefore(self) -> float:
        return float(self._style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self._style.spaceAfter)

    def drawOn(self, canvas: object, x: float, y: float, _sW: float = 0) -> None:
        assert self._para is not None
        self._para.drawOn(canvas, x, y, _sW)


def minor_heading(ctx: ReportContext, text: Markup | str) -> Paragraph:
    safe = text if isinstance(text, Markup) else ctx.m(text)
    return Heading(safe, ctx.styles.h3, room=18 * mm)


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
    s = ctx.styles
    scale = ctx.width / sum(widths)
    mins = _min_widths(header, rows, numeric, set(total_rows), set(group_rows), len(widths))
    col_widths = _fit_widths([w * scale for w in widths], mins)
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
    commands += [("LINEBELOW", (0, last(r)), (-1, last(r)), 0.25, st.RULE) for r in range(top, len(rows_of))]
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
    if zebra and len(rows) > 2:
        commands += [
            ("BACKGROUND", (0, first(r + top)), (-1, last(r + top)), st.ZEBRA) for r in range(1, len(rows), 2)
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
    return ReportTable(
        data,
        colWidths=col_widths,
        rowHeights=heights,
        repeatRows=top,
        style=TableStyle(commands),
        hAlign="LEFT",
    )


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


GROUPS_NAMED = 4
"""A list of more groups than this is given as numbers (the stakeholder table's # column)."""


def groups_text(ctx: ReportContext, group_ids: Sequence[str]) -> Markup:
    """The groups an activity or objective serves: names if a few, else their table numbers."""
    number = {g.id: i for i, g in enumerate(ctx.plan.groups, start=1)}
    ids = [gid for gid in group_ids if gid in number]
    if not ids:
        return plain("–")
    if len(ids) <= GROUPS_NAMED:
        names = [ctx.m(ctx.plan.groups[number[gid] - 1].name or "(unnamed group)") for gid in ids]
        return Markup(", ".join(names))
    if len(ids) == len(ctx.plan.groups):
        return plain(f"All {len(ids)} groups")
    numbers = ", ".join(f"#{number[gid]}" for gid in sorted(ids, key=number.__getitem__))
    return plain(f"{len(ids)} groups: {numbers}")


def figure(ctx: ReportContext, fig: Figure, caption: str, heading: Flowable | None = None) -> Flowable:
    """A matplotlib figure as a PNG image at the context's dpi, with a caption, kept together
    (and with ``heading`` above it, so a heading never ends a page without its figure)."""
    from ceplanner.report.charts import figure_to_png

    width_in, height_in = fig.get_size_inches()
    width, height = width_in * 72, height_in * 72
    if width > ctx.width:
        height, width = height * ctx.width / width, ctx.width
    image = ChartImage(io.BytesIO(figure_to_png(fig, ctx.dpi)), width=width, height=height)
    image.hAlign = "LEFT"
    return FitFigure(image, Paragraph(escape(caption), ctx.styles.figure_caption), heading, frame=ctx.height)


class FitFigure(Flowable):
    """A heading, a chart and its caption, kept together on one page.

    Where the page has room for at least ``MIN_SCALE`` of the chart's height, the chart is drawn
    that much smaller rather than move to the next page and leave a gap; a chart taller than
    a whole page is scaled to fit it. An outline heading is registered as the heading would be.
    """

    MIN_SCALE = 0.72

    def __init__(self, image: Image, caption: Paragraph, heading: Flowable | None, *, frame: float) -> None:
        super().__init__()
        self._image = image
        self._caption = caption
        self._heading = heading
        self._frame_height = frame
        self._natural = (float(image.drawWidth), float(image.drawHeight))
        self._scale = 1.0
        self._parts: list[tuple[Flowable, float, float]] = []
        for attr in ("outline_title", "outline_level", "outline_key", "outline_toc", "outline_markup"):
            if heading is not None and hasattr(heading, attr):
                setattr(self, attr, getattr(heading, attr))

    def _fixed(self, availWidth: float) -> list[tuple[Flowable, float, float]]:
        """Heading and caption with their heights and the space before them."""
        parts = []
        if self._heading is not None:
            _, h = self._heading.wrap(availWidth, 72000)
            parts.append((self._heading, h, float(self._heading.getSpaceAfter())))
        _, h = self._caption.wrap(availWidth, 72000)
        parts.append((self._caption, h, float(self._caption.getSpaceBefore())))
        return parts

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        fixed = self._fixed(availWidth)
        room = sum(h + gap for _, h, gap in fixed) + FIGURE_GAP
        width, height = self._natural
        scale = min(1.0, max(availHeight - room, 1.0) / height)
        at_top = availHeight >= self._frame_height * 0.98
        if scale < self.MIN_SCALE and not at_top:
            self._scale = 1.0  # too little room: ask for the next page
            return availWidth, availHeight + 1
        self._scale = scale
        self._image.drawWidth, self._image.drawHeight = width * scale, height * scale
        self.width, self.height = availWidth, room + height * scale
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def getSpaceBefore(self) -> float:
        return float(self._heading.getSpaceBefore()) if self._heading is not None else 0.0

    def draw(self) -> None:
        y = self.height
        if self._heading is not None:
            _, h = self._heading.wrap(self.width, 72000)
            y -= h
            self._heading.drawOn(self.canv, 0, y)
            y -= float(self._heading.getSpaceAfter())
        y -= self._image.drawHeight
        self._image.drawOn(self.canv, 0, y)
        _, h = self._caption.wrap(self.width, 72000)
        y -= float(self._caption.getSpaceBefore()) + h
        self._caption.drawOn(self.canv, 0, y)


FIGURE_GAP = 6.0
"""Space below a figure's caption, in points."""


def note_box(ctx: ReportContext, content: Markup | str, *, accent: bool = True) -> Table:
    """A shaded call-out box (warnings and notes for the reader)."""
    para = ctx.para(content, ctx.styles.note)
    box = Table([[para]], colWidths=[ctx.width])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.BASE_FONT),
                ("BACKGROUND", (0, 0), (-1, -1), st.NOTE_BG if accent else st.PANEL),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, st.ACCENT if accent else st.NAVY),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return box


def key_figures(ctx: ReportContext, items: Sequence[tuple[str, str]]) -> Table:
    """A row of headline figures: (value, label) pairs in shaded tiles."""
    s = ctx.styles
    cells = [
        [Paragraph(escape(value), s.key_value), Paragraph(escape(name), s.key_label)] for value, name in items
    ]
    n = len(items)
    gap = 6.0
    width = (ctx.width - gap * (n - 1)) / n
    col_widths: list[float] = []
    row: list[object] = []
    for i, cell in enumerate(cells):
        if i:
            row.append("")
            col_widths.append(gap)
        row.append(cell)
        col_widths.append(width)
    data = [row]
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), st.BASE_FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
    ]
    for i in range(0, len(row), 2):
        commands += [
            ("BACKGROUND", (i, 0), (i, 0), st.PANEL),
            ("LINEABOVE", (i, 0), (i, 0), 2, st.NAVY),
        ]
    return Table(data, colWidths=col_widths, style=TableStyle(commands), hAlign="LEFT")


def gap(height_mm: float = 4) -> Spacer:
    return Spacer(1, height_mm * mm)
