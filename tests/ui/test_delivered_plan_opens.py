"""A plan in delivery opens in today's window and exports today's PDF: every step and tab is
shown, nothing is refused, and the planned figures print as approved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from ceplanner.cli import main
from ceplanner.core.costing import compute_budget
from ceplanner.core.money import format_money
from ceplanner.core.serialize import to_dict
from ceplanner.report.export import export_pdf
from ceplanner.store import PlanStore
from ceplanner.ui.wizard import STEPS
from tests.report.report_fixtures import normalise, read_pdf
from tests.ui.conftest import open_window


def _delivered(tmp_path: Path) -> Path:
    path = tmp_path / "delivered.ceplan"
    assert main(["demo", "--delivered", str(path)]) == 0
    return path


def test_the_window_shows_every_step_and_tab_of_a_delivered_plan(qtbot: QtBot, tmp_path: Path) -> None:
    path = _delivered(tmp_path)
    window = open_window(qtbot, path)
    tabs_seen = 0
    for index in range(len(STEPS)):
        window.go_to(index)
        assert window.stack.currentIndex() == index
        page = window.stack.currentWidget()
        for tabs in page.findChildren(QTabWidget):
            for tab in range(tabs.count()):
                tabs.setCurrentIndex(tab)
                tabs_seen += 1
        assert not page.grab().isNull()
    window.go_to(0)
    assert window.grab().save(str(tmp_path / "delivered-window.png"))
    assert tabs_seen > 5
    assert window.doc.plan.actual_costs and window.doc.plan.status.value == "in_delivery"
    window.close()
    with PlanStore.open(path, readonly=True) as store:  # visiting the steps lost no delivery record
        plan = store.load()
    for attr in ("sessions_held", "actual_costs", "themes", "responses"):
        assert to_dict(getattr(plan, attr)) == to_dict(getattr(window.doc.plan, attr))
    assert len(plan.actual_costs) > 50 and len(plan.themes) == 6


def test_the_pdf_of_a_delivered_plan_exports_with_the_approved_budget(tmp_path: Path) -> None:
    path = _delivered(tmp_path)
    with PlanStore.open(path, readonly=True) as store:
        plan = store.load()
    out = tmp_path / "delivered.pdf"
    export_pdf(plan, out)
    pdf = read_pdf(out.read_bytes())
    text = normalise(" ".join(pdf.pages))
    assert len(pdf.pages) > 5
    assert plan.title in text and "In delivery" in text
    assert format_money(compute_budget(plan).grand_total) in text
