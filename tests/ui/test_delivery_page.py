"""The Delivery step: every list typed into through its table's editors reaches the file, undoes,
and the page fits a 1,024 x 700 window."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemDelegate, QComboBox, QLabel, QLineEdit, QPushButton, QTabWidget

from ceplanner.core.model import (
    READINESS_DEFAULTS,
    Activity,
    CostCategory,
    CostLine,
    MilestoneKind,
    Plan,
    RiskRating,
    Task,
    TeamMember,
)
from ceplanner.store import PlanStore
from ceplanner.ui.delivery_table import ListTable
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.delivery import TAB_OF, DeliveryPage
from ceplanner.ui.wizard import STEPS, step_index
from tests.ui.conftest import open_window, unnamed_inputs
from tests.ui.helpers import open_document, reopen, type_text


@pytest.fixture
def page(qtbot: Any, tmp_path: Path) -> DeliveryPage:
    plan = Plan(title="Library redesign", staff_day_rate=30000)
    plan.activities = [Activity(title="Drop-in at Northfield Library", id="act-dropin")]
    widget = DeliveryPage(open_document(tmp_path, plan))
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _show(page: DeliveryPage, attr: str) -> ListTable:
    """Open the tab holding the list ``attr`` and return its table."""
    page.tabs.setCurrentIndex(TAB_OF[attr])
    return page.tables[attr]


def _open_editor(table: ListTable, attr: str) -> Any:
    """The cell editor now open for ``attr`` (closed ones linger until deleted later)."""
    name = f"{table.key}_editor_{attr}"
    found = [
        w for kind in (QLineEdit, QComboBox) for w in table.table.findChildren(kind, name) if w.isVisible()
    ]
    return found[0] if len(found) == 1 else None


def _edit(table: ListTable, row: int, attr: str) -> Any:
    """Open the cell's editor as a double-click would, and return it."""
    index = table.model.index(row, table.model.column_of[attr])
    table.table.setCurrentIndex(index)
    table.table.edit(index)
    editor = _open_editor(table, attr)
    assert editor is not None, attr
    return editor


def _commit(table: ListTable, editor: Any) -> None:
    table.table.commitData(editor)
    table.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def type_cell(table: ListTable, row: int, attr: str, text: str) -> None:
    editor = _edit(table, row, attr)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.del_()
    type_text(editor, text)
    _commit(table, editor)


def choose_cell(table: ListTable, row: int, attr: str, shown: str) -> None:
    editor = _edit(table, row, attr)
    assert isinstance(editor, QComboBox) and editor.accessibleName()
    editor.setCurrentIndex(editor.findText(shown))
    assert editor.currentIndex() >= 0, shown
    _commit(table, editor)


def tick(table: ListTable, row: int, attr: str, qtbot: Any) -> None:
    """Space on a check-box cell toggles it, as a keyboard user would."""
    table.table.setFocus()
    table.table.setCurrentIndex(table.model.index(row, table.model.column_of[attr]))
    qtbot.keyClick(table.table, Qt.Key.Key_Space)


def add_row(table: ListTable, qtbot: Any, first: str) -> int:
    """Click Add and type the first column into the editor it opens."""
    qtbot.mouseClick(table.row_actions.buttons["add"], Qt.MouseButton.LeftButton)
    row = table.model.rowCount() - 1
    editor = _open_editor(table, table.model.columns[table.first_text_column()].attr)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.del_()
    type_text(editor, first)
    _commit(table, editor)
    return row


def test_the_step_sits_between_costs_and_evaluation() -> None:
    keys = [s.key for s in STEPS]
    # The Delivery record step follows it, before Evaluation.
    assert keys.index("costs") + 1 == keys.index("delivery") == keys.index("delivered") - 1
    assert keys.index("delivered") + 1 == keys.index("evaluation")
    assert STEPS[step_index("delivery") or 0].page is DeliveryPage
    assert DeliveryPage.STEP == "delivery" and DeliveryPage.GUIDANCE and DeliveryPage.EXAMPLE


