"""Snapshots: named, dated copies of the plan kept inside its file, to look back or roll back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core import locale_format
from ceplanner.store import PlanFileError
from ceplanner.ui.document import PlanDocument


class SnapshotsDialog(QDialog):
    """List, take, restore and delete the snapshots of ``doc``'s plan file."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("snapshots_dialog")
        self.setWindowTitle(self.tr("Snapshots"))
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A snapshot keeps a copy of the whole plan as it is now, inside the plan file: for "
                "example the version the board approved. Restoring one first keeps the current plan "
                "as a snapshot too, so nothing is lost."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("snapshot_list")
        self.list.setAccessibleName(self.tr("Snapshots"))
        layout.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("No snapshots yet."))
        self.empty.setObjectName("snapshot_empty")
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setObjectName("snapshot_name")
        self.name.setAccessibleName(self.tr("Name of the new snapshot"))
        self.name.setPlaceholderText(self.tr("for example: Approved by the board"))
        self.take_button = QPushButton(self.tr("Take snapshot"))
        self.take_button.setObjectName("snapshot_take_button")
        row.addWidget(self.name, 1)
        row.addWidget(self.take_button)
        layout.addLayout(row)
        actions = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("snapshot_restore_button")
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("snapshot_delete_button")
        actions.addWidget(self.restore_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.take_button.clicked.connect(self.take)
        self.name.returnPressed.connect(self.take)
        self.restore_button.clicked.connect(self.restore)
        self.delete_button.clicked.connect(self.delete)
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for info in reversed(self.doc.snapshots()):
            when = locale_format.format_datetime(info.created.astimezone())
            item = QListWidgetItem(f"{info.name}  —  {when}")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        self.empty.setVisible(self.list.count() == 0)
        self._enable()

    def _enable(self) -> None:
        writable = self.doc.store is not None and not self.doc.readonly
        chosen = self.list.currentItem() is not None
        self.take_button.setEnabled(writable)
        self.name.setEnabled(writable)
        self.restore_button.setEnabled(writable and chosen)
        self.delete_button.setEnabled(writable and chosen)

    def _chosen(self) -> tuple[int, str] | None:
        item = self.list.currentItem()
        return (int(item.data(Qt.ItemDataRole.UserRole)), item.text()) if item else None

    def _failed(self, exc: PlanFileError) -> None:
        QMessageBox.warning(self, self.tr("Snapshots"), str(exc))

    def take(self) -> None:
        if self.doc.store is None or self.doc.readonly:
            return
        try:
            self.doc.take_snapshot(self.name.text())
        except PlanFileError as exc:
            self._failed(exc)
            return
        self.name.clear()
        self.reload()
        self.list.setCurrentRow(0)

    def restore(self) -> None:
        chosen = self._chosen()
        if chosen is None or self.doc.store is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore snapshot"),
            self.tr(
                "Make “{chosen}” the current plan? The plan as it is now is kept as a snapshot first."
            ).format(chosen=chosen[1]),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.doc.restore_snapshot(chosen[0])
        except PlanFileError as exc:
            self._failed(exc)
            return
        self.reload()

    def delete(self) -> None:
        chosen = self._chosen()
        if chosen is None or self.doc.store is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete snapshot"),
            self.tr("Delete the snapshot “{chosen}”?").format(chosen=chosen[1]),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.doc.delete_snapshot(chosen[0])
        except PlanFileError as exc:
            self._failed(exc)
            return
        self.reload()
