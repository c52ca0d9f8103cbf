"""``ceplanner gui --smoke-test [PLAN]``: open a plan in the window, show every step, then exit.

For packaged builds: it proves that a bundle starts its GUI, finds its data and icon, builds
every step and draws page 1 of the plan's exported PDF the way print and print preview do (so
pypdfium2's native library loaded), offscreen too with ``QT_QPA_PLATFORM=offscreen``, without
anyone clicking. The exit status is 0 when all of that worked, 1 otherwise.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from ceplanner.core.model import Plan


def schedule(app: QApplication, windows: list[QWidget]) -> None:
    """Once the event loop runs: check the open windows, close them and end the loop."""
    app.setQuitOnLastWindowClosed(False)  # the status below decides how the loop ends
    QTimer.singleShot(0, lambda: _run(app, windows))


def _run(app: QApplication, windows: list[QWidget]) -> None:
    from ceplanner.ui.main_window import MainWindow

    opened = [w for w in windows if isinstance(w, MainWindow) and w.isVisible()]
    status = 0
    if not opened:
        print("ceplanner: smoke test: the plan did not open in the main window", file=sys.stderr)
        status = 1
    else:
        window = opened[0]
        steps = len(window.pages)  # builds every step's page
        for index in range(steps):
            window.go_to(index, quiet=True)
            app.processEvents()
        title = window.windowTitle().replace("[*]", "")
        print(f"ceplanner: smoke test: opened “{title}” and showed its {steps} steps")
        if not _render_first_page(window.doc.plan):
            status = 1
    if app.windowIcon().isNull():
        print("ceplanner: smoke test: the application icon is missing", file=sys.stderr)
        status = 1
    for window in list(windows):
        window.close()
    app.exit(status)


def _render_first_page(plan: Plan) -> bool:
    """Export ``plan`` as PDF and draw its page 1 as print preview does; False (and why) if not."""
    from ceplanner.report.export import export_pdf
    from ceplanner.ui.pdf_pages import PdfPages

    with tempfile.TemporaryDirectory(prefix="ceplanner-smoke-") as folder:
        try:
            pdf = export_pdf(plan, Path(folder) / "strategy.pdf")
            with PdfPages(pdf) as pages:
                image, count = pages.render(0, 30), len(pages)
        except Exception as exc:  # whatever stops it fails the smoke test, with the reason
            print(f"ceplanner: smoke test: page 1 of the PDF could not be drawn: {exc}", file=sys.stderr)
            return False
    white = QColor("white")
    inked = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y) != white
    )
    if not inked:
        print("ceplanner: smoke test: page 1 of the PDF came out blank", file=sys.stderr)
        return False
    print(
        f"ceplanner: smoke test: drew page 1 of the {count}-page PDF ({image.width()}×{image.height()} pixels)"
    )
    return True
