"""The built-in method library, the sample plan, and the user's own method library.

Built-in data (``methods.json``, ``sample-plan.json``) is package data in ``ceplanner/data/``,
read with :mod:`importlib.resources`, so it is found the same way from source, from an installed
wheel and from the PyInstaller bundle (``packaging/ceplanner.spec`` carries the folder).

The user's methods live in one JSON file in the platform's user data folder (or in
``$CEPLANNER_DATA_DIR`` when that is set, as the tests do). A file that cannot be read is
reported with its path, never ignored, and never overwritten without being kept aside first.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import platformdirs

from ceplanner.core.atomic_text import write_text_atomically
from ceplanner.core.model import Method, Plan
from ceplanner.core.serialize import (
    FORMAT_VERSION,
    PlanFormatError,
    methods_from_dict,
    methods_to_dict,
    parse_json,
    plan_from_json,
)

APP_NAME = "ceplanner"
DATA_DIR_ENV = "CEPLANNER_DATA_DIR"
"""Environment variable that, when set, replaces the platform's user data folder."""
SHARED_LIBRARY_ENV = "CEPLANNER_LIBRARY"
"""Environment variable naming a shared method library file (on a shared drive, say) to use
instead of the user's own; see :func:`user_methods_path`."""
METHODS_RESOURCE = "methods.json"
SAMPLE_PLAN_RESOURCE = "sample-plan.json"
SAMPLE_DELIVERED_RESOURCE = "sample-delivered.json"
USER_METHODS_FILE = "methods.json"


class LibraryError(ValueError):
    """A method library or resource file that cannot be used; the message names the file."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class NewerLibraryError(LibraryError):
    """A method library written by a newer ceplanner: readable by that version, so never replaced."""


def resource_path(name: str) -> Traversable:
    """The built-in data file ``name`` in the package's ``data/`` folder (source, wheel or bundle)."""
    return resources.files("ceplanner") / "data" / name


def _resource_label(name: str) -> Path:
    """Where the built-in file ``name`` is, for messages."""
    return Path(str(resource_path(name)))


