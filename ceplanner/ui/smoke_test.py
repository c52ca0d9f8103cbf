"""``ceplanner gui --smoke-test [PLAN]``: open a plan in the window, show every step, then exit.

For packaged builds: it proves that a bundle starts its GUI, finds its data and icon and builds
every step (offscreen too, with ``QT_QPA_PLATFORM=offscreen``) without anyone clicking. The
exit status is 0 when the plan opened in the main window, 1 otherwise.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


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
    if app.windowIcon().isNull():
        print("ceplanner: smoke test: the application icon is missing", file=sys.stderr)
        status = 1
    for window in list(windows):
        window.close()
    app.exit(status)
