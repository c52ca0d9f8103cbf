"""The Evaluation step's first tab: the five evaluation questions, the method and the budget."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ceplanner.core.i18n import translate
from ceplanner.core.limits import limits_of
from ceplanner.core.model import EVALUATION_QUESTIONS, Evaluation
from ceplanner.core.money import format_money
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.widgets import (
    MoneyField,
    TextArea,
    add_row,
    name_widget,
    new_form,
    set_text_quietly,
)


class QuestionsPanel(QWidget):
    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.answers: dict[str, TextArea] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 6, 6, 6)
        for i, (attr, question) in enumerate(EVALUATION_QUESTIONS):
            area = TextArea(lines=2)
            heading = QLabel(translate("Labels", question))
            heading.setWordWrap(True)
            heading.setBuddy(area)
            name_widget(area, f"evaluation_{attr}", question)
            area.editingFinished.connect(lambda a=attr, w=area: self._set(a, w.toPlainText().strip()))
            self.answers[attr] = area
            row, col = divmod(i, 2)
            grid.addWidget(heading, row * 2, col)
            grid.addWidget(area, row * 2 + 1, col)
        self.method = TextArea(lines=2)
        self.method.setPlaceholderText(
            self.tr("for example: exit surveys at every session, a tenant-led review panel")
        )
        method_label = QLabel(self.tr("How will you evaluate? (method)"))
        method_label.setBuddy(self.method)
        name_widget(self.method, "evaluation_method", self.tr("Evaluation method"))
        self.method.editingFinished.connect(lambda: self._set("method", self.method.toPlainText().strip()))
        grid.addWidget(method_label, 4, 1)
        grid.addWidget(self.method, 5, 1)
        form = new_form()
        self.budget = MoneyField(
            "evaluation_budget", lambda: self.doc.plan.currency, bounds=limits_of(Evaluation, "budget")
        )
        add_row(
            form,
            self.tr("Evaluation budget"),
            self.budget,
            "evaluation_budget",
            self.tr("Plan-level evaluation spending, on top of any evaluation cost lines in activities."),
        )
        self.budget.committed.connect(lambda v: self._set("budget", v))
        self.share = QLabel()
        self.share.setMinimumHeight(self.share.sizeHint().height())
        add_row(form, self.tr("Share of the total"), self.share, "evaluation_share")
        grid.addLayout(form, 6, 0, 1, 2)
        grid.setRowStretch(7, 1)

    def _set(self, attr: str, value: Any) -> None:
        if not self.doc.readonly:
            self.doc.set_value(self.doc.plan.evaluation, attr, value)

    def refresh(self) -> None:
        plan = self.doc.plan
        for attr, area in self.answers.items():
            set_text_quietly(area, getattr(plan.evaluation, attr))
            area.setReadOnly(self.doc.readonly)
        set_text_quietly(self.method, plan.evaluation.method)
        self.method.setReadOnly(self.doc.readonly)
        self.budget.set_amount(plan.evaluation.budget)
        self.budget.setEnabled(not self.doc.readonly)
        self._show_share()

    def _show_share(self) -> None:
        budget = self.doc.budget
        share = budget.evaluation_share
        money = format_money(budget.evaluation_total, budget.currency)
        total = format_money(budget.grand_total, budget.currency)
        if share is None:
            text = self.tr("No costs yet, so no share to show.")
        else:
            text = self.tr("Evaluation costs {money} in all: {share}% of the total cost of {total}.").format(
                money=money, share=share, total=total
            )
        self.share.setText(text)
        self.share.setAccessibleName(text)

    def input_problems(self) -> list[str]:
        return (
            [self.tr("Evaluation budget: {error}").format(error=self.budget.error)]
            if self.budget.error
            else []
        )
