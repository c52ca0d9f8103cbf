"""The Evaluation step's value-for-money tabs, through real widgets: six-E ratings beside their
rubric and measured inputs, what goes in and comes back, the SROI table with its live ratio and
sensitivity, the National Standards and influence tables; every edit reaches the file and undoes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
)
from pytestqt.qtbot import QtBot

from ceplanner.core.model import IAP2Level, NationalStandard, Plan, SixE
from ceplanner.core.sroi import forecast, sensitivity
from ceplanner.core.standards import measures_text, standard_evidence
from ceplanner.core.vfm_measures import six_e_measures
from ceplanner.core.vfm_rubric import rubric_text
from ceplanner.ui.pages.evaluation import EvaluationPage
from tests.core.vfm_plan import vfm_plan
from tests.ui.conftest import unnamed_inputs
from tests.ui.helpers import open_document, reopen, type_text


def _page(qtbot: QtBot, tmp_path: Path, plan: Plan | None = None) -> EvaluationPage:
    page = EvaluationPage(open_document(tmp_path, plan or vfm_plan()))
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _tab(page: EvaluationPage, name: str) -> None:
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    page.tabs.setCurrentIndex(titles.index(name))


def _type_cell(qtbot: QtBot, table: QTableView, prefix: str, row: int, attr: str, text: str) -> None:
    """Open a cell's editor as a double-click would, type, and press Enter."""
    model = table.model()
    index = model.index(row, model.column_of[attr])
    table.setCurrentIndex(index)
    table.edit(index)
    name = f"{prefix}_editor_{attr}"
    editor = table.findChild(QLineEdit, name) or table.findChild(QSpinBox, name)
    assert editor is not None, name
    if isinstance(editor, QSpinBox):
        editor.setValue(int(text))
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    else:
        editor.selectAll()
        if text:
            type_text(editor, text)
        else:
            qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not table.findChildren(type(editor), name))


def _type_area(qtbot: QtBot, area: QPlainTextEdit, text: str) -> None:
    area.setFocus()
    area.selectAll()
    type_text(area, text)
    area.editingFinished.emit()


def test_a_rating_shows_what_it_means_beside_the_measured_inputs(qtbot: QtBot, tmp_path: Path) -> None:
    page = _page(qtbot, tmp_path)
    _tab(page, "Six Es")
    combo = page.findChild(QComboBox, "vfm_equity_rating")
    combo.setCurrentIndex(combo.findData(4))
    combo.activated.emit(combo.currentIndex())
    meaning = page.findChild(QLabel, "vfm_equity_meaning")
    assert meaning.text() == rubric_text(SixE.EQUITY, 4)
    measured = page.findChild(QLabel, "vfm_equity_measured")
    expected = six_e_measures(page.doc.plan)[SixE.EQUITY]
    assert measured.text() == "\n".join(f"{m.label}: {m.text}" for m in expected)
    assert "47.6% (£500.00)" in measured.text()
    # costs change: the measured inputs follow at once
    line = page.doc.plan.activities[0].cost_lines[1]  # the interpreter, £200
    page.doc.set_value(line, "unit_cost", 70000)
    assert "Access support share of the total" in measured.text()
    assert measured.text() == "\n".join(
        f"{m.label}: {m.text}" for m in six_e_measures(page.doc.plan)[SixE.EQUITY]
    )
    page.doc.undo_stack.undo()
    page.doc.undo_stack.undo()
    assert "47.6% (£500.00)" in measured.text()
    assert meaning.text() == "Choose a rating to see what it means."
    assert reopen(page.doc).vfm[3].rating is None


