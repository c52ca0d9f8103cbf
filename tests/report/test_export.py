"""Writing the PDF file: atomic replacement, clear errors, progress, options."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from ceplanner.core.model import Plan
from ceplanner.report import ReportError, export_pdf
from ceplanner.report.sections import SECTIONS
from tests.report.report_fixtures import ISSUED, Pdf, body_text, make_rich_plan, normalise

OLD_PDF = b"%PDF-1.4\n% an earlier export the user wants to keep\n%%EOF\n"


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_export_writes_a_pdf_and_reports_progress(tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []
    target = tmp_path / "strategy.pdf"
    result = export_pdf(make_rich_plan(), target, issued=ISSUED, progress=lambda f, m: seen.append((f, m)))
    assert result == target
    reader = PdfReader(target)
    assert len(reader.pages) > 10
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert all(isinstance(m, str) and m for _, m in seen)
    assert any("Drawing the stakeholder map" in m for _, m in seen)
    assert _leftovers(tmp_path) == []
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)


def test_export_replaces_an_earlier_pdf(tmp_path: Path) -> None:
    target = tmp_path / "strategy.pdf"
    target.write_bytes(OLD_PDF)
    target.chmod(0o640)
    export_pdf(make_rich_plan(), target, issued=ISSUED)
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes() != OLD_PDF
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file's permissions are kept
    assert _leftovers(tmp_path) == []


def test_impossible_folder_raises_report_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a regular file")
    with pytest.raises(ReportError, match="does not exist"):
        export_pdf(make_rich_plan(), not_a_folder / "strategy.pdf")
    assert not_a_folder.read_text() == "a regular file"


def test_a_folder_as_target_raises_report_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="is a folder"):
        export_pdf(make_rich_plan(), tmp_path)


def test_failed_build_leaves_the_earlier_pdf_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "strategy.pdf"
    target.write_bytes(OLD_PDF)

    def broken(ctx: object) -> list[object]:
        raise RuntimeError("simulated failure half way through the document")

    sections = [(title, broken if title == "6 Costed budget" else build) for title, build in SECTIONS]
    monkeypatch.setattr("ceplanner.report.sections.SECTIONS", sections)
    with pytest.raises(ReportError, match="simulated failure"):
        export_pdf(make_rich_plan(), target)
    assert target.read_bytes() == OLD_PDF
    assert _leftovers(tmp_path) == []


def test_unreadable_logo_raises_and_keeps_the_earlier_pdf(tmp_path: Path) -> None:
    target = tmp_path / "strategy.pdf"
    target.write_bytes(OLD_PDF)
    logo = tmp_path / "logo.png"
    logo.write_text("not an image")
    with pytest.raises(ReportError, match="could not be read as an image"):
        export_pdf(make_rich_plan(), target, logo=logo)
    assert target.read_bytes() == OLD_PDF
    with pytest.raises(ReportError, match="does not exist"):
        export_pdf(make_rich_plan(), target, logo=tmp_path / "missing.png")
    assert target.read_bytes() == OLD_PDF
    assert _leftovers(tmp_path) == []


def test_read_only_folder_raises_report_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ReportError, match="cannot be saved"):
            export_pdf(make_rich_plan(), folder / "strategy.pdf")
    finally:
        folder.chmod(0o700)


def test_logo_on_the_cover(tmp_path: Path, build: Callable[..., Pdf]) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (400, 120), "#1B365D").save(logo)
    pdf = build(make_rich_plan(), logo=logo)
    cover_page = pdf.reader.pages[0]
    assert len(cover_page.images) == 1
    assert len(build(make_rich_plan()).reader.pages[0].images) == 0


def test_unknown_paper_raises_report_error() -> None:
    with pytest.raises(ReportError, match="A4 or Letter"):
        export_pdf(Plan(), "/tmp/never-written.pdf", paper="a3")


def test_very_long_text_still_lays_out(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    plan.groups[0].access_needs = "Needs a very long explanation. " * 700
    plan.groups[1].name = "Unbroken" + "x" * 3000
    plan.activities[0].description = "Long description of the activity. " * 1500
    plan.purpose = "\n\n".join(["A long paragraph of purpose. " * 60] * 30)
    plan.evaluation.evidence = "Evidence. " * 3000
    plan.risks[0].mitigation = "Mitigation step. " * 500
    plan.activities[1].cost_lines[0].description = "A very long cost line description " * 200
    pdf = build(plan)
    assert "Needs a very long explanation." in pdf.text
    assert "Unbroken" in pdf.text
    # Nothing is cut short (a cell taller than a page goes on in the rows below).
    assert "…" not in pdf.text
    assert normalise(body_text(pdf, plan)).count("Mitigation step.") >= 500  # and the summary's excerpt
    assert len(pdf.reader.pages) < 250


def test_build_pdf_bytes_is_a_pdf() -> None:
    from ceplanner.report import build_pdf_bytes

    data = build_pdf_bytes(make_rich_plan(), issued=ISSUED, paper="letter")
    assert data.startswith(b"%PDF-")
    assert len(PdfReader(io.BytesIO(data)).pages) > 10
