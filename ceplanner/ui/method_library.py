"""A browser of engagement methods: filter by IAP2 level, mode and cost, and add one to the plan.

The typical cost of a session is what :func:`activity_from_method` would cost for one session
under this plan's staff rate and currency, worked out on a throwaway plan by ``compute_budget``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.costing import activity_from_method, compute_budget, suggested_participants
from ceplanner.core.library import all_methods
from ceplanner.core.locale_format import format_number
from ceplanner.core.model import IAP2Level, Method, Mode, Plan, label
from ceplanner.core.money import format_money, parse_money
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.table_model import plain_tip
from ceplanner.ui.widgets import name_table, name_widget, problem_label, show_problem

METHOD_ROLE = Qt.ItemDataRole.UserRole + 1
COST_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
COST_LIMITS = ["250", "500", "1,000", "2,500", "5,000"]
HEADERS = [
    QT_TRANSLATE_NOOP("MethodLibrary", "Method"),
    QT_TRANSLATE_NOOP("MethodLibrary", "IAP2 levels"),
    QT_TRANSLATE_NOOP("MethodLibrary", "Mode"),
    QT_TRANSLATE_NOOP("MethodLibrary", "One session"),
]
COST_TIP = QT_TRANSLATE_NOOP(
    "MethodLibrary",
    "Typical cost of running it once: one session plus any one-off costs (lump sums), "
    "with staff time at this plan's day rate",
)


def session_cost(method: Method, plan: Plan) -> int:
    """One session of ``method`` costed under ``plan``'s rates, in minor units."""
    scratch = Plan(currency=plan.currency, staff_day_rate=plan.staff_day_rate)
    activity = activity_from_method(method, scratch, 1)
    scratch.activities = [activity]
    return compute_budget(scratch).by_activity[activity.id].total