def test_what_goes_in_and_comes_back_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    page = _page(qtbot, tmp_path)
    _tab(page, "What goes in, comes back")
    cost = page.findChild(QLineEdit, "plan_service_annual_cost")
    cost.setFocus()
    cost.selectAll()
    type_text(cost, "£494,000")
    cost.editingFinished.emit()
    share = page.findChild(QLabel, "plan_service_share")
    assert share.text().startswith("0.3% of the service's yearly cost")  # £1,235 of £494,000 = 0.25%
    _type_area(qtbot, page.findChild(QPlainTextEdit, "plan_expected_returns"), "Fewer complaints — ünïcode")
    spin = page.findChild(QDoubleSpinBox, "plan_sroi_discount")
    spin.setValue(1.5)
    spin.editingFinished.emit()
    plan = reopen(page.doc)
    assert plan.service_annual_cost == 49_400_000
    assert plan.expected_returns == "Fewer complaints — ünïcode"
    assert plan.sroi_discount_percent == Decimal("1.5")
    cost.setFocus()
    cost.selectAll()
    type_text(cost, "lots")
    cost.editingFinished.emit()
    assert "Annual cost of the service" in page.problems()[-1]
    assert reopen(page.doc).service_annual_cost == 49_400_000  # nonsense is refused, in words
    cost.clear()
    cost.editingFinished.emit()
    assert reopen(page.doc).service_annual_cost is None  # optional: cleared means not given
    page.doc.undo_stack.undo()
    assert page.doc.plan.service_annual_cost == 49_400_000


def test_sroi_outcomes_typed_into_the_table_give_the_ratio_live(qtbot: QtBot, tmp_path: Path) -> None:
    page = _page(qtbot, tmp_path)
    _tab(page, "Social return")
    table = page.findChild(QTableView, "sroi_outcomes")
    page.findChild(QPushButton, "sroi_add").click()
    for attr, text in (
        ("description", "Carers less isolated"),
        ("who", "Unpaid carers"),
        ("quantity", "12"),
        ("proxy_value", "£1,200"),
        ("proxy_source", "HACT 2014"),
        ("duration_years", "2"),
        ("deadweight_percent", "30"),
        ("attribution_percent", "20%"),
        ("drop_off_percent", "25"),
    ):
        _type_cell(qtbot, table, "sroi", 0, attr, text)
    assert page.doc.undo_stack.undoText() == "Change the drop-off of the outcome “Carers less isolated”"
    _type_cell(qtbot, table, "sroi", 0, "displacement_percent", "120")
    problem = page.findChild(QLabel, "sroi_problem")
    assert "Displacement" in problem.text() and "0 to 100" in problem.text()
    result = forecast(page.doc.plan)
    # 12 x £1,200 less 30% and 20% = £8,064.00 then £6,048.00; discounted at 3.5%: £13,437.17
    assert result.present_value == 1343717
    ratio = page.findChild(QLabel, "sroi_ratio")
    assert f"£{result.ratio} of social value for every £1 spent (estimate)" in ratio.text()
    assert "£13,437.17" in ratio.text() and "estimate" in ratio.text()
    shown = page.findChild(QLabel, "sroi_sensitivity").text()
    for case in sensitivity(page.doc.plan):
        assert f"{case.name}: £{case.ratio} : £1" in shown
    present = table.model().index(0, table.model().column_of["present"]).data()
    assert present == "£13,437.17"
    plan = reopen(page.doc)
    outcome = plan.sroi_outcomes[0]
    assert (outcome.description, outcome.who, outcome.quantity, outcome.proxy_value) == (
        "Carers less isolated",
        "Unpaid carers",
        12,
        120000,
    )
    assert (outcome.duration_years, outcome.attribution_percent, outcome.displacement_percent) == (
        2,
        Decimal(20),
        Decimal(0),
    )
    # the discount rate changes every row's present value and the ratio at once
    page.doc.set_value(page.doc.plan, "sroi_discount_percent", Decimal(0))
    assert table.model().index(0, table.model().column_of["present"]).data() == "£14,112.00"
    assert "£14,112.00" in ratio.text()
    table.selectRow(0)
    page.findChild(QPushButton, "sroi_delete").click()
    assert reopen(page.doc).sroi_outcomes == []
    assert "No outcomes yet" in ratio.text()


