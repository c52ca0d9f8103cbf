"""A ``.ceplan`` plan file: one plan in one SQLite database, checked before it is trusted.

Opening inspects the file read-only first (header, integrity, that it is ours, its schema
version), so a refused file is never modified. Saving rewrites the plan's rows in one
transaction with ``synchronous=FULL`` and a rollback journal, so a crash at any moment leaves the
last committed plan intact. The journal is ``DELETE`` mode (not WAL) so that the plan is always
exactly one file that can be copied or e-mailed.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from ceplanner.core.model import (
    Activity,
    CostLine,
    Evaluation,
    Indicator,
    Method,
    Objective,
    Plan,
    utc_now,
)
from ceplanner.core.serialize import (
    FORMAT_VERSION,
    PlanFormatError,
    check_references,
    from_dict,
    parse_datetime,
    parse_json,
    plan_from_json,
    plan_to_json,
    to_dict,
)
from ceplanner.store.changes import LIST_COLUMNS as _LIST_COLUMNS
from ceplanner.store.changes import PLAN_SKIP, SIMPLE_LISTS, Change, NotInFile, write_changes
from ceplanner.store.changes import insert as _insert
from ceplanner.store.changes import row as _row
from ceplanner.store.errors import (
    CorruptPlanError,
    NewerVersionError,
    NotAPlanError,
    OutputRefusedError,
    PlanChangedElsewhereError,
    PlanFileError,
    PlanLockedError,
    ReadOnlyPlanError,
)
from ceplanner.store.header import Header, read_header, writer_active
from ceplanner.store.lock import PlanLock, in_use_error, read_lock
from ceplanner.store.safe_write import replacing, temp_beside, write_error
from ceplanner.store.schema import KNOWN_MIGRATIONS, MIGRATION_SET, SCHEMA_VERSION

SUFFIX = ".ceplan"
APPLICATION_ID = 0x43455041  # "CEPA": marks the SQLite file as a ceplanner plan
DATA_TABLES = [
    "plan",
    "objectives",
    "indicators",
    "methods",
    "activities",
    "cost_lines",
    "evaluation",
    *(table for table, _cls, _key in SIMPLE_LISTS.values()),
]

_BOOL_COLUMNS = {"seldom_heard", "in_kind", "same_people", "reports_back", "done", "fed_back"}
T = TypeVar("T")


APPROVED_KIND = "approved"
"""The kind of the snapshot kept when delivery starts: the approved version, the baseline."""


@dataclass(frozen=True)
class SnapshotInfo:
    id: int
    name: str
    created: datetime
    kind: str = ""
    """``APPROVED_KIND`` for the approved version kept when delivery started; "" otherwise."""


def _connect(target: str, *, uri: bool = False, timeout: float = 2.0) -> sqlite3.Connection:
    conn = sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False, timeout=timeout)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.text_factory = _text
    return conn


def _text(raw: bytes) -> str:
    """Text as stored; bytes that are not UTF-8 (a damaged file) become lone surrogates, which the
    format's checks refuse with the field's path instead of a UnicodeDecodeError."""
    return raw.decode("utf-8", "surrogateescape")


def _connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection: it cannot write the file, its journal or a ``-wal`` file."""
    return _connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=1.0)


def _is_busy(exc: BaseException) -> bool:
    """Whether an SQLite error means another connection holds the file's lock (not damage)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    text = str(exc)
    return "database is locked" in text or "database table is locked" in text


def _locked_error(path: Path) -> PlanLockedError:
    return PlanLockedError(
        path,
        f"{path.name} is in use: another program is saving it at this moment. "
        "Wait a moment and try again; the file itself is fine.",
    )


def _sidecar(path: Path, kind: str) -> Path | None:
    """``path``'s ``-journal`` or ``-wal`` file, if one with content exists."""
    side = path.with_name(f"{path.name}-{kind}")
    try:
        return side if side.stat().st_size > 0 else None
    except OSError:
        return None


