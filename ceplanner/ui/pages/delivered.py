"""The Delivery record step: start delivery, then record what actually happened beside the plan.

Progress (start delivery; each activity's status; reach by group), sessions held (with attendance by group) and
actual costs (with planned against actual from ``core.variance``, the same figures
``ceplanner info`` prints). Every change goes through the document: one undo step, autosaved.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.costing import NO_FUNDER, UNALLOCATED
from ceplanner.core.delivery import approved_snapshot_name, delivery_refusal, planned_part
from ceplanner.core.model import ActualCost, Plan, PlanStatus, SessionHeld
from ceplanner.core.money import format_money
from ceplanner.core.variance import (
    PLAN_WHOLE,
    DeliveryFigures,
    GroupReach,
    delivery_figures,
    percent_text,
    signed_money,
)
from ceplanner.store.delivery import approved_baseline
from ceplanner.store.planfile import APPROVED_KIND
from ceplanner.ui.delivered_models import (
    GroupAttendanceModel,
    RecordModel,
    cost_columns,
    progress_columns,
    session_columns,
)
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.pages.delivered_at_end import AtEndPanel
from ceplanner.ui.pages.delivered_findings import FindingsPanel
from ceplanner.ui.pages.delivered_responses import ResponsesPanel
from ceplanner.ui.table_model import ColumnDelegate, ColumnTableModel
from ceplanner.ui.widgets import name_table, problem_label, setup_view, show_problem

WIDTHS = {
    "held_on": 100,
    "attendance": 85,
    "category": 115,
    "amount": 90,
    "in_kind": 60,
    "funder": 95,
    "reference": 95,
    "spent_on": 95,
    "people": 70,
    "delivery_status": 100,
}
"""Widths of the short columns; text columns share what is left."""


def _table(model: ColumnTableModel, key: str, name: str, stretch: tuple[str, ...]) -> QTableView:
    """A table over ``model`` with the shared delegate; the ``stretch`` columns share the width."""
    view = QTableView()
    view.setModel(model)
    name_table(view, f"{key}_table", name)
    view.setItemDelegate(ColumnDelegate(model.columns, key, view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    setup_view(view)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setMinimumSectionSize(40)
    for i, column in enumerate(model.columns):
        mode = (
            QHeaderView.ResizeMode.Stretch if column.attr in stretch else QHeaderView.ResizeMode.Interactive
        )
        header.setSectionResizeMode(i, mode)
        if column.attr not in stretch:
            header.resizeSection(i, WIDTHS.get(column.attr, 110))
    return view


def _read_only_table(columns: int, object_name: str, name: str) -> QTableWidget:
    """A read-only table whose first column stretches and the others fit their figures."""
    table = QTableWidget(0, columns)
    name_table(table, object_name, name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for i in range(1, columns):
        header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    """Put ``rows`` of text in ``table``; every column after the first aligned right."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            if c:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, cell)


def _baseline(doc: PlanDocument) -> Plan:
    """The approved version kept in the file, else the plan's approved part."""
    if doc.store is not None:
        return approved_baseline(doc.store, doc.plan)
    return planned_part(doc.plan)


class RecordList(QWidget):
    """A heading, Add and Delete buttons, a problem line and the table of one delivery list."""

    def __init__(
        self,
        doc: PlanDocument,
        attr: str,
        key: str,
        heading: str,
        model: RecordModel,
        new_item: Callable[[], Any],
        stretch: tuple[str, ...],
        add_name: str,
        delete_name: str,
    ) -> None:
        super().__init__()
        self.doc, self.attr, self.model, self.new_item = doc, attr, model, new_item
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.heading = QLabel(heading)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        row.addWidget(self.heading)
        row.addStretch(1)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName(f"{key}_add")
        self.add_button.setAccessibleName(add_name)
        self.add_button.setToolTip(add_name)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName(f"{key}_delete")
        self.delete_button.setAccessibleName(delete_name)
        self.delete_button.setToolTip(delete_name)
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        layout.addLayout(row)
        self.problem = problem_label(f"{key}_problem")
        layout.addWidget(self.problem)
        self.table = _table(model, key, heading, stretch)
        self.heading.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        model.problem.connect(lambda text: show_problem(self.problem, text))
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete_selected)

    def add(self) -> Any:
        item = self.new_item()
        self.doc.append_item(self.doc.plan, self.attr, item)
        row = self.model.row_of_object(item)
        self.table.selectRow(row)
        return item

    def delete_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if rows:
            self.doc.remove_item(self.doc.plan, self.attr, rows[0])

    def refresh(self) -> None:
        editable = not self.doc.readonly
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and self.table.selectionModel().hasSelection())


