"""The delivery record's panels (findings, responses, answers at the end) over the delivered
sample: they show it, edits through their widgets reach the file and undo one step each, and with a
pseudo-translation every visible text is translated or the plan's own data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ceplanner.cli import main as cli_main
from ceplanner.core import i18n as core_i18n
from ceplanner.core.model import ResponseKind, SixE
from ceplanner.core.serialize import plan_to_json
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.open_errors import open_plan
from ceplanner.ui.pages.delivered_at_end import AtEndPanel
from ceplanner.ui.pages.delivered_findings import FindingsPanel
from ceplanner.ui.pages.delivered_responses import ResponsesPanel
from tests.ui.conftest import unnamed_inputs
from tests.ui.helpers import reopen
from tests.ui.pseudo import Judge, PseudoTranslator, collect_texts, core_pseudo, plan_strings

PANELS: list[Callable[[PlanDocument, QWidget | None], QWidget]] = [FindingsPanel, ResponsesPanel, AtEndPanel]


@pytest.fixture
def delivered_doc(tmp_path: Path) -> Iterator[PlanDocument]:
    path = tmp_path / "delivered.ceplan"
    assert cli_main(["demo", "--delivered", str(path)]) == 0
    doc = open_plan(None, path)
    assert doc is not None
    yield doc
    doc.close()


def host(qtbot: Any, doc: PlanDocument, make: Callable[..., QWidget]) -> tuple[QWidget, Any]:
    """The panel in a host widget shown at 1000 x 560, the page area of a 1024 x 700 window."""
    window = QWidget()
    layout = QVBoxLayout(window)
    panel = make(doc, window)
    layout.addWidget(panel)
    qtbot.addWidget(window)
    window.resize(1000, 560)
    window.show()
    qtbot.waitExposed(window)
    return window, panel


def type_into(qtbot: Any, view: Any, row: int, column: int, text: str) -> None:
    """Double-click a cell's editor open, type ``text`` and commit it with Enter."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = open_editor(view)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    commit(view, editor)


def open_editor(view: Any) -> QLineEdit:
    """The line editor open on the view's current cell."""
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, QLineEdit), editor
    return editor


def commit(view: Any, editor: QLineEdit) -> None:
    """End the edit as Enter does: the typed text goes to the model, the editor closes."""
    view.commitData(editor)
    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def finish(area: QPlainTextEdit, text: str) -> None:
    area.setPlainText(text)
    area.editingFinished.emit()


