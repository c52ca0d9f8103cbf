"""File › Export Word Document…: the strategy as an editable DOCX, through the same worker,
progress dialog and "saved" box as the PDF export (``ui.exporting``)."""

from __future__ import annotations

import copy
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

CONTEXT = "WordExport"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _export(plan: Plan, path: Path, paper: str, progress: Progress) -> Path:
    from ceplanner.report.docx_export import export_docx  # python-docx and reportlab load only now

    return export_docx(plan, path, paper=paper, progress=progress)


def export_docx_interactive(parent: QWidget | None, doc: PlanDocument) -> Task | None:
    """Ask where to save the Word document, write it in the background, then say where it went."""
    stem = "".join(c for c in doc.plan.title if c not in '<>:"/\\|?*').strip()[:60] or _tr(
        "Engagement strategy"
    )
    start = str(start_folder("exports") / f"{stem}.docx")
    name, _f = QFileDialog.getSaveFileName(
        parent, _tr("Export the strategy as a Word document"), start, _tr("Word documents (*.docx)")
    )
    if not name:
        return None
    remember_folder("exports", Path(name))
    path = Path(name) if name.lower().endswith(".docx") else Path(name + ".docx")
    not_saved = _tr("The Word document was not saved")
    try:  # the file dialog has asked before replacing a file; never write over the plan itself
        check_output(path, inputs=[doc.store.path] if doc.store else [], replace=True)
    except PlanFileError as exc:
        exporting._failed(parent, not_saved, exc)
        return None
    plan = copy.deepcopy(doc.plan)  # the worker reads its own copy while the user keeps editing
    paper = exporting.default_paper()

    def done(result: Any) -> None:
        box = exporting.export_done_box(parent, Path(result))
        box.setWindowTitle(_tr("Word document saved"))
        box.exec()

    return run_with_progress(
        parent,
        _tr("Exporting the Word document…"),
        lambda p: _export(plan, path, paper, p),
        done,
        lambda exc: exporting._failed(parent, not_saved, exc),
    )
