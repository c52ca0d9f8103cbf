"""Plan files: one plan per ``.ceplan`` SQLite database."""

from ceplanner.store.errors import (
    CorruptPlanError,
    DiskFullError,
    NewerVersionError,
    NotAFileError,
    NotAPlanError,
    NotSQLiteError,
    OutputExistsError,
    OutputRefusedError,
    PlanChangedElsewhereError,
    PlanFileError,
    PlanFileMissingError,
    PlanInUseError,
    PlanLockedError,
    PlanTooShortError,
    ReadOnlyPlanError,
    WriteFailedError,
)
from ceplanner.store.lock import LockOwner, lock_path, read_lock
from ceplanner.store.planfile import SUFFIX, PlanStore, SnapshotInfo

__all__ = [
    "SUFFIX",
    "CorruptPlanError",
    "DiskFullError",
    "LockOwner",
    "NewerVersionError",
    "NotAFileError",
    "NotAPlanError",
    "NotSQLiteError",
    "OutputExistsError",
    "OutputRefusedError",
    "PlanChangedElsewhereError",
    "PlanFileError",
    "PlanFileMissingError",
    "PlanInUseError",
    "PlanLockedError",
    "PlanStore",
    "PlanTooShortError",
    "ReadOnlyPlanError",
    "SnapshotInfo",
    "WriteFailedError",
    "lock_path",
    "read_lock",
]
