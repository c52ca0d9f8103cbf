"""File dialogs start in Documents, then where the user last chose; after export the user can
open the PDF or its folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from ceplanner.ui.exporting import export_done_box
from ceplanner.ui.files import ask_open_path, ask_save_path, documents_folder


def _recording_dialog(monkeypatch: pytest.MonkeyPatch, method: str, answer: Path | str) -> list[str]:
    starts: list[str] = []

    def dialog(parent: Any, title: str, start: str, *args: Any) -> tuple[str, str]:
        starts.append(start)
        return str(answer), ""

    monkeypatch.setattr(f"PySide6.QtWidgets.QFileDialog.{method}", dialog)
    return starts


def test_plan_dialogs_start_in_documents_then_in_the_last_folder(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "client plans"
    chosen.mkdir()
    starts = _recording_dialog(monkeypatch, "getSaveFileName", chosen / "Library")
    assert ask_save_path(None, "Save", "Library.ceplan") == chosen / "Library.ceplan"
    assert Path(starts[0]).parent == Path(documents_folder())
    opens = _recording_dialog(monkeypatch, "getOpenFileName", chosen / "Library.ceplan")
    assert ask_open_path(None) == chosen / "Library.ceplan"
    assert Path(opens[0]) == chosen  # remembered from the save
    chosen.rmdir()  # a remembered folder that has gone: back to Documents
    assert ask_open_path(None) is not None
    assert Path(opens[1]) == Path(documents_folder())


def test_after_export_the_pdf_or_its_folder_opens(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    pdf = tmp_path / "exports" / "Strategy.pdf"
    box = export_done_box(None, pdf)
    assert str(pdf) in box.text()
    box.findChild(QPushButton, "export_open").click()
    box = export_done_box(None, pdf)
    box.findChild(QPushButton, "export_show_in_folder").click()
    assert [u.toLocalFile() for u in opened] == [str(pdf), str(pdf.parent)]
