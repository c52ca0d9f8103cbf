"""The main window: the wizard's steps beside the current page, menus, autosave status."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSettings, QSize, Qt, QTimer
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

from ceplanner.core.checks import Severity, open_checks
from ceplanner.ui import guide
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.file_actions import FileActions
from ceplanner.ui.layout_memory import remember_layout
from ceplanner.ui.pages.base import PlanPage
from ceplanner.ui.pages.review import ReviewPage
from ceplanner.ui.widgets import problem_label, show_problem
from ceplanner.ui.wizard import STEPS, step_index


def redo_shortcuts() -> list[QKeySequence]:
    """The platform's Redo keys plus Ctrl+Shift+Z and Ctrl+Y, each bound once.

    Binding one sequence twice makes Qt report an "ambiguous shortcut overload" and do nothing.
    """
    found: list[QKeySequence] = []
    for key in [
        *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
        QKeySequence("Ctrl+Shift+Z"),
        QKeySequence("Ctrl+Y"),
    ]:
        if not key.isEmpty() and all(key != other for other in found):
            found.append(key)
    return found


TITLE_NEEDED = QT_TRANSLATE_NOOP(
    "MainWindow", "Give the plan a title on this page first; then every step is open to you."
)


MARKS_DELAY_MS = 120
"""The step list's warning marks follow edits after this pause, not on every edit."""