def test_every_list_typed_into_is_in_the_file(page: DeliveryPage, qtbot: Any) -> None:
    team = _show(page, "team")
    row = add_row(team, qtbot, "Siân Lloyd-Øster <lead>")
    type_cell(team, row, "role", "Library engagement lead")
    type_cell(team, row, "organisation", "Libraries & Culture")
    type_cell(team, row, "days", "12.5")
    type_cell(team, row, "day_rate", "£320")
    row = add_row(team, qtbot, "Tomás Ruiz")
    type_cell(team, row, "days", "4")  # at the plan's rate of £300

    tasks = _show(page, "tasks")
    row = add_row(tasks, qtbot, "Book BSL interpreters")
    choose_cell(tasks, row, "activity_id", "Drop-in at Northfield Library")
    type_cell(tasks, row, "owner", "Siân Lloyd-Øster")
    type_cell(tasks, row, "due", "12/03/2027")
    tick(tasks, row, "done", qtbot)
    row = add_row(tasks, qtbot, "Privacy notice")
    type_cell(tasks, row, "due", "1 Feb 2027")

    readiness = page.tables["readiness"]
    row = add_row(readiness, qtbot, "Hearing loop tested")
    type_cell(readiness, row, "notes", "Tested by the Deaf Club, 3 March")
    tick(readiness, row, "done", qtbot)

    comms = _show(page, "communications")
    row = add_row(comms, qtbot, "Library members")
    type_cell(comms, row, "channel", "E-mail newsletter and posters")
    type_cell(comms, row, "timing", "Two weeks before the drop-ins")
    type_cell(comms, row, "owner", "Tomás Ruiz")
    messages = page.tables["key_messages"]
    row = add_row(messages, qtbot, "No library will close")
    type_cell(messages, row, "audience", "Regular visitors")
    milestones = page.tables["milestones"]
    row = add_row(milestones, qtbot, "Cabinet decision")
    type_cell(milestones, row, "due", "2027-10-14")
    choose_cell(milestones, row, "kind", "Decision")

    risks = _show(page, "risks")
    row = add_row(risks, qtbot, "Low turnout from young people")
    choose_cell(risks, row, "likelihood", "High")
    choose_cell(risks, row, "impact", "Low")
    type_cell(risks, row, "mitigation", "Pop-ups at the college")
    type_cell(risks, row, "owner", "Tomás Ruiz")
    type_cell(risks, row, "review_date", "30 Apr 2027")

    summary = page.findChild(QLabel, "team_summary")
    assert summary.text().startswith("2 people, 16.5 days in all, costing £5,200.00")  # 4,000 + 1,200
    assert not any(t.problem.isVisible() for t in page.tables.values())
    page.doc.close()

    with PlanStore.open(page.doc.store.path, readonly=True) as store:  # type: ignore[union-attr]
        plan = store.load()
    assert [(m.name, m.role, m.organisation, m.days, m.day_rate) for m in plan.team] == [
        ("Siân Lloyd-Øster <lead>", "Library engagement lead", "Libraries & Culture", Decimal("12.5"), 32000),
        ("Tomás Ruiz", "", "", Decimal(4), None),
    ]
    assert [(t.description, t.activity_id, t.owner, t.due, t.done) for t in plan.tasks] == [
        ("Book BSL interpreters", "act-dropin", "Siân Lloyd-Øster", date(2027, 3, 12), True),
        ("Privacy notice", None, "", date(2027, 2, 1), False),
    ]
    assert [(r.description, r.done, r.notes) for r in plan.readiness] == [
        ("Hearing loop tested", True, "Tested by the Deaf Club, 3 March")
    ]
    assert [(c.audience, c.channel, c.timing, c.owner) for c in plan.communications] == [
        ("Library members", "E-mail newsletter and posters", "Two weeks before the drop-ins", "Tomás Ruiz")
    ]
    assert [(k.message, k.audience) for k in plan.key_messages] == [
        ("No library will close", "Regular visitors")
    ]
    assert [(m.title, m.due, m.kind) for m in plan.milestones] == [
        ("Cabinet decision", date(2027, 10, 14), MilestoneKind.DECISION)
    ]
    risk = plan.risks[0]
    assert (
        risk.description,
        risk.likelihood,
        risk.impact,
        risk.mitigation,
        risk.owner,
        risk.review_date,
    ) == (
        "Low turnout from young people",
        RiskRating.HIGH,
        RiskRating.LOW,
        "Pop-ups at the college",
        "Tomás Ruiz",
        date(2027, 4, 30),
    )


