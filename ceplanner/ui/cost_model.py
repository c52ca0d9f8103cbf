"""Table models for the costs page: an activity's cost lines, the activity list and summaries.

Money is typed as people type it ("1,250.50", "£300") and read with :func:`parse_money`;
anything that cannot be a cost is refused and the reason sent through ``problem``. Every
edit goes through the document so it can be undone and is autosaved.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView

from ceplanner.core.costing import affects_budget, line_total
from ceplanner.core.limits import limits_of
from ceplanner.core.model import Activity, CostCategory, CostLine, Scaling, Unit, label
from ceplanner.core.money import (
    format_money,
    format_quantity,
    parse_money,
    parse_quantity,
    to_major_text,
)
from ceplanner.core.sources import source_after_amount_change
from ceplanner.core.team import member_label
from ceplanner.ui import wording
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.staff_rates import set_with_rates
from ceplanner.ui.table_model import Column, ColumnDelegate, ColumnTableModel, plain_tip

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def holds(items: list[Any], obj: Any) -> bool:
    """Whether ``obj`` itself (not an equal copy, as after restoring a snapshot) is in ``items``."""
    return any(item is obj for item in items)


def position(items: list[Any], obj: Any) -> int:
    """The index of ``obj`` itself in ``items``, or -1."""
    return next((i for i, item in enumerate(items) if item is obj), -1)


def to_enum_member(enum: type[StrEnum], value: Any) -> StrEnum:
    if isinstance(value, enum):
        return value
    text = str(value).strip().casefold()
    for member in enum:
        if text in (member.value, label(member).casefold()):
            return member
    raise ValueError(
        QCoreApplication.translate("CostModel", "“{value}” is not one of: {choices}.").format(
            value=value, choices=", ".join(label(m) for m in enum)
        )
    )


def line_columns(doc: PlanDocument) -> list[Column]:
    """The cost table's columns; money is read and shown in the plan's currency."""

    def money_in(value: Any) -> int:
        return parse_money(str(value), doc.plan.currency, bounds=limits_of(CostLine, "unit_cost"))

    def quantity_in(value: Any) -> Any:
        return parse_quantity(str(value), limits_of(CostLine, "quantity"))

    def money_out(amount: int) -> str:
        return format_money(amount, doc.plan.currency)

    return [
        Column(
            "category",
            QT_TRANSLATE_NOOP("Column", "Category"),
            "choice",
            lambda v: to_enum_member(CostCategory, v),
            choices=CostCategory,
        ),
        Column("description", QT_TRANSLATE_NOOP("Column", "Description"), parse=lambda v: str(v).strip()),
        Column(
            "quantity",
            QT_TRANSLATE_NOOP("Column", "Quantity"),
            "quantity",
            quantity_in,
            show=format_quantity,
            edit=format_quantity,
            right=True,
        ),
        Column(
            "unit",
            QT_TRANSLATE_NOOP("Column", "Unit"),
            "choice",
            lambda v: to_enum_member(Unit, v),
            choices=Unit,
        ),
        Column(
            "unit_cost",
            QT_TRANSLATE_NOOP("Column", "Unit cost"),
            "money",
            money_in,
            show=money_out,
            edit=lambda amount: to_major_text(amount, doc.plan.currency),
            right=True,
        ),
        Column(
            "total",
            QT_TRANSLATE_NOOP("Column", "Line total"),
            "derived",
            derive=line_total,
            show=money_out,
            right=True,
        ),
        Column(
            "in_kind",
            QT_TRANSLATE_NOOP("Column", "In kind"),
            "bool",
            bool,
            tip=QT_TRANSLATE_NOOP("Column", "Contributed, not paid for"),
        ),
        Column(
            "scaling",
            QT_TRANSLATE_NOOP("Column", "Scales with"),
            "choice",
            lambda v: to_enum_member(Scaling, v),
            choices=Scaling,
            tip=QT_TRANSLATE_NOOP(
                "Column",
                "Whether the quantity follows the activity's sessions, participants or attendances, or is fixed",
            ),
        ),
        Column("funder", QT_TRANSLATE_NOOP("Column", "Funder"), parse=lambda v: str(v).strip()),
        Column(
            "staff_id",
            QT_TRANSLATE_NOOP("Column", "Whose time"),
            "option",
            lambda v: member_in(doc, v),
            show=lambda member_id: member_name(doc, member_id),
            options=lambda: [
                (QCoreApplication.translate("CostModel", NOBODY), None),
                *((member_label(m), m.id) for m in doc.plan.team),
            ],
            tip=QT_TRANSLATE_NOOP(
                "Column",
                "For staff time: the team member whose time it is; their day rate then sets the unit cost",
            ),
        ),
        Column("source", QT_TRANSLATE_NOOP("Column", "Source of estimate"), parse=lambda v: str(v).strip()),
    ]


NOBODY = QT_TRANSLATE_NOOP("CostModel", "Not a named person")


def member_name(doc: PlanDocument, member_id: str | None) -> str:
    found = next((m for m in doc.plan.team if m.id == member_id), None)
    return "" if found is None else member_label(found)


def member_in(doc: PlanDocument, value: Any) -> str | None:
    """A team member's id from a choice (their id) or typed words (their name); None for nobody."""
    if value is None or str(value).strip() in ("", NOBODY, QCoreApplication.translate("CostModel", NOBODY)):
        return None
    for member in doc.plan.team:
        if value == member.id or str(value).strip().casefold() in (
            member.name.strip().casefold(),
            member_label(member).casefold(),
        ):
            return member.id
    raise ValueError(
        QCoreApplication.translate(
            "CostModel", "nobody in the team is called “{name}”; add them on the Delivery step."
        ).format(name=str(value).strip())
    )


