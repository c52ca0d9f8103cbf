"""Closing the loop: how and when participants hear what was decided and why, through which
channels and formats, by whom; and the questions participants will be asked about the engagement."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from ceplanner.core.closing import FEEDBACK_FIELDS, QUESTIONS_FIELD, closing_words
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.widgets import TextArea, name_widget, set_text_quietly


class ClosingLoopPanel(QWidget):
    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.areas: dict[str, TextArea] = {}
        layout = QVBoxLayout(self)
        feedback = QGroupBox(self.tr("You said, we did: telling participants what happened"))
        feedback_layout = QVBoxLayout(feedback)
        for attr, question, hint in FEEDBACK_FIELDS:
            feedback_layout.addWidget(self._area(attr, question, hint, lines=2))
        layout.addWidget(feedback)
        asked = QGroupBox(self.tr("Asking participants about the engagement"))
        asked_layout = QVBoxLayout(asked)
        asked_layout.addWidget(self._area(*QUESTIONS_FIELD, lines=2))
        layout.addWidget(asked)
        layout.addStretch(1)

    def _area(self, attr: str, question: str, hint: str, *, lines: int) -> QWidget:
        question, hint = closing_words(question), closing_words(hint)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(question)
        heading.setWordWrap(True)
        area = TextArea(lines=lines)
        area.setMaximumHeight(area.minimumHeight() * 5 // 4)
        area.setPlaceholderText(hint)
        heading.setBuddy(area)
        name_widget(area, f"plan_{attr}", question, hint)
        area.editingFinished.connect(lambda a=attr, w=area: self._set(a, w.toPlainText().strip()))
        self.areas[attr] = area
        column.addWidget(heading)
        column.addWidget(area)
        return box

    def _set(self, attr: str, text: str) -> None:
        if not self.doc.readonly and getattr(self.doc.plan, attr) != text:
            self.doc.set_value(self.doc.plan, attr, text)

    def refresh(self) -> None:
        for attr, area in self.areas.items():
            set_text_quietly(area, getattr(self.doc.plan, attr))
            area.setReadOnly(self.doc.readonly)
