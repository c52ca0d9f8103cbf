"""The Word document has the PDF's sections in the PDF's order and the PDF's money totals,
in real Word headings, tables whose header rows repeat and pictures with alternative text.

Both documents are built from the same plan and read back: the PDF with pypdf, the DOCX with
python-docx.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from ceplanner.core.costing import compute_budget
from ceplanner.core.library import sample_plan
from ceplanner.core.model import CostCategory, Plan, label
from ceplanner.report import build_pdf_bytes
from ceplanner.report.docx_export import export_docx
from ceplanner.report.sections import SECTION_TITLES
from tests.factories import full_plan
from tests.report.report_fixtures import ISSUED, Pdf, read_pdf

MONEY = r"-?[£€$][\d,]+\.\d\d"
FRONT = ("Cover", "Contents")
"""Outline entries of the PDF that are not Word headings: the cover is the title page and the
contents' own title is a "TOC Heading" (so the contents do not list themselves)."""


@dataclass
class Both:
    plan: Plan
    pdf: Pdf
    word: Any
    path: Path


def _both(plan: Plan, folder: Path) -> Both:
    path = export_docx(plan, folder / "strategy.docx", issued=ISSUED)
    return Both(plan, read_pdf(build_pdf_bytes(plan, issued=ISSUED)), docx.Document(str(path)), path)


