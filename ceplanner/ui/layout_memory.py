"""Splitter positions and table column widths, kept between sessions.

Every named splitter and table under a page is restored from QSettings when the page is built
and saved whenever the user moves a splitter or resizes a column, so a laptop user who widened
the Costs table's description column finds it as they left it. A widget built later than its
page (or outside a window, in a test) asks for the same with :func:`remember_splitter` or
:func:`remember_table`; asking twice does nothing more.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

SPLITTER_KEY = "layout/splitter/{name}"
COLUMNS_KEY = "layout/columns/{name}"
_DONE = "layout_remembered"


def _stored(key: str) -> QByteArray | None:
    value = QSettings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _first_time(widget: QWidget) -> bool:
    if not widget.objectName() or widget.property(_DONE):
        return False
    widget.setProperty(_DONE, True)
    return True


def remember_splitter(splitter: QSplitter) -> None:
    """Restore the named ``splitter`` as the user left it, and save it whenever it is moved."""
    if not _first_time(splitter):
        return
    key = SPLITTER_KEY.format(name=splitter.objectName())
    if (state := _stored(key)) is not None:
        splitter.restoreState(state)
    splitter.splitterMoved.connect(lambda _pos, _i: QSettings().setValue(key, splitter.saveState()))


def remember_table(view: QTableView) -> None:
    """Restore the named table's column widths, and save them whenever one is resized."""
    if not _first_time(view):
        return
    header = view.horizontalHeader()
    key = COLUMNS_KEY.format(name=view.objectName())
    if (state := _stored(key)) is not None:
        header.restoreState(state)
    header.sectionResized.connect(lambda _i, _old, _new: QSettings().setValue(key, header.saveState()))


def remember_layout(root: QWidget) -> None:
    """Remember every named splitter and table under ``root`` (and ``root`` itself if one)."""
    splitters = ([root] if isinstance(root, QSplitter) else []) + root.findChildren(QSplitter)
    for splitter in splitters:
        remember_splitter(splitter)
    for view in root.findChildren(QTableView):
        remember_table(view)
