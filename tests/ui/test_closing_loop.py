"""Closing the loop: typed into the panel, kept in the file, undone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from ceplanner.core.closing import FEEDBACK_FIELDS, QUESTIONS_FIELD, participant_questions
from ceplanner.core.model import Plan
from ceplanner.ui.pages.closing_loop import ClosingLoopPanel
from tests.ui.helpers import open_document, reopen, type_text

TYPED = {
    "feedback_how": "A letter & an open meeting <you said, we did>",
    "feedback_when": "Within six weeks of the Board's decision",
    "feedback_channels": "Letter, easy read, Polish, BSL video",
    "feedback_by": "Involvement Manager",
    "participant_questions": "Did you feel listened to?\nWas the venue easy to reach?\n\n",
}


def test_every_field_is_typed_kept_and_undone(qtbot: Any, tmp_path: Path) -> None:
    doc = open_document(tmp_path, Plan(title="Library redesign"))
    panel = ClosingLoopPanel(doc)
    qtbot.addWidget(panel)
    panel.refresh()
    assert [a for a, _q, _h in FEEDBACK_FIELDS] + [QUESTIONS_FIELD[0]] == list(TYPED)
    for attr, text in TYPED.items():
        area = panel.findChild(QPlainTextEdit, f"plan_{attr}")
        for n, line in enumerate(text.split("\n")):
            if n:
                qtbot.keyClick(area, Qt.Key.Key_Return)
            type_text(area, line)
        area.editingFinished.emit()
    plan = reopen(doc)
    for attr, text in TYPED.items():
        assert getattr(plan, attr) == text.strip()
    assert participant_questions(plan) == ["Did you feel listened to?", "Was the venue easy to reach?"]
    doc.undo_stack.undo()
    assert doc.plan.participant_questions == ""
    panel.refresh()
    assert panel.findChild(QPlainTextEdit, "plan_participant_questions").toPlainText() == ""
