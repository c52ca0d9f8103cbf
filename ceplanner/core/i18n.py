"""Words for people, through one hook so the application can translate them.

``core``, ``store`` and ``report`` never import Qt. The application installs Qt's translator
here at start (``set_translator(QCoreApplication.translate)``); until then every text is its
English self. Write texts as ``translate("Context", "text")`` with literal strings and
``str.format`` placeholders, so ``pyside6-lupdate`` finds them (docs/translating.md).
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _english(context: str, text: str) -> str:
    return text


_translator: Translator = _english


def set_translator(translator: Translator | None) -> None:
    """Route every later :func:`translate` through ``translator`` (None: back to English)."""
    global _translator
    _translator = translator or _english


def translate(context: str, text: str) -> str:
    """``text`` in the user's language, as the installed translator has it."""
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` in a table for ``pyside6-lupdate`` (it looks for this name) without
    translating it yet: the code that shows it calls ``translate(context, text)``."""
    return text
