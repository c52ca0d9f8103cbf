"""Step 5, costs: each activity's cost lines, and the plan's totals as the costing rules give them.

Every figure shown here comes from ``doc.budget`` (:func:`compute_budget`) or
:func:`line_total`; the page never adds numbers up itself.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.costing import key_words
from ceplanner.core.model import Activity, CostLine, OutcomeLevel, label
from ceplanner.core.money import format_money
from ceplanner.core.summary import budget_figures
from ceplanner.ui.cost_model import (
    LINE_COLUMN,
    LINE_FORM,
    ActivityListModel,
    CostLineDelegate,
    CostLineModel,
    SummaryModel,
    holds,
)
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.envelope_panel import EnvelopePanel
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.row_actions import RowActions, duplicated, without
from ceplanner.ui.row_form import RowForm
from ceplanner.ui.scenarios_panel import SCENARIOS_TIP, ScenariosPanel
from ceplanner.ui.widgets import name_table, name_widget, problem_label, setup_view, show_problem
from ceplanner.ui.wording import list_text

# objectName, words shown beside the figure
# Each headline figure of core.summary.budget_figures, by the name of the label that shows it.
TOTALS = {
    "paid": "costs_total_paid",
    "contingency": "costs_total_contingency",
    "cash": "costs_total_cash",
    "in_kind": "costs_total_in_kind",
    "total": "costs_total_grand",
    "per_participant": "costs_total_per_participant",
    "evaluation_share": "costs_total_evaluation",
    "envelope": "costs_total_envelope",
    "headroom": "costs_total_headroom",
}


KEY_FIGURES = ("cash", "total", "envelope", "headroom")
"""The plan's figures shown under the cost lines too (all of them are on the Totals tab)."""


