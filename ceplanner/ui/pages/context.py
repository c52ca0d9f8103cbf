"""Step 1, context and purpose: what the plan is for, who decides, and whose value it serves."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.costing import rescaled_for_currency
from ceplanner.core.limits import limits_of
from ceplanner.core.model import (
    VALUE_FOR_WHOM_CHOICES,
    Activity,
    Plan,
    PlanStatus,
    label,
    value_for_whom_label,
)
from ceplanner.core.money import CURRENCIES
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.pages.context_approval import ApprovalPanel
from ceplanner.ui.pages.context_history import HistoryPanel
from ceplanner.ui.pages.context_scope import ScopePanel
from ceplanner.ui.staff_rates import set_with_rates
from ceplanner.ui.widgets import (
    DateField,
    MoneyField,
    TextArea,
    add_row,
    blocked,
    fit_to_limits,
    name_widget,
    new_form,
    percent_from_spin,
    problem_label,
    set_text_quietly,
    show_problem,
    steady,
)

_TEXT_FIELDS = [
    # attribute, label, objectName, multi-line, tip
    (
        "title",
        QT_TRANSLATE_NOOP("Context", "Title"),
        "plan_title",
        False,
        QT_TRANSLATE_NOOP("Context", "A short name for the plan, shown on every page and the cover."),
    ),
    ("organisation", QT_TRANSLATE_NOOP("Context", "Organisation"), "plan_organisation", False, ""),
    (
        "author",
        QT_TRANSLATE_NOOP("Context", "Author"),
        "plan_author",
        False,
        QT_TRANSLATE_NOOP("Context", "Who wrote the plan."),
    ),
]
_PURPOSE_FIELDS = [
    (
        "purpose",
        QT_TRANSLATE_NOOP("Context", "Purpose"),
        "plan_purpose",
        QT_TRANSLATE_NOOP("Context", "Why engage, and what should change as a result."),
    ),
    (
        "decision",
        QT_TRANSLATE_NOOP("Context", "Decision to inform"),
        "plan_decision",
        QT_TRANSLATE_NOOP("Context", "The decision the engagement will shape."),
    ),
    (
        "negotiable",
        QT_TRANSLATE_NOOP("Context", "Negotiable"),
        "plan_negotiable",
        QT_TRANSLATE_NOOP("Context", "What people can influence."),
    ),
    (
        "not_negotiable",
        QT_TRANSLATE_NOOP("Context", "Not negotiable"),
        "plan_not_negotiable",
        QT_TRANSLATE_NOOP("Context", "What is fixed, and why, so nobody is misled."),
    ),
]


class ContextPage(PlanPage):
    TITLE = QT_TRANSLATE_NOOP("ContextPage", "Context and purpose")
    OBJECT_NAME = "page_context"
    STEP = "context"
    GUIDANCE = QT_TRANSLATE_NOOP(
        "ContextPage",
        "Say what the plan is for and what decision it will inform. Being clear about what can and "
        "cannot change keeps the engagement honest, and naming whose value it serves (\u201cvalue for "
        "whom?\u201d) tells a board why the engagement is worth its cost.",
    )
    EXAMPLE = QT_TRANSLATE_NOOP(
        "ContextPage",
        "Example: a housing association redesigning its repairs service. Decision: which repairs "
        "model to adopt from April. Decided by: the Operations Committee. Negotiable: appointment "
        "times, how repairs are reported. Not negotiable: the repairs budget and legal safety "
        "checks. Value for: service users (tenants), staff, and the wider neighbourhood.",
    )

    def concerns(self, obj: object, attr: str) -> bool:
        """The plan's own fields (and a replaced plan), and the activities' levels (the impact
        recommendation is shown beside them); not groups, objectives or costs."""
        if isinstance(obj, Activity):
            return attr == "level"
        return obj is self.doc.plan and attr not in ("groups", "objectives", "risks")

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.lines: dict[str, QLineEdit] = {}
        self.areas: dict[str, TextArea] = {}
        # Tabs keep each part whole on a 1,024 x 700 screen, with no page-wide scrolling.
        content = QWidget()
        content.setObjectName("context_content")
        grid = QGridLayout(content)
        grid.addWidget(self._about_box(), 0, 0)
        grid.addWidget(self._value_box(), 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        purpose = QWidget()
        purpose.setObjectName("context_purpose")
        QVBoxLayout(purpose).addWidget(self._purpose_box())
        self.scope = ScopePanel(doc)
        self.history = HistoryPanel(doc)
        self.approval = ApprovalPanel(doc)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("context_tabs")
        self.tabs.addTab(content, self.tr("Abou&t the plan"))
        self.tabs.addTab(purpose, self.tr("&Purpose and decision"))
        self.tabs.addTab(self.scope, self.tr("&Issue and scope"))
        self.tabs.addTab(self.history, self.tr("&History"))
        self.tabs.addTab(self.approval, self.tr("&Approval"))
        self.body.addWidget(self.tabs)

    # -- building ---------------------------------------------------------------------------

    def _about_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("About the plan"))
        form = new_form()
        box.setLayout(form)
        self.title_problem = problem_label("plan_title_problem", wrap=False)
        for attr, source_text, name, _multi, source_tip in _TEXT_FIELDS:
            text = QCoreApplication.translate("Context", source_text)
            tip = QCoreApplication.translate("Context", source_tip) if source_tip else ""
            edit = QLineEdit()
            add_row(form, text, edit, name, tip)
            edit.editingFinished.connect(lambda a=attr, e=edit: self._set(a, e.text().strip()))
            self.lines[attr] = edit
            if attr == "title":
                form.addRow("", steady(self.title_problem))
        self.start = DateField("plan_start")
        add_row(
            form,
            self.tr("Starts"),
            self.start,
            "plan_start",
            self.tr("Leave unset until the dates are known."),
        )
        self.end = DateField("plan_end")
        add_row(form, self.tr("Ends"), self.end, "plan_end")
        self.dates_problem = problem_label("plan_dates_problem", wrap=False)
        form.addRow("", steady(self.dates_problem))
        self.start.changed.connect(lambda d: self._set("start", d))
        self.end.changed.connect(lambda d: self._set("end", d))
        self.currency = QComboBox()
        for code, (sym, _digits) in CURRENCIES.items():
            self.currency.addItem(f"{code} ({sym.strip()})", code)
        add_row(form, self.tr("Currency"), self.currency, "plan_currency")
        self.currency.activated.connect(lambda _i: self._set_currency(str(self.currency.currentData())))
        self.day_rate = MoneyField(
            "plan_day_rate", lambda: self.doc.plan.currency, bounds=limits_of(Plan, "staff_day_rate")
        )
        add_row(
            form,
            self.tr("Staff day rate"),
            self.day_rate,
            "plan_day_rate",
            self.tr("The cost of one day of staff time, used to cost methods' staff hours."),
        )
        self.day_rate.committed.connect(self._set_day_rate)
        self.contingency = QDoubleSpinBox()
        fit_to_limits(self.contingency, Plan, "contingency_percent")
        self.contingency.setSuffix(" %")
        self.contingency.setMaximumWidth(120)
        add_row(
            form,
            self.tr("Contingency"),
            self.contingency,
            "plan_contingency",
            self.tr("A share of the paid costs set aside for the unexpected; 10% is common."),
        )
        self.contingency.editingFinished.connect(
            lambda: self._set(
                "contingency_percent",
                percent_from_spin(self.contingency.value(), self.contingency.decimals()),
            )
        )
        self.status = QComboBox()
        for status in PlanStatus:
            self.status.addItem(label(status), status)
        add_row(form, self.tr("Status"), self.status, "plan_status")
        self.status.activated.connect(lambda _i: self._set("status", PlanStatus(self.status.currentData())))
        return box

    def _purpose_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Purpose and decision"))
        grid = QGridLayout(box)
        fields = list(_PURPOSE_FIELDS)
        for i, (attr, source_text, name, source_tip) in enumerate(fields):
            text = QCoreApplication.translate("Context", source_text)
            tip = QCoreApplication.translate("Context", source_tip)
            area = TextArea(lines=3)
            area.setPlaceholderText(tip)
            heading = QLabel(text)
            heading.setObjectName(f"{name}_label")
            heading.setBuddy(area)
            name_widget(area, name, text, tip)
            area.editingFinished.connect(lambda a=attr, w=area: self._set(a, w.toPlainText().strip()))
            self.areas[attr] = area
            row, col = divmod(i, 2)
            grid.addWidget(heading, row * 2, col)
            grid.addWidget(area, row * 2 + 1, col)
        self.decision_maker = QLineEdit()
        self.decision_maker.setPlaceholderText(self.tr("for example: the Operations Committee"))
        maker_label = QLabel(self.tr("Who makes the final decision"))
        maker_label.setBuddy(self.decision_maker)
        name_widget(self.decision_maker, "plan_decision_maker", self.tr("Who makes the final decision"))
        self.decision_maker.editingFinished.connect(
            lambda: self._set("decision_maker", self.decision_maker.text().strip())
        )
        grid.addWidget(maker_label, 4, 0, 1, 2)
        grid.addWidget(self.decision_maker, 5, 0, 1, 2)
        self.decision_date = DateField("plan_decision_date")
        date_label = QLabel(self.tr("When the decision is taken"))
        date_label.setBuddy(self.decision_date.edit)
        name_widget(
            self.decision_date,
            "plan_decision_date",
            self.tr("When the decision is taken"),
            self.tr("The checks make sure the consultation ends in time to analyse it and report back."),
        )
        self.decision_date.changed.connect(lambda d: self._set("decision_date", d))
        grid.addWidget(date_label, 6, 0, 1, 2)
        grid.addWidget(self.decision_date, 7, 0, 1, 2)
        # Tab order follows reading order: left to right, then down.
        order = [
            self.areas["purpose"],
            self.areas["decision"],
            self.areas["negotiable"],
            self.areas["not_negotiable"],
            self.decision_maker,
            self.decision_date,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        return box

    def _value_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Value for whom?"))
        layout = QVBoxLayout(box)
        hint = QLabel(self.tr("Tick everyone whose value this engagement should serve."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.value_list = QListWidget()
        name_widget(self.value_list, "value_for_whom_list", self.tr("Value for whom"))
        self.value_list.itemChanged.connect(self._value_ticked)
        layout.addWidget(self.value_list, 1)
        row = QHBoxLayout()
        self.value_new = QLineEdit()
        self.value_new.setPlaceholderText(self.tr("Someone else\u2026"))
        name_widget(self.value_new, "value_for_whom_new", self.tr("Add someone else whose value it serves"))
        self.value_add = QPushButton(self.tr("Add"))
        name_widget(self.value_add, "value_for_whom_add", self.tr("Add to value for whom"))
        row.addWidget(self.value_new, 1)
        row.addWidget(self.value_add)
        layout.addLayout(row)
        self.value_add.clicked.connect(self._value_added)
        self.value_new.returnPressed.connect(self._value_added)
        return box

    # -- behaviour --------------------------------------------------------------------------

    def _set(self, attr: str, value: Any) -> None:
        if self.doc.readonly:
            return
        self.doc.set_value(self.doc.plan, attr, value)
        self._show_problems()

    def _set_day_rate(self, amount: int) -> None:
        """The plan's rate, and the staff lines of team members who use it, as one undo step."""
        if not self.doc.readonly and amount != self.doc.plan.staff_day_rate:
            set_with_rates(self.doc, self.doc.plan, "staff_day_rate", amount)

    def _set_currency(self, code: str) -> None:
        """Change currency keeping every amount's figures (see costing.rescaled_for_currency)."""
        if self.doc.readonly or code == self.doc.plan.currency:
            return
        self.doc.begin_macro(self.tr("Change currency"))
        try:
            for obj, attr, value in rescaled_for_currency(self.doc.plan, code):
                self.doc.set_value(obj, attr, value)
            self.doc.set_value(self.doc.plan, "currency", code)
        finally:
            self.doc.end_macro()
        self._show_problems()

    def _value_ticked(self, _item: QListWidgetItem) -> None:
        chosen = [
            str(self.value_list.item(i).data(Qt.ItemDataRole.UserRole))  # the English kept in the plan
            for i in range(self.value_list.count())
            if self.value_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        self._set("value_for_whom", chosen)

    def _value_added(self) -> None:
        text = self.value_new.text().strip()
        if not text:
            return
        current = list(self.doc.plan.value_for_whom)
        if text.casefold() not in (v.casefold() for v in current):
            self._set("value_for_whom", [*current, text])
        self.value_new.clear()

    def refresh(self) -> None:
        plan = self.doc.plan
        self.scope.refresh()
        self.history.refresh()
        self.approval.refresh()
        for attr, edit in self.lines.items():
            set_text_quietly(edit, getattr(plan, attr))
        for attr, area in self.areas.items():
            set_text_quietly(area, getattr(plan, attr))
        set_text_quietly(self.decision_maker, plan.decision_maker)
        self.start.set_value(plan.start)
        self.end.set_value(plan.end)
        self.decision_date.set_value(plan.decision_date)
        with blocked(self.currency, self.status, self.contingency, self.value_list):
            index = self.currency.findData(plan.currency)
            if index < 0:
                self.currency.addItem(plan.currency, plan.currency)
                index = self.currency.count() - 1
            self.currency.setCurrentIndex(index)
            self.status.setCurrentIndex(max(self.status.findData(plan.status), 0))
            self.contingency.setValue(float(plan.contingency_percent))
            self.value_list.clear()
            extras = [v for v in plan.value_for_whom if v not in VALUE_FOR_WHOM_CHOICES]
            for text in [*VALUE_FOR_WHOM_CHOICES, *extras]:
                item = QListWidgetItem(value_for_whom_label(text))
                item.setData(Qt.ItemDataRole.UserRole, text)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = text in plan.value_for_whom
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                self.value_list.addItem(item)
        self.day_rate.set_amount(plan.staff_day_rate)
        readonly = self.doc.readonly
        for widget in [*self.lines.values(), *self.areas.values(), self.decision_maker, self.value_new]:
            widget.setReadOnly(readonly)
        for widget in (
            self.start,
            self.end,
            self.decision_date,
            self.currency,
            self.day_rate,
            self.contingency,
            self.status,
            self.value_list,
            self.value_add,
        ):
            widget.setEnabled(not readonly)
        self._show_problems()

    def _show_problems(self) -> None:
        plan = self.doc.plan
        untitled = not plan.title.strip() and not self.doc.readonly
        show_problem(self.title_problem, self.tr("Give the plan a title to continue.") if untitled else "")
        dates = (
            self.tr("The plan ends before it starts.")
            if plan.start and plan.end and plan.end < plan.start
            else ""
        )
        show_problem(self.dates_problem, dates)

    def input_problems(self) -> list[str]:
        found = []
        if self.day_rate.error:
            found.append(self.tr("Staff day rate: {error}").format(error=self.day_rate.error))
        return found
