"""Shared pieces of the delivery record's panels: a table over one list and its Add/Delete buttons.

Every edit goes through the document (one undo step each); the table's cells edit through the
shared column delegate, so they check and refuse input as every other table does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ceplanner.core.dates import date_text, parse_date_text
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.table_model import Column, ColumnDelegate, ColumnTableModel
from ceplanner.ui.widgets import name_table, setup_view


def parse_date(value: Any) -> date | None:
    """A date cell's value: a date as it is, typed text as core.dates reads it (None if blank)."""
    if value is None or isinstance(value, date):
        return value
    return parse_date_text(str(value))


def date_column(attr: str, header: str, tip: str) -> Column:
    return Column(attr, header, "date", parse_date, show=date_text, edit=date_text, tip=tip)


def stripped(value: Any) -> str:
    return str(value).strip()


UNTITLED = QT_TRANSLATE_NOOP("DeliveredPanels", "(untitled)")


def untitled() -> str:
    return QCoreApplication.translate("DeliveredPanels", UNTITLED)


class ListModel(ColumnTableModel):
    """One row per item of the list ``items()`` returns (``apply`` may be replaced)."""

    def __init__(
        self,
        doc: PlanDocument,
        columns: list[Column],
        items: Callable[[], list[Any]],
        apply: Callable[[Any, Column, Any], None] | None = None,
        parent: Any = None,
    ) -> None:
        self._items = items
        self._apply = apply
        super().__init__(doc, columns, parent)

    def rows(self) -> list[Any]:
        return self._items()

    def apply(self, obj: Any, column: Column, value: Any) -> None:
        if self._apply is not None:
            self._apply(obj, column, value)
        else:
            super().apply(obj, column, value)

    def affects_every_row(self, obj: Any, attr: str) -> bool:
        """Option and derived columns show other items' names (a theme's title, a group's name),
        so an edit of anything outside the rows may change what they show."""
        return obj is self.doc.plan or not any(obj is row for row in self.rows())


def list_view(model: ListModel, key: str, heading: str, widths: dict[str, int]) -> QTableView:
    """A table over ``model``: rows selected whole, short columns fixed, text columns sharing the rest."""
    table = QTableView()
    table.setModel(model)
    name_table(
        table,
        f"{key}_table",
        heading,
        QCoreApplication.translate("DeliveredPanels", "One row each; double-click a cell to edit it."),
    )
    table.setItemDelegate(ColumnDelegate(model.columns, key, table))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    setup_view(table)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setMinimumSectionSize(40)
    for i, column in enumerate(model.columns):
        if column.attr in widths:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(i, widths[column.attr])
        else:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
    return table


def selected_row(table: QTableView) -> int:
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    return rows[0] if rows else -1
