"""Review and export: totals from the costing, charts drawn on demand, PDF export and print."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from ceplanner.core.money import format_money
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.wizard import step_index
from ceplanner.ui.worker import Task
from tests.ui.conftest import DialogLog


def _review(qtbot: QtBot, path: Path) -> MainWindow:
    doc = open_plan(None, path)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    window.go_to(step_index("review") or 0)
    return window


def test_summary_shows_the_costing_totals(qtbot: QtBot, sample_file: Path) -> None:
    window = _review(qtbot, sample_file)
    budget = window.doc.budget
    total = window.findChild(QLabel, "summary_total")
    assert total.text() == format_money(budget.grand_total, budget.currency)
    assert window.findChild(QLabel, "summary_cash").text() == format_money(budget.cash_total, budget.currency)
    assert window.findChild(QLabel, "summary_in_kind").text() == format_money(budget.in_kind, budget.currency)
    window.doc.set_value(window.doc.plan.evaluation, "budget", window.doc.plan.evaluation.budget + 100000)
    assert total.text() == format_money(window.doc.budget.grand_total, budget.currency)
    assert total.text() != format_money(budget.grand_total, budget.currency)


def test_charts_are_drawn_when_the_page_is_shown(qtbot: QtBot, sample_file: Path) -> None:
    window = _review(qtbot, sample_file)
    charts = window.findChild(QTabWidget, "review_charts")
    qtbot.waitUntil(charts.isVisible, timeout=20_000)  # drawn in the background
    names = [charts.widget(i).objectName() for i in range(charts.count())]
    assert names == ["chart_power_interest", "chart_timeline", "chart_budget", "chart_vfm"]
    for i in range(charts.count()):
        picture = charts.widget(i).image
        assert not picture.isNull() and picture.width() > 300 and picture.height() > 200
        # A real drawing, not a blank picture: many distinct colours.
        colours = {
            picture.pixel(x, y) for x in range(0, picture.width(), 7) for y in range(0, picture.height(), 7)
        }
        assert len(colours) > 10


def test_charts_follow_edits_after_a_pause_without_blocking(qtbot: QtBot, sample_file: Path) -> None:
    window = _review(qtbot, sample_file)
    page = window.current_page()
    charts = window.findChild(QTabWidget, "review_charts")
    qtbot.waitUntil(charts.isVisible, timeout=20_000)
    before = charts.widget(2).image.copy()  # the budget chart
    line = window.doc.plan.activities[0].cost_lines[0]
    with qtbot.waitSignal(page.charts_drawn, timeout=20_000):
        for step in range(1, 6):  # a burst of edits: drawn once, after the pause
            window.doc.set_value(line, "unit_cost", line.unit_cost + 500_000 * step)
    assert charts.widget(2).image != before


def test_matplotlib_waits_until_the_review_page(tmp_path: Path) -> None:
    code = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["CEPLANNER_DATA_DIR"] = {str(tmp_path)!r}
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
QCoreApplication.setOrganizationName("ceplanner-tests")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path / "settings")!r})
app = QApplication([])
from ceplanner.core.library import sample_plan
from ceplanner.store import PlanStore
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.wizard import step_index
review = step_index("review")
store = PlanStore.create({str(tmp_path / "p.ceplan")!r}, sample_plan())
window = MainWindow(PlanDocument(store.load(), store))
window.show(); app.processEvents()
for i in range(review):
    window.go_to(i); app.processEvents()
assert "matplotlib" not in sys.modules
window.go_to(review); app.processEvents()
assert "matplotlib" in sys.modules
window.close()
"""
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def _wait_for_dialog(qtbot: QtBot, dialogs: DialogLog) -> None:
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=30000)


def test_export_pdf_runs_in_the_background_and_says_where(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _review(qtbot, sample_file)
    target = tmp_path / "strategy"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    threads: list[bool] = []
    original = Task.run

    def spy(task: Task) -> None:
        threads.append(QThread.currentThread() is QApplication.instance().thread())
        original(task)

    monkeypatch.setattr(Task, "run", spy)
    qtbot.mouseClick(window.findChild(QPushButton, "export_pdf_button"), Qt.MouseButton.LeftButton)
    _wait_for_dialog(qtbot, dialogs)
    pdf = target.with_suffix(".pdf")
    assert dialogs.titles() == ["PDF saved"], dialogs.text()
    assert str(pdf) in dialogs.shown[0][1]
    assert threads and not any(threads)  # the PDF (and the charts) built off the GUI thread
    # The wizard's export is the same document the command line makes, figures included.
    from pypdf import PdfReader

    from ceplanner.core.money import format_money
    from ceplanner.report.export import export_pdf

    headless = export_pdf(window.doc.plan, tmp_path / "headless.pdf")
    wizard_pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert wizard_pages == [page.extract_text() for page in PdfReader(headless).pages]
    assert format_money(window.doc.budget.grand_total) in "\n".join(wizard_pages)


def test_export_failure_says_why(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _review(qtbot, sample_file)
    target = tmp_path / "no such folder" / "strategy.pdf"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    window.findChild(QPushButton, "export_pdf_button").click()
    _wait_for_dialog(qtbot, dialogs)
    assert dialogs.titles() == ["The PDF was not saved"]
    assert "does not exist" in dialogs.shown[0][1]


def test_print_to_pdf_writes_the_same_document(
    qtbot: QtBot, sample_file: Path, tmp_path: Path, dialogs: DialogLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    window = _review(qtbot, sample_file)
    target = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target))
        return int(QPrintDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    window.findChild(QPushButton, "print_button").click()
    _wait_for_dialog(qtbot, dialogs)
    assert dialogs.titles() == ["Print"], dialogs.text()
    assert target.read_bytes().startswith(b"%PDF")
    assert "Riverside Vale Homes" in PdfReader(target).pages[0].extract_text()  # the export itself, as text
