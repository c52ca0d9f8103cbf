"""The budget envelope and the funders' envelopes, entered on the Costs step.

The plan's envelope is one amount (left empty: none); funders are a small table (name, what
they offer, notes) beside what their cost lines come to and the headroom or overrun, all from
:mod:`ceplanner.core.envelope`. Funder names are offered from the names used on cost lines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.costing import affects_budget
from ceplanner.core.envelope import Comparison, funder_costed, line_funder_names, plan_envelope
from ceplanner.core.limits import limits_of
from ceplanner.core.model import Funder, Plan
from ceplanner.core.money import format_money, parse_money, to_major_text
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.row_actions import RowActions, without
from ceplanner.ui.table_model import Column, ColumnDelegate, ColumnTableModel, Index
from ceplanner.ui.widgets import MoneyField, name_table, problem_label, show_problem
from ceplanner.ui.wording import list_text

NEW_FUNDER = QT_TRANSLATE_NOOP("EnvelopePanel", "New funder")


def comparison_text(compared: Comparison | None, currency: str) -> str:
    """ "Headroom £1,200.00 against a cash budget needed of £8,800.00" (or "Over budget by …");
    "" with no envelope."""
    if compared is None:
        return ""
    return QCoreApplication.translate(
        "EnvelopePanel", "{words} {difference} against a cash budget needed of {costed}"
    ).format(
        words=compared.words,
        difference=format_money(compared.difference, currency),
        costed=format_money(compared.costed, currency),
    )


def difference_text(compared: Comparison, currency: str) -> str:
    """ "£2,994.27" of headroom, or "Over by £819.90"."""
    money = format_money(compared.difference, currency)
    return (
        QCoreApplication.translate("EnvelopePanel", "Over by {money}").format(money=money)
        if compared.over
        else money
    )


class OptionalMoneyField(MoneyField):
    """A money field that may be left empty: ``cleared`` says the amount was removed."""

    cleared = Signal()

    def commit(self) -> None:
        if not self.edit.text().strip():
            self._show("")
            self.cleared.emit()
            return
        super().commit()

    def set_optional_amount(self, minor: int | None) -> None:
        if minor is None:
            if not self.edit.hasFocus():
                self.edit.clear()
                self._show("")
        else:
            self.set_amount(minor)


class FunderModel(ColumnTableModel):
    """The plan's funders: name, envelope and notes typed; what their lines cost and the
    headroom worked out."""

    def __init__(self, doc: PlanDocument, parent: Any = None) -> None:
        super().__init__(doc, funder_columns(doc), parent)

    def rows(self) -> list[Funder]:
        return self.doc.plan.funders

    def problem_text(self, row: int, obj: Any, column: Column, reason: str) -> str:
        return self.tr("{column}, funder {row}: {reason}").format(
            column=column.title, row=row + 1, reason=reason
        )

    def affects_every_row(self, obj: Any, attr: str) -> bool:
        # Cost lines and the currency change what every funder's lines come to.
        return not isinstance(obj, Funder) and affects_budget(obj, attr)


def funder_columns(doc: PlanDocument) -> list[Column]:
    def currency() -> str:
        return doc.plan.currency

    def envelope_in(value: Any) -> int | None:
        text = str(value if value is not None else "").strip()
        if not text:
            return None
        return parse_money(text, currency(), bounds=limits_of(Funder, "envelope"))

    def money_out(amount: int | None) -> str:
        return "" if amount is None else format_money(amount, currency())

    def costed(funder: Funder) -> int:
        return funder_costed(doc.budget, funder.name)

    def headroom(funder: Funder) -> str:
        if funder.envelope is None:
            return "–"
        return difference_text(Comparison(funder.envelope, costed(funder)), currency())

    def name_in(value: Any) -> str:
        name = str(value).strip()
        if not name:
            raise ValueError(
                QCoreApplication.translate(
                    "EnvelopePanel", "A funder needs a name, as written on its cost lines."
                )
            )
        return name

    return [
        Column(
            "name",
            QT_TRANSLATE_NOOP("Column", "Funder"),
            parse=name_in,
            tip=QT_TRANSLATE_NOOP("Column", "As written in the Funder column of cost lines"),
        ),
        Column(
            "envelope",
            QT_TRANSLATE_NOOP("Column", "Envelope"),
            "money",
            envelope_in,
            show=money_out,
            edit=lambda amount: "" if amount is None else to_major_text(amount, currency()),
            right=True,
            tip=QT_TRANSLATE_NOOP("Column", "What this funder has offered; leave empty if not known"),
        ),
        Column(
            "costed",
            QT_TRANSLATE_NOOP("Column", "Their lines"),
            "derived",
            derive=costed,
            show=money_out,
            right=True,
            tip=QT_TRANSLATE_NOOP(
                "Column", "The full cost (paid and in kind) of the cost lines naming this funder"
            ),
        ),
        Column(
            "headroom",
            QT_TRANSLATE_NOOP("Column", "Headroom"),
            "derived",
            derive=headroom,
            show=str,
            right=True,
            tip=QT_TRANSLATE_NOOP(
                "Column", "Envelope less what their lines cost; “Over by” when the lines cost more"
            ),
        ),
        Column("notes", QT_TRANSLATE_NOOP("Column", "Notes"), parse=lambda v: str(v).strip()),
    ]


class FunderDelegate(ColumnDelegate):
    """The funder table's editors; the name is typed or chosen from the cost lines' funders."""

    def __init__(self, model: FunderModel, names: Callable[[], list[str]], parent: Any = None) -> None:
        super().__init__(model.columns, "funder", parent)
        self._names = names

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if self.columns[index.column()].attr != "name":
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(self._names())
        combo.setObjectName("funder_editor_name")
        combo.setAccessibleName(self.tr("Funder"))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox) and editor.isEditable():
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox) and editor.isEditable():
            model.setData(index, editor.currentText())
            return
        super().setModelData(editor, model, index)


class EnvelopePanel(QGroupBox):
    """The plan's budget envelope and its funders, compared with what is costed."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Budget envelope and funders"), parent)
        self.doc = doc
        self.setObjectName("costs_envelope")
        self.envelope = OptionalMoneyField(
            "plan_budget_envelope",
            lambda: self.doc.plan.currency,
            bounds=limits_of(Plan, "budget_envelope"),
        )
        self.envelope.edit.setPlaceholderText(self.tr("none set"))
        self.envelope.setAccessibleName(self.tr("Budget envelope"))
        self.envelope.edit.setToolTip(
            self.tr(
                "The money available for the whole plan, compared with the cash budget needed. "
                "Leave empty if there is none."
            )
        )
        caption = QLabel(self.tr("Budget envelope"))
        caption.setBuddy(self.envelope.edit)
        self.compared = QLabel()
        self.compared.setObjectName("costs_envelope_compared")
        self.compared.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(caption)
        top.addWidget(self.envelope)
        top.addWidget(self.compared, 1)

        self.funders = FunderModel(doc, self)
        self.table = QTableView()
        name_table(
            self.table,
            "costs_funders",
            self.tr("Funders"),
            self.tr("Who pays, what they offer and what their lines cost"),
        )
        self.table.setModel(self.funders)
        self.table.setItemDelegate(FunderDelegate(self.funders, self.names, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 190)
        for column in (1, 2, 3):
            header.resizeSection(column, 110)
        header.setStretchLastSection(True)
        self.row_actions = RowActions(
            self.table,
            {
                "add": (
                    self.tr("Add funder"),
                    "costs_add_funder",
                    self.tr("Add a funder, with what they offer"),
                ),
                "delete": (self.tr("Delete"), "costs_delete_funder", self.tr("Delete the selected funders")),
            },
            {"add": self.add_funder, "delete": self.delete_funders},
        )
        self.problem = problem_label("costs_funders_problem")
        self.row_actions.layout.insertWidget(len(self.row_actions.buttons), self.problem, 1)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + 2 * rows + 8)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.row_actions.layout)
        layout.addWidget(self.table, 1)

        self.envelope.committed.connect(lambda minor: self._set_envelope(minor))
        self.envelope.cleared.connect(lambda: self._set_envelope(None))
        self.funders.problem.connect(lambda text: show_problem(self.problem, text))
        self.refresh()

    def names(self) -> list[str]:
        """Funder names offered: those on cost lines, then the funders already listed."""
        names = line_funder_names(self.doc.plan)
        names += [f.name for f in self.doc.plan.funders if f.name and f.name not in names]
        return names

    def refresh(self) -> None:
        plan = self.doc.plan
        self.envelope.set_optional_amount(plan.budget_envelope)
        self.compared.setText(comparison_text(plan_envelope(plan, self.doc.budget), plan.currency))
        self.row_actions.update(not self.doc.readonly)
        self.envelope.setEnabled(not self.doc.readonly)

    def _set_envelope(self, minor: int | None) -> None:
        if not self.doc.readonly:
            self.doc.set_value(self.doc.plan, "budget_envelope", minor)

    def add_funder(self) -> None:
        """Add the first funder named on cost lines but not listed yet (or a new one)."""
        listed = {f.name.strip() for f in self.doc.plan.funders}
        name = next((n for n in line_funder_names(self.doc.plan) if n not in listed), self.tr(NEW_FUNDER))
        self.doc.append_item(self.doc.plan, "funders", Funder(name=name), list_text("Add", "funders"))
        row = len(self.doc.plan.funders) - 1
        self.table.selectRow(row)
        index = self.funders.index(row, self.funders.column_of["envelope"])
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def delete_funders(self, rows: list[int]) -> None:
        kept = without(self.doc.plan.funders, rows)
        self.doc.replace_list(self.doc.plan, "funders", kept, list_text("Delete", "funders", len(rows)))
