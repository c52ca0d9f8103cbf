"""The Evaluation step's "National Standards" tab: seven rows, one per standard, each with the
plan's own rating (1 to 6), evidence and actions beside what the plan already shows."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ceplanner.core.measures import Measure
from ceplanner.core.model import NationalStandard, StandardRating, label
from ceplanner.core.standards import measures_text, standard_aim, standard_evidence
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.vfm_fields import rating_text, to_rating
from ceplanner.ui.table_model import Column, ColumnDelegate, ColumnTableModel, Index
from ceplanner.ui.widgets import name_table, problem_label, setup_view, show_problem


class StandardsModel(ColumnTableModel):
    """Always seven rows, in the standards' order; a standard the plan has not rated yet is shown
    blank and added to the plan by its first edit."""

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        self._blank: dict[NationalStandard, StandardRating] = {}
        self._evidence: dict[NationalStandard, list[Measure]] | None = None
        columns = [
            Column(
                "standard",
                QT_TRANSLATE_NOOP("Column", "Standard"),
                "derived",
                derive=lambda r: label(r.standard),
            ),
            Column(
                "rating",
                QT_TRANSLATE_NOOP("Column", "Rating (1-6)"),
                parse=to_rating,
                show=rating_text,
                edit=rating_text,
                right=True,
                tip=QT_TRANSLATE_NOOP(
                    "Column", "1 (poor) to 6 (excellent); clear the cell to leave it unrated."
                ),
            ),
            Column("evidence", QT_TRANSLATE_NOOP("Column", "Evidence"), parse=lambda v: str(v).strip()),
            Column("actions", QT_TRANSLATE_NOOP("Column", "Actions"), parse=lambda v: str(v).strip()),
            Column(
                "shows", QT_TRANSLATE_NOOP("Column", "What the plan shows"), "derived", derive=self._shows
            ),
        ]
        super().__init__(doc, columns, parent)

    def _shows(self, rating: StandardRating) -> str:
        if self._evidence is None:  # worked out once per edit, not once per cell painted
            self._evidence = standard_evidence(self.doc.plan, self.doc.budget)
        return measures_text(self._evidence[rating.standard])

    def _edited(self, obj: Any, attr: str) -> None:
        self._evidence = None
        super()._edited(obj, attr)

    def reload(self) -> None:
        self._evidence = None
        super().reload()

    def rows(self) -> list[StandardRating]:
        by_standard = {r.standard: r for r in self.doc.plan.standards}
        found = []
        for standard in NationalStandard:
            if standard in by_standard:
                found.append(by_standard[standard])
            else:
                found.append(self._blank.setdefault(standard, StandardRating(standard=standard)))
        return found

    def affects_every_row(self, obj: Any, attr: str) -> bool:
        return True  # "what the plan shows" follows groups, activities, costs and objectives

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 0:
            rating = self.object(index.row())
            return standard_aim(rating.standard) if rating is not None else None
        return super().data(index, role)

    def apply(self, obj: Any, column: Column, value: Any) -> None:
        if any(r is obj for r in self.doc.plan.standards):
            self.doc.set_value(obj, column.attr, value)
            return
        added = copy.copy(obj)
        setattr(added, column.attr, value)
        order = list(NationalStandard)
        items = sorted([*self.doc.plan.standards, added], key=lambda r: order.index(r.standard))
        self.doc.replace_list(
            self.doc.plan,
            "standards",
            items,
            self.tr("Rate the {label} standard").format(label=label(obj.standard)),
        )

    def problem_text(self, row: int, obj: Any, column: Column, reason: str) -> str:
        return self.tr("{standard}, {column}: {reason}").format(
            standard=label(obj.standard), column=column.title.lower(), reason=reason
        )


class StandardsPanel(QWidget):
    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Rate the plan against the seven National Standards for Community Engagement, from 1 (poor) "
                "to 6 (excellent), with the evidence and the actions that would raise the rating. The last "
                "column shows what the plan itself already proves."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = StandardsModel(doc, self)
        self.table = QTableView()
        name_table(
            self.table,
            "standards",
            self.tr("National Standards review"),
            self.tr("Double-click a cell to edit it."),
        )
        self.table.setModel(self.model)
        self.table.setItemDelegate(ColumnDelegate(self.model.columns, "standards", self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        setup_view(self.table)
        intro.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        self.problem = problem_label("standards_problem")
        self.model.problem.connect(lambda text: show_problem(self.problem, text))
        layout.addWidget(self.problem)

    def refresh(self) -> None:
        pass  # the model follows the document itself