class MainWindow(QMainWindow):
    """One open plan. ``set_document`` swaps in another plan (File › New / Open).

    Each step's page is built the first time it is shown; listeners redraw only what an edit
    concerns and only when shown (see docs/architecture.md).
    """

    def __init__(self, doc: PlanDocument) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.doc: PlanDocument | None = None
        self._pages: list[PlanPage | None] = []
        self._marks: list[tuple[str, ...]] = []
        self._save_error_reported: str | None = None
        self.files = FileActions(self, self)
        self._marks_timer = QTimer(self)
        self._marks_timer.setSingleShot(True)
        self._marks_timer.setInterval(MARKS_DELAY_MS)
        self._marks_timer.timeout.connect(self._mark_steps)
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
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.step_list.setIconSize(QSize(16, 16))
        for number, step in enumerate(STEPS, 1):
            self.step_list.addItem(f"{number}. {step.title}")
            self.step_list.item(number - 1).setIcon(self._blank_icon())
        self.step_list.setMinimumWidth(120)
        self.step_list.setSpacing(0)  # spacing made Qt measure the text wider than it paints it
        self.step_list.setStyleSheet("QListWidget#step_list::item { padding-top: 3px; padding-bottom: 3px; }")
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
        self.banner_save_as = QPushButton(self.tr("Save As…"))
        self.banner_save_as.setObjectName("banner_save_as_button")
        self.banner_save_as.setAccessibleName(self.tr("Save a copy you can edit"))
        self.banner_save_as.clicked.connect(self.files.save_as)
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.banner_save_as)
        right.addWidget(self.banner)
        # Beside the Next button it refuses (its room kept, so nothing moves when it shows).
        self.title_message = problem_label("title_required_message")
        self.stack = QStackedWidget()
        self.stack.setObjectName("page_stack")
        right.addWidget(self.stack, 1)
        nav = QHBoxLayout()
        self.back_button = QPushButton(self.tr("‹ &Back"))
        self.back_button.setObjectName("back_button")
        self.back_button.setAccessibleName(self.tr("Back to the previous step"))
        self.next_button = QPushButton(self.tr("&Next ›"))
        self.next_button.setObjectName("next_button")
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.back_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.stack.currentIndex() + 1))
        nav.addWidget(self.back_button)
        nav.addWidget(self.title_message, 1)
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
        remember_layout(central)  # the step list's width (each page's own splitters: see page())
        self.setCentralWidget(central)
        self.save_status = QLabel()
        self.save_status.setObjectName("save_status")
        self.statusBar().addPermanentWidget(self.save_status)

    def _action(
        self, menu: QMenu, text: str, slot: object, shortcut: object = None, name: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        keys = QKeySequence.StandardKey
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        files = self.files
        self._action(file_menu, self.tr("&New…"), files.new_plan, keys.New, "action_new")
        self._action(
            file_menu, self.tr("New from the &Sample Plan…"), files.new_sample, None, "action_new_sample"
        )
        self._action(
            file_menu,
            self.tr("New from the &Delivered Sample…"),
            files.new_delivered_sample,
            None,
            "action_new_delivered_sample",
        )
        self._action(
            file_menu, self.tr("New from &Template…"), files.new_from_template, None, "action_new_template"
        )
        self._action(file_menu, self.tr("&Open…"), files.open_file, keys.Open, "action_open")
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(lambda: files.fill_recent(self.recent_menu))
        file_menu.addSeparator()
        self._action(
            file_menu, self.tr("Save &As…"), files.save_as, keys.SaveAs, "action_save_as"
        ).setShortcuts([QKeySequence("Ctrl+Shift+S")])
        self._action(
            file_menu, self.tr("Save as &Template…"), files.save_as_template, None, "action_save_template"
        )
        self._action(file_menu, self.tr("S&napshots…"), files.show_snapshots, None, "action_snapshots")
        self._action(
            file_menu,
            self.tr("&Import Stakeholder Groups…"),
            files.import_groups,
            None,
            "action_import_groups",
        )
        file_menu.addSeparator()
        self._action(
            file_menu, self.tr("&Export PDF…"), files.export_pdf, QKeySequence("Ctrl+E"), "action_export_pdf"
        )
        self._action(
            file_menu, self.tr("Export &Word Document…"), files.export_docx, name="action_export_docx"
        )
        self._action(
            file_menu, self.tr("Export &Spreadsheet…"), files.export_spreadsheet, name="action_export_sheets"
        )
        self.delivery_actions = [  # only for a plan with delivery records: see _update_delivery_actions
            self._action(
                file_menu,
                self.tr("Export Engagement &Report…"),
                files.export_engagement_report,
                name="action_export_report",
            ),
            self._action(
                file_menu,
                self.tr("Export “&You said, we did”…"),
                files.export_you_said_we_did,
                name="action_export_you_said",
            ),
        ]
        self.delivery_actions.append(
            self._action(
                file_menu,
                self.tr("&Learn Costs from Delivery…"),
                self._learn_costs,
                name="action_learn_costs",
            )
        )
        self._action(
            file_menu,
            self.tr("Cost &Benchmarks…"),
            self._benchmarks,
            name="action_benchmarks",
        )
        file_menu.aboutToShow.connect(self._update_delivery_actions)
        self._action(file_menu, self.tr("&Print…"), files.print_plan, keys.Print, "action_print")
        self._action(file_menu, self.tr("Print Pre&view…"), files.preview_plan, None, "action_print_preview")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close, keys.Quit, "action_quit").setShortcuts(
            [QKeySequence("Ctrl+Q")]
        )
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(
            help_menu, self.tr("&Guide"), lambda: guide.show_guide(self), keys.HelpContents, "action_guide"
        )
        self._action(
            help_menu, self.tr("&About ceplanner"), lambda: guide.show_about(self), None, "action_about"
        )

    def _update_delivery_actions(self, *_args: object) -> None:
        """The delivery documents are offered only for a plan with delivery records."""
        from ceplanner.core.delivery import has_delivery

        delivered = self.doc is not None and has_delivery(self.doc.plan)
        for action in self.delivery_actions:
            action.setEnabled(delivered)

    def _learn_costs(self) -> None:
        from ceplanner.ui.cost_learning_dialog import show_learn_costs  # loaded when first used

        show_learn_costs(self, self.doc)

    def _benchmarks(self) -> None:
        from ceplanner.ui.cost_learning_dialog import show_benchmarks

        show_benchmarks(self)

    # -- the document -----------------------------------------------------------------------

    def set_document(self, doc: PlanDocument) -> None:
        """Show ``doc``; the previous plan (if any) is saved and closed."""
        if self.doc is not None:
            self.doc.close()
            self.doc.deleteLater()
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.doc = doc
        doc.setParent(self)
        self._pages = [None] * len(STEPS)
        self._marks = []
        for _step in STEPS:
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
        for action in (self.undo_action, self.redo_action):
            if action is not None:
                self.edit_menu.removeAction(action)
                action.deleteLater()
        self.undo_action = doc.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("action_undo")
        self.redo_action = doc.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(redo_shortcuts())
        self.redo_action.setObjectName("action_redo")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        doc.edited.connect(self._plan_edited)
        doc.saved.connect(self._saved)
        doc.save_failed.connect(self._save_failed)
        doc.file_changed.connect(self._file_changed)
        doc.changed.connect(self._update_delivery_actions)
        self._update_delivery_actions()
        self.save_status.setStyleSheet("")
        self.save_status.setText(
            self.tr("Read-only: changes are not saved") if doc.readonly else self.tr("Saved")
        )
        self._show_file_state()
        # The marks need the whole checker (public holidays among it, a fifth of a second the first
        # time): the window is shown first and marked a moment later.
        self._marks_timer.start()
        self.go_to(0, quiet=True)
        if doc.store is not None and doc.store.migrated_backup is not None:
            self.statusBar().showMessage(
                self.tr("The plan was updated for this version; the original is kept as {name}.").format(
                    name=doc.store.migrated_backup.name
                ),
                15000,
            )

    def _show_file_state(self) -> None:
        doc = self.doc
        assert doc is not None
        title = " ".join(doc.plan.title.split()) or self.tr("Untitled plan")
        file_name = f" — {doc.store.path.name}" if doc.store is not None else ""
        # "[*]" is where Qt shows its modified mark: while an edit waits to be saved.
        self.setWindowTitle(
            self.tr("{title}[*]{file_name} — ceplanner").format(title=title, file_name=file_name)
            + (self.tr(" [read-only]") if doc.readonly else "")
        )
        if doc.store is not None:
            self.setWindowFilePath(str(doc.store.path))
        self.banner.setVisible(doc.readonly)
        if doc.readonly and doc.store is not None:
            self.banner_text.setText(
                self.tr(
                    "{name} is read-only, so changes here are not saved. Use Save As to keep an editable copy."
                ).format(name=doc.store.path.name)
            )
        self._update_nav()

    def _plan_edited(self, obj: object, attr: str) -> None:
        doc = self.doc
        if doc is not None and not doc.readonly and doc.store is not None:
            self.setWindowModified(True)
        if doc is not None and obj is doc.plan and attr in ("title", ""):
            self._show_file_state()
            if doc.plan.title.strip():
                show_problem(self.title_message, "")
        self._marks_timer.start()

    def _file_changed(self) -> None:
        self._saved()
        self._show_file_state()

    # -- pages, built when first shown -------------------------------------------------------

    def page(self, index: int) -> PlanPage:
        """Step ``index``'s page, built now if it has not been shown before."""
        built = self._pages[index]
        if built is not None:
            return built
        assert self.doc is not None
        step = STEPS[index]
        page = step.page(self.doc)
        page.setProperty("step_key", step.key)
        if isinstance(page, ReviewPage):
            page.go_to_step.connect(self._go_to_key)
            page.go_to_item.connect(lambda _key, item_id: self.current_page().select_item(item_id))
            page.export_requested.connect(self.files.export_pdf)
            page.print_requested.connect(self.files.print_plan)
            page.problem_source = self._input_problems
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)
        self._pages[index] = page
        remember_layout(page)
        return page

    @property
    def pages(self) -> list[PlanPage]:
        """Every step's page (building those not shown yet): for tests and screenshots."""
        return [self.page(i) for i in range(len(STEPS))]

    def built_pages(self) -> list[tuple[int, PlanPage]]:
        return [(i, page) for i, page in enumerate(self._pages) if page is not None]

    def _blank_icon(self) -> QIcon:
        """An empty icon the size of the warning sign, so every step's text lines up."""
        pixmap = QPixmap(self.step_list.iconSize())
        pixmap.fill(Qt.GlobalColor.transparent)
        return QIcon(pixmap)

    def _mark_steps(self) -> None:
        """Flag the steps that have warnings, so the list doubles as a progress check.

        Only items whose warnings changed are touched.
        """
        if self.doc is None:
            return
        warnings: dict[str, list[str]] = {}
        for check in open_checks(self.doc.plan, self.doc.budget):
            if check.severity is Severity.WARNING:
                warnings.setdefault(check.step, []).append(check.message)
        for key, name, problems in self._input_problems():
            warnings.setdefault(key, []).extend(f"{name}: {p}" for p in problems)
        marks = [tuple(warnings.get(step.key, [])) for step in STEPS]
        if marks == self._marks:
            return
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        blank = self._blank_icon()
        for row, step in enumerate(STEPS):
            found = marks[row]
            if self._marks and self._marks[row] == found:
                continue
            item = self.step_list.item(row)
            item.setIcon(icon if found else blank)
            item.setToolTip("\n".join(found))
            item.setData(Qt.ItemDataRole.UserRole, len(found))
            count = ""
            if found:
                one = len(found) == 1
                count = (self.tr(", {count} warning") if one else self.tr(", {count} warnings")).format(
                    count=len(found)
                )
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{step.title}{count}")
        self._marks = marks

    def _saved(self) -> None:
        self.setWindowModified(False)
        self._save_error_reported = None
        self.save_status.setStyleSheet("")
        self.save_status.setText(self.tr("Saved"))

    def _save_failed(self, message: str) -> None:
        self.save_status.setStyleSheet("color: #c0392b;")
        self.save_status.setText(self.tr("Not saved: {message}").format(message=message))
        if self._save_error_reported is not None:
            return  # said once (the status bar keeps saying it) until a save succeeds again
        self._save_error_reported = message
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Your changes could not be saved"),
            self.tr(
                "{message}\n\nYour changes are still here in this window. Choose Save As to save them to "
                "another file."
            ).format(message=message),
            parent=self,
        )
        box.setObjectName("save_failed_dialog")
        save_as = box.addButton(self.tr("Save As…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is save_as:
            self.files.save_as()

    # -- navigation -------------------------------------------------------------------------

    def _titled(self) -> bool:
        """Whether the later steps are open: the plan has a title (or cannot be given one)."""
        return self.doc is not None and (bool(self.doc.plan.title.strip()) or self.doc.readonly)

    def commit_editing(self) -> None:
        """Finish the edit in progress (fields commit when they lose focus)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            focus.clearFocus()

    def go_to(self, index: int, quiet: bool = False) -> None:
        """Show step ``index``; steps after the first need a titled plan."""
        if not 0 <= index < len(STEPS):
            return
        if not quiet:
            self.commit_editing()
        if index > 0 and not self._titled():
            index = 0
            if not quiet:
                show_problem(self.title_message, self.tr(TITLE_NEEDED))
        self.page(index)
        self.stack.setCurrentIndex(index)
        self.step_list.blockSignals(True)
        self.step_list.setCurrentRow(index)
        self.step_list.blockSignals(False)
        self._update_nav()

    def _go_to_key(self, key: str) -> None:
        index = step_index(key)
        if index is not None:
            self.go_to(index)

    def _update_nav(self) -> None:
        index = self.stack.currentIndex()
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(STEPS) - 1)

    def current_page(self) -> PlanPage:
        return self.page(self.stack.currentIndex())

    def _input_problems(self) -> list[tuple[str, str, list[str]]]:
        """Typed input that pages shown so far could not take (pages never shown have none)."""
        return [
            (STEPS[i].key, STEPS[i].title, problems)
            for i, page in self.built_pages()
            if (problems := page.input_problems())
        ]

    # -- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.ready_to_leave():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/last_page", self.stack.currentIndex())
        assert self.doc is not None
        self.doc.close()
        event.accept()
