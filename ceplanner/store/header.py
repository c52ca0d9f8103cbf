"""The first look at a plan file, before SQLite opens it: that it is a regular file, an SQLite
database, and as long as its own header says.

Nothing here can hang or write: a named pipe or device is refused from its ``stat`` before it is
opened, and the header is read through a non-blocking, read-only descriptor.
"""

from __future__ import annotations

import os
import stat
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

from ceplanner.store.errors import (
    CorruptPlanError,
    NotAFileError,
    NotSQLiteError,
    PlanFileMissingError,
    PlanTooShortError,
    ReadOnlyPlanError,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100

_KINDS = [
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
]


@dataclass(frozen=True)
class Header:
    """What the 100-byte SQLite header says about the file."""

    page_size: int
    page_count: int | None
    """Pages in the database, or None where an old writer left the count unreliable."""
    change_counter: int
    wal: bool
    """Whether the file is in write-ahead-log mode (its latest changes may be in a ``-wal`` file)."""
    file_size: int


def require_regular_file(path: Path) -> os.stat_result:
    """``stat`` of ``path``; refuse a missing path or anything but a regular file, without opening it."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise PlanFileMissingError(path, f"There is no file at {path}.") from None
    except PermissionError:
        raise ReadOnlyPlanError(path, f"You do not have permission to read {path.name}.") from None
    except OSError as exc:
        raise PlanFileMissingError(path, f"{path} cannot be reached ({exc.strerror or exc}).") from None
    for test, kind in _KINDS:
        if test(info.st_mode):
            if kind == "a folder":
                raise NotAFileError(path, f"{path} is a folder, not a ceplanner plan.")
            raise NotAFileError(
                path,
                f"{path.name} is {kind}, not a file: ceplanner opens only plan files kept on a disk. "
                "It was not opened.",
            )
    if not stat.S_ISREG(info.st_mode):
        raise NotAFileError(path, f"{path.name} is not an ordinary file, so it was not opened.")
    return info


def _read_start(path: Path) -> tuple[bytes, int]:
    """The first bytes of a regular file and its size, read without blocking or following a
    swap to a pipe made after :func:`require_regular_file` looked."""
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise ReadOnlyPlanError(path, f"You do not have permission to read {path.name}.") from None
    except OSError as exc:
        raise PlanFileMissingError(path, f"{path} cannot be read ({exc.strerror or exc}).") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFileError(path, f"{path.name} is not an ordinary file, so it was not opened.")
        return os.read(fd, HEADER_SIZE), info.st_size
    finally:
        os.close(fd)


def read_header(path: Path, *, check_size: bool = True) -> Header:
    """Check that ``path`` is a whole SQLite database file and return its header.

    Raises :class:`NotAFileError`, :class:`NotSQLiteError`, :class:`PlanTooShortError` (cut
    short: fewer bytes than the header's page count needs) or :class:`CorruptPlanError`.
    ``check_size=False`` leaves out the length check, for a file whose journal or ``-wal`` file
    still holds part of it (a save cut off while growing the file leaves it short until SQLite's
    recovery); its recovered copy is checked instead.
    """
    require_regular_file(path)
    data, size = _read_start(path)
    if not data:
        raise NotSQLiteError(path, f"{path.name} is empty: it is not a ceplanner plan.")
    if not data.startswith(SQLITE_MAGIC[: len(data)]) or len(data) < len(SQLITE_MAGIC):
        raise NotSQLiteError(
            path, f"{path.name} is not a ceplanner plan: it is not a database file of any kind."
        )
    if len(data) < HEADER_SIZE:
        raise _too_short(path, HEADER_SIZE - len(data))
    (raw_page_size,) = struct.unpack(">H", data[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise CorruptPlanError(
            path, f"{path.name} is damaged: its header is not valid. Restore it from a backup."
        )
    change_counter, count = struct.unpack(">II", data[24:32])
    (valid_for,) = struct.unpack(">I", data[92:96])
    page_count = count if count and valid_for == change_counter else None
    wal = data[18] == 2 and data[19] == 2
    if page_count is not None:
        missing = page_count * page_size - size
    else:  # an old writer: the size must at least be whole pages
        missing = (page_size - size % page_size) % page_size
    if missing > 0 and check_size:
        raise _too_short(path, missing)
    return Header(page_size, page_count, change_counter, wal, size)


def _too_short(path: Path, missing: int) -> PlanTooShortError:
    unit = "byte" if missing == 1 else "bytes"
    return PlanTooShortError(
        path,
        f"{path.name} is incomplete: it is {missing:,} {unit} shorter than its own header says, as happens "
        "when a copy or download is cut short. It was not opened and was left as it is. "
        "Copy it again from where it came from, or open a backup copy.",
    )


# SQLite's lock bytes (os_unix.c): a writer holds a write lock on RESERVED_BYTE from its first
# change until it commits or rolls back.
_PENDING_BYTE = 0x40000000
_RESERVED_BYTE = _PENDING_BYTE + 1


def writer_active(path: Path) -> bool:
    """Whether another process is in the middle of writing ``path`` (holds SQLite's RESERVED
    lock). Its journal is then not a sign of a cut-off save. Asked with ``F_GETLK``, which
    takes no lock; False where that cannot be asked (not Linux)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return False
    if not sys.platform.startswith("linux"):
        return False
    query = struct.pack("hhqqi4x", fcntl.F_WRLCK, os.SEEK_SET, _RESERVED_BYTE, 1, 0)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
    except OSError:
        return False
    finally:
        # Closing a descriptor drops this process's own POSIX locks on the file; SQLite holds
        # none between statements, and this runs only before this process opens the file.
        os.close(fd)
    (kind,) = struct.unpack("h", answer[:2])
    return bool(kind != fcntl.F_UNLCK)
