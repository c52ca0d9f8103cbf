"""Writing files so that a failure never damages what was there: temporary file, then rename.

Used by every command that writes a file (JSON and PDF exports, new plans) and meant for the
window's exports too. A full disk, a read-only folder or a kill part-way leaves any existing
file at the path exactly as it was, and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ceplanner.store.errors import (
    DiskFullError,
    OutputExistsError,
    OutputRefusedError,
    WriteFailedError,
)

PLAN_SUFFIX = ".ceplan"
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def write_error(path: Path, exc: BaseException) -> WriteFailedError:
    """The user's sentence for a failed write of ``path`` (an :class:`OSError` or SQLite error)."""
    name = path.name or str(path)
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    if code in _FULL or "disk is full" in text or "file too large" in text:
        return DiskFullError(
            path,
            f"{name} was not saved: the disk is full. Free some space or choose another disk, then try again.",
        )
    if code in _DENIED or "readonly" in text or "read-only" in text:
        return WriteFailedError(
            path, f"{name} was not saved: ceplanner may not write in {path.parent}. Choose another folder."
        )
    reason = getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__
    return WriteFailedError(path, f"{name} was not saved: {reason}.")


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_beside(path: Path, suffix: str = ".tmp") -> Path:
    """A new empty file in ``path``'s folder (so the final rename is atomic), with the mode a new
    document gets. Raises :class:`WriteFailedError` if the folder cannot be written."""
    folder = _folder(path)
    if not folder.is_dir():
        raise WriteFailedError(path, f"{path.name} was not saved: the folder {folder} does not exist.")
    if not folder.stat().st_mode & 0o222:  # marked read-only: honoured even for an administrator
        raise WriteFailedError(
            path, f"{path.name} was not saved: the folder {folder} is read-only. Choose another folder."
        )
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.stem[:40]}-", suffix=suffix, dir=folder)
    except OSError as exc:
        raise write_error(path, exc) from None
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(name, 0o666 & ~umask)  # mkstemp makes 0600; a saved file is an ordinary document
    return Path(name)


def replace_from_temp(temp: Path, path: Path) -> None:
    """Move a finished temporary file over ``path``, keeping the mode of the file it replaces."""
    with contextlib.suppress(OSError):
        if path.is_file():
            os.chmod(temp, path.stat().st_mode & 0o777)
    try:
        os.replace(temp, path)
    except OSError as exc:
        raise write_error(path, exc) from None
    fsync_folder(_folder(path))


@contextlib.contextmanager
def replacing(target: Path, temp: Path) -> Iterator[None]:
    """Around writing ``temp``: rename it over ``target`` when the block ends, or remove it if
    anything fails (OSError and SQLite errors come out as :class:`WriteFailedError` or
    :class:`DiskFullError`; anything else is passed on). ``target`` is then unchanged."""
    try:
        yield
        replace_from_temp(temp, target)
    except (OSError, sqlite3.Error) as exc:
        temp.unlink(missing_ok=True)
        raise write_error(target, exc) from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def atomic_write(path: str | Path, write: Callable[[BinaryIO], None], *, suffix: str = ".tmp") -> Path:
    """Call ``write(stream)`` on a temporary file beside ``path``, then rename it over ``path``.

    Raises :class:`DiskFullError` or :class:`WriteFailedError` (with a sentence for the user) if
    the file cannot be written; whatever ``write`` raises is passed on. In every failure the
    existing file at ``path`` is unchanged and the temporary file is removed.
    """
    target = Path(path)
    temp = temp_beside(target, suffix)
    with replacing(target, temp), temp.open("wb") as stream:
        write(stream)
        stream.flush()
        os.fsync(stream.fileno())
    return target


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return atomic_write(path, write)


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8. Text holding characters UTF-8 cannot encode is refused before
    anything is written (``UnicodeEncodeError`` is passed on)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def check_output(
    path: str | Path, *, inputs: Iterable[str | Path] = (), plan_ok: bool = False, replace: bool = False
) -> Path:
    """Refuse an output path that would destroy something; return it as a :class:`Path`.

    Refused with :class:`OutputRefusedError`: a folder or other non-file, any of ``inputs`` (the
    file being read, by any name), and a ``.ceplan`` plan file unless ``plan_ok``. An existing
    file raises :class:`OutputExistsError` unless ``replace`` (the user confirmed or gave
    ``--force``).
    """
    target = Path(path)
    for source in inputs:
        if _same_file(target, Path(source)):
            raise OutputRefusedError(
                target,
                f"{target.name} is the file being read; writing to it would destroy it. Choose another name.",
            )
    if not plan_ok and target.suffix.lower() == PLAN_SUFFIX:
        raise OutputRefusedError(
            target,
            f"{target.name} is a plan file name; an export never writes over a plan. "
            "Choose a name ending in .json or .pdf.",
        )
    if target.exists() or target.is_symlink():
        if not target.is_file():
            raise OutputRefusedError(
                target, f"{target} is not a file (it is a folder or a device); choose a file name."
            )
        if not replace:
            raise OutputExistsError(target, f"{target.name} already exists.")
    return target
