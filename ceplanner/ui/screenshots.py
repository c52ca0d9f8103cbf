"""Save a PNG of every wizard page with the sample plan loaded, and of the start screen.

    python -m ceplanner.ui.screenshots docs/screenshots

Runs offscreen (no display needed); settings and recent files go to a temporary folder, so the
user's own are never touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

WIDTH, HEIGHT = 1024, 700
"""A small laptop screen: every step must be usable at this size."""


def take_screenshots(outdir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QTabWidget

    from ceplanner.core.library import sample_plan
    from ceplanner.store import PlanStore
    from ceplanner.ui.app import make_application
    from ceplanner.ui.document import PlanDocument
    from ceplanner.ui.main_window import MainWindow
    from ceplanner.ui.start_screen import StartScreen
    from ceplanner.ui.wizard import STEPS

    outdir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ceplanner-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    os.environ.setdefault("CEPLANNER_DATA_DIR", str(work / "data"))
    app = make_application()
    written: list[Path] = []

    start = StartScreen()
    start.resize(900, 560)
    start.show()
    app.processEvents()
    written.append(_save(start.grab(), outdir / "00-start-screen.png"))
    start.close()

    store = PlanStore.create(work / "Sample plan.ceplan", sample_plan())
    window = MainWindow(PlanDocument(store.load(), store))
    window.resize(WIDTH, HEIGHT)
    window.show()
    for index, step in enumerate(STEPS):
        window.go_to(index)
        for _ in range(5):
            app.processEvents()
        page = window.current_page()
        if hasattr(page, "charts_drawn"):  # drawn in the background: wait for the pictures
            deadline = time.monotonic() + 30
            while not getattr(page, "_charts_ready", True) and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.02)
        written.append(_save(window.grab(), outdir / f"{index + 1:02d}-{step.key}.png"))
        tabs = page.findChild(QTabWidget)
        for tab in range(1, tabs.count() if tabs is not None else 0):  # the first is shown above
            tabs.setCurrentIndex(tab)
            for _ in range(5):
                app.processEvents()
            written.append(_save(window.grab(), outdir / f"{index + 1:02d}-{step.key}-{tab + 1}.png"))
        if tabs is not None:
            tabs.setCurrentIndex(0)
    window.close()
    QApplication.processEvents()
    return written


def _save(pixmap: object, path: Path) -> Path:
    if not pixmap.save(str(path)):  # type: ignore[attr-defined]
        raise OSError(QCoreApplication.translate("Screenshots", "could not write {path}").format(path=path))
    return path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m ceplanner.ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    for path in take_screenshots(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
