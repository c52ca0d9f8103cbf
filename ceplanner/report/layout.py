"""Building blocks shared by the sections: the context, safe markup, headings, boxes.

Tables are in :mod:`ceplanner.report.tables`, charts placed on the page in
:mod:`ceplanner.report.figures`.

Safety rule: a plain ``str`` handed to any helper here is user text and is escaped; only a
:class:`Markup` (made by :meth:`ReportContext.m` or from fixed strings via :func:`markup`) is
trusted as reportlab markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ceplanner.core.costing import Budget
from ceplanner.core.model import Plan
from ceplanner.core.money import format_money
from ceplanner.report import styles as st
from ceplanner.report.text import TextRenderer, escape

if TYPE_CHECKING:
    pass


def layout_only(canvas: object) -> bool:
    """Whether ``canvas`` belongs to a layout-only pass (see ``document.numbered_canvas``)."""
    return bool(getattr(canvas, "layout_only", False))


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


def section_heading(ctx: ReportContext, number: str, title: str, *, key: str = "") -> OutlineParagraph:
    """A numbered section heading (level 0 in the outline and contents).

    Sections run on from one another (a page break after each would leave the end of a section
    alone on a mostly blank page); a section starts on a new page when less than a third of the
    page is left. ``key`` names its destination for links (see :func:`page_link`).
    """
    full = f"{number} {title}" if number else title
    shown = (f'<font color="#4A6F94">{escape(number)}</font>&nbsp;&nbsp;' if number else "") + escape(title)
    return OutlineParagraph(
        shown,
        ctx.styles.h1,
        title=full,
        level=0,
        key=key or ctx.key(),
        toc=True,
        room=ctx.height * SECTION_ROOM,
    )


SECTION_ROOM = 1 / 3
"""Share of the page a new section needs below its heading, else it starts on the next page."""


def subheading(ctx: ReportContext, title: str, *, outline: bool = True, key: str = "") -> Paragraph:
    """A fixed sub-heading; a level-1 bookmark unless ``outline`` is False.

    The printed contents list the sections only, so that they stay one page however many
    sub-headings a plan has; the PDF's bookmarks hold every sub-heading.
    """
    room = 45 * mm
    if not outline:
        return Heading(escape(title), ctx.styles.h2, room=room)
    return OutlineParagraph(
        escape(title), ctx.styles.h2, title=title, level=1, key=key or ctx.key(), toc=False, room=room
    )


def page_link(ctx: ReportContext, key: str) -> Markup:
    """ "page 7" linked to the heading registered under ``key`` (its page from the previous pass)."""
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


def note_list_box(ctx: ReportContext, title: Markup, lines: Sequence[Markup]) -> Table:
    """A shaded call-out box of many lines, one row each, so a long list runs on over pages
    instead of being one cell too tall for any page."""
    rows = [[ctx.para(title, ctx.styles.note)]] + [[ctx.para(line, ctx.styles.note)] for line in lines]
    box = Table(rows, colWidths=[ctx.width])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.BASE_FONT),
                ("BACKGROUND", (0, 0), (-1, -1), st.NOTE_BG),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, st.ACCENT),
                ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, 0), 6),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
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
