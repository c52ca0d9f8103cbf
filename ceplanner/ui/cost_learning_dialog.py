"""Costs that learn, in the window: "Learn Costs from Delivery…" and "Cost Benchmarks…".

The same logic as ``ceplanner costs-learn`` and ``ceplanner benchmarks`` (core.cost_learning,
store.benchmarks, core.library); only the presentation is Qt.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.cost_learning import (
    CostLearningError,
    CostSuggestion,
    Spread,
    apply_suggestion,
    cost_suggestions,
)
from ceplanner.core.library import (
    LibraryError,
    all_methods,
    library_writable,
    load_user_methods,
    save_user_methods,
    user_methods_path,
)
from ceplanner.core.model import Plan
from ceplanner.core.money import format_money
from ceplanner.core.variance import percent_text, signed_money
from ceplanner.store.benchmarks import BenchmarkReport, cost_benchmarks
from ceplanner.ui.files import documents_folder

BENCHMARK_FOLDER_KEY = "folders/benchmarks"
"""Where the last benchmarks folder was chosen."""


def _cell(text: str, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class LearnCostsDialog(QDialog):
    """Suggestions from a delivered plan, each with a checkbox; "Update my library" applies the checked."""

    def __init__(self, plan: Plan, approved: Plan | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("learn_costs_dialog")
        self.setWindowTitle(self.tr("Learn Costs from Delivery"))
        self.resize(1000, 520)
        self.plan = plan
        self.suggestions: list[CostSuggestion] = []
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("suggestions")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Method"),
                self.tr("Library"),
                self.tr("Planned"),
                self.tr("Delivered"),
                self.tr("Difference"),
                self.tr("Percent"),
            ]
        )
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = QPushButton(self.tr("Update my library"))
        self.apply_button.setObjectName("apply")
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply_checked)
        layout.addWidget(buttons)
        self.intro.setText(
            self.tr(
                "What each delivered activity's method costs in the library for the sessions held and "
                "people reached, against what delivery cost. Staff time is left out on both sides."
            )
        )
        try:
            self.suggestions = cost_suggestions(plan, all_methods(), approved)
        except LibraryError as exc:
            self._refuse(self.tr("The method library cannot be read: {problem}").format(problem=str(exc)))
            return
        self._fill()
        if not self.suggestions:
            self._refuse(self.tr("No delivered activity cost differently from what the method library says."))
        elif not library_writable():
            self._refuse(
                self.tr(
                    "The method library {path} is read-only here (a shared library is often read-only "
                    "for most of a team), so it cannot be updated. Ask its owner to change it."
                ).format(path=str(user_methods_path()))
            )

    def _refuse(self, reason: str) -> None:
        self.message.setText(reason)
        self.apply_button.setEnabled(False)

    def _fill(self) -> None:
        currency = self.plan.currency
        self.table.setRowCount(len(self.suggestions))
        for row, s in enumerate(self.suggestions):
            name = self.tr("{method} (activity “{title}”)").format(
                method=s.method.name or s.method.id, title=s.delivered.title
            )
            first = _cell(name)
            first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            first.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, 0, first)
            planned = format_money(s.planned, currency) if s.planned is not None else "—"
            texts = [
                format_money(s.library, currency),
                planned,
                format_money(s.actual, currency),
                signed_money(s.difference, currency),
                percent_text(s.percent),
            ]
            for col, text in enumerate(texts, start=1):
                self.table.setItem(row, col, _cell(text, number=True))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def checked(self) -> list[CostSuggestion]:
        """The suggestions whose row is ticked."""
        return [
            s
            for row, s in enumerate(self.suggestions)
            if self.table.item(row, 0).checkState() == Qt.CheckState.Checked
        ]

    def apply_checked(self) -> None:
        """Put the ticked suggestions' delivered figures in the user's library and save it."""
        chosen = self.checked()
        if not chosen:
            self.message.setText(self.tr("Tick at least one method to update."))
            return
        uses: dict[str, int] = {}
        for s in chosen:
            uses[s.method.id] = uses.get(s.method.id, 0) + 1
        notes: list[str] = []
        updated: list[str] = []
        try:
            methods = load_user_methods()
            for s in chosen:
                name = s.method.name or s.method.id
                if uses[s.method.id] > 1:
                    notes.append(
                        self.tr(
                            "{method} is ticked for several activities; not updated (tick one only)."
                        ).format(method=name)
                    )
                    continue
                try:
                    methods = apply_suggestion(methods, s, self.plan, date.today())
                except CostLearningError as exc:
                    notes.append(str(exc))
                    continue
                updated.append(name)
            if updated:
                save_user_methods(methods)
                self.apply_button.setEnabled(False)
        except LibraryError as exc:
            self.message.setText(
                self.tr("The method library was not changed: {problem}").format(problem=str(exc))
            )
            return
        if len(updated) == 1:
            done = self.tr("Updated the method {name} in {path}.").format(
                name=updated[0], path=str(user_methods_path())
            )
        elif updated:
            done = self.tr("Updated {n} methods in {path}: {names}.").format(
                n=len(updated), path=str(user_methods_path()), names=", ".join(updated)
            )
        else:
            done = self.tr("No method was updated.")
        self.message.setText(" ".join([done, *notes]))


class BenchmarksDialog(QDialog):
    """Per method, what delivered activities really cost across the plan files in a folder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("benchmarks_dialog")
        self.setWindowTitle(self.tr("Cost Benchmarks"))
        self.resize(960, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("benchmarks")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Method"),
                self.tr("Activities"),
                self.tr("Median a session"),
                self.tr("Low a session"),
                self.tr("High a session"),
                self.tr("Median a person"),
                self.tr("Low a person"),
                self.tr("High a person"),
            ]
        )
        layout.addWidget(self.table, 1)
        self.unreadable = QPlainTextEdit()
        self.unreadable.setObjectName("unreadable")
        self.unreadable.setReadOnly(True)
        self.unreadable.setMaximumHeight(110)
        layout.addWidget(self.unreadable)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def load(self, folder: Path) -> BenchmarkReport:
        """Read every plan file in ``folder`` (never changing them) and show the benchmarks."""
        report = cost_benchmarks(folder)
        files = len(report.read)
        if report.benchmarks:
            self.summary.setText(
                self.tr(
                    "What methods really cost, from delivered activities in the plan files in {folder} "
                    "(files read: {n}). "
                    "Staff time is left out: the library costs it from each method's hours."
                ).format(n=files, folder=str(folder))
            )
        else:
            self.summary.setText(
                self.tr(
                    "No delivered activities with a method in the plan files in {folder} (files read: {n})."
                ).format(n=files, folder=str(folder))
            )
        self.table.setRowCount(len(report.benchmarks))
        for row, b in enumerate(report.benchmarks):
            self.table.setItem(row, 0, _cell(f"{b.name} ({b.currency})"))
            self.table.setItem(row, 1, _cell(str(b.count), number=True))
            for col, spread in ((2, b.per_session), (5, b.per_person)):
                for offset, text in enumerate(self._spread(spread, b.currency)):
                    self.table.setItem(row, col + offset, _cell(text, number=True))
        self.table.resizeColumnsToContents()
        lines = [
            self.tr("Left out {name}: {reason}").format(name=u.path.name, reason=u.reason)
            for u in report.unreadable
        ]
        self.unreadable.setPlainText("\n".join(lines))
        self.unreadable.setVisible(bool(lines))
        return report

    @staticmethod
    def _spread(spread: Spread | None, currency: str) -> list[str]:
        if spread is None:
            return ["—", "—", "—"]
        return [format_money(v, currency) for v in (spread.median, spread.low, spread.high)]


def show_learn_costs(window: QWidget, doc: object) -> None:
    """Open "Learn Costs from Delivery" for the window's plan (``doc``: its PlanDocument)."""
    from ceplanner.store.delivery import approved_baseline

    plan: Plan = doc.plan  # type: ignore[attr-defined]
    store = getattr(doc, "store", None)
    approved = approved_baseline(store, plan) if store is not None else None
    LearnCostsDialog(plan, approved, window).exec()


def show_benchmarks(window: QWidget) -> None:
    """Ask for a folder (starting in the last one used), then show its benchmarks."""
    settings = QSettings()
    remembered = settings.value(BENCHMARK_FOLDER_KEY, "")
    start = remembered if isinstance(remembered, str) and remembered and Path(remembered).is_dir() else ""
    chosen = QFileDialog.getExistingDirectory(
        window,
        QCoreApplication.translate("CostLearning", "Choose a Folder of Plans"),
        start or documents_folder(),
    )
    if not chosen:
        return
    settings.setValue(BENCHMARK_FOLDER_KEY, chosen)
    dialog = BenchmarksDialog(window)
    dialog.load(Path(chosen))
    dialog.exec()
