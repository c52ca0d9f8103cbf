"""Help › Guide and Help › About: what each step asks, and what ceplanner is."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from ceplanner import __version__ as VERSION
from ceplanner.ui.wizard import STEPS

INTRO = QT_TRANSLATE_NOOP(
    "Guide",
    "ceplanner walks you through a costed community engagement strategy step by step. "
    "Every change is saved to your plan file as you make it; Edit › Undo takes it back. "
    "Give the plan a title first: then you can visit the steps in any order from the list on the left.",
)


def guide_html() -> str:
    intro = html.escape(QCoreApplication.translate("Guide", INTRO))
    parts = [
        QCoreApplication.translate("Guide", "<h2>How to use ceplanner</h2><p>{intro}</p><ol>").format(
            intro=intro
        )
    ]
    for step in STEPS:
        text = QCoreApplication.translate(step.page.__name__, step.page.GUIDANCE)
        parts.append(f"<li><b>{html.escape(step.title)}</b><br>{html.escape(text)}</li>")
    parts.append(
        "</ol><p>"
        + QCoreApplication.translate(
            "Guide",
            "File › Snapshots keeps named copies of the plan inside its file, such as the version "
            "your board approved. File › Export PDF writes the strategy document to hand on.",
        )
        + "</p>"
    )
    return "".join(parts)


def show_guide(parent: QWidget | None) -> None:
    dialog = QDialog(parent)
    dialog.setObjectName("guide_dialog")
    dialog.setWindowTitle(QCoreApplication.translate("Guide", "ceplanner guide"))
    dialog.resize(640, 560)
    layout = QVBoxLayout(dialog)
    browser = QTextBrowser()
    browser.setObjectName("guide_text")
    browser.setHtml(guide_html())
    layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.exec()


def show_about(parent: QWidget | None) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("Guide", "About ceplanner"),
        QCoreApplication.translate(
            "Guide",
            "<h3>ceplanner {escape}</h3><p>Plan, cost and justify community engagement: who to "
            "involve, how, at what cost, and the value it brings, as a strategy document a board can "
            "approve.</p><p>Your plans are ordinary files on your computer; nothing is sent "
            "anywhere.</p>",
        ).format(escape=html.escape(VERSION)),
    )
