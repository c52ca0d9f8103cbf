"""Plan files: one plan per ``.ceplan`` SQLite database."""

from ceplanner.store.errors import (
    CorruptPlanError,
    NewerVersionError,
    NotAPlanError,
    NotSQLiteError,
    PlanFileError,
    PlanFileMissingError,
    ReadOnlyPlanError,
)
from ceplanner.store.planfile import SUFFIX, PlanStore, SnapshotInfo

__all__ = [
    "SUFFIX",
    "CorruptPlanError",
    "NewerVersionError",
    "NotAPlanError",
    "NotSQLiteError",
    "PlanFileError",
    "PlanFileMissingError",
    "PlanStore",
    "ReadOnlyPlanError",
    "SnapshotInfo",
]