def test_findings_show_the_sample_and_edits_reach_the_file(qtbot: Any, delivered_doc: PlanDocument) -> None:
    doc = delivered_doc
    _window, panel = host(qtbot, doc, FindingsPanel)
    first = doc.plan.themes[0]
    assert panel.model.rowCount() == len(doc.plan.themes) == 6
    assert panel.model.index(0, 0).data() == first.title
    assert panel.summary.toPlainText() == first.summary
    assert panel.quote_model.rowCount() == len(first.quotations) == 3
    group_names = {g.id: g.name for g in doc.plan.groups}
    ticked = [
        panel.groups.item(i).text()
        for i in range(panel.groups.count())
        if panel.groups.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert sorted(ticked) == sorted(group_names[g] for g in first.group_ids)

    before = doc.undo_stack.count()
    # Add a theme and name it, tick a group, write a summary, add a quotation without consent.
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    editor = open_editor(panel.table)
    editor.selectAll()
    qtbot.keyClicks(editor, "Bins are collected too early")
    commit(panel.table, editor)
    assert panel.theme() is doc.plan.themes[-1]
    panel.groups.item(1).setCheckState(Qt.CheckState.Checked)
    finish(panel.summary, "Heard at three sessions")
    qtbot.mouseClick(panel.add_quote, Qt.MouseButton.LeftButton)
    editor = open_editor(panel.quotes)
    qtbot.keyClicks(editor, "They come at six")
    commit(panel.quotes, editor)
    assert panel.note.isVisible() and panel.note.text()

    saved = reopen(doc).themes[-1]
    assert saved.title == "Bins are collected too early"
    assert saved.group_ids == [doc.plan.groups[1].id]
    assert saved.summary == "Heard at three sessions"
    assert [(q.text, q.consent) for q in saved.quotations] == [("They come at six", False)]

    assert doc.undo_stack.count() == before + 6  # theme, title, group, summary, quotation, its words
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.plan.themes[-1].quotations == [] and panel.quote_model.rowCount() == 0
    doc.undo_stack.undo()
    assert doc.plan.themes[-1].summary == "" and panel.summary.toPlainText() == ""
    doc.undo_stack.undo()
    assert doc.plan.themes[-1].group_ids == []
    doc.undo_stack.undo()
    assert doc.plan.themes[-1].title == "New theme"
    doc.undo_stack.undo()
    assert len(doc.plan.themes) == 6 and len(reopen(doc).themes) == 6


def test_each_findings_edit_is_one_undo_step(qtbot: Any, delivered_doc: PlanDocument) -> None:
    doc = delivered_doc
    _window, panel = host(qtbot, doc, FindingsPanel)
    theme = doc.plan.themes[0]
    before = doc.undo_stack.count()
    panel.quotes.selectRow(0)
    consent = panel.quote_model.index(0, panel.quote_model.column_of["consent"])
    was = theme.quotations[0].consent
    panel.quote_model.setData(consent, not was, Qt.ItemDataRole.CheckStateRole)
    assert doc.plan.themes[0].quotations[0].consent is (not was)
    assert doc.undo_stack.count() == before + 1
    assert reopen(doc).themes[0].quotations[0].consent is (not was)
    doc.undo_stack.undo()
    assert doc.plan.themes[0].quotations[0].consent is was
    assert reopen(doc).themes[0].quotations[0].consent is was


def test_responses_show_the_sample_and_a_new_one_reaches_the_file(
    qtbot: Any, delivered_doc: PlanDocument
) -> None:
    doc = delivered_doc
    _window, panel = host(qtbot, doc, ResponsesPanel)
    assert panel.model.rowCount() == len(doc.plan.responses) == 6
    response = doc.plan.responses[0]
    theme = next(t for t in doc.plan.themes if t.id == response.theme_id)
    assert panel.model.index(0, panel.model.column_of["theme_id"]).data() == theme.title
    assert panel.model.index(0, panel.model.column_of["action"]).data() == response.action

    before = doc.undo_stack.count()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    editor = open_editor(panel.table)
    qtbot.keyClicks(editor, "Evening slots are offered")
    commit(panel.table, editor)
    row = len(doc.plan.responses) - 1
    kind = panel.model.index(row, panel.model.column_of["kind"])
    assert panel.model.setData(kind, ResponseKind.WE_DID_NOT)
    type_into(qtbot, panel.table, row, panel.model.column_of["owner"], "Repairs manager")
    assert doc.undo_stack.count() == before + 4

    saved = reopen(doc).responses[-1]
    assert (saved.action, saved.kind, saved.owner) == (
        "Evening slots are offered",
        ResponseKind.WE_DID_NOT,
        "Repairs manager",
    )
    assert saved.theme_id == doc.plan.themes[0].id
    doc.undo_stack.undo()
    assert doc.plan.responses[-1].owner == ""
    doc.undo_stack.undo()
    assert doc.plan.responses[-1].kind == ResponseKind.WE_DID
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert len(reopen(doc).responses) == 6


def test_answers_at_end_show_the_plan_and_edits_reach_the_file(
    qtbot: Any, delivered_doc: PlanDocument
) -> None:
    doc = delivered_doc
    _window, panel = host(qtbot, doc, AtEndPanel)
    vfm = {r.e: r for r in doc.plan.vfm}
    economy = panel.es[SixE.ECONOMY]
    assert economy["rating_at_end"].currentData() == vfm[SixE.ECONOMY].rating_at_end
    assert str(vfm[SixE.ECONOMY].rating) in economy["planned"].toPlainText()
    assert economy["planned"].isReadOnly()
    assert panel.lessons.toPlainText() == doc.plan.evaluation.lessons
    planned, answer = panel.questions["whose_opinion_at_end"]
    assert planned.toPlainText() == doc.plan.evaluation.whose_opinion and planned.isReadOnly()
    assert answer.toPlainText() == doc.plan.evaluation.whose_opinion_at_end
    rows = panel.indicator_model.rowCount()
    assert rows == sum(len(o.indicators) for o in doc.plan.objectives)
    first = doc.plan.objectives[0].indicators[0]
    assert (
        panel.indicator_model.index(0, panel.indicator_model.column_of["baseline"]).data() == first.baseline
    )
    assert (
        panel.indicator_model.index(0, panel.indicator_model.column_of["measured"]).data() == first.measured
    )

    # Rate an E at the end (a new rating, chosen from the combo), write lessons, set a measure.
    combo = economy["rating_at_end"]
    new_rating = 2 if vfm[SixE.ECONOMY].rating_at_end != 2 else 3
    combo.setCurrentIndex(combo.findData(new_rating))
    combo.activated.emit(combo.currentIndex())
    assert combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)  # the rubric
    old_lessons = doc.plan.evaluation.lessons
    finish(panel.lessons, "Book venues early")
    panel.tabs.setCurrentIndex(2)
    empty = next(i for i, ind in enumerate(panel.indicator_model.rows()) if not ind.measured)
    type_into(qtbot, panel.indicators, empty, panel.indicator_model.column_of["measured"], "42%")
    type_into(qtbot, panel.indicators, empty, panel.indicator_model.column_of["measured_on"], "12/03/2027")

    saved = reopen(doc)
    assert next(r for r in saved.vfm if r.e == SixE.ECONOMY).rating_at_end == new_rating
    assert saved.evaluation.lessons == "Book venues early"
    indicator = [i for o in saved.objectives for i in o.indicators][empty]
    assert indicator.measured == "42%" and indicator.measured_on is not None
    assert indicator.measured_on.isoformat() == "2027-03-12"

    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert panel.indicator_model.rows()[empty].measured == ""
    doc.undo_stack.undo()
    assert panel.lessons.toPlainText() == old_lessons
    doc.undo_stack.undo()
    assert combo.currentData() == vfm[SixE.ECONOMY].rating_at_end
    saved = reopen(doc)
    assert saved.evaluation.lessons == old_lessons