class ProgressTab(QWidget):
    """Start delivery (an approved plan only), then each activity's status."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start delivery"))
        self.start_button.setObjectName("start_delivery")
        self.start_button.setAccessibleName(self.tr("Start delivery"))
        self.start_button.setToolTip(
            self.tr("Keep the approved version as a snapshot and set the plan's status to in delivery.")
        )
        self.start_button.clicked.connect(self.start_delivery)
        row.addWidget(self.start_button)
        self.state = QLabel()
        self.state.setObjectName("delivery_state")
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.state, 1)
        layout.addLayout(row)
        self.problem = problem_label("progress_problem")
        layout.addWidget(self.problem)
        self.model = RecordModel(doc, progress_columns(doc), lambda: doc.plan.activities, self)
        self.table = _table(self.model, "progress", self.tr("Activities' progress"), ("dropped_reason",))
        self.table.horizontalHeader().resizeSection(0, 260)
        self.model.problem.connect(lambda text: show_problem(self.problem, text))
        heading = QLabel(self.tr("Activities and where each is"))
        heading.setBuddy(self.table)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        self.reach = _read_only_table(5, "reach_table", self.tr("Reach by stakeholder group"))
        self.reach.setHorizontalHeaderLabels(
            [
                self.tr("Group"),
                self.tr("Expected"),
                self.tr("Reached"),
                self.tr("Reach"),
                self.tr("Seldom heard"),
            ]
        )
        reach_heading = QLabel(self.tr("Reach by group (people, each counted once per activity)"))
        reach_heading.setBuddy(self.reach)
        layout.addWidget(reach_heading)
        layout.addWidget(self.reach, 1)

    def reach_rows(self, figures: DeliveryFigures) -> list[tuple[str, ...]]:
        """Each group's people expected and reached, then the seldom-heard groups and everyone."""

        def cells(item: GroupReach, mark: str) -> tuple[str, ...]:
            return (
                self.group_name(item),
                f"{item.expected:,}",
                f"{item.reached:,}",
                percent_text(item.percent, signed=False),
                mark,
            )

        return [
            *(cells(r, self.tr("Yes") if r.seldom_heard else "") for r in figures.reach),
            cells(figures.seldom_heard, ""),
            cells(figures.reach_total, ""),
        ]

    def group_name(self, item: GroupReach) -> str:
        """A group's name; core's fixed English names in the user's language."""
        fixed = {
            UNALLOCATED: self.tr("No group named"),
            "seldom_heard": self.tr("Seldom-heard groups"),
            "total": self.tr("Everyone"),
        }
        return fixed.get(item.group_id, item.name)

    def refresh(self) -> None:
        plan = self.doc.plan
        _fill(self.reach, self.reach_rows(delivery_figures(_baseline(self.doc), plan)))
        refusal = delivery_refusal(plan)
        self.start_button.setEnabled(not refusal and not self.doc.readonly)
        if refusal:
            self.state.setText(refusal)
        else:
            self.state.setText(
                self.tr(
                    "This plan is approved: start delivery to keep the approved version and record actuals."
                )
            )
        if plan.status is PlanStatus.IN_DELIVERY and plan.delivery_started_on is not None:
            started = plan.delivery_started_on
            self.state.setText(
                self.tr("In delivery since {day}.").format(day=f"{started.day} {started:%B %Y}")
            )

    def start_delivery(self, today: date | None = None) -> bool:
        """Keep the approved version in the file, then set the status (one undo step)."""
        plan, doc = self.doc.plan, self.doc
        refusal = delivery_refusal(plan)
        if refusal or doc.store is None or doc.readonly:
            show_problem(self.problem, refusal)
            return False
        today = today or date.today()
        doc.flush()
        approved = copy.deepcopy(plan)
        try:
            doc.store.take_snapshot(
                approved_snapshot_name(plan.approved_on or today), approved, kind=APPROVED_KIND
            )
        except Exception as exc:  # the file refused: say so, change nothing
            show_problem(
                self.problem,
                self.tr("The approved version could not be kept, so delivery has not started: {why}").format(
                    why=str(exc)
                ),
            )
            return False
        doc.begin_macro(self.tr("Start delivery"))
        try:
            doc.set_value(plan, "status", PlanStatus.IN_DELIVERY)
            doc.set_value(plan, "delivery_started_on", today)
        finally:
            doc.end_macro()
        show_problem(self.problem, "")
        return True


