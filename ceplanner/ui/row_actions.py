"""Add, Duplicate, Delete and Paste for an editable table: one set of buttons and keys for all.

Each table page says what adding, duplicating, deleting and pasting mean for its rows; this
helper builds the buttons, binds the Delete and Paste keys to the table, keeps the buttons
enabled only when they can act, and offers the list operations every page needs.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView

from ceplanner.core.model import new_id
from ceplanner.ui.widgets import name_widget

Rows = list[int]


def duplicated(
    items: list[Any], rows: Rows, rename: Callable[[Any], None] | None = None
) -> tuple[list[Any], list[Any]]:
    """``items`` with a copy (new id) after each chosen row, and the copies."""
    result, copies = list(items), []
    for row in sorted(rows, reverse=True):
        twin = copy.deepcopy(result[row])
        twin.id = new_id()
        if rename is not None:
            rename(twin)
        result.insert(row + 1, twin)
        copies.append(twin)
    return result, copies[::-1]


def without(items: list[Any], rows: Rows) -> list[Any]:
    """``items`` less the chosen rows."""
    chosen = set(rows)
    return [item for i, item in enumerate(items) if i not in chosen]


class RowActions(QObject):
    """The buttons and keys that add, duplicate, delete and paste rows of ``view``."""

    def __init__(
        self,
        view: QTableView,
        names: dict[str, tuple[str, str, str]],
        actions: dict[str, Callable[..., None]],
    ) -> None:
        """``names`` maps add/duplicate/delete/paste to (text, object name, tooltip); ``actions``
        to what each does: ``add()``, ``duplicate(rows)``, ``delete(rows)``, ``paste(text)``."""
        super().__init__(view)
        self.view = view
        self.actions = actions
        self.buttons: dict[str, QPushButton] = {}
        self.layout = QHBoxLayout()
        for key in ("add", "duplicate", "delete", "paste"):
            if key not in actions:
                continue
            text, object_name, tip = names[key]
            button = QPushButton(text)
            name_widget(button, object_name, text, tip)
            button.clicked.connect(lambda _c=False, k=key: self.trigger(k))
            self.buttons[key] = button
            self.layout.addWidget(button)
        self.layout.addStretch(1)
        keys = {"delete": QKeySequence.StandardKey.Delete, "paste": QKeySequence.StandardKey.Paste}
        for key, sequence in keys.items():
            if key in actions:
                shortcut = QShortcut(QKeySequence(sequence), view)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(lambda k=key: self.trigger(k))
        view.selectionModel().selectionChanged.connect(lambda *_: self.update())
        self._writable = True

    def selected_rows(self) -> Rows:
        return sorted({index.row() for index in self.view.selectionModel().selectedRows()})

    def trigger(self, key: str) -> None:
        if not self._writable:
            return
        action = self.actions[key]
        if key == "add":
            action()
        elif key == "paste":
            action(QGuiApplication.clipboard().text())
        elif rows := self.selected_rows():
            action(rows)

    def update(self, writable: bool | None = None) -> None:
        """Enable what can act: adding needs a writable plan, the others a selection too."""
        if writable is not None:
            self._writable = writable
        selected = bool(self.selected_rows())
        for key, button in self.buttons.items():
            button.setEnabled(self._writable and (selected or key in ("add", "paste")))
