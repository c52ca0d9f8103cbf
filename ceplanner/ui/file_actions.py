"""The File menu's behaviour: new, open, Save As, snapshots, export and print, leaving a plan.

An object the window owns (not a mixin of it): it works through the narrow :class:`DocumentHost`
interface, so it never imports the window, and the document itself owns its file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QStatusBar, QWidget

from ceplanner.core.model import Plan
from ceplanner.store import PlanFileError
from ceplanner.ui import exporting, files
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.open_errors import open_plan


class DocumentHost(Protocol):
    """What the file actions need of the window that shows the plan."""

    doc: PlanDocument | None

    def set_document(self, doc: PlanDocument) -> None: ...

    def commit_editing(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...


class FileActions:
    """New, open, Save As, snapshots, export and print for the plan shown in ``window``."""

    def __init__(self, host: DocumentHost, window: QWidget) -> None:
        self.host = host
        self.window = window
        self._task: Any = None  # the running export or print, kept alive until it ends

    @property
    def doc(self) -> PlanDocument:
        assert self.host.doc is not None
        return self.host.doc

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        recent = files.recent_files()
        for path in recent:
            action = menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if not recent:
            menu.addAction(QCoreApplication.translate("FileActions", "No recent plans")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(
            QCoreApplication.translate("FileActions", "Clear the list"), files.clear_recent
        ).setEnabled(bool(recent))

    def new_plan(self) -> None:
        if not self.ready_to_leave():
            return
        if doc := files.create_plan(self.window, Plan()):
            self.host.set_document(doc)

    def new_sample(self) -> None:
        from ceplanner.core.library import sample_plan

        if not self.ready_to_leave():
            return
        if doc := files.create_plan(
            self.window,
            sample_plan(),
            QCoreApplication.translate("FileActions", "Save a copy of the sample plan as"),
        ):
            self.host.set_document(doc)

    def new_delivered_sample(self) -> None:
        if not self.ready_to_leave():
            return
        if doc := files.create_delivered_sample(self.window):
            self.host.set_document(doc)

    def export_engagement_report(self) -> None:
        from ceplanner.ui.delivery_exports import export_report_interactive

        self.host.commit_editing()
        self._task = export_report_interactive(self.window, self.doc)

    def export_you_said_we_did(self) -> None:
        from ceplanner.ui.delivery_exports import export_you_said_we_did_interactive

        self.host.commit_editing()
        self._task = export_you_said_we_did_interactive(self.window, self.doc)

    def new_from_template(self) -> None:
        from ceplanner.ui.template_dialog import new_from_template

        if not self.ready_to_leave():
            return
        if doc := new_from_template(self.window):
            self.host.set_document(doc)

    def save_as_template(self) -> None:
        """Ask a name and description, say what is removed, and keep the plan as a template."""
        from ceplanner.ui.template_dialog import SaveTemplateDialog

        self.host.commit_editing()
        dialog = SaveTemplateDialog(self.doc, self.window)
        if dialog.exec() and dialog.saved_path is not None:
            self.host.statusBar().showMessage(
                dialog.tr("Saved the template as {path}").format(path=dialog.saved_path), 10000
            )

    def open_file(self) -> None:
        if path := files.ask_open_path(self.window):
            self.open_path(path)

    def open_path(self, path: Path) -> None:
        if not self.ready_to_leave():
            return
        if doc := open_plan(self.window, path):
            self.host.set_document(doc)

    def save_as(self) -> None:
        """Write a copy of the plan to a new file and carry on working in the copy."""
        doc = self.doc
        self.host.commit_editing()
        path = files.ask_save_path(
            self.window,
            QCoreApplication.translate("FileActions", "Save a copy as"),
            files.suggested_name(doc.plan),
        )
        if path is None:
            return
        try:
            doc.save_as(path)
        except PlanFileError as exc:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("FileActions", "The copy was not saved"),
                QCoreApplication.translate("FileActions", "{exc}\n\nChoose another folder or name.").format(
                    exc=exc
                ),
            )
            return
        files.add_recent(path)
        self.host.statusBar().showMessage(
            QCoreApplication.translate(
                "FileActions", "Saved as {path}; you are now working in this copy."
            ).format(path=path),
            10000,
        )

    def show_snapshots(self) -> None:
        from ceplanner.ui.snapshots_dialog import SnapshotsDialog

        self.host.commit_editing()
        SnapshotsDialog(self.doc, self.window).exec()

    def import_groups(self) -> None:
        """Add stakeholder groups from a spreadsheet (one undo step), from the File menu."""
        from ceplanner.ui.import_groups_dialog import import_groups_interactive

        self.host.commit_editing()
        if groups := import_groups_interactive(self.doc, self.window):
            message = QCoreApplication.translate("FileActions", "Imported {n} stakeholder groups.")
            self.host.statusBar().showMessage(message.format(n=len(groups)), 10000)

    def export_pdf(self) -> None:
        self.host.commit_editing()
        self._task = exporting.export_pdf_interactive(self.window, self.doc)

    def export_docx(self) -> None:
        from ceplanner.ui.word_export import export_docx_interactive

        self.host.commit_editing()
        self._task = export_docx_interactive(self.window, self.doc)

    def export_spreadsheet(self) -> None:
        from ceplanner.ui.spreadsheet_export import export_spreadsheet_interactive

        self.host.commit_editing()
        self._task = export_spreadsheet_interactive(self.window, self.doc)

    def print_plan(self) -> None:
        from ceplanner.ui import print_preview

        self.host.commit_editing()
        self._task = print_preview.print_interactive(self.window, self.doc)

    def preview_plan(self) -> None:
        from ceplanner.ui import print_preview

        self.host.commit_editing()
        self._task = print_preview.preview_interactive(self.window, self.doc)

    def ready_to_leave(self) -> bool:
        """Save the plan before it is closed or replaced; if that fails, offer Save As first.

        Returns False if the user chose to stay (or Save As did not succeed).
        """
        doc = self.doc
        self.host.commit_editing()
        if doc.flush() and not (doc.readonly and doc.undo_stack.count() > 0):
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            QCoreApplication.translate("FileActions", "Keep your changes?"),
            QCoreApplication.translate(
                "FileActions",
                "Your latest changes are not saved in the plan file. Save a copy with Save As first?",
            ),
            buttons.Save | buttons.Discard | buttons.Cancel,
        )
        if answer == buttons.Cancel:
            return False
        if answer == buttons.Save:
            self.save_as()
            return not doc.readonly and doc.flush()
        return True
