"""Print and print preview: the exported PDF's own pages drawn onto a QPrinter, one for one.

Both export the strategy PDF in the background (the same ``export_pdf`` as File > Export PDF),
then draw its pages with :mod:`ceplanner.ui.pdf_pages`: one printer page per PDF page, the
printer's paper set to the PDF's, each page scaled into the printable area keeping its aspect.
Pages are rendered one at a time when the printer (or the preview, again on every update) asks
for them, so a long plan never holds every page image at once. Printing goes through Qt's print
system (CUPS, Windows, macOS alike); "Print to file" writes the exported PDF itself, which keeps
its text selectable and its figures sharp.
"""

from __future__ import annotations

import copy
import math
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QTimer
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter, QTransform
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ceplanner.ui import exporting
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pdf_pages import POINTS_PER_INCH, PdfPages, PdfPagesError
from ceplanner.ui.worker import Progress, Task, run_with_progress

PRINT_DPI = 300  # pages are rendered at the printer's resolution, at most this
# QPrintPreviewDialog keeps every page it was given, uncompressed (4 bytes a pixel), until it
# closes: their images share this budget, at 72 to 150 dots per inch, whatever the plan's length.
PREVIEW_BYTES = 200 * 1000 * 1000
PREVIEW_DPI = (72, 150)

PageProgress = Callable[[int, int], bool]  # (pages done, pages in all) -> go on?


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintPreview", text)


def paper_for(printer: QPrinter) -> str:
    """The PDF's paper for this printer: US Letter if the printer is set to Letter, else A4."""
    letter = printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    return "letter" if letter else "a4"


def layout_for(size: QSizeF) -> QPageLayout:
    """A margin-free page layout of ``size`` points (A4, Letter... when it is one), landscape if wider."""
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    wide = size.width() > size.height()
    orientation = QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait
    return QPageLayout(page_size, orientation, QMarginsF(0, 0, 0, 0))


def _pages_asked(printer: QPrinter, count: int) -> range:
    """The PDF page indices to print: all, or the range chosen in the print dialog."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or count, count)
        return range(first - 1, last)
    return range(count)


def _set_layout(printer: QPrinter, layout: QPageLayout) -> None:
    if printer.pageLayout().isEquivalentTo(layout):
        return
    # Mid-job, only Qt's PDF engine (print to file, CUPS) can change paper; elsewhere pages turn.
    active = printer.printerState() == QPrinter.PrinterState.Active
    if not active or printer.paintEngine().type() == QPaintEngine.Type.Pdf:
        printer.setPageLayout(layout)


def preview_dpi(pages: PdfPages, wanted: range) -> float:
    """The resolution at which the preview's images of ``wanted`` pages fit in :data:`PREVIEW_BYTES`."""
    square_inches = sum(
        pages.page_size(i).width() * pages.page_size(i).height() / POINTS_PER_INCH**2 for i in wanted
    )
    fits = math.sqrt(PREVIEW_BYTES / 4 / max(square_inches, 1.0))
    return max(PREVIEW_DPI[0], min(fits, PREVIEW_DPI[1]))


