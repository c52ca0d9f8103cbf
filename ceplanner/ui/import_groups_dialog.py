"""Import stakeholder groups from a spreadsheet: choose the file and sheet, check the guessed
columns, see the groups as they would import and each row skipped with its reason, then import
them all as one undo step.

Reading and mapping are :mod:`ceplanner.sheets` (no Qt); this dialog only shows them and lets
the user correct the mapping. The import goes through ``PlanDocument.replace_list``, so it is
one undoable edit and saves itself like any other.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.model import StakeholderGroup, label
from ceplanner.sheets import group_import as gi
from ceplanner.sheets.headings import FIELDS, Mapping, column_names, field_label, guess_mapping, mapping_at
from ceplanner.sheets.read import Sheet, SheetError
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.files import remember_folder, start_folder
from ceplanner.ui.widgets import name_table, name_widget, problem_label, show_problem

FOLDER_KIND = "spreadsheets"
"""The remembered folder of this dialog's file chooser (see ``ui/files.start_folder``)."""
PREVIEW_ROWS = 200
"""The preview shows this many groups; the count below it counts them all."""
NOT_IMPORTED = -1


class ImportGroupsDialog(QDialog):
    """Choose a sheet, correct the guessed columns, preview, and import into ``doc``'s groups."""

    def __init__(self, doc: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.path: Path | None = None
        self.sheets: list[Sheet] = []
        self.mapping = Mapping(0)
        self.outcome = gi.ImportResult()
        self.imported: list[StakeholderGroup] = []
        self._updating = False
        self.setObjectName("import_groups_dialog")
        self.setWindowTitle(self.tr("Import stakeholder groups"))
        self.resize(980, 640)
        layout = QVBoxLayout(self)

        file_row = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen yet."))
        self.file_label.setObjectName("import_file")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        name_widget(
            self.choose_button,
            "import_choose_file",
            self.tr("Choose file…"),
            self.tr("Choose an Excel workbook (.xlsx) or a CSV file"),
        )
        self.sheet_combo = QComboBox()
        name_widget(
            self.sheet_combo, "import_sheet", self.tr("Sheet"), self.tr("The worksheet to import from")
        )
        self.header_spin = QSpinBox()
        name_widget(
            self.header_spin,
            "import_header_row",
            self.tr("Headings in row"),
            self.tr("The row of the sheet that holds the column headings; the groups are below it"),
        )
        self.header_spin.setMinimum(1)
        self.sheet_text = QLabel(self.tr("Sheet:"))
        header_text = QLabel(self.tr("Headings in row:"))
        header_text.setBuddy(self.header_spin)
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.sheet_text)
        file_row.addWidget(self.sheet_combo)
        file_row.addWidget(header_text)
        file_row.addWidget(self.header_spin)
        layout.addLayout(file_row)
        self.problem = problem_label("import_problem")
        layout.addWidget(self.problem)

        mapping_box = QGroupBox(
            self.tr("Which column holds each field (guessed from the headings; correct any)")
        )
        mapping_box.setObjectName("import_mapping_box")
        grid = QGridLayout(mapping_box)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setVerticalSpacing(2)
        self.combos: dict[str, QComboBox] = {}
        per_column = (len(FIELDS) + 2) // 3
        for i, spec in enumerate(FIELDS):
            combo = QComboBox()
            words = field_label(spec.attr)
            name_widget(
                combo,
                f"import_map_{spec.attr}",
                words,
                self.tr("The sheet's column for {field}").format(field=words),
            )
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
            text = QLabel(words + ":")
            text.setBuddy(combo)
            row, col = i % per_column, (i // per_column) * 2
            grid.addWidget(text, row, col)
            grid.addWidget(combo, row, col + 1)
            grid.setColumnStretch(col + 1, 1)
            combo.currentIndexChanged.connect(lambda _i, a=spec.attr: self._column_chosen(a))
            self.combos[spec.attr] = combo
        layout.addWidget(mapping_box)

        self.notes = QLabel()
        self.notes.setObjectName("import_notes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.notes)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)

        self.preview = QTableWidget()
        name_table(self.preview, "import_preview", self.tr("Groups as they will be imported"))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.skipped = QListWidget()
        self.skipped.setObjectName("import_skipped")
        self.skipped.setAccessibleName(self.tr("Rows skipped, and why"))
        self.skipped.setWordWrap(True)
        preview_box = self._boxed(
            self.tr("Groups as they will be imported"), self.preview, "import_preview_box"
        )
        skipped_box = self._boxed(self.tr("Rows skipped, and why"), self.skipped, "import_skipped_box")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("import_splitter")
        splitter.addWidget(preview_box)
        splitter.addWidget(skipped_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("import_button")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("import_cancel")
        self.buttons.accepted.connect(self.import_groups)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.header_spin.valueChanged.connect(self._header_moved)
        self._show_sheet()

    @staticmethod
    def _boxed(title: str, widget: QWidget, object_name: str) -> QGroupBox:
        box = QGroupBox(title)
        box.setObjectName(object_name)
        QVBoxLayout(box).addWidget(widget)
        return box

    # -- the file and the sheet ---------------------------------------------------------------

    def choose_file(self) -> bool:
        """Ask for a spreadsheet (starting in the folder last used) and load it."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import stakeholder groups from"),
            str(start_folder(FOLDER_KIND)),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.csv *.tsv *.txt);;All files (*)"),
        )
        if not name:
            return False
        remember_folder(FOLDER_KIND, Path(name))
        self.load(Path(name))
        return True

    def load(self, path: Path) -> bool:
        """Read ``path`` and guess its mapping; a refused file is explained in the dialog."""
        self.path = path
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        try:
            self.sheets, index, mapping = gi.open_sheet(path)
        except SheetError as exc:
            self.sheets, self.mapping = [], Mapping(0)
            self._show_sheet()
            show_problem(self.problem, str(exc))
            return False
        self._updating = True
        self.sheet_combo.clear()
        self.sheet_combo.addItems([s.name for s in self.sheets])
        self.sheet_combo.setCurrentIndex(index)
        self._updating = False
        self.mapping = mapping or Mapping(0)
        self._show_sheet()
        return True

    @property
    def sheet(self) -> Sheet | None:
        index = self.sheet_combo.currentIndex()
        return self.sheets[index] if 0 <= index < len(self.sheets) else None

    def _sheet_chosen(self, _index: int) -> None:
        if self._updating or self.sheet is None:
            return
        self.mapping = guess_mapping(self.sheet) or Mapping(0)
        self._show_sheet()

    def _header_moved(self, row: int) -> None:
        if self._updating or self.sheet is None:
            return
        self.mapping = mapping_at(self.sheet, row - 1)
        self._show_sheet()

    def _show_sheet(self) -> None:
        """Fill the choices from the sheet and the mapping, then the preview."""
        sheet = self.sheet
        self._updating = True
        several = len(self.sheets) > 1
        self.sheet_combo.setVisible(several)
        self.sheet_text.setVisible(several)
        self.header_spin.setEnabled(sheet is not None)
        self.header_spin.setMaximum(max(1, len(sheet.rows) if sheet else 1))
        self.header_spin.setValue(self.mapping.header_row + 1)
        names = column_names(sheet, self.mapping) if sheet is not None else []
        for attr, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("(not imported)"), NOT_IMPORTED)
            for index, text in enumerate(names):
                combo.addItem(text, index)
            chosen = self.mapping.columns.get(attr)
            combo.setCurrentIndex(0 if chosen is None else combo.findData(chosen))
            combo.setEnabled(sheet is not None)
        self._updating = False
        if sheet is not None:
            show_problem(self.problem, "")
        self.refresh()

    def _column_chosen(self, attr: str) -> None:
        if self._updating:
            return
        col = self.combos[attr].currentData()
        if col is None or col == NOT_IMPORTED:
            self.mapping.columns.pop(attr, None)
        else:
            self.mapping.columns[attr] = int(col)
        self.refresh()

    # -- the preview --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Work out the import under the current mapping and show it."""
        sheet = self.sheet
        if sheet is None:
            self.outcome = gi.ImportResult()
        else:
            self.outcome = gi.import_rows(sheet, self.mapping, self.doc.plan.groups)
        notes = list(self.outcome.notes)
        if sheet is not None and "name" not in self.mapping.columns:
            notes.insert(
                0,
                gi.no_headings_text(sheet)
                if not self.mapping.columns
                else self.tr("Choose the column that holds the groups' names."),
            )
        if sheet is not None:
            notes.append(gi.duplicates_rule())
        self.notes.setText("\n".join(notes))
        self.summary.setText(gi.summary_text(self.outcome) if sheet is not None else "")
        self._fill_preview()
        self.skipped.clear()
        self.skipped.addItems(gi.skipped_lines(self.outcome))
        self.import_button.setEnabled(bool(self.outcome.groups) and not self.doc.readonly)

    def _fill_preview(self) -> None:
        attrs = [
            "name",
            *(spec.attr for spec in FIELDS if spec.attr != "name" and spec.attr in self.mapping.columns),
        ]
        groups = self.outcome.groups[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(len(attrs) + 1)
        self.preview.setHorizontalHeaderLabels([self.tr("Row"), *(field_label(a) for a in attrs)])
        self.preview.setRowCount(len(groups))
        for r, (group, source) in enumerate(zip(groups, self.outcome.source_rows, strict=False)):
            self.preview.setItem(r, 0, QTableWidgetItem(str(source)))
            for c, attr in enumerate(attrs, start=1):
                item = QTableWidgetItem(self.cell_text(group, attr))
                if attr in ("size", "power", "interest"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        header = self.preview.horizontalHeader()
        for c in range(self.preview.columnCount()):
            header.resizeSection(c, min(header.sectionSize(c), 220))

    def cell_text(self, group: StakeholderGroup, attr: str) -> str:
        """A group's field as the preview shows it."""
        value = getattr(group, attr)
        if attr == "size":
            return "" if value is None else f"{value:,}"
        if attr == "seldom_heard":
            return self.tr("Yes") if value else self.tr("No")
        if attr == "barriers":
            return ", ".join(label(b) for b in value)
        if attr in ("category", "position", "target_level"):
            return label(value)
        return str(value).replace("\n", " · ")

    # -- importing ----------------------------------------------------------------------------

    def import_groups(self) -> None:
        """Add the groups to the plan as one undo step, then close."""
        self.refresh()  # against the plan as it is now
        groups = self.outcome.groups
        if not groups or self.doc.readonly:
            return
        text = (
            self.tr("Import 1 stakeholder group")
            if len(groups) == 1
            else self.tr("Import {n} stakeholder groups").format(n=len(groups))
        )
        self.doc.replace_list(self.doc.plan, "groups", [*self.doc.plan.groups, *groups], text)
        self.imported = list(groups)
        self.accept()


def import_groups_interactive(doc: PlanDocument, parent: QWidget | None = None) -> list[StakeholderGroup]:
    """Ask for a spreadsheet, then show the import dialog; the groups imported (none if cancelled)."""
    dialog = ImportGroupsDialog(doc, parent)
    if not dialog.choose_file():
        return []
    dialog.exec()
    return dialog.imported
