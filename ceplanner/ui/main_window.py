"""The main window: the seven steps beside the current page, menus, autosave status."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.checks import Severity, plan_checks
from ceplanner.ui import guide
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.file_actions import FileActions
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.widgets import problem_label, show_problem
from ceplanner.ui.wizard import STEPS, build_pages


def redo_shortcuts() -> list[QKeySequence]:
    """The platform's Redo keys plus Ctrl+Shift+Z and Ctrl+Y, each bound once.

    Binding one sequence twice makes Qt report an "ambiguous shortcut overload" and do nothing.
    """
    found: list[QKeySequence] = []
    for key in [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]:
        if not key.isEmpty() and all(key != other for other in found):
            found.append(key)
    return found


TITLE_NEEDED = "Give the plan a title on this page first; then every step is open to you."


class MainWindow(FileActions, QMainWindow):
    """One open plan. ``set_document`` swaps in another plan (File › New / Open)."""

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.doc: PlanDocument | None = None
        self.pages: list[PlanPage] = []
        self._save_error_reported: str | None = None
        self._build()
        self._build_menus()
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.set_document(doc)
        last = settings.value("main_window/last_page", 0)
        self.go_to(int(last) if str(last).isdigit() else 0, quiet=True)

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        central = QSplitter()
        central.setObjectName("main_splitter")
        central.setChildrenCollapsible(False)
        self.step_list = QListWidget()
        self.step_list.setObjectName("step_list")
        self.step_list.setAccessibleName("Steps")
        self.step_list.setIconSize(QSize(16, 16))
        for number, step in enumerate(STEPS, 1):
            self.step_list.addItem(f"{number}. {step.name}")
            self.step_list.item(number - 1).setIcon(self._blank_icon())
        self.step_list.setMinimumWidth(120)
        self.step_list.setSpacing(2)
        self.step_list.currentRowChanged.connect(self.go_to)
        central.addWidget(self.step_list)
        right_widget = QWidget()
        right = QVBoxLayout(right_widget)
        right.setContentsMargins(0, 0, 0, 0)
        self.banner = QFrame()
        self.banner.setObjectName("readonly_banner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        # Both colours are set, so the banner reads the same in light and dark palettes.
        self.banner.setStyleSheet(
            "#readonly_banner, #readonly_banner QLabel { background: #fff3cd; color: #4a3700; }"
        )
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setObjectName("readonly_banner_text")
        self.banner_save_as = QPushButton("Save As…")
        self.banner_save_as.setObjectName("banner_save_as_button")
        self.banner_save_as.setAccessibleName("Save a copy you can edit")
        self.banner_save_as.clicked.connect(self.save_as)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.banner_save_as)
        right.addWidget(self.banner)
        self.title_message = problem_label("title_required_message")
        right.addWidget(self.title_message)
        self.stack = QStackedWidget()
        self.stack.setObjectName("page_stack")
        right.addWidget(self.stack, 1)
        nav = QHBoxLayout()
        self.back_button = QPushButton("‹ &Back")
        self.back_button.setObjectName("back_button")
        self.back_button.setAccessibleName("Back to the previous step")
        self.next_button = QPushButton("&Next ›")
        self.next_button.setObjectName("next_button")
        self.next_button.setAccessibleName("Next step")
        self.back_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() + 1))
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        right.addLayout(nav)
        central.addWidget(right_widget)
        central.setStretchFactor(1, 1)
        # Narrow enough to leave the pages their room; long step names wrap.
        self.step_list.setWordWrap(True)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        central.setSizes([185, 1000])
        central.setContentsMargins(6, 6, 6, 0)
        self.setCentralWidget(central)
        self.save_status = QLabel()
        self.save_status.setObjectName("save_status")
        self.statusBar().addPermanentWidget(self.save_status)

    def _action(self, menu: QMenu, text: str, slot: object, shortcut: object = None, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&New…", self.new_plan, keys.New, "action_new")
        self._action(file_menu, "New from the &Sample Plan…", self.new_sample, None, "action_new_sample")
        self._action(file_menu, "&Open…", self.open_file, keys.Open, "action_open")
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self._action(file_menu, "Save &As…", self.save_as, keys.SaveAs, "action_save_as").setShortcuts(
            [QKeySequence("Ctrl+Shift+S")]
        )
        self._action(file_menu, "S&napshots…", self.show_snapshots, None, "action_snapshots")
        file_menu.addSeparator()
        self._action(file_menu, "&Export PDF…", self.export_pdf, QKeySequence("Ctrl+E"), "action_export_pdf")
        self._action(file_menu, "&Print…", self.print_plan, keys.Print, "action_print")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, keys.Quit, "action_quit").setShortcuts(
            [QKeySequence("Ctrl+Q")]
        )
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        help_menu = self.menuBar().addMenu("&Help")
        self._action(help_menu, "&Guide", lambda: guide.show_guide(self), keys.HelpContents, "action_guide")
        self._action(help_menu, "&About ceplanner", lambda: guide.show_about(self), None, "action_about")

    # -- the document -----------------------------------------------------------------------

    def set_document(self, doc: PlanDocument) -> None:
        """Show ``doc``; the previous plan (if any) is saved and closed."""
        if self.doc is not None:
            self.doc.close()
            self.doc.deleteLater()
        for page in self.pages:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.doc = doc
        doc.setParent(self)
        self.pages = build_pages(doc)
        for page in self.pages:
            self.stack.addWidget(page)
            if hasattr(page, "go_to_step"):
                page.go_to_step.connect(self._go_to_key)
                page.export_requested.connect(self.export_pdf)
                page.print_requested.connect(self.print_plan)
                page.problem_source = self._page_problems
        for action in (self.undo_action, self.redo_action):
            if action is not None:
                self.edit_menu.removeAction(action)
                action.deleteLater()
        self.undo_action = doc.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("action_undo")
        self.redo_action = doc.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(redo_shortcuts())
        self.redo_action.setObjectName("action_redo")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        doc.changed.connect(self._plan_changed)
        doc.saved.connect(self._saved)
        doc.save_failed.connect(self._save_failed)
        self.save_status.setStyleSheet("")
        self.save_status.setText("Read-only: changes are not saved" if doc.readonly else "Saved")
        self._show_file_state()
        self._mark_steps()
        self.go_to(0, quiet=True)
        if doc.store is not None and doc.store.migrated_backup is not None:
            self.statusBar().showMessage(
                f"The plan was updated for this version; the original is kept as {doc.store.migrated_backup.name}.",
                15000,
            )

    def _show_file_state(self) -> None:
        doc = self.doc
        assert doc is not None
        title = doc.plan.title.strip() or "Untitled plan"
        self.setWindowTitle(f"{title} — ceplanner" + (" [read-only]" if doc.readonly else ""))
        if doc.store is not None:
            self.setWindowFilePath(str(doc.store.path))
        self.banner.setVisible(doc.readonly)
        if doc.readonly and doc.store is not None:
            self.banner_text.setText(
                f"{doc.store.path.name} is read-only, so changes here are not saved. "
                "Use Save As to keep an editable copy."
            )
        self._update_nav()

    def _plan_changed(self, _obj: object) -> None:
        self._show_file_state()
        self._mark_steps()
        if self.doc is not None and self.doc.plan.title.strip():
            show_problem(self.title_message, "")

    def _blank_icon(self) -> QIcon:
        """An empty icon the size of the warning sign, so every step's text lines up."""
        pixmap = QPixmap(self.step_list.iconSize())
        pixmap.fill(Qt.GlobalColor.transparent)
        return QIcon(pixmap)

    def _mark_steps(self) -> None:
        """Flag the steps that have warnings, so the list doubles as a progress check."""
        assert self.doc is not None
        warnings: dict[str, list[str]] = {}
        for check in plan_checks(self.doc.plan):
            if check.severity is Severity.WARNING:
                warnings.setdefault(check.step, []).append(check.message)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        blank = self._blank_icon()
        for row, step in enumerate(STEPS):
            item = self.step_list.item(row)
            found = warnings.get(step.key, [])
            item.setIcon(icon if found else blank)
            item.setToolTip("\n".join(found))
            item.setData(Qt.ItemDataRole.UserRole, len(found))
            count = f", {len(found)} warning{'s' if len(found) != 1 else ''}" if found else ""
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{step.name}{count}")

    def _saved(self) -> None:
        self._save_error_reported = None
        self.save_status.setStyleSheet("")
        self.save_status.setText("Saved")

    def _save_failed(self, message: str) -> None:
        self.save_status.setStyleSheet("color: #c0392b;")
        self.save_status.setText(f"Not saved: {message}")
        if self._save_error_reported is not None:
            return  # said once (the status bar keeps saying it) until a save succeeds again
        self._save_error_reported = message
        box = QMessageBox(QMessageBox.Icon.Warning, "Your changes could not be saved",
                          f"{message}\n\nYour changes are still here in this window. Choose Save As to "
                          "save them to another file.", parent=self)
        box.setObjectName("save_failed_dialog")
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is save_as:
            self.save_as()

    # -- navigation -------------------------------------------------------------------------

    def _titled(self) -> bool:
        """Whether the later steps are open: the plan has a title (or cannot be given one)."""
        return self.doc is not None and (bool(self.doc.plan.title.strip()) or self.doc.readonly)

    def _commit_editing(self) -> None:
        """Finish the edit in progress (fields commit when they lose focus)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            focus.clearFocus()

    def go_to(self, index: int, quiet: bool = False) -> None:
        """Show step ``index``; steps after the first need a titled plan."""
        if not 0 <= index < len(self.pages):
            return
        if not quiet:
            self._commit_editing()
        if index > 0 and not self._titled():
            index = 0
            if not quiet:
                show_problem(self.title_message, TITLE_NEEDED)
        self.stack.setCurrentIndex(index)
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(index)
        self.step_list.blockSignals(False)
        self._update_nav()

    def _go_to_key(self, key: str) -> None:
        index = next((i for i, s in enumerate(STEPS) if s.key == key), None)
        if index is not None:
            self.go_to(index)

    def _update_nav(self) -> None:
        index = self.stack.currentIndex()
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.pages) - 1)

    def current_page(self) -> PlanPage:
        return self.pages[self.stack.currentIndex()]

    def _page_problems(self) -> list[tuple[str, str, list[str]]]:
        return [
            (step.key, step.name, page.problems())
            for step, page in zip(STEPS, self.pages, strict=True)
            if step.key != "review"
        ]

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._ready_to_leave():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/last_page", self.stack.currentIndex())
        assert self.doc is not None
        self.doc.close()
        event.accept()