def test_edits_undo_with_readable_names(page: DeliveryPage, qtbot: Any) -> None:
    tasks = _show(page, "tasks")
    row = add_row(tasks, qtbot, "Book the hall")
    type_cell(tasks, row, "due", "12 Mar 2027")
    stack = page.doc.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Add a task",
        "Change the description of the task “New task”",
        "Change the due date of the task “Book the hall”",
    ]
    stack.undo()
    assert page.doc.plan.tasks[0].due is None
    assert tasks.model.data(tasks.model.index(0, tasks.model.column_of["due"])) == ""
    assert reopen(page.doc).tasks[0].due is None
    stack.undo()
    stack.undo()
    assert page.doc.plan.tasks == [] and tasks.model.rowCount() == 0
    assert reopen(page.doc).tasks == []


def test_a_date_that_cannot_be_is_refused_in_words_and_nothing_changes(
    page: DeliveryPage, qtbot: Any
) -> None:
    milestones = _show(page, "milestones")
    row = add_row(milestones, qtbot, "Cabinet")
    count = page.doc.undo_stack.count()
    type_cell(milestones, row, "due", "31/02/2027")
    assert milestones.problem.isVisible()
    assert "“31/02/2027” is not a date in the calendar" in milestones.problem.text()
    assert page.doc.plan.milestones[0].due is None and page.doc.undo_stack.count() == count
    type_cell(milestones, row, "due", "28/02/2027")
    assert not milestones.problem.isVisible() and page.doc.plan.milestones[0].due == date(2027, 2, 28)


def test_deleting_a_team_member_unties_their_activities_in_one_undo_step(qtbot: Any, tmp_path: Path) -> None:
    lead = TeamMember(name="Ama Boateng", days=Decimal(5), id="tm-ama")
    line = CostLine(
        category=CostCategory.STAFF_TIME, description="Ama's time", staff_id="tm-ama", unit_cost=30000
    )
    plan = Plan(title="Leads", team=[lead, TeamMember(name="Bo", id="tm-bo")])
    plan.activities = [Activity(title="Walkabout", lead_id="tm-ama", cost_lines=[line])]
    page = DeliveryPage(open_document(tmp_path, plan))
    qtbot.addWidget(page)
    page.show()
    team = page.tables["team"]
    team.select_ids(["tm-ama"])
    qtbot.mouseClick(team.row_actions.buttons["delete"], Qt.MouseButton.LeftButton)
    saved = reopen(page.doc)
    assert [m.name for m in saved.team] == ["Bo"]
    assert saved.activities[0].lead_id is None
    assert saved.activities[0].cost_lines[0].staff_id is None
    assert saved.activities[0].cost_lines[0].unit_cost == 30000  # the line and its cost stay
    stack = page.doc.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Delete a team member"
    stack.undo()
    saved = reopen(page.doc)
    assert [m.name for m in saved.team] == ["Ama Boateng", "Bo"]
    assert saved.activities[0].lead_id == "tm-ama" and saved.activities[0].cost_lines[0].staff_id == "tm-ama"
    assert team.model.rowCount() == 2


