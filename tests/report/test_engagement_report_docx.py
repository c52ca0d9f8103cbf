"""The engagement report as Word: the delivered sample written to disk with python-docx's
reader, its headings, total variance (against the PDF and core.variance) and quotations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from ceplanner.cli import main
from ceplanner.core.money import format_money
from ceplanner.core.variance import DeliveryFigures, delivery_figures, percent_text
from ceplanner.report.engagement_report import SECTION_TITLES, export_report_docx, export_report_pdf
from ceplanner.store import PlanStore
from ceplanner.store.delivery import approved_baseline
from tests.report.report_fixtures import ISSUED, normalise, read_pdf


@dataclass
class Written:
    plan_path: Path
    figures: DeliveryFigures
    pdf_text: str
    document: docx.document.Document
    quotations: list[tuple[str, bool]]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Written:
    folder = tmp_path_factory.mktemp("report-docx")
    path = folder / "delivered.ceplan"
    assert main(["demo", "--delivered", str(path)]) in (0, None)
    with PlanStore.open(path, readonly=True) as store:
        plan = store.load()
        approved = approved_baseline(store, plan)
    assert approved is not plan
    target = export_report_docx(plan, folder / "report.docx", approved, issued=ISSUED)
    pdf = read_pdf(export_report_pdf(plan, folder / "report.pdf", approved, issued=ISSUED).read_bytes())
    quotations = [(q.text, q.consent) for t in plan.themes for q in t.quotations]
    return Written(path, delivery_figures(approved, plan), pdf.text, docx.Document(str(target)), quotations)


def _all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return normalise(" ".join(parts))


def test_heading_1_texts_are_the_report_sections_in_order(written: Written) -> None:
    # The cover is a bookmark in the PDF but no heading: the numbered sections are Heading 1.
    assert SECTION_TITLES[0] == "Cover"
    headings = [p.text for p in written.document.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTION_TITLES[1:]


def _signed(amount: int) -> str:
    return ("+" if amount > 0 else "") + format_money(amount)


def test_total_variance_row_matches_the_pdf_and_core_variance(written: Written) -> None:
    total = written.figures.total
    expected = [
        format_money(total.planned.total),
        format_money(total.actual.total),
        _signed(total.variance),
        percent_text(total.percent),
    ]
    assert f"Total {' '.join(expected)}" in written.pdf_text
    rows = [
        [normalise(c.text) for c in row.cells]
        for table in written.document.tables
        for row in table.rows
        if row.cells and row.cells[0].text.strip() == "Total"
    ]
    money_rows = [r[1:5] for r in rows if len(r) >= 5 and r[1] == expected[0]]
    assert money_rows and all(r == expected for r in money_rows)
    assert len(money_rows) == written.pdf_text.count(f"Total {' '.join(expected)}")


def test_only_consented_quotations_are_in_the_document(written: Written) -> None:
    text = _all_text(written.document)
    assert {consent for _, consent in written.quotations} == {True, False}
    for quotation, consent in written.quotations:
        if consent:
            assert normalise(quotation) in text
        else:
            assert normalise(quotation)[:25] not in text


def test_the_command_line_writes_report_docx(written: Written, tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    assert main(["export", str(written.plan_path), "--document", "report", "-o", str(out)]) in (0, None)
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTION_TITLES[1:]
