"""Review's "Delivery" box: planned against actual in total and seldom-heard reach, for a plan
with delivery records; the figures ``ceplanner info`` prints (core.summary.delivery_summary)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QWidget

from ceplanner.core.delivery import has_delivery, planned_part
from ceplanner.core.model import Plan
from ceplanner.core.summary import delivery_summary
from ceplanner.core.variance import delivery_figures
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.widgets import add_row, new_form

KEYS = ("planned", "actual", "variance", "variance_percent", "seldom_reach")


class DeliverySummaryBox(QGroupBox):
    """Hidden while the plan has no delivery records; call :meth:`refresh` after edits."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("review_delivery_box")
        self.setTitle(self.tr("Delivery: planned against actual"))
        form = new_form()
        self.setLayout(form)
        self.values: dict[str, QLabel] = {}
        self.words: dict[str, QLabel] = {}
        for key in KEYS:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.words[key] = add_row(form, key, value, f"delivery_{key}")
            self.values[key] = value
        self.refresh()

    def _approved(self, plan: Plan) -> Plan:
        from ceplanner.store.delivery import approved_baseline

        store = self.doc.store
        return approved_baseline(store, plan) if store is not None else planned_part(plan)

    def refresh(self) -> None:
        plan = self.doc.plan
        shown = has_delivery(plan)
        self.setVisible(shown)
        if not shown:
            return
        for figure in delivery_summary(delivery_figures(self._approved(plan), plan)):
            self.words[figure.key].setText(figure.words)
            self.values[figure.key].setText(figure.text)
            self.values[figure.key].setAccessibleName(figure.words)
            self.values[figure.key].setAccessibleDescription(figure.text)
            font = self.values[figure.key].font()
            font.setBold(figure.emphasis)
            self.values[figure.key].setFont(font)