class SessionsTab(QWidget):
    """Sessions held, and for the selected one its attendance by stakeholder group."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        layout = QHBoxLayout(self)

        def new_session() -> SessionHeld:
            first = doc.plan.activities[0].id if doc.plan.activities else ""
            return SessionHeld(activity_id=first, held_on=date.today())

        self.model = RecordModel(doc, session_columns(doc), lambda: doc.plan.sessions_held, self)
        self.sessions = RecordList(
            doc,
            "sessions_held",
            "sessions",
            self.tr("Sessions held"),
            self.model,
            new_session,
            ("activity_id", "notes"),
            self.tr("Add a session held"),
            self.tr("Delete the selected session"),
        )
        layout.addWidget(self.sessions, 3)
        side = QVBoxLayout()
        self.by_group_heading = QLabel(self.tr("Attendance by group at the selected session"))
        self.by_group_heading.setWordWrap(True)
        side.addWidget(self.by_group_heading)
        self.by_group_model = GroupAttendanceModel(doc, self)
        self.by_group = _table(self.by_group_model, "by_group", self.tr("Attendance by group"), ("name",))
        self.by_group_heading.setBuddy(self.by_group)
        self.by_group_problem = problem_label("by_group_problem")
        self.by_group_model.problem.connect(lambda text: show_problem(self.by_group_problem, text))
        side.addWidget(self.by_group_problem)
        side.addWidget(self.by_group, 1)
        layout.addLayout(side, 2)
        self.sessions.table.selectionModel().selectionChanged.connect(self.show_selected)

    def selected_session(self) -> SessionHeld | None:
        rows = self.sessions.table.selectionModel().selectedRows()
        return self.model.object(rows[0].row()) if rows else None

    def show_selected(self, *_args: Any) -> None:
        session = self.selected_session()
        if session is not self.by_group_model.session:
            self.by_group_model.show_session(session)
        self.sessions.refresh()

    def refresh(self) -> None:
        self.show_selected()


class CostsTab(QWidget):
    """Actual costs, and planned against actual: in total and by activity, category or funder."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.doc = doc
        layout = QVBoxLayout(self)

        def new_cost() -> ActualCost:
            return ActualCost(description=self.tr("New cost"), spent_on=date.today())

        self.model = RecordModel(doc, cost_columns(doc), lambda: doc.plan.actual_costs, self)
        self.costs = RecordList(
            doc,
            "actual_costs",
            "actual_costs",
            self.tr("Actual costs"),
            self.model,
            new_cost,
            ("activity_id", "description"),
            self.tr("Add an actual cost"),
            self.tr("Delete the selected cost"),
        )
        self.costs.table.selectionModel().selectionChanged.connect(lambda *_: self.costs.refresh())
        layout.addWidget(self.costs, 3)
        totals = QHBoxLayout()
        self.planned = QLabel()
        self.actual = QLabel()
        self.variance = QLabel()
        for widget, key in ((self.planned, "planned"), (self.actual, "actual"), (self.variance, "variance")):
            widget.setObjectName(f"total_{key}")
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            totals.addWidget(widget)
        totals.addStretch(1)
        layout.addLayout(totals)
        self.breakdown = QComboBox()
        self.breakdown.setObjectName("variance_breakdown")
        self.breakdown.setAccessibleName(self.tr("Show planned against actual"))
        self.breakdown.setToolTip(self.tr("Show planned against actual by activity, category or funder"))
        for text, key in (
            (self.tr("By activity"), "activity"),
            (self.tr("By category"), "category"),
            (self.tr("By funder"), "funder"),
        ):
            self.breakdown.addItem(text, key)
        breakdown_label = QLabel(self.tr("Planned against actual:"))
        breakdown_label.setBuddy(self.breakdown)
        totals.addWidget(breakdown_label)
        totals.addWidget(self.breakdown)
        self.by_activity = _read_only_table(5, "variance_table", self.tr("Planned against actual"))
        self.breakdown.currentIndexChanged.connect(lambda *_: self.show_breakdown())
        self.figures: DeliveryFigures | None = None
        layout.addWidget(self.by_activity, 2)

    def baseline(self) -> Plan:
        """The approved version kept in the file, else the plan's approved part."""
        return _baseline(self.doc)

    def row_label(self, key: str, text: str, contingency: bool) -> str:
        """A variance row's label; core's fixed English row names in the user's language."""
        if contingency:
            return self.tr("Contingency")
        if key == PLAN_WHOLE:
            return self.tr("The plan as a whole")
        if key == NO_FUNDER:
            return QCoreApplication.translate("Costs", NO_FUNDER)
        return text

    def refresh(self) -> None:
        self.costs.refresh()
        plan = self.doc.plan
        figures = delivery_figures(self.baseline(), plan)
        total, currency = figures.total, plan.currency
        self.planned.setText(
            self.tr("Planned: {amount}").format(amount=format_money(total.planned.total, currency))
        )
        self.actual.setText(
            self.tr("Actual: {amount}").format(amount=format_money(total.actual.total, currency))
        )
        self.variance.setText(
            self.tr("Variance: {amount} ({percent})").format(
                amount=signed_money(total.variance, currency), percent=percent_text(total.percent)
            )
        )
        self.figures = figures
        self.show_breakdown()

    def breakdown_rows(self) -> list[tuple[str, ...]]:
        """The rows of the chosen breakdown, then the contingency, as the table shows them."""
        figures = self.figures
        if figures is None:
            return []
        currency = figures.currency
        key = self.breakdown.currentData()
        rows = {"category": figures.by_category, "funder": figures.by_funder}.get(key, figures.by_activity)
        return [
            (
                self.row_label(item.key, item.label, item is figures.contingency),
                format_money(item.planned.total, currency),
                format_money(item.actual.total, currency),
                signed_money(item.variance, currency),
                percent_text(item.percent),
            )
            for item in [*rows, figures.contingency]
        ]

    def show_breakdown(self) -> None:
        first = {"category": self.tr("Category"), "funder": self.tr("Funder")}.get(
            self.breakdown.currentData(), self.tr("Activity")
        )
        self.by_activity.setHorizontalHeaderLabels(
            [first, self.tr("Planned"), self.tr("Actual"), self.tr("Variance"), self.tr("%")]
        )
        _fill(self.by_activity, self.breakdown_rows())


