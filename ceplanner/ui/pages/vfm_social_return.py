"""The Evaluation step's "Social return" tab: what goes in and what comes back, and the optional
social-return forecast (SROI-style) with its ratio and sensitivity, shown live as an estimate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.limits import limits_of
from ceplanner.core.model import Plan, SroiOutcome
from ceplanner.core.money import format_money, parse_money, symbol, to_major_text
from ceplanner.core.sroi import estimate_note, forecast, outcome_forecast, ratio_text, sensitivity
from ceplanner.core.vfm_measures import goes_in_comes_back
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.vfm_fields import count_text, percent_text, to_count, to_percent
from ceplanner.ui.row_actions import RowActions, duplicated, without
from ceplanner.ui.table_model import Column, ColumnDelegate, ColumnTableModel
from ceplanner.ui.widgets import (
    MoneyField,
    TextArea,
    add_row,
    blocked,
    fit_to_limits,
    name_table,
    new_form,
    percent_from_spin,
    problem_label,
    set_text_quietly,
    setup_view,
    show_problem,
)

PERCENTS = (
    (
        "deadweight_percent",
        QT_TRANSLATE_NOOP("Column", "Deadweight"),
        QT_TRANSLATE_NOOP("Column", "What would have happened anyway, in percent."),
    ),
    (
        "attribution_percent",
        QT_TRANSLATE_NOOP("Column", "Attribution"),
        QT_TRANSLATE_NOOP("Column", "The share owed to others, not to this engagement."),
    ),
    (
        "displacement_percent",
        QT_TRANSLATE_NOOP("Column", "Displacement"),
        QT_TRANSLATE_NOOP("Column", "The share that only moves a benefit from elsewhere."),
    ),
    (
        "drop_off_percent",
        QT_TRANSLATE_NOOP("Column", "Drop-off"),
        QT_TRANSLATE_NOOP("Column", "How much the outcome falls each year after the first."),
    ),
)


def sroi_columns(doc: PlanDocument) -> list[Column]:
    def money_in(value: Any) -> int:
        return parse_money(str(value), doc.plan.currency, bounds=limits_of(SroiOutcome, "proxy_value"))

    def present_value(outcome: SroiOutcome) -> str:
        found = outcome_forecast(outcome, doc.plan.sroi_discount_percent).present_value
        return format_money(found, doc.plan.currency)

    return [
        Column(
            "description",
            QT_TRANSLATE_NOOP("Column", "Outcome"),
            parse=lambda v: str(v).strip(),
            tip=QT_TRANSLATE_NOOP("Column", "What changes, for example “carers less isolated”."),
        ),
        Column("who", QT_TRANSLATE_NOOP("Column", "For whom"), parse=lambda v: str(v).strip()),
        Column(
            "quantity",
            QT_TRANSLATE_NOOP("Column", "Quantity"),
            parse=to_count("quantity"),
            show=count_text,
            edit=count_text,
            right=True,
            tip=QT_TRANSLATE_NOOP("Column", "How many people (or things) experience the outcome."),
        ),
        Column(
            "proxy_value",
            QT_TRANSLATE_NOOP("Column", "Value a year"),
            "money",
            money_in,
            show=lambda v: format_money(v, doc.plan.currency),
            edit=lambda v: to_major_text(v, doc.plan.currency),
            right=True,
            tip=QT_TRANSLATE_NOOP(
                "Column", "The financial proxy: what the outcome is worth to one of them for one year."
            ),
        ),
        Column(
            "proxy_source",
            QT_TRANSLATE_NOOP("Column", "Proxy source"),
            parse=lambda v: str(v).strip(),
            tip=QT_TRANSLATE_NOOP(
                "Column", "Where the value comes from, for example a social value bank and its year."
            ),
        ),
        Column(
            "duration_years",
            QT_TRANSLATE_NOOP("Column", "Years"),
            "int",
            int,
            limits=limits_of(SroiOutcome, "duration_years"),
            right=True,
        ),
        *[
            Column(
                attr,
                header,
                parse=to_percent(attr),
                show=percent_text,
                edit=percent_text,
                right=True,
                tip=tip,
            )
            for attr, header, tip in PERCENTS
        ],
        Column(
            "present",
            QT_TRANSLATE_NOOP("Column", "Present value"),
            "derived",
            derive=present_value,
            right=True,
        ),
    ]


class SroiModel(ColumnTableModel):
    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(doc, sroi_columns(doc), parent)

    def rows(self) -> list[SroiOutcome]:
        return self.doc.plan.sroi_outcomes

    def affects_every_row(self, obj: Any, attr: str) -> bool:
        return isinstance(obj, Plan) and attr in ("currency", "sroi_discount_percent")

    def problem_text(self, row: int, obj: Any, column: Column, reason: str) -> str:
        name = obj.description.strip() or self.tr("outcome {row}").format(row=row + 1)
        return self.tr("{column} of {name}: {reason}").format(column=column.title, name=name, reason=reason)


class OptionalMoneyField(MoneyField):
    """A money field that may be left empty: clearing it emits ``cleared``."""

    def __init__(self, *args: Any, cleared: Any, **kwargs: Any) -> None:
        self._cleared = cleared
        super().__init__(*args, **kwargs)

    def commit(self) -> None:
        if not self.edit.text().strip():
            self._show("")
            self._cleared()
            return
        super().commit()


class ReturnsPanel(QWidget):
    """What goes in (the service's yearly cost, and the engagement's share of it) and what comes back."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        layout = QVBoxLayout(self)
        layout.addWidget(self._returns_box())
        layout.addStretch(1)

    def _set(self, attr: str, value: Any) -> None:
        if not self.doc.readonly:
            self.doc.set_value(self.doc.plan, attr, value)

    def _returns_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What goes in and what comes back"))
        form = new_form()
        self.service_cost = OptionalMoneyField(
            "plan_service_annual_cost",
            lambda: self.doc.plan.currency,
            bounds=limits_of(Plan, "service_annual_cost"),
            cleared=lambda: self._set("service_annual_cost", None),
        )
        self.service_cost.edit.setPlaceholderText(self.tr("optional, for example 2,400,000"))
        add_row(
            form,
            self.tr("Annual cost of the service"),
            self.service_cost,
            "plan_service_annual_cost",
            self.tr("What the service being engaged on costs a year; leave empty if not known."),
        )
        self.service_cost.committed.connect(lambda v: self._set("service_annual_cost", v))
        self.service_share = QLabel()
        self.service_share.setMinimumHeight(self.service_share.sizeHint().height())
        add_row(form, self.tr("Engagement's share"), self.service_share, "plan_service_share")
        self.returns = TextArea(lines=2)
        self.returns.setPlaceholderText(
            self.tr("for example: fewer repeat repair visits; complaints down; better decisions")
        )
        add_row(
            form,
            self.tr("Expected returns"),
            self.returns,
            "plan_expected_returns",
            self.tr("What the engagement is expected to bring back into the organisation."),
        )
        self.returns.editingFinished.connect(
            lambda: self._set("expected_returns", self.returns.toPlainText().strip())
        )
        box.setLayout(form)
        return box

    def refresh(self) -> None:
        plan, budget = self.doc.plan, self.doc.budget
        readonly = self.doc.readonly
        if plan.service_annual_cost is None:
            if not self.service_cost.error:
                set_text_quietly(self.service_cost.edit, "")
        else:
            self.service_cost.set_amount(plan.service_annual_cost)
        self.service_cost.setEnabled(not readonly)
        measures = goes_in_comes_back(plan, budget)
        share = measures[2]
        words = self.tr("{share} of the service's yearly cost (the engagement costs {cost})").format(
            share=share.text, cost=measures[1].text
        )
        self.service_share.setText(words)
        self.service_share.setAccessibleName(words)
        set_text_quietly(self.returns, plan.expected_returns)
        self.returns.setReadOnly(readonly)

    def input_problems(self) -> list[str]:
        return (
            [self.tr("Annual cost of the service: {error}").format(error=self.service_cost.error)]
            if self.service_cost.error
            else []
        )


