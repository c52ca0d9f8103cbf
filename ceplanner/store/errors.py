"""Errors raised when a plan file cannot be used; each message is written for the user."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ceplanner.store.lock import LockOwner


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


class PlanTooShortError(CorruptPlanError):
    """The file is shorter than its own header says: cut short by an interrupted copy or download."""


class NotAFileError(NotSQLiteError):
    """The path names a folder, a device, a pipe or a socket, not a regular file."""


class PlanLockedError(PlanFileError):
    """Another program holds SQLite's lock on the file (mid-save): it is in use, not damaged; try again."""


class PlanInUseError(PlanFileError):
    """The plan is open for editing elsewhere (another window, program or computer).

    ``owner`` describes who holds it; the caller may open it read-only instead, or take it over.
    """

    def __init__(self, path: Path | str, message: str, owner: LockOwner | None = None) -> None:
        super().__init__(path, message)
        self.owner = owner


class PlanChangedElsewhereError(PlanFileError):
    """Something else wrote the plan file since this program last read or saved it; nothing was
    written, so those changes are not lost."""


class WriteFailedError(PlanFileError):
    """A file could not be written (the folder is read-only, the device failed); an existing file
    at that path is unchanged."""


class DiskFullError(WriteFailedError):
    """A file could not be written because the disk (or the user's quota) is full; an existing
    file at that path is unchanged."""


class OutputRefusedError(PlanFileError):
    """An export or copy would overwrite something it must not: a plan file, the plan being read,
    or a folder."""


class OutputExistsError(PlanFileError):
    """The file to write already exists; replace it only when the user says so (``--force`` on
    the command line, a confirmation in the window)."""
