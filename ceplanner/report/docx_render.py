"""The PDF's flowables written into a Word document: one source for both formats.

The sections (``report/sections``) build reportlab flowables; :class:`DocxWriter` walks that same
list and writes each kind as its Word counterpart: outline headings as Heading 1/2/3 with a
bookmark, paragraphs as runs, report tables (from the rows they were made from, see
``tables.TableSource``) as Word tables whose header row repeats, charts as pictures with
alternative text, the contents as a TOC field. A flowable of a kind it does not know is an
error, never silently left out (:func:`handled_kinds` lists the kinds; a test keeps it complete).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ceplanner.core import palette
from ceplanner.report import styles as st
from ceplanner.report.docx_markup import Run, runs
from ceplanner.report.docx_word import (
    add_bookmark,
    add_field,
    add_internal_link,
    begin_field,
    end_field,
    ensure_style,
    keep_row_whole,
    repeat_as_header,
    set_alt_text,
    set_widths,
    shade,
    table_borders,
)
from ceplanner.report.figures import ChartImage, FitFigure
from ceplanner.report.layout import Heading, LateParagraph, Markup, OutlineMark, OutlineParagraph
from ceplanner.report.sections.summary import MissingCharactersNote
from ceplanner.report.tables import LongTable, ReportTable, TableSource

TOC_INSTRUCTION = 'TOC \\o "1-1" \\h \\z \\u'
"""The sections only, as the PDF's printed contents (sub-headings are in Word's navigation pane)."""
TOC_NOTE = "Right-click the contents and choose Update Field to add page numbers."
HEADER_FILL = "E6ECF2"
TOTAL_FILL = palette.PANEL.lstrip("#").upper()
TABLE_TEXT = Pt(8.5)
FIGURE_NUMBER = re.compile(r"(Figure \d+)\.")
PAGE_LINK = re.compile(r"(page )(\S+)")
"""The text of ``layout.page_link``: the page number becomes a PAGEREF field."""
LARGE_TEXT = 12.0
"""Paragraphs set at least this large in the PDF (the cover's organisation, headline figures)
keep their size in Word's Normal style."""
BIG_SPACE = 20.0
"""Spacers at least this tall (points) keep their space in Word (the cover's); smaller ones are
left to the paragraph styles' own spacing."""
MAX_SPACE = 36.0
"""The most space a spacer keeps: Word's paragraphs are taller than reportlab's, so the cover's
generous gaps are kept smaller to leave it one page."""


class Container(Protocol):
    """The document body or a table cell: both take paragraphs and tables."""

    def add_paragraph(self, text: str = ..., style: Any = ...) -> WordParagraph: ...

    def add_table(self, rows: int, cols: int, *args: Any) -> Any: ...


@dataclass
class Entry:
    """A heading written so far: its level (1-3), title and bookmark."""

    level: int
    title: str
    anchor: str


STYLE_MAP = {
    "Heading2": "Heading 2",
    "Heading3": "Heading 3",
    "CoverTitle": "Title",
    "CoverSubtitle": "Subtitle",
    "Caption": "Caption",
    "Bullet": "List Bullet",
}
"""reportlab style (or the one it derives from) → Word style; any other is Normal."""


def _word_style(style: ParagraphStyle) -> str:
    current: Any = style
    while current is not None:
        if current.name in STYLE_MAP:
            return STYLE_MAP[current.name]
        if current.name == "Heading1":
            return "TOC Heading"  # the one level-1 title that is not a section: "Contents"
        current = current.parent
    return "Normal"


class DocxWriter:
    """Writes flowables into ``document``; ``width`` is the text width in points."""

    def __init__(self, document: Document, width: float) -> None:
        self.document = document
        self.width = width
        self.headings: list[Entry] = []
        self._bookmarks: list[str] = []
        self._page_start = True
        self._toc: WordParagraph | None = None
        self._handlers: dict[type, Callable[[Any, Container], None]] = {
            OutlineParagraph: self._outline_heading,
            Heading: self._paragraph,
            Paragraph: self._paragraph,
            LateParagraph: self._late_paragraph,
            OutlineMark: self._mark,
            Spacer: self._spacer,
            PageBreak: self._page_break,
            CondPageBreak: self._nothing,
            NextPageTemplate: self._nothing,
            KeepInFrame: self._contents,
            KeepTogether: self._contents,
            ReportTable: self._table,
            LongTable: self._table,
            Table: self._table,
            FitFigure: self._figure,
            ChartImage: self._image,
            Image: self._image,
            TableOfContents: self._toc_field,
            MissingCharactersNote: self._nothing,
        }

    # -- walking -------------------------------------------------------------------------------

    def write(self, story: Sequence[Flowable], into: Container | None = None) -> None:
        target: Container = into if into is not None else self.document
        for flowable in story:
            self._handler(flowable)(flowable, target)

    def _handler(self, flowable: Flowable) -> Callable[[Any, Container], None]:
        for kind in type(flowable).__mro__:
            if kind in self._handlers:
                return self._handlers[kind]
        raise TypeError(f"the Word document has no counterpart for a {type(flowable).__name__}")

    def finish(self) -> None:
        """Fill the contents with the headings written (page numbers come when Word updates it)."""
        if self._toc is not None:
            self._fill_toc(self._toc)

    # -- paragraphs ----------------------------------------------------------------------------

    def _new_paragraph(self, into: Container, style: str) -> WordParagraph:
        paragraph = into.add_paragraph(style=ensure_style(self.document, style))
        for name in self._bookmarks:
            add_bookmark(paragraph, name)
        self._bookmarks = []
        self._page_start = False
        return paragraph

    def _outline_heading(self, flowable: OutlineParagraph, into: Container) -> None:
        level = min(flowable.outline_level + 1, 3)
        style = f"Heading {level}"
        ensure_style(self.document, style, outline=level - 1)
        starts_page = level == 1 and not self._page_start
        self._bookmarks.append(flowable.outline_key)
        paragraph = self._new_paragraph(into, style)
        paragraph.add_run(flowable.outline_title)
        paragraph.paragraph_format.keep_with_next = True
        if starts_page:
            paragraph.paragraph_format.page_break_before = True
        self.headings.append(Entry(level, flowable.outline_title, flowable.outline_key))

    def _paragraph(self, flowable: Paragraph, into: Container, *, size: Pt | None = None) -> None:
        style = _word_style(flowable.style)
        if style.startswith("Heading"):
            ensure_style(self.document, style, outline=int(style[-1]) - 1)
        paragraph = self._new_paragraph(into, style)
        if isinstance(flowable, Heading):
            paragraph.paragraph_format.keep_with_next = True
            if style.startswith("Heading"):
                key = f"h{len(self.headings) + 1}"
                add_bookmark(paragraph, key)
                text = "".join(run.text for run in runs(flowable.text))
                self.headings.append(Entry(int(style[-1]), text, key))
        self.fill(paragraph, flowable.text, flowable.style, size=size)

    def fill(
        self,
        paragraph: WordParagraph,
        markup: str,
        style: ParagraphStyle | None,
        *,
        size: Pt | None = None,
    ) -> None:
        """Write ``markup``'s runs into ``paragraph``, with the look its reportlab ``style`` adds
        to a Word style that does not have it (bold, italic, a colour)."""
        bold = italic = False
        colour: str | None = None
        if style is not None:
            if style.alignment == TA_RIGHT:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if _word_style(style) == "Normal":
                bold = style.fontName in (st.BOLD, st.BOLD_ITALIC)
                italic = style.fontName in (st.ITALIC, st.BOLD_ITALIC)
                if style.textColor is not None and style.textColor != st.TEXT:
                    colour = style.textColor.hexval()[2:].upper()
                if size is None and style.fontSize >= LARGE_TEXT:
                    size = Pt(style.fontSize)
        for run in runs(markup):
            self._run(paragraph, run, bold=bold, italic=italic, colour=colour, size=size)

    def _run(
        self,
        paragraph: WordParagraph,
        run: Run,
        *,
        bold: bool,
        italic: bool,
        colour: str | None,
        size: Pt | None,
    ) -> None:
        if run.line_break:
            paragraph.add_run().add_break()
            return
        page = PAGE_LINK.fullmatch(run.text)
        if run.link and run.link.startswith("#") and page:
            # "page 7" linked to a heading: a page reference Word and LibreOffice keep up to date.
            self._run(
                paragraph,
                replace(run, text=page.group(1), link=None),
                bold=bold,
                italic=italic,
                colour=colour,
                size=size,
            )
            written = add_field(paragraph, f"PAGEREF {run.link[1:]} \\h", page.group(2))
        elif run.link and run.link.startswith("#"):
            written = add_internal_link(paragraph, run.link[1:], run.text)
        else:
            written = paragraph.add_run(run.text)
        if run.bold or bold:
            written.bold = True
        if run.italic or italic:
            written.italic = True
        shown = run.color or colour
        if shown:
            written.font.color.rgb = RGBColor.from_string(shown)
        if run.superscript:
            written.font.superscript = True
        if run.subscript:
            written.font.subscript = True
        if size is not None:
            written.font.size = size

    def _late_paragraph(self, flowable: LateParagraph, into: Container) -> None:
        # Its markup is made now, as the PDF makes it at layout time.
        self._paragraph(Paragraph(flowable._make(), flowable._style, **flowable._para_options), into)

    def _mark(self, flowable: OutlineMark, into: Container) -> None:
        self._bookmarks.append(flowable.outline_key)

    # -- space and pages -----------------------------------------------------------------------

    def _nothing(self, flowable: Flowable, into: Container) -> None:
        """Layout instructions that mean nothing in Word (page templates, conditional breaks),
        and the PDF's note on characters without a font (Word chooses its own fonts)."""

    def _spacer(self, flowable: Spacer, into: Container) -> None:
        if flowable.height >= BIG_SPACE and into is self.document:
            paragraph = into.add_paragraph()
            paragraph.paragraph_format.space_after = Pt(min(flowable.height, MAX_SPACE))

    def _page_break(self, flowable: PageBreak, into: Container) -> None:
        if self._page_start:
            return
        from docx.enum.text import WD_BREAK

        into.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        self._page_start = True

    def _contents(self, flowable: KeepInFrame | KeepTogether, into: Container) -> None:
        self.write(list(flowable._content), into)

    # -- tables --------------------------------------------------------------------------------

    def _table(self, flowable: Table | LongTable, into: Container) -> None:
        source: TableSource | None = getattr(flowable, "source", None)
        if source is not None:
            self._source_table(source, into)
        elif isinstance(flowable, Table):
            self._plain_table(flowable, into)
        else:
            raise TypeError("a long table without the rows it was made from")

    def _source_table(self, source: TableSource, into: Container) -> None:
        columns = len(source.widths)
        top = 1 if source.header is not None else 0
        table = into.add_table(rows=top + len(source.rows), cols=columns)
        word_rows = list(table.rows)
        self._page_start = False
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        table_borders(table)
        set_widths(table, [Pt(self.width * share) for share in source.widths])
        numeric = set(source.numeric)
        if source.header is not None:
            header = word_rows[0]
            repeat_as_header(header)
            keep_row_whole(header)
            for c, text in enumerate(source.header):
                cell = header.cells[c]
                shade(cell, HEADER_FILL)
                paragraph = cell.paragraphs[0]
                _compact(paragraph)
                markup = text if isinstance(text, Markup) else _escape(text)
                self.fill(paragraph, markup, None, size=TABLE_TEXT)
                for run in paragraph.runs:
                    run.bold = True
                    run.font.color.rgb = RGBColor.from_string(palette.NAVY.lstrip("#").upper())
                if c in numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        bold_rows = set(source.total_rows) | set(source.group_rows)
        spans = {r: (0, columns - 1) for r in source.group_rows}
        spans.update({r: (c0, c1) for r, c0, c1 in source.spans})
        for r, values in enumerate(source.rows):
            row = word_rows[top + r]
            keep_row_whole(row)
            first, last = spans.get(r, (-1, -1))
            row_cells = row.cells
            for c, value in enumerate(values):
                if first < c <= last:
                    continue
                cell = row_cells[c]
                if c == first and last > first:
                    cell = cell.merge(row_cells[last])
                self._cell(cell, value, right=c in numeric and c != first, bold=r in bold_rows)
                if r in bold_rows:
                    shade(cell, TOTAL_FILL)

    def _cell(self, cell: Any, value: object, *, right: bool, bold: bool) -> None:
        paragraph = cell.paragraphs[0]
        _compact(paragraph)
        if isinstance(value, Flowable):
            if isinstance(value, Paragraph) and not isinstance(value, Heading):
                self.fill(paragraph, value.text, value.style, size=TABLE_TEXT)
            else:
                cell._tc.remove(paragraph._p)
                self.write([value], cell)  # python-docx ends a cell's table with a paragraph
            return
        markup = value if isinstance(value, Markup) else _escape(str(value))
        self.fill(paragraph, markup, None, size=TABLE_TEXT)
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if bold:
            for run in paragraph.runs:
                run.bold = True

    def _plain_table(self, flowable: Table, into: Container) -> None:
        """A layout table (the cover's details, call-out boxes, headline figures): its cells, the
        columns that only make gaps left out, its shading kept."""
        cells = flowable._cellvalues
        columns = [c for c in range(flowable._ncols) if any(not _is_gap(row[c]) for row in cells)]
        table = into.add_table(rows=len(cells), cols=len(columns))
        word_rows = list(table.rows)
        self._page_start = False
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        table_borders(table)
        widths = [float(flowable._colWidths[c] or 0) for c in columns]
        total = sum(widths) or 1.0
        scale = min(1.0, self.width / total) if all(widths) else 0.0
        if scale:
            set_widths(table, [Pt(w * scale) for w in widths])
        fills = _fills(flowable)
        for r, row in enumerate(cells):
            for i, c in enumerate(columns):
                cell = word_rows[r].cells[i]
                if (r, c) in fills:
                    shade(cell, fills[(r, c)])
                value = row[c]
                values = value if isinstance(value, list | tuple) else [value]
                paragraph = cell.paragraphs[0]
                _compact(paragraph)
                for k, item in enumerate(values):
                    if isinstance(item, Paragraph) and k == 0:
                        self.fill(paragraph, item.text, item.style)
                    elif isinstance(item, Flowable):
                        self.write([item], cell)
                    elif str(item):
                        self.fill(paragraph, _escape(str(item)), None)

    # -- pictures ------------------------------------------------------------------------------

    def _figure(self, flowable: FitFigure, into: Container) -> None:
        if flowable._heading is not None:
            self.write([flowable._heading], into)
        caption = flowable._caption
        text = "".join(run.text for run in runs(caption.text))
        number = FIGURE_NUMBER.match(text)
        self._picture(flowable._image, into, description=text, title=number.group(1) if number else "Chart")
        self._paragraph(caption, into)

    def _image(self, flowable: Image, into: Container) -> None:
        self._picture(flowable, into, description="Logo of the organisation", title="Logo")

    def _picture(self, image: Image, into: Container, *, description: str, title: str) -> None:
        data = image.png if isinstance(image, ChartImage) else _image_bytes(image)
        paragraph = self._new_paragraph(into, "Normal")
        paragraph.paragraph_format.keep_with_next = True
        run = paragraph.add_run()
        width, height = float(image.drawWidth), float(image.drawHeight)
        if width > self.width:
            width, height = self.width, height * self.width / width
        run.add_picture(io.BytesIO(data), width=Pt(width), height=Pt(height))
        set_alt_text(run, description, title)

    # -- contents ------------------------------------------------------------------------------

    def _toc_field(self, flowable: TableOfContents, into: Container) -> None:
        self._toc = self._new_paragraph(into, "Normal")
        note = into.add_paragraph()
        note_run = note.add_run(TOC_NOTE)
        note_run.italic = True
        note_run.font.color.rgb = RGBColor.from_string(palette.MUTED.lstrip("#").upper())

    def _fill_toc(self, marker: WordParagraph) -> None:
        entries = [entry for entry in self.headings if entry.level == 1] or [Entry(1, "(no headings)", "")]
        made: list[WordParagraph] = []
        for entry in entries:
            style = ensure_style(self.document, f"TOC {entry.level}")
            paragraph = self.document.add_paragraph(style=style)
            marker._p.addprevious(paragraph._p)
            made.append(paragraph)
        begin_field(made[0], TOC_INSTRUCTION)
        for paragraph, entry in zip(made, entries, strict=True):
            if entry.anchor:
                add_internal_link(paragraph, entry.anchor, entry.title)
            else:
                paragraph.add_run(entry.title)
        end_field(made[-1])
        marker._p.getparent().remove(marker._p)


def _fills(table: Table) -> dict[tuple[int, int], str]:
    """The shaded cells of a reportlab table ("RRGGBB" by (row, column)), from its BACKGROUND
    commands (the call-out boxes, the headline figures' tiles)."""
    rows, cols = table._nrows, table._ncols
    fills: dict[tuple[int, int], str] = {}
    for command in table._bkgrndcmds:
        name, (c0, r0), (c1, r1), colour = command[:4]
        if name != "BACKGROUND" or not hasattr(colour, "hexval"):
            continue
        c0, c1 = c0 % cols, c1 % cols
        r0, r1 = r0 % rows, r1 % rows
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                fills[(r, c)] = colour.hexval()[2:].upper()
    return fills


def _compact(paragraph: WordParagraph) -> None:
    """Table cells without the body's paragraph spacing, as in the PDF."""
    paragraph.paragraph_format.space_before = Pt(1)
    paragraph.paragraph_format.space_after = Pt(1)


def _escape(text: str) -> str:
    from ceplanner.report.text import escape

    return escape(text)


def _is_gap(value: object) -> bool:
    return isinstance(value, str) and not value.strip()


def _image_bytes(image: Image) -> bytes:
    source = image.filename if isinstance(image.filename, str) else None
    if source is None:
        raise TypeError("an image without a file")
    with open(source, "rb") as handle:
        return handle.read()


def handled_kinds() -> frozenset[type]:
    """The flowable kinds the Word document writes (anything else is an error)."""
    return frozenset(DocxWriter(None, 0.0)._handlers)  # type: ignore[arg-type]
