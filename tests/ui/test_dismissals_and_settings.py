"""Accepting a finding with a reason, restoring it, the check settings dialog and the decision
date: through the real widgets, saved to the real file, one undo step each."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from ceplanner.core.checks import findings
from ceplanner.core.model import Plan
from ceplanner.store import PlanStore
from ceplanner.ui.check_settings_dialog import CheckSettingsDialog
from ceplanner.ui.main_window import MainWindow
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.wizard import step_index
from tests.ui.conftest import DialogLog, reopen


def _review(qtbot: QtBot, path: Path) -> MainWindow:
    doc = open_plan(None, path)
    assert doc is not None
    window = MainWindow(doc)
    qtbot.addWidget(window)
    window.show()
    window.go_to(step_index("review") or 0)
    return window


def _broken_file(tmp_path: Path, plan: Plan) -> Path:
    for activity in plan.activities:
        activity.reports_back = False
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, plan).close()
    return path


def _answer_input_dialog(text: str | None) -> None:
    """Type ``text`` into the reason dialog when it opens and press OK (None: Cancel)."""

    def answer() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible()
        )
        if text is None:
            dialog.reject()
        else:
            dialog.setTextValue(text)
            dialog.accept()

    QTimer.singleShot(0, answer)


def _select(listing: QListWidget, words: str) -> None:
    row = next(i for i in range(listing.count()) if words in listing.item(i).text())
    listing.setCurrentRow(row)


def test_accept_a_finding_with_a_reason_then_restore_it(
    qtbot: QtBot, tmp_path: Path, sample_file: Path, dialogs: DialogLog
) -> None:
    plan = reopen(sample_file)
    path = _broken_file(tmp_path, plan)
    window = _review(qtbot, path)
    warnings = window.findChild(QListWidget, "review_warnings")
    accepted = window.findChild(QListWidget, "review_accepted")
    accept = window.findChild(QPushButton, "accept_finding_button")
    restore = window.findChild(QPushButton, "restore_finding_button")
    before = accepted.count()
    assert not accept.isEnabled() and not restore.isEnabled()
    _select(warnings, "you said, we did")
    assert accept.isEnabled()

    _answer_input_dialog(None)  # cancelled: nothing changes
    accept.click()
    _answer_input_dialog("   ")  # no reason: refused, in words
    accept.click()
    assert accepted.count() == before
    assert "give a reason" in dialogs.text()

    _answer_input_dialog("We write to every participant instead.")
    accept.click()
    assert accepted.count() == before + 1
    assert not any("you said, we did" in warnings.item(i).text() for i in range(warnings.count()))
    shown = [accepted.item(i).text() for i in range(accepted.count())]
    assert any(
        "you said, we did" in t and "Accepted: We write to every participant instead." in t for t in shown
    )
    assert window.doc.flush()
    stored = reopen(path)
    saved = next(d for d in stored.dismissals if d.code == "plan.no-report-back")
    assert (saved.item_id, saved.reason) == ("", "We write to every participant instead.")
    assert saved.dismissed_on == date.today()
    assert [a.check.code for a in findings(stored).accepted].count("plan.no-report-back") == 1

    window.doc.undo_stack.undo()  # one step takes it back
    assert accepted.count() == before
    assert any("you said, we did" in warnings.item(i).text() for i in range(warnings.count()))
    window.doc.undo_stack.redo()
    assert accepted.count() == before + 1

    _select(accepted, "you said, we did")
    assert restore.isEnabled()
    restore.click()
    assert accepted.count() == before
    assert any("you said, we did" in warnings.item(i).text() for i in range(warnings.count()))
    assert window.doc.flush()
    assert "plan.no-report-back" not in [d.code for d in reopen(path).dismissals]
    window.close()


def test_check_settings_change_the_findings_in_one_undo_step(qtbot: QtBot, sample_file: Path) -> None:
    window = _review(qtbot, sample_file)
    doc = window.doc
    warnings = window.findChild(QListWidget, "review_warnings")
    accepted = window.findChild(QListWidget, "review_accepted")

    problems: list[BaseException] = []

    def fill() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, CheckSettingsDialog) and w.isVisible()
        )
        try:
            region = dialog.findChild(QComboBox, "check_region")
            names = [region.itemText(i) for i in range(region.count())]
            assert names == ["England", "Wales", "Scotland", "Northern Ireland"]
            region.setCurrentIndex(region.findText("Scotland"))
            dialog.findChild(QSpinBox, "check_consultation_weeks").setValue(40)
            dialog.findChild(QSpinBox, "check_analysis_weeks").setValue(12)
            dialog.findChild(QDoubleSpinBox, "check_evaluation_min").setValue(12.5)
            ok = dialog.findChild(QDialogButtonBox, "check_settings_buttons")
            ok.button(QDialogButtonBox.StandardButton.Ok).click()
        except BaseException as exc:  # never leave the dialog open: report after it closes
            problems.append(exc)
            dialog.reject()

    QTimer.singleShot(0, fill)
    window.findChild(QPushButton, "check_settings_button").click()
    assert not problems, problems
    plan = doc.plan
    assert (plan.country, plan.region) == ("GB", "SCT")
    assert (plan.consultation_weeks, plan.analysis_weeks) == (40, 12)
    assert plan.evaluation_min_percent == Decimal("12.5")
    texts = " ".join(warnings.item(i).text() for i in range(warnings.count()))
    assert "shorter than the 40 weeks the plan sets" in texts
    assert "less than the 12 weeks set aside" in texts
    assert "under the 12.5% the plan sets" in texts
    holidays = next(
        accepted.item(i).text()
        for i in range(accepted.count())
        if "public holidays" in accepted.item(i).text()
    )
    assert "Scotland" in holidays and "Summer Bank Holiday (2 August 2027)" in holidays
    assert doc.flush()
    stored = reopen(sample_file)
    assert (stored.region, stored.consultation_weeks, stored.evaluation_min_percent) == (
        "SCT",
        40,
        Decimal("12.5"),
    )

    doc.undo_stack.undo()
    assert (plan.region, plan.consultation_weeks, plan.analysis_weeks) == ("ENG", 12, 4)
    assert plan.evaluation_min_percent == Decimal(5)
    assert not any("40 weeks" in warnings.item(i).text() for i in range(warnings.count()))
    window.close()


def test_an_unknown_region_is_kept_and_explained(qtbot: QtBot, tmp_path: Path, sample_file: Path) -> None:
    plan = reopen(sample_file)
    plan.country, plan.region = "FR", "ZZ"
    path = tmp_path / "fr.ceplan"
    PlanStore.create(path, plan).close()
    window = _review(qtbot, path)
    warnings = window.findChild(QListWidget, "review_warnings")
    assert any(
        "holidays of country “FR”, region “ZZ” are not known" in warnings.item(i).text()
        for i in range(warnings.count())
    )
    dialog = CheckSettingsDialog(window.doc, window)
    region = dialog.findChild(QComboBox, "check_region")
    assert region.currentText() == "FR ZZ", "a place set elsewhere is shown, not replaced"
    assert dialog.changes() == []
    dialog.accept()
    assert (window.doc.plan.country, window.doc.plan.region) == ("FR", "ZZ")
    window.close()


def test_the_decision_date_is_set_on_the_context_page(qtbot: QtBot, sample_file: Path) -> None:
    window = _review(qtbot, sample_file)
    window.go_to(0)
    page = window.current_page()
    page.tabs.setCurrentIndex(next(i for i in range(page.tabs.count()) if "Purpose" in page.tabs.tabText(i)))
    field = window.findChild(QLineEdit, "plan_decision_date")
    assert field is not None and field.isVisibleTo(window)
    assert page.decision_date.value() == date(2027, 10, 21)
    field.setText("01/09/2027")
    field.editingFinished.emit()
    assert window.doc.plan.decision_date == date(2027, 9, 1)
    assert window.doc.flush()
    assert reopen(sample_file).decision_date == date(2027, 9, 1)
    window.go_to(step_index("review") or 0)
    warnings = window.findChild(QListWidget, "review_warnings")
    assert any(
        "before the decision on 1 September 2027" in warnings.item(i).text() for i in range(warnings.count())
    )
    window.doc.undo_stack.undo()
    assert window.doc.plan.decision_date == date(2027, 10, 21)
    window.close()
