"""Splitter positions and table column widths, kept between sessions.

Every named splitter and table under a page is restored from QSettings when the page is built
and saved whenever the user moves a splitter or resizes a column, so a laptop user who widened
the Costs table's description column finds it as they left it.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

SPLITTER_KEY = "layout/splitter/{name}"
COLUMNS_KEY = "layout/columns/{name}"


def _stored(key: str) -> QByteArray | None:
    value = QSettings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def remember_layout(root: QWidget) -> None:
    """Restore, then keep saving, the sizes of ``root``'s named splitters and table columns."""
    splitters = ([root] if isinstance(root, QSplitter) else []) + root.findChildren(QSplitter)
    for splitter in splitters:
        if not splitter.objectName():
            continue
        key = SPLITTER_KEY.format(name=splitter.objectName())
        if (state := _stored(key)) is not None:
            splitter.restoreState(state)
        splitter.splitterMoved.connect(
            lambda _pos, _i, s=splitter, k=key: QSettings().setValue(k, s.saveState())
        )
    for view in root.findChildren(QTableView):
        if not view.objectName():
            continue
        header = view.horizontalHeader()
        key = COLUMNS_KEY.format(name=view.objectName())
        if (state := _stored(key)) is not None:
            header.restoreState(state)
        header.sectionResized.connect(
            lambda _i, _old, _new, h=header, k=key: QSettings().setValue(k, h.saveState())
        )
