"""Column widths and splitter positions the user set, kept in QSettings across sessions."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter

PREFIX = "layout"


def remember_header(header: QHeaderView, key: str) -> None:
    """Restore ``header``'s column widths saved under ``key``, and save them whenever they change."""
    name = f"{PREFIX}/{key}/columns"
    saved = QSettings().value(name)
    if isinstance(saved, QByteArray) and not saved.isEmpty():
        header.restoreState(saved)
    header.sectionResized.connect(lambda *_: QSettings().setValue(name, header.saveState()))


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Restore ``splitter``'s positions saved under ``key``, and save them whenever it is moved."""
    name = f"{PREFIX}/{key}/splitter"
    saved = QSettings().value(name)
    if isinstance(saved, QByteArray) and not saved.isEmpty():
        splitter.restoreState(saved)
    splitter.splitterMoved.connect(lambda *_: QSettings().setValue(name, splitter.saveState()))
