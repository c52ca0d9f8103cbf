"""Starting the desktop application: ``run_gui(path)`` is what ``ceplanner`` calls."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ceplanner import __version__
from ceplanner.ui.app_icon import application_icon
from ceplanner.ui.document import PlanDocument

ORGANISATION = "ceplanner"
APPLICATION = "ceplanner"


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, set up once: names for QSettings, high-DPI scaling, the system palette."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Fractional scale factors (150%) are passed through rather than rounded (Qt 6 default).
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName("ceplanner")
    QGuiApplication.setDesktopFileName("ceplanner")
    app.setWindowIcon(application_icon())
    # Fusion follows the system's light or dark colour scheme (Qt 6.5+) on every platform.
    app.setStyle("Fusion")  # ignored if a build lacks it
    return app


class Launcher:
    """Shows the start screen or a plan, and keeps the open windows alive."""

    def __init__(self) -> None:
        self.windows: list[QWidget] = []

    def show_plan(self, doc: PlanDocument) -> QWidget:
        from ceplanner.ui.main_window import MainWindow

        window = MainWindow(doc)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda _o=None, w=window: self._forget(w))
        self.windows.append(window)
        window.show()
        return window

    def show_start(self) -> QWidget:
        from ceplanner.ui.start_screen import StartScreen

        screen = StartScreen()
        screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        screen.opened.connect(lambda doc, s=screen: self._from_start(s, doc))
        self.windows.append(screen)
        screen.show()
        return screen

    def _from_start(self, screen: QWidget, doc: PlanDocument) -> None:
        self.show_plan(doc)
        screen.close()
        self._forget(screen)

    def _forget(self, window: QWidget) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def start(self, path: str | None) -> QWidget:
        """Open ``path`` if given (falling back to the start screen if it cannot be opened)."""
        if path:
            from ceplanner.ui.open_errors import open_plan

            doc = open_plan(None, Path(path))
            if doc is not None:
                return self.show_plan(doc)
        return self.show_start()


def _report_unexpected(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """An error nobody expected: print it for a bug report and tell the user, don't vanish."""
    traceback.print_exception(kind, error, tb)
    if _reporting or QApplication.instance() is None or issubclass(kind, KeyboardInterrupt):
        return
    _reporting.append(True)
    try:
        QMessageBox.critical(
            QApplication.activeWindow(),
            QCoreApplication.translate("App", "Something went wrong"),
            QCoreApplication.translate(
                "App",
                "ceplanner hit an unexpected problem: {error}\n\nYour plan file holds everything up to the "
                "last time the status bar said “Saved”. If this keeps happening, please report it with the "
                "details printed in the terminal.",
            ).format(error=error),
        )
    finally:
        _reporting.clear()


_reporting: list[bool] = []


def first_run_plan() -> Path | None:
    """On a first run (no recent plans), the sample plan to open, written to the user's data
    folder so there is something real to explore at once; None on later runs."""
    from ceplanner.core.library import sample_plan, user_data_dir
    from ceplanner.store import PlanFileError, PlanStore
    from ceplanner.ui import files

    if files.recent_files():
        return None
    path = user_data_dir() / "Sample plan.ceplan"
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            PlanStore.create(path, sample_plan()).close()
        except (OSError, PlanFileError):
            return None  # the start screen still offers the sample plan
    files.add_recent(path)
    return path


def apply_locale() -> str:
    """Format money, numbers and dates in the user's locale (``CEPLANNER_LOCALE`` overrides the
    system's; an unknown name falls back to British English), and send core's words through Qt's
    translator. Returns the locale's name."""
    import os

    from PySide6.QtCore import QLocale

    from ceplanner.core import i18n, locale_format

    i18n.set_translator(QCoreApplication.translate)
    for name in (os.environ.get(locale_format.ENV_VARIABLE), QLocale.system().name()):
        if name:
            try:
                return str(locale_format.set_locale(name))
            except locale_format.LocaleNameError:
                continue
    return str(locale_format.set_locale(locale_format.FALLBACK))


def run_gui(path: str | None = None, smoke_test: bool = False) -> int:
    """Run the application until its last window closes; returns the exit status.

    With ``smoke_test`` it shows every step of the plan and exits (see :mod:`ceplanner.ui.smoke_test`).
    """
    app = make_application()
    apply_locale()
    from ceplanner.ui.i18n import install_translators

    install_translators(app)  # the user's language ($CEPLANNER_LOCALE or the system's), before any window
    sys.excepthook = _report_unexpected
    launcher = Launcher()
    if path is None and (sample := first_run_plan()) is not None:
        path = str(sample)
    launcher.start(path)
    if smoke_test:
        from ceplanner.ui import smoke_test as smoke

        smoke.schedule(app, launcher.windows)
    status = app.exec()
    QThreadPool.globalInstance().waitForDone(10_000)  # a chart or export still running ends first
    return status
