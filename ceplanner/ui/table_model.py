"""One table model and one delegate for every editable list: rows are plan objects, columns a spec.

A :class:`Column` says how a field is shown, typed and checked; :class:`ColumnTableModel` turns
a list of plan objects into a Qt table that edits them through the document (so every edit can
be undone and is autosaved), and :class:`ColumnDelegate` gives each kind of column its editor:
a combo box for a choice, a spin box within the model's limits for a whole number, a check list
for several choices. Input that cannot be right is refused and the reason sent as ``problem``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ceplanner.core.limits import Limits
from ceplanner.core.model import TEXT_LIMIT, label
from ceplanner.core.money import MoneyError
from ceplanner.ui.document import PlanDocument

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The data role that gives a row's plan object."""


def plain_tip(text: str) -> str:
    """Tooltip text shown exactly as typed (Qt would read "<b>" in a name as markup)."""
    return f"<qt>{html.escape(text).replace(chr(10), '<br>')}</qt>" if text else ""


def shown(value: Any) -> str:
    """A stored value as people read it: choices by their label, lists joined, None as blank."""
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class Column:
    """How one field of a row is shown and edited.

    ``kind`` is one of: text, choice (one of ``choices``), choices (several), int (a spin box
    within ``limits``), bool (a check box), money, quantity, derived (worked out, read-only),
    option (one of the plan's own items, listed by ``options``: an activity, a team member).
    """

    attr: str
    header: str
    kind: str = "text"
    parse: Callable[[Any], Any] = str
    """From what was typed or chosen to the stored value; ValueError (or MoneyError) says why not."""
    show: Callable[[Any], str] = shown
    """From the stored value to the text in the cell."""
    edit: Callable[[Any], Any] | None = None
    """From the stored value to what the editor starts with (default: the value itself)."""
    derive: Callable[[Any], Any] | None = None
    """For a derived column: the value worked out from the row object."""
    tip: str = ""
    choices: type[StrEnum] | None = None
    options: Callable[[], list[tuple[str, Any]]] | None = None
    """For an option column: (words shown, value stored) for each choice, read when editing."""
    limits: Limits | None = None
    right: bool = False
    """Right-aligned, as numbers are."""

    @property
    def title(self) -> str:
        """The header in the user's language: ``header`` is English, marked for translation with
        ``QT_TRANSLATE_NOOP("Column", ...)`` where the column is made (often at import time)."""
        return QCoreApplication.translate("Column", self.header)

    @property
    def tip_text(self) -> str:
        """The tooltip in the user's language (``tip`` is marked like ``header``)."""
        return QCoreApplication.translate("Column", self.tip) if self.tip else ""


