"""The File menu's actions: new, open, Save As, snapshots, export and print, and leaving a plan.

A mixin for :class:`~ceplanner.ui.main_window.MainWindow`, kept apart so each module stays small.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox

from ceplanner.core.model import Plan
from ceplanner.store import PlanFileError, PlanStore
from ceplanner.ui import exporting, files
from ceplanner.ui.open_errors import open_plan

if TYPE_CHECKING:
    from ceplanner.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class FileActions(_Base):
    """Mixed into the main window; uses its ``doc``, ``set_document`` and status bar."""

    _task: Any = None

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = files.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if not recent:
            self.recent_menu.addAction("No recent plans").setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear the list", files.clear_recent).setEnabled(bool(recent))

    def new_plan(self) -> None:
        if not self._ready_to_leave():
            return
        if doc := files.create_plan(self, Plan()):
            self.set_document(doc)

    def new_sample(self) -> None:
        from ceplanner.core.library import sample_plan

        if not self._ready_to_leave():
            return
        if doc := files.create_plan(self, sample_plan(), "Save a copy of the sample plan as"):
            self.set_document(doc)

    def open_file(self) -> None:
        if path := files.ask_open_path(self):
            self.open_path(path)

    def open_path(self, path: Path) -> None:
        if not self._ready_to_leave():
            return
        if doc := open_plan(self, path):
            self.set_document(doc)

    def save_as(self) -> None:
        """Write a copy of the plan to a new file and carry on working in the copy."""
        doc = self.doc
        assert doc is not None
        self._commit_editing()
        path = files.ask_save_path(self, "Save a copy as", files.suggested_name(doc.plan))
        if path is None:
            return
        old = doc.store
        if old is not None and path.exists() and path.resolve() == old.path.resolve():
            doc.flush()
            return
        try:
            store = old.save_as(path, doc.plan) if old is not None else PlanStore.create(path, doc.plan, overwrite=True)
        except PlanFileError as exc:
            QMessageBox.warning(self, "The copy was not saved", f"{exc}\n\nChoose another folder or name.")
            return
        doc.store = store
        if old is not None:
            old.close()
        doc.flush()
        files.add_recent(path)
        self._saved()
        self._show_file_state()
        doc.changed.emit(doc.plan)  # pages show the plan as editable again
        self.statusBar().showMessage(f"Saved as {path}; you are now working in this copy.", 10000)

    def show_snapshots(self) -> None:
        from ceplanner.ui.snapshots_dialog import SnapshotsDialog

        assert self.doc is not None
        self._commit_editing()
        SnapshotsDialog(self.doc, self).exec()

    def export_pdf(self) -> None:
        assert self.doc is not None
        self._commit_editing()
        self._task = exporting.export_pdf_interactive(self, self.doc)

    def print_plan(self) -> None:
        assert self.doc is not None
        self._commit_editing()
        self._task = exporting.print_interactive(self, self.doc)

    def _ready_to_leave(self) -> bool:
        """Save the plan before it is closed or replaced; if that fails, offer Save As first.

        Returns False if the user chose to stay (or Save As did not succeed).
        """
        doc = self.doc
        assert doc is not None
        self._commit_editing()
        if doc.flush() and not (doc.readonly and doc.undo_stack.count() > 0):
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, "Keep your changes?",
            "Your latest changes are not saved in the plan file. Save a copy with Save As first?",
            buttons.Save | buttons.Discard | buttons.Cancel,
        )
        if answer == buttons.Cancel:
            return False
        if answer == buttons.Save:
            self.save_as()
            return not doc.readonly and doc.flush()
        return True
