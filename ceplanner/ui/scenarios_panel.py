"""Budget scenarios on the Costs step: name options, choose their activities and sessions, compare.

Every edit goes through :class:`PlanDocument` as one undo step: the plan's list of scenarios is
replaced (add, duplicate, delete), a scenario's name or description is set, or a scenario's list
of chosen activities is replaced (include, leave out, change sessions) so the file writes just
that scenario's row. The comparison is :func:`ceplanner.core.scenarios.comparison_rows`, the same
rows the PDF prints.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core import locale_format
from ceplanner.core.model import Activity, Plan, Scenario, ScenarioActivity, new_id
from ceplanner.core.scenarios import (
    ComparisonRow,
    compare_all,
    comparison_rows,
    everything_as_planned,
    usual_scenarios,
)
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.follow import EditFollower
from ceplanner.ui.widgets import (
    fit_to_limits,
    name_table,
    name_widget,
    problem_label,
    setup_view,
    show_problem,
)

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
COMPARE_DELAY_MS = 300
"""The comparison costs every scenario and runs the checks on each: after a pause in editing."""

INCLUDE, PLANNED, SESSIONS = 0, 1, 2
SCENARIOS_TIP = QT_TRANSLATE_NOOP(
    "ScenariosPanel",
    "Compare budget options side by side: each scenario keeps some of the plan's activities, each "
    "for a chosen number of sessions. Lines that scale follow the sessions.",
)


def _quoted(text: str) -> str:
    text = " ".join(text.split())
    return (
        f"“{text if len(text) <= 60 else text[:59].rstrip() + '…'}”"
        if text
        else QCoreApplication.translate("ScenariosPanel", "an unnamed one")
    )


def _concerns_scenarios(obj: Any, attr: str) -> bool:
    """Edits that change the list of scenarios or what one of them shows."""
    return (
        isinstance(obj, Scenario | Activity)
        or (isinstance(obj, Plan) and attr in ("scenarios", "activities", ""))
        or attr == ""
    )


class ScenarioActivitiesModel(QAbstractTableModel):
    """The plan's activities for one scenario: included or not, planned and chosen sessions."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ScenarioActivitiesModel", "Activity (tick to include)"),
        QT_TRANSLATE_NOOP("ScenarioActivitiesModel", "Planned sessions"),
        QT_TRANSLATE_NOOP("ScenarioActivitiesModel", "Sessions in this scenario"),
    )

    def __init__(self, panel: ScenariosPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.scenario: Scenario | None = None
        self.activities: list[Activity] = []
        self.chosen: dict[str, int] = {}

    def show(self, plan: Plan, scenario: Scenario | None) -> None:
        """Show ``scenario``'s choices; the rows are only redrawn (an open editor stays) when the
        same scenario and activities are shown again."""
        activities = list(plan.activities) if scenario is not None else []
        chosen: dict[str, int] = {}
        for choice in scenario.activities if scenario is not None else []:
            chosen.setdefault(choice.activity_id, choice.sessions)
        same = (
            scenario is self.scenario
            and len(activities) == len(self.activities)
            and all(a is b for a, b in zip(activities, self.activities, strict=True))
        )
        if same:
            if chosen != self.chosen:
                self.chosen = chosen
                if activities:
                    last = self.index(len(activities) - 1, len(self.HEADERS) - 1)
                    self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.scenario, self.activities, self.chosen = scenario, activities, chosen
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.activities)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.panel.doc.readonly:
            return flags
        activity = self.activities[index.row()]
        if index.column() == INCLUDE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif index.column() == SESSIONS and activity.id in self.chosen:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.activities):
            return None
        activity = self.activities[index.row()]
        column, included = index.column(), activity.id in self.chosen
        if role == Qt.ItemDataRole.CheckStateRole and column == INCLUDE:
            return Qt.CheckState.Checked if included else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == INCLUDE:
                return activity.title or self.tr("(untitled activity)")
            if column == PLANNED:
                return locale_format.format_number(activity.sessions)
            return locale_format.format_number(self.chosen[activity.id]) if included else self.tr("left out")
        if role == Qt.ItemDataRole.EditRole and column == SESSIONS and included:
            return self.chosen[activity.id]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != INCLUDE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == SESSIONS and not included:
            return self.panel.palette().placeholderText()
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.panel.doc.readonly:
            return False
        activity = self.activities[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == INCLUDE:
            on = Qt.CheckState(value) == Qt.CheckState.Checked
            self.panel.include(activity, on)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == SESSIONS:
            self.panel.set_sessions(activity, int(value))
            return True
        return False


class SessionsDelegate(QStyledItemDelegate):
    """A spin box within the limits the model allows a scenario's sessions."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        fit_to_limits(spin, ScenarioActivity, "sessions")
        spin.setGroupSeparatorShown(True)
        name_widget(spin, "scenario_sessions_editor", self.tr("Sessions in this scenario"))
        return spin


class ComparisonModel(QAbstractTableModel):
    """Rows of figures, one column per scenario; the findings row's tooltips list the findings."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.names: list[str] = []
        self.rows: list[ComparisonRow] = []

    def show(self, names: list[str], rows: list[ComparisonRow]) -> None:
        self.beginResetModel()
        self.names, self.rows = names, rows
        self.endResetModel()

    def row_of(self, key: str) -> ComparisonRow | None:
        return next((row for row in self.rows if row.key == key), None)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 1 + len(self.names)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        shown = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if shown and orientation == Qt.Orientation.Horizontal:
            return self.tr("Figure") if section == 0 else self.names[section - 1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.words if column == 0 else row.values[column - 1]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column > 0 and row.tips is not None:
                return row.tips[column - 1]
            return row.words if column == 0 else row.values[column - 1]
        if role == Qt.ItemDataRole.FontRole and (row.total or row.heading):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ScenariosPanel(QWidget):
    """The Costs step's "Budget scenarios" tab."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("scenarios_panel")
        self.current_id: str | None = None
        self._fields_for: str | None = None
        """The scenario whose name and description the fields show."""

        self.scenario_list = QListWidget()
        name_table(
            self.scenario_list,
            "scenarios_list",
            self.tr("Scenarios"),
            self.tr("Choose the scenario to edit."),
        )
        self.scenario_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.scenario_list.setMinimumWidth(140)
        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, text, tip) in enumerate(
            (
                ("add", self.tr("Add"), self.tr("Add a scenario with every activity as planned")),
                (
                    "usual",
                    self.tr("Add usual three"),
                    self.tr("Add Lean, Standard and Enhanced scenarios to start from"),
                ),
                ("rename", self.tr("Rename"), self.tr("Type a new name for the chosen scenario")),
                ("duplicate", self.tr("Duplicate"), self.tr("Copy the chosen scenario")),
                ("delete", self.tr("Delete"), self.tr("Delete the chosen scenario")),
            )
        ):
            button = QPushButton(text)
            name_widget(button, f"scenarios_{key}", text, tip)
            buttons.addWidget(button, i // 2, i % 2)
            self.buttons[key] = button
        self.buttons["add"].clicked.connect(self.add)
        self.buttons["usual"].clicked.connect(self.add_usual)
        self.buttons["rename"].clicked.connect(self.start_rename)
        self.buttons["duplicate"].clicked.connect(self.duplicate)
        self.buttons["delete"].clicked.connect(self.delete)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Scenarios"))
        heading.setBuddy(self.scenario_list)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.scenario_list, 1)
        left_layout.addLayout(buttons)

        self.name_edit = QLineEdit()
        name_widget(
            self.name_edit,
            "scenario_name",
            self.tr("Scenario name"),
            self.tr("The scenario's name, unique in the plan"),
        )
        self.description_edit = QLineEdit()
        name_widget(
            self.description_edit,
            "scenario_description",
            self.tr("Scenario description"),
            self.tr("What this option is for"),
        )
        self.name_edit.editingFinished.connect(self._name_typed)
        self.description_edit.editingFinished.connect(self._description_typed)
        fields = QHBoxLayout()
        for text, edit, stretch in (
            (self.tr("Name"), self.name_edit, 1),
            (self.tr("Description"), self.description_edit, 2),
        ):
            caption = QLabel(text)
            caption.setBuddy(edit)
            fields.addWidget(caption)
            fields.addWidget(edit, stretch)
        self.problem = problem_label("scenarios_problem")
        self.activities = ScenarioActivitiesModel(self)
        self.activity_table = QTableView()
        name_table(
            self.activity_table,
            "scenario_activities",
            self.tr("Activities in this scenario"),
            self.tr("Tick an activity to include it; double-click its sessions to change them."),
        )
        self.activity_table.setModel(self.activities)
        self.activity_table.setItemDelegateForColumn(SESSIONS, SessionsDelegate(self.activity_table))
        setup_view(self.activity_table)
        self.activity_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.activity_table.setAlternatingRowColors(True)
        self.activity_table.setWordWrap(False)
        self.activity_table.verticalHeader().setVisible(False)
        self.activity_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.activity_table.horizontalHeader()
        header.setSectionResizeMode(INCLUDE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PLANNED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SESSIONS, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel()
        self.empty.setObjectName("scenarios_empty")
        self.empty.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(fields)
        right_layout.addWidget(self.problem)
        right_layout.addWidget(self.empty)
        right_layout.addWidget(self.activity_table, 1)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.setObjectName("scenarios_top")
        top.addWidget(left)
        top.addWidget(right)
        top.setChildrenCollapsible(False)
        top.setSizes([220, 560])

        self.comparison = ComparisonModel(self)
        self.comparison_table = QTableView()
        name_table(
            self.comparison_table,
            "scenarios_comparison",
            self.tr("Scenarios compared"),
            self.tr("Hover over reach and findings for the groups and the checks' findings."),
        )
        self.comparison_table.setModel(self.comparison)
        self.comparison_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison_table.verticalHeader().setVisible(False)
        self.comparison_table.setAlternatingRowColors(True)
        self.comparison_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.comparison_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Scenarios compared"))
        caption.setBuddy(self.comparison_table)
        bottom_layout.addWidget(caption)
        bottom_layout.addWidget(self.comparison_table, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("scenarios_splitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([260, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)

        self.scenario_list.currentRowChanged.connect(self._scenario_chosen)
        self.follower = EditFollower(self, doc, self.refresh, _concerns_scenarios)
        self.compare_follower = EditFollower(
            self.comparison_table, doc, self.refresh_comparison, delay_ms=COMPARE_DELAY_MS
        )

    # -- showing ----------------------------------------------------------------------------

    def scenario(self) -> Scenario | None:
        """The chosen scenario (None when the plan has none)."""
        return next((s for s in self.doc.plan.scenarios if s.id == self.current_id), None)

    def select(self, scenario_id: str | None) -> None:
        self.current_id = scenario_id
        self.refresh()

    def refresh(self) -> None:
        plan = self.doc.plan
        if self.scenario() is None:
            self.current_id = plan.scenarios[0].id if plan.scenarios else None
        self.scenario_list.blockSignals(True)
        try:
            self.scenario_list.clear()
            for scenario in plan.scenarios:
                item = QListWidgetItem(scenario.name or self.tr("(unnamed scenario)"))
                item.setData(Qt.ItemDataRole.UserRole, scenario.id)
                item.setToolTip(scenario.description or scenario.name)
                self.scenario_list.addItem(item)
                if scenario.id == self.current_id:
                    self.scenario_list.setCurrentItem(item)
        finally:
            self.scenario_list.blockSignals(False)
        scenario = self.scenario()
        other = (scenario.id if scenario else None) != self._fields_for
        self._fields_for = scenario.id if scenario else None
        if other:
            show_problem(self.problem, "")
        for edit, text in (
            (self.name_edit, scenario.name if scenario else ""),
            (self.description_edit, scenario.description if scenario else ""),
        ):
            # Text refused (a name taken) stays until fixed, unless another scenario is shown.
            if (other or not edit.isModified()) and edit.text() != text:
                edit.setText(text)
                edit.setCursorPosition(0)  # the start of a long description, not its end
                edit.setModified(False)
        self.activities.show(plan, scenario)
        editable = not self.doc.readonly
        for key, button in self.buttons.items():
            button.setEnabled(editable and (key in ("add", "usual") or scenario is not None))
        self.name_edit.setEnabled(editable and scenario is not None)
        self.description_edit.setEnabled(editable and scenario is not None)
        if not plan.scenarios:
            self.empty.setText(
                self.tr(
                    "{SCENARIOS_TIP} No scenarios yet: add one, or add the usual three (Lean, Standard and "
                    "Enhanced) to start from."
                ).format(SCENARIOS_TIP=QCoreApplication.translate("ScenariosPanel", SCENARIOS_TIP))
            )
        elif not plan.activities:
            self.empty.setText(self.tr("The plan has no activities yet: add them on the Activities page."))
        else:
            self.empty.setText("")
        self.empty.setVisible(bool(self.empty.text()))

    def refresh_comparison(self) -> None:
        results = compare_all(self.doc.plan)
        self.comparison.show(
            [r.name or self.tr("(unnamed)") for r in results], comparison_rows(self.doc.plan, results)
        )
        self.comparison_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )

    def _scenario_chosen(self, row: int) -> None:
        item = self.scenario_list.item(row)
        if item is not None:
            self.select(item.data(Qt.ItemDataRole.UserRole))

    # -- edits: the list of scenarios -------------------------------------------------------

    def _free_name(self, wanted: str) -> str:
        taken = {s.name.strip().casefold() for s in self.doc.plan.scenarios}
        name, n = wanted, 2
        while name.casefold() in taken:
            name, n = f"{wanted} {n}", n + 1
        return name

    def _set_scenarios(self, scenarios: list[Scenario], text: str, chosen: str | None) -> None:
        self.current_id = chosen
        self.doc.replace_list(self.doc.plan, "scenarios", scenarios, text)
        self.refresh()

    def add(self) -> None:
        plan = self.doc.plan
        scenario = Scenario(
            self._free_name(self.tr("Scenario {number}").format(number=len(plan.scenarios) + 1)),
            "",
            everything_as_planned(plan),
        )
        self._set_scenarios([*plan.scenarios, scenario], self.tr("Add a budget scenario"), scenario.id)

    def add_usual(self) -> None:
        plan = self.doc.plan
        added = usual_scenarios(plan)
        for scenario in added:
            scenario.name = self._free_name(scenario.name)
        self._set_scenarios(
            [*plan.scenarios, *added], self.tr("Add the Lean, Standard and Enhanced scenarios"), added[0].id
        )

    def duplicate(self) -> None:
        scenario = self.scenario()
        if scenario is None:
            return
        copied = copy.deepcopy(scenario)
        copied.id = new_id()
        copied.name = self._free_name(self.tr("{name} (copy)").format(name=scenario.name))
        scenarios = list(self.doc.plan.scenarios)
        scenarios.insert(scenarios.index(scenario) + 1, copied)
        self._set_scenarios(
            scenarios,
            self.tr("Duplicate the scenario {scenario}").format(scenario=_quoted(scenario.name)),
            copied.id,
        )

    def delete(self) -> None:
        scenario = self.scenario()
        if scenario is None:
            return
        scenarios = list(self.doc.plan.scenarios)
        at = scenarios.index(scenario)
        del scenarios[at]
        neighbour = scenarios[min(at, len(scenarios) - 1)].id if scenarios else None
        self._set_scenarios(
            scenarios,
            self.tr("Delete the scenario {scenario}").format(scenario=_quoted(scenario.name)),
            neighbour,
        )

    def start_rename(self) -> None:
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name_edit.selectAll()

    # -- edits: one scenario ----------------------------------------------------------------

    def _name_typed(self) -> None:
        scenario = self.scenario()
        if scenario is None or not self.name_edit.isModified():
            return
        name = " ".join(self.name_edit.text().split())
        if name == scenario.name:
            self.name_edit.setModified(False)
            show_problem(self.problem, "")
            return
        if not name:
            show_problem(self.problem, self.tr("A scenario needs a name. Type one, such as “Lean”."))
            return  # the field keeps what was typed (nothing) until the user fixes it
        clash = next(
            (
                s
                for s in self.doc.plan.scenarios
                if s is not scenario and s.name.strip().casefold() == name.casefold()
            ),
            None,
        )
        if clash is not None:
            show_problem(
                self.problem,
                self.tr("Another scenario is already called “{name}”. Choose a different name.").format(
                    name=clash.name
                ),
            )
            return
        show_problem(self.problem, "")
        self.name_edit.setModified(False)
        self.doc.set_value(
            scenario,
            "name",
            name,
            self.tr("Rename the scenario {old} to {new}").format(
                old=_quoted(scenario.name), new=_quoted(name)
            ),
        )

    def _description_typed(self) -> None:
        scenario = self.scenario()
        if scenario is None or not self.description_edit.isModified():
            return
        self.description_edit.setModified(False)
        self.doc.set_value(
            scenario,
            "description",
            self.description_edit.text(),
            self.tr("Change the description of the scenario {scenario}").format(
                scenario=_quoted(scenario.name)
            ),
        )

    def _choices(self, scenario: Scenario, chosen: dict[str, int]) -> list[ScenarioActivity]:
        """The scenario's choices in the plan's order (choices of activities no longer in the
        plan are kept as they were, last)."""
        ids = {a.id for a in self.doc.plan.activities}
        ordered = [ScenarioActivity(a.id, chosen[a.id]) for a in self.doc.plan.activities if a.id in chosen]
        return ordered + [c for c in scenario.activities if c.activity_id not in ids]

    def _current_choices(self, scenario: Scenario) -> dict[str, int]:
        chosen: dict[str, int] = {}
        for choice in scenario.activities:
            chosen.setdefault(choice.activity_id, choice.sessions)
        return chosen

    def include(self, activity: Activity, on: bool) -> None:
        scenario = self.scenario()
        if scenario is None:
            return
        chosen = self._current_choices(scenario)
        if on == (activity.id in chosen):
            return
        if on:
            chosen[activity.id] = activity.sessions
            text = self.tr("Include {activity} in the scenario {scenario}").format(
                activity=_quoted(activity.title), scenario=_quoted(scenario.name)
            )
        else:
            del chosen[activity.id]
            text = self.tr("Leave {activity} out of the scenario {scenario}").format(
                activity=_quoted(activity.title), scenario=_quoted(scenario.name)
            )
        self.doc.replace_list(scenario, "activities", self._choices(scenario, chosen), text)

    def set_sessions(self, activity: Activity, sessions: int) -> None:
        scenario = self.scenario()
        if scenario is None:
            return
        chosen = self._current_choices(scenario)
        if activity.id not in chosen or chosen[activity.id] == sessions:
            return
        chosen[activity.id] = sessions
        self.doc.replace_list(
            scenario,
            "activities",
            self._choices(scenario, chosen),
            self.tr("Change the sessions of {activity} in the scenario {scenario}").format(
                activity=_quoted(activity.title), scenario=_quoted(scenario.name)
            ),
        )
