"""The Evaluation step's "Influence" tab: two-axis influence self-assessments in the spirit of
the echo (agency openness) and Voice (community influence) frameworks."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ceplanner.core.dates import date_text as shown_date
from ceplanner.core.model import InfluenceAssessment
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.vfm_fields import date_text, rating_text, to_date, to_rating
from ceplanner.ui.row_actions import RowActions, duplicated, without
from ceplanner.ui.table_model import Column, ColumnDelegate, ColumnTableModel
from ceplanner.ui.widgets import name_table, problem_label, setup_view, show_problem


def _text(value: Any) -> str:
    return str(value).strip()


INFLUENCE_COLUMNS = [
    Column(
        "assessed_on",
        QT_TRANSLATE_NOOP("Column", "Date"),
        parse=to_date,
        show=shown_date,
        edit=date_text,
        tip=QT_TRANSLATE_NOOP("Column", "Year-month-day, for example 2027-01-14."),
    ),
    Column("who_took_part", QT_TRANSLATE_NOOP("Column", "Who took part"), parse=_text),
    Column(
        "agency_openness",
        QT_TRANSLATE_NOOP("Column", "Agency openness"),
        parse=to_rating,
        show=rating_text,
        edit=rating_text,
        right=True,
        tip=QT_TRANSLATE_NOOP(
            "Column",
            "1 to 6: how open and able to respond to community influence the organisation is (echo).",
        ),
    ),
    Column(
        "community_influence",
        QT_TRANSLATE_NOOP("Column", "Community influence"),
        parse=to_rating,
        show=rating_text,
        edit=rating_text,
        right=True,
        tip=QT_TRANSLATE_NOOP(
            "Column", "1 to 6: how able to influence, and how influential, the community feels (Voice)."
        ),
    ),
    Column("notes", QT_TRANSLATE_NOOP("Column", "Notes"), parse=_text),
    Column("actions", QT_TRANSLATE_NOOP("Column", "Actions"), parse=_text),
]


class InfluenceModel(ColumnTableModel):
    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(doc, INFLUENCE_COLUMNS, parent)

    def rows(self) -> list[InfluenceAssessment]:
        return self.doc.plan.influence

    def problem_text(self, row: int, obj: Any, column: Column, reason: str) -> str:
        return self.tr("Assessment {row}, {column}: {reason}").format(
            row=row + 1, column=column.title, reason=reason
        )


class InfluencePanel(QWidget):
    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Optional: with community members, score how open the organisation is to their influence "
                "and how much influence they feel they have, each from 1 to 6, and agree actions. Repeat "
                "it during delivery to see whether the gap closes."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = InfluenceModel(doc, self)
        self.table = QTableView()
        name_table(
            self.table,
            "influence",
            self.tr("Influence self-assessments"),
            self.tr("Double-click a cell to edit it."),
        )
        self.table.setModel(self.model)
        self.table.setItemDelegate(ColumnDelegate(self.model.columns, "influence", self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        setup_view(self.table)
        intro.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        self.problem = problem_label("influence_problem")
        self.model.problem.connect(lambda text: show_problem(self.problem, text))
        layout.addWidget(self.problem)
        self.actions = RowActions(
            self.table,
            {
                "add": (
                    self.tr("Add assessment"),
                    "influence_add",
                    self.tr("Add an influence self-assessment"),
                ),
                "duplicate": (
                    self.tr("Duplicate"),
                    "influence_duplicate",
                    self.tr("Copy the chosen assessments"),
                ),
                "delete": (self.tr("Delete"), "influence_delete", self.tr("Delete the chosen assessments")),
            },
            {"add": self.add, "duplicate": self.duplicate, "delete": self.delete},
        )
        layout.addLayout(self.actions.layout)

    def add(self) -> None:
        self.doc.append_item(
            self.doc.plan, "influence", InfluenceAssessment(), self.tr("Add an influence assessment")
        )
        index = self.model.index(len(self.doc.plan.influence) - 1, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def duplicate(self, rows: list[int]) -> None:
        items, _copies = duplicated(self.doc.plan.influence, rows)
        self.doc.replace_list(self.doc.plan, "influence", items, self.tr("Duplicate influence assessments"))

    def delete(self, rows: list[int]) -> None:
        items = without(self.doc.plan.influence, rows)
        self.doc.replace_list(self.doc.plan, "influence", items, self.tr("Delete influence assessments"))

    def refresh(self) -> None:
        self.actions.update(not self.doc.readonly)
