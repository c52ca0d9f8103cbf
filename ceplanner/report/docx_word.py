"""Small pieces of WordprocessingML that python-docx has no call for: fields, bookmarks, internal
links, repeating header rows, cell shading, picture alternative text and missing styles."""

from __future__ import annotations

import contextlib
from typing import Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Pt
from docx.styles.style import StyleFactory
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def add_field(paragraph: Paragraph, instruction: str, shown: str = "") -> Run:
    """A field (PAGE, NUMPAGES, PAGEREF …) with ``shown`` as its result until Word updates it."""
    begin = paragraph.add_run()
    begin._r.append(_fld_char("begin", dirty=True))
    code = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code._r.append(text)
    separate = paragraph.add_run()
    separate._r.append(_fld_char("separate"))
    result = paragraph.add_run(shown)
    end = paragraph.add_run()
    end._r.append(_fld_char("end"))
    return result


def _fld_char(kind: str, *, dirty: bool = False) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if dirty:
        element.set(qn("w:dirty"), "true")
    return element


def begin_field(paragraph: Paragraph, instruction: str) -> None:
    """The start of a field whose result runs over the paragraphs after it (a table of contents)."""
    paragraph.add_run()._r.append(_fld_char("begin", dirty=True))
    code = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code._r.append(text)
    paragraph.add_run()._r.append(_fld_char("separate"))


def end_field(paragraph: Paragraph) -> None:
    paragraph.add_run()._r.append(_fld_char("end"))


_bookmark_ids = iter(range(1, 1 << 30))


def add_bookmark(paragraph: Paragraph, name: str) -> None:
    """Mark ``paragraph`` as the place named ``name`` (for links and page references)."""
    number = str(next(_bookmark_ids))
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), number)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), number)
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def add_internal_link(paragraph: Paragraph, anchor: str, text: str) -> Run:
    """A link to the bookmark ``anchor``; returns its run for formatting."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = paragraph.add_run(text)
    run._r.getparent().remove(run._r)
    link.append(run._r)
    paragraph._p.append(link)
    return run


def repeat_as_header(row: _Row) -> None:
    """Repeat ``row`` at the top of every page the table runs on to (w:tblHeader)."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def keep_row_whole(row: _Row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def shade(cell: object, colour: str) -> None:
    """Fill a table cell with ``colour`` ("RRGGBB")."""
    tcpr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour)
    tcpr.append(fill)


def set_alt_text(run: Run, description: str, title: str) -> None:
    """Alternative text of the picture in ``run`` (the descr and title of its wp:docPr)."""
    for doc_pr in run._r.iter(qn("wp:docPr")):
        doc_pr.set("descr", description)
        doc_pr.set("title", title)


def table_borders(table: Table, colour: str = "C9D1DA") -> None:
    """Thin rules between rows, none at the sides: the look of the PDF's tables."""
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "bottom", "insideH"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), colour)
        borders.append(element)
    for edge in ("left", "right", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _insert_in_order(tblpr, borders, TBLPR_AFTER_BORDERS)


BUILT_IN_NAMES = {f"TOC {n}": f"toc {n}" for n in range(1, 10)}
"""Word's own (lower-case) names of built-in styles python-docx does not translate."""


def ensure_style(document: Document, name: str, base: str = "Normal", *, outline: int | None = None) -> Any:
    """The paragraph style ``name``, added (based on ``base``) when the document lacks it, as a
    reference document saved by Word holds only the styles it uses."""
    styles = document.styles
    internal = BUILT_IN_NAMES.get(name, name)
    found = styles.element.get_by_name(internal) if internal != name else None
    if found is not None:
        return StyleFactory(found)
    try:
        return styles[name]
    except KeyError:
        pass
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if internal != name:
        style.element.name_val = internal  # so Word knows it as its own "toc 1"
    with contextlib.suppress(KeyError):
        style.base_style = styles[base]
    if outline is not None:
        style.font.bold = True
        style.font.size = Pt((16, 13, 11)[min(outline, 2)])
        ppr = style.element.get_or_add_pPr()
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(outline))
        ppr.append(level)
        style.paragraph_format.keep_with_next = True
    return style


def clear_body(document: Document) -> None:
    """Remove the body's content, keeping the final section settings (page size, headers)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def update_fields_on_open(document: Document) -> None:
    """Ask Word to update the fields (contents, page references) when the file is opened."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        element = OxmlElement("w:updateFields")
        element.set(qn("w:val"), "true")
        _insert_in_order(settings, element, SETTINGS_AFTER_UPDATE_FIELDS)


TBLPR_AFTER_BORDERS = ("shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)
"""The elements that follow, in the schema's order (Word rejects elements out of order)."""


def _insert_in_order(parent: Any, element: Any, successors: tuple[str, ...]) -> None:
    """Put ``element`` before the first of ``successors`` in ``parent`` (at the end if none)."""
    tags = {qn(f"w:{name}") for name in successors}
    for child in parent.iterchildren():
        if child.tag in tags:
            child.addprevious(element)
            return
    parent.append(element)


def set_widths(table: Table, widths: list[Length]) -> None:
    """Column widths in the table grid (which LibreOffice reads) and on every cell (Word)."""
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