class MethodFilter(QSortFilterProxyModel):
    """Keeps methods offering a level, in a mode, costing at most a limit (None: any)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.level: IAP2Level | None = None
        self.mode: Mode | None = None
        self.max_cost: int | None = None

    def set_filters(self, level: IAP2Level | None, mode: Mode | None, max_cost: int | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self.level, self.mode, self.max_cost = level, mode, max_cost
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.level, self.mode, self.max_cost = level, mode, max_cost
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        index = self.sourceModel().index(row, 0, parent)
        method: Method = index.data(METHOD_ROLE)
        cost: int = index.data(COST_ROLE)
        return (
            (self.level is None or self.level in method.levels)
            and (self.mode is None or method.mode == self.mode)
            and (self.max_cost is None or cost <= self.max_cost)
        )


class MethodLibrary(QWidget):
    """The method browser; ``added`` carries the id of an activity just added to the plan."""

    added = Signal(str)

    def __init__(
        self,
        doc: PlanDocument,
        methods: Callable[[], list[Method]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self._load_methods = methods or (lambda: all_methods())
        self.setObjectName("method_library")
        self.model = QStandardItemModel(0, len(HEADERS), self)
        self.model.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.model.setHeaderData(3, Qt.Orientation.Horizontal, self.tr(COST_TIP), Qt.ItemDataRole.ToolTipRole)
        self.proxy = MethodFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)

        self.level_filter = QComboBox()
        name_widget(
            self.level_filter,
            "library_level_filter",
            self.tr("IAP2 level"),
            self.tr("Show methods suited to this level"),
        )
        self.level_filter.addItem(self.tr("Any level"), None)
        for level in IAP2Level:
            self.level_filter.addItem(label(level), level)
        self.mode_filter = QComboBox()
        name_widget(
            self.mode_filter,
            "library_mode_filter",
            self.tr("Mode"),
            self.tr("Face to face, online, paper or telephone"),
        )
        self.mode_filter.addItem(self.tr("Any mode"), None)
        for mode in Mode:
            self.mode_filter.addItem(label(mode), mode)
        self.cost_filter = QComboBox()
        name_widget(
            self.cost_filter,
            "library_cost_filter",
            self.tr("Cost per session"),
            self.tr("Typical cost of one session"),
        )
        filters = QHBoxLayout()
        for text, combo in (
            (self.tr("Level"), self.level_filter),
            (self.tr("Mode"), self.mode_filter),
            (self.tr("Cost"), self.cost_filter),
        ):
            caption = QLabel(text)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo, 1)

        self.table = QTableView()
        name_table(
            self.table,
            "library_methods",
            self.tr("Engagement methods"),
            self.tr("Choose a method, then Add to plan"),
        )
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 120)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.details = QLabel()
        self.details.setObjectName("library_details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.add_button = QPushButton(self.tr("Add to plan"))
        name_widget(
            self.add_button,
            "library_add",
            self.tr("Add to plan"),
            self.tr("Add an activity using the chosen method"),
        )
        self.count = QLabel()
        self.count.setObjectName("library_count")
        self.problem = problem_label("library_problem")
        self.sessions = QSpinBox()
        self.sessions.setRange(1, 100)
        name_widget(
            self.sessions,
            "library_sessions",
            self.tr("Sessions"),
            self.tr("How many sessions to plan: per-session costs and staff time are scaled to match"),
        )
        sessions_label = QLabel(self.tr("Sessions"))
        sessions_label.setBuddy(self.sessions)
        self.same_people = QCheckBox(self.tr("Same people each time"))
        name_widget(
            self.same_people,
            "library_same_people",
            self.tr("Same people each time"),
            self.tr(
                "Tick for a panel or series the same people come back to; otherwise each session "
                "has a new group of people"
            ),
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(sessions_label)
        bottom.addWidget(self.sessions)
        bottom.addWidget(self.same_people)
        bottom.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.problem)
        layout.addLayout(bottom)

        for combo in (self.level_filter, self.mode_filter, self.cost_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.table.doubleClicked.connect(lambda _index: self.add_selected())
        self.add_button.clicked.connect(self.add_selected)
        self.setTabOrder(self.level_filter, self.mode_filter)
        self.setTabOrder(self.mode_filter, self.cost_filter)
        self.setTabOrder(self.cost_filter, self.table)
        self.setTabOrder(self.table, self.sessions)
        self.setTabOrder(self.sessions, self.same_people)
        self.setTabOrder(self.same_people, self.add_button)
        self.sessions.valueChanged.connect(self._show_details)
        self.same_people.toggled.connect(self._show_details)
        self.reload()

    def reload(self) -> None:
        """Read the library again and cost each method under the plan's current rates."""
        try:
            methods = self._load_methods()
        except Exception as exc:  # a broken user library must not take the page down
            methods = []
            show_problem(self.problem, self.tr("The method library could not be read: {exc}").format(exc=exc))
        currency = self.doc.plan.currency
        self.cost_filter.blockSignals(True)
        chosen = self.cost_filter.currentIndex()
        self.cost_filter.clear()
        self.cost_filter.addItem(self.tr("Any cost"), None)
        for limit in COST_LIMITS:
            self.cost_filter.addItem(
                self.tr("Up to {format_money}").format(
                    format_money=format_money(parse_money(limit, currency), currency)
                ),
                limit,
            )
        self.cost_filter.setCurrentIndex(max(chosen, 0))
        self.cost_filter.blockSignals(False)
        self.model.removeRows(0, self.model.rowCount())
        for method in methods:
            cost = session_cost(method, self.doc.plan)
            cells = [
                method.name,
                ", ".join(label(level) for level in method.levels),
                label(method.mode),
                format_money(cost, currency),
            ]
            row = [QStandardItem(text) for text in cells]
            sort_keys = [
                method.name.casefold(),
                min((lvl.rank for lvl in method.levels), default=0),
                cells[2],
                cost,
            ]
            for item, key in zip(row, sort_keys, strict=True):
                item.setData(key, SORT_ROLE)
                item.setData(method, METHOD_ROLE)
                item.setData(cost, COST_ROLE)
                item.setToolTip(plain_tip(f"{method.name}: {method.description}".rstrip(": ")))
            row[3].setData(
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                Qt.ItemDataRole.TextAlignmentRole,
            )
            self.model.appendRow(row)
        self._apply_filters()

    def _apply_filters(self) -> None:
        limit = self.cost_filter.currentData()
        max_cost = parse_money(limit, self.doc.plan.currency) if limit else None
        level, mode = self.level_filter.currentData(), self.mode_filter.currentData()
        # Combo boxes hand back a StrEnum as plain text: turn it back into the member.
        self.proxy.set_filters(IAP2Level(level) if level else None, Mode(mode) if mode else None, max_cost)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(
            self.tr("{shown} of {total} methods shown").format(shown=shown, total=total)
            if shown != total
            else self.tr("{total} methods").format(total=total)
        )
        if shown and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._show_details()

    def selected_method(self) -> Method | None:
        index = self.table.currentIndex()
        return index.data(METHOD_ROLE) if index.isValid() else None

    def select_method(self, method_id: str) -> bool:
        for row in range(self.proxy.rowCount()):
            method: Method = self.proxy.index(row, 0).data(METHOD_ROLE)
            if method.id == method_id:
                self.table.selectRow(row)
                return True
        return False

    def _show_details(self) -> None:
        method = self.selected_method()
        self.add_button.setEnabled(method is not None and not self.doc.readonly)
        if method is None:
            self.details.setText(self.tr("No method matches these filters.") if self.model.rowCount() else "")
            return
        size = ""
        if method.group_size_max:
            size = self.tr(" Suits {group_size_min}-{group_size_max} people a session.").format(
                group_size_min=method.group_size_min, group_size_max=method.group_size_max
            )
        hours = method.prep_hours + method.delivery_hours
        people = suggested_participants(method, self.sessions.value(), self.same_people.isChecked())
        self.details.setText(
            self.tr(
                "{name}: {description}{size} About {hours} staff hours a session plus {analysis_hours} for "
                "analysis. Added with {people} expected participants; change them, or the sessions, "
                "under Activity details and the costs that scale follow."
            ).format(
                name=method.name,
                description=method.description,
                size=size,
                hours=hours,
                analysis_hours=method.analysis_hours,
                people=format_number(people),
            )
        )

    def add_selected(self) -> str | None:
        """Add an activity from the chosen method (and the method itself) in one undo step."""
        method = self.selected_method()
        if method is None or self.doc.readonly:
            return None
        plan = self.doc.plan
        activity = activity_from_method(
            method, plan, self.sessions.value(), same_people=self.same_people.isChecked()
        )
        self.doc.begin_macro(self.tr("Add activity “{name}”").format(name=method.name))
        if plan.method(method.id) is None:
            self.doc.append_item(plan, "methods", copy.deepcopy(method), self.tr("Add method"))
        self.doc.append_item(plan, "activities", activity, self.tr("Add activity"))
        self.doc.end_macro()
        self.added.emit(activity.id)
        return activity.id
