"""The start screen: a new plan (blank or from the sample), open a file, or a recent plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ceplanner.core.model import Plan
from ceplanner.ui import files
from ceplanner.ui.document import PlanDocument
from ceplanner.ui.open_errors import open_plan

FIRST_RUN = QT_TRANSLATE_NOOP(
    "StartScreen",
    "New to ceplanner? Start from the sample plan: a housing association's costed tenant engagement "
    "strategy, complete on every step, that you can change freely and learn from.",
)


class StartScreen(QWidget):
    """Emits ``opened`` with a :class:`PlanDocument` once the user has chosen or made a plan."""

    opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_screen")
        self.setWindowTitle(self.tr("ceplanner"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        heading = QLabel(self.tr("ceplanner"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        tagline = QLabel(
            self.tr("Plan, cost and justify community engagement: a strategy your board can approve.")
        )
        tagline.setWordWrap(True)
        layout.addWidget(tagline)
        self.first_run = QLabel(self.tr(FIRST_RUN))
        self.first_run.setObjectName("first_run_message")
        self.first_run.setWordWrap(True)
        self.first_run.setFrameShape(QFrame.Shape.StyledPanel)
        self.first_run.setMargin(10)
        layout.addWidget(self.first_run)
        row = QHBoxLayout()
        actions = QVBoxLayout()
        self.new_button = self._button(
            self.tr("New blank plan…"),
            "new_plan_button",
            self.tr("Start an empty plan and choose where to save it"),
        )
        self.sample_button = self._button(
            self.tr("New from the sample plan…"),
            "new_sample_button",
            self.tr("Start from a complete example plan"),
        )
        self.delivered_button = self._button(
            self.tr("Open the delivered sample…"),
            "new_delivered_sample_button",
            self.tr("Start from the sample plan as delivered: actuals, what was heard, what was done"),
        )
        self.open_button = self._button(
            self.tr("Open a plan…"), "open_plan_button", self.tr("Open a .ceplan file")
        )
        self.template_button = self._button(
            self.tr("New from template…"), "new_template_button", self.tr("Start from a costed plan template")
        )
        for button in (
            self.sample_button,
            self.delivered_button,
            self.new_button,
            self.template_button,
            self.open_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        row.addLayout(actions)
        recent_box = QGroupBox(self.tr("Recent plans"))
        recent_layout = QVBoxLayout(recent_box)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recent_list")
        self.recent_list.setAccessibleName(self.tr("Recent plans"))
        self.recent_list.setSpacing(3)
        self.recent_list.setAlternatingRowColors(True)
        self.recent_list.itemActivated.connect(self._open_recent)
        recent_layout.addWidget(self.recent_list)
        self.recent_hint = QLabel(self.tr("Double-click a plan, or press Enter, to open it."))
        self.recent_hint.setObjectName("recent_hint")
        recent_layout.addWidget(self.recent_hint)
        self.no_recent = QLabel(self.tr("Plans you open or create appear here."))
        self.no_recent.setObjectName("no_recent_message")
        self.no_recent.setWordWrap(True)
        recent_layout.addWidget(self.no_recent, 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(recent_box, 1)
        layout.addLayout(row, 1)
        self.new_button.clicked.connect(self.new_blank)
        self.sample_button.clicked.connect(self.new_from_sample)
        self.delivered_button.clicked.connect(self.new_from_delivered_sample)
        self.template_button.clicked.connect(self.new_from_template)
        self.open_button.clicked.connect(self.open_file)
        self.reload()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleName(text.rstrip("…"))
        button.setToolTip(tip)
        button.setMinimumHeight(36)
        return button

    def reload(self) -> None:
        """Show the recent plans; with none (a first run), offer the sample plan first."""
        self.recent_list.clear()
        recent = files.recent_files()
        for path in recent:
            item = QListWidgetItem(
                self.tr("{name}\n    in {folder}").format(name=path.stem, folder=path.parent)
            )
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent_list.addItem(item)
        self.recent_list.setVisible(bool(recent))
        self.recent_hint.setVisible(bool(recent))
        self.no_recent.setVisible(not recent)
        self.first_run.setVisible(not recent)
        (self.sample_button if not recent else self.open_button).setDefault(True)
        if recent:
            self.recent_list.setCurrentRow(0)
            self.recent_list.setFocus()
        else:
            self.sample_button.setFocus()

    def _done(self, doc: PlanDocument | None) -> None:
        if doc is not None:
            self.opened.emit(doc)
        else:
            self.reload()

    def new_blank(self) -> None:
        self._done(files.create_plan(self, Plan()))

    def new_from_delivered_sample(self) -> None:
        self._done(files.create_delivered_sample(self))

    def new_from_sample(self) -> None:
        from ceplanner.core.library import sample_plan

        self._done(files.create_plan(self, sample_plan(), self.tr("Save a copy of the sample plan as")))

    def new_from_template(self) -> None:
        from ceplanner.ui.template_dialog import new_from_template

        self._done(new_from_template(self))

    def open_file(self) -> None:
        if path := files.ask_open_path(self):
            self.open_path(path)

    def open_path(self, path: Path) -> None:
        self._done(open_plan(self, path))

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.open_path(Path(item.data(Qt.ItemDataRole.UserRole)))
