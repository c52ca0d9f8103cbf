"""The one error the report raises: its message is written for the user."""

from __future__ import annotations


class ReportError(Exception):
    """The PDF could not be produced; ``str()`` says why in words a user can act on."""
