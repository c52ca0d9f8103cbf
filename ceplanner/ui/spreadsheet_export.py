"""File > Export Spreadsheet…: the budget tables and the stakeholder register as XLSX or CSV.

The file is written by :mod:`ceplanner.sheets.export` (the same functions as ``ceplanner
export``) in the background, like the PDF, and the same box then offers to open it.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ceplanner.store import PlanFileError
from ceplanner.store.safe_write import check_output
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.exporting import export_done_box, failure_text
from ceplanner.ui.files import remember_folder, start_folder
from ceplanner.ui.worker import Cancelled, Progress, Task, run_with_progress


def spreadsheet_filters() -> dict[str, tuple[str, str | None]]:
    """The save dialog's choices: filter text -> (suffix, CSV table or None for a workbook)."""
    return {
        QCoreApplication.translate("SpreadsheetExport", "Excel workbook (*.xlsx)"): (".xlsx", None),
        QCoreApplication.translate("SpreadsheetExport", "CSV budget lines (*.csv)"): (".csv", "budget"),
        QCoreApplication.translate("SpreadsheetExport", "CSV stakeholder register (*.csv)"): (
            ".csv",
            "groups",
        ),
    }


def chosen_target(name: str, chosen_filter: str) -> tuple[Path, str | None]:
    """Where to write and what: the typed extension decides XLSX or CSV; the chosen filter
    decides which table a CSV holds (and the extension when none was typed)."""
    filters = spreadsheet_filters()
    suffix, table = filters.get(chosen_filter, (".xlsx", None))
    path = Path(name)
    typed = path.suffix.lower()
    if typed == ".xlsx":
        return path, None
    if typed == ".csv":
        return path, table or "budget"
    return path.with_name(path.name + suffix), table


def _write(plan: Any, path: Path, table: str | None, progress: Progress) -> Path:
    from ceplanner.sheets.export import export_csv, export_xlsx

    if table is None:
        return export_xlsx(plan, path, progress=progress)
    return export_csv(plan, path, table=table, progress=progress)


def _failed(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, Cancelled):
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("SpreadsheetExport", "The spreadsheet was not saved"),
        failure_text(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("export_failed_dialog")
    box.exec()


def export_spreadsheet_interactive(parent: QWidget | None, doc: PlanDocument) -> Task | None:
    """Ask where to save and in which form, write it in the background, then say where it went."""
    filters = list(spreadsheet_filters())
    stem = "".join(c for c in doc.plan.title if c not in '<>:"/\\|?*').strip()[
        :60
    ] or QCoreApplication.translate("SpreadsheetExport", "Budget")
    start = str(start_folder("exports") / f"{stem}.xlsx")
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("SpreadsheetExport", "Export the budget and stakeholder register"),
        start,
        ";;".join(filters),
        filters[0],
    )
    if not name:
        return None
    remember_folder("exports", Path(name))
    path, table = chosen_target(name, chosen)
    try:  # the file dialog has asked before replacing a file; never write over the plan itself
        check_output(path, inputs=[doc.store.path] if doc.store else [], replace=True)
    except PlanFileError as exc:
        _failed(parent, exc)
        return None
    plan = copy.deepcopy(doc.plan)  # the worker reads its own copy while the user keeps editing
    what = {
        None: QCoreApplication.translate(
            "SpreadsheetExport", "The budget tables and the stakeholder register were saved to\n{path}"
        ),
        "budget": QCoreApplication.translate(
            "SpreadsheetExport", "The budget's cost lines were saved to\n{path}"
        ),
        "groups": QCoreApplication.translate(
            "SpreadsheetExport", "The stakeholder register was saved to\n{path}"
        ),
    }[table]

    def done(result: Any) -> None:
        box = export_done_box(parent, Path(result))
        box.setWindowTitle(QCoreApplication.translate("SpreadsheetExport", "Spreadsheet saved"))
        box.setText(what.format(path=result))
        box.exec()

    return run_with_progress(
        parent,
        QCoreApplication.translate("SpreadsheetExport", "Exporting the spreadsheet…"),
        lambda progress: _write(plan, path, table, progress),
        done,
        lambda exc: _failed(parent, exc),
    )