@pytest.fixture(scope="module", params=["sample", "full"])
def both(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Both:
    plan = sample_plan() if request.param == "sample" else full_plan()
    return _both(plan, tmp_path_factory.mktemp(request.param))


def headings(word: Any, level: int) -> list[str]:
    return [p.text for p in word.paragraphs if p.style.name == f"Heading {level}"]


def _outline_titles(pdf: Pdf) -> list[str]:
    """The top-level bookmarks of the PDF, in order."""
    return [item.title for item in pdf.reader.outline if not isinstance(item, list)]


def test_the_heading_1_paragraphs_are_the_pdfs_sections_in_order(both: Both) -> None:
    expected = [title for title in SECTION_TITLES if title not in FRONT]
    assert headings(both.word, 1) == expected
    assert [t for t in _outline_titles(both.pdf) if t not in FRONT] == expected
    contents = [p.text for p in both.word.paragraphs if p.style.name == "TOC Heading"]
    assert contents == ["Contents"]


def test_the_pdfs_second_level_bookmarks_are_heading_2s_in_order(both: Both) -> None:
    pdf_level_2: list[str] = []
    for item in both.pdf.reader.outline:
        if isinstance(item, list):
            pdf_level_2 += [entry.title for entry in item if not isinstance(entry, list)]
    # Word also has the few sub-headings the PDF leaves out of its bookmarks: the PDF's are
    # all there, in the same order.
    word = iter(headings(both.word, 2))
    assert all(title in word for title in pdf_level_2)
    assert len(pdf_level_2) > 10


def test_the_contents_is_a_toc_field_listing_the_sections(both: Both) -> None:
    body = both.word.element.body
    codes = [t.text for t in body.iter(qn("w:instrText"))]
    assert any(code.strip().startswith("TOC ") and "\\h" in code for code in codes)
    entries = [p.text for p in both.word.paragraphs if p.style.name == "toc 1"]  # Word's own name
    assert entries == headings(both.word, 1)
    assert any("Update Field" in p.text for p in both.word.paragraphs)


def _budget_tables(word: Any) -> list[Any]:
    """The tables of the budget section, between its heading and the next section's."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    found: list[Any] = []
    inside = False
    for child in word.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, word)
            if paragraph.style.name == "Heading 1":
                inside = paragraph.text == "6 Costed budget"
        elif child.tag == qn("w:tbl") and inside:
            found.append(Table(child, word))
    return found


def _rows(word: Any, tables: list[Any] | None = None) -> Iterator[list[str]]:
    """Every table row as the texts of its cells (a merged cell once)."""
    for table in word.tables if tables is None else tables:
        for row in table.rows:
            seen: list[Any] = []
            texts = []
            for cell in row.cells:
                if any(cell._tc is tc for tc in seen):
                    continue
                seen.append(cell._tc)
                texts.append(cell.text)
            yield texts


def _budget_text(pdf: Pdf) -> str:
    text = pdf.text
    start = text.rfind("6 Costed budget")
    end = text.find("7 Value for money", start)
    assert start >= 0 and end > start
    return re.sub(r"\s+", " ", text[start:end])


def test_every_budget_total_is_the_pdfs_to_the_penny(both: Both) -> None:
    budget = _budget_text(both.pdf)
    rows = list(_rows(both.word, _budget_tables(both.word)))

    grand = re.search(rf"Grand total ({MONEY}) ({MONEY}) ({MONEY})", budget)
    assert grand is not None
    assert [r[1:] for r in rows if r[0] == "Grand total"] == [list(grand.groups())]

    summary = budget[budget.index("Summary by category") : grand.end()]
    by_category = [
        t for t in _budget_tables(both.word) if any(r[0] == "Grand total" for r in _rows(both.word, [t]))
    ]
    category_rows = list(_rows(both.word, by_category))
    categories = 0
    for category in CostCategory:
        name = label(category)
        found = re.search(rf"(?<![\w']){re.escape(name)} ({MONEY}) ({MONEY}) ({MONEY})", summary)
        in_word = [r[1:] for r in category_rows if r[0] == name]
        if found is None:
            assert in_word == []
            continue
        categories += 1
        assert in_word == [list(found.groups())], name
    assert categories == len(compute_budget(both.plan).by_category) > 0

    in_pdf = re.findall(rf"Activity total \(paid ({MONEY}), in kind ({MONEY})\) ({MONEY})", budget)
    in_word = []
    for row in rows:
        found = re.fullmatch(rf"Activity total \(paid ({MONEY}), in kind ({MONEY})\)", row[0])
        if found:
            in_word.append((*found.groups(), row[-1]))
    assert len(in_pdf) == len(both.plan.activities) > 0
    assert in_word == in_pdf


def test_header_rows_repeat_and_money_columns_are_right_aligned(both: Both) -> None:
    repeated = 0
    for table in both.word.tables:
        first = table.rows[0]
        header = first._tr.find(qn("w:trPr"))
        if header is None or header.find(qn("w:tblHeader")) is None:
            continue
        repeated += 1
        texts = [cell.text for cell in first.cells]
        if texts[-1] == "Total":
            assert first.cells[-1].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
            for row in table.rows[1:]:
                cell = row.cells[-1]
                if re.fullmatch(MONEY, cell.text):
                    assert cell.paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert repeated >= 10


def test_every_picture_has_alternative_text(both: Both) -> None:
    pictures = list(both.word.element.body.iter(qn("wp:docPr")))
    assert len(pictures) >= 3  # the stakeholder map, the timeline and the cost chart at least
    for picture in pictures:
        assert picture.get("descr", "").strip()
        assert re.fullmatch(r"Figure \d+", picture.get("title", ""))
    captions = [p.text for p in both.word.paragraphs if p.style.name == "Caption"]
    assert {picture.get("descr") for picture in pictures} <= set(captions)


def test_the_header_names_the_plan_and_the_footer_numbers_the_pages(both: Both) -> None:
    section = both.word.sections[0]
    assert section.different_first_page_header_footer  # the cover has none
    assert both.plan.title.split()[0] in section.header.paragraphs[0].text
    codes = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]


def test_the_cover_shows_title_organisation_status_and_document_control(both: Both) -> None:
    paragraphs = [p.text for p in both.word.paragraphs]
    first_heading = paragraphs.index("Contents")
    cover = paragraphs[:first_heading]
    assert both.plan.title in cover
    assert both.plan.organisation in cover
    details = {r[0]: r[1] for r in _rows(both.word) if len(r) == 2}
    assert details["Date"] == "20 February 2026"
    assert details["Status"].startswith(("Draft", "Incomplete", "Approved", "Final"))
    if both.plan.author:
        assert details["Prepared by"] == both.plan.author


def test_paper_size_is_set(tmp_path: Path) -> None:
    plan = sample_plan()
    letter = docx.Document(str(export_docx(plan, tmp_path / "l.docx", paper="letter")))
    a4 = docx.Document(str(export_docx(plan, tmp_path / "a.docx")))
    assert round(letter.sections[0].page_width.inches, 2) == 8.5
    assert round(a4.sections[0].page_height.mm) == 297


def test_page_references_and_links_lead_to_bookmarks_that_exist(both: Both) -> None:
    """The summary's "(in full on page 7)" is a PAGEREF field; contents entries are links: each
    names a bookmark on a heading, so Word and LibreOffice fill in the real page."""
    body = both.word.element.body
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    references = [
        t.text.split()[1] for t in body.iter(qn("w:instrText")) if t.text.strip().startswith("PAGEREF")
    ]
    anchors = [link.get(qn("w:anchor")) for link in body.iter(qn("w:hyperlink"))]
    text = "".join(t.text or "" for t in body.iter(qn("w:t")))
    assert len(references) == text.count("in full on page ")
    assert anchors
    assert set(references) | set(anchors) <= bookmarks


def test_call_out_boxes_keep_their_shading(both: Both) -> None:
    fills = {shd.get(qn("w:fill")) for shd in both.word.element.body.iter(qn("w:shd"))}
    assert "FBF3E6" in fills  # the summary's notes for the reader
    assert "E6ECF2" in fills  # header rows


def _budget_section_text(word: Any) -> str:
    """All text of the Word document's budget section, tables included."""
    parts: list[str] = []
    inside = False
    for child in word.element.body.iterchildren():
        if child.tag == qn("w:p"):
            style = child.find(qn("w:pPr"))
            style_id = style.find(qn("w:pStyle")) if style is not None else None
            if style_id is not None and style_id.get(qn("w:val")) == "Heading1":
                inside = "".join(t.text or "" for t in child.iter(qn("w:t"))) == "6 Costed budget"
        if inside:
            parts.append(" ".join(t.text or "" for t in child.iter(qn("w:t"))))
    return " ".join(parts)


def test_every_amount_in_the_pdfs_budget_section_is_in_the_word_documents(both: Both) -> None:
    in_pdf = set(re.findall(MONEY, _budget_text(both.pdf)))
    in_word = set(re.findall(MONEY, _budget_section_text(both.word)))
    assert len(in_pdf) > 5
    assert in_word == in_pdf