class ColumnTableModel(QAbstractTableModel):
    """Rows of plan objects (from :meth:`rows`), one column per :class:`Column`."""

    problem = Signal(str)
    """A refused edit's reason in words, or "" after a good edit."""

    def __init__(self, doc: PlanDocument, columns: list[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.columns = columns
        self.column_of = {column.attr: i for i, column in enumerate(columns)}
        self._seen = self._identities()
        doc.edited.connect(self._edited)

    # -- what subclasses say ------------------------------------------------------------------

    def rows(self) -> list[Any]:
        raise NotImplementedError

    def problem_text(self, row: int, obj: Any, column: Column, reason: str) -> str:
        """How a refused edit is reported (subclasses name the row their own way)."""
        return QCoreApplication.translate("ColumnTableModel", "{column}, row {row}: {reason}").format(
            column=column.title, row=row + 1, reason=reason
        )

    def affects_every_row(self, obj: Any, attr: str) -> bool:
        """Whether an edit elsewhere changes what every row shows (the plan's currency, say)."""
        return False

    def apply(self, obj: Any, column: Column, value: Any) -> None:
        """Record a good edit (subclasses may add to it, as one undo step)."""
        self.doc.set_value(obj, column.attr, value)

    # -- following the document ---------------------------------------------------------------

    def _identities(self) -> list[int]:
        return [id(obj) for obj in self.rows()]

    def reload(self) -> None:
        self.beginResetModel()
        self._seen = self._identities()
        self.endResetModel()

    def _edited(self, obj: Any, attr: str) -> None:
        if self._identities() != self._seen:  # rows added, removed, moved or restored
            self.reload()
            return
        last = len(self._seen) - 1
        if last < 0:
            return
        if self.affects_every_row(obj, attr):
            self.dataChanged.emit(self.index(0, 0), self.index(last, len(self.columns) - 1))
            return
        row = self.row_of_object(obj)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def row_of_object(self, obj: Any) -> int:
        """The row of ``obj`` itself (not an equal copy, as after restoring a snapshot), or -1."""
        return next((i for i, item in enumerate(self.rows()) if item is obj), -1)

    def object(self, row: int) -> Any:
        rows = self.rows()
        return rows[row] if 0 <= row < len(rows) else None

    # -- Qt's model interface -----------------------------------------------------------------

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section].tip_text or None
        elif role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or self.doc.readonly:
            return base
        kind = self.columns[index.column()].kind
        if kind == "derived":
            return base
        if kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def value(self, obj: Any, column: Column) -> Any:
        if column.derive is not None:
            return column.derive(obj)
        return getattr(obj, column.attr)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        obj = self.object(index.row()) if index.isValid() else None
        if obj is None:
            return None
        if role == ROW_ROLE:
            return obj
        column = self.columns[index.column()]
        value = self.value(obj, column)
        if column.kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                answer = self.tr("Yes") if value else self.tr("No")
                if role == Qt.ItemDataRole.ToolTipRole:
                    return answer
                return self.tr("{column}: {value}").format(column=column.title, value=answer)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.show(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(column.show(value))
        if role == Qt.ItemDataRole.EditRole:
            return column.edit(value) if column.edit is not None else value
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{column}: {value}").format(
                column=column.title, value=column.show(value) or self.tr("none")
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        obj = self.object(index.row()) if index.isValid() else None
        if obj is None or self.doc.readonly:
            return False
        column = self.columns[index.column()]
        if column.kind == "derived":
            return False
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            value = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            new = column.parse(value)
        except (ValueError, MoneyError) as exc:
            self.problem.emit(self.problem_text(index.row(), obj, column, str(exc)))
            return False
        self.problem.emit("")
        self.apply(obj, column, new)
        return True


class ColumnDelegate(QStyledItemDelegate):
    """Each column's editor: combo box, spin box within the model's limits, check list, or text."""

    def __init__(self, columns: list[Column], prefix: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns, self.prefix = columns, prefix

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self.columns[index.column()]
        editor: QWidget
        if column.kind == "choice" and column.choices is not None:
            combo = QComboBox(parent)
            for member in column.choices:
                combo.addItem(label(member), member)
            editor = combo
        elif column.kind == "option" and column.options is not None:
            combo = QComboBox(parent)
            for text, value in column.options():
                combo.addItem(text, value)
            editor = combo
        elif column.kind == "int":
            spin = QSpinBox(parent)
            bounds = column.limits or Limits()
            spin.setRange(
                int(bounds.minimum or 0), int(bounds.maximum if bounds.maximum is not None else 2**31 - 1)
            )
            editor = spin
        elif column.kind == "choices" and column.choices is not None:
            checks = QListWidget(parent)
            for member in column.choices:
                item = QListWidgetItem(label(member), checks)
                item.setData(Qt.ItemDataRole.UserRole, member)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            editor = checks
        else:
            editor = super().createEditor(parent, option, index)
            if isinstance(editor, QLineEdit):
                editor.setMaxLength(TEXT_LIMIT)  # Qt's default stops at 32,767 characters
        editor.setObjectName(f"{self.prefix}_editor_{column.attr}")
        editor.setAccessibleName(column.title)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = [i for i in range(editor.count()) if editor.itemData(i) == value]  # None too
            editor.setCurrentIndex(found[0] if found else 0)
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QListWidget):
            for i in range(editor.count()):
                item = editor.item(i)
                on = item.data(Qt.ItemDataRole.UserRole) in value
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QSpinBox):
            model.setData(index, editor.value())
        elif isinstance(editor, QListWidget):
            chosen = [
                editor.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(editor.count())
                if editor.item(i).checkState() == Qt.CheckState.Checked
            ]
            model.setData(index, chosen)
        else:
            super().setModelData(editor, model, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        if isinstance(editor, QListWidget):
            rect = QRect(option.rect)
            rect.setHeight(editor.sizeHintForRow(0) * editor.count() + 6)
            rect.setWidth(max(rect.width(), editor.sizeHintForColumn(0) + 30))
            editor.setGeometry(rect)
        else:
            super().updateEditorGeometry(editor, option, index)
