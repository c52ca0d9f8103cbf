"""Step 2, stakeholders: who is affected, how much they can influence, and who is seldom heard."""

from __future__ import annotations

import copy

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.model import StakeholderGroup, new_id
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.power_grid import PowerGrid
from ceplanner.ui.stakeholder_model import (
    COLUMN,
    PASTE_COLUMNS,
    StakeholderDelegate,
    StakeholderModel,
    groups_from_tsv,
)
from ceplanner.ui.widgets import name_table, name_widget, problem_label, setup_view, show_problem

LEGEND = "● a group   ◆ a seldom-heard group   Drag a group to change its scores."


class StakeholdersPage(PlanPage):
    TITLE = "Stakeholders"
    OBJECT_NAME = "page_stakeholders"
    STEP = "stakeholders"
    GUIDANCE = (
        "List the groups your decision affects or who can affect it. Score each group's power "
        "(how much it can influence the outcome) and interest (how much it cares), 1 to 5: the "
        "grid then suggests how closely to work with them. Mark groups that are seldom heard so "
        "the plan does something extra to reach them. Drag a group on the grid to rescore it."
    )
    EXAMPLE = (
        "Riverside Housing's tenant engagement plan lists “Tenants in sheltered housing” "
        "(residents, 420 people, power 2, interest 5: keep informed, seldom heard, barriers: "
        "digital exclusion and transport, target level Involve) and “The board” (governance, "
        "power 5, interest 3: manage closely, target level Collaborate)."
    )

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.model = StakeholderModel(doc, self)
        buttons = QHBoxLayout()
        self.add_button = self._button("Add group", "stakeholders_add", "Add a stakeholder group")
        self.duplicate_button = self._button(
            "Duplicate", "stakeholders_duplicate", "Copy the selected groups"
        )
        self.delete_button = self._button(
            "Delete", "stakeholders_delete", "Delete the selected groups (undo brings them back)"
        )
        self.paste_button = self._button(
            "Paste rows from a spreadsheet",
            "stakeholders_paste",
            "Copy rows in a spreadsheet, then click here. Columns in order: "
            + ", ".join(attr.replace("_", " ") for attr in PASTE_COLUMNS),
        )
        for button in (self.add_button, self.duplicate_button, self.delete_button, self.paste_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.problem = problem_label("stakeholders_problem")
        self.body.addWidget(self.problem)

        self.table = QTableView()
        name_table(
            self.table,
            "stakeholders_table",
            "Stakeholder groups",
            "One row per group; double-click a cell to edit it.",
        )
        self.table.setModel(self.model)
        self.table.setItemDelegate(StakeholderDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        setup_view(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(110)
        widths = {"name": 210, "category": 150, "size": 75, "power": 90, "interest": 95, "quadrant": 120}
        widths |= {"seldom_heard": 100, "equity_notes": 170, "barriers": 170, "access_needs": 170}
        widths |= {"target_level": 130}
        for attr, width in widths.items():
            header.resizeSection(COLUMN[attr], width)
        header.setStretchLastSection(True)

        self.grid = PowerGrid(doc)
        self.grid_status = QLabel(LEGEND)
        self.grid_status.setObjectName("power_grid_status")
        self.grid_status.setTextFormat(Qt.TextFormat.PlainText)  # it shows group names
        self.grid_status.setWordWrap(True)
        grid_box = QWidget()
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.grid, 1)
        grid_layout.addWidget(self.grid_status)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("stakeholders_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(grid_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 560])
        self.body.addWidget(self.splitter, 1)

        self.add_button.clicked.connect(self.add_group)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.model.problem.connect(lambda text: show_problem(self.problem, text))
        self.grid.hover.connect(self.grid_status.setText)
        self.grid.selection_changed.connect(self._grid_selected)
        self.table.selectionModel().selectionChanged.connect(self._table_selected)
        self.model.modelReset.connect(self._restore_selection)
        paste = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self.table)
        paste.setContext(Qt.ShortcutContext.WidgetShortcut)
        paste.activated.connect(self.paste_from_clipboard)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        self._selected: list[str] = []
        self.setTabOrder(self.add_button, self.duplicate_button)
        self.setTabOrder(self.duplicate_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.paste_button)
        self.setTabOrder(self.paste_button, self.table)
        self.setTabOrder(self.table, self.grid)
        self._update_buttons()

    def _button(self, text: str, object_name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        name_widget(button, object_name, text, tip)
        return button

    # -- showing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """The table and grid follow the document themselves; only the buttons need updating."""
        self._update_buttons()
        if not self.doc.plan.groups:
            self.grid_status.setText(
                "No groups yet: click Add group, or copy rows from a spreadsheet and click Paste rows."
            )
        elif self.grid_status.text().startswith("No groups yet"):
            self.grid_status.setText(LEGEND)

    def _update_buttons(self) -> None:
        writable = not self.doc.readonly
        has_selection = bool(self.selected_rows())
        self.add_button.setEnabled(writable)
        self.paste_button.setEnabled(writable)
        self.duplicate_button.setEnabled(writable and has_selection)
        self.delete_button.setEnabled(writable and has_selection)

    # -- selection, kept in step between table and grid --------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def select_ids(self, ids: list[str]) -> None:
        selection = QItemSelection()
        for gid in ids:
            row = self.model.row_of(gid)
            if row >= 0:
                selection.select(
                    self.model.index(row, 0), self.model.index(row, self.model.columnCount() - 1)
                )
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if ids and (row := self.model.row_of(ids[0])) >= 0:
            self.table.scrollTo(self.model.index(row, 0))

    def _table_selected(self) -> None:
        groups = self.doc.plan.groups
        self._selected = [groups[row].id for row in self.selected_rows() if row < len(groups)]
        self.grid.select_ids(self._selected)
        self._update_buttons()

    def _grid_selected(self, ids: list[str]) -> None:
        self.select_ids(ids)

    def _restore_selection(self) -> None:
        self.select_ids(self._selected)

    # -- edits ------------------------------------------------------------------------------

    def add_group(self) -> None:
        group = StakeholderGroup(name="New group")
        self.doc.append_item(self.doc.plan, "groups", group, "Add a stakeholder group")
        self.select_ids([group.id])
        index = self.model.index(self.model.row_of(group.id), COLUMN["name"])
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def duplicate_selected(self) -> None:
        groups = list(self.doc.plan.groups)
        copies: list[str] = []
        for row in reversed(self.selected_rows()):
            twin = copy.deepcopy(groups[row])
            twin.id = new_id()
            twin.name = f"{twin.name} (copy)"
            groups.insert(row + 1, twin)
            copies.append(twin.id)
        if copies:
            self.doc.replace_list(self.doc.plan, "groups", groups, "Duplicate stakeholder groups")
            self.select_ids(copies)

    def delete_selected(self) -> None:
        rows = set(self.selected_rows())
        if not rows:
            return
        kept = [g for i, g in enumerate(self.doc.plan.groups) if i not in rows]
        text = "Delete a stakeholder group" if len(rows) == 1 else f"Delete {len(rows)} stakeholder groups"
        self._selected = []
        self.doc.replace_list(self.doc.plan, "groups", kept, text)
        show_problem(self.problem, "")

    def paste_from_clipboard(self) -> None:
        self.paste_rows(QGuiApplication.clipboard().text())

    def paste_rows(self, text: str) -> None:
        """Add the good rows of tab-separated ``text`` in one undo step; report the bad ones."""
        if self.doc.readonly:
            return
        groups, problems = groups_from_tsv(text)
        if groups:
            self.doc.replace_list(
                self.doc.plan,
                "groups",
                self.doc.plan.groups + groups,
                f"Paste {len(groups)} stakeholder groups",
            )
            self.select_ids([g.id for g in groups])
        if not groups and not problems:
            problems = ["The clipboard holds no rows: copy rows from a spreadsheet first."]
        summary = [f"Added {len(groups)} group{'s' if len(groups) != 1 else ''}."] if groups else []
        if problems:
            summary.append("Not added: " + " ".join(problems))
        show_problem(self.problem, " ".join(summary) if problems else "")
        if groups and not problems:
            self.grid_status.setText(summary[0])
