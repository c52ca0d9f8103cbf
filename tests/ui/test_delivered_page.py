"""The Delivery record step: the delivered sample's sessions and costs, an actual cost added
through the widgets (variance moves by exactly its amount, the file holds it, undo removes it),
attendance by group, and Start delivery on an approved copy (one undo step) or refused on a draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ceplanner.cli import main
from ceplanner.core.model import DeliveryStatus, PlanStatus, label
from ceplanner.core.money import format_money
from ceplanner.core.variance import delivery_figures, percent_text, signed_money
from ceplanner.store import PlanStore
from ceplanner.store.delivery import approved_baseline
from ceplanner.ui.pages.delivered import DeliveredPage
from ceplanner.ui.wizard import step_index
from tests.ui.conftest import open_window


def _delivered(tmp_path: Path) -> Path:
    path = tmp_path / "delivered.ceplan"
    assert main(["demo", "--delivered", str(path)]) == 0
    return path


def _page(window: Any) -> DeliveredPage:
    index = step_index("delivered")
    assert index is not None
    window.go_to(index)
    page = window.stack.currentWidget()
    assert isinstance(page, DeliveredPage)
    return page


def _variance_words(total: Any, currency: str) -> str:
    """The variance label as the page must word it, from the same functions ``ceplanner info`` uses."""
    return "Variance: " + signed_money(total.variance, currency) + " (" + percent_text(total.percent) + ")"


def _cells(model: Any, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_step_sits_between_delivery_and_evaluation() -> None:
    assert step_index("delivered") == step_index("delivery") + 1  # type: ignore[operator]
    assert step_index("evaluation") == step_index("delivered") + 1  # type: ignore[operator]


def test_sessions_and_costs_tables_show_the_sample(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, _delivered(tmp_path))
    page = _page(window)
    plan = window.doc.plan
    assert plan.sessions_held and plan.actual_costs
    sessions = page.sessions_tab.model
    assert sessions.rowCount() == len(plan.sessions_held)
    notes = sessions.column_of["notes"]
    assert _cells(sessions, notes) == [s.notes for s in plan.sessions_held]
    costs = page.costs_tab.model
    amount = costs.column_of["amount"]
    assert _cells(costs, amount) == [format_money(c.amount, plan.currency) for c in plan.actual_costs]
    # The progress table lists every activity with its status words.
    status = page.progress_tab.model.column_of["delivery_status"]
    assert len(_cells(page.progress_tab.model, status)) == len(plan.activities)


def test_an_actual_cost_added_moves_the_variance_by_its_amount_and_is_saved(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = _delivered(tmp_path)
    window = open_window(qtbot, path)
    page = _page(window)
    doc, tab = window.doc, page.costs_tab
    page.tabs.setCurrentWidget(tab)
    with PlanStore.open(path, readonly=True) as store:
        baseline = approved_baseline(store, store.load())
    before = delivery_figures(baseline, doc.plan).total
    assert tab.variance.text() == _variance_words(before, doc.plan.currency)
    count = len(doc.plan.actual_costs)
    qtbot.mouseClick(tab.costs.add_button, Qt.MouseButton.LeftButton)
    assert len(doc.plan.actual_costs) == count + 1
    model = tab.model
    row = count
    assert model.setData(model.index(row, model.column_of["amount"]), "123.45")
    assert model.setData(model.index(row, model.column_of["description"]), "Extra room hire")
    assert model.setData(model.index(row, model.column_of["reference"]), "INV-0099")
    after = delivery_figures(baseline, doc.plan).total
    assert after.variance - before.variance == 12345
    assert tab.variance.text().startswith(
        "Variance: " + signed_money(before.variance + 12345, doc.plan.currency)
    )
    assert tab.actual.text() == "Actual: " + format_money(before.actual.total + 12345, doc.plan.currency)
    assert doc.flush()
    with PlanStore.open(path, readonly=True) as store:
        saved = store.load().actual_costs
    added = [c for c in saved if c.reference == "INV-0099"]
    assert len(added) == 1 and added[0].amount == 12345 and added[0].description == "Extra room hire"
    # Undo the three edits and the add: the cost is gone, the variance as it was.
    for _ in range(4):
        doc.undo_stack.undo()
    assert len(doc.plan.actual_costs) == count
    assert tab.variance.text() == _variance_words(before, doc.plan.currency)
    assert doc.flush()
    with PlanStore.open(path, readonly=True) as store:
        assert not [c for c in store.load().actual_costs if c.reference == "INV-0099"]


def test_a_bad_amount_is_refused_with_a_reason(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, _delivered(tmp_path))
    tab = _page(window).costs_tab
    model = tab.model
    old = window.doc.plan.actual_costs[0].amount
    assert not model.setData(model.index(0, model.column_of["amount"]), "twelve pounds")
    assert window.doc.plan.actual_costs[0].amount == old
    assert tab.costs.problem.text()


def test_attendance_by_group_is_one_edit_and_saved(qtbot: QtBot, tmp_path: Path) -> None:
    path = _delivered(tmp_path)
    window = open_window(qtbot, path)
    page = _page(window)
    tab = page.sessions_tab
    page.tabs.setCurrentWidget(tab)
    doc = window.doc
    tab.sessions.table.selectRow(0)
    session = doc.plan.sessions_held[0]
    assert tab.by_group_model.session is session
    groups = tab.by_group_model
    assert groups.rowCount() == len(doc.plan.groups)
    group = doc.plan.groups[1]
    people = groups.column_of["people"]
    depth = doc.undo_stack.count()
    assert groups.setData(groups.index(1, people), 17)
    assert doc.undo_stack.count() == depth + 1
    assert [c.people for c in session.by_group if c.group_id == group.id] == [17]
    assert groups.index(1, people).data() == "17"
    assert doc.flush()
    with PlanStore.open(path, readonly=True) as store:
        saved = next(s for s in store.load().sessions_held if s.id == session.id)
    assert [c.people for c in saved.by_group if c.group_id == group.id] == [17]


def _approved_copy(tmp_path: Path, status: PlanStatus) -> Path:
    """The sample (not delivered) saved with ``status``."""
    path = tmp_path / "plan.ceplan"
    assert main(["demo", str(path)]) == 0
    with PlanStore.open(path) as store:
        plan = store.load()
        plan.status = status
        store.save(plan)
    return path


def test_start_delivery_keeps_the_approved_version_in_one_undo_step(qtbot: QtBot, tmp_path: Path) -> None:
    path = _approved_copy(tmp_path, PlanStatus.APPROVED)
    window = open_window(qtbot, path)
    page = _page(window)
    doc, tab = window.doc, page.progress_tab
    assert tab.start_button.isEnabled()
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    assert doc.plan.status is PlanStatus.IN_DELIVERY
    assert doc.plan.delivery_started_on is not None
    assert not tab.start_button.isEnabled()
    assert doc.flush()
    with PlanStore.open(path, readonly=True) as store:
        assert store.load().status is PlanStatus.IN_DELIVERY
        info = store.approved_snapshot()
        assert info is not None
        assert store.snapshot_plan(info.id).status is PlanStatus.APPROVED
    doc.undo_stack.undo()
    assert doc.plan.status is PlanStatus.APPROVED
    assert doc.plan.delivery_started_on is None
    assert tab.start_button.isEnabled()


def test_start_delivery_is_refused_on_a_draft_with_the_reason(qtbot: QtBot, tmp_path: Path) -> None:
    path = _approved_copy(tmp_path, PlanStatus.DRAFT)
    window = open_window(qtbot, path)
    tab = _page(window).progress_tab
    assert not tab.start_button.isEnabled()
    assert "Only an approved plan can go into delivery" in tab.state.text()


def test_an_activity_dropped_with_a_reason_is_saved_and_undone(qtbot: QtBot, tmp_path: Path) -> None:
    path = _delivered(tmp_path)
    window = open_window(qtbot, path)
    doc = window.doc
    model = _page(window).progress_tab.model
    row = next(
        i for i, a in enumerate(doc.plan.activities) if a.delivery_status is not DeliveryStatus.DROPPED
    )
    activity = doc.plan.activities[row]
    assert model.setData(model.index(row, model.column_of["delivery_status"]), DeliveryStatus.DROPPED)
    assert model.setData(model.index(row, model.column_of["dropped_reason"]), "The venue closed.")
    assert model.index(row, model.column_of["delivery_status"]).data() == "Dropped"
    assert doc.flush()
    with PlanStore.open(path, readonly=True) as store:
        saved = next(a for a in store.load().activities if a.id == activity.id)
    assert saved.delivery_status is DeliveryStatus.DROPPED and saved.dropped_reason == "The venue closed."
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert activity.delivery_status is not DeliveryStatus.DROPPED and activity.dropped_reason == ""


def _table_rows(table: Any) -> list[tuple[str, ...]]:
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())
    ]


def _money_rows(rows: list[Any], currency: str) -> list[tuple[str, ...]]:
    """Core's figures formatted the way ``ceplanner info`` prints them."""
    return [
        (
            r.label,
            format_money(r.planned.total, currency),
            format_money(r.actual.total, currency),
            signed_money(r.variance, currency),
            percent_text(r.percent),
        )
        for r in rows
    ]


