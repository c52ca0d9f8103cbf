"""A form for one row of a :class:`ColumnTableModel`: the same fields as the table's columns,
laid out to be read and typed into, for tables too wide to show every column.

Every edit goes through the model's ``setData``, so the form checks, refuses and undoes exactly
as the table's cells do; the form follows the row as the table, the grid or undo change it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from ceplanner.core.limits import Limits
from ceplanner.core.model import label
from ceplanner.ui.table_model import Column, ColumnTableModel
from ceplanner.ui.widgets import TextArea, blocked, name_widget, set_text_quietly

CHOICES_PER_LINE = 3
Editor = QLineEdit | TextArea | QComboBox | QSpinBox | QCheckBox | QLabel | QWidget


class RowForm(QWidget):
    """Edits the fields ``attrs`` (in that order, two to a line) of the model's current row.

    ``wide`` fields (and several-choice fields) take a line of their own.
    """

    def __init__(
        self,
        model: ColumnTableModel,
        attrs: list[str],
        prefix: str,
        *,
        wide: tuple[str, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.row = -1
        self.editors: dict[str, Editor] = {}
        self.choice_boxes: dict[str, dict[Any, QCheckBox]] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        line, col = 0, 0
        for attr in attrs:
            column = model.columns[model.column_of[attr]]
            editor = self._editor(column, prefix)
            self.editors[attr] = editor
            heading = QLabel(column.title)
            heading.setBuddy(editor)
            alone = attr in wide or column.kind == "choices"
            if alone and col:
                line, col = line + 1, 0
            grid.addWidget(heading, line, col * 2)
            grid.addWidget(editor, line, col * 2 + 1, 1, 3 if alone else 1)
            if alone or col:
                line, col = line + 1, 0
            else:
                col = 1
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        model.dataChanged.connect(self._changed)
        model.modelReset.connect(self.refresh)
        self.set_row(-1)

    # -- building ---------------------------------------------------------------------------

    def _editor(self, column: Column, prefix: str) -> Editor:
        name = f"{prefix}_form_{column.attr}"
        editor: Editor
        if column.kind == "derived":
            editor = QLabel()
            editor.setTextFormat(Qt.TextFormat.PlainText)
            editor.setObjectName(name)
            return editor
        if column.kind == "choice" and column.choices is not None:
            combo = QComboBox()
            for member in column.choices:
                combo.addItem(label(member), member)
            combo.activated.connect(lambda _i, c=column, w=combo: self._write(c, w.currentData()))
            editor = combo
        elif column.kind == "option" and column.options is not None:
            combo = QComboBox()  # filled from the plan each time the row is shown
            combo.activated.connect(lambda _i, c=column, w=combo: self._write(c, w.currentData()))
            editor = combo
        elif column.kind == "int":
            spin = QSpinBox()
            bounds = column.limits or Limits()
            spin.setRange(
                int(bounds.minimum or 0), int(bounds.maximum if bounds.maximum is not None else 2**31 - 1)
            )
            spin.editingFinished.connect(lambda c=column, w=spin: self._write(c, w.value()))
            editor = spin
        elif column.kind == "bool":
            check = QCheckBox()
            check.toggled.connect(lambda on, c=column: self._write(c, on, Qt.ItemDataRole.CheckStateRole))
            editor = check
        elif column.kind == "choices" and column.choices is not None:
            editor = QWidget()
            boxes_grid = QGridLayout(editor)
            boxes_grid.setContentsMargins(0, 0, 0, 0)
            boxes: dict[Any, QCheckBox] = {}
            for i, member in enumerate(column.choices):
                box = QCheckBox(label(member))
                box.setObjectName(f"{name}_{member.value}")
                box.toggled.connect(lambda _on, c=column: self._write_choices(c))
                boxes[member] = box
                boxes_grid.addWidget(box, *divmod(i, CHOICES_PER_LINE))
            self.choice_boxes[column.attr] = boxes
        else:
            edit = QLineEdit()
            edit.editingFinished.connect(lambda c=column, w=edit: self._write(c, w.text()))
            editor = edit
        if isinstance(editor, QComboBox):  # long choices must not widen the form past a laptop screen
            editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            editor.setMinimumContentsLength(12)
        name_widget(editor, name, column.title, column.tip_text)
        return editor

    # -- showing ----------------------------------------------------------------------------

    def set_row(self, row: int) -> None:
        """Show row ``row`` (-1: none, and the form is cleared and disabled)."""
        self.row = row if 0 <= row < self.model.rowCount() else -1
        self.refresh()

    def _changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if top_left.row() <= self.row <= bottom_right.row():
            self.refresh()

    def refresh(self) -> None:
        obj = self.model.object(self.row) if self.row >= 0 else None
        writable = obj is not None and not self.model.doc.readonly
        for attr, editor in self.editors.items():
            column = self.model.columns[self.model.column_of[attr]]
            value = self.model.value(obj, column) if obj is not None else None
            with blocked(editor, *self.choice_boxes.get(attr, {}).values()):
                self._show(editor, column, value, obj is not None)
            if isinstance(editor, QLineEdit | TextArea):
                editor.setReadOnly(not writable)
                editor.setEnabled(obj is not None)
            elif not isinstance(editor, QLabel):
                editor.setEnabled(writable)

    def _show(self, editor: Editor, column: Column, value: Any, present: bool) -> None:
        if isinstance(editor, QLabel):
            editor.setText(column.show(value) if present else "")
        elif isinstance(editor, QComboBox):
            if column.options is not None:
                editor.clear()
                for text, option in column.options():
                    editor.addItem(text, option)
            found = [i for i in range(editor.count()) if editor.itemData(i) == value]  # None too
            editor.setCurrentIndex(found[0] if present and found else -1)
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value) if present else editor.minimum())
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif column.attr in self.choice_boxes:
            for member, box in self.choice_boxes[column.attr].items():
                box.setChecked(present and member in value)
        elif isinstance(editor, QLineEdit | TextArea):
            text = "" if not present else str(column.edit(value) if column.edit is not None else value)
            set_text_quietly(editor, text)

    # -- editing ----------------------------------------------------------------------------

    def _write(self, column: Column, value: Any, role: Qt.ItemDataRole = Qt.ItemDataRole.EditRole) -> None:
        if self.row < 0:
            return
        index = self.model.index(self.row, self.model.column_of[column.attr])
        current = self.model.data(index, role)
        if role == Qt.ItemDataRole.EditRole and current == value:
            return
        editor = self.editors[column.attr]
        if not self.model.setData(index, value, role) and not isinstance(editor, QLineEdit | TextArea):
            self.refresh()  # refused: show the stored choice again; typed text stays to be corrected

    def _write_choices(self, column: Column) -> None:
        chosen = [m for m, box in self.choice_boxes[column.attr].items() if box.isChecked()]
        self._write(column, chosen)
