"""Knowing that a plan is open for editing elsewhere: a small lock file beside the plan.

``.~lock.NAME.ceplan#`` (the name office suites use, so it is hidden and familiar) holds JSON
saying who opened the plan: host, process id, user and time. It is created atomically when a
plan is opened for editing and removed when it is closed. A lock left by a program that crashed
(same computer, process no longer running) is stale and taken over without a word; a live one
means the plan is open in another window, program or computer. A lock file works on shared
drives too, where SQLite's own locks do not say who holds them.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import uuid
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ceplanner.core import locale_format
from ceplanner.store.errors import PlanInUseError

# Tokens of the locks this process holds now: a lock naming this process but none of these
# was left by an earlier process that had the same id.
_HELD: set[str] = set()


def lock_path(plan: Path) -> Path:
    """The lock file for ``plan``."""
    return plan.with_name(f".~lock.{plan.name}#")


def _host() -> str:
    return socket.gethostname() or "this computer"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return "someone"


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - os.kill(pid, 0) would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return True


@dataclass(frozen=True)
class LockOwner:
    """Who holds a plan open for editing, as the lock file says."""

    host: str
    pid: int
    user: str
    opened_at: datetime | None
    token: str = ""

    @property
    def here(self) -> bool:
        """Whether the lock was made on this computer."""
        return self.host == _host()

    @property
    def stale(self) -> bool:
        """Left by a program that is no longer running (only knowable on this computer)."""
        if not self.here:
            return False
        if self.pid == os.getpid():
            return self.token not in _HELD
        return not _process_alive(self.pid)

    def describe(self) -> str:
        """Who, where and since when, in words: "by ann on LAPTOP-3 since 27 Nov 2026 at 17:40"."""
        if self.here and self.pid == os.getpid():
            where = "in another window of ceplanner on this computer"
        elif self.here:
            where = f"by {self.user} on this computer (program {self.pid})"
        else:
            where = f"by {self.user} on {self.host}"
        if self.opened_at is not None:
            local = self.opened_at.astimezone()
            where += f" since {locale_format.format_date(local.date(), 'short')} at {locale_format.format_time(local)}"
        return where


def read_lock(plan: Path) -> LockOwner | None:
    """The owner named in ``plan``'s lock file, or None if there is none. A lock file that cannot
    be read as ours counts as held by an unknown program (it may be being written)."""
    try:
        text = lock_path(plan).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        text = ""
    try:
        raw = json.loads(text)
        opened = datetime.fromisoformat(raw["opened_at"]) if raw.get("opened_at") else None
        return LockOwner(
            str(raw["host"]), int(raw["pid"]), str(raw["user"]), opened, str(raw.get("token", ""))
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return LockOwner("another computer", 0, "another program", None)


def in_use_error(plan: Path, owner: LockOwner) -> PlanInUseError:
    return PlanInUseError(
        plan,
        f"{plan.name} is already open for editing {owner.describe()}. Open it read-only to look at "
        "it, or take it over if it is no longer being edited there.",
        owner,
    )


def _create(lock: Path, text: str) -> bool:
    """Make ``lock`` holding ``text`` if it does not exist, complete or not at all.
    Returns False if it already exists."""
    temp = lock.with_name(f"{lock.name}.{uuid.uuid4().hex[:8]}.tmp")
    temp.write_text(text, encoding="utf-8")
    try:
        os.link(temp, lock)  # atomic, and fails if the lock exists
        return True
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: exclusive create, then write
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        return True
    finally:
        temp.unlink(missing_ok=True)


class PlanLock:
    """This process's hold on a plan; release it with :meth:`release` (also done when the
    object is collected or the program exits normally)."""

    def __init__(self, plan: Path, token: str) -> None:
        self.plan = plan
        self.path = lock_path(plan)
        self.token = token
        _HELD.add(token)
        self._finalizer = weakref.finalize(self, _release, self.path, token)

    @classmethod
    def acquire(cls, plan: Path, *, take_over: bool = False) -> PlanLock | None:
        """Lock ``plan`` for editing by this process.

        Raises :class:`PlanInUseError` if a live lock exists, unless ``take_over``. A stale
        lock is replaced. Returns None if the folder does not allow a lock file (the store's
        check of SQLite's ``data_version`` before each save still applies).
        """
        token = uuid.uuid4().hex
        record = {
            "app": "ceplanner",
            "host": _host(),
            "pid": os.getpid(),
            "user": _user(),
            "opened_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "token": token,
        }
        text = json.dumps(record, ensure_ascii=False)
        lock = lock_path(plan)
        for _ in range(3):
            owner = read_lock(plan)
            if owner is not None:
                if not (owner.stale or take_over):
                    raise in_use_error(plan, owner)
                with contextlib.suppress(FileNotFoundError):
                    lock.unlink()
            try:
                made = _create(lock, text)
            except OSError:
                return None
            if made:
                return cls(plan, token)
        owner = read_lock(plan)
        raise in_use_error(plan, owner or LockOwner("another computer", 0, "another program", None))

    def held(self) -> bool:
        """Whether the lock file is still this one (nobody took the plan over)."""
        owner = read_lock(self.plan)
        return owner is not None and owner.token == self.token

    def release(self) -> None:
        self._finalizer()


def _release(path: Path, token: str) -> None:
    _HELD.discard(token)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(raw, dict) and raw.get("token") == token:
        with contextlib.suppress(OSError):
            path.unlink()
