"""File › Export Engagement Report… and Export "You said, we did"…: the delivery documents of a
plan in delivery, through the same worker, progress dialog and "saved" box as the strategy PDF."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ceplanner.core.model import Plan
from ceplanner.store import PlanFileError
from ceplanner.store.safe_write import check_output
from ceplanner.ui import exporting
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.files import remember_folder, start_folder
from ceplanner.ui.worker import Progress, Task, run_with_progress

CONTEXT = "DeliveryExports"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _ask_pdf(parent: QWidget | None, doc: PlanDocument, title: str, stem: str) -> Path | None:
    """The PDF path the user chose (with its suffix), or None if cancelled or not allowed."""
    start = str(start_folder("exports") / f"{stem}.pdf")
    name, _f = QFileDialog.getSaveFileName(parent, title, start, _tr("PDF documents (*.pdf)"))
    if not name:
        return None
    remember_folder("exports", Path(name))
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    try:  # the file dialog has asked before replacing a file; never write over the plan itself
        check_output(path, inputs=[doc.store.path] if doc.store else [], replace=True)
    except PlanFileError as exc:
        exporting._failed(parent, _tr("The PDF was not saved"), exc)
        return None
    return path


def _run(parent: QWidget | None, busy: str, saved: str, work: Callable[[Progress], Path]) -> Task:
    def done(result: Any) -> None:
        box = exporting.export_done_box(parent, Path(result))
        box.setWindowTitle(saved)
        box.setText(_tr("The document was saved to\n{pdf}").format(pdf=result))
        box.exec()

    return run_with_progress(
        parent,
        busy,
        work,
        done,
        lambda exc: exporting._failed(parent, _tr("The PDF was not saved"), exc),
    )


def _approved(doc: PlanDocument) -> Plan | None:
    """The approved version delivery is measured against, read from the plan's file."""
    from ceplanner.store.delivery import approved_baseline

    if doc.store is None:
        return None
    return copy.deepcopy(approved_baseline(doc.store, doc.plan))


def export_report_interactive(parent: QWidget | None, doc: PlanDocument) -> Task | None:
    """Ask where to save the engagement report, write it in the background, then say where it went."""
    path = _ask_pdf(parent, doc, _tr("Export the engagement report"), _tr("Engagement report"))
    if path is None:
        return None
    plan = copy.deepcopy(doc.plan)  # the worker reads its own copy while the user keeps editing
    approved = _approved(doc)
    paper = exporting.default_paper()

    def work(_progress: Progress) -> Path:
        from ceplanner.report.engagement_report import export_report_pdf  # reportlab loads now

        return export_report_pdf(plan, path, approved, paper=paper)

    return _run(parent, _tr("Exporting the engagement report…"), _tr("Engagement report saved"), work)


def export_you_said_we_did_interactive(parent: QWidget | None, doc: PlanDocument) -> Task | None:
    """Ask where to save the one-page "You said, we did", write it in the background, then say
    where it went."""
    path = _ask_pdf(parent, doc, _tr("Export “You said, we did”"), _tr("You said, we did"))
    if path is None:
        return None
    plan = copy.deepcopy(doc.plan)
    paper = exporting.default_paper()

    def work(_progress: Progress) -> Path:
        from ceplanner.report.you_said_we_did import export_you_said_we_did

        return export_you_said_we_did(plan, path, paper=paper)

    return _run(parent, _tr("Exporting “You said, we did”…"), _tr("“You said, we did” saved"), work)