def _choose(tab: Any, key: str) -> None:
    tab.breakdown.setCurrentIndex(tab.breakdown.findData(key))


def test_category_and_funder_views_show_cores_figures_row_by_row(qtbot: QtBot, tmp_path: Path) -> None:
    path = _delivered(tmp_path)
    window = open_window(qtbot, path)
    page = _page(window)
    tab, plan = page.costs_tab, window.doc.plan
    page.tabs.setCurrentWidget(tab)
    with PlanStore.open(path, readonly=True) as store:
        figures = delivery_figures(approved_baseline(store, store.load()), plan)
    assert len(figures.by_category) > 1 and len(figures.by_funder) > 1
    for key, rows, heading in (
        ("category", figures.by_category, "Category"),
        ("funder", figures.by_funder, "Funder"),
        ("activity", figures.by_activity, "Activity"),
    ):
        _choose(tab, key)
        expected = _money_rows([*rows, figures.contingency], plan.currency)
        shown = _table_rows(tab.by_activity)
        assert tab.by_activity.horizontalHeaderItem(0).text() == heading
        assert shown == expected


def test_a_cost_in_a_category_moves_that_categorys_actual_by_its_amount(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, _delivered(tmp_path))
    page = _page(window)
    tab, doc = page.costs_tab, window.doc
    page.tabs.setCurrentWidget(tab)
    _choose(tab, "category")
    category = doc.plan.actual_costs[0].category
    name = label(category)

    def actual_of(text: str) -> str:
        return next(row[2] for row in _table_rows(tab.by_activity) if row[0] == text)

    before = next(r for r in tab.figures.by_category if r.key == category.value).actual.total
    others = {row[0]: row[2] for row in _table_rows(tab.by_activity) if row[0] != name}
    qtbot.mouseClick(tab.costs.add_button, Qt.MouseButton.LeftButton)
    model, row = tab.model, len(doc.plan.actual_costs) - 1
    assert model.setData(model.index(row, model.column_of["category"]), category)
    assert model.setData(model.index(row, model.column_of["amount"]), "250.05")
    assert actual_of(name) == format_money(before + 25005, doc.plan.currency)
    # Every other category stays as it was (the total row, contingency included, is not a category).
    assert {row[0]: row[2] for row in _table_rows(tab.by_activity) if row[0] != name} == others


def test_reach_table_shows_each_groups_reach_and_the_seldom_heard(qtbot: QtBot, tmp_path: Path) -> None:
    path = _delivered(tmp_path)
    window = open_window(qtbot, path)
    tab = _page(window).progress_tab
    with PlanStore.open(path, readonly=True) as store:
        figures = delivery_figures(approved_baseline(store, store.load()), window.doc.plan)
    assert figures.reach and any(r.seldom_heard for r in figures.reach)
    expected = [
        (
            r.name,
            f"{r.expected:,}",
            f"{r.reached:,}",
            percent_text(r.percent, signed=False),
            "Yes" if r.seldom_heard else "",
        )
        for r in figures.reach
    ]
    rows = _table_rows(tab.reach)
    assert rows[: len(expected)] == expected
    seldom = figures.seldom_heard
    assert rows[len(expected)] == (
        "Seldom-heard groups",
        f"{seldom.expected:,}",
        f"{seldom.reached:,}",
        percent_text(seldom.percent, signed=False),
        "",
    )
    assert rows[-1][0] == "Everyone" and rows[-1][2] == f"{figures.reach_total.reached:,}"
