"""Opening a plan file: the one way the GUI opens a plan, and what it tells the user when it can't.

Every :class:`PlanFileError` subclass maps to a dialog with a title, the store's own message and
what to do next. Opening never writes to a refused file (the store inspects it read-only first).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ceplanner.store import (
    CorruptPlanError,
    NewerVersionError,
    NotAPlanError,
    NotSQLiteError,
    PlanFileError,
    PlanFileMissingError,
    PlanStore,
    ReadOnlyPlanError,
)
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.files import add_recent

# Most specific first: each entry is (error class, dialog title, what to do).
ADVICE: list[tuple[type[PlanFileError], str, str]] = [
    (PlanFileMissingError, "Plan not found",
     "It may have been moved, renamed or deleted. Use File › Open to find it."),
    (NotSQLiteError, "Not a ceplanner plan",
     "Choose a file ending in .ceplan that was saved by ceplanner."),
    (NotAPlanError, "Not a ceplanner plan",
     "The file was left as it is. Choose a file saved by ceplanner."),
    (NewerVersionError, "Made by a newer ceplanner",
     "The file was left as it is. Install the latest version of ceplanner to open it."),
    (CorruptPlanError, "The plan is damaged",
     "The file was left as it is. Open a backup copy or an e-mailed copy of the plan instead."),
    (ReadOnlyPlanError, "The plan cannot be opened",
     "Check that you have permission to read the file and its folder."),
    (PlanFileError, "The plan cannot be opened", "The file was left as it is."),
]


def describe(error: PlanFileError) -> tuple[str, str]:
    """The dialog title and full text for ``error``."""
    for cls, title, advice in ADVICE:
        if isinstance(error, cls):
            return title, f"{error}\n\n{advice}"
    return "The plan cannot be opened", str(error)


def show_open_error(parent: QWidget | None, error: PlanFileError) -> None:
    title, text = describe(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("open_error_dialog")
    box.exec()


def open_plan(parent: QWidget | None, path: Path | str) -> PlanDocument | None:
    """Open and load the plan at ``path``; on failure show why and return None.

    A read-only plan opens read-only (``doc.readonly``); the main window shows a banner and offers
    Save As. A plan from an older version is migrated after a backup copy is kept beside it.
    """
    path = Path(path)
    store: PlanStore | None = None
    try:
        store = PlanStore.open(path)
        plan = store.load()
    except PlanFileError as exc:
        if store is not None:
            store.close()
        show_open_error(parent, exc)
        return None
    add_recent(path)
    return PlanDocument(plan, store)
