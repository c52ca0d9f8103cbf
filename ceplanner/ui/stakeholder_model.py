"""The stakeholder table: a model over ``doc.plan.groups`` and the delegates that edit it.

Every edit goes through :meth:`PlanDocument.set_value`, so it can be undone and is autosaved.
Input that cannot be right (an empty name, a power of 7) is refused and the reason is sent
through :attr:`StakeholderModel.problem` for the page to show in words.
"""

from __future__ import annotations

import html
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyleOptionViewItem,
    QWidget,
)

from ceplanner.core.limits import limits_of
from ceplanner.core.model import (
    Barrier,
    IAP2Level,
    Position,
    StakeholderCategory,
    StakeholderGroup,
    label,
)
from ceplanner.core.stakeholders import (  # noqa: F401 - re-exported for the grid
    HIGH_FROM,
    KEEP_INFORMED,
    KEEP_SATISFIED,
    MANAGE_CLOSELY,
    MONITOR,
    quadrant,
)
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.widgets import TextDelegate, fit_to_limits

Index = QModelIndex | QPersistentModelIndex
MAX_GROUP_SIZE = int(limits_of(StakeholderGroup, "size").maximum or 0)


def _scored(attr: str) -> str:
    """A score column's header with its range from the model: "Power (1-5)"."""
    bounds = limits_of(StakeholderGroup, attr)
    return f"{attr.capitalize()} ({bounds.minimum}-{bounds.maximum})"


def plain_tip(text: str) -> str:
    """Tooltip text shown exactly as typed (Qt would read "<b>" in a name as markup)."""
    return f"<qt>{html.escape(text).replace(chr(10), '<br>')}</qt>" if text else ""


# attribute, header, kind
COLUMNS: list[tuple[str, str, str]] = [
    ("name", "Name", "text"),
    ("category", "Category", "enum"),
    ("size", "Size", "size"),
    ("power", _scored("power"), "score"),
    ("interest", _scored("interest"), "score"),
    ("quadrant", "Quadrant", "derived"),
    ("position", "Position", "enum"),
    ("seldom_heard", "Seldom heard", "bool"),
    ("equity_notes", "Equity notes", "text"),
    ("barriers", "Barriers", "barriers"),
    ("access_needs", "Access needs", "text"),
    ("target_level", "Target IAP2 level", "enum"),
    ("notes", "Notes", "text"),
]
COLUMN = {attr: i for i, (attr, _, _) in enumerate(COLUMNS)}
ENUMS: dict[str, type[StrEnum]] = {
    "category": StakeholderCategory,
    "position": Position,
    "target_level": IAP2Level,
}
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()


def to_enum(enum: type[StrEnum], value: Any) -> StrEnum:
    """An enumeration member from itself, its stored value or the word users see."""
    if isinstance(value, enum):
        return value
    text = str(value).strip().casefold()
    for member in enum:
        if text in (member.value.casefold(), label(member).casefold(), member.name.casefold()):
            return member
    choices = ", ".join(label(m) for m in enum)
    raise ValueError(f"“{value}” is not one of: {choices}.")


def to_barriers(value: Any) -> list[Barrier]:
    """Barriers from a list, or from text such as "Language; Digital exclusion"."""
    items = value if isinstance(value, list | tuple) else str(value).replace(";", ",").split(",")
    result: list[Barrier] = []
    for item in items:
        if isinstance(item, str) and not item.strip():
            continue
        barrier = to_enum(Barrier, item)
        assert isinstance(barrier, Barrier)
        if barrier not in result:
            result.append(barrier)
    return result


def to_score(value: Any, attr: str) -> int:
    bounds, what = limits_of(StakeholderGroup, attr), attr.capitalize()
    low, high = bounds.minimum, bounds.maximum
    try:
        score = int(str(value).strip())
    except ValueError:
        raise ValueError(f"{what} is a whole number from {low} (low) to {high} (high), not “{value}”.") from None
    if bounds.problem(score):
        raise ValueError(f"{what} is scored from {low} (low) to {high} (high); {score} is outside that.")
    return score


