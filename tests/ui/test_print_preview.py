"""Print and print preview draw the exported PDF's own pages: as many, as large, the same way up."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.pdfgen.canvas import Canvas

from ceplanner.core.library import sample_plan
from ceplanner.report.export import export_pdf
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.pdf_pages import PdfPages, PdfPagesError
from ceplanner.ui.print_preview import (
    PREVIEW_BYTES,
    PREVIEW_DPI,
    paint_pages,
    preview_dialog,
    preview_dpi,
    print_pdf,
    show_preview,
)
from tests.ui.conftest import DialogLog


@pytest.fixture(scope="module")
def sample_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample plan's strategy exported on A4 and on US Letter (once for the module)."""
    folder = tmp_path_factory.mktemp("exported")
    return {
        paper: export_pdf(sample_plan(), folder / f"{paper}.pdf", paper=paper) for paper in ("a4", "letter")
    }


def _mixed_pdf(path: Path) -> Path:
    """A4 portrait, A4 landscape (a wide budget table, say), then portrait again."""
    canvas = Canvas(str(path), pagesize=A4)
    for size, label in ((A4, "one"), (landscape(A4), "two"), (A4, "three")):
        canvas.setPageSize(size)
        canvas.setFont("Helvetica-Bold", 40)
        canvas.drawString(72, size[1] - 120, f"Page {label}")
        canvas.showPage()
    canvas.save()
    return path


