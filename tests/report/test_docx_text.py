"""The Word document keeps typed text exactly, uses a consultant's reference styles, refuses
what it cannot use in plain words, and writes every kind of flowable the PDF is made of."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from PIL import Image as PILImage
from reportlab.platypus import Flowable

from ceplanner.core.costing import compute_budget
from ceplanner.core.library import sample_plan
from ceplanner.core.model import Plan
from ceplanner.report import styles as st
from ceplanner.report.docx_export import WordText, export_docx
from ceplanner.report.docx_render import DocxWriter, handled_kinds
from ceplanner.report.errors import ReportError
from ceplanner.report.figures import FitFigure
from ceplanner.report.layout import LateParagraph, ReportContext
from ceplanner.report.sections import SECTIONS
from tests.factories import full_plan
from tests.report.report_fixtures import ISSUED, make_big_plan, make_rich_plan

TYPED = "<b>&amp; a<b & c>d <script>alert(1)</script> 5 > 3 &lt;"
CJK = "東京の住民グループ 北京"
ARABIC = "مجموعة سكان الحي القديم"
LONG = ("Riverside " * 500).strip()  # 4,999 characters: one very long name


def _all_text(word: Any) -> str:
    """Every piece of text in the body, tables included, in document order."""
    return "\n".join(t.text or "" for t in word.element.body.iter(qn("w:t")))


def _paragraph_texts(word: Any) -> Iterator[str]:
    for p in word.element.body.iter(qn("w:p")):
        yield "".join(t.text or "" for t in p.iter(qn("w:t")))


def test_typed_text_comes_out_exactly_as_typed(tmp_path: Path) -> None:
    plan = full_plan()
    plan.title = TYPED
    plan.groups[0].name = CJK
    plan.groups[1].name = ARABIC
    plan.activities[0].title = LONG
    plan.purpose = f"{TYPED}\n{ARABIC} {CJK}"
    word = docx.Document(str(export_docx(plan, tmp_path / "t.docx", issued=ISSUED)))
    paragraphs = list(_paragraph_texts(word))
    # Whole paragraphs and cells hold the text: nothing escaped twice, cut or reordered.
    assert TYPED in paragraphs  # the cover title
    assert any(p == CJK or p.startswith(CJK) for p in paragraphs)
    assert any(p == ARABIC or p.startswith(ARABIC) for p in paragraphs)  # words in typed order
    assert any(LONG in p for p in paragraphs)
    assert TYPED in word.sections[0].header.paragraphs[0].text
    text = _all_text(word)
    assert "&amp;amp;" not in text and "&lt;" not in text.replace(TYPED, "")
    assert "\ufffd" not in text


def _reference(path: Path) -> Path:
    ref = docx.Document()
    heading = ref.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.size = Pt(23)
    ref.add_paragraph("Consultant's boilerplate that must not appear in the export")
    ref.sections[0].header.paragraphs[0].text = "Acme Consulting for the client"
    ref.sections[0].left_margin = Pt(90)
    ref.save(str(path))
    return path


def test_a_reference_documents_styles_header_and_margins_are_used(tmp_path: Path) -> None:
    reference = _reference(tmp_path / "house.docx")
    word = docx.Document(str(export_docx(sample_plan(), tmp_path / "r.docx", reference=reference)))
    style = word.styles["Heading 1"]
    assert style.font.name == "Georgia" and style.font.size == Pt(23)
    heads = [p.style.name for p in word.paragraphs if p.text == "1 Summary for the board"]
    assert heads == ["toc 1", "Heading 1"]
    assert "boilerplate" not in _all_text(word)
    assert word.sections[0].header.paragraphs[0].text == "Acme Consulting for the client"
    assert word.sections[0].left_margin == Pt(90)


def test_a_reference_lacking_heading_styles_gets_them(tmp_path: Path) -> None:
    """A document saved by Word holds only the styles it uses: the headings are added."""
    reference = tmp_path / "bare.docx"
    ref = docx.Document()
    ref.save(str(reference))
    with zipfile.ZipFile(reference) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    styles = parts["word/styles.xml"].decode()
    for name in ("Heading1", "Heading2", "Heading3", "Caption", "Title"):
        start = styles.find(f'w:styleId="{name}"')
        begin = styles.rfind("<w:style ", 0, start)
        end = styles.find("</w:style>", start) + len("</w:style>")
        styles = styles[:begin] + styles[end:]
    parts["word/styles.xml"] = styles.encode()
    with zipfile.ZipFile(reference, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    word = docx.Document(str(export_docx(sample_plan(), tmp_path / "b.docx", reference=reference)))
    heads = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert heads[0] == "1 Summary for the board"
    level = word.styles["Heading 1"].element.find(qn("w:pPr")).find(qn("w:outlineLvl"))
    assert level.get(qn("w:val")) == "0"


@pytest.mark.parametrize("kind", ["text", "xlsx", "missing"])
def test_a_reference_that_is_not_a_word_document_is_refused_in_words(tmp_path: Path, kind: str) -> None:
    reference = tmp_path / "house.docx"
    if kind == "text":
        reference.write_text("just some notes")
    elif kind == "xlsx":
        with zipfile.ZipFile(reference, "w") as z:
            z.writestr("xl/workbook.xml", "<workbook/>")
    target = tmp_path / "out.docx"
    target.write_bytes(b"an earlier export")
    with pytest.raises(ReportError) as raised:
        export_docx(sample_plan(), target, reference=reference)
    message = str(raised.value)
    assert ("not a Word document" in message) if kind != "missing" else ("does not exist" in message)
    assert target.read_bytes() == b"an earlier export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_read_only_folder_gets_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ReportError, match="read-only"):
            export_docx(sample_plan(), folder / "x.docx")
    finally:
        folder.chmod(0o755)
    with pytest.raises(ReportError, match="does not exist"):
        export_docx(sample_plan(), tmp_path / "nowhere" / "x.docx")
    with pytest.raises(ReportError, match="is a folder"):
        export_docx(sample_plan(), tmp_path)
    with pytest.raises(ReportError, match="paper size"):
        export_docx(sample_plan(), tmp_path / "x.docx", paper="A5")


def test_a_logo_is_on_the_cover_with_alternative_text(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    PILImage.new("RGB", (300, 120), "navy").save(logo)
    word = docx.Document(str(export_docx(sample_plan(), tmp_path / "l.docx", logo=logo)))
    first = next(word.element.body.iter(qn("wp:docPr")))
    assert first.get("title") == "Logo"
    with pytest.raises(ReportError, match="does not exist"):
        export_docx(sample_plan(), tmp_path / "m.docx", logo=tmp_path / "missing.png")


# -- every kind of flowable the PDF is made of has a Word counterpart ------------------------------


def _story(plan: Plan, logo: Path | None) -> list[Flowable]:
    ctx = ReportContext(
        plan=plan,
        budget=compute_budget(plan),
        text=WordText(st.register_base_fonts()),
        width=450.0,
        height=700.0,
        issued=date(2026, 2, 20),
        logo=logo,
    )
    story: list[Flowable] = []
    for _title, build in SECTIONS:
        story += build(ctx)
    return story


def _kinds(items: list[Any]) -> Iterator[type]:
    for item in items:
        if not isinstance(item, Flowable):
            continue
        yield type(item)
        inner: list[Any] = list(getattr(item, "_content", []) or [])
        if isinstance(item, FitFigure):
            inner += [item._heading, item._image, item._caption]
        if isinstance(item, LateParagraph):
            inner.append(item._paragraph())
        for row in getattr(item, "_cellvalues", []) or []:
            for cell in row:
                inner += cell if isinstance(cell, list | tuple) else [cell]
        source = getattr(item, "source", None)
        if source is not None:
            inner += [cell for row in source.rows for cell in row]
        yield from _kinds(inner)


def test_every_kind_of_flowable_in_the_pdf_is_written_into_word(tmp_path: Path) -> None:
    """Fails when a section starts using a flowable the Word document has no counterpart for:
    add one to DocxWriter (or say there why it has none) rather than let it be dropped."""
    logo = tmp_path / "logo.png"
    PILImage.new("RGB", (200, 80), "white").save(logo)
    long_title = full_plan()
    long_title.title = "A title " * 900  # so long the PDF's cover shrinks to fit (KeepInFrame)
    used: set[type] = set()
    for plan in (sample_plan(), full_plan(), make_rich_plan(), make_big_plan(60, 30), long_title):
        used |= set(_kinds(_story(plan, logo)))
    assert used, "no flowables found"
    assert used - handled_kinds() == set()


def test_a_flowable_without_a_counterpart_is_an_error_not_a_gap(tmp_path: Path) -> None:
    class Unknown(Flowable):
        pass

    writer = DocxWriter(docx.Document(), 450.0)
    with pytest.raises(TypeError, match="no counterpart for a Unknown"):
        writer.write([Unknown()])