@contextlib.contextmanager
def _readable_copy(path: Path, header: Header) -> Iterator[Path]:
    """The file to inspect and read without changing anything the user has.

    A healthy plan is read in place, read-only. A file with a hot journal (a save was cut off)
    or in WAL mode is copied, with its journal or ``-wal`` file, to a private folder where SQLite
    may recover it; the user's files are not touched until the plan is opened for editing.
    """
    journal, wal = _sidecar(path, "journal"), _sidecar(path, "wal")
    if journal is None and wal is None and not header.wal:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="ceplanner-inspect-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        for side in (journal, wal):
            if side is not None:
                shutil.copyfile(side, Path(folder) / side.name)
        conn = _connect(str(copy))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # recovers the copy
            conn.execute("PRAGMA journal_mode = DELETE")  # folds a -wal file into the copy
        except (
            sqlite3.DatabaseError,
            UnicodeDecodeError,
        ) as exc:  # the message of a damaged file may not be UTF-8
            raise CorruptPlanError(
                path, f"{path.name} is damaged and cannot be opened ({exc}). Restore it from a backup."
            ) from None
        finally:
            conn.close()
        read_header(copy)  # cut short? (measured after recovery, as SQLite would see it)
        yield copy


def _check_plan(path: Path, source: Path) -> list[str]:
    """Check, read-only, that ``source`` (``path`` or a copy of it) is a healthy plan this
    version can read. Returns the names of the migrations still to apply."""
    conn = _connect_ro(source)
    try:
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if _is_busy(exc):
                raise _locked_error(path) from None
            raise CorruptPlanError(
                path, f"{path.name} is damaged and cannot be opened ({exc}). Restore it from a backup."
            ) from None
        if result != ["ok"]:
            raise CorruptPlanError(
                path,
                f"{path.name} is damaged: SQLite's integrity check failed ({result[0]}). "
                "Restore it from a backup.",
            )
        schema = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
        tables = {name for kind, name in schema if kind == "table"}
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID or "file_info" not in tables or "_sqlite_migrations" not in tables:
            raise NotAPlanError(
                path, f"{path.name} is a database, but not a ceplanner plan: it was made by another program."
            )
        if any(kind in ("trigger", "view") for kind, _ in schema):
            raise NotAPlanError(
                path,
                f"{path.name} holds database triggers or views that ceplanner never creates, "
                "so it was not opened, for safety.",
            )
        applied = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                [MIGRATION_SET],
            )
        ]
        unknown = [name for name in applied if name not in KNOWN_MIGRATIONS]
        if unknown:
            raise NewerVersionError(
                path,
                f"{path.name} was saved by a newer version of ceplanner (plan schema "
                f"{len(applied)}; this version reads up to {SCHEMA_VERSION}). Update ceplanner to open it.",
            )
        if applied != KNOWN_MIGRATIONS[: len(applied)] or not applied:
            raise CorruptPlanError(
                path,
                f"{path.name} is damaged: it is marked as a ceplanner plan but does not record how its "
                "tables were made, so it was not opened and was left as it is. Restore it from a backup.",
            )
        return [name for name in KNOWN_MIGRATIONS if name not in applied]
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        if _is_busy(exc):
            raise _locked_error(path) from None
        raise CorruptPlanError(path, f"{path.name} is damaged and cannot be read ({exc}).") from None
    finally:
        conn.close()


def _writable(path: Path) -> bool:
    """Whether the plan may be written. A file or folder marked read-only counts as read-only
    even for an administrator, who could write it anyway: the mark says what the user wants."""

    def marked_writable(p: Path) -> bool:
        return os.access(p, os.W_OK) and bool(p.stat().st_mode & 0o222)

    return marked_writable(path) and marked_writable(path.resolve().parent)


_SQLITE_INT = range(-(2**63), 2**63)


def _first_unstorable(value: Any, path: str) -> str | None:
    """The path and problem of the first value SQLite cannot store (text with a lone surrogate,
    an integer beyond 64 bits), or None."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return f"{path} holds half of a character pair (a lone surrogate), which is not text"
    elif isinstance(value, int) and not isinstance(value, bool) and value not in _SQLITE_INT:
        return f"{path} holds a number too large to store"
    elif isinstance(value, dict):
        for key, item in value.items():
            found = _first_unstorable(item, f"{path}.{key}")
            if found:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _first_unstorable(item, f"{path}[{i}]")
            if found:
                return found
    return None


@contextlib.contextmanager
def _storable(path: Path, plan: Plan, failed: str = "The plan could not be saved") -> Iterator[None]:
    """Turn SQLite's refusal of a value into a sentence naming the field; nothing was written."""
    try:
        yield
    except (UnicodeEncodeError, OverflowError):
        problem = _first_unstorable(to_dict(plan), "plan") or "the plan holds a value that cannot be stored"
        raise PlanFileError(
            path, f"{failed}: {problem}. Retype that entry; the file keeps the last saved plan."
        ) from None