def test_the_usual_checks_are_offered_while_the_checklist_is_empty(page: DeliveryPage, qtbot: Any) -> None:
    page.tabs.setCurrentIndex(1)
    button = page.findChild(QPushButton, "readiness_add_usual")
    assert button.isVisible() and button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [r.description for r in page.doc.plan.readiness] == READINESS_DEFAULTS
    assert not button.isVisible()
    assert [r.description for r in reopen(page.doc).readiness] == READINESS_DEFAULTS
    assert page.doc.undo_stack.text(0) == "Add the usual readiness checks"
    page.doc.undo_stack.undo()
    assert page.doc.plan.readiness == [] and button.isVisible()


def test_paste_rows_takes_activity_titles_and_reports_bad_rows(page: DeliveryPage) -> None:
    tasks = _show(page, "tasks")
    QGuiApplication.clipboard().setText(
        "Task\tActivity\tOwner\tDue\tDone\n"
        "Print posters\tDrop-in at Northfield Library\tJo\t01/02/2027\tyes\n"
        "Hire a van\tWhole plan\t\t\t\n"
        "Book a room\tA walk that does not exist\tJo\t\t\n"
        "Translate survey\t\tJo\t30/02/2027\t\n"
    )
    paste = tasks.row_actions.buttons["paste"]
    paste.click()
    assert [(t.description, t.activity_id, t.due, t.done) for t in page.doc.plan.tasks] == [
        ("Print posters", "act-dropin", date(2027, 2, 1), True),
        ("Hire a van", None, None, False),
    ]
    problem = tasks.problem.text()
    assert problem.startswith("Added 2 rows. Not added: Row 3: Activity: no activity is called")
    assert "Row 4: Due: “30/02/2027” is not a date in the calendar" in problem
    assert page.doc.undo_stack.text(page.doc.undo_stack.count() - 1) == "Paste 2 tasks"
    assert "Columns in order: Task, Activity, Owner, Due, Done" in paste.toolTip()


def test_selecting_an_item_opens_its_tab(page: DeliveryPage, qtbot: Any) -> None:
    risks = _show(page, "risks")
    add_row(risks, qtbot, "Rain")
    page.tabs.setCurrentIndex(0)
    assert page.select_item(page.doc.plan.risks[0].id)
    assert page.tabs.currentWidget() is page.risks_tab
    assert risks.row_actions.selected_rows() == [0]
    assert not page.select_item("nothing-has-this-id")


def test_a_read_only_plan_cannot_be_changed_here(qtbot: Any, sample_file: Path) -> None:
    store = PlanStore.open(sample_file, readonly=True)
    page = DeliveryPage(PlanDocument(store.load(), store))
    qtbot.addWidget(page)
    page.show()
    for table in page.tables.values():
        assert not any(b.isEnabled() for b in table.row_actions.buttons.values())
        index = table.model.index(0, 0)
        assert not table.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    store.close()


def test_every_input_is_named(page: DeliveryPage) -> None:
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        assert unnamed_inputs(page) == []


def test_the_page_fits_1024_by_700_without_sideways_scrolling(
    qtbot: Any, sample_file: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, sample_file)
    window.resize(1024, 700)
    window.go_to(step_index("delivery") or 0)
    page = window.current_page()
    assert isinstance(page, DeliveryPage)
    qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 700)
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        QGuiApplication.processEvents()
        shot = tmp_path / f"delivery-{i}.png"
        assert window.grab().save(str(shot)) and shot.stat().st_size > 10_000
        for table in page.tables.values():
            if not table.isVisible():
                continue
            assert not table.table.horizontalScrollBar().isVisible(), table.key
            assert table.table.viewport().height() >= 3 * table.table.verticalHeader().defaultSectionSize()
            assert all(b.isVisible() for b in table.row_actions.buttons.values())
        assert page.tabs.currentWidget().isVisible()
    assert isinstance(page.findChild(QTabWidget, "delivery_tabs"), QTabWidget)


