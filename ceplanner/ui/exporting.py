"""Export the strategy PDF through the report's one ``export_pdf``.

Print and print preview (:mod:`ceplanner.ui.print_preview`) export with the same function and
draw the PDF's own pages.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from ceplanner.core.model import Plan
from ceplanner.store import PlanFileError
from ceplanner.store.safe_write import check_output
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.files import remember_folder, start_folder
from ceplanner.ui.worker import Cancelled, Progress, Task, run_with_progress


def default_paper() -> str:
    """US Letter where the locale uses it, A4 elsewhere."""
    return "letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


def _export(plan: Plan, path: Path, paper: str, progress: Progress) -> Path:
    from ceplanner.report.export import export_pdf  # reportlab loads only when exporting

    return export_pdf(plan, path, paper=paper, progress=progress)


def failure_text(exc: BaseException) -> str:
    from ceplanner.report.errors import ReportError  # cheap: no reportlab

    if isinstance(exc, ReportError | OSError):
        return str(exc)
    return QCoreApplication.translate(
        "Exporting", "Something went wrong while building the document ({kind}: {exc})."
    ).format(kind=type(exc).__name__, exc=exc)


def export_pdf_interactive(parent: QWidget | None, doc: PlanDocument) -> Task | None:
    """Ask where to save the PDF, export it in the background, then say where it went or why not."""
    stem = "".join(c for c in doc.plan.title if c not in '<>:"/\\|?*').strip()[
        :60
    ] or QCoreApplication.translate("Exporting", "Engagement strategy")
    start = str(start_folder("exports") / f"{stem}.pdf")
    name, _f = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Exporting", "Export the strategy as PDF"),
        start,
        QCoreApplication.translate("Exporting", "PDF documents (*.pdf)"),
    )
    if not name:
        return None
    remember_folder("exports", Path(name))
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    try:  # the file dialog has asked before replacing a file; never write over the plan itself
        check_output(path, inputs=[doc.store.path] if doc.store else [], replace=True)
    except PlanFileError as exc:
        _failed(parent, QCoreApplication.translate("Exporting", "The PDF was not saved"), exc)
        return None
    plan = copy.deepcopy(doc.plan)  # the worker reads its own copy while the user keeps editing
    paper = default_paper()

    def done(result: Any) -> None:
        export_done_box(parent, Path(result)).exec()

    return run_with_progress(
        parent,
        QCoreApplication.translate("Exporting", "Exporting the PDF…"),
        lambda p: _export(plan, path, paper, p),
        done,
        lambda exc: _failed(parent, QCoreApplication.translate("Exporting", "The PDF was not saved"), exc),
    )


def export_done_box(parent: QWidget | None, pdf: Path) -> QMessageBox:
    """Says where the PDF went, and offers to open it or show it in its folder."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Exporting", "PDF saved"),
        QCoreApplication.translate("Exporting", "The strategy document was saved to\n{pdf}").format(pdf=pdf),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setObjectName("export_done_dialog")
    open_button = box.addButton(
        QCoreApplication.translate("Exporting", "Open"), QMessageBox.ButtonRole.AcceptRole
    )
    open_button.setObjectName("export_open")
    folder_button = box.addButton(
        QCoreApplication.translate("Exporting", "Show in folder"), QMessageBox.ButtonRole.ActionRole
    )
    folder_button.setObjectName("export_show_in_folder")
    box.setDefaultButton(open_button)

    def chosen(button: QAbstractButton) -> None:
        if button is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))
        elif button is folder_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf.parent)))

    box.buttonClicked.connect(chosen)
    return box


def _failed(parent: QWidget | None, title: str, exc: BaseException) -> None:
    if isinstance(exc, Cancelled):
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, failure_text(exc), QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("export_failed_dialog")
    box.exec()
