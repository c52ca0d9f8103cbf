"""Opening a plan file: the one way the GUI opens a plan, and what it tells the user when it can't.

Every :class:`PlanFileError` subclass maps to a dialog with a title, the store's own message and
what to do next. Opening never writes to a refused file (the store inspects it read-only first).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ceplanner.store import (
    CorruptPlanError,
    NewerVersionError,
    NotAFileError,
    NotAPlanError,
    NotSQLiteError,
    PlanFileError,
    PlanFileMissingError,
    PlanInUseError,
    PlanLockedError,
    PlanStore,
    PlanTooShortError,
    ReadOnlyPlanError,
)
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.files import add_recent

# Most specific first: each entry is (error class, dialog title, what to do).
ADVICE: list[tuple[type[PlanFileError], str, str]] = [
    (
        NotAFileError,
        QT_TRANSLATE_NOOP("OpenErrors", "Not a plan file"),
        QT_TRANSLATE_NOOP("OpenErrors", "Choose a file ending in .ceplan that was saved by ceplanner."),
    ),
    (
        PlanTooShortError,
        QT_TRANSLATE_NOOP("OpenErrors", "The plan is incomplete"),
        QT_TRANSLATE_NOOP("OpenErrors", "Nothing was changed in the file."),
    ),
    (
        PlanLockedError,
        QT_TRANSLATE_NOOP("OpenErrors", "The plan is in use"),
        QT_TRANSLATE_NOOP("OpenErrors", "Nothing was changed in the file."),
    ),
    (
        PlanFileMissingError,
        QT_TRANSLATE_NOOP("OpenErrors", "Plan not found"),
        QT_TRANSLATE_NOOP(
            "OpenErrors", "It may have been moved, renamed or deleted. Use File › Open to find it."
        ),
    ),
    (
        NotSQLiteError,
        QT_TRANSLATE_NOOP("OpenErrors", "Not a ceplanner plan"),
        QT_TRANSLATE_NOOP("OpenErrors", "Choose a file ending in .ceplan that was saved by ceplanner."),
    ),
    (
        NotAPlanError,
        QT_TRANSLATE_NOOP("OpenErrors", "Not a ceplanner plan"),
        QT_TRANSLATE_NOOP("OpenErrors", "The file was left as it is. Choose a file saved by ceplanner."),
    ),
    (
        NewerVersionError,
        QT_TRANSLATE_NOOP("OpenErrors", "Made by a newer ceplanner"),
        QT_TRANSLATE_NOOP(
            "OpenErrors", "The file was left as it is. Install the latest version of ceplanner to open it."
        ),
    ),
    (
        CorruptPlanError,
        QT_TRANSLATE_NOOP("OpenErrors", "The plan is damaged"),
        QT_TRANSLATE_NOOP(
            "OpenErrors",
            "The file was left as it is. Open a backup copy or an e-mailed copy of the plan instead.",
        ),
    ),
    (
        ReadOnlyPlanError,
        QT_TRANSLATE_NOOP("OpenErrors", "The plan cannot be opened"),
        QT_TRANSLATE_NOOP("OpenErrors", "Check that you have permission to read the file and its folder."),
    ),
    (
        PlanFileError,
        QT_TRANSLATE_NOOP("OpenErrors", "The plan cannot be opened"),
        QT_TRANSLATE_NOOP("OpenErrors", "The file was left as it is."),
    ),
]

READ_ONLY, TAKE_OVER, CANCEL = "read-only", "take over", "cancel"


def ask_in_use(parent: QWidget | None, error: PlanInUseError) -> str:
    """Ask what to do with a plan open for editing elsewhere: READ_ONLY, TAKE_OVER or CANCEL."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("OpenErrors", "The plan is open elsewhere"),
        str(error),
        parent=parent,
    )
    box.setObjectName("plan_in_use_dialog")
    read_only = box.addButton(
        QCoreApplication.translate("OpenErrors", "Open read-only"), QMessageBox.ButtonRole.AcceptRole
    )
    take_over = box.addButton(
        QCoreApplication.translate("OpenErrors", "Take over"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.setInformativeText(
        QCoreApplication.translate(
            "OpenErrors",
            "Take over only if it is no longer being edited there: the other window would then be "
            "unable to save over your changes, and would say so.",
        )
    )
    box.exec()
    clicked = box.clickedButton()
    return READ_ONLY if clicked is read_only else TAKE_OVER if clicked is take_over else CANCEL


def _open_store(parent: QWidget | None, path: Path) -> PlanStore | None:
    try:
        return PlanStore.open(path)
    except PlanInUseError as exc:
        answer = ask_in_use(parent, exc)
        if answer == CANCEL:
            return None
        return PlanStore.open(path, readonly=answer == READ_ONLY, take_over=answer == TAKE_OVER)


def show_repairs(parent: QWidget | None, path: Path, repairs: list[str]) -> None:
    """Say what was mended in a plan read from an older version (nothing is lost: only links
    to things deleted long ago are dropped, and the file changes only at the next save)."""
    shown = repairs[:10] + (
        [QCoreApplication.translate("OpenErrors", "… and {count} more.").format(count=len(repairs) - 10)]
        if len(repairs) > 10
        else []
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("OpenErrors", "The plan was tidied"),
        QCoreApplication.translate(
            "OpenErrors",
            "{name} had links to stakeholder groups or objectives that were deleted earlier. They have "
            "been removed:\n\n",
        ).format(name=path.name)
        + "\n".join(shown),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("plan_repairs_dialog")
    box.exec()


def describe(error: PlanFileError) -> tuple[str, str]:
    """The dialog title and full text for ``error``."""
    for cls, source_title, source_advice in ADVICE:
        title = QCoreApplication.translate("OpenErrors", source_title)
        advice = QCoreApplication.translate("OpenErrors", source_advice)
        if isinstance(error, cls):
            return title, f"{error}\n\n{advice}"
    return QCoreApplication.translate("OpenErrors", "The plan cannot be opened"), str(error)


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
        store = _open_store(parent, path)
        if store is None:
            return None
        plan = store.load()
    except PlanFileError as exc:
        if store is not None:
            store.close()
        show_open_error(parent, exc)
        return None
    if store.repairs:
        show_repairs(parent, path, store.repairs)
    add_recent(path)
    return PlanDocument(plan, store)
