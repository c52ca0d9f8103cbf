"""Step 7, review and export: the plan's warnings, its totals, the main charts, PDF and print.

matplotlib is imported only when this page is first shown, never at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.checks import Severity, plan_checks
from ceplanner.core.summary import budget_figures
from ceplanner.ui.chart_images import ChartView, Picture, copy_for_drawing, draw_charts
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.follow import EditFollower
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.widgets import add_row, name_widget, new_form
from ceplanner.ui.worker import Task

ProblemSource = Callable[[], list[tuple[str, str, list[str]]]]
"""Returns (step key, step name, problems) for every other page."""

CHART_PAUSE_MS = 400
"""How long editing must pause before the Review charts are drawn again."""


class ReviewPage(PlanPage):
    TITLE = "Review and export"
    OBJECT_NAME = "page_review"
    STEP = "review"
    GUIDANCE = (
        "Check the plan before you hand it on. Warnings say what is missing or inconsistent; "
        "double-click one to go to the step where it can be fixed. Then export the costed strategy "
        "as a PDF for your board or commissioner, or print it."
    )

    go_to_step = Signal(str)
    export_requested = Signal()
    print_requested = Signal()
    go_to_item = Signal(str, str)
    """After go_to_step: the id of the group, objective or activity a finding concerns."""
    charts_drawn = Signal()
    """The chart pictures were (re)drawn in the background and are shown."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.problem_source: ProblemSource | None = None
        self._charts_ready = False
        self._chart_task: Task | None = None
        self._shown_problems: list[tuple[str, str, str]] = []
        self._items: dict[tuple[str, str], str] = {}
        self._charts_again = False
        # The charts take a few hundred milliseconds: redrawn after a pause in editing, never
        # on every edit, and only while this step is shown.
        self.chart_follower = EditFollower(self, doc, self._show_charts, delay_ms=CHART_PAUSE_MS)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._summary_box())
        warnings_box = QGroupBox("Warnings")
        warnings_layout = QVBoxLayout(warnings_box)
        self.warnings = QListWidget()
        name_widget(self.warnings, "review_warnings", "Warnings about the plan")
        self.warnings.setWordWrap(True)
        self.warnings.itemActivated.connect(self._activated)
        warnings_layout.addWidget(self.warnings)
        left.addWidget(warnings_box, 1)
        columns.addLayout(left, 2)
        right = QVBoxLayout()
        self.charts = QTabWidget()
        self.charts.setObjectName("review_charts")
        self.charts.setAccessibleName("Charts")
        self.charts_note = QLabel("Drawing the charts…")
        self.charts_note.setObjectName("review_charts_note")
        self.charts_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right.addWidget(self.charts_note, 1)
        right.addWidget(self.charts, 1)
        self.charts.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton("Export PDF…")
        name_widget(
            self.export_button, "export_pdf_button", "Export PDF", "Save the costed strategy as a PDF"
        )
        self.print_button = QPushButton("Print…")
        name_widget(self.print_button, "print_button", "Print", "Print the costed strategy")
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        right.addLayout(buttons)
        columns.addLayout(right, 3)
        self.body.addLayout(columns, 1)
        self.export_button.clicked.connect(self.export_requested)
        self.print_button.clicked.connect(self.print_requested)

    def _summary_box(self) -> QGroupBox:
        box = QGroupBox("Summary")
        form = new_form()
        box.setLayout(form)
        self.summary: dict[str, QLabel] = {}
        self.summary_words: dict[str, QLabel] = {}
        rows = [
            ("groups", "Stakeholder groups"),
            ("activities", "Activities"),
            ("participants", "Expected participants"),
        ]
        figures = budget_figures(self.doc.plan, self.doc.budget)
        for key, text in rows + [(f.key, f.words) for f in figures]:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.summary_words[key] = add_row(form, text, value, f"summary_{key}")
            self.summary[key] = value
        for figure in figures:
            if figure.emphasis:
                bold = self.summary[figure.key].font()
                bold.setBold(True)
                self.summary[figure.key].setFont(bold)
        return box

    # -- behaviour --------------------------------------------------------------------------

    def all_problems(self) -> list[tuple[str, str, str]]:
        """(severity, message, step key) for every check and every page's own problems."""
        found = [(c.severity.value, c.message, c.step) for c in plan_checks(self.doc.plan)]
        self._items = {(c.message, c.step): c.item_id for c in plan_checks(self.doc.plan) if c.item_id}
        if self.problem_source is not None:
            for key, name, problems in self.problem_source():
                found = [(Severity.WARNING.value, f"{name}: {p}", key) for p in problems] + found
        return found

    def refresh(self) -> None:
        self._show_warnings()
        self._show_summary()

    def _show_warnings(self) -> None:
        problems = self.all_problems()
        if problems == self._shown_problems and self.warnings.count():
            return  # the same list: thousands of warnings are not laid out again
        self._shown_problems = problems
        self.warnings.clear()
        for severity, message, step in problems:
            prefix = "Warning" if severity == Severity.WARNING else "Note"
            item = QListWidgetItem(f"{prefix}: {message}")
            item.setData(Qt.ItemDataRole.UserRole, step)
            item.setToolTip(message)
            self.warnings.addItem(item)
        if not problems:
            self.warnings.addItem(QListWidgetItem("No warnings: the plan is ready to export."))

    def _show_summary(self) -> None:
        plan, budget = self.doc.plan, self.doc.budget
        seldom = sum(1 for g in plan.groups if g.seldom_heard)
        values = {
            "groups": f"{len(plan.groups)} ({seldom} seldom heard)",
            "activities": str(len(plan.activities)),
            "participants": f"{budget.participants:,}",
        }
        for figure in budget_figures(plan, budget):
            values[figure.key] = figure.text
            self.summary_words[figure.key].setText(figure.words)
        for key, text in values.items():
            self.summary[key].setText(text)
            self.summary[key].setAccessibleDescription(text)

    def _show_charts(self) -> None:
        """Have the charts drawn in the background; a newer edit meanwhile draws them again."""
        if self._chart_task is not None:
            self._charts_again = True
            return
        self._charts_again = False
        plan = copy_for_drawing(self.doc.plan)
        task = Task(lambda _progress: draw_charts(plan))
        task.signals.finished.connect(self._charts_drawn)
        task.signals.failed.connect(lambda exc: self._charts_drawn([]))
        self._chart_task = task
        task.start()

    def _charts_drawn(self, pictures: list[Picture]) -> None:
        self._chart_task = None
        if self._charts_again:
            if self.isVisible():
                self._show_charts()
            else:
                self.chart_follower.stale = True
        if not pictures:
            return
        current = max(self.charts.currentIndex(), 0)
        if self.charts.count() == len(pictures):
            for i, picture in enumerate(pictures):
                view = self.charts.widget(i)
                assert isinstance(view, ChartView)
                view.show_picture(picture)
        else:
            for picture in pictures:
                self.charts.addTab(ChartView(picture), picture.title)
        self.charts.setCurrentIndex(min(current, self.charts.count() - 1))
        self.charts_note.setVisible(False)
        self.charts.setVisible(True)
        self._charts_ready = True
        self.charts_drawn.emit()

    def _activated(self, item: QListWidgetItem) -> None:
        step = item.data(Qt.ItemDataRole.UserRole)
        if step:
            self.go_to_step.emit(str(step))
            found = self._items.get((item.toolTip(), str(step)))
            if found:
                self.go_to_item.emit(str(step), found)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # Other pages' typed input (a half-typed amount) changes without editing the plan.
        self._show_warnings()
