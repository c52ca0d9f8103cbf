"""Importing stakeholder groups from a spreadsheet through the dialog's own widgets: the guessed
columns, correcting one and watching the preview follow, importing into the Stakeholders table
and the file on disk, and one undo taking the whole import away."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QListWidget, QPushButton, QTableWidget

from ceplanner.core.model import Plan, StakeholderGroup
from ceplanner.store import PlanStore
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.import_groups_dialog import ImportGroupsDialog
from ceplanner.ui.pages.stakeholders import StakeholdersPage
from tests.sheets.fixtures import make_fixtures
from tests.ui.conftest import open_window
from tests.ui.helpers import open_document, reopen

SKIPPED = [
    "Row 7: “Local councillors” is already in the plan",
    "Row 13: Interest “Loads” is not a score (use 1 to 5, or High, Medium or Low)",
    "Row 14: Size -5 is out of range (allowed 0 to 100,000,000)",
    "Row 16: a totals row (“Total”)",
    "Row 17: no group name, and numbers: it looks like a totals row",
]
IMPORTED = [
    "Tenants in sheltered housing",
    "Parents of under-5s",
    "Deaf BSL users",
    "Riverside Housing board",
    "Faith groups",
]


def _answer_file_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """The native file dialog answers ``path``; returns the folders it was opened in."""
    starts: list[str] = []

    def ask(parent: Any, title: str, start: str, *args: Any) -> tuple[str, str]:
        starts.append(start)
        return str(path), ""

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", ask)
    return starts


def _when_dialog_opens(qtbot: Any, act: Callable[[ImportGroupsDialog], None]) -> list[BaseException]:
    """Run ``act`` on the import dialog once it is shown (modal); it is closed even if ``act`` fails."""
    errors: list[BaseException] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ImportGroupsDialog):
            QTimer.singleShot(20, drive)
            return
        try:
            act(dialog)
        except BaseException as exc:  # reported by the test after the dialog closes
            errors.append(exc)
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, drive)
    return errors


def _column(table: QTableWidget, heading: str) -> list[str]:
    headings = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    if heading not in headings:
        return []
    col = headings.index(heading)
    return [table.item(r, col).text() for r in range(table.rowCount())]


def _choose(combo: QComboBox, text_start: str) -> None:
    index = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text_start))
    combo.setCurrentIndex(index)


@pytest.fixture
def page(qtbot: Any, tmp_path: Path) -> StakeholdersPage:
    plan = Plan(title="Riverside regeneration")
    plan.groups = [
        StakeholderGroup(name="Local councillors", power=5),
        StakeholderGroup(name="Board members"),
    ]
    widget = StakeholdersPage(open_document(tmp_path, plan))
    qtbot.addWidget(widget)
    widget.resize(1024, 700)
    widget.show()
    return widget


def test_import_a_messy_workbook_correcting_a_column_then_undo_it_in_one_step(
    page: StakeholdersPage, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "from the client"
    folder.mkdir()
    sheet = make_fixtures.write_xlsx(folder / "register.xlsx")
    starts = _answer_file_dialog(monkeypatch, sheet)
    seen: dict[str, Any] = {}

    def act(dialog: ImportGroupsDialog) -> None:
        preview = dialog.findChild(QTableWidget, "import_preview")
        power = dialog.findChild(QComboBox, "import_map_power")
        notes = dialog.findChild(QComboBox, "import_map_notes")
        seen["file"] = dialog.findChild(QLabel, "import_file").text()
        seen["sheet"] = dialog.findChild(QComboBox, "import_sheet").currentText()
        seen["guessed"] = {a: dialog.combos[a].currentText() for a in ("name", "size", "power", "position")}
        seen["power"] = _column(preview, "Power")
        _choose(power, "F: ")  # the Interest column, chosen by mistake: the preview follows
        seen["power as interest"] = _column(preview, "Power")
        _choose(power, "E: ")
        _choose(notes, "(not imported)")
        seen["notes"] = _column(preview, "Notes")
        seen["names"] = _column(preview, "Name")
        seen["rows"] = _column(preview, "Row")
        seen["summary"] = dialog.findChild(QLabel, "import_summary").text()
        skipped = dialog.findChild(QListWidget, "import_skipped")
        seen["skipped"] = [skipped.item(i).text() for i in range(skipped.count())]
        seen["notes text"] = dialog.findChild(QLabel, "import_notes").text()
        qtbot.mouseClick(dialog.findChild(QPushButton, "import_button"), Qt.MouseButton.LeftButton)

    errors = _when_dialog_opens(qtbot, act)
    qtbot.mouseClick(page.findChild(QPushButton, "stakeholders_import"), Qt.MouseButton.LeftButton)
    assert errors == []
    assert seen["file"] == "register.xlsx" and seen["sheet"] == "Register"
    assert seen["guessed"] == {
        "name": "B: Stakeholder group",
        "size": "D: No. of people",
        "power": "E: Scores (High/Medium/Low) / Power",
        "position": "(not imported)",
    }
    assert seen["power"] == ["2", "3", "2", "5", "2"]
    assert seen["power as interest"] == ["4", "5", "5", "3", "3"]
    assert seen["notes"] == []
    assert seen["names"] == IMPORTED
    assert seen["rows"] == ["6", "9", "10", "11", "15"]
    assert seen["summary"] == "5 groups will be imported; 5 rows skipped (2 blank rows passed over)."
    assert seen["skipped"] == SKIPPED
    assert "already in the plan, or earlier in the sheet, is skipped" in seen["notes text"]

    names = [page.model.groups[r].name for r in range(page.model.rowCount())]
    assert names == ["Local councillors", "Board members", *IMPORTED]
    assert page.table.model().rowCount() == 7
    assert [page.model.groups[r.row()].name for r in page.table.selectionModel().selectedRows()] == IMPORTED
    saved = reopen(page.doc)
    assert [g.name for g in saved.groups] == names
    tenants = saved.groups[2]
    assert (tenants.size, tenants.power, tenants.interest, tenants.seldom_heard, tenants.notes) == (
        420,
        2,
        4,
        True,
        "",  # the Notes column was set to "not imported"
    )

    assert page.doc.undo_stack.undoText() == "Import 5 stakeholder groups"
    page.doc.undo_stack.undo()
    assert [g.name for g in page.doc.plan.groups] == ["Local councillors", "Board members"]
    assert page.model.rowCount() == 2
    assert [g.name for g in reopen(page.doc).groups] == ["Local councillors", "Board members"]

    _when_dialog_opens(qtbot, lambda dialog: None)  # cancelled: nothing changes
    qtbot.mouseClick(page.findChild(QPushButton, "stakeholders_import"), Qt.MouseButton.LeftButton)
    assert Path(starts[1]) == folder  # the file chooser starts where the last sheet was found
    assert page.model.rowCount() == 2


def test_a_refused_file_is_explained_and_another_sheet_can_be_chosen(
    page: StakeholdersPage, qtbot: Any, tmp_path: Path
) -> None:
    dialog = ImportGroupsDialog(page.doc, page)
    qtbot.addWidget(dialog)
    dialog.show()
    problem = dialog.findChild(QLabel, "import_problem")
    button = dialog.findChild(QPushButton, "import_button")
    renamed = tmp_path / "minutes.xlsx"
    renamed.write_bytes(b"%PDF-1.6\n%%EOF\n")
    assert not dialog.load(renamed)
    assert problem.isVisible() and problem.text().startswith(
        "minutes.xlsx is a PDF document, not a spreadsheet."
    )
    assert not button.isEnabled()
    assert not dialog.findChild(QComboBox, "import_map_name").isEnabled()

    assert dialog.load(make_fixtures.write_xlsx(tmp_path / "register.xlsx"))
    assert not problem.isVisible()
    assert button.isEnabled()
    sheets = dialog.findChild(QComboBox, "import_sheet")
    assert sheets.isVisible()
    assert [sheets.itemText(i) for i in range(sheets.count())] == ["Read me", "Register", "Old list 2025"]
    sheets.setCurrentIndex(2)
    preview = dialog.findChild(QTableWidget, "import_preview")
    assert _column(preview, "Name") == ["Tenants' forum"]
    assert _column(preview, "Interest") == ["4"]
    assert dialog.findChild(QLabel, "import_summary").text() == "1 group will be imported; 0 rows skipped."
    sheets.setCurrentIndex(0)
    assert dialog.combos["name"].currentText() == "(not imported)"
    assert dialog.findChild(QLabel, "import_notes").text().startswith("No row of headings naming the groups")
    assert not button.isEnabled()

    assert dialog.load(make_fixtures.write_csv(tmp_path / "cafe.csv"))
    assert not sheets.isVisible()  # a CSV has one sheet: nothing to choose
    assert _column(preview, "Notes") == ["Voucher budget £2,000", "Meets monthly"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [g.name for g in reopen(page.doc).groups][-2:] == ["Café regulars", "Résidents' association"]


def test_the_dialog_fits_a_laptop_screen(page: StakeholdersPage, qtbot: Any, tmp_path: Path) -> None:
    dialog = ImportGroupsDialog(page.doc, page)
    qtbot.addWidget(dialog)
    dialog.load(make_fixtures.write_xlsx(tmp_path / "register.xlsx"))
    dialog.resize(1024, 700)
    dialog.show()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 700
    assert dialog.width() <= 1024 and dialog.height() <= 700
    image = dialog.grab()
    assert not image.isNull() and image.width() <= 1024


def test_the_file_menu_imports_too(
    qtbot: Any, tmp_path: Path, sample_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, sample_file)
    before = len(window.doc.plan.groups)
    _answer_file_dialog(monkeypatch, make_fixtures.write_csv(tmp_path / "cafe.csv"))
    errors = _when_dialog_opens(
        qtbot,
        lambda dialog: qtbot.mouseClick(
            dialog.findChild(QPushButton, "import_button"), Qt.MouseButton.LeftButton
        ),
    )
    window.findChild(QAction, "action_import_groups").trigger()
    assert errors == []
    assert [g.name for g in window.doc.plan.groups][before:] == ["Café regulars", "Résidents' association"]
    assert window.statusBar().currentMessage() == "Imported 2 stakeholder groups."
    window.doc.undo_stack.undo()
    assert len(window.doc.plan.groups) == before


def test_a_plan_open_read_only_cannot_import(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "plan.ceplan"
    PlanStore.create(path, Plan(title="Read only")).close()
    store = PlanStore.open(path, readonly=True)
    doc = PlanDocument(store.load(), store)
    page = StakeholdersPage(doc)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert not page.findChild(QPushButton, "stakeholders_import").isEnabled()
    dialog = ImportGroupsDialog(doc, page)
    qtbot.addWidget(dialog)
    assert dialog.load(make_fixtures.write_csv(tmp_path / "cafe.csv"))
    assert dialog.findChild(QLabel, "import_summary").text().startswith("2 groups will be imported")
    assert not dialog.findChild(QPushButton, "import_button").isEnabled()
    dialog.import_groups()
    assert doc.plan.groups == []
    store.close()
