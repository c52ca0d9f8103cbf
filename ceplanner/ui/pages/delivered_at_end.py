"""Answers at the end of delivery beside what was planned: the six Es rated again, the five
evaluation questions answered again, the lessons, and each indicator's measured value beside its
baseline and target. What was planned is shown read-only; only the answers at the end are typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from ceplanner.core.delivery import AT_END_QUESTIONS
from ceplanner.core.i18n import translate
from ceplanner.core.model import EVALUATION_QUESTIONS, Indicator, SixE, VfmRating, label
from ceplanner.core.vfm_rubric import rubric_meaning
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.delivered_common import ListModel, date_column, list_view, stripped
from ceplanner.ui.pages.vfm_six_es import RATING_WORDS, rating_choice
from ceplanner.ui.table_model import Column
from ceplanner.ui.widgets import TextArea, blocked, name_widget, problem_label, set_text_quietly, show_problem


def indicator_columns() -> list[Column]:
    """Measure, baseline and target (as planned, read-only), then measured and when."""
    return [
        Column("measure", QT_TRANSLATE_NOOP("Column", "Indicator"), "derived", derive=lambda i: i.measure),
        Column("baseline", QT_TRANSLATE_NOOP("Column", "Baseline"), "derived", derive=lambda i: i.baseline),
        Column("target", QT_TRANSLATE_NOOP("Column", "Target"), "derived", derive=lambda i: i.target),
        Column(
            "measured",
            QT_TRANSLATE_NOOP("Column", "Measured"),
            parse=stripped,
            tip=QT_TRANSLATE_NOOP(
                "Column", "The value measured in delivery, beside the baseline and target."
            ),
        ),
        date_column(
            "measured_on",
            QT_TRANSLATE_NOOP("Column", "Measured on"),
            QT_TRANSLATE_NOOP("Column", "When it was measured, for example 12/03/2027. Blank for none."),
        ),
    ]


def _read_only(name: str, accessible: str) -> TextArea:
    area = TextArea(lines=2)
    name_widget(area, name, accessible)
    area.setReadOnly(True)
    area.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    return area


def _heading(text: str, name: str) -> QLabel:
    found = QLabel(text)
    found.setObjectName(name)
    found.setWordWrap(True)
    font = found.font()
    font.setBold(True)
    found.setFont(font)
    return found


class AtEndPanel(QWidget):
    """Three tabs: the six Es at the end, the evaluation questions and lessons, the indicators."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("at_end_panel")
        self.es: dict[SixE, dict[str, Any]] = {}
        self.questions: dict[str, tuple[TextArea, TextArea]] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("at_end_tabs")
        self.tabs.setAccessibleName(self.tr("Answers at the end"))
        self.tabs.addTab(self._six_es(), self.tr("Six Es at the end"))
        self.tabs.addTab(self._questions(), self.tr("Questions and lessons"))
        self.tabs.addTab(self._indicators(), self.tr("Indicators measured"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        doc.edited.connect(lambda *_: self.refresh())
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _six_es(self) -> QWidget:
        box = QWidget()
        box.setObjectName("at_end_six_es")
        grid = QGridLayout(box)
        headings = (
            self.tr("E"),
            self.tr("As planned"),
            self.tr("Rating at the end"),
            self.tr("Evidence at the end"),
            self.tr("Commentary at the end"),
        )
        for col, text in enumerate(headings):
            grid.addWidget(_heading(text, f"at_end_six_es_heading_{col}"), 0, col)
        for row, e in enumerate(SixE, start=1):
            name = QLabel(label(e))
            name.setObjectName(f"at_end_{e.value}_name")
            planned = _read_only(f"at_end_{e.value}_planned", self.tr("{e} as planned").format(e=label(e)))
            rating = QComboBox()
            rating.addItem(self.tr("Not assessed"), None)
            for value in RATING_WORDS:
                rating.addItem(rating_choice(value), value)
                rating.setItemData(rating.count() - 1, rubric_meaning(e, value), Qt.ItemDataRole.ToolTipRole)
            name_widget(
                rating, f"at_end_{e.value}_rating", self.tr("{e} rating at the end").format(e=label(e))
            )
            rating.activated.connect(
                lambda _i, e=e, w=rating: self._set_e(e, "rating_at_end", w.currentData())
            )
            name.setBuddy(rating)
            widgets: dict[str, Any] = {"planned": planned, "rating_at_end": rating}
            for col, (attr, words) in enumerate(
                (
                    ("evidence_at_end", self.tr("{e} evidence at the end")),
                    ("commentary_at_end", self.tr("{e} commentary at the end")),
                ),
                start=3,
            ):
                area = TextArea(lines=2)
                name_widget(area, f"at_end_{e.value}_{attr}", words.format(e=label(e)))
                area.editingFinished.connect(
                    lambda e=e, a=attr, w=area: self._set_e(e, a, w.toPlainText().strip())
                )
                widgets[attr] = area
                grid.addWidget(area, row, col)
            grid.addWidget(name, row, 0)
            grid.addWidget(planned, row, 1)
            grid.addWidget(rating, row, 2, Qt.AlignmentFlag.AlignTop)
            self.es[e] = widgets
        for col in (1, 3, 4):
            grid.setColumnStretch(col, 1)
        return box

    def _questions(self) -> QWidget:
        box = QWidget()
        box.setObjectName("at_end_questions")
        grid = QGridLayout(box)
        grid.addWidget(_heading(self.tr("Question"), "at_end_questions_heading_0"), 0, 0)
        grid.addWidget(_heading(self.tr("Answered in the plan"), "at_end_questions_heading_1"), 0, 1)
        grid.addWidget(_heading(self.tr("Answered at the end"), "at_end_questions_heading_2"), 0, 2)
        for row, ((key, question), at_end) in enumerate(
            zip(EVALUATION_QUESTIONS, AT_END_QUESTIONS, strict=True), 1
        ):
            words = translate("Labels", question)
            asked = QLabel(words)
            asked.setObjectName(f"at_end_{key}_question")
            asked.setWordWrap(True)
            planned = _read_only(
                f"at_end_{key}_planned", self.tr("{question} As planned").format(question=words)
            )
            answer = TextArea(lines=2)
            name_widget(answer, f"at_end_{at_end}", self.tr("{question} At the end").format(question=words))
            answer.editingFinished.connect(
                lambda a=at_end, w=answer: self._set_eval(a, w.toPlainText().strip())
            )
            asked.setBuddy(answer)
            grid.addWidget(asked, row, 0)
            grid.addWidget(planned, row, 1)
            grid.addWidget(answer, row, 2)
            self.questions[at_end] = (planned, answer)
        lessons_label = QLabel(self.tr("Lessons for the next plan"))
        lessons_label.setObjectName("at_end_lessons_label")
        lessons_label.setWordWrap(True)
        self.lessons = TextArea(lines=3)
        name_widget(self.lessons, "at_end_lessons", self.tr("Lessons for the next plan"))
        self.lessons.editingFinished.connect(
            lambda: self._set_eval("lessons", self.lessons.toPlainText().strip())
        )
        lessons_label.setBuddy(self.lessons)
        last = len(EVALUATION_QUESTIONS) + 1
        grid.addWidget(lessons_label, last, 0)
        grid.addWidget(self.lessons, last, 1, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        return box

    def _indicators(self) -> QWidget:
        box = QWidget()
        box.setObjectName("at_end_indicators")
        layout = QVBoxLayout(box)
        heading = _heading(
            self.tr("Each indicator measured, beside its baseline and target"), "at_end_indicators_heading"
        )
        layout.addWidget(heading)
        self.indicator_problem = problem_label("at_end_indicators_problem")
        layout.addWidget(self.indicator_problem)
        self.indicator_model = ListModel(self.doc, indicator_columns(), self._indicator_rows, parent=self)
        self.indicators = list_view(
            self.indicator_model, "at_end_indicators", heading.text(), {"measured_on": 110}
        )
        heading.setBuddy(self.indicators)
        layout.addWidget(self.indicators, 1)
        self.indicator_model.problem.connect(lambda text: show_problem(self.indicator_problem, text))
        return box

    def _indicator_rows(self) -> list[Indicator]:
        return [i for objective in self.doc.plan.objectives for i in objective.indicators]

    # -- edits ------------------------------------------------------------------------------

    def _rating(self, e: SixE) -> VfmRating:
        found = next((r for r in self.doc.plan.vfm if r.e == e), None)
        if found is None:
            found = VfmRating(e=e)
            self.doc.append_item(self.doc.plan, "vfm", found, self.tr("Add {e}").format(e=label(e)))
        return found

    def _set_e(self, e: SixE, attr: str, value: Any) -> None:
        if self.doc.readonly:
            return
        rating = self._rating(e)
        if getattr(rating, attr) != value:
            self.doc.set_value(rating, attr, value)

    def _set_eval(self, attr: str, value: str) -> None:
        if not self.doc.readonly and getattr(self.doc.plan.evaluation, attr) != value:
            self.doc.set_value(self.doc.plan.evaluation, attr, value)

    # -- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        by_e = {r.e: r for r in self.doc.plan.vfm}
        readonly = self.doc.readonly
        for e, widgets in self.es.items():
            rating = by_e.get(e, VfmRating(e=e))
            planned = rating_choice(rating.rating) if rating.rating else self.tr("Not assessed")
            if rating.evidence:
                planned = self.tr("{rating}. Evidence: {evidence}").format(
                    rating=planned, evidence=rating.evidence
                )
            set_text_quietly(widgets["planned"], planned)
            combo: QComboBox = widgets["rating_at_end"]
            with blocked(combo):
                combo.setCurrentIndex(
                    max(combo.findData(rating.rating_at_end), 0) if rating.rating_at_end else 0
                )
            combo.setEnabled(not readonly)
            for attr in ("evidence_at_end", "commentary_at_end"):
                set_text_quietly(widgets[attr], getattr(rating, attr))
                widgets[attr].setReadOnly(readonly)
        evaluation = self.doc.plan.evaluation
        for at_end, (planned_area, answer) in self.questions.items():
            set_text_quietly(planned_area, getattr(evaluation, at_end.removesuffix("_at_end")))
            set_text_quietly(answer, getattr(evaluation, at_end))
            answer.setReadOnly(readonly)
        set_text_quietly(self.lessons, evaluation.lessons)
        self.lessons.setReadOnly(readonly)