def _draw_page(painter: QPainter, printer: QPrinter, pages: PdfPages, index: int, dpi: float) -> None:
    area = printer.pageRect(QPrinter.Unit.DevicePixel)
    target = QRectF(0, 0, area.width(), area.height())
    image: QImage = pages.render(index, dpi)
    if (image.width() > image.height()) != (target.width() > target.height()):
        image = image.transformed(QTransform().rotate(-90))  # the paper could not turn: the page does
    scale = min(target.width() / image.width(), target.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    placed = QRectF(
        target.x() + (target.width() - width) / 2, target.y() + (target.height() - height) / 2, width, height
    )
    painter.drawImage(placed, image)


def paint_pages(printer: QPrinter, pages: PdfPages, progress: PageProgress | None = None) -> int:
    """Draw the PDF onto ``printer``, one printer page per PDF page; returns how many were drawn.

    The printer's paper is set to each page's size and orientation before it is drawn; where
    the print engine cannot change paper mid-job (the preview, some native printers), a page
    of the other orientation is turned to fit. ``progress(done, total)`` returning False stops.
    """
    wanted = _pages_asked(printer, len(pages))
    if not wanted:
        return 0
    preview = printer.paintEngine().type() == QPaintEngine.Type.Picture
    dpi = min(printer.resolution(), preview_dpi(pages, wanted) if preview else PRINT_DPI)
    _set_layout(printer, layout_for(pages.page_size(wanted[0])))
    painter = QPainter()
    if not painter.begin(printer):
        raise PdfPagesError(
            _tr("The printer could not start printing. Check that it is connected and try again.")
        )
    drawn = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index in wanted:
            if drawn:
                _set_layout(printer, layout_for(pages.page_size(index)))
                if not printer.newPage():
                    raise PdfPagesError(_tr("The printer stopped after page {n}.").format(n=drawn))
            _draw_page(painter, printer, pages, index, dpi)
            drawn += 1
            if progress is not None and not progress(drawn, len(wanted)):
                printer.abort()
                break
    except PdfPagesError:
        printer.abort()  # no half document on paper
        raise
    finally:
        painter.end()
    return drawn


def _problem(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("print_failed_dialog")
    box.exec()


def preview_dialog(parent: QWidget | None, pages: PdfPages, printer: QPrinter) -> QPrintPreviewDialog:
    """A print preview of ``pages`` on ``printer`` (not shown yet); its Print button prints them."""
    _set_layout(printer, layout_for(pages.page_size(0)))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("print_preview_dialog")
    dialog.setWindowTitle(_tr("Print preview"))
    failures: list[str] = []

    def paint(target: QPrinter, _kept: QPrinter = printer) -> None:  # the dialog does not own its printer
        try:
            paint_pages(target, pages)
        except PdfPagesError as exc:  # a slot must not raise: say it once the preview has drawn
            if not failures:
                failures.append(str(exc))
                QTimer.singleShot(0, lambda: _problem(dialog, _tr("Print preview"), failures[0]))

    dialog.paintRequested.connect(paint)
    return dialog


def show_preview(
    parent: QWidget | None, pdf: Path, printer: QPrinter, cleanup: Callable[[], None] | None = None
) -> QPrintPreviewDialog | None:
    """Open ``pdf`` and show it in a window-modal print preview; None (and a message) if it cannot be read."""
    try:
        pages = PdfPages(pdf)
    except PdfPagesError as exc:
        _problem(parent, _tr("Print preview"), str(exc))
        if cleanup is not None:
            cleanup()
        return None
    dialog = preview_dialog(parent, pages, printer)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def closed(_result: int) -> None:
        pages.close()
        if cleanup is not None:
            cleanup()

    dialog.finished.connect(closed)
    dialog.open()
    return dialog


def _export_to(doc: PlanDocument, target: Path, paper: str) -> Callable[[Progress], Any]:
    plan = copy.deepcopy(doc.plan)  # the worker reads its own copy while the user keeps editing
    return lambda progress: exporting._export(plan, target, paper, progress)


def _scratch_folder() -> tuple[Path, Callable[[], None]]:
    folder = Path(tempfile.mkdtemp(prefix="ceplanner-print-"))
    return folder, lambda: shutil.rmtree(folder, ignore_errors=True)


def preview_interactive(parent: QWidget | None, doc: PlanDocument) -> Task | None:
    """File > Print Preview: export the PDF in the background, then preview its pages."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    folder, cleanup = _scratch_folder()
    target = folder / "strategy.pdf"

    def failed(exc: BaseException) -> None:
        cleanup()
        exporting._failed(parent, _tr("The print preview could not be made"), exc)

    return run_with_progress(
        parent,
        _tr("Preparing the print preview…"),
        _export_to(doc, target, paper_for(printer)),
        lambda result: show_preview(parent, Path(result), printer, cleanup),
        failed,
    )


def print_pdf(parent: QWidget | None, pdf: Path, printer: QPrinter) -> int:
    """Print ``pdf``'s pages on ``printer`` behind a cancellable progress dialog; returns pages sent."""
    with PdfPages(pdf) as pages:
        wanted = len(_pages_asked(printer, len(pages)))
        dialog = QProgressDialog(_tr("Printing…"), _tr("Cancel"), 0, max(wanted, 1), parent)
        dialog.setObjectName("print_progress_dialog")
        dialog.setWindowTitle(_tr("Print"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int) -> bool:
            dialog.setLabelText(_tr("Printing page {n} of {total}…").format(n=done, total=total))
            dialog.setValue(done)
            return not dialog.wasCanceled()

        try:
            return paint_pages(printer, pages, progress)
        finally:
            dialog.close()
            dialog.deleteLater()


def print_interactive(parent: QWidget | None, doc: PlanDocument) -> Task | None:
    """File > Print: the print dialog, then the exported PDF's pages on the chosen printer.

    "Print to file" (PDF) writes the exported PDF itself, paper chosen from the dialog.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("print_dialog")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())
    folder, cleanup = _scratch_folder()
    target = Path(printer.outputFileName()) if to_file else folder / "strategy.pdf"
    title = _tr("Print")

    def done(result: Any) -> None:
        pdf = Path(result)
        try:
            if to_file:
                text = _tr("The strategy document was printed to\n{path}").format(path=pdf)
            else:
                sent = print_pdf(parent, pdf, printer)
                name = printer.printerName() or _tr("the printer")
                text = _tr("{n} pages of the strategy document were sent to {printer}.").format(
                    n=sent, printer=name
                )
        except PdfPagesError as exc:
            _problem(parent, _tr("The plan was not printed"), str(exc))
            return
        finally:
            cleanup()
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("print_done_dialog")
        box.exec()

    def failed(exc: BaseException) -> None:
        cleanup()
        exporting._failed(parent, _tr("The plan was not printed"), exc)

    return run_with_progress(
        parent, _tr("Preparing to print…"), _export_to(doc, target, paper_for(printer)), done, failed
    )
