"""Step 6, evaluation and value for money: the five questions, the budget, and the six Es."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.limits import limits_of
from ceplanner.core.model import EVALUATION_QUESTIONS, SIX_E_QUESTIONS, Evaluation, SixE, VfmRating, label
from ceplanner.core.money import format_money
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.widgets import (
    MoneyField,
    TextArea,
    add_row,
    blocked,
    name_widget,
    new_form,
    scrolling,
    set_text_quietly,
)

_RATING = limits_of(VfmRating, "rating")
_LOW, _HIGH = int(_RATING.minimum or 0), int(_RATING.maximum or 0)
RATING_WORDS = {
    n: {_LOW: f"{n} – poor", _HIGH: f"{n} – excellent"}.get(n, str(n)) for n in range(_LOW, _HIGH + 1)
}


class EvaluationPage(PlanPage):
    TITLE = "Evaluation and value for money"
    OBJECT_NAME = "page_evaluation"
    STEP = "evaluation"
    GUIDANCE = (
        "Evaluation is part of the plan, and it is costed. Answer the five questions, say how you "
        "will evaluate and what it will cost, then rate the plan against the six Es of value for "
        "money: economy, efficiency and effectiveness, plus equity, empowerment and evaluation. "
        "Rate each from 1 (poor) to 6 (excellent) with the evidence for the rating."
    )
    EXAMPLE = (
        "Example, equity: criteria \u201cseldom-heard tenants take part in proportion to their numbers\u201d; "
        "rating 4; evidence \u201cBSL-interpreted and Polish-language sessions; home visits for housebound "
        "tenants\u201d; commentary \u201cyounger private tenants are still under-represented\u201d."
    )

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.answers: dict[str, TextArea] = {}
        self.vfm_widgets: dict[SixE, dict[str, Any]] = {}
        content = QWidget()
        content.setObjectName("evaluation_content")
        column = QVBoxLayout(content)
        column.addWidget(self._questions_box())
        column.addWidget(self._vfm_box())
        self.body.addWidget(scrolling(content, "evaluation_scroll"))

    # -- building ---------------------------------------------------------------------------

    def _questions_box(self) -> QGroupBox:
        box = QGroupBox("The evaluation questions")
        grid = QGridLayout(box)
        for i, (attr, question) in enumerate(EVALUATION_QUESTIONS):
            area = TextArea(lines=2)
            heading = QLabel(question)
            heading.setWordWrap(True)
            heading.setBuddy(area)
            name_widget(area, f"evaluation_{attr}", question)
            area.editingFinished.connect(
                lambda a=attr, w=area: self._set_evaluation(a, w.toPlainText().strip())
            )
            self.answers[attr] = area
            row, col = divmod(i, 2)
            grid.addWidget(heading, row * 2, col)
            grid.addWidget(area, row * 2 + 1, col)
        self.method = TextArea(lines=2)
        self.method.setPlaceholderText(
            "for example: exit surveys at every session, a tenant-led review panel"
        )
        method_label = QLabel("How will you evaluate? (method)")
        method_label.setBuddy(self.method)
        name_widget(self.method, "evaluation_method", "Evaluation method")
        self.method.editingFinished.connect(
            lambda: self._set_evaluation("method", self.method.toPlainText().strip())
        )
        grid.addWidget(method_label, 4, 1)
        grid.addWidget(self.method, 5, 1)
        form = new_form()
        self.budget = MoneyField(
            "evaluation_budget", lambda: self.doc.plan.currency, bounds=limits_of(Evaluation, "budget")
        )
        add_row(
            form,
            "Evaluation budget",
            self.budget,
            "evaluation_budget",
            "Plan-level evaluation spending, on top of any evaluation cost lines in activities.",
        )
        self.budget.committed.connect(lambda v: self._set_evaluation("budget", v))
        self.share = QLabel()
        self.share.setMinimumHeight(self.share.sizeHint().height())
        add_row(form, "Share of the total", self.share, "evaluation_share")
        grid.addLayout(form, 6, 0, 1, 2)
        return box

    def _vfm_box(self) -> QGroupBox:
        box = QGroupBox("Value for money: the six Es")
        grid = QGridLayout(box)
        for i, e in enumerate(SixE):
            grid.addWidget(self._e_box(e), i // 2, i % 2)
        return box

    def _e_box(self, e: SixE) -> QGroupBox:
        box = QGroupBox(label(e))
        box.setObjectName(f"vfm_{e.value}")
        layout = QVBoxLayout(box)
        question = QLabel(SIX_E_QUESTIONS[e])
        question.setWordWrap(True)
        question.setObjectName(f"vfm_{e.value}_question")
        layout.addWidget(question)
        form = new_form()
        widgets: dict[str, Any] = {}
        rating = QComboBox()
        rating.addItem("Not assessed", None)
        for value, words in RATING_WORDS.items():
            rating.addItem(words, value)
        add_row(form, "Rating", rating, f"vfm_{e.value}_rating")
        rating.setAccessibleName(f"{label(e)} rating")
        rating.activated.connect(lambda _i, e=e, w=rating: self._set_vfm(e, "rating", w.currentData()))
        widgets["rating"] = rating
        for attr, text in (("criteria", "Criteria"), ("evidence", "Evidence"), ("commentary", "Commentary")):
            area = TextArea(lines=2)
            add_row(form, text, area, f"vfm_{e.value}_{attr}")
            area.setAccessibleName(f"{label(e)} {text.lower()}")
            area.editingFinished.connect(
                lambda e=e, a=attr, w=area: self._set_vfm(e, a, w.toPlainText().strip())
            )
            widgets[attr] = area
        layout.addLayout(form)
        self.vfm_widgets[e] = widgets
        return box

    # -- behaviour --------------------------------------------------------------------------

    def _set_evaluation(self, attr: str, value: Any) -> None:
        if not self.doc.readonly:
            self.doc.set_value(self.doc.plan.evaluation, attr, value)

    def _rating(self, e: SixE) -> VfmRating:
        found = next((r for r in self.doc.plan.vfm if r.e == e), None)
        if found is None:
            found = VfmRating(e=e)
            self.doc.append_item(self.doc.plan, "vfm", found, f"Add {label(e)}")
        return found

    def _set_vfm(self, e: SixE, attr: str, value: Any) -> None:
        if not self.doc.readonly:
            self.doc.set_value(self._rating(e), attr, value)

    def refresh(self) -> None:
        plan = self.doc.plan
        for attr, area in self.answers.items():
            set_text_quietly(area, getattr(plan.evaluation, attr))
        set_text_quietly(self.method, plan.evaluation.method)
        self.budget.set_amount(plan.evaluation.budget)
        self._show_share()
        by_e = {r.e: r for r in plan.vfm}
        for e, widgets in self.vfm_widgets.items():
            rating = by_e.get(e, VfmRating(e=e))
            combo: QComboBox = widgets["rating"]
            with blocked(combo):
                combo.setCurrentIndex(max(combo.findData(rating.rating), 0) if rating.rating else 0)
            for attr in ("criteria", "evidence", "commentary"):
                set_text_quietly(widgets[attr], getattr(rating, attr))
        readonly = self.doc.readonly
        for area in [*self.answers.values(), self.method]:
            area.setReadOnly(readonly)
        self.budget.setEnabled(not readonly)
        for widgets in self.vfm_widgets.values():
            widgets["rating"].setEnabled(not readonly)
            for attr in ("criteria", "evidence", "commentary"):
                widgets[attr].setReadOnly(readonly)

    def _show_share(self) -> None:
        budget = self.doc.budget
        share = budget.evaluation_share
        money = format_money(budget.evaluation_total, budget.currency)
        total = format_money(budget.grand_total, budget.currency)
        if share is None:
            text = "No costs yet, so no share to show."
        else:
            text = f"Evaluation costs {money} in all: {share}% of the total cost of {total}."
        self.share.setText(text)
        self.share.setAccessibleName(text)

    def input_problems(self) -> list[str]:
        found = []
        if self.budget.error:
            found.append(f"Evaluation budget: {self.budget.error}")
        return found
