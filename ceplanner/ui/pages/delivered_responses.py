"""The response log ("you said, we did"): for each theme heard, what was done or why not, who
owns it, and when, how and in which formats participants are told."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ceplanner.core.model import Response, ResponseKind, label
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.delivered_common import (
    ListModel,
    date_column,
    list_view,
    selected_row,
    stripped,
    untitled,
)
from ceplanner.ui.stakeholder_model import to_bool, to_enum
from ceplanner.ui.table_model import Column
from ceplanner.ui.widgets import name_widget, problem_label, show_problem


def response_columns(doc: PlanDocument) -> list[Column]:
    """Theme, kind, action, owner, feedback date, channel, formats, fed back."""

    def theme_title(theme_id: str | None) -> str:
        found = next((t for t in doc.plan.themes if t.id == theme_id), None)
        if found is None:
            return QCoreApplication.translate("ResponsesPanel", "(no theme)")
        return found.title or untitled()

    def theme_in(value: Any) -> str | None:
        if value is None or value in {t.id for t in doc.plan.themes}:
            return value
        text = str(value).strip().casefold()
        for theme in doc.plan.themes:
            if theme.title.strip().casefold() == text:
                return theme.id
        raise ValueError(
            QCoreApplication.translate(
                "ResponsesPanel", "no theme is called “{name}”; choose one from the list."
            ).format(name=str(value).strip())
        )

    return [
        Column(
            "theme_id",
            QT_TRANSLATE_NOOP("Column", "Theme"),
            "option",
            theme_in,
            show=theme_title,
            tip=QT_TRANSLATE_NOOP("Column", "The theme of the findings log this answers."),
            options=lambda: [
                (QCoreApplication.translate("ResponsesPanel", "(no theme)"), None),
                *((t.title or untitled(), t.id) for t in doc.plan.themes),
            ],
        ),
        Column(
            "kind",
            QT_TRANSLATE_NOOP("Column", "Response"),
            "choice",
            lambda v: to_enum(ResponseKind, v),
            show=label,
            choices=ResponseKind,
            tip=QT_TRANSLATE_NOOP("Column", "“You said, we did”, or “we did not, and why”."),
        ),
        Column(
            "action",
            QT_TRANSLATE_NOOP("Column", "Action, or why not"),
            parse=stripped,
            tip=QT_TRANSLATE_NOOP("Column", "The decision or action; for “we did not”, the reason."),
        ),
        Column("owner", QT_TRANSLATE_NOOP("Column", "Owner"), parse=stripped),
        date_column(
            "feedback_on",
            QT_TRANSLATE_NOOP("Column", "Feedback date"),
            QT_TRANSLATE_NOOP(
                "Column", "When participants are told, for example 12/03/2027. Blank for none."
            ),
        ),
        Column("channel", QT_TRANSLATE_NOOP("Column", "Channel"), parse=stripped),
        Column(
            "formats",
            QT_TRANSLATE_NOOP("Column", "Formats"),
            parse=stripped,
            tip=QT_TRANSLATE_NOOP("Column", "Easy read, large print, languages."),
        ),
        Column("fed_back", QT_TRANSLATE_NOOP("Column", "Fed back"), "bool", to_bool),
    ]


class ResponsesPanel(QWidget):
    """The plan's responses as a table with Add and Delete; each cell edits as one undo step."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("responses_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Response log: you said, we did"))
        heading.setObjectName("responses_heading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        name_widget(self.add_button, "responses_add", self.tr("Add a response"), self.tr("Add a response"))
        self.delete_button = QPushButton(self.tr("Delete"))
        name_widget(
            self.delete_button,
            "responses_delete",
            self.tr("Delete the selected response"),
            self.tr("Delete the selected response (undo brings it back)"),
        )
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.problem = problem_label("responses_problem")
        layout.addWidget(self.problem)
        self.model = ListModel(doc, response_columns(doc), lambda: self.doc.plan.responses, parent=self)
        heading_text = heading.text()
        self.table = list_view(
            self.model,
            "responses",
            heading_text,
            {"kind": 150, "feedback_on": 100, "fed_back": 70, "owner": 110},
        )
        heading.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        self.model.problem.connect(lambda text: show_problem(self.problem, text))
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.model.modelReset.connect(self.update_buttons)
        self.update_buttons()

    def update_buttons(self) -> None:
        writable = not self.doc.readonly
        self.add_button.setEnabled(writable)
        self.delete_button.setEnabled(writable and selected_row(self.table) >= 0)

    def add(self) -> None:
        if self.doc.readonly:
            return
        themes = self.doc.plan.themes
        item = Response(theme_id=themes[0].id if themes else None)
        self.doc.append_item(self.doc.plan, "responses", item, self.tr("Add a response"))
        row = len(self.doc.plan.responses) - 1
        self.table.selectRow(row)
        index = self.model.index(row, self.model.column_of["action"])
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def delete(self) -> None:
        row = selected_row(self.table)
        if row < 0 or self.doc.readonly:
            return
        self.doc.remove_item(self.doc.plan, "responses", row, self.tr("Delete a response"))
        show_problem(self.problem, "")
