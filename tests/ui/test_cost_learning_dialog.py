"""The window's way into costs that learn: the learn dialog and the benchmarks dialog."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ceplanner.cli import main as cli_main
from ceplanner.core.cost_learning import cost_suggestions, learned_source, library_cost
from ceplanner.core.library import all_methods, load_user_methods, save_user_methods, user_methods_path
from ceplanner.store import PlanStore
from ceplanner.store.delivery import approved_baseline
from ceplanner.ui.cost_learning_dialog import BenchmarksDialog, LearnCostsDialog


@pytest.fixture
def delivered(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "delivered.ceplan"
    path.parent.mkdir()
    assert cli_main(["demo", "--delivered", str(path)]) in (None, 0)
    return path


def _open(path: Path):  # type: ignore[no-untyped-def]
    with PlanStore.open(path, readonly=True) as store:
        plan = store.load()
        return plan, approved_baseline(store, plan)


def test_learn_dialog_lists_suggestions_and_updates_the_library(qtbot, delivered: Path) -> None:
    plan, approved = _open(delivered)
    expected = cost_suggestions(plan, all_methods(), approved)
    assert expected, "the delivered sample has activities that cost differently"
    dialog = LearnCostsDialog(plan, approved)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == len(expected)
    for row, s in enumerate(expected):
        assert s.method.name in table.item(row, 0).text()
        assert s.delivered.title in table.item(row, 0).text()
    assert dialog.apply_button.isEnabled()
    for row in range(1, table.rowCount()):
        table.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
    chosen = expected[0]
    assert not user_methods_path().exists()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert user_methods_path().exists(), dialog.message.text()
    saved = {m.id: m for m in load_user_methods()}
    assert set(saved) == {chosen.method.id}
    method = saved[chosen.method.id]
    assert method.source == learned_source(plan, chosen, date.today())
    d = chosen.delivered
    # costed again for what was delivered, the method read back gives the actual figure
    # (to within each unit cost's rounding)
    assert abs(library_cost(method, plan, d.sessions, d.people, d.same_people) - chosen.actual) <= max(
        d.sessions, d.people, 1
    ) * len(method.cost_lines)
    assert library_cost(method, plan, d.sessions, d.people, d.same_people) != chosen.library
    assert "Updated the method " in dialog.message.text()


def test_read_only_shared_library_disables_the_button(
    qtbot, delivered: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared" / "methods.json"
    shared.parent.mkdir()
    monkeypatch.setenv("CEPLANNER_LIBRARY", str(shared))
    save_user_methods([])
    shared.chmod(stat.S_IRUSR | stat.S_IRGRP)
    plan, approved = _open(delivered)
    try:
        dialog = LearnCostsDialog(plan, approved)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() > 0
        assert not dialog.apply_button.isEnabled()
        assert "read-only" in dialog.message.text()
        assert str(shared) in dialog.message.text()
    finally:
        shared.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_benchmarks_dialog_shows_methods_and_unreadable_files(qtbot, delivered: Path) -> None:
    folder = delivered.parent
    (folder / "x.ceplan").write_text("not a plan", encoding="utf-8")
    dialog = BenchmarksDialog()
    qtbot.addWidget(dialog)
    report = dialog.load(folder)
    assert report.benchmarks
    assert dialog.table.rowCount() == len(report.benchmarks)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert all(any(b.name in n for n in names) for b in report.benchmarks)
    assert dialog.table.item(0, 1).text() == str(report.benchmarks[0].count)
    text = dialog.unreadable.toPlainText()
    assert "x.ceplan" in text
    reason = next(u.reason for u in report.unreadable if u.path.name == "x.ceplan")
    assert reason in text
    assert os.path.basename(delivered) not in text


def test_file_menu_offers_learning_only_for_a_delivered_plan(
    qtbot, sample_file: Path, delivered: Path
) -> None:
    from PySide6.QtGui import QAction

    from ceplanner.ui.main_window import MainWindow
    from ceplanner.ui.open_errors import open_plan

    for path, enabled in ((sample_file, False), (delivered, True)):
        doc = open_plan(None, path)
        assert doc is not None
        window = MainWindow(doc)
        qtbot.addWidget(window)
        window.menuBar().actions()[0].menu().aboutToShow.emit()
        assert window.findChild(QAction, "action_learn_costs").isEnabled() is enabled
        assert window.findChild(QAction, "action_benchmarks").isEnabled()
        doc.close()
