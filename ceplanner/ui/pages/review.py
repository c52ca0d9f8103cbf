"""Step 7, review and export: the plan's warnings, its totals, the main charts, PDF and print.

matplotlib is imported only when this page is first shown, never at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core import locale_format
from ceplanner.core.checks import Check, Findings, Severity, findings
from ceplanner.core.dismissals import dismissed, restored
from ceplanner.core.summary import budget_figures
from ceplanner.ui.chart_images import ChartView, Picture, copy_for_drawing, draw_charts
from ceplanner.ui.check_settings_dialog import CheckSettingsDialog
from ceplanner.ui.delivery_summary import DeliverySummaryBox
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
    TITLE = QT_TRANSLATE_NOOP("ReviewPage", "Review and export")
    OBJECT_NAME = "page_review"
    STEP = "review"
    GUIDANCE = QT_TRANSLATE_NOOP(
        "ReviewPage",
        "Check the plan before you hand it on. Warnings say what is missing or inconsistent; "
        "double-click one to go to the step where it can be fixed, or accept it with a reason if it "
        "is a reasonable exception (the PDF lists accepted exceptions). Then export the costed "
        "strategy as a PDF for your board or commissioner, or print it.",
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
        self._shown_checks: list[Check | None] = []
        self._shown_accepted: list[tuple[str, str]] = []
        self._findings = Findings()
        self._charts_again = False
        # The charts take a few hundred milliseconds: redrawn after a pause in editing, never
        # on every edit, and only while this step is shown.
        self.chart_follower = EditFollower(self, doc, self._show_charts, delay_ms=CHART_PAUSE_MS)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._summary_box())
        # The open findings and the accepted ones are two tabs, so the step fits a laptop screen.
        warnings_box = QWidget()
        warnings_box.setObjectName("review_warnings_tab")
        warnings_layout = QVBoxLayout(warnings_box)
        self.warnings = QListWidget()
        name_widget(self.warnings, "review_warnings", self.tr("Warnings about the plan"))
        self.warnings.setWordWrap(True)
        self.warnings.setAlternatingRowColors(True)
        self.warnings.itemActivated.connect(self._activated)
        self.warnings.currentRowChanged.connect(lambda _row: self._enable_buttons())
        warnings_layout.addWidget(self.warnings)
        finding_buttons = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Accept…"))
        name_widget(
            self.accept_button,
            "accept_finding_button",
            self.tr("Accept the finding"),
            self.tr("Accept the selected finding as a reasonable exception, giving your reason"),
        )
        self.accept_button.clicked.connect(lambda: self.accept_selected())
        self.settings_button = QPushButton(self.tr("Check settings…"))
        name_widget(
            self.settings_button,
            "check_settings_button",
            self.tr("Check settings"),
            self.tr(
                "The region for public holidays, the consultation and analysis weeks, the evaluation share"
            ),
        )
        self.settings_button.clicked.connect(self.open_check_settings)
        finding_buttons.addWidget(self.accept_button)
        finding_buttons.addStretch(1)
        finding_buttons.addWidget(self.settings_button)
        warnings_layout.addLayout(finding_buttons)
        accepted_box = QWidget()
        accepted_box.setObjectName("review_accepted_tab")
        accepted_layout = QVBoxLayout(accepted_box)
        self.accepted = QListWidget()
        name_widget(self.accepted, "review_accepted", self.tr("Accepted exceptions"))
        self.accepted.setWordWrap(True)
        self.accepted.setAlternatingRowColors(True)
        self.accepted.currentRowChanged.connect(lambda _row: self._enable_buttons())
        accepted_layout.addWidget(self.accepted)
        restore_row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore"))
        name_widget(
            self.restore_button,
            "restore_finding_button",
            self.tr("Restore the finding"),
            self.tr("Take back the acceptance: the finding is open again"),
        )
        self.restore_button.clicked.connect(self.restore_selected)
        restore_row.addStretch(1)
        restore_row.addWidget(self.restore_button)
        accepted_layout.addLayout(restore_row)
        self.findings_tabs = QTabWidget()
        self.findings_tabs.setObjectName("review_findings_tabs")
        self.findings_tabs.addTab(warnings_box, self.tr("Warnings"))
        self.findings_tabs.addTab(accepted_box, self.tr("Accepted exceptions"))
        left.addWidget(self.findings_tabs, 1)
        columns.addLayout(left, 2)
        right = QVBoxLayout()
        self.delivery_box = DeliverySummaryBox(doc)  # shown for a plan with delivery records
        right.addWidget(self.delivery_box)
        self.charts = QTabWidget()
        self.charts.setObjectName("review_charts")
        self.charts.setAccessibleName(self.tr("Charts"))
        self.charts_note = QLabel(self.tr("Drawing the charts…"))
        self.charts_note.setObjectName("review_charts_note")
        self.charts_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right.addWidget(self.charts_note, 1)
        right.addWidget(self.charts, 1)
        self.charts.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton(self.tr("Export PDF…"))
        name_widget(
            self.export_button,
            "export_pdf_button",
            self.tr("Export PDF"),
            self.tr("Save the costed strategy as a PDF"),
        )
        self.print_button = QPushButton(self.tr("Print…"))
        name_widget(self.print_button, "print_button", self.tr("Print"), self.tr("Print the costed strategy"))
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        right.addLayout(buttons)
        columns.addLayout(right, 3)
        self.body.addLayout(columns, 1)
        self.export_button.clicked.connect(self.export_requested)
        self.print_button.clicked.connect(self.print_requested)

    def _summary_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Summary"))
        form = new_form()
        box.setLayout(form)
        self.summary: dict[str, QLabel] = {}
        self.summary_words: dict[str, QLabel] = {}
        rows = [
            ("groups", self.tr("Stakeholder groups")),
            ("activities", self.tr("Activities")),
            ("participants", self.tr("Expected participants")),
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
        """(severity, message, step key) of every open finding and every page's own problems."""
        return [(severity, message, step) for severity, message, step, _check in self._open_rows()]

    def _open_rows(self) -> list[tuple[str, str, str, Check | None]]:
        self._findings = findings(self.doc.plan, self.doc.budget)
        rows: list[tuple[str, str, str, Check | None]] = []
        if self.problem_source is not None:
            for key, name, problems in self.problem_source():
                rows += [(Severity.WARNING.value, f"{name}: {p}", key, None) for p in problems]
        rows += [(c.severity.value, c.message, c.step, c) for c in self._findings.open]
        return rows

    def refresh(self) -> None:
        self._show_warnings()
        self._show_summary()

    def _show_warnings(self) -> None:
        rows = self._open_rows()
        problems = [(severity, message, step) for severity, message, step, _c in rows]
        accepted = [(a.check.message, a.reason) for a in self._findings.accepted]
        if problems == self._shown_problems and accepted == self._shown_accepted and self.warnings.count():
            self._enable_buttons()
            return  # the same lists: thousands of warnings are not laid out again
        self._shown_problems, self._shown_accepted = problems, accepted
        self._shown_checks = [check for *_rest, check in rows]
        self.warnings.clear()
        for severity, message, step in problems:
            prefix = self.tr("Warning") if severity == Severity.WARNING else self.tr("Note")
            item = QListWidgetItem(f"{prefix}: {message}")
            item.setData(Qt.ItemDataRole.UserRole, step)
            item.setToolTip(message)
            self.warnings.addItem(item)
        if not problems:
            self.warnings.addItem(QListWidgetItem(self.tr("No warnings: the plan is ready to export.")))
        self.accepted.clear()
        for message, reason in accepted:
            item = QListWidgetItem(
                self.tr("{message}\nAccepted: {reason}").format(
                    message=message, reason=reason or self.tr("no reason given.")
                )
            )
            item.setToolTip(message)
            self.accepted.addItem(item)
        self.findings_tabs.setTabText(0, self.tr("Warnings and notes ({count})").format(count=len(problems)))
        self.findings_tabs.setTabText(1, self.tr("Accepted exceptions ({count})").format(count=len(accepted)))
        self._enable_buttons()

    def _selected_open(self) -> Check | None:
        row = self.warnings.currentRow()
        return self._shown_checks[row] if 0 <= row < len(self._shown_checks) else None

    def _enable_buttons(self) -> None:
        editable = not self.doc.readonly
        self.accept_button.setEnabled(editable and self._selected_open() is not None)
        self.restore_button.setEnabled(
            editable and 0 <= self.accepted.currentRow() < len(self._findings.accepted)
        )
        self.settings_button.setEnabled(editable)

    def accept_selected(self, reason: str | None = None) -> bool:
        """Accept the selected finding as an exception, asking for the reason unless given.
        One undo step; False if nothing was accepted (no finding selected, cancelled, no reason)."""
        check = self._selected_open()
        if check is None or self.doc.readonly:
            return False
        if reason is None:
            dialog = QInputDialog(self)
            dialog.setObjectName("accept_finding_dialog")
            dialog.setWindowTitle(self.tr("Accept the finding"))
            dialog.setLabelText(
                self.tr(
                    "{message}\n\nWhy is this a reasonable exception? The reason is printed in the PDF's list of "
                    "accepted exceptions."
                ).format(message=check.message)
            )
            dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
            if not dialog.exec():
                return False
            reason = dialog.textValue()
        if not reason.strip():
            QMessageBox.information(
                self,
                self.tr("Accept the finding"),
                self.tr(
                    "Nothing was accepted: give a reason, so readers of the plan know why it is an exception."
                ),
            )
            return False
        self.doc.replace_list(
            self.doc.plan,
            "dismissals",
            dismissed(self.doc.plan.dismissals, check, reason, date.today()),
            self.tr("Accept a finding"),
        )
        self._show_warnings()
        return True

    def restore_selected(self) -> bool:
        """Open the selected accepted finding again (one undo step)."""
        row = self.accepted.currentRow()
        if self.doc.readonly or not 0 <= row < len(self._findings.accepted):
            return False
        check = self._findings.accepted[row].check
        self.doc.replace_list(
            self.doc.plan,
            "dismissals",
            restored(self.doc.plan.dismissals, check),
            self.tr("Restore a finding"),
        )
        self._show_warnings()
        return True

    def open_check_settings(self) -> None:
        if self.doc.readonly:
            return
        CheckSettingsDialog(self.doc, self).exec()
        self._show_warnings()

    def _show_summary(self) -> None:
        plan, budget = self.doc.plan, self.doc.budget
        seldom = sum(1 for g in plan.groups if g.seldom_heard)
        values = {
            "groups": self.tr("{count} ({seldom} seldom heard)").format(
                count=len(plan.groups), seldom=seldom
            ),
            "activities": str(len(plan.activities)),
            "participants": locale_format.format_number(budget.participants),
        }
        for figure in budget_figures(plan, budget):
            values[figure.key] = figure.text
            self.summary_words[figure.key].setText(figure.words)
        for key, text in values.items():
            self.summary[key].setText(text)
            self.summary[key].setAccessibleDescription(text)
        self.delivery_box.refresh()

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
        row = self.warnings.row(item)
        check = self._shown_checks[row] if 0 <= row < len(self._shown_checks) else None
        if step:
            self.go_to_step.emit(str(step))
            if check is not None and check.item_id:
                self.go_to_item.emit(str(step), check.item_id)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        # Other pages' typed input (a half-typed amount) changes without editing the plan.
        self._show_warnings()
