"""The findings log: themes heard in the engagement, from which groups and activities, how many
said it, and short quotations kept with the speaker's consent recorded."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.limits import limits_of
from ceplanner.core.locale_format import format_number
from ceplanner.core.model import Quotation, Theme
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.delivered_common import ListModel, list_view, selected_row, stripped, untitled
from ceplanner.ui.stakeholder_model import to_bool
from ceplanner.ui.table_model import Column
from ceplanner.ui.widgets import (
    TextArea,
    blocked,
    name_table,
    name_widget,
    problem_label,
    set_text_quietly,
    show_problem,
)

_HOW_MANY = limits_of(Theme, "how_many")


def _how_many_in(value: Any) -> int | None:
    text = "" if value is None else str(value).strip().replace(",", "")
    if not text:
        return None
    if not text.isdigit() or not (int(_HOW_MANY.minimum or 0) <= int(text) <= int(_HOW_MANY.maximum or 0)):
        raise ValueError(
            QCoreApplication.translate(
                "FindingsPanel", "type a whole number of people, for example 12, or leave it blank."
            )
        )
    return int(text)


def _names(items: list[Any], ids: list[str], attr: str) -> str:
    by_id = {item.id: getattr(item, attr) or untitled() for item in items}
    return ", ".join(by_id[i] for i in ids if i in by_id)


def theme_columns(doc: PlanDocument) -> list[Column]:
    """Title, how many said it, and the groups and activities it was heard from (read here,
    chosen in the form below the table)."""
    return [
        Column("title", QT_TRANSLATE_NOOP("Column", "Theme"), parse=stripped),
        Column(
            "how_many",
            QT_TRANSLATE_NOOP("Column", "How many said it"),
            parse=_how_many_in,
            show=lambda v: "" if v is None else format_number(v),
            edit=lambda v: "" if v is None else str(v),
            right=True,
            tip=QT_TRANSLATE_NOOP("Column", "How many people said it; blank when not counted."),
        ),
        Column(
            "group_ids",
            QT_TRANSLATE_NOOP("Column", "Groups"),
            "derived",
            derive=lambda t: _names(doc.plan.groups, t.group_ids, "name"),
            tip=QT_TRANSLATE_NOOP("Column", "Choose the groups in the form below the table."),
        ),
        Column(
            "activity_ids",
            QT_TRANSLATE_NOOP("Column", "Activities"),
            "derived",
            derive=lambda t: _names(doc.plan.activities, t.activity_ids, "title"),
            tip=QT_TRANSLATE_NOOP("Column", "Choose the activities in the form below the table."),
        ),
    ]


def quotation_columns(doc: PlanDocument) -> list[Column]:
    """The words quoted, the speaker's group and whether they consented."""

    def group_name(group_id: str | None) -> str:
        found = next((g for g in doc.plan.groups if g.id == group_id), None)
        return "" if found is None else (found.name or untitled())

    def group_in(value: Any) -> str | None:
        if value is None or value in {g.id for g in doc.plan.groups}:
            return value
        text = str(value).strip().casefold()
        if not text:
            return None
        for group in doc.plan.groups:
            if group.name.strip().casefold() == text:
                return group.id
        raise ValueError(
            QCoreApplication.translate(
                "FindingsPanel", "no group is called “{name}”; choose one from the list."
            ).format(name=str(value).strip())
        )

    return [
        Column("text", QT_TRANSLATE_NOOP("Column", "Quotation"), parse=stripped),
        Column(
            "group_id",
            QT_TRANSLATE_NOOP("Column", "Group"),
            "option",
            group_in,
            show=group_name,
            options=lambda: [
                (QCoreApplication.translate("FindingsPanel", "(not known)"), None),
                *((g.name or untitled(), g.id) for g in doc.plan.groups),
            ],
        ),
        Column(
            "consent",
            QT_TRANSLATE_NOOP("Column", "Consent"),
            "bool",
            to_bool,
            tip=QT_TRANSLATE_NOOP("Column", "The speaker agreed to be quoted."),
        ),
    ]