def to_size(value: Any) -> int | None:
    text = "" if value is None else str(value).strip().replace(",", "")
    if not text:
        return None
    try:
        size = int(text)
    except ValueError:
        raise ValueError(f"Size is a number of people, for example 1,200, not “{value}”.") from None
    if size < 0:
        raise ValueError("Size cannot be negative.")
    if size > MAX_GROUP_SIZE:
        raise ValueError("That size is too large to be a real group; check for extra digits.")
    return size


def convert(attr: str, value: Any) -> Any:
    """The model value for ``attr`` from what a user typed or chose; ValueError says why not."""
    kind = COLUMNS[COLUMN[attr]][2]
    if attr == "name":
        name = str(value).strip()
        if not name:
            raise ValueError("A group needs a name, for example “Tenants in sheltered housing”.")
        return name
    if kind == "text":
        return str(value)
    if kind == "enum":
        return to_enum(ENUMS[attr], value)
    if kind == "score":
        return to_score(value, attr)
    if kind == "size":
        return to_size(value)
    if kind == "bool":
        if isinstance(value, str):
            return value.strip().casefold() in ("yes", "y", "true", "1", "x")
        return bool(value)
    if kind == "barriers":
        return to_barriers(value)
    raise ValueError(f"{COLUMNS[COLUMN[attr]][1]} is worked out for you and cannot be typed.")


# The columns a pasted spreadsheet row fills, in order (the quadrant is worked out, not pasted).
PASTE_COLUMNS = [attr for attr, _, kind in COLUMNS if kind != "derived"]


def groups_from_tsv(text: str) -> tuple[list[StakeholderGroup], list[str]]:
    """Groups from tab-separated rows (name, category, size, power, interest, ...).

    Returns the good groups and, for each bad row, a problem in words naming the row. A first
    row whose first cell is "Name" is taken as a header and skipped.
    """
    groups: list[StakeholderGroup] = []
    problems: list[str] = []
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    if lines and lines[0].split("\t")[0].strip().casefold() == "name":
        lines = lines[1:]
    for number, line in enumerate(lines, start=1):
        cells = line.split("\t")
        group = StakeholderGroup()
        bad: list[str] = []
        if len(cells) > len(PASTE_COLUMNS):
            bad.append(f"it has {len(cells)} cells but at most {len(PASTE_COLUMNS)} are used")
        for attr, cell in zip(PASTE_COLUMNS, cells, strict=False):
            if not cell.strip() and attr != "name":
                continue
            try:
                setattr(group, attr, convert(attr, cell.strip()))
            except ValueError as exc:
                bad.append(str(exc))
        if not cells or not cells[0].strip():
            bad = [msg for msg in bad if not msg.startswith("A group needs")]
            bad.insert(0, "the first cell must be the group's name")
        if bad:
            problems.append(f"Row {number}: " + "; ".join(bad))
        else:
            groups.append(group)
    return groups, problems


