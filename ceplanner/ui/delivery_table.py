"""One editable list of the delivery plan: its buttons, its problem line and its table.

Add, Duplicate, Delete and Paste rows act on the plan's list ``attr`` through the document, so
each is one undo step with a readable name ("Delete 2 tasks"); cells edit through the shared
column delegate. The Delivery page's tabs are made of these.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ceplanner.ui import wording
from ceplanner.ui.delivery_models import PlanListModel, items_from_tsv, paste_columns
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.layout_memory import remember_table
from ceplanner.ui.row_actions import RowActions, duplicated, without
from ceplanner.ui.table_model import ColumnDelegate
from ceplanner.ui.widgets import name_table, problem_label, setup_view, show_problem
from ceplanner.ui.wording import LIST_WORDS, list_text

Deleter = Callable[[list[str]], None]


class ListTable(QWidget):
    """The plan's list ``attr`` as a table with Add, Duplicate, Delete and Paste rows.

    ``key`` prefixes the object names (``{key}_table``, ``{key}_add``); ``widths`` gives the
    short columns their widths by attribute (the others share what is left); ``delete`` replaces plain deletion (the team
    uses it to remove the links to a member in the same undo step).
    """

    def __init__(
        self,
        doc: PlanDocument,
        attr: str,
        key: str,
        heading: str,
        widths: dict[str, int],
        delete: Deleter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc, self.attr, self.key = doc, attr, key
        self.setObjectName(f"{key}_box")
        self._delete = delete
        noun = LIST_WORDS.get(attr, attr)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(heading)
        self.heading.setObjectName(f"{key}_heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.model = PlanListModel(doc, attr, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.heading.setBuddy(self.table)
        expected = ", ".join(c.title for c in paste_columns(self.model.columns))
        one = wording.ONE_WORDS.get(attr, f"a {noun}")
        many = wording.MANY_WORDS.get(attr, f"{noun}s")
        one, many = wording.translated(one), wording.translated(many)
        self.row_actions = RowActions(
            self.table,
            {
                "add": (self.tr("Add"), f"{key}_add", self.tr("Add {one}").format(one=one)),
                "duplicate": (
                    self.tr("Duplicate"),
                    f"{key}_duplicate",
                    self.tr("Copy the selected {many}").format(many=many),
                ),
                "delete": (
                    self.tr("Delete"),
                    f"{key}_delete",
                    self.tr("Delete the selected {many} (undo brings them back)").format(many=many),
                ),
                "paste": (
                    self.tr("Paste rows"),
                    f"{key}_paste",
                    self.tr(
                        "Copy rows in a spreadsheet, then click here. Columns in order: {columns}"
                    ).format(columns=expected),
                ),
            },
            {"add": self.add, "duplicate": self.duplicate, "delete": self.delete, "paste": self.paste},
        )
        # Short words on the buttons, so two lists fit side by side; the full words are spoken.
        self.row_actions.buttons["add"].setAccessibleName(self.tr("Add {one}").format(one=one))
        self.row_actions.buttons["duplicate"].setAccessibleName(
            self.tr("Duplicate the selected {many}").format(many=many)
        )
        self.row_actions.buttons["delete"].setAccessibleName(
            self.tr("Delete the selected {many}").format(many=many)
        )
        self.row_actions.buttons["paste"].setAccessibleName(
            self.tr("Paste {many} from a spreadsheet").format(many=many)
        )
        layout.addWidget(self.heading)
        layout.addLayout(self.row_actions.layout)
        self.problem = problem_label(f"{key}_problem")
        layout.addWidget(self.problem)
        name_table(
            self.table, f"{key}_table", heading, self.tr("One row each; double-click a cell to edit it.")
        )
        self.table.setItemDelegate(ColumnDelegate(self.model.columns, key, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        setup_view(self.table)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        for i, column in enumerate(self.model.columns):
            if column.attr in widths:  # a short value: a fixed width the user may change
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, widths[column.attr])
            else:  # text: the columns share the width left, so nothing scrolls sideways
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        remember_table(self.table)
        layout.addWidget(self.table, 1)
        self.model.problem.connect(lambda text: show_problem(self.problem, text))
        chain = [*self.row_actions.buttons.values(), self.table]  # the buttons, then their table
        for before, after in pairwise(chain):
            self.setTabOrder(before, after)
        self.update_buttons()

    def update_buttons(self) -> None:
        self.row_actions.update(not self.doc.readonly)

    # -- selection ---------------------------------------------------------------------------

    def select_ids(self, ids: list[str]) -> None:
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for item_id in ids:
            if (row := self.model.row_of(item_id)) >= 0:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if ids and (row := self.model.row_of(ids[0])) >= 0:
            self.table.scrollTo(self.model.index(row, 0))

    # -- edits -------------------------------------------------------------------------------

    @property
    def items(self) -> list[object]:
        return self.model.rows()

    def add(self) -> None:
        item = self.model.new_item()
        self.doc.append_item(self.doc.plan, self.attr, item, list_text("Add", self.attr))
        self.select_ids([item.id])
        index = self.model.index(self.model.row_of(item.id), self.first_text_column())
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def first_text_column(self) -> int:
        """The column a new row is typed into first (the readiness list starts with its tick)."""
        return next((i for i, c in enumerate(self.model.columns) if c.kind == "text"), 0)

    def duplicate(self, rows: list[int]) -> None:
        items, copies = duplicated(self.items, rows)
        self.doc.replace_list(self.doc.plan, self.attr, items, list_text("Duplicate", self.attr, len(copies)))
        self.select_ids([c.id for c in copies])

    def delete(self, rows: list[int]) -> None:
        items = self.items
        chosen = [items[row] for row in rows if row < len(items)]
        if self._delete is not None:
            self._delete([item.id for item in chosen])  # type: ignore[attr-defined]
        else:
            self.doc.replace_list(
                self.doc.plan, self.attr, without(items, rows), list_text("Delete", self.attr, len(chosen))
            )
        show_problem(self.problem, "")

    def paste(self, text: str) -> None:
        """Add the good rows of tab-separated ``text`` in one undo step; report the bad ones."""
        if self.doc.readonly:
            return
        added, problems = items_from_tsv(text, self.model)
        if added:
            self.doc.replace_list(
                self.doc.plan, self.attr, self.items + added, list_text("Paste", self.attr, len(added))
            )
            self.select_ids([item.id for item in added])
        if not added and not problems:
            expected = ", ".join(c.title for c in paste_columns(self.model.columns))
            problems = [
                self.tr(
                    "The clipboard holds no rows: copy rows with these columns first: {expected}."
                ).format(expected=expected)
            ]
        summary = ""
        if added:
            one = len(added) == 1
            summary = (self.tr("Added {count} row. ") if one else self.tr("Added {count} rows. ")).format(
                count=len(added)
            )
        show_problem(
            self.problem, (summary + self.tr("Not added: ") + " ".join(problems)) if problems else ""
        )
