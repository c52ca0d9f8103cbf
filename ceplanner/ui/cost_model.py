"""Table models for the costs page: an activity's cost lines, the activity list and summaries.

Money is typed as people type it ("1,250.50", "£300") and read with :func:`parse_money`;
anything that cannot be a cost is refused and the reason sent through ``problem``. Every
edit goes through the document so it can be undone and is autosaved.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyleOptionViewItem, QWidget

from ceplanner.core.costing import line_total
from ceplanner.core.limits import limits_of
from ceplanner.core.model import Activity, CostCategory, CostLine, Unit, label
from ceplanner.core.money import (
    MoneyError,
    format_money,
    format_quantity,
    parse_money,
    parse_quantity,
    to_major_text,
)
from ceplanner.core.sources import source_after_amount_change
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.stakeholder_model import plain_tip
from ceplanner.ui.widgets import TextDelegate

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def holds(items: list[Any], obj: Any) -> bool:
    """Whether ``obj`` itself (not an equal copy, as after restoring a snapshot) is in ``items``."""
    return any(item is obj for item in items)


def position(items: list[Any], obj: Any) -> int:
    """The index of ``obj`` itself in ``items``, or -1."""
    return next((i for i, item in enumerate(items) if item is obj), -1)


# attribute, header, kind
LINE_COLUMNS: list[tuple[str, str, str]] = [
    ("category", "Category", "enum"),
    ("description", "Description", "text"),
    ("quantity", "Quantity", "quantity"),
    ("unit", "Unit", "enum"),
    ("unit_cost", "Unit cost", "money"),
    ("total", "Line total", "derived"),
    ("in_kind", "In kind", "bool"),
    ("funder", "Funder", "text"),
    ("source", "Source of estimate", "text"),
]
LINE_COLUMN = {attr: i for i, (attr, _, _) in enumerate(LINE_COLUMNS)}
LINE_ENUMS: dict[str, type[StrEnum]] = {"category": CostCategory, "unit": Unit}


class CostLineModel(QAbstractTableModel):
    """The cost lines of one activity (none shown until :meth:`set_activity`)."""

    problem = Signal(str)
    """A refused edit's reason in words, or "" after a good edit."""

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.activity: Activity | None = None
        self._ids: list[str] = []
        doc.changed.connect(self._on_changed)

    @property
    def lines(self) -> list[CostLine]:
        return self.activity.cost_lines if self.activity is not None else []

    def set_activity(self, activity: Activity | None) -> None:
        self.beginResetModel()
        self.activity = activity
        self._ids = [line.id for line in self.lines]
        self.endResetModel()

    def line(self, row: int) -> CostLine | None:
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def _on_changed(self, obj: Any) -> None:
        if self.activity is not None and not holds(self.doc.plan.activities, self.activity):
            self.set_activity(None)
            return
        ids = [line.id for line in self.lines]
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
        elif ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(ids) - 1, len(LINE_COLUMNS) - 1))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(LINE_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return LINE_COLUMNS[section][1]
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = LINE_COLUMNS[index.column()][2] if index.isValid() else "derived"
        if kind == "derived" or self.doc.readonly:
            return base
        if kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def display(self, line: CostLine, attr: str) -> str:
        currency = self.doc.plan.currency
        if attr == "total":
            return format_money(line_total(line), currency)
        value = getattr(line, attr)
        if isinstance(value, StrEnum):
            return label(value)
        if attr == "quantity":
            return format_quantity(value)
        if attr == "unit_cost":
            return format_money(value, currency)
        return str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line(index.row()) if index.isValid() else None
        if line is None:
            return None
        attr, header, kind = LINE_COLUMNS[index.column()]
        if kind == "bool":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if line.in_kind else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Contributed, not paid for" if line.in_kind else "Paid for"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(line, attr)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self.display(line, attr))
        if role == Qt.ItemDataRole.EditRole:
            if kind == "money":
                return to_major_text(line.unit_cost, self.doc.plan.currency)
            if kind == "quantity":
                return format_quantity(line.quantity)
            return getattr(line, attr) if kind != "derived" else self.display(line, attr)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{header}: {self.display(line, attr)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in ("money", "quantity", "derived"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def convert(self, attr: str, value: Any) -> Any:
        """The stored value from what was typed or chosen; MoneyError or ValueError says why not."""
        kind = LINE_COLUMNS[LINE_COLUMN[attr]][2]
        if kind == "money":
            return parse_money(str(value), self.doc.plan.currency, bounds=limits_of(CostLine, attr))
        if kind == "quantity":
            return parse_quantity(str(value), limits_of(CostLine, attr))
        if kind == "enum":
            enum = LINE_ENUMS[attr]
            if isinstance(value, enum):
                return value
            text = str(value).strip().casefold()
            for member in enum:
                if text in (member.value, label(member).casefold()):
                    return member
            raise ValueError(f"“{value}” is not one of: {', '.join(label(m) for m in enum)}.")
        if kind == "bool":
            return bool(value)
        return str(value).strip()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        line = self.line(index.row()) if index.isValid() else None
        if line is None or self.doc.readonly:
            return False
        attr, header, kind = LINE_COLUMNS[index.column()]
        if kind == "derived":
            return False
        if role == Qt.ItemDataRole.CheckStateRole and kind == "bool":
            value = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            new = self.convert(attr, value)
        except (MoneyError, ValueError) as exc:
            self.problem.emit(f"{header}, line {index.row() + 1}: {exc}")
            return False
        self.problem.emit("")
        text = f"Change {header.lower()} of a cost line"
        if kind in ("money", "quantity"):
            unit_cost = new if attr == "unit_cost" else line.unit_cost
            quantity = new if attr == "quantity" else line.quantity
            source = source_after_amount_change(line, unit_cost, quantity, self.doc.plan.currency)
            if source != line.source:  # the old source no longer backs the figure: one undo step
                self.doc.begin_macro(text)
                self.doc.set_value(line, attr, new)
                self.doc.set_value(line, "source", source)
                self.doc.end_macro()
                return True
        self.doc.set_value(line, attr, new, text)
        return True


class CostLineDelegate(TextDelegate):
    """Combo boxes for category and unit; plain text for everything typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        attr, header, kind = LINE_COLUMNS[index.column()]
        if kind == "enum":
            editor: QWidget = QComboBox(parent)
            for member in LINE_ENUMS[attr]:
                editor.addItem(label(member), member)  # type: ignore[attr-defined]
        else:
            editor = super().createEditor(parent, option, index)
        editor.setObjectName(f"cost_editor_{attr}")
        editor.setAccessibleName(header)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)


class ActivityListModel(QAbstractListModel):
    """The plan's activities by title, with each one's total from ``doc.budget``."""

    ACTIVITY_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, doc: PlanDocument, parent: Any = None, *, totals: bool = True) -> None:
        super().__init__(parent)
        self.doc = doc
        self.totals = totals
        self._ids = [a.id for a in doc.plan.activities]
        doc.changed.connect(self._on_changed)

    def _on_changed(self, _obj: Any) -> None:
        ids = [a.id for a in self.doc.plan.activities]
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
        elif ids:
            self.dataChanged.emit(self.index(0), self.index(len(ids) - 1))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.doc.plan.activities)

    def activity(self, row: int) -> Activity | None:
        activities = self.doc.plan.activities
        return activities[row] if 0 <= row < len(activities) else None

    def row_of(self, activity_id: str) -> int:
        return next((i for i, a in enumerate(self.doc.plan.activities) if a.id == activity_id), -1)

    def select_in(self, view: QAbstractItemView, activity_id: str) -> bool:
        """Make ``activity_id`` the current row of ``view``; False if the plan has no such activity."""
        row = self.row_of(activity_id)
        if row < 0:
            return False
        view.selectionModel().setCurrentIndex(self.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return True

    def current_in(self, view: QAbstractItemView) -> Activity | None:
        """The activity at ``view``'s current row, if any."""
        index = view.currentIndex()
        return self.activity(index.row()) if index.isValid() else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        activity = self.activity(index.row()) if index.isValid() else None
        if activity is None:
            return None
        title = activity.title or "(untitled activity)"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if not self.totals:
                return title
            split = self.doc.budget.by_activity.get(activity.id)
            amount = format_money(split.total if split else 0, self.doc.plan.currency)
            return f"{title}\n{amount}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(title)
        if role == self.ACTIVITY_ROLE:
            return activity
        return None


class SummaryModel(QAbstractTableModel):
    """A read-only two-column table of (what, amount) rows, e.g. totals by category."""

    def __init__(self, headers: tuple[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.rows: list[tuple[str, str]] = []

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        if rows == self.rows:
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