def _pdf_printer(target: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return printer


def _sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def _ink(image: QImage, top: float, bottom: float) -> int:
    """Pixels that are not near-white in the horizontal band from ``top`` to ``bottom`` (fractions)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    rows = range(int(gray.height() * top), int(gray.height() * bottom))
    return sum(1 for y in rows for x in range(0, gray.width(), 2) if gray.pixelColor(x, y).value() < 200)


def _preview_widget(dialog: QPrintPreviewDialog) -> QPrintPreviewWidget:
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    return widget


def test_the_preview_paints_one_page_per_pdf_page(qtbot: QtBot, sample_pdfs: dict[str, Path]) -> None:
    expected = len(PdfReader(sample_pdfs["a4"]).pages)
    with PdfPages(sample_pdfs["a4"]) as pages:
        assert len(pages) == expected
        dialog = preview_dialog(None, pages, QPrinter(QPrinter.PrinterMode.HighResolution))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: _preview_widget(dialog).pageCount() == expected)
        dialog.close()


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_printing_to_a_pdf_file_keeps_every_page_and_its_paper(
    qtbot: QtBot, sample_pdfs: dict[str, Path], tmp_path: Path, paper: str
) -> None:
    exported = sample_pdfs[paper]
    printed = tmp_path / "printed.pdf"
    with PdfPages(exported) as pages:
        assert paint_pages(_pdf_printer(printed), pages) == len(pages)
    assert len(PdfReader(printed).pages) == len(PdfReader(exported).pages)
    for (width, height), (want_w, want_h) in zip(_sizes(printed), _sizes(exported), strict=True):
        assert width == pytest.approx(want_w, abs=1.5) and height == pytest.approx(want_h, abs=1.5)
    expected = A4 if paper == "a4" else LETTER
    assert _sizes(printed)[0] == (pytest.approx(expected[0], abs=1.5), pytest.approx(expected[1], abs=1.5))
    with PdfPages(printed) as again:
        first = again.render(0, 40)
        assert _ink(first, 0.0, 0.5) > 500  # the cover's title is there, not a blank page
        assert _ink(first, 0.0, 0.5) == pytest.approx(
            _ink(PdfPages(exported).render(0, 40), 0.0, 0.5), rel=0.2
        )


def test_a_landscape_page_prints_landscape_between_portrait_pages(qtbot: QtBot, tmp_path: Path) -> None:
    mixed = _mixed_pdf(tmp_path / "mixed.pdf")
    printed = tmp_path / "printed.pdf"
    with PdfPages(mixed) as pages:
        assert pages.page_size(1).width() > pages.page_size(1).height()
        assert paint_pages(_pdf_printer(printed), pages) == 3
    sizes = _sizes(printed)
    assert [w > h for w, h in sizes] == [False, True, False]
    assert sizes[1] == (pytest.approx(A4[1], abs=1.5), pytest.approx(A4[0], abs=1.5))
    with PdfPages(printed) as again:
        assert _ink(again.render(1, 40), 0.0, 0.35) > 200  # "Page two", drawn the right way round


def test_the_preview_shows_a_landscape_page_too(qtbot: QtBot, tmp_path: Path) -> None:
    with PdfPages(_mixed_pdf(tmp_path / "mixed.pdf")) as pages:
        dialog = preview_dialog(None, pages, QPrinter(QPrinter.PrinterMode.HighResolution))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: _preview_widget(dialog).pageCount() == 3)
        dialog.close()


def test_a_page_range_from_the_print_dialog_prints_those_pages(
    qtbot: QtBot, sample_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    printed = tmp_path / "printed.pdf"
    printer = _pdf_printer(printed)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 4)
    with PdfPages(sample_pdfs["a4"]) as pages:
        assert print_pdf(None, sample_pdfs["a4"], printer) == 3
        second = pages.render(1, 30)
    assert len(PdfReader(printed).pages) == 3
    with PdfPages(printed) as again:  # the printed first page is the PDF's page 2
        assert _ink(again.render(0, 30), 0.0, 1.0) == pytest.approx(_ink(second, 0.0, 1.0), rel=0.2)


def test_the_preview_s_pages_share_a_memory_budget_however_long_the_plan(
    sample_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    with PdfPages(sample_pdfs["a4"]) as pages:
        dpi = preview_dpi(pages, range(len(pages)))
        pixels = sum(pages.render(i, dpi).sizeInBytes() for i in range(len(pages)))
        assert PREVIEW_DPI[0] <= dpi < PREVIEW_DPI[1]
        assert PREVIEW_BYTES * 0.9 < pixels <= PREVIEW_BYTES * 1.02  # images 4 bytes a pixel, rounded up
        assert preview_dpi(pages, range(3)) == PREVIEW_DPI[1]  # a short document is drawn finest
    with PdfPages(_mixed_pdf(tmp_path / "mixed.pdf")) as short:
        assert preview_dpi(short, range(len(short))) == PREVIEW_DPI[1]


def test_page_images_have_the_pdf_page_proportions(sample_pdfs: dict[str, Path]) -> None:
    with PdfPages(sample_pdfs["letter"]) as pages:
        size = pages.page_size(0)
        assert (size.width(), size.height()) == (pytest.approx(612, abs=0.5), pytest.approx(792, abs=0.5))
        image = pages.render(0, 72)
        assert (image.width(), image.height()) == (612, 792)
        with pytest.raises(IndexError):
            pages.render(len(pages), 72)


def test_a_missing_or_damaged_pdf_is_refused_in_plain_words(tmp_path: Path) -> None:
    with pytest.raises(PdfPagesError, match="does not exist any more"):
        PdfPages(tmp_path / "gone.pdf")
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\nthis is not really a PDF\n")
    with pytest.raises(PdfPagesError, match="could not be read as a PDF"):
        PdfPages(damaged)


def test_a_damaged_pdf_gives_a_message_not_a_preview(
    qtbot: QtBot, tmp_path: Path, dialogs: DialogLog
) -> None:
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"not a PDF at all")
    cleaned: list[bool] = []
    assert show_preview(None, damaged, QPrinter(), lambda: cleaned.append(True)) is None
    assert dialogs.titles() == ["Print preview"]
    assert "could not be read as a PDF" in dialogs.shown[0][1]
    assert cleaned == [True]


def test_file_print_preview_exports_and_previews_the_whole_document(
    qtbot: QtBot, sample_file: Path, sample_pdfs: dict[str, Path], dialogs: DialogLog
) -> None:
    window = _window(qtbot, sample_file)
    action = window.findChild(QAction, "action_print_preview")
    assert action.text() == "Print Pre&view…"
    action.trigger()
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(QPrintPreviewDialog)), timeout=60000
    )
    (dialog,) = window.findChildren(QPrintPreviewDialog)
    assert dialog.objectName() == "print_preview_dialog"
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    # Both PDFs come from the sample plan, so they have as many pages.
    expected = len(PdfReader(sample_pdfs[_paper_of(dialog)]).pages)
    qtbot.waitUntil(lambda: _preview_widget(dialog).pageCount() == expected)
    dialog.close()
    assert dialogs.shown == []


def _paper_of(dialog: QPrintPreviewDialog) -> str:
    from PySide6.QtGui import QPageSize

    letter = dialog.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    return "letter" if letter else "a4"


def _window(qtbot: QtBot, path: Path) -> MainWindow:
    doc = open_plan(None, path)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_printer_that_cannot_start_is_named_as_the_problem(
    qtbot: QtBot, sample_file: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    def accept(dialog: QPrintDialog) -> int:  # a PDF "printer" with nowhere to write: it cannot start
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName("")
        return int(QPrintDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window = _window(qtbot, sample_file)
    window.files.print_plan()
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=60000)
    assert dialogs.titles() == ["The plan was not printed"]
    assert "could not start printing" in dialogs.shown[0][1]


def test_stopping_part_way_prints_only_the_pages_so_far(
    qtbot: QtBot, sample_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []

    def two_then_stop(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    with PdfPages(sample_pdfs["a4"]) as pages:
        assert paint_pages(_pdf_printer(tmp_path / "printed.pdf"), pages, two_then_stop) == 2
    assert [done for done, _ in seen] == [1, 2]
    assert seen[0][1] == len(PdfReader(sample_pdfs["a4"]).pages)


def test_the_preview_s_temporary_pdf_goes_when_it_closes(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    window = _window(qtbot, sample_file)
    window.files.preview_plan()
    qtbot.waitUntil(lambda: bool(window.findChildren(QPrintPreviewDialog)), timeout=60000)
    (made,) = scratch.iterdir()
    assert [p.name for p in made.iterdir()] == ["strategy.pdf"]
    window.findChildren(QPrintPreviewDialog)[0].close()
    qtbot.waitUntil(lambda: not made.exists())
    assert dialogs.shown == []