class DeliveredPage(PlanPage):
    TITLE = QT_TRANSLATE_NOOP("DeliveredPage", "Delivery record")
    OBJECT_NAME = "page_delivered"
    STEP = "delivered"
    GUIDANCE = QT_TRANSLATE_NOOP(
        "DeliveredPage",
        "Once the plan is approved, start delivery: the approved version is kept and stays as it "
        "was. Then record what actually happened beside it: each activity's status, the sessions "
        "held and who came, and what was spent, with the variance against the approved budget.",
    )

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.progress_tab = ProgressTab(doc)
        self.sessions_tab = SessionsTab(doc)
        self.costs_tab = CostsTab(doc)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("delivered_tabs")
        self.tabs.setAccessibleName(self.tr("Delivery record parts"))
        for tab, text in (
            (self.progress_tab, self.tr("&Progress")),
            (self.sessions_tab, self.tr("&Sessions held")),
            (self.costs_tab, self.tr("Actual &costs")),
        ):
            self.tabs.addTab(tab, text)
        self.findings_tab = FindingsPanel(doc)
        self.responses_tab = ResponsesPanel(doc)
        self.at_end_tab = AtEndPanel(doc)
        for tab, text in (
            (self.findings_tab, self.tr("What we &heard")),
            (self.responses_tab, self.tr("You said, we &did")),
            (self.at_end_tab, self.tr("At the &end")),
        ):
            self.tabs.addTab(tab, text)
        self.body.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        self.progress_tab.refresh()
        self.sessions_tab.refresh()
        self.costs_tab.refresh()
        self.findings_tab.refresh()
        self.at_end_tab.refresh()
