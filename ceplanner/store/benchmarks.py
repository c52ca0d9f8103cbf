"""Cost benchmarks over a folder of plan files: every ``.ceplan`` in it read, never written.

The arithmetic is :func:`ceplanner.core.cost_learning.method_benchmarks`; this module only
finds and reads the files. A file that cannot be read is listed with the reason, in the same
words as opening it would give, and the others are still counted.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ceplanner.core.cost_learning import MethodBenchmark, method_benchmarks
from ceplanner.core.model import Plan
from ceplanner.core.serialize import PlanFormatError
from ceplanner.store.errors import PlanFileError
from ceplanner.store.planfile import SUFFIX, PlanStore


@dataclass(frozen=True)
class Unreadable:
    """A plan file left out, and why (a sentence for the user)."""

    path: Path
    reason: str


@dataclass(frozen=True)
class BenchmarkReport:
    """Benchmarks per method, the plan files they come from and the files that could not be read."""

    benchmarks: list[MethodBenchmark]
    read: list[Path] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)


def plan_files(folder: Path) -> list[Path]:
    """The plan files directly in ``folder`` (not its subfolders), by name.

    :class:`PlanFileError` in words when ``folder`` is not a folder that can be listed.
    """
    if not folder.is_dir():
        raise PlanFileError(folder, f"{folder} is not a folder: give the folder that holds the plans.")
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise PlanFileError(folder, f"The folder {folder} cannot be read ({exc.strerror or exc}).") from exc
    return sorted((p for p in entries if p.suffix.lower() == SUFFIX), key=lambda p: p.name.casefold())


def read_plan(path: Path) -> Plan:
    """The plan in ``path``, opened read-only (the file is never changed)."""
    with PlanStore.open(path, readonly=True) as store:
        return store.load()


def _reason(path: Path, exc: Exception) -> str:
    if isinstance(exc, PlanFileError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{path.name} cannot be read ({exc.strerror or exc})."
    return f"{path.name} cannot be read as a plan ({exc})."


def cost_benchmarks(folder: Path) -> BenchmarkReport:
    """Per method, what delivered activities really cost across the plans in ``folder``."""
    plans: list[Plan] = []
    read: list[Path] = []
    unreadable: list[Unreadable] = []
    for path in plan_files(folder):
        try:
            plans.append(read_plan(path))
        except (PlanFileError, OSError, sqlite3.Error, PlanFormatError, ValueError) as exc:
            unreadable.append(Unreadable(path, _reason(path, exc)))
            continue
        read.append(path)
    return BenchmarkReport(method_benchmarks(plans), read, unreadable)
