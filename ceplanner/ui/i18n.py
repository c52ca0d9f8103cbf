"""Translation: Qt's own words and ours, for the user's language, installed once at start.

Every user-visible string in ``ceplanner/ui`` goes through Qt: ``self.tr("...")`` inside a QObject
subclass, else ``QCoreApplication.translate("Context", "...")`` where the text is shown (never at
import time, so a translator installed later still applies). Tables of strings at module level
are marked with :func:`QT_TRANSLATE_NOOP` and translated when shown. ``core``'s words go through
``ceplanner.core.i18n``, which this module points at the same translator. See docs/translating.md.
"""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
)

from ceplanner.core import i18n as core_i18n

__all__ = ["QT_TRANSLATE_NOOP", "install_translators", "tr", "translation_files"]

_loaded: list[bytes] = []

LOCALE_VARIABLE = "CEPLANNER_LOCALE"
"""An environment variable naming the language to use (``cy_GB``), ahead of the system's."""


def tr(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate`` (a short name for modules that are not QObjects)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def chosen_locale(locale_name: str | None = None) -> QLocale:
    """The locale asked for: ``locale_name``, else $CEPLANNER_LOCALE, else the system's."""
    name = locale_name or os.environ.get(LOCALE_VARIABLE, "")
    return QLocale(name) if name else QLocale.system()


def translation_files() -> Traversable:
    """The folder of our compiled translations (``ceplanner_<lang>.qm``) inside the package."""
    return resources.files("ceplanner") / "data" / "translations"


def _ours(locale: QLocale, folder: Traversable) -> bytes | None:
    """Our .qm for ``locale`` (``ceplanner_cy_GB.qm``, else ``ceplanner_cy.qm``), or None."""
    name = locale.name()  # "cy_GB"
    for candidate in (name, name.split("_")[0]):
        found = folder.joinpath(f"ceplanner_{candidate}.qm")
        if found.is_file():
            return found.read_bytes()
    return None


def install_translators(
    app: QCoreApplication, locale_name: str | None = None, folder: Traversable | None = None
) -> list[QTranslator]:
    """Install Qt's own translation (qtbase) and ours (from ``folder``, by default the package's)
    for the chosen locale, and route core's words through the same translator.

    Returns the translators installed (``app`` is their parent, so they live as long as it).
    """
    locale = chosen_locale(locale_name)
    installed: list[QTranslator] = []
    qt_own = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if locale.language() != QLocale.Language.English and qt_own.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    data = _ours(locale, folder if folder is not None else translation_files())
    if data is not None:
        ours = QTranslator(app)
        _loaded.append(data)  # Qt reads the bytes in place: they must outlive the translator
        if ours.load(data):
            app.installTranslator(ours)
            installed.append(ours)
    core_i18n.set_translator(QCoreApplication.translate)
    return installed