class CostsPage(PlanPage):
    TITLE = QT_TRANSLATE_NOOP("CostsPage", "Costs")
    OBJECT_NAME = "page_costs"
    STEP = "costs"
    GUIDANCE = QT_TRANSLATE_NOOP(
        "CostsPage",
        "Cost each activity line by line: staff time, venue, catering, translation, payments to "
        "participants and so on. Type amounts as you would write them (1,250.50 or £300). Tick "
        "“In kind” for things contributed rather than paid for, such as a free community hall: "
        "they count towards the full cost but not the cash you need. Totals update as you type.",
    )
    EXAMPLE = QT_TRANSLATE_NOOP(
        "CostsPage",
        "Riverside Housing's “Drop-in sessions at sheltered schemes”: venue, 4 sessions at £0 "
        "(in kind, the scheme's lounge); catering, 4 sessions at £45; large-print materials, "
        "120 items at £0.80; staff time, 30 hours at the plan's staff rate. With 10% "
        "contingency on paid costs, the cash budget and full cost appear on the right.",
    )

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.activities = ActivityListModel(doc, self)
        self.lines = CostLineModel(doc, self)

        self.activity_list = QListView()
        name_table(
            self.activity_list,
            "costs_activities",
            self.tr("Activities"),
            self.tr("Choose the activity to cost."),
        )
        self.activity_list.setModel(self.activities)
        self.activity_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.activity_list.setWordWrap(True)
        self.activity_list.setMinimumWidth(170)
        self.activity_list.setSpacing(3)
        self.activity_list.setAlternatingRowColors(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Activities"))
        heading.setBuddy(self.activity_list)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.activity_list, 1)

        self.activity_heading = QLabel()
        self.activity_heading.setObjectName("costs_activity_heading")
        self.activity_heading.setTextFormat(Qt.TextFormat.PlainText)
        self.activity_heading.setWordWrap(True)
        font = self.activity_heading.font()
        font.setBold(True)
        self.activity_heading.setFont(font)
        self.problem = problem_label("costs_problem")
        self.table = QTableView()
        name_table(
            self.table, "costs_lines", self.tr("Cost lines"), self.tr("Double-click a cell to edit it.")
        )
        self.table.setModel(self.lines)
        self.row_actions = RowActions(
            self.table,
            {
                "add": (self.tr("Add line"), "costs_add_line", self.tr("Add a cost line to this activity")),
                "duplicate": (
                    self.tr("Duplicate"),
                    "costs_duplicate_line",
                    self.tr("Copy the selected lines"),
                ),
                "delete": (self.tr("Delete"), "costs_delete_line", self.tr("Delete the selected lines")),
            },
            {"add": self.add_line, "duplicate": self.duplicate_rows, "delete": self.delete_rows},
        )
        buttons = self.row_actions.layout
        found = self.row_actions.buttons
        self.add_button, self.duplicate_button, self.delete_button = (
            found["add"],
            found["duplicate"],
            found["delete"],
        )
        self.table.setItemDelegate(CostLineDelegate(self.lines, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        setup_view(self.table)
        header = self.table.horizontalHeader()
        header.setDefaultSectionSize(85)
        # The key figures first and narrow enough to show whole on a 1,024-pixel screen; the
        # rest of a line is in the form beneath.
        for attr, width in (
            ("category", 110),
            ("description", 150),
            ("quantity", 62),
            ("unit", 58),
            ("unit_cost", 82),
            ("total", 86),
            ("in_kind", 56),
            ("scaling", 105),
            ("staff_id", 120),
        ):
            header.resizeSection(LINE_COLUMN[attr], width)
        header.resizeSection(LINE_COLUMN["source"], 170)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.activity_total = QLabel()
        self.activity_total.setObjectName("costs_activity_total")
        self.activity_total.setTextFormat(Qt.TextFormat.PlainText)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.activity_heading)
        middle_layout.addLayout(buttons)
        middle_layout.addWidget(self.problem)
        middle_layout.addWidget(self.table, 3)
        self.line_form = RowForm(self.lines, LINE_FORM, "cost", wide=("source",))
        form_box = QGroupBox(self.tr("Selected line"))
        form_box.setObjectName("costs_line_form_box")
        QVBoxLayout(form_box).addWidget(self.line_form)
        middle_layout.addWidget(form_box)
        middle_layout.addWidget(self.activity_total)
        self.key_figures = QLabel()
        self.key_figures.setObjectName("costs_key_figures")
        self.key_figures.setTextFormat(Qt.TextFormat.PlainText)
        self.key_figures.setWordWrap(True)
        font = self.key_figures.font()
        font.setBold(True)
        self.key_figures.setFont(font)
        middle_layout.addWidget(self.key_figures)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("costs_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([200, 800])
        self.envelope = EnvelopePanel(doc)
        totals = QSplitter(Qt.Orientation.Vertical)
        totals.setObjectName("costs_totals_splitter")
        totals.addWidget(self._totals_panel())
        totals.addWidget(self.envelope)
        totals.setChildrenCollapsible(False)
        totals.setSizes([250, 200])
        self.tabs = QTabWidget()
        self.tabs.setObjectName("costs_tabs")
        self.tabs.addTab(self.splitter, self.tr("Cost lines"))
        self.tabs.addTab(totals, self.tr("Totals, envelope and funders"))
        self.scenarios = ScenariosPanel(doc)
        self.tabs.addTab(self.scenarios, self.tr("Budget scenarios"))
        self.tabs.setTabToolTip(2, QCoreApplication.translate("ScenariosPanel", SCENARIOS_TIP))
        self.body.addWidget(self.tabs, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._line_chosen())
        self.lines.modelReset.connect(self._line_chosen)

        self.activity_list.selectionModel().currentChanged.connect(self._activity_chosen)
        self.activities.modelReset.connect(self._keep_activity)
        self.lines.problem.connect(lambda text: show_problem(self.problem, text))
        self.lines.modelReset.connect(self._update_buttons)
        self.setTabOrder(self.activity_list, self.add_button)
        self.setTabOrder(self.add_button, self.duplicate_button)
        self.setTabOrder(self.duplicate_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.table)
        self._keep_activity()

    def _button(self, text: str, object_name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        name_widget(button, object_name, text, tip)
        return button

    def _totals_panel(self) -> QWidget:
        box = QGroupBox(self.tr("Plan totals"))
        box.setObjectName("costs_totals")
        layout = QHBoxLayout(box)  # the figures, then the two breakdowns, side by side
        grid = QGridLayout()
        self.total_labels: dict[str, QLabel] = {}
        for row, figure in enumerate(budget_figures(self.doc.plan, self.doc.budget)):
            value = QLabel()
            value.setObjectName(TOTALS[figure.key])
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption = QLabel(figure.words)
            caption.setObjectName(f"{TOTALS[figure.key]}_words")
            caption.setBuddy(value)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            if figure.emphasis:
                font = value.font()
                font.setBold(True)
                value.setFont(font)
            self.total_labels[TOTALS[figure.key]] = value
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(len(self.total_labels), 1)
        layout.addLayout(grid, 3)
        self.by_category = SummaryModel((self.tr("Category"), self.tr("Cost")), self)
        self.by_level = SummaryModel((self.tr("Outcome level"), self.tr("Cost")), self)
        tables = QHBoxLayout()
        for model, object_name, title in (
            (self.by_category, "costs_by_category", self.tr("By category")),
            (self.by_level, "costs_by_level", self.tr("By outcome level")),
        ):
            view = QTableView()
            name_table(view, object_name, title)
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            view.setAlternatingRowColors(True)
            view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
            column = QVBoxLayout()
            caption = QLabel(title)
            caption.setBuddy(view)
            column.addWidget(caption)
            column.addWidget(view, 1)
            tables.addLayout(column, 3 if model is self.by_category else 2)
        layout.addLayout(tables, 4)
        return box

    # -- showing ----------------------------------------------------------------------------

    def current_activity(self) -> Activity | None:
        return self.lines.activity

    def select_item(self, item_id: str) -> bool:
        if self.activities.row_of(item_id) < 0:
            return False
        self.select_activity(item_id)
        return True

    def select_activity(self, activity_id: str) -> None:
        if self.activities.select_in(self.activity_list, activity_id):
            self._activity_chosen()

    def _activity_chosen(self) -> None:
        activity = self.activities.current_in(self.activity_list)
        if activity is not self.lines.activity:
            self.lines.set_activity(activity)
            show_problem(self.problem, "")
        self.refresh()

    def _keep_activity(self) -> None:
        """After activities are added or removed, keep showing the same one (or the first)."""
        current = self.lines.activity
        if current is not None and self.activities.row_of(current.id) >= 0:
            self.select_activity(current.id)
        elif self.doc.plan.activities:
            self.select_activity(self.doc.plan.activities[0].id)
        else:
            self.lines.set_activity(None)
            self.refresh()

    def refresh(self) -> None:
        shown = self.lines.activity
        if (shown is None and self.doc.plan.activities) or (
            shown is not None and not holds(self.doc.plan.activities, shown)
        ):
            self._keep_activity()  # the plan was replaced (a snapshot restored): show its activity
            if self.lines.activity is not None:
                return  # choosing it refreshed the page
        budget = self.doc.budget
        currency = self.doc.plan.currency

        def money(amount: int) -> str:
            return format_money(amount, currency)

        figures = budget_figures(self.doc.plan, budget)
        self.key_figures.setText(
            self.tr("Plan: ") + " · ".join(f"{f.words} {f.text}" for f in figures if f.key in KEY_FIGURES)
        )
        for figure in figures:
            label_widget = self.total_labels[TOTALS[figure.key]]
            label_widget.setText(figure.text)
            label_widget.setAccessibleName(f"{figure.words}: {figure.text}")
            caption = self.findChild(QLabel, f"{TOTALS[figure.key]}_words")
            if caption is not None:
                caption.setText(figure.words)  # the contingency's percentage is in its words
        self.by_category.set_rows(
            [(label(cat), money(split.total)) for cat, split in budget.by_category.items()]
        )
        level_words = {lvl.value: label(lvl) for lvl in OutcomeLevel}
        self.by_level.set_rows(
            [
                (level_words.get(key) or key_words(key), money(amount))
                for key, amount in budget.by_level.items()
            ]
        )
        activity = self.lines.activity
        if activity is None:
            self.activity_heading.setText(
                self.tr("No activity chosen.")
                if self.doc.plan.activities
                else self.tr("Add activities first, on the Activities page.")
            )
            self.activity_total.setText("")
        else:
            split = budget.by_activity.get(activity.id)
            paid, in_kind = (split.paid, split.in_kind) if split else (0, 0)
            self.activity_heading.setText(
                self.tr("Cost lines for “{activity}”").format(
                    activity=activity.title or self.tr("untitled activity")
                )
            )
            self.activity_total.setText(
                self.tr("This activity: {money} (paid {money2}, in kind {money3})").format(
                    money=money(paid + in_kind), money2=money(paid), money3=money(in_kind)
                )
            )
        self.envelope.refresh()
        self._update_buttons()

    def _line_chosen(self) -> None:
        index = self.table.currentIndex()
        self.line_form.set_row(index.row() if index.isValid() else -1)

    def _update_buttons(self) -> None:
        self.row_actions.update(not self.doc.readonly and self.lines.activity is not None)

    # -- edits ------------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return self.row_actions.selected_rows()

    def add_line(self) -> None:
        activity = self.lines.activity
        if activity is None:
            return
        line = CostLine(description=self.tr("New cost"))
        self.doc.append_item(activity, "cost_lines", line, self.tr("Add a cost line"))
        row = len(activity.cost_lines) - 1
        self.table.selectRow(row)
        index = self.lines.index(row, LINE_COLUMN["description"])
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def duplicate_rows(self, rows: list[int]) -> None:
        activity = self.lines.activity
        if activity is None:
            return
        lines, copies = duplicated(activity.cost_lines, rows)
        self.doc.replace_list(
            activity, "cost_lines", lines, list_text("Duplicate", "cost_lines", len(copies))
        )

    def delete_rows(self, rows: list[int]) -> None:
        activity = self.lines.activity
        if activity is None:
            return
        kept = without(activity.cost_lines, rows)
        self.doc.replace_list(activity, "cost_lines", kept, list_text("Delete", "cost_lines", len(rows)))