@pytest.mark.parametrize("make", PANELS, ids=lambda m: m.__name__)
def test_panels_fit_and_name_every_input(qtbot: Any, delivered_doc: PlanDocument, make: Any) -> None:
    window, panel = host(qtbot, delivered_doc, make)
    least = window.minimumSizeHint()
    assert least.width() <= 1000 and least.height() <= 560, least
    assert window.width() == 1000 and window.height() == 560
    out = Path(__file__).resolve().parents[2] / "build" / "delivered_panels"
    out.mkdir(parents=True, exist_ok=True)
    for area in panel.findChildren(QScrollArea):
        assert not area.horizontalScrollBar().isVisible()
    views = [(None, -1)] + [(t, i) for t in panel.findChildren(QTabWidget) for i in range(t.count())]
    for tabs, tab in views:
        if tabs is not None:
            tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        assert unnamed_inputs(panel) == []
        assert window.minimumSizeHint().height() <= 560
        if tabs is not None:
            tabs.widget(tab).grab().save(str(out / f"{make.__name__}_tab{tab}.png"))
    grab = window.grab()
    assert not grab.isNull()
    grab.save(str(out / f"{make.__name__}.png"))


@pytest.fixture
def pseudo_translated(qapp: Any) -> Iterator[PseudoTranslator]:
    translator = PseudoTranslator()
    qapp.installTranslator(translator)
    core_i18n.set_translator(core_pseudo)
    yield translator
    core_i18n.set_translator(None)
    qapp.removeTranslator(translator)


@pytest.mark.parametrize("make", PANELS, ids=lambda m: m.__name__)
def test_panels_show_only_translated_words_or_data(
    qtbot: Any, delivered_doc: PlanDocument, pseudo_translated: PseudoTranslator, make: Any
) -> None:
    assert QCoreApplication.translate("Any", "Saved") != "Saved"
    window, panel = host(qtbot, delivered_doc, make)
    data = plan_strings(plan_to_json(delivered_doc.plan))
    judge = Judge(data)
    shown = set(collect_texts(window))
    for tabs in panel.findChildren(type(getattr(panel, "tabs", panel))) if hasattr(panel, "tabs") else []:
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            shown |= set(collect_texts(window))
    assert len(shown) > 10
    problems = judge.unmarked(shown)
    assert problems == [], "\n".join(problems)


def test_a_count_that_is_not_a_number_is_refused_in_words(qtbot: Any, delivered_doc: PlanDocument) -> None:
    doc = delivered_doc
    _window, panel = host(qtbot, doc, FindingsPanel)
    before = doc.plan.themes[0].how_many
    index = panel.model.index(0, panel.model.column_of["how_many"])
    assert not panel.model.setData(index, "lots")
    assert doc.plan.themes[0].how_many == before
    assert "whole number" in panel.problem.text() and panel.problem.isVisible()
    assert panel.model.setData(index, "")
    assert doc.plan.themes[0].how_many is None and reopen(doc).themes[0].how_many is None


def test_the_response_log_follows_a_renamed_theme(qtbot: Any, delivered_doc: PlanDocument) -> None:
    doc = delivered_doc
    _window, panel = host(qtbot, doc, ResponsesPanel)
    response = doc.plan.responses[0]
    theme = next(t for t in doc.plan.themes if t.id == response.theme_id)
    repainted: list[int] = []
    panel.model.dataChanged.connect(lambda top, _bottom, *_: repainted.append(top.row()))
    doc.set_value(theme, "title", "Slots are too wide")
    assert 0 in repainted  # the table is told to show the new title
    assert panel.model.index(0, panel.model.column_of["theme_id"]).data() == "Slots are too wide"


@pytest.mark.parametrize("make", PANELS, ids=lambda m: m.__name__)
def test_a_plan_opened_read_only_cannot_be_edited(qtbot: Any, delivered_doc: PlanDocument, make: Any) -> None:
    from ceplanner.store import PlanStore

    assert delivered_doc.store is not None
    path = delivered_doc.store.path
    store = PlanStore.open(path, readonly=True)
    doc = PlanDocument(store.load(), store)
    try:
        _window, panel = host(qtbot, doc, make)
        for name in ("add_button", "add_quote"):
            if hasattr(panel, name):
                assert not getattr(panel, name).isEnabled()
        model = getattr(panel, "model", None) or panel.indicator_model
        assert not model.setData(model.index(0, len(model.columns) - 1), "x")
        assert doc.undo_stack.count() == 0
    finally:
        store.close()