def test_a_task_due_after_its_activity_starts_is_marked_until_fixed(qtbot: Any, tmp_path: Path) -> None:
    plan = Plan(title="Timing")
    plan.activities = [Activity(title="Drop-in", start=date(2027, 3, 1), id="act")]
    path = tmp_path / "timing.ceplan"
    PlanStore.create(path, plan).close()
    window = open_window(qtbot, path)
    delivery = step_index("delivery") or 0
    window.go_to(delivery)
    page = window.current_page()
    assert isinstance(page, DeliveryPage)
    tasks = _show(page, "tasks")
    row = add_row(tasks, qtbot, "Book the hall")
    choose_cell(tasks, row, "activity_id", "Drop-in")
    type_cell(tasks, row, "due", "2/3/2027")
    due = tasks.model.index(row, tasks.model.column_of["due"])
    reason = "The task “Book the hall” is due on 2 Mar 2027, but its activity “Drop-in” starts on 1 Mar 2027"
    assert tasks.model.data(due, Qt.ItemDataRole.ToolTipRole).startswith(reason)
    assert tasks.model.data(due, Qt.ItemDataRole.ForegroundRole).name() == "#c0392b"
    assert any(p.startswith(reason) for p in page.problems())
    step = window.step_list.item(delivery)
    qtbot.waitUntil(lambda: reason in step.toolTip())
    type_cell(tasks, row, "due", "15 Feb 2027")
    assert tasks.model.data(due, Qt.ItemDataRole.ForegroundRole) is None
    assert page.problems() == []
    qtbot.waitUntil(lambda: step.toolTip() == "")


def test_reviews_warning_of_a_late_task_opens_the_task(qtbot: Any, tmp_path: Path) -> None:
    plan = Plan(title="Timing")
    plan.activities = [Activity(title="Drop-in", start=date(2027, 3, 1), id="act")]
    plan.tasks = [
        Task(description="Print leaflets"),
        Task(description="Book the hall", activity_id="act", due=date(2027, 3, 5), id="late"),
    ]
    path = tmp_path / "late.ceplan"
    PlanStore.create(path, plan).close()
    window = open_window(qtbot, path)
    window.go_to(step_index("review") or 0)
    warnings = window.current_page().warnings
    item = next(
        warnings.item(i) for i in range(warnings.count()) if "Book the hall" in warnings.item(i).text()
    )
    warnings.itemActivated.emit(item)
    page = window.current_page()
    assert isinstance(page, DeliveryPage)
    assert page.tabs.currentWidget() is page.tasks_tab
    assert page.tables["tasks"].row_actions.selected_rows() == [1]


def test_tab_goes_from_each_lists_buttons_to_its_table(page: DeliveryPage) -> None:
    for table in page.tables.values():
        buttons = list(table.row_actions.buttons.values())
        widget = buttons[0]
        for expected in [*buttons[1:], table.table]:
            widget = widget.nextInFocusChain()
            while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:  # labels are passed over
                widget = widget.nextInFocusChain()
            assert widget is expected, (table.key, widget.objectName())


def test_column_widths_and_splitters_are_remembered(page: DeliveryPage, qtbot: Any, tmp_path: Path) -> None:
    tasks = _show(page, "tasks")
    header = tasks.table.horizontalHeader()
    owner = tasks.model.column_of["owner"]
    header.resizeSection(owner, 177)
    splitter = page.tasks_tab.splitter
    total = sum(splitter.sizes())
    splitter.moveSplitter(total // 3, 1)
    moved = splitter.sizes()
    assert moved[0] < total // 2

    again = DeliveryPage(open_document(tmp_path, Plan(title="Another"), "another.ceplan"))
    qtbot.addWidget(again)
    again.resize(page.size())
    again.show()
    again.tabs.setCurrentIndex(TAB_OF["tasks"])
    qtbot.waitExposed(again)
    assert again.tables["tasks"].table.horizontalHeader().sectionSize(owner) == 177
    assert again.tasks_tab.splitter.sizes() == moved
