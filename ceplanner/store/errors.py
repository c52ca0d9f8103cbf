"""Errors raised when a plan file cannot be used; each message is written for the user."""

from __future__ import annotations

from pathlib import Path


class PlanFileError(Exception):
    """Base class: ``str(error)`` is a sentence a user can act on."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        super().__init__(message)


class PlanFileMissingError(PlanFileError):
    """There is no file at the path."""


class NotSQLiteError(PlanFileError):
    """The file is not an SQLite database at all (a document, an image, random bytes)."""


class NotAPlanError(PlanFileError):
    """The file is an SQLite database, but not a ceplanner plan (or it holds things we never create)."""


class NewerVersionError(PlanFileError):
    """The plan was written by a newer ceplanner whose schema this version does not know."""


class CorruptPlanError(PlanFileError):
    """The file is damaged: truncated, or failing SQLite's integrity check, or holding invalid data."""


class ReadOnlyPlanError(PlanFileError):
    """The plan cannot be written (read-only file or folder); it can still be read and saved elsewhere."""
