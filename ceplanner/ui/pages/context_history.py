"""The Context step's "History" tab: earlier engagement of this community on this subject, and
what is already known, so that nobody is asked the same thing twice."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ceplanner.core.model import PastEngagement
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.row_actions import RowActions, duplicated, without
from ceplanner.ui.table_model import Column, ColumnDelegate, ColumnTableModel
from ceplanner.ui.widgets import TextArea, name_table, name_widget, set_text_quietly, setup_view

PAST_COLUMNS = [
    Column(
        "when",
        QT_TRANSLATE_NOOP("Column", "When"),
        tip=QT_TRANSLATE_NOOP("Column", "When it happened, for example “Spring 2025”."),
    ),
    Column(
        "about",
        QT_TRANSLATE_NOOP("Column", "What about"),
        tip=QT_TRANSLATE_NOOP("Column", "What people were asked about."),
    ),
    Column(
        "heard",
        QT_TRANSLATE_NOOP("Column", "What was heard"),
        tip=QT_TRANSLATE_NOOP("Column", "What people said."),
    ),
    Column(
        "changed",
        QT_TRANSLATE_NOOP("Column", "What changed"),
        tip=QT_TRANSLATE_NOOP("Column", "What was done as a result (or that nothing was, and why)."),
    ),
]


class PastEngagementModel(ColumnTableModel):
    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(doc, PAST_COLUMNS, parent)

    def rows(self) -> list[PastEngagement]:
        return self.doc.plan.past_engagements


class HistoryPanel(QWidget):
    """Past engagements (a table) and what is already known (free text)."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Has this community been engaged on this before?"))
        layout.addWidget(heading)
        self.model = PastEngagementModel(doc, self)
        self.table = QTableView()
        name_table(
            self.table,
            "past_engagements",
            self.tr("Past engagements"),
            self.tr("Double-click a cell to edit it."),
        )
        self.table.setModel(self.model)
        self.table.setItemDelegate(ColumnDelegate(self.model.columns, "past", self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        setup_view(self.table)
        heading.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        self.actions = RowActions(
            self.table,
            {
                "add": (self.tr("Add"), "past_add", self.tr("Add an earlier engagement")),
                "duplicate": (self.tr("Duplicate"), "past_duplicate", self.tr("Copy the chosen rows")),
                "delete": (self.tr("Delete"), "past_delete", self.tr("Delete the chosen rows")),
            },
            {"add": self.add, "duplicate": self.duplicate, "delete": self.delete},
        )
        layout.addLayout(self.actions.layout)
        known = QLabel(self.tr("What is already known, and must not be asked again"))
        layout.addWidget(known)
        self.known = TextArea(lines=3)
        self.known.setPlaceholderText(self.tr("Findings of earlier surveys, complaints data, research."))
        name_widget(self.known, "plan_already_known", known.text())
        known.setBuddy(self.known)
        self.known.editingFinished.connect(self._known_edited)
        layout.addWidget(self.known)

    def add(self) -> None:
        self.doc.append_item(
            self.doc.plan, "past_engagements", PastEngagement(), self.tr("Add an earlier engagement")
        )
        index = self.model.index(len(self.doc.plan.past_engagements) - 1, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def duplicate(self, rows: list[int]) -> None:
        items, _copies = duplicated(self.doc.plan.past_engagements, rows)
        self.doc.replace_list(
            self.doc.plan, "past_engagements", items, self.tr("Duplicate earlier engagements")
        )

    def delete(self, rows: list[int]) -> None:
        items = without(self.doc.plan.past_engagements, rows)
        self.doc.replace_list(self.doc.plan, "past_engagements", items, self.tr("Delete earlier engagements"))

    def _known_edited(self) -> None:
        text = self.known.toPlainText().strip()
        if not self.doc.readonly and text != self.doc.plan.already_known:
            self.doc.set_value(self.doc.plan, "already_known", text)

    def refresh(self) -> None:
        set_text_quietly(self.known, self.doc.plan.already_known)
        self.known.setReadOnly(self.doc.readonly)
        self.actions.update(not self.doc.readonly)
