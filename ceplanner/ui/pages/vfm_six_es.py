"""The Evaluation step's "Six Es" tab: each E's rating with what the chosen number means (the
rubric) and the figures the plan already gives for it (the measured inputs)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from ceplanner.core.limits import limits_of
from ceplanner.core.model import SixE, VfmRating, label, six_e_question
from ceplanner.core.vfm_measures import six_e_measures
from ceplanner.core.vfm_rubric import RATING_SCALE, rating_word, rubric_meaning, rubric_text
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.widgets import TextArea, add_row, blocked, new_form, set_text_quietly

_RATING = limits_of(VfmRating, "rating")
_LOW, _HIGH = int(_RATING.minimum or 0), int(_RATING.maximum or 0)
RATING_WORDS = {n: RATING_SCALE[n] for n in range(_LOW, _HIGH + 1)}
"""The ratings the combo offers, with their English words (shown through :func:`rating_choice`)."""


def rating_choice(rating: int) -> str:
    """A rating as the combo offers it, "4 – good", in the user's language."""
    return f"{rating} – {rating_word(rating).lower()}"


TEXT_FIELDS = (
    ("criteria", QT_TRANSLATE_NOOP("SixEsPanel", "Criteria")),
    ("evidence", QT_TRANSLATE_NOOP("SixEsPanel", "Evidence")),
    ("commentary", QT_TRANSLATE_NOOP("SixEsPanel", "Commentary")),
)


def _wrapping(object_name: str) -> QLabel:
    found = QLabel()
    found.setObjectName(object_name)
    found.setWordWrap(True)
    found.setTextFormat(Qt.TextFormat.PlainText)
    return found


class SixEsPanel(QWidget):
    """One tab per E: its question, rating, what the rating means and the measured inputs on the
    left; criteria, evidence and commentary on the right (no scrolling on a 1,024 x 700 screen)."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.widgets: dict[SixE, dict[str, Any]] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("vfm_tabs")
        self.tabs.setAccessibleName(self.tr("The six Es"))
        for e in SixE:
            self.tabs.addTab(self._e_box(e), label(e))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _e_box(self, e: SixE) -> QWidget:
        box = QWidget()
        box.setObjectName(f"vfm_{e.value}")
        columns = QHBoxLayout(box)
        layout = QVBoxLayout()
        question = _wrapping(f"vfm_{e.value}_question")
        question.setText(six_e_question(e))
        layout.addWidget(question)
        form = new_form()
        widgets: dict[str, Any] = {}
        rating = QComboBox()
        rating.addItem(self.tr("Not assessed"), None)
        for value in RATING_WORDS:
            rating.addItem(rating_choice(value), value)
            rating.setItemData(rating.count() - 1, rubric_meaning(e, value), Qt.ItemDataRole.ToolTipRole)
        add_row(form, self.tr("Rating"), rating, f"vfm_{e.value}_rating")
        rating.setAccessibleName(self.tr("{label} rating").format(label=label(e)))
        rating.activated.connect(lambda _i, e=e, w=rating: self._set(e, "rating", w.currentData()))
        widgets["rating"] = rating
        meaning = _wrapping(f"vfm_{e.value}_meaning")
        add_row(form, self.tr("What it means"), meaning, f"vfm_{e.value}_meaning")
        widgets["meaning"] = meaning
        measured = _wrapping(f"vfm_{e.value}_measured")
        add_row(form, self.tr("Measured in the plan"), measured, f"vfm_{e.value}_measured")
        widgets["measured"] = measured
        layout.addLayout(form)
        layout.addStretch(1)
        columns.addLayout(layout, 1)
        form = new_form()
        for attr, source_text in TEXT_FIELDS:
            text = self.tr(source_text)
            area = TextArea(lines=2)
            add_row(form, text, area, f"vfm_{e.value}_{attr}")
            area.setAccessibleName(f"{label(e)} {text.lower()}")
            area.editingFinished.connect(lambda e=e, a=attr, w=area: self._set(e, a, w.toPlainText().strip()))
            widgets[attr] = area
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        columns.addLayout(right, 1)
        self.widgets[e] = widgets
        return box

    def _rating(self, e: SixE) -> VfmRating:
        found = next((r for r in self.doc.plan.vfm if r.e == e), None)
        if found is None:
            found = VfmRating(e=e)
            self.doc.append_item(self.doc.plan, "vfm", found, self.tr("Add {label}").format(label=label(e)))
        return found

    def _set(self, e: SixE, attr: str, value: Any) -> None:
        if not self.doc.readonly:
            self.doc.set_value(self._rating(e), attr, value)

    def refresh(self) -> None:
        by_e = {r.e: r for r in self.doc.plan.vfm}
        measured = six_e_measures(self.doc.plan, self.doc.budget)
        readonly = self.doc.readonly
        for e, widgets in self.widgets.items():
            rating = by_e.get(e, VfmRating(e=e))
            combo: QComboBox = widgets["rating"]
            with blocked(combo):
                combo.setCurrentIndex(max(combo.findData(rating.rating), 0) if rating.rating else 0)
            combo.setEnabled(not readonly)
            meaning = rubric_text(e, rating.rating) or self.tr("Choose a rating to see what it means.")
            widgets["meaning"].setText(meaning)
            widgets["meaning"].setAccessibleName(meaning)
            lines = "\n".join(f"{m.label}: {m.text}" for m in measured[e])
            widgets["measured"].setText(lines)
            widgets["measured"].setAccessibleName(lines)
            for attr, _text in TEXT_FIELDS:
                set_text_quietly(widgets[attr], getattr(rating, attr))
                widgets[attr].setReadOnly(readonly)