def test_standards_are_rated_beside_what_the_plan_shows(qtbot: QtBot, tmp_path: Path) -> None:
    plan = vfm_plan()
    plan.standards = []  # an older plan with no ratings: all seven rows still shown
    page = _page(qtbot, tmp_path, plan)
    _tab(page, "National Standards")
    table = page.findChild(QTableView, "standards")
    model = table.model()
    assert model.rowCount() == 7
    row = list(NationalStandard).index(NationalStandard.COMMUNICATION)
    shows = model.index(row, model.column_of["shows"]).data()
    assert shows == measures_text(standard_evidence(page.doc.plan)[NationalStandard.COMMUNICATION])
    assert shows == "Report-back activities: 1: Design panel"
    _type_cell(qtbot, table, "standards", row, "rating", "4")
    assert page.doc.undo_stack.undoText() == "Rate the Communication standard"
    _type_cell(qtbot, table, "standards", row, "evidence", "Newsletter in easy read")
    _type_cell(qtbot, table, "standards", row, "actions", "Reply to each group")
    assert page.doc.undo_stack.undoText() == "Change the actions of the Communication standard"
    _type_cell(qtbot, table, "standards", 0, "rating", "9")
    assert "from 1 (poor) to 6" in page.findChild(QLabel, "standards_problem").text()
    saved = reopen(page.doc)
    assert [(r.standard, r.rating, r.evidence, r.actions) for r in saved.standards] == [
        (NationalStandard.COMMUNICATION, 4, "Newsletter in easy read", "Reply to each group")
    ]
    page.doc.set_value(page.doc.plan.activities[1], "reports_back", False)
    assert model.index(row, model.column_of["shows"]).data() == "Report-back activities: none planned"
    _type_cell(qtbot, table, "standards", row, "rating", "")
    assert reopen(page.doc).standards[0].rating is None
    # an edit no cost depends on (an activity's level) still updates what the plan shows
    together = list(NationalStandard).index(NationalStandard.WORKING_TOGETHER)
    assert "Activities at Involve or above: 1 of 2 (50.0%)" in model.index(together, 4).data()
    page.doc.set_value(page.doc.plan.activities[0], "level", IAP2Level.INVOLVE)
    assert "Activities at Involve or above: 2 of 2 (100.0%)" in model.index(together, 4).data()


def test_influence_assessments_are_saved(qtbot: QtBot, tmp_path: Path) -> None:
    page = _page(qtbot, tmp_path)
    _tab(page, "Influence")
    table = page.findChild(QTableView, "influence")
    page.findChild(QPushButton, "influence_add").click()
    for attr, text in (
        ("assessed_on", "2027-01-14"),
        ("who_took_part", "Tenant panel"),
        ("agency_openness", "4"),
        ("community_influence", "2"),
        ("notes", "Asked, not told"),
        ("actions", "Report back"),
    ):
        _type_cell(qtbot, table, "influence", 0, attr, text)
    _type_cell(qtbot, table, "influence", 0, "assessed_on", "14/01/2027")
    assert "year-month-day" in page.findChild(QLabel, "influence_problem").text()
    saved = reopen(page.doc).influence[0]
    assert (saved.assessed_on, saved.who_took_part, saved.agency_openness, saved.community_influence) == (
        date(2027, 1, 14),
        "Tenant panel",
        4,
        2,
    )
    assert (saved.notes, saved.actions) == ("Asked, not told", "Report back")
    page.doc.undo_stack.undo()
    assert page.doc.plan.influence[0].actions == ""


def test_every_input_of_every_tab_has_a_name(qtbot: QtBot, tmp_path: Path) -> None:
    assert unnamed_inputs(_page(qtbot, tmp_path)) == []


def test_a_read_only_plan_cannot_be_changed_from_any_tab(qtbot: QtBot, tmp_path: Path) -> None:
    from ceplanner.store import PlanStore
    from ceplanner.ui.document import PlanDocument

    path = tmp_path / "shared.ceplan"
    PlanStore.create(path, vfm_plan()).close()
    store = PlanStore.open(path, readonly=True)
    page = EvaluationPage(PlanDocument(store.load(), store))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert not page.findChild(QComboBox, "vfm_equity_rating").isEnabled()
    assert not page.findChild(QPushButton, "sroi_add").isEnabled()
    assert not page.findChild(QPushButton, "influence_add").isEnabled()
    assert not page.findChild(QDoubleSpinBox, "plan_sroi_discount").isEnabled()
    assert page.findChild(QPlainTextEdit, "plan_expected_returns").isReadOnly()
    standards = page.findChild(QTableView, "standards").model()
    assert not standards.flags(standards.index(0, standards.column_of["rating"])) & Qt.ItemFlag.ItemIsEditable
    store.close()
