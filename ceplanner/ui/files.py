"""Choosing plan files: native dialogs, new plans, and the recent-files list in QSettings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ceplanner.core.model import Plan
from ceplanner.store import SUFFIX, PlanFileError, PlanStore
from ceplanner.ui.document import PlanDocument

MAX_RECENT = 8
RECENT_KEY = "recent_files"
PLAN_FILTER = QT_TRANSLATE_NOOP("Files", "ceplanner plans (*{suffix})")
"""Shown as ``plan_filter()``."""


def plan_filter() -> str:
    """The file dialogs' filter for plan files, in the user's language."""
    return QCoreApplication.translate("Files", PLAN_FILTER).format(suffix=SUFFIX)


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )


FOLDER_KEY = "folders/{kind}"
"""Where the last plan ("plans") or export ("exports") was chosen, per kind of file."""


def start_folder(kind: str) -> Path:
    """The folder a file dialog of ``kind`` starts in: the last one used, else Documents."""
    remembered = QSettings().value(FOLDER_KEY.format(kind=kind), "")
    if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
        return Path(remembered)
    return Path(documents_folder())


def remember_folder(kind: str, chosen: Path) -> None:
    QSettings().setValue(FOLDER_KEY.format(kind=kind), str(chosen.parent))


def with_suffix(name: str) -> Path:
    path = Path(name)
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


def ask_save_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """A native save dialog for a plan file; the .ceplan suffix is added if missing."""
    start = str(start_folder("plans") / suggested)
    name, _filter = QFileDialog.getSaveFileName(parent, title, start, plan_filter())
    if not name:
        return None
    remember_folder("plans", Path(name))
    return with_suffix(name)


def ask_open_path(parent: QWidget | None) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Files", "Open a plan"),
        str(start_folder("plans")),
        QCoreApplication.translate("Files", "{plans};;All files (*)").format(plans=plan_filter()),
    )
    if not name:
        return None
    remember_folder("plans", Path(name))
    return Path(name)


def suggested_name(plan: Plan, fallback: str = "") -> str:
    title = "".join(c for c in plan.title if c not in '<>:"/\\|?*').strip()[:60]
    return (title or fallback or QCoreApplication.translate("Files", "Engagement plan")) + SUFFIX


def create_plan(
    parent: QWidget | None,
    plan: Plan,
    title: str = "",
    make: Callable[[Path], PlanStore] | None = None,
) -> PlanDocument | None:
    """Ask where to keep a new plan, write it there, and return its document (None if cancelled).

    ``make`` writes the file at the chosen path instead (the delivered sample keeps a snapshot)."""
    title = title or QCoreApplication.translate("Files", "Save the new plan as")
    path = ask_save_path(parent, title, suggested_name(plan))
    if path is None:
        return None
    try:
        store = make(path) if make is not None else PlanStore.create(path, plan, overwrite=True)
        doc = PlanDocument(store.load(), store)
    except PlanFileError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Files", "The plan could not be created"),
            QCoreApplication.translate("Files", "{exc}\n\nChoose another folder or name.").format(exc=exc),
        )
        return None
    add_recent(path)
    return doc


def create_delivered_sample(parent: QWidget | None) -> PlanDocument | None:
    """Ask where to keep a copy of the delivered sample, write it there with its approved version
    kept as a snapshot (as ``ceplanner demo --delivered`` does), and return its document."""
    from ceplanner.core.library import sample_delivered_plan
    from ceplanner.store.delivery import create_delivered_sample as write_sample

    return create_plan(
        parent,
        sample_delivered_plan(),
        QCoreApplication.translate("Files", "Save a copy of the delivered sample as"),
        lambda path: write_sample(path, overwrite=True),
    )


# -- recent files ----------------------------------------------------------------------------


def recent_files() -> list[Path]:
    """Recent plans, newest first; files that no longer exist are dropped from the list."""
    settings = QSettings()
    raw = settings.value(RECENT_KEY, [])
    names = [raw] if isinstance(raw, str) else list(raw or [])
    paths = [Path(n) for n in names if n]
    existing = [p for p in paths if p.is_file()][:MAX_RECENT]
    if existing != paths:
        settings.setValue(RECENT_KEY, [str(p) for p in existing])
    return existing


def add_recent(path: Path) -> None:
    path = path.resolve()
    paths = [p for p in recent_files() if p.resolve() != path]
    QSettings().setValue(RECENT_KEY, [str(p) for p in [path, *paths][:MAX_RECENT]])


def clear_recent() -> None:
    QSettings().setValue(RECENT_KEY, [])