class StakeholderModel(QAbstractTableModel):
    """One row per stakeholder group, one column per field (plus the derived quadrant)."""

    problem = Signal(str)
    """A refused edit's reason in words, or "" after a good edit."""

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._ids = [g.id for g in doc.plan.groups]
        doc.changed.connect(self._on_changed)

    @property
    def groups(self) -> list[StakeholderGroup]:
        return self.doc.plan.groups

    def group(self, row: int) -> StakeholderGroup | None:
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def row_of(self, group_id: str) -> int:
        return next((i for i, g in enumerate(self.groups) if g.id == group_id), -1)

    def _on_changed(self, obj: Any) -> None:
        ids = [g.id for g in self.groups]
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
        elif ids:
            row = self.row_of(obj.id) if isinstance(obj, StakeholderGroup) else -1
            first, last = (row, row) if row >= 0 else (0, len(ids) - 1)
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid() or self.doc.readonly:
            return base
        kind = COLUMNS[index.column()][2]
        if kind == "derived":
            return base
        if kind == "bool":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        group = self.group(index.row()) if index.isValid() else None
        if group is None:
            return None
        attr, header, kind = COLUMNS[index.column()]
        if role == GROUP_ROLE:
            return group
        value = quadrant(group) if kind == "derived" else getattr(group, attr)
        if role == Qt.ItemDataRole.CheckStateRole and kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return None if kind == "bool" else self.display(attr, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(("Yes" if value else "No") if kind == "bool" else self.display(attr, value))
        if role == Qt.ItemDataRole.EditRole:
            return self.display(attr, value) if kind == "size" else value
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{header}: {self.display(attr, value) or 'none'}"
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in ("size", "score"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def display(attr: str, value: Any) -> str:
        if isinstance(value, StrEnum):
            return label(value)
        if attr == "barriers":
            return ", ".join(label(b) for b in value)
        if attr == "size":
            return "" if value is None else f"{value:,}"
        return str(value)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        group = self.group(index.row()) if index.isValid() else None
        if group is None or self.doc.readonly:
            return False
        attr, header, kind = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and kind == "bool":
            value = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        elif role != Qt.ItemDataRole.EditRole:
            return False
        try:
            new = convert(attr, value)
        except ValueError as exc:
            self.problem.emit(f"{group.name or 'This group'}: {exc}")
            return False
        self.problem.emit("")
        self.doc.set_value(group, attr, new, f"Change {header.lower()} of {group.name}")
        return True


class StakeholderDelegate(TextDelegate):
    """Combo boxes for choices, spin boxes for scores, a check list for barriers."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        attr, header, kind = COLUMNS[index.column()]
        editor: QWidget
        if kind == "enum":
            combo = QComboBox(parent)
            for member in ENUMS[attr]:
                combo.addItem(label(member), member)
            editor = combo
        elif kind == "score":
            spin = QSpinBox(parent)
            fit_to_limits(spin, StakeholderGroup, attr)
            editor = spin
        elif kind == "barriers":
            checks = QListWidget(parent)
            for barrier in Barrier:
                item = QListWidgetItem(label(barrier), checks)
                item.setData(Qt.ItemDataRole.UserRole, barrier)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            editor = checks
        else:
            editor = super().createEditor(parent, option, index)
        editor.setObjectName(f"stakeholder_editor_{attr}")
        editor.setAccessibleName(header)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
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
            rect.setHeight(editor.sizeHintForRow(0) * len(Barrier) + 6)
            rect.setWidth(max(rect.width(), editor.sizeHintForColumn(0) + 30))
            editor.setGeometry(rect)
        else:
            super().updateEditorGeometry(editor, option, index)


def setup_view(view: QAbstractItemView) -> None:
    """Editing triggers users expect in a spreadsheet-like table."""
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.SelectedClicked
    )


def name_table(view: QAbstractItemView, object_name: str, accessible: str, tip: str = "") -> None:
    """Name a table or tree and its headers and corner button, for tests and screen readers."""
    view.setObjectName(object_name)
    view.setAccessibleName(accessible)
    if tip:
        view.setToolTip(tip)
        view.setAccessibleDescription(tip)
    for header, what in (
        (getattr(view, "horizontalHeader", None), "columns"),
        (getattr(view, "verticalHeader", None), "rows"),
    ):
        if header is not None:
            header().setObjectName(f"{object_name}_{what}")
            header().setAccessibleName(f"{accessible}: {what}")
    if hasattr(view, "header"):
        view.header().setObjectName(f"{object_name}_columns")
        view.header().setAccessibleName(f"{accessible}: columns")
    corner = view.findChild(QAbstractButton, "qt_tableview_cornerbutton")
    if corner is not None:
        corner.setAccessibleName(f"Select all in {accessible.lower()}")
