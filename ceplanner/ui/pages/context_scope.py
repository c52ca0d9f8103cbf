"""The Context step's "Issue and scope" tab: the issue, who it affects, the scope, and the level
of impact with the level of participation it recommends beside the levels planned."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.i18n import translate
from ceplanner.core.impact import QUESTIONS, recommend, recommendation_sentence
from ceplanner.core.model import Degree, ImpactCategory, label
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.widgets import (
    PROBLEM_COLOUR,
    TextArea,
    add_row,
    blocked,
    name_widget,
    new_form,
    set_text_quietly,
)

# attribute, heading, object name, placeholder
SCOPE_TEXTS = [
    (
        "issue",
        QT_TRANSLATE_NOOP("ContextScope", "What is the issue?"),
        "plan_issue",
        QT_TRANSLATE_NOOP("ContextScope", "The problem or change the engagement is about."),
    ),
    (
        "affected",
        QT_TRANSLATE_NOOP("ContextScope", "Who does it affect, and how?"),
        "plan_affected",
        QT_TRANSLATE_NOOP("ContextScope", "Who feels the change, and in what way."),
    ),
    (
        "in_scope",
        QT_TRANSLATE_NOOP("ContextScope", "In scope"),
        "plan_in_scope",
        QT_TRANSLATE_NOOP("ContextScope", "What the engagement covers."),
    ),
    (
        "out_of_scope",
        QT_TRANSLATE_NOOP("ContextScope", "Out of scope"),
        "plan_out_of_scope",
        QT_TRANSLATE_NOOP("ContextScope", "What it does not cover, and why."),
    ),
]
NOT_CHOSEN = QT_TRANSLATE_NOOP("ContextScope", "Not assessed yet")


def _chosen(combo: QComboBox, enum: type[StrEnum]) -> StrEnum | None:
    """The member chosen (Qt hands item data back as plain text), or None for "not assessed"."""
    data = combo.currentData()
    return None if data is None else enum(data)


class ScopePanel(QWidget):
    """Edits the plan's issue, scope and level of impact through the document."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.areas: dict[str, TextArea] = {}
        self.combos: dict[str, QComboBox] = {}
        layout = QHBoxLayout(self)  # side by side: the recommendation stays in view on a laptop
        layout.addWidget(self._issue_box(), 3)
        impact = QVBoxLayout()
        impact.addWidget(self._impact_box())
        impact.addStretch(1)
        layout.addLayout(impact, 2)

    def _issue_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The issue and its scope"))
        grid = QGridLayout(box)
        for i, (attr, source_text, name, source_tip) in enumerate(SCOPE_TEXTS):
            text = QCoreApplication.translate("ContextScope", source_text)
            tip = QCoreApplication.translate("ContextScope", source_tip)
            area = TextArea(lines=2)
            area.setMaximumHeight(area.minimumHeight() * 5 // 4)  # the whole tab fits a laptop screen
            area.setPlaceholderText(tip)
            heading = QLabel(text)
            heading.setBuddy(area)
            name_widget(area, name, text, tip)
            area.editingFinished.connect(lambda a=attr, w=area: self._set(a, w.toPlainText().strip()))
            self.areas[attr] = area
            grid.addWidget(heading, i * 2, 0)
            grid.addWidget(area, i * 2 + 1, 0)
        self.geography = QLineEdit()
        self.geography.setPlaceholderText(self.tr("for example: the Northfield and Riverside estates"))
        heading = QLabel(self.tr("Geography"))
        heading.setBuddy(self.geography)
        name_widget(
            self.geography, "plan_geography", self.tr("Geography"), self.tr("The area the decision covers.")
        )
        self.geography.editingFinished.connect(lambda: self._set("geography", self.geography.text().strip()))
        grid.addWidget(heading, 8, 0)
        grid.addWidget(self.geography, 9, 0)
        return box

    def _impact_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Level of impact"))
        form = new_form()
        box.setLayout(form)
        questions: list[tuple[str, str, type[StrEnum]]] = [
            ("impact_category", self.tr("Impact category"), ImpactCategory),
            *((attr, translate("Impact", question), Degree) for attr, question in QUESTIONS),
        ]
        for attr, text, enum in questions:
            combo = QComboBox()
            combo.addItem(QCoreApplication.translate("ContextScope", NOT_CHOSEN), None)
            for member in enum:
                combo.addItem(label(member), member)
            add_row(form, text, combo, f"plan_{attr}")
            combo.activated.connect(lambda _i, a=attr, c=combo, e=enum: self._set(a, _chosen(c, e)))
            self.combos[attr] = combo
        self.recommendation = QLabel()
        self.recommendation.setObjectName("impact_recommendation")
        self.recommendation.setWordWrap(True)
        form.addRow(self.tr("Recommended"), self.recommendation)
        return box

    def _set(self, attr: str, value: Any) -> None:
        if self.doc.readonly or getattr(self.doc.plan, attr) == value:
            return
        self.doc.set_value(self.doc.plan, attr, value)

    def refresh(self) -> None:
        plan = self.doc.plan
        for attr, area in self.areas.items():
            set_text_quietly(area, getattr(plan, attr))
        set_text_quietly(self.geography, plan.geography)
        with blocked(*self.combos.values()):
            for attr, combo in self.combos.items():
                combo.setCurrentIndex(max(combo.findData(getattr(plan, attr)), 0))
        self.recommendation.setText(recommendation_sentence(plan))
        below = recommend(plan).plan_below
        self.recommendation.setStyleSheet(f"color: {PROBLEM_COLOUR}; font-weight: bold;" if below else "")
        readonly = self.doc.readonly
        for widget in [*self.areas.values(), self.geography]:
            widget.setReadOnly(readonly)
        for combo in self.combos.values():
            combo.setEnabled(not readonly)