def _refuse_if_open_elsewhere(path: Path) -> None:
    """Refuse to replace a plan that is open for editing (a live lock file beside it)."""
    owner = read_lock(path)
    if owner is not None and not owner.stale:
        raise in_use_error(path, owner)


def _backup_copy(path: Path, source: Path, label: str) -> Path:
    """Keep a whole, self-contained copy of the plan beside it before changing its form."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.{label}-backup-{stamp}{path.suffix}")
    try:
        shutil.copy2(source, backup)
    except OSError as exc:
        backup.unlink(missing_ok=True)
        raise write_error(backup, exc) from None
    return backup


def _initialise(conn: sqlite3.Connection) -> None:
    """Create or bring up to date the schema (sqlite-utils is loaded only here)."""
    from sqlite_utils import Database

    from ceplanner.store.migrations import migrations

    db = Database(conn)
    migrations.apply(db)
    with db.atomic():
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("INSERT OR REPLACE INTO file_info (key, value) VALUES ('application', 'ceplanner')")


class PlanStore:
    """An open plan file. Use :meth:`open` or :meth:`create`, never the constructor."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, readonly: bool) -> None:
        self.path = path
        self.readonly = readonly
        self.conn = conn
        self.migrated_backup: Path | None = None
        self._saved_plan: Plan | None = None
        """The plan object the file now holds, as last loaded or saved here (for saving changes only)."""
        self.repairs: list[str] = []
        """What the last :meth:`load` or :meth:`snapshot_plan` mended in the plan it read, one
        sentence each (links to entities deleted by older versions); empty when nothing."""
        self.lock: PlanLock | None = None
        """This store's lock file, when opened for editing (see :mod:`ceplanner.store.lock`)."""
        self._seen: tuple[int, tuple[int, int]] | None = None

    # -- opening and creating ---------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False, take_over: bool = False) -> PlanStore:
        """Open an existing plan after checking it; migrate it (after a backup copy) if older.

        The file is inspected read-only first, and a refused file is never changed: not even a
        journal left beside it is rolled back, nor a ``-wal`` file checkpointed. With
        ``readonly`` (or when the file or folder is read-only) the plan is read into memory and
        the file is never written. Opening for editing finishes a save that was cut off and
        turns a WAL-mode file into one self-contained file, after keeping a backup copy.

        Opening for editing takes the plan's lock file. If the plan is open for editing
        elsewhere, :class:`PlanInUseError` says by whom, where and since when; the caller may
        then open it with ``readonly=True``, or with ``take_over=True`` once the user confirms.

        Raises a :class:`PlanFileError` subclass, each with a sentence for the user.
        """
        path = Path(path)
        unfinished = _sidecar(path, "journal") is not None or _sidecar(path, "wal") is not None
        header = read_header(path, check_size=not unfinished)
        if writer_active(path):
            raise _locked_error(path)
        lock: PlanLock | None = None
        try:
            with _readable_copy(path, header) as source:
                pending = _check_plan(path, source)
                if readonly or not _writable(path):
                    return cls._open_in_memory(path, source, pending)
                lock = PlanLock.acquire(path, take_over=take_over)
                backup: Path | None = None
                if pending or header.wal:
                    label = f"schema{SCHEMA_VERSION - len(pending)}" if pending else "before-wal-conversion"
                    backup = _backup_copy(path, source, label)
            conn = _connect(str(path))  # SQLite rolls back a save that was cut off, as it reads
            try:
                conn.execute("PRAGMA journal_mode = DELETE")  # a WAL file becomes one file again
                conn.execute("PRAGMA synchronous = FULL")
                if pending:
                    _initialise(conn)
            except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                conn.close()
                if _is_busy(exc):
                    raise _locked_error(path) from None
                raise CorruptPlanError(
                    path, f"{path.name} could not be brought up to date ({exc})."
                ) from None
            store = cls(path, conn, readonly=False)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        store.migrated_backup = backup
        store.lock = lock
        store._mark_seen()
        return store

    # -- noticing other writers -------------------------------------------------------------

    def _file_state(self) -> tuple[int, tuple[int, int]]:
        version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        try:
            info = os.stat(self.path)
            identity = (info.st_dev, info.st_ino)
        except OSError:
            identity = (-1, -1)
        return version, identity

    def _mark_seen(self) -> None:
        """Remember the file as this store last read or wrote it."""
        self._seen = self._file_state()

    def changed_elsewhere(self) -> bool:
        """Whether another connection, program or window wrote the plan file (or put another file
        in its place) since this store opened it, last saved it or :meth:`reload`-ed it."""
        if self.readonly or self._seen is None:
            return False
        return self._file_state() != self._seen

    def _check_not_changed_elsewhere(self) -> None:
        if self.lock is not None and not self.lock.held():
            owner = read_lock(self.path)
            by = owner.describe() if owner is not None else "by another window or program"
            raise PlanChangedElsewhereError(
                self.path,
                f"{self.path.name} was taken over {by}, so your changes were not saved over it. "
                "Use Save As to keep your version in a new file.",
            )
        if self.changed_elsewhere():
            raise PlanChangedElsewhereError(
                self.path,
                f"{self.path.name} was changed by another window or program since you opened it, so "
                "your changes were not saved over it (that would lose the other changes). Use Save As "
                "to keep your version in a new file, or reopen the plan to see the other changes.",
            )

    def reload(self) -> Plan:
        """Read the plan as it now is in the file and accept it as seen (after
        :class:`PlanChangedElsewhereError`, to continue from the other changes)."""
        if self._seen is not None and self._file_state()[1] != self._seen[1]:
            raise PlanChangedElsewhereError(
                self.path, f"{self.path.name} was replaced by another file; close it and open it again."
            )
        plan = self.load()
        self._mark_seen()
        return plan

    @classmethod
    def _open_in_memory(cls, path: Path, source: Path, pending: list[str]) -> PlanStore:
        """A read-only store reading a copy in memory (so an old schema can be brought up to date
        without writing)."""
        conn = _connect(":memory:")
        reader = _connect_ro(source)
        try:
            reader.backup(conn)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            conn.close()
            if _is_busy(exc):
                raise _locked_error(path) from None
            raise CorruptPlanError(path, f"{path.name} cannot be read ({exc}).") from None
        finally:
            reader.close()
        if pending:
            _initialise(conn)
        return cls(path, conn, readonly=True)

    @classmethod
    def create(cls, path: Path | str, plan: Plan, *, overwrite: bool = False) -> PlanStore:
        """Write ``plan`` to a new file; the file appears complete or not at all.

        A full disk raises :class:`DiskFullError`, other write failures
        :class:`WriteFailedError`; an existing file at ``path`` is then unchanged.
        """
        path = Path(path)
        if path.exists() and not overwrite:
            raise PlanFileError(path, f"{path.name} already exists; choose another name.")
        _refuse_if_open_elsewhere(path)
        tmp = cls._temp_beside(path)
        with replacing(path, tmp):
            conn = _connect(str(tmp))
            try:
                store = cls(path, conn, readonly=False)  # named as the target in messages
                _initialise(store.conn)
                store.save(plan, touch=False)
            finally:
                conn.close()
        return cls.open(path)

    @staticmethod
    def _temp_beside(path: Path) -> Path:
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise ReadOnlyPlanError(path, f"The folder {folder} does not exist.")
        if not folder.stat().st_mode & 0o222:
            raise ReadOnlyPlanError(
                path, f"ceplanner cannot write in {folder}: the folder is read-only. Choose another folder."
            )
        return temp_beside(path, ".tmp")

    def close(self) -> None:
        """Close the file and remove this store's lock file (if it is still ours)."""
        self.conn.close()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------------

    def _rows(self, table: str, order: str = "ord", where: str = "") -> list[dict[str, Any]]:
        """The table's rows as dicts; list columns parsed from their JSON text. A list that
        cannot be parsed is refused with its field path (``where[i].column``)."""
        cursor = self.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")
        names = [d[0] for d in cursor.description]
        rows = []
        for i, values in enumerate(cursor.fetchall()):
            row = dict(zip(names, values, strict=True))
            for name in list(row):
                if name in _LIST_COLUMNS:
                    row[name] = self._list_value(row[name], f"{where or table}[{i}].{name}")
                elif name in _BOOL_COLUMNS:
                    row[name] = bool(row[name])
            row.pop("ord", None)
            rows.append(row)
        return rows

    def _list_value(self, text: Any, where: str) -> Any:
        try:
            if not isinstance(text, str):
                raise ValueError
            return parse_json(text)
        except (ValueError, PlanFormatError):
            raise PlanFormatError(f"{where}: the stored list cannot be read") from None

    def _build(self, cls: type[T], row: dict[str, Any], where: str) -> T:
        try:
            return from_dict(cls, row, where)
        except PlanFormatError as exc:
            raise CorruptPlanError(
                self.path, f"{self.path.name} holds data ceplanner cannot use ({exc})."
            ) from None

    def load(self) -> Plan:
        """Read the plan, applying the same checks as a JSON import.

        Links to deleted entities (left by older versions) are removed from the plan returned
        and described in :attr:`repairs`; the file itself is not changed until the next save.
        """
        self.repairs = []
        try:
            plan = self._load()
            check_references(plan, self.repairs)
            self._saved_plan = plan
            return plan
        except PlanFormatError as exc:
            raise CorruptPlanError(
                self.path, f"{self.path.name} holds data ceplanner cannot use ({exc})."
            ) from None
        except (sqlite3.DatabaseError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
            raise CorruptPlanError(self.path, f"{self.path.name} cannot be read ({exc}).") from None

    def _load(self) -> Plan:
        lines: dict[tuple[str, str], list[CostLine]] = {}
        for row in self._rows("cost_lines", "owner_kind, owner_id, ord"):
            key = (row.pop("owner_kind"), row.pop("owner_id"))
            lines.setdefault(key, []).append(self._build(CostLine, row, "cost line"))
        indicators: dict[str, list[Indicator]] = {}
        for row in self._rows("indicators", "owner_id, ord"):
            owner = row.pop("owner_id")
            indicators.setdefault(owner, []).append(self._build(Indicator, row, "indicator"))

        plan_rows = self._rows("plan", "id", "plan")
        if len(plan_rows) != 1:
            raise CorruptPlanError(self.path, f"{self.path.name} holds no plan.")
        plan_row = plan_rows[0]
        plan_row.pop("id")
        plan = self._build(Plan, plan_row, "plan")
        for attr, (table, cls, _key) in SIMPLE_LISTS.items():
            items: list[Any] = [
                self._build(cls, r, f"plan.{attr}[{i}]")
                for i, r in enumerate(self._rows(table, where=f"plan.{attr}"))
            ]
            if items or attr not in ("vfm", "standards"):  # those two default to one row each
                setattr(plan, attr, items)
        plan.objectives = []
        for i, row in enumerate(self._rows("objectives", where="plan.objectives")):
            objective = self._build(Objective, row, f"plan.objectives[{i}]")
            objective.indicators = indicators.get(objective.id, [])
            plan.objectives.append(objective)
        plan.methods = []
        for i, row in enumerate(self._rows("methods", where="plan.methods")):
            method = self._build(Method, row, f"plan.methods[{i}]")
            method.cost_lines = lines.get(("method", method.id), [])
            plan.methods.append(method)
        plan.activities = []
        for i, row in enumerate(self._rows("activities", where="plan.activities")):
            activity = self._build(Activity, row, f"plan.activities[{i}]")
            activity.cost_lines = lines.get(("activity", activity.id), [])
            plan.activities.append(activity)
        evaluation_rows = self._rows("evaluation", "id")
        if evaluation_rows:
            evaluation_rows[0].pop("id")
            plan.evaluation = self._build(Evaluation, evaluation_rows[0], "plan.evaluation")
        return plan

    # -- writing ----------------------------------------------------------------------------

    def _require_writable(self) -> None:
        if self.readonly:
            raise ReadOnlyPlanError(
                self.path, f"{self.path.name} is read-only. Use Save As to keep your changes in a new file."
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; SQLite and disk errors come out as :class:`PlanFileError`s."""
        self._require_writable()
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                # SQLite may already have rolled back (a full disk does): the cause must not be
                # hidden behind "cannot rollback - no transaction is active".
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                raise
        except sqlite3.IntegrityError as exc:
            raise PlanFileError(self.path, f"The plan could not be saved: {exc}.") from None
        except (OSError, sqlite3.OperationalError) as exc:
            if _is_busy(exc):
                raise PlanLockedError(
                    self.path,
                    f"{self.path.name} is in use: another program is writing to it at this moment, so "
                    "your changes were not saved yet. They are kept; try again in a moment.",
                ) from None
            raise write_error(self.path, exc) from None

    def save(
        self,
        plan: Plan,
        *,
        touch: bool = True,
        changes: Sequence[Change] | None = None,
        overwrite_other_changes: bool = False,
    ) -> None:
        """Replace the stored plan with ``plan`` in one transaction.

        ``touch`` sets the plan's modified time; creating a file from an imported plan keeps it.
        ``changes`` (the objects and fields edited since this plan was last loaded or saved
        here) lets only their rows be written; without it, or if one cannot be placed, every
        row is written.
        If anything else wrote the file since this store last read or saved it (another window,
        program or computer), nothing is written and :class:`PlanChangedElsewhereError` is
        raised, unless ``overwrite_other_changes`` (the user chose to keep their version).
        A plan being saved by another program raises :class:`PlanLockedError`, a full disk
        :class:`DiskFullError`; the file then holds the last saved plan.
        """
        if touch:
            plan.modified = utc_now()
        if changes is not None and self._saved_plan is plan:
            try:
                with _storable(self.path, plan), self._transaction() as conn:
                    if not overwrite_other_changes:
                        self._check_not_changed_elsewhere()
                    write_changes(conn, plan, changes)
                    seen = self._file_state()  # read under the write lock
            except NotInFile:
                pass  # rolled back: the whole plan is written below
            else:
                self._saved(seen, overwrite_other_changes)
                return
        cost_rows: list[dict[str, Any]] = []
        indicator_rows: list[dict[str, Any]] = []
        for objective in plan.objectives:
            indicator_rows += [
                _row(ind, owner_id=objective.id, ord=j) for j, ind in enumerate(objective.indicators)
            ]
        for owner_kind, owners in (("method", plan.methods), ("activity", plan.activities)):
            for owner in owners:
                cost_rows += [
                    _row(line, owner_kind=owner_kind, owner_id=owner.id, ord=j)
                    for j, line in enumerate(owner.cost_lines)
                ]
        with _storable(self.path, plan), self._transaction() as conn:
            if not overwrite_other_changes:
                self._check_not_changed_elsewhere()
            for table in DATA_TABLES:
                conn.execute(f"DELETE FROM {table}")
            _insert(conn, "plan", [_row(plan, PLAN_SKIP, id=1)])
            for attr, (table, _cls, _key) in SIMPLE_LISTS.items():
                _insert(conn, table, [_row(item, ord=i) for i, item in enumerate(getattr(plan, attr))])
            _insert(
                conn, "objectives", [_row(o, ("indicators",), ord=i) for i, o in enumerate(plan.objectives)]
            )
            _insert(conn, "indicators", indicator_rows)
            _insert(conn, "methods", [_row(m, ("cost_lines",), ord=i) for i, m in enumerate(plan.methods)])
            _insert(
                conn,
                "activities",
                [_row(a, ("cost_lines",), ord=i) for i, a in enumerate(plan.activities)],
            )
            _insert(conn, "cost_lines", cost_rows)
            _insert(conn, "evaluation", [_row(plan.evaluation, id=1)])
            seen = self._file_state()  # read under the write lock: nobody else can commit now
        self._saved(seen, overwrite_other_changes)
        self._saved_plan = plan

    def _saved(self, seen: tuple[int, tuple[int, int]], overwrite_other_changes: bool) -> None:
        self._seen = seen
        if overwrite_other_changes and self.lock is not None and not self.lock.held():
            self.lock.release()  # the user kept their version: the plan is theirs again
            self.lock = PlanLock.acquire(self.path, take_over=True)

    def save_as(self, path: Path | str, plan: Plan) -> PlanStore:
        """Write this plan, snapshots included, to a new file and return the store for it.

        A full disk raises :class:`DiskFullError` ("... was not saved: the disk is full"); an
        existing file at ``path`` and this store's own file are then unchanged.
        """
        path = Path(path)
        if path.exists() and os.path.samefile(path, self.path):
            raise OutputRefusedError(
                path, f"{path.name} is this plan's own file: your changes are saved there already."
            )
        _refuse_if_open_elsewhere(path)
        tmp = self._temp_beside(path)
        with replacing(path, tmp):
            dest = _connect(str(tmp))
            try:
                self.conn.backup(dest)
                copy = PlanStore(path, dest, readonly=False)
                copy.save(plan, touch=False)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        return PlanStore.open(path)

    # -- snapshots --------------------------------------------------------------------------

    def snapshots(self) -> list[SnapshotInfo]:
        """The snapshots kept in the file, oldest first. One with a date that cannot be read is
        refused as :class:`CorruptPlanError` naming it (``snapshots[id=N].created``)."""
        rows = self.conn.execute("SELECT id, name, created, kind FROM snapshots ORDER BY id").fetchall()
        result = []
        for snapshot_id, name, created, kind in rows:
            try:
                when = parse_datetime(created, f"snapshots[id={snapshot_id}].created")
            except PlanFormatError as exc:
                raise CorruptPlanError(
                    self.path,
                    f"{self.path.name} holds a snapshot, “{name}”, whose date cannot be read ({exc}). "
                    "The plan itself is fine.",
                ) from None
            shown = str(name).encode("utf-8", "replace").decode("utf-8")  # damaged bytes shown as "?"
            result.append(SnapshotInfo(snapshot_id, shown, when, str(kind)))
        return result

    def take_snapshot(self, name: str, plan: Plan, *, kind: str = "") -> SnapshotInfo:
        """Keep a named, dated copy of ``plan`` inside the file (``kind``: see :class:`SnapshotInfo`).

        The stored copy is read back and checked before the transaction commits, so a snapshot
        that was taken can always be restored; if it could not be, none is kept and
        :class:`PlanFileError` says why.
        """
        name = name.strip() or "Snapshot"
        created = utc_now()
        data = plan_to_json(plan)
        with _storable(self.path, plan, "The snapshot was not kept"), self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO snapshots (name, created, format_version, data, kind) VALUES (?, ?, ?, ?, ?)",
                [name, created.isoformat(), FORMAT_VERSION, data, kind],
            )
            snapshot_id = int(cursor.lastrowid or 0)
            stored = conn.execute("SELECT data FROM snapshots WHERE id = ?", [snapshot_id]).fetchone()[0]
            repairs: list[str] = []
            try:
                again = plan_from_json(stored, repairs)
            except PlanFormatError as exc:
                raise PlanFileError(
                    self.path, f"The snapshot was not kept: it could not be restored later ({exc})."
                ) from None
            if not repairs and plan_to_json(again) != data:
                raise PlanFileError(self.path, "The snapshot was not kept: it did not read back as taken.")
        return SnapshotInfo(snapshot_id, name, created, kind)

    def approved_snapshot(self) -> SnapshotInfo | None:
        """The approved version kept when delivery started (the latest, if several), or None."""
        return next((s for s in reversed(self.snapshots()) if s.kind == APPROVED_KIND), None)

    def snapshot_plan(self, snapshot_id: int) -> Plan:
        """The plan kept in a snapshot; links to deleted entities are pruned (see :attr:`repairs`)."""
        row = self.conn.execute("SELECT data FROM snapshots WHERE id = ?", [snapshot_id]).fetchone()
        if row is None:
            raise PlanFileError(self.path, "That snapshot no longer exists.")
        self.repairs = []
        try:
            return plan_from_json(row[0], self.repairs)
        except PlanFormatError as exc:
            raise CorruptPlanError(self.path, f"The snapshot cannot be read ({exc}).") from None

    def restore_snapshot(self, snapshot_id: int, current: Plan) -> Plan:
        """Make a snapshot the current plan, first keeping the current plan as a snapshot."""
        restored = self.snapshot_plan(snapshot_id)
        name = next((s.name for s in self.snapshots() if s.id == snapshot_id), "snapshot")
        self.take_snapshot(f"Before restoring “{name}”", current)
        self.save(restored)
        return restored

    def delete_snapshot(self, snapshot_id: int) -> None:
        """Delete a snapshot; the approved version (the baseline of delivery) is refused."""
        kept = self.conn.execute("SELECT kind FROM snapshots WHERE id = ?", [snapshot_id]).fetchone()
        if kept is not None and kept[0] == APPROVED_KIND:
            raise PlanFileError(
                self.path,
                "This snapshot is the approved version: delivery is measured against it, so it is kept.",
            )
        with self._transaction() as conn:
            conn.execute("DELETE FROM snapshots WHERE id = ?", [snapshot_id])