@cache
def _resource_text(name: str) -> str:
    try:
        return resource_path(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise LibraryError(
            _resource_label(name),
            f"cannot read the built-in resource ({exc.strerror or exc}); "
            "this installation of ceplanner is incomplete: reinstall it",
        ) from exc


def _check_unique_ids(methods: Iterable[Method], path: Path) -> None:
    seen: set[str] = set()
    for i, method in enumerate(methods):
        if method.id in seen:
            raise LibraryError(path, f"methods[{i}].id: {method.id!r} is used twice")
        seen.add(method.id)


def _methods_from_text(text: str, path: Path) -> list[Method]:
    try:
        raw: Any = parse_json(text)  # hostile nesting or huge numbers: words, not a crash
    except PlanFormatError as exc:
        raise LibraryError(path, str(exc)) from None
    version = raw.get("version") if isinstance(raw, dict) else None
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise NewerLibraryError(
            path,
            f"the file uses method library format {version}, newer than this ceplanner understands "
            f"({FORMAT_VERSION}); update ceplanner to read it",
        )
    try:
        methods = methods_from_dict(raw)
    except PlanFormatError as exc:
        raise LibraryError(path, f"not a usable method library ({exc})") from None
    _check_unique_ids(methods, path)
    return methods


def builtin_methods() -> list[Method]:
    """The method library shipped with ceplanner: fresh objects on every call."""
    return _methods_from_text(_resource_text(METHODS_RESOURCE), _resource_label(METHODS_RESOURCE))


def sample_plan() -> Plan:
    """The sample plan shipped with ceplanner: a fresh copy on every call."""
    path = _resource_label(SAMPLE_PLAN_RESOURCE)
    try:
        return plan_from_json(_resource_text(SAMPLE_PLAN_RESOURCE))
    except PlanFormatError as exc:
        raise LibraryError(path, f"the built-in sample plan is not valid ({exc})") from None


def sample_delivered_plan() -> Plan:
    """The sample plan as delivered (in delivery, with actuals, findings and responses): a fresh
    copy on every call."""
    path = _resource_label(SAMPLE_DELIVERED_RESOURCE)
    try:
        return plan_from_json(_resource_text(SAMPLE_DELIVERED_RESOURCE))
    except PlanFormatError as exc:
        raise LibraryError(path, f"the built-in delivered sample plan is not valid ({exc})") from None


def user_data_dir() -> Path:
    """Where ceplanner keeps per-user data: ``$CEPLANNER_DATA_DIR`` if set, else the platform's place."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME))


def shared_library_path() -> Path | None:
    """The shared method library named by ``$CEPLANNER_LIBRARY``; None when it is not set."""
    shared = os.environ.get(SHARED_LIBRARY_ENV, "").strip()
    return Path(shared).expanduser() if shared else None


def user_methods_path() -> Path:
    """The file holding the user's own methods (it may not exist yet): the shared library when
    ``$CEPLANNER_LIBRARY`` names one, otherwise ``methods.json`` in :func:`user_data_dir`."""
    return shared_library_path() or user_data_dir() / USER_METHODS_FILE


def library_writable() -> bool:
    """Whether the method library can be written here: the file if it exists, else its folder.

    A shared library is often read-only for most of a team; it is then used, never written. As
    for plan files, a file or folder marked read-only counts as read-only even for an
    administrator, who could write it anyway: the mark says what its owner wants.
    """

    def marked_writable(p: Path) -> bool:
        return os.access(p, os.W_OK) and bool(p.stat().st_mode & 0o222)

    path = user_methods_path()
    try:
        if path.exists():
            return marked_writable(path) and marked_writable(path.resolve().parent)
        folder = path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        return marked_writable(folder)
    except OSError:
        return False


def load_user_methods() -> list[Method]:
    """The user's own methods; none if the file does not exist yet.

    Raises :class:`LibraryError` naming the file if it exists but cannot be read or understood:
    the user's data is never silently dropped.
    """
    path = user_methods_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except UnicodeDecodeError:
        raise LibraryError(path, "the method library is damaged (not UTF-8 text)") from None
    except OSError as exc:
        raise LibraryError(path, f"cannot read the method library ({exc.strerror or exc})") from exc
    return _methods_from_text(text, path)


def _keep_unreadable(path: Path) -> Path | None:
    """If ``path`` exists but is not a readable library, rename it aside and return the new name.

    A shared library that cannot be read is refused instead (:class:`LibraryError`): it belongs
    to the whole team, so whoever looks after it decides what to do with it.
    """
    try:
        text = path.read_text(encoding="utf-8")
        _methods_from_text(text, path)
    except FileNotFoundError:
        return None
    except NewerLibraryError:
        raise
    except (LibraryError, UnicodeDecodeError) as exc:
        if shared_library_path() is not None:
            problem = exc.problem if isinstance(exc, LibraryError) else "not UTF-8 text"
            raise LibraryError(
                path,
                f"the shared method library cannot be read ({problem}), so it is not replaced; "
                "ask whoever looks after it to mend it, or stop using it (unset "
                f"{SHARED_LIBRARY_ENV})",
            ) from None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = path.with_name(f"{path.stem}.unreadable-{stamp}{path.suffix}")
        n = 1
        while kept.exists():
            n += 1
            kept = path.with_name(f"{path.stem}.unreadable-{stamp}-{n}{path.suffix}")
        os.replace(path, kept)
        return kept
    return None


def save_user_methods(methods: list[Method]) -> None:
    """Write the user's methods atomically (temporary file, then rename over the old one).

    An existing file that cannot be read is first renamed to ``methods.unreadable-<time>.json``
    so that saving never destroys data the user might still recover; a file from a newer
    ceplanner is never replaced (:class:`NewerLibraryError`). A shared library
    (``$CEPLANNER_LIBRARY``) that cannot be read is refused, never moved or replaced; a library
    that cannot be written (a read-only share) is a :class:`LibraryError` saying so, and the
    file is left as it was.
    """
    path = user_methods_path()
    _check_unique_ids(methods, path)
    text = json.dumps(methods_to_dict(methods), ensure_ascii=False, indent=2) + "\n"
    try:
        _keep_unreadable(path)
        if not library_writable():
            raise PermissionError(13, "read-only")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(path, text)
    except OSError as exc:
        whose = "shared " if shared_library_path() is not None else ""
        raise LibraryError(
            path,
            f"cannot save the {whose}method library ({exc.strerror or exc}); it is unchanged. "
            + (
                "It is read-only for you: ask whoever looks after it to make the change"
                if isinstance(exc, PermissionError)
                else "Check the drive or folder is there and has space, then try again"
            ),
        ) from exc


def all_methods() -> list[Method]:
    """Built-in methods followed by the user's; a user method replaces the built-in with its id.

    A replacement keeps the built-in's place in the list; the user's other methods follow in
    their own order.
    """
    user = load_user_methods()
    by_id = {m.id: m for m in user}
    builtin = builtin_methods()
    builtin_ids = {m.id for m in builtin}
    merged = [by_id.get(m.id, m) for m in builtin]
    merged.extend(m for m in user if m.id not in builtin_ids)
    return merged