LINE_ATTRS = [
    "category",
    "description",
    "quantity",
    "unit",
    "unit_cost",
    "total",
    "in_kind",
    "scaling",
    "funder",
    "staff_id",
    "source",
]
"""The key figures first, so that they show without scrolling sideways on a laptop."""
LINE_FORM = ["scaling", "in_kind", "funder", "staff_id", "source"]
"""The selected line's fields shown in full beneath the table."""
LINE_COLUMN = {attr: i for i, attr in enumerate(LINE_ATTRS)}


class CostLineModel(ColumnTableModel):
    """The cost lines of one activity (none shown until :meth:`set_activity`)."""

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        self.activity: Activity | None = None
        super().__init__(doc, line_columns(doc), parent)
        assert [c.attr for c in self.columns] == LINE_ATTRS

    def rows(self) -> list[CostLine]:
        return self.activity.cost_lines if self.activity is not None else []

    @property
    def lines(self) -> list[CostLine]:
        return self.rows()

    def line(self, row: int) -> CostLine | None:
        found = self.object(row)
        return found if isinstance(found, CostLine) else None

    def set_activity(self, activity: Activity | None) -> None:
        self.activity = activity
        self.reload()

    def _edited(self, obj: Any, attr: str) -> None:
        if self.activity is not None and not holds(self.doc.plan.activities, self.activity):
            self.set_activity(None)  # its activity was deleted, or a snapshot restored
            return
        super()._edited(obj, attr)

    def affects_every_row(self, obj: Any, attr: str) -> bool:
        return obj is self.doc.plan and attr in ("currency", "staff_day_rate", "")

    def problem_text(self, row: int, obj: Any, column: Column, reason: str) -> str:
        return self.tr("{column}, line {row}: {reason}").format(
            column=column.title, row=row + 1, reason=reason
        )

    def apply(self, obj: Any, column: Column, value: Any) -> None:
        """A new amount takes the library's source with it: both change as one undo step."""
        attr = column.attr
        if column.kind in ("money", "quantity"):
            unit_cost = value if attr == "unit_cost" else obj.unit_cost
            quantity = value if attr == "quantity" else obj.quantity
            source = source_after_amount_change(obj, unit_cost, quantity, self.doc.plan.currency)
            if source != obj.source:
                self.doc.begin_macro(wording.change_text(obj, attr))
                self.doc.set_value(obj, attr, value)
                self.doc.set_value(obj, "source", source)
                self.doc.end_macro()
                return
        set_with_rates(self.doc, obj, attr, value)


def CostLineDelegate(model: CostLineModel, parent: Any = None) -> ColumnDelegate:
    """The cost table's editors."""
    return ColumnDelegate(model.columns, "cost", parent)


class ActivityListModel(QAbstractListModel):
    """The plan's activities by title, with each one's total from ``doc.budget``."""

    ACTIVITY_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, doc: PlanDocument, parent: Any = None, *, totals: bool = True) -> None:
        super().__init__(parent)
        self.doc = doc
        self.totals = totals
        self._seen = [id(a) for a in doc.plan.activities]
        doc.edited.connect(self._edited)

    def _edited(self, obj: Any, attr: str) -> None:
        """A reset when the activities themselves changed; a repaint of the rows an edit shows."""
        seen = [id(a) for a in self.doc.plan.activities]
        if seen != self._seen:
            self.beginResetModel()
            self._seen = seen
            self.endResetModel()
        elif self.totals and seen and affects_budget(obj, attr):
            self.dataChanged.emit(self.index(0), self.index(len(seen) - 1))
        elif isinstance(obj, Activity) and attr == "title":
            row = position(self.doc.plan.activities, obj)
            if row >= 0:
                self.dataChanged.emit(self.index(row), self.index(row))

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
        view.selectionModel().setCurrentIndex(
            self.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        return True

    def current_in(self, view: QAbstractItemView) -> Activity | None:
        """The activity at ``view``'s current row, if any."""
        index = view.currentIndex()
        return self.activity(index.row()) if index.isValid() else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        activity = self.activity(index.row()) if index.isValid() else None
        if activity is None:
            return None
        title = activity.title or self.tr("(untitled activity)")
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
