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
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.follow import EditFollower
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.widgets import add_row, name_widget, new_form

ProblemSource = Callable[[], list[tuple[str, str, list[str]]]]
"""Returns (step key, step name, problems) for every other page."""

CHARTS = [
    ("chart_power_interest", "Stakeholders", "power_interest_chart"),
    ("chart_timeline", "Timeline", "timeline_chart"),
    ("chart_budget", "Budget", "budget_chart"),
    ("chart_vfm", "Value for money", "vfm_chart"),
]


class ChartBox(QWidget):
    """Shows a figure whole at its own proportions, scaled to fit: the layout drawn for the PDF
    is kept (stretching the canvas would move legends onto axis labels)."""

    def __init__(self, canvas: QWidget) -> None:
        super().__init__()
        self.canvas = canvas
        canvas.setParent(self)
        figure = canvas.figure  # type: ignore[attr-defined]
        self.inches = tuple(figure.get_size_inches())
        self.setMinimumSize(240, 180)

    def resizeEvent(self, event: Any) -> None:
        width_in, height_in = self.inches
        dpi = max(min(self.width() / width_in, self.height() / height_in), 30.0)
        ratio = self.canvas.devicePixelRatioF()
        self.canvas.figure.set_dpi(dpi * ratio)  # type: ignore[attr-defined]
        w, h = int(width_in * dpi), int(height_in * dpi)
        self.canvas.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)
        super().resizeEvent(event)


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

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.problem_source: ProblemSource | None = None
        self._charts_ready = False
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
        self.charts_note = QLabel("The charts appear here.")
        self.charts_note.setObjectName("review_charts_note")
        self.charts_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right.addWidget(self.charts_note, 1)
        right.addWidget(self.charts, 1)
        self.charts.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton("Export PDF…")
        name_widget(self.export_button, "export_pdf_button", "Export PDF", "Save the costed strategy as a PDF")
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
        rows = [("groups", "Stakeholder groups"), ("activities", "Activities"), ("participants", "Expected participants")]
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
        if self.problem_source is not None:
            for key, name, problems in self.problem_source():
                found = [(Severity.WARNING.value, f"{name}: {p}", key) for p in problems] + found
        return found

    def refresh(self) -> None:
        self._show_warnings()
        self._show_summary()

    def _show_warnings(self) -> None:
        self.warnings.clear()
        problems = self.all_problems()
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
        """Draw the charts (importing matplotlib the first time this is needed)."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from ceplanner.report import charts

        current = max(self.charts.currentIndex(), 0)
        while self.charts.count():
            widget = self.charts.widget(0)
            self.charts.removeTab(0)
            widget.deleteLater()
        for name, title, function in CHARTS:
            try:
                maker = getattr(charts, function)
                figure = maker(self.doc.plan, self.doc.budget) if function == "budget_chart" else maker(self.doc.plan)
                widget: QWidget = ChartBox(FigureCanvasQTAgg(figure))
            except Exception as exc:  # a chart that fails must not take the page down
                widget = QLabel(f"This chart could not be drawn: {exc}")
                widget.setWordWrap(True)
            widget.setObjectName(name)
            widget.setAccessibleName(f"{title} chart")
            self.charts.addTab(widget, title)
        self.charts.setCurrentIndex(min(current, self.charts.count() - 1))
        self.charts_note.setVisible(False)
        self.charts.setVisible(True)
        self._charts_ready = True

    def _activated(self, item: QListWidgetItem) -> None:
        step = item.data(Qt.ItemDataRole.UserRole)
        if step:
            self.go_to_step.emit(str(step))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # Other pages' typed input (a half-typed amount) changes without editing the plan.
        self._show_warnings()