class FindingsPanel(QWidget):
    """The themes table, and below it the selected theme's summary, groups, activities and
    quotations. Every edit is one undo step through the document."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setObjectName("findings_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Findings log: what we heard"))
        heading.setObjectName("themes_heading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        buttons = QHBoxLayout()
        buttons.addWidget(heading)
        self.add_button = self._button(self.tr("Add theme"), "themes_add", self.tr("Add a theme heard"))
        self.delete_button = self._button(
            self.tr("Delete theme"),
            "themes_delete",
            self.tr("Delete the selected theme (undo brings it back)"),
        )
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self.problem = problem_label("themes_problem")
        layout.addWidget(self.problem)
        self.model = ListModel(doc, theme_columns(doc), lambda: self.doc.plan.themes, parent=self)
        self.table = list_view(self.model, "themes", heading.text(), {"how_many": 120})
        heading.setBuddy(self.table)
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(row * 4)
        layout.addWidget(self.table, 2)
        layout.addWidget(self._form(), 3)
        self.model.problem.connect(lambda text: show_problem(self.problem, text))
        self.quote_model.problem.connect(lambda text: show_problem(self.problem, text))
        self.add_button.clicked.connect(self.add_theme)
        self.delete_button.clicked.connect(self.delete_theme)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.refresh())
        self.model.modelReset.connect(self.refresh)
        self.model.dataChanged.connect(lambda *_: self.refresh())
        doc.edited.connect(lambda obj, _attr: self.refresh() if obj is self.doc.plan else None)
        if doc.plan.themes:
            self.table.selectRow(0)
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        name_widget(button, name, tip, tip)
        return button

    def _checks(self, name: str, accessible: str) -> QListWidget:
        checks = QListWidget()
        name_widget(checks, name, accessible)
        checks.itemChanged.connect(lambda _item, w=checks: self._write_checks(w))
        return checks

    def _form(self) -> QWidget:
        form = QWidget()
        form.setObjectName("theme_form")
        grid = QGridLayout(form)
        grid.setContentsMargins(0, 0, 0, 0)
        self.summary = TextArea(lines=3)
        name_widget(self.summary, "theme_summary", self.tr("Summary of the selected theme"))
        self.summary.editingFinished.connect(self._write_summary)
        self.groups = self._checks("theme_groups", self.tr("Groups the theme was heard from"))
        self.activities = self._checks("theme_activities", self.tr("Activities the theme was heard in"))
        for col, (text, widget) in enumerate(
            (
                (self.tr("Summary"), self.summary),
                (self.tr("Heard from"), self.groups),
                (self.tr("Heard in"), self.activities),
            )
        ):
            label = QLabel(text)
            label.setObjectName(f"{widget.objectName()}_label")
            label.setBuddy(widget)
            grid.addWidget(label, 0, col, Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(widget, 1, col)
        quotes_head = QHBoxLayout()
        quotes_label = QLabel(self.tr("Quotations"))
        quotes_label.setObjectName("quotations_heading")
        bold = quotes_label.font()
        bold.setBold(True)
        quotes_label.setFont(bold)
        quotes_head.addWidget(quotes_label)
        self.note = QLabel(self.tr("A quotation without consent is never printed."))
        self.note.setObjectName("quotations_note")
        self.note.setWordWrap(True)
        italic = self.note.font()
        italic.setItalic(True)
        self.note.setFont(italic)
        quotes_head.addWidget(self.note, 1)
        self.add_quote = self._button(self.tr("Add quotation"), "quotations_add", self.tr("Add a quotation"))
        self.delete_quote = self._button(
            self.tr("Delete quotation"), "quotations_delete", self.tr("Delete the selected quotation")
        )
        quotes_head.addWidget(self.add_quote)
        quotes_head.addWidget(self.delete_quote)
        grid.addLayout(quotes_head, 2, 0, 1, 3)
        self.quote_model = ListModel(
            self.doc, quotation_columns(self.doc), self._quotations, self._write_quotation, parent=self
        )
        self.quotes = list_view(
            self.quote_model, "quotations", self.tr("Quotations"), {"group_id": 170, "consent": 80}
        )
        name_table(self.quotes, "quotations_table", self.tr("Quotations of the selected theme"))
        quotes_label.setBuddy(self.quotes)
        grid.addWidget(self.quotes, 3, 0, 1, 3)
        for widget in (self.summary, self.groups, self.activities, self.quotes):
            # Their room comes from the panel's height, not their wish for 192 pixels.
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
            widget.setMinimumHeight(self.fontMetrics().height() * 4)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(3, 1)
        for col in range(3):
            grid.setColumnStretch(col, 1)
        self.add_quote.clicked.connect(self.add_quotation)
        self.delete_quote.clicked.connect(self.delete_quotation)
        self.quotes.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        return form

    # -- showing ----------------------------------------------------------------------------

    def theme(self) -> Theme | None:
        row = selected_row(self.table)
        themes = self.doc.plan.themes
        return themes[row] if 0 <= row < len(themes) else None

    def _quotations(self) -> list[Quotation]:
        theme = self.theme() if hasattr(self, "table") else None
        return [] if theme is None else theme.quotations

    def refresh(self) -> None:
        theme = self.theme()
        self.quote_model.reload()
        with blocked(self.groups, self.activities):
            self._fill(
                self.groups, [(g.id, g.name) for g in self.doc.plan.groups], theme.group_ids if theme else []
            )
            self._fill(
                self.activities,
                [(a.id, a.title) for a in self.doc.plan.activities],
                theme.activity_ids if theme else [],
            )
        set_text_quietly(self.summary, theme.summary if theme else "")
        writable = theme is not None and not self.doc.readonly
        for widget in (self.summary, self.groups, self.activities, self.quotes):
            widget.setEnabled(theme is not None)
        self.summary.setReadOnly(not writable)
        self._update_buttons()

    @staticmethod
    def _fill(checks: QListWidget, choices: list[tuple[str, str]], chosen: list[str]) -> None:
        ids = [checks.item(i).data(Qt.ItemDataRole.UserRole) for i in range(checks.count())]
        if ids == [item_id for item_id, _name in choices]:  # the same choices: only tick them
            for i, (item_id, name) in enumerate(choices):
                item = checks.item(i)
                item.setText(name or untitled())
                item.setCheckState(Qt.CheckState.Checked if item_id in chosen else Qt.CheckState.Unchecked)
            return
        checks.clear()
        for item_id, name in choices:
            item = QListWidgetItem(name or untitled(), checks)
            item.setData(Qt.ItemDataRole.UserRole, item_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if item_id in chosen else Qt.CheckState.Unchecked)

    def _update_buttons(self) -> None:
        writable = not self.doc.readonly
        theme = self.theme()
        self.add_button.setEnabled(writable)
        self.delete_button.setEnabled(writable and theme is not None)
        self.add_quote.setEnabled(writable and theme is not None)
        self.delete_quote.setEnabled(writable and theme is not None and selected_row(self.quotes) >= 0)

    # -- edits ------------------------------------------------------------------------------

    def _write_summary(self) -> None:
        theme = self.theme()
        if (
            theme is not None
            and not self.doc.readonly
            and self.summary.toPlainText().strip() != theme.summary
        ):
            self.doc.set_value(theme, "summary", self.summary.toPlainText().strip())

    def _write_checks(self, checks: QListWidget) -> None:
        theme = self.theme()
        if theme is None or self.doc.readonly:
            return
        chosen = [
            checks.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(checks.count())
            if checks.item(i).checkState() == Qt.CheckState.Checked
        ]
        attr = "group_ids" if checks is self.groups else "activity_ids"
        self.doc.set_value(theme, attr, chosen)

    def _write_quotation(self, quotation: Any, column: Column, value: Any) -> None:
        theme = self.theme()
        if theme is None:
            return
        changed = [
            dataclasses.replace(q, **{column.attr: value}) if q is quotation else dataclasses.replace(q)
            for q in theme.quotations
        ]
        self.doc.set_value(theme, "quotations", changed, self.tr("Change a quotation"))

    def add_theme(self) -> None:
        if self.doc.readonly:
            return
        theme = Theme(title=self.tr("New theme"))
        self.doc.append_item(self.doc.plan, "themes", theme, self.tr("Add a theme"))
        row = len(self.doc.plan.themes) - 1
        self.table.selectRow(row)
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def delete_theme(self) -> None:
        row = selected_row(self.table)
        if row >= 0 and not self.doc.readonly:
            self.doc.remove_item(self.doc.plan, "themes", row, self.tr("Delete a theme"))

    def add_quotation(self) -> None:
        theme = self.theme()
        if theme is None or self.doc.readonly:
            return
        quotes = [dataclasses.replace(q) for q in theme.quotations] + [Quotation()]
        self.doc.set_value(theme, "quotations", quotes, self.tr("Add a quotation"))
        row = len(quotes) - 1
        self.quotes.selectRow(row)
        index = self.quote_model.index(row, 0)
        self.quotes.setCurrentIndex(index)
        self.quotes.edit(index)

    def delete_quotation(self) -> None:
        theme = self.theme()
        row = selected_row(self.quotes)
        if theme is None or row < 0 or self.doc.readonly:
            return
        quotes = [dataclasses.replace(q) for i, q in enumerate(theme.quotations) if i != row]
        self.doc.set_value(theme, "quotations", quotes, self.tr("Delete a quotation"))
