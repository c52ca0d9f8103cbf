"""The Context step's "Approval" tab: document control (version, who approves the plan and when,
who signs off the findings), printed on the strategy's cover."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ceplanner.ui.document import PlanDocument
from ceplanner.ui.widgets import DateField, add_row, new_form, set_text_quietly

# attribute, label, object name, tip
APPROVAL_LINES = [
    (
        "doc_version",
        QT_TRANSLATE_NOOP("ContextApproval", "Version"),
        "plan_doc_version",
        QT_TRANSLATE_NOOP("ContextApproval", "The document's version, for example 0.3 or 1.0."),
    ),
    (
        "approver",
        QT_TRANSLATE_NOOP("ContextApproval", "Approved by"),
        "plan_approver",
        QT_TRANSLATE_NOOP("ContextApproval", "Who approves the plan: a person, board or committee."),
    ),
    (
        "findings_signoff",
        QT_TRANSLATE_NOOP("ContextApproval", "Findings signed off by"),
        "plan_findings_signoff",
        QT_TRANSLATE_NOOP("ContextApproval", "Who signs off the findings before they are published."),
    ),
]


class ApprovalPanel(QWidget):
    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.lines: dict[str, QLineEdit] = {}
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("Document control"))
        form = new_form()
        box.setLayout(form)
        for attr, source_text, name, source_tip in APPROVAL_LINES:
            text = QCoreApplication.translate("ContextApproval", source_text)
            tip = QCoreApplication.translate("ContextApproval", source_tip) if source_tip else ""
            edit = QLineEdit()
            add_row(form, text, edit, name, tip)
            edit.editingFinished.connect(lambda a=attr, e=edit: self._set(a, e.text().strip()))
            self.lines[attr] = edit
            if attr == "approver":
                self.approved_on = DateField("plan_approved_on")
                add_row(
                    form,
                    self.tr("Approved on"),
                    self.approved_on,
                    "plan_approved_on",
                    self.tr("Leave unset until approved."),
                )
                self.approved_on.changed.connect(self._date_changed)
        hint = QLabel(
            self.tr(
                "The cover of the strategy shows the version, the approver and the date of approval; "
                "the plan's status is set under Purpose and decision."
            )
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        layout.addWidget(box)
        layout.addStretch(1)

    def _date_changed(self, value: date | None) -> None:
        self._set("approved_on", value)

    def _set(self, attr: str, value: Any) -> None:
        if not self.doc.readonly and getattr(self.doc.plan, attr) != value:
            self.doc.set_value(self.doc.plan, attr, value)

    def refresh(self) -> None:
        plan = self.doc.plan
        for attr, edit in self.lines.items():
            set_text_quietly(edit, getattr(plan, attr))
            edit.setReadOnly(self.doc.readonly)
        self.approved_on.set_value(plan.approved_on)
        self.approved_on.setEnabled(not self.doc.readonly)
