"""Step 3, objectives: what should change, at which outcome level, and how you will know."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.checks import open_checks
from ceplanner.core.model import Indicator, Objective, OutcomeLevel, StakeholderGroup, label
from ceplanner.ui.activity_editor import ChoiceModel
from ceplanner.ui.cost_model import holds
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.objective_models import (
    INDICATOR_COLUMNS,
    LEVEL_HELP,
    LEVELS,
    IndicatorModel,
    ObjectiveTree,
)
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.table_model import ColumnDelegate
from ceplanner.ui.widgets import (
    TextArea,
    add_row,
    blocked,
    name_table,
    name_widget,
    new_form,
    problem_label,
    set_text_quietly,
    setup_view,
    show_problem,
)
from ceplanner.ui.wording import object_words

__all__ = ["INDICATOR_COLUMNS", "ObjectivesPage"]


class ObjectivesPage(PlanPage):
    TITLE = QT_TRANSLATE_NOOP("ObjectivesPage", "Objectives and outcome levels")
    OBJECT_NAME = "page_objectives"
    STEP = "objectives"
    GUIDANCE = QT_TRANSLATE_NOOP(
        "ObjectivesPage",
        "Say what the engagement should change, and for whom. Each objective sits at an outcome "
        "level: individual (the people taking part gain something), service (a service changes) "
        "or strategic (decisions and policy change). Give each objective indicators: what you "
        "will measure, where it starts, what you aim for, and how you will collect the evidence.",
    )
    EXAMPLE = QT_TRANSLATE_NOOP(
        "ObjectivesPage",
        "Service level: “Reporting and tracking repairs works for everyone”, linked to disabled "
        "tenants and tenants whose first language is not English. Indicator: share of repairs "
        "reported right first time; baseline 62% (2025 audit); target 80%; evidence from the "
        "repairs system, pulled quarterly; analysed by the customer insight team.",
    )

    def concerns(self, obj: object, attr: str) -> bool:
        """Objectives, their indicators, and the groups they can be linked to (by name)."""
        if isinstance(obj, Objective | Indicator):
            return True
        if isinstance(obj, StakeholderGroup):
            return attr == "name"
        return obj is self.doc.plan and attr in ("objectives", "groups", "")

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.tree_model = ObjectiveTree(doc, self)
        self.tree = QTreeView()
        name_table(
            self.tree,
            "objectives_tree",
            self.tr("Objectives by outcome level"),
            self.tr("Choose an objective to edit."),
        )
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = self._button(
            self.tr("Add objective"), "objectives_add", self.tr("Add an objective at the chosen level")
        )
        self.delete_button = self._button(
            self.tr("Delete"), "objectives_delete", self.tr("Delete the objective (undo restores it)")
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        self.level_help = QLabel(
            self.tr("Outcome levels\n")
            + "\n".join(
                f"{label(lvl)}: {QCoreApplication.translate('ObjectiveModels', text)}"
                for lvl, text in LEVEL_HELP.items()
            )
        )
        self.level_help.setObjectName("objectives_level_help")
        self.level_help.setWordWrap(True)
        self.level_help.setTextFormat(Qt.TextFormat.PlainText)
        self.level_help.setFrameShape(QLabel.Shape.StyledPanel)
        self.level_help.setMargin(6)
        left_layout.addWidget(self.level_help)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        left_layout.addLayout(row)

        form = new_form()
        self.title_edit = QLineEdit()
        add_row(
            form,
            self.tr("Objective"),
            self.title_edit,
            "objective_title",
            self.tr("What should change, in a sentence."),
        )
        self.description = TextArea(lines=2)
        add_row(form, self.tr("Description"), self.description, "objective_description")
        self.level = QComboBox()
        for level in OutcomeLevel:
            self.level.addItem(label(level), level)
            self.level.setItemData(
                self.level.count() - 1,
                QCoreApplication.translate("ObjectiveModels", LEVEL_HELP[level]),
                Qt.ItemDataRole.ToolTipRole,
            )
        add_row(
            form,
            self.tr("Outcome level"),
            self.level,
            "objective_level",
            self.tr("Individual, service or strategic."),
        )
        self.groups = ChoiceModel(
            doc, lambda: self.doc.plan.groups, "group_ids", self.tr("linked groups"), self
        )
        self.group_list = QTreeView()
        self.group_list.setRootIsDecorated(False)
        self.group_list.setHeaderHidden(True)
        self.group_list.setUniformRowHeights(True)  # thousands of groups lay out at once
        self.group_list.setModel(self.groups)
        self.group_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        add_row(
            form,
            self.tr("Linked groups"),
            self.group_list,
            "objective_groups",
            self.tr("Whose outcome this is."),
        )
        self.indicator_model = IndicatorModel(doc, self)
        self.indicators = QTableView()
        name_table(
            self.indicators,
            "objective_indicators",
            self.tr("Indicators"),
            self.tr("Double-click a cell to edit it."),
        )
        self.indicators.setModel(self.indicator_model)
        self.indicators.setItemDelegate(
            ColumnDelegate(self.indicator_model.columns, "indicator", self.indicators)
        )
        self.indicators.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.indicators.setWordWrap(True)
        self.indicators.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.indicators.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        setup_view(self.indicators)
        self.add_indicator_button = self._button(
            self.tr("Add indicator"), "indicators_add", self.tr("Add a way to measure it")
        )
        self.delete_indicator_button = self._button(
            self.tr("Delete indicator"), "indicators_delete", self.tr("Delete the chosen rows")
        )
        self.problem = problem_label("objectives_problem")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        heading = QLabel(self.tr("Indicators: how you will know"))
        heading.setBuddy(self.indicators)
        right_layout.addWidget(heading)
        right_layout.addWidget(self.indicators, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_indicator_button)
        buttons.addWidget(self.delete_indicator_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.problem)
        self.editor = right

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("objectives_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([440, 820])
        self.body.addWidget(self.splitter, 1)

        self.objective: Objective | None = None
        self.tree.selectionModel().currentChanged.connect(self._chosen)
        self.add_button.clicked.connect(self.add_objective)
        self.delete_button.clicked.connect(self.delete_objective)
        self.add_indicator_button.clicked.connect(self.add_indicator)
        self.delete_indicator_button.clicked.connect(self.delete_indicators)
        self.title_edit.editingFinished.connect(self._title_done)
        self.description.editingFinished.connect(
            lambda: self._set("description", self.description.toPlainText())
        )
        self.level.currentIndexChanged.connect(self._level_chosen)
        order = [
            self.tree,
            self.add_button,
            self.delete_button,
            self.title_edit,
            self.description,
            self.level,
        ]
        order += [self.group_list, self.indicators, self.add_indicator_button, self.delete_indicator_button]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self._reload()

    def _button(self, text: str, object_name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        name_widget(button, object_name, text, tip)
        return button

    # -- showing ----------------------------------------------------------------------------

    def _reload(self) -> None:
        """Rebuild the tree, keeping the chosen objective (or choosing the first)."""
        objectives = self.doc.plan.objectives
        keep = next((o for o in objectives if self.objective and o.id == self.objective.id), None)
        self.tree_model.reload()
        self.tree.expandAll()
        keep = keep or (self.doc.plan.objectives[0] if self.doc.plan.objectives else None)
        self.select_objective(keep)

    def select_item(self, item_id: str) -> bool:
        objective = next((o for o in self.doc.plan.objectives if o.id == item_id), None)
        if objective is None:
            return False
        self.select_objective(objective)
        return True

    def select_objective(self, objective: Objective | None) -> None:
        if objective is not None:
            self.tree.selectionModel().setCurrentIndex(
                self.tree_model.index_of(objective), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._show(objective)

    def _chosen(self, index: QModelIndex) -> None:
        self._show(self.tree_model.objective(index))

    def _show(self, objective: Objective | None) -> None:
        if objective is not self.objective or objective is not self.indicator_model.objective:
            self.objective = objective
            self.indicator_model.set_objective(objective)
            self.groups.set_target(objective)
        self.refresh_editor()

    def refresh(self) -> None:
        structure = [(o.id, o.level, o.title, len(o.indicators)) for o in self.doc.plan.objectives]
        replaced = self.objective is not None and not holds(self.doc.plan.objectives, self.objective)
        if replaced or structure != getattr(self, "_structure", None):
            self._structure = structure
            self._reload()
        else:
            self.refresh_editor()

    def refresh_editor(self) -> None:
        objective = self.objective
        writable = not self.doc.readonly
        for widget in (self.title_edit, self.description, self.level, self.group_list, self.indicators):
            widget.setEnabled(objective is not None)
        self.title_edit.setReadOnly(not writable)
        self.description.setReadOnly(not writable)
        self.level.setEnabled(objective is not None and writable)
        self.add_indicator_button.setEnabled(objective is not None and writable)
        self.delete_indicator_button.setEnabled(objective is not None and writable)
        self.delete_button.setEnabled(objective is not None and writable)
        self.add_button.setEnabled(writable)
        with blocked(self.title_edit, self.description, self.level):
            if objective is None:
                set_text_quietly(self.title_edit, "")
                set_text_quietly(self.description, "")
            else:
                if not self.title_edit.hasFocus():
                    set_text_quietly(self.title_edit, objective.title)
                if not self.description.hasFocus():
                    set_text_quietly(self.description, objective.description)
                self.level.setCurrentIndex(max(self.level.findData(objective.level), 0))
        self.groups.refresh()
        self.indicator_model.refresh()
        show_problem(self.problem, " ".join(self.problems()) if self.doc.plan.objectives else "")

    def problems(self) -> list[str]:
        """Only the objectives' own problems: "no objectives yet" is said by the empty list."""
        return [
            c.message
            for c in open_checks(self.doc.plan, self.doc.budget)
            if c.step == self.STEP and c.item_id
        ]

    # -- edits ------------------------------------------------------------------------------

    def _set(self, attr: str, value: Any) -> None:
        if self.objective is not None and not self.doc.readonly:
            self.doc.set_value(self.objective, attr, value)

    def _title_done(self) -> None:
        if self.objective is None:
            return
        title = self.title_edit.text().strip()
        if not title:
            show_problem(
                self.problem,
                self.tr("An objective needs a title, for example “Repairs are easier to report”."),
            )
            self.title_edit.setText(self.objective.title)
            return
        self._set("title", title)

    def _level_chosen(self) -> None:
        if self.objective is not None:
            self._set("level", OutcomeLevel(self.level.currentData()))

    def _chosen_level(self) -> OutcomeLevel:
        index = self.tree.currentIndex()
        if index.isValid() and index.internalId() == 0:
            return LEVELS[index.row()]
        return OutcomeLevel(self.objective.level) if self.objective else OutcomeLevel.SERVICE

    def add_objective(self) -> None:
        objective = Objective(title=self.tr("New objective"), level=self._chosen_level())
        self.doc.append_item(self.doc.plan, "objectives", objective, self.tr("Add an objective"))
        self.select_objective(objective)
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def delete_objective(self) -> None:
        objective = self.objective
        if objective is None:
            return
        self.doc.delete_objectives(
            [objective.id], self.tr("Delete the objective {thing}").format(thing=object_words(objective))
        )

    def add_indicator(self) -> None:
        if self.objective is None:
            return
        self.doc.append_item(self.objective, "indicators", Indicator(), self.tr("Add an indicator"))
        index = self.indicator_model.index(len(self.objective.indicators) - 1, 0)
        self.indicators.setCurrentIndex(index)
        self.indicators.edit(index)

    def delete_indicators(self) -> None:
        if self.objective is None:
            return
        rows = {i.row() for i in self.indicators.selectionModel().selectedRows()}
        if not rows and self.indicators.currentIndex().isValid():
            rows = {self.indicators.currentIndex().row()}
        if rows:
            kept = [ind for i, ind in enumerate(self.objective.indicators) if i not in rows]
            self.doc.replace_list(self.objective, "indicators", kept, self.tr("Delete indicators"))
