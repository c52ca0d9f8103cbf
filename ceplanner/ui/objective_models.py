"""Models for the objectives page: objectives under their outcome level, and their indicators."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from ceplanner.core.model import Indicator, Objective, OutcomeLevel, label
from ceplanner.ui.cost_model import position
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.table_model import Column, ColumnTableModel, plain_tip

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
LEVELS = list(OutcomeLevel)
LEVEL_HELP = {
    OutcomeLevel.INDIVIDUAL: QT_TRANSLATE_NOOP(
        "ObjectiveModels", "Changes for the people taking part: confidence, skills, being heard."
    ),
    OutcomeLevel.SERVICE: QT_TRANSLATE_NOOP(
        "ObjectiveModels", "Changes to a service: better designed, more used, fairer."
    ),
    OutcomeLevel.STRATEGIC: QT_TRANSLATE_NOOP(
        "ObjectiveModels", "Changes to decisions, policy and how the organisation works."
    ),
}
INDICATOR_COLUMNS = [
    ("measure", QT_TRANSLATE_NOOP("Column", "Measure")),
    ("baseline", QT_TRANSLATE_NOOP("Column", "Baseline")),
    ("target", QT_TRANSLATE_NOOP("Column", "Target")),
    ("evidence_source", QT_TRANSLATE_NOOP("Column", "Evidence source")),
    ("collection", QT_TRANSLATE_NOOP("Column", "Collected how, when")),
    ("analysed_by", QT_TRANSLATE_NOOP("Column", "Who analyses")),
]
INDICATOR_TIPS = {
    "measure": QT_TRANSLATE_NOOP(
        "Column", "What you will count or ask, for example “tenants who say they were listened to”."
    ),
    "baseline": QT_TRANSLATE_NOOP("Column", "Where it stands now (or “not measured yet”)."),
    "target": QT_TRANSLATE_NOOP("Column", "What you aim for, and by when."),
    "evidence_source": QT_TRANSLATE_NOOP(
        "Column", "Where the evidence comes from: a survey, records, interviews."
    ),
    "collection": QT_TRANSLATE_NOOP("Column", "How and when the evidence is collected."),
    "analysed_by": QT_TRANSLATE_NOOP("Column", "Who analyses it, ideally with people who took part."),
}


class ObjectiveTree(QAbstractItemModel):
    """Three headings (individual, service, strategic), each with its objectives beneath."""

    OBJECTIVE_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(parent)
        self.doc = doc

    def at_level(self, level: OutcomeLevel) -> list[Objective]:
        return [o for o in self.doc.plan.objectives if o.level == level]

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, 0 if not parent.isValid() else parent.row() + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(LEVELS)
        if parent.internalId() == 0:
            return len(self.at_level(LEVELS[parent.row()]))
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 1

    def objective(self, index: Index) -> Objective | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        items = self.at_level(LEVELS[index.internalId() - 1])
        return items[index.row()] if index.row() < len(items) else None

    def index_of(self, objective: Objective) -> QModelIndex:
        level_row = LEVELS.index(OutcomeLevel(objective.level))
        return self.index(position(self.at_level(objective.level), objective), 0, self.index(level_row, 0))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        objective = self.objective(index)
        if objective is None:
            level = LEVELS[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self.tr("{level} outcomes ({count})").format(
                    level=label(level), count=len(self.at_level(level))
                )
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("ObjectiveModels", LEVEL_HELP[level])
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return objective.title or self.tr("(untitled objective)")
        if role == Qt.ItemDataRole.ToolTipRole:
            count = len(objective.indicators)
            indicators = self.tr("{count} indicator") if count == 1 else self.tr("{count} indicators")
            return plain_tip(f"{objective.title}\n{indicators.format(count=count)}")
        if role == self.OBJECTIVE_ROLE:
            return objective
        return None

    def reload(self) -> None:
        self.beginResetModel()
        self.endResetModel()


INDICATOR_SPEC = [
    Column(attr, header, parse=lambda v: str(v).strip(), tip=INDICATOR_TIPS[attr])
    for attr, header in INDICATOR_COLUMNS
]


class IndicatorModel(ColumnTableModel):
    """The indicators of one objective; every cell is free text."""

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        self.objective: Objective | None = None
        super().__init__(doc, INDICATOR_SPEC, parent)

    def rows(self) -> list[Indicator]:
        return self.objective.indicators if self.objective is not None else []

    @property
    def indicators(self) -> list[Indicator]:
        return self.rows()

    def set_objective(self, objective: Objective | None) -> None:
        self.objective = objective
        self.reload()

    def refresh(self) -> None:
        """Follow the objective's indicators (rows come and go with the objective's edits)."""
        self._edited(self.objective, "indicators")
