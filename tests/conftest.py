"""Shared fixtures for the Qt-free tests. Qt fixtures live in tests/ui/conftest.py only."""

from __future__ import annotations

import os

# Before any QApplication exists anywhere in the session (Picard's approach).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
