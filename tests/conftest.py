"""Shared fixtures for the Qt-free tests. Qt fixtures live in tests/ui/conftest.py only."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from ceplanner.core import locale_format

# Before any QApplication exists anywhere in the session (Picard's approach).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The command line and the application run as subprocesses read their locale from here.
os.environ["CEPLANNER_LOCALE"] = "en_GB"


@pytest.fixture(autouse=True)
def british_english() -> Iterator[None]:
    """Every test starts in en_GB, whatever the machine's LANG, and leaves the locale as it found it."""
    before = locale_format.current_locale()
    locale_format.set_locale("en_GB")
    yield
    locale_format.set_locale(before)
