"""Step 2, stakeholders: who is affected, how much they can influence, and who is seldom heard."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.model import StakeholderGroup
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.power_grid import PowerGrid
from ceplanner.ui.row_actions import RowActions, duplicated
from ceplanner.ui.row_form import RowForm
from ceplanner.ui.stakeholder_model import (
    COLUMN,
    StakeholderDelegate,
    StakeholderModel,
    groups_from_tsv,
    paste_hint,
)
from ceplanner.ui.widgets import name_table, name_widget, problem_label, setup_view, show_problem
from ceplanner.ui.wording import list_text

FORM_FIELDS = [
    "name",
    "category",
    "size",
    "position",
    "power",
    "interest",
    "target_level",
    "seldom_heard",
    "access_needs",
    "equity_notes",
    "barriers",
    "notes",
]
LEGEND = QT_TRANSLATE_NOOP(
    "Stakeholders", "● a group   ▲ seldom heard   Numbers are the table's rows.   Drag a group to rescore it."
)


class StakeholdersPage(PlanPage):
    TITLE = QT_TRANSLATE_NOOP("StakeholdersPage", "Stakeholders")
    OBJECT_NAME = "page_stakeholders"
    STEP = "stakeholders"
    GUIDANCE = QT_TRANSLATE_NOOP(
        "StakeholdersPage",
        "List the groups your decision affects or who can affect it. Score each group's power "
        "(how much it can influence the outcome) and interest (how much it cares), 1 to 5: the "
        "grid then suggests how closely to work with them. Mark groups that are seldom heard so "
        "the plan does something extra to reach them. Drag a group on the grid to rescore it.",
    )
    EXAMPLE = QT_TRANSLATE_NOOP(
        "StakeholdersPage",
        "Riverside Housing's tenant engagement plan lists “Tenants in sheltered housing” "
        "(residents, 420 people, power 2, interest 5: keep informed, seldom heard, barriers: "
        "digital exclusion and transport, target level Involve) and “The board” (governance, "
        "power 5, interest 3: manage closely, target level Collaborate).",
    )

    def concerns(self, obj: object, attr: str) -> bool:
        """The groups (the table and grid follow their own edits; the page only its buttons)."""
        return obj is self.doc.plan and attr in ("groups", "", "readonly")

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        self.model = StakeholderModel(doc, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.row_actions = RowActions(
            self.table,
            {
                "add": (self.tr("Add group"), "stakeholders_add", self.tr("Add a stakeholder group")),
                "duplicate": (
                    self.tr("Duplicate"),
                    "stakeholders_duplicate",
                    self.tr("Copy the selected groups"),
                ),
                "delete": (
                    self.tr("Delete"),
                    "stakeholders_delete",
                    self.tr("Delete the selected groups (undo brings them back)"),
                ),
                "paste": (
                    self.tr("Paste rows from a spreadsheet"),
                    "stakeholders_paste",
                    self.tr("Copy rows in a spreadsheet, then click here. ") + paste_hint(),
                ),
            },
            {
                "add": self.add_group,
                "duplicate": self.duplicate_rows,
                "delete": self.delete_rows,
                "paste": self.paste_rows,
            },
        )
        buttons = self.row_actions.buttons
        self.add_button, self.duplicate_button = buttons["add"], buttons["duplicate"]
        self.delete_button, self.paste_button = buttons["delete"], buttons["paste"]
        self.import_button = self._button(
            self.tr("Import from spreadsheet…"),
            "stakeholders_import",
            self.tr("Add groups from an Excel workbook (.xlsx) or CSV file, checking the columns first"),
        )
        self.import_button.clicked.connect(self.import_from_sheet)
        self.row_actions.layout.insertWidget(self.row_actions.layout.count() - 1, self.import_button)
        self.body.addLayout(self.row_actions.layout)
        self.paste_hint = QLabel(paste_hint())
        self.paste_hint.setObjectName("stakeholders_paste_hint")
        self.paste_hint.setWordWrap(True)
        self.paste_hint.setEnabled(False)  # shown muted: a reminder, not an instruction to act
        self.body.addWidget(self.paste_hint)
        self.problem = problem_label("stakeholders_problem")
        self.body.addWidget(self.problem)

        name_table(
            self.table,
            "stakeholders_table",
            self.tr("Stakeholder groups"),
            self.tr("One row per group; double-click a cell to edit it."),
        )
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
        self.grid_status = QLabel(QCoreApplication.translate("Stakeholders", LEGEND))
        self.grid_status.setObjectName("power_grid_status")
        self.grid_status.setTextFormat(Qt.TextFormat.PlainText)  # it shows group names
        self.grid_status.setWordWrap(True)
        grid_box = QWidget()
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.setContentsMargins(0, 0, 0, 0)
        grid_layout.addWidget(self.grid, 1)
        grid_layout.addWidget(self.grid_status)

        self.form = RowForm(self.model, FORM_FIELDS, "stakeholder", wide=("notes",))
        form_box = QGroupBox(self.tr("Selected group"))
        form_box.setObjectName("stakeholder_form_box")
        QVBoxLayout(form_box).addWidget(self.form)
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.setObjectName("stakeholders_table_splitter")
        self.left.addWidget(self.table)
        self.left.addWidget(form_box)
        self.left.setStretchFactor(0, 1)
        self.left.setChildrenCollapsible(False)
        self.left.setSizes([260, 240])

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("stakeholders_splitter")
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(grid_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 560])
        self.body.addWidget(self.splitter, 1)

        self.model.problem.connect(lambda text: show_problem(self.problem, text))
        self.grid.hover.connect(self.grid_status.setText)
        self.grid.selection_changed.connect(self._grid_selected)
        self.table.selectionModel().selectionChanged.connect(self._table_selected)
        self.model.modelReset.connect(self._restore_selection)
        self._selected: list[str] = []
        self.setTabOrder(self.add_button, self.duplicate_button)
        self.setTabOrder(self.duplicate_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.paste_button)
        self.setTabOrder(self.paste_button, self.import_button)
        self.setTabOrder(self.import_button, self.table)
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
        # Before the first paste is when people need to know the columns; the button's tooltip
        # and any refusal say it again later.
        self.paste_hint.setVisible(not self.doc.plan.groups)
        if not self.doc.plan.groups:
            self.grid_status.setText(
                self.tr(
                    "No groups yet: click Add group, or copy rows from a spreadsheet and click Paste rows."
                )
            )
            self.grid_status.setProperty("empty_note", True)
        elif self.grid_status.property("empty_note"):
            self.grid_status.setProperty("empty_note", False)
            self.grid_status.setText(QCoreApplication.translate("Stakeholders", LEGEND))

    def _update_buttons(self) -> None:
        self.row_actions.update(not self.doc.readonly)
        self.import_button.setEnabled(not self.doc.readonly)

    # -- selection, kept in step between table and grid --------------------------------------

    def selected_rows(self) -> list[int]:
        return self.row_actions.selected_rows()

    def select_item(self, item_id: str) -> bool:
        if self.model.row_of(item_id) < 0:
            return False
        self.select_ids([item_id])
        return True

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
        rows = [row for row in self.selected_rows() if row < len(groups)]
        self._selected = [groups[row].id for row in rows]
        self.grid.select_ids(self._selected)
        self.form.set_row(rows[0] if len(rows) == 1 else -1)
        self._update_buttons()

    def _grid_selected(self, ids: list[str]) -> None:
        self.select_ids(ids)

    def _restore_selection(self) -> None:
        self.select_ids(self._selected)

    # -- edits ------------------------------------------------------------------------------

    def add_group(self) -> None:
        group = StakeholderGroup(name=self.tr("New group"))
        self.doc.append_item(self.doc.plan, "groups", group, self.tr("Add a stakeholder group"))
        self.select_ids([group.id])
        index = self.model.index(self.model.row_of(group.id), COLUMN["name"])
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    def duplicate_rows(self, rows: list[int]) -> None:
        def rename(twin: StakeholderGroup) -> None:
            twin.name = self.tr("{name} (copy)").format(name=twin.name)

        groups, copies = duplicated(self.doc.plan.groups, rows, rename)
        self.doc.replace_list(self.doc.plan, "groups", groups, list_text("Duplicate", "groups", len(copies)))
        self.select_ids([g.id for g in copies])

    def delete_rows(self, rows: list[int]) -> None:
        self._selected = []
        groups = self.doc.plan.groups
        self.doc.delete_groups([groups[row].id for row in rows if row < len(groups)])
        show_problem(self.problem, "")

    def import_from_sheet(self) -> None:
        """Choose a spreadsheet and import its groups (one undo step); select what came in."""
        from ceplanner.ui.import_groups_dialog import import_groups_interactive

        groups = import_groups_interactive(self.doc, self)
        if groups:
            self.select_ids([g.id for g in groups])
            self.grid_status.setText(
                self.tr("Imported {n} groups from the spreadsheet.").format(n=len(groups))
            )

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
                self.tr("Paste {count} stakeholder groups").format(count=len(groups)),
            )
            self.select_ids([g.id for g in groups])
        if not groups and not problems:
            problems = [self.tr("The clipboard holds no rows: copy rows from a spreadsheet first.")]
        summary = []
        if groups:
            added = self.tr("Added {count} group.") if len(groups) == 1 else self.tr("Added {count} groups.")
            summary.append(added.format(count=len(groups)))
        if problems:
            summary.append(
                self.tr("Not added: {problems} {hint}").format(problems=" ".join(problems), hint=paste_hint())
            )
        show_problem(self.problem, " ".join(summary) if problems else "")
        if groups and not problems:
            self.grid_status.setText(summary[0])
