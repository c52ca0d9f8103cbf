"""The application icon (window, task bar), drawn by ``packaging/make_icons.py``."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QPixmap

SIZES = (16, 24, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """ceplanner's icon at every size it ships in (package data, so a wheel or bundle has it)."""
    icon = QIcon()
    folder = resources.files("ceplanner") / "data" / "icons"
    for size in SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData((folder / f"ceplanner-{size}.png").read_bytes(), "PNG"):
            icon.addPixmap(pixmap)
    return icon