class SocialReturnPanel(QWidget):
    """The social-return forecast: outcomes, discount rate, and the ratio and sensitivity, live."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._sroi_box())

    def _sroi_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Social return forecast (an estimate, optional)"))
        layout = QVBoxLayout(box)
        intro = QLabel(
            self.tr(
                "Value each outcome with a financial proxy and reduce it for deadweight, attribution, "
                "displacement and drop-off. The ratio is an estimate, never a promise."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = new_form()
        self.discount = QDoubleSpinBox()
        fit_to_limits(self.discount, Plan, "sroi_discount_percent")
        self.discount.setSuffix(" %")
        self.discount.setMaximumWidth(120)
        add_row(
            form,
            self.tr("Discount rate"),
            self.discount,
            "plan_sroi_discount",
            self.tr("Future values are discounted each year; the HM Treasury Green Book uses 3.5%."),
        )
        self.discount.editingFinished.connect(
            lambda: self._set(
                "sroi_discount_percent", percent_from_spin(self.discount.value(), self.discount.decimals())
            )
        )
        layout.addLayout(form)
        self.model = SroiModel(self.doc, self)
        self.table = QTableView()
        name_table(
            self.table,
            "sroi_outcomes",
            self.tr("Social return outcomes"),
            self.tr("Double-click a cell to edit it."),
        )
        self.table.setModel(self.model)
        self.table.setItemDelegate(ColumnDelegate(self.model.columns, "sroi", self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setMinimumHeight(150)
        setup_view(self.table)
        layout.addWidget(self.table, 1)
        self.problem = problem_label("sroi_problem")
        self.model.problem.connect(lambda text: show_problem(self.problem, text))
        layout.addWidget(self.problem)
        self.actions = RowActions(
            self.table,
            {
                "add": (self.tr("Add outcome"), "sroi_add", self.tr("Add an outcome to the forecast")),
                "duplicate": (self.tr("Duplicate"), "sroi_duplicate", self.tr("Copy the chosen outcomes")),
                "delete": (self.tr("Delete"), "sroi_delete", self.tr("Delete the chosen outcomes")),
            },
            {"add": self.add, "duplicate": self.duplicate, "delete": self.delete},
        )
        layout.addLayout(self.actions.layout)
        results = QHBoxLayout()
        self.ratio = QLabel()
        self.ratio.setObjectName("sroi_ratio")
        self.ratio.setWordWrap(True)
        self.ratio.setTextFormat(Qt.TextFormat.PlainText)
        self.ratio.setAlignment(Qt.AlignmentFlag.AlignTop)
        results.addWidget(self.ratio, 1)
        self.sensitivity = QLabel()
        self.sensitivity.setObjectName("sroi_sensitivity")
        self.sensitivity.setWordWrap(True)
        self.sensitivity.setTextFormat(Qt.TextFormat.PlainText)
        self.sensitivity.setAlignment(Qt.AlignmentFlag.AlignTop)
        results.addWidget(self.sensitivity, 1)
        layout.addLayout(results)
        return box

    # -- behaviour --------------------------------------------------------------------------

    def _set(self, attr: str, value: Any) -> None:
        if not self.doc.readonly:
            self.doc.set_value(self.doc.plan, attr, value)

    def add(self) -> None:
        self.doc.append_item(
            self.doc.plan, "sroi_outcomes", SroiOutcome(), self.tr("Add a social-return outcome")
        )
        index = self.model.index(len(self.doc.plan.sroi_outcomes) - 1, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def duplicate(self, rows: list[int]) -> None:
        items, _copies = duplicated(self.doc.plan.sroi_outcomes, rows)
        self.doc.replace_list(
            self.doc.plan, "sroi_outcomes", items, self.tr("Duplicate social-return outcomes")
        )

    def delete(self, rows: list[int]) -> None:
        items = without(self.doc.plan.sroi_outcomes, rows)
        self.doc.replace_list(self.doc.plan, "sroi_outcomes", items, self.tr("Delete social-return outcomes"))

    def refresh(self) -> None:
        plan = self.doc.plan
        readonly = self.doc.readonly
        with blocked(self.discount):
            self.discount.setValue(float(plan.sroi_discount_percent))
        self.discount.setEnabled(not readonly)
        self.actions.update(not readonly)
        self._show_forecast()

    def _show_forecast(self) -> None:
        plan, budget = self.doc.plan, self.doc.budget
        if not plan.sroi_outcomes:
            self.ratio.setText(self.tr("No outcomes yet: add one to see a forecast ratio (an estimate)."))
            self.sensitivity.setText("")
            return
        result = forecast(plan, budget.grand_total)
        sign = symbol(plan.currency)
        text = self.tr(
            "Forecast ratio: {ratio}. Present value {present_value} against a cost of {cost}. {note}"
        ).format(
            ratio=ratio_text(result.ratio, sign),
            present_value=format_money(result.present_value, plan.currency),
            cost=format_money(result.cost, plan.currency),
            note=estimate_note(),
        )
        self.ratio.setText(text)
        self.ratio.setAccessibleName(text)
        lines = [self.tr("Sensitivity (estimate):")]
        for case in sensitivity(plan, budget.grand_total):
            ratio = self.tr("no ratio") if case.ratio is None else f"{sign}{case.ratio} : {sign}1"
            lines.append(
                self.tr("{case}: {ratio} ({present_value})").format(
                    case=case.name, ratio=ratio, present_value=format_money(case.present_value, plan.currency)
                )
            )
        self.sensitivity.setText("\n".join(lines))
        self.sensitivity.setAccessibleName(" ".join(lines))
