"""The Context page: every field reaches the plan file; bad money is refused in words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QListWidget, QPlainTextEdit
from pytestqt.qtbot import QtBot

from ceplanner.core.model import PlanStatus
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.pages.context import ContextPage
from tests.ui.conftest import reopen, unnamed_inputs

HOSTILE = "Łódź <script> & AT&T — “quoted”"


def _page(qtbot: QtBot, path: Path) -> ContextPage:
    doc = open_plan(None, path)
    assert doc is not None
    page = ContextPage(doc)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def _type(edit: QLineEdit | QPlainTextEdit, text: str) -> None:
    if isinstance(edit, QPlainTextEdit):
        edit.setPlainText(text)
    else:
        edit.setText(text)
    edit.editingFinished.emit()


def test_every_field_is_saved_to_the_file(qtbot: QtBot, blank_file: Path) -> None:
    page = _page(qtbot, blank_file)
    find = page.findChild
    _type(find(QLineEdit, "plan_title"), HOSTILE)
    _type(find(QLineEdit, "plan_organisation"), "Riverside Vale Homes")
    _type(find(QLineEdit, "plan_author"), "Zoë Ångström")
    _type(page.start.edit, "11/01/2027")
    _type(page.end.edit, "30 Sep 2027")
    currency = find(QComboBox, "plan_currency")
    currency.setCurrentIndex(currency.findData("EUR"))
    currency.activated.emit(currency.currentIndex())
    _type(find(QLineEdit, "plan_day_rate"), "€1,250.50")
    spin = find(QDoubleSpinBox, "plan_contingency")
    spin.setValue(12.5)
    spin.editingFinished.emit()
    status = find(QComboBox, "plan_status")
    status.setCurrentIndex(status.findData(PlanStatus.APPROVED))
    status.activated.emit(status.currentIndex())
    for name, text in [
        ("plan_purpose", "Why <b>"),
        ("plan_decision", "Which model"),
        ("plan_negotiable", "Times"),
        ("plan_not_negotiable", "Budget & safety"),
    ]:
        _type(find(QPlainTextEdit, name), text)
    _type(find(QLineEdit, "plan_decision_maker"), "The Board")
    values = find(QListWidget, "value_for_whom_list")
    values.item(0).setCheckState(Qt.CheckState.Checked)
    find(QLineEdit, "value_for_whom_new").setText("Future tenants")
    qtbot.mouseClick(page.value_add, Qt.MouseButton.LeftButton)
    page.doc.close()

    plan = reopen(blank_file)
    assert plan.title == HOSTILE
    assert plan.organisation == "Riverside Vale Homes"
    assert plan.author == "Zoë Ångström"
    assert (plan.start, plan.end) == (date(2027, 1, 11), date(2027, 9, 30))
    assert plan.currency == "EUR"
    assert plan.staff_day_rate == 125050
    assert plan.contingency_percent == Decimal("12.5")
    assert plan.status is PlanStatus.APPROVED
    assert (plan.purpose, plan.decision, plan.negotiable, plan.not_negotiable) == (
        "Why <b>",
        "Which model",
        "Times",
        "Budget & safety",
    )
    assert plan.decision_maker == "The Board"
    assert plan.value_for_whom == ["Service users", "Future tenants"]


def test_nonsense_money_is_refused_in_words(qtbot: QtBot, sample_file: Path) -> None:
    page = _page(qtbot, sample_file)
    before = page.doc.plan.staff_day_rate
    _type(page.day_rate.edit, "lots")
    assert page.day_rate.problem.isVisible()
    assert "not an amount of money" in page.day_rate.problem.text()
    assert page.doc.plan.staff_day_rate == before
    assert page.problems() and "Staff day rate" in page.problems()[0]
    _type(page.day_rate.edit, "300")
    assert not page.day_rate.problem.isVisible()
    assert page.doc.plan.staff_day_rate == 30000


def test_unsetting_a_date_and_reversed_dates(qtbot: QtBot, sample_file: Path) -> None:
    page = _page(qtbot, sample_file)
    _type(page.end.edit, "1/1/2020")
    assert page.dates_problem.isVisible() and "ends before it starts" in page.dates_problem.text()
    _type(page.start.edit, "")  # cleared: no start date
    assert page.doc.plan.start is None
    assert page.start.edit.text() == ""
    assert not page.dates_problem.isVisible()
    page.doc.close()
    assert reopen(sample_file).start is None


def test_a_date_that_is_not_one_is_refused_beside_the_field(qtbot: QtBot, sample_file: Path) -> None:
    page = _page(qtbot, sample_file)
    start = page.doc.plan.start
    _type(page.start.edit, "31/02/2027")
    assert page.doc.plan.start == start
    assert page.start.problem.isVisible() and "not a date in the calendar" in page.start.problem.text()
    _type(page.start.edit, "1 March 2027")
    assert not page.start.problem.isVisible()
    assert page.start.edit.text() == "1 Mar 2027"
    assert page.doc.plan.start == date(2027, 3, 1)


def test_undo_restores_the_previous_value(qtbot: QtBot, sample_file: Path) -> None:
    page = _page(qtbot, sample_file)
    title = page.doc.plan.title
    _type(page.lines["title"], "Changed")
    page.doc.undo_stack.undo()
    assert page.doc.plan.title == title
    assert page.lines["title"].text() == title


def test_inputs_have_names_for_assistive_technology(qtbot: QtBot, sample_file: Path) -> None:
    page = _page(qtbot, sample_file)
    assert unnamed_inputs(page) == []


def test_scrolling_past_a_combo_box_does_not_change_it(qtbot: QtBot, sample_file: Path) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    page = _page(qtbot, sample_file)
    combo = page.findChild(QComboBox, "plan_currency")
    before = combo.currentIndex()
    centre = QPointF(combo.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(combo.mapToGlobal(combo.rect().center())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(combo, wheel)
    assert combo.currentIndex() == before
    assert page.doc.plan.currency == "GBP"


def test_switching_to_yen_keeps_the_figures_and_undoes_in_one_step(qtbot: QtBot, sample_file: Path) -> None:
    from ceplanner.core.costing import compute_budget

    page = _page(qtbot, sample_file)
    before = reopen(sample_file)
    combo = page.findChild(QComboBox, "plan_currency")
    combo.setCurrentIndex(combo.findData("JPY"))
    combo.activated.emit(combo.currentIndex())
    assert page.findChild(QLineEdit, "plan_day_rate").text() == "250"
    assert page.doc.flush()
    plan = reopen(sample_file)
    assert (plan.currency, plan.staff_day_rate) == ("JPY", 250)  # ¥250, not ¥25,000
    assert plan.evaluation.budget == before.evaluation.budget // 100
    page.doc.undo_stack.undo()
    assert page.doc.flush()
    again = reopen(sample_file)
    assert again.currency == "GBP"
    assert compute_budget(again).grand_total == compute_budget(before).grand_total


def test_value_for_whom_shows_translated_words_and_keeps_english_in_the_plan(
    qtbot: QtBot, blank_file: Path
) -> None:
    from ceplanner.core import i18n
    from ceplanner.core.model import VALUE_FOR_WHOM_CHOICES

    i18n.set_translator(lambda context, text: f"[{context}] {text}")
    try:
        page = _page(qtbot, blank_file)
        values = page.findChild(QListWidget, "value_for_whom_list")
        shown = [values.item(i).text() for i in range(values.count())]
        assert shown == [f"[Labels] {text}" for text in VALUE_FOR_WHOM_CHOICES]
        values.item(2).setCheckState(Qt.CheckState.Checked)  # Government
        page.value_new.setText("Future tenants")
        qtbot.mouseClick(page.value_add, Qt.MouseButton.LeftButton)
        assert values.item(values.count() - 1).text() == "Future tenants"  # typed words stay as typed
        values.item(10).setCheckState(Qt.CheckState.Checked)  # Wider society
        page.doc.close()
    finally:
        i18n.set_translator(None)
    assert reopen(blank_file).value_for_whom == ["Government", "Wider society", "Future tenants"]
