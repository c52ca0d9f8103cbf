"""The translation tools find our words, and a compiled translation is installed and used.

These run Qt's own ``pyside6-lupdate`` and ``pyside6-lrelease`` (shipped with PySide6) the way
docs/translating.md says to, on the real source.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication

import ceplanner
from ceplanner.core import i18n as core_i18n
from ceplanner.ui.i18n import install_translators

PACKAGE = Path(ceplanner.__file__).parent


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.skip(f"{name} is not installed")
    return which


def _extract(ts: Path) -> None:
    """What ``make translations`` runs (docs/translating.md), into ``ts``."""
    subprocess.run(
        [_tool("pyside6-lupdate"), "-extensions", "py", str(PACKAGE), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def _messages(ts: Path) -> dict[str, set[str]]:
    """Source texts by context."""
    found: dict[str, set[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        found[name] = {m.findtext("source") or "" for m in context.iter("message")}
    return found


def test_lupdate_extracts_the_words_of_menus_columns_buttons_and_pages(tmp_path: Path) -> None:
    ts = tmp_path / "ceplanner_cy.ts"
    _extract(ts)
    messages = _messages(ts)
    total = sum(len(texts) for texts in messages.values())
    assert total > 500
    assert "&File" in messages["MainWindow"]  # a menu
    assert "Save &As…" in messages["MainWindow"]  # a menu item
    assert "Power (1-5)" in messages["Column"]  # a table column header
    assert "Add group" in messages["StakeholdersPage"]  # a button
    assert "Context and purpose" in messages["Wizard"]  # a step
    assert "Costs" in messages["CostsPage"]  # a page title
    assert "Change the {field} of {thing}" in messages["Wording"]  # an undo text
    assert "The plan is damaged" in messages["OpenErrors"]  # a message box


def test_no_message_is_an_f_string_or_formatted_before_translation(tmp_path: Path) -> None:
    """Placeholders are named ``{words}``: an f-string's value baked in would never be found."""
    ts = tmp_path / "all.ts"
    _extract(ts)
    bad = [
        f"{context}: {text!r}"
        for context, texts in _messages(ts).items()
        for text in texts
        if re.search(r"\{[^}]*[^\w:}%.,<>!\- ][^}]*\}", text)
    ]
    assert bad == []


@pytest.fixture
def restore_english() -> Iterator[None]:
    """Core's words back to plain English after the test."""
    yield
    core_i18n.set_translator(None)


def test_a_compiled_translation_is_installed_for_qt_and_for_core(
    qapp: Any, tmp_path: Path, restore_english: None
) -> None:
    ts = tmp_path / "ceplanner_cy.ts"
    _extract(ts)
    text = ts.read_text(encoding="utf-8")
    # Translate one message, as a translator would in Qt Linguist.
    text = text.replace(
        "<source>&amp;File</source>\n        <translation type=\"unfinished\"></translation>",
        "<source>&amp;File</source>\n        <translation>&amp;Ffeil</translation>",
        1,
    )
    assert "Ffeil" in text
    ts.write_text(text, encoding="utf-8")
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(tmp_path / "ceplanner_cy.qm")],
        check=True,
        capture_output=True,
    )
    installed = install_translators(qapp, "cy_GB", folder=tmp_path)  # type: ignore[arg-type]
    try:
        assert installed
        assert QCoreApplication.translate("MainWindow", "&File") == "&Ffeil"
        assert QCoreApplication.translate("MainWindow", "&Edit") == "&Edit"  # not translated yet
        assert core_i18n.translate("MainWindow", "&File") == "&Ffeil"  # core uses the same
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_english_installs_nothing_but_routes_core_through_qt(qapp: Any, restore_english: None) -> None:
    installed = install_translators(qapp, "en_GB")
    assert installed == []
    assert core_i18n.translate("Any", "Saved") == "Saved"


def test_the_language_comes_from_ceplanner_locale_first(monkeypatch: pytest.MonkeyPatch) -> None:
    from ceplanner.ui.i18n import chosen_locale

    monkeypatch.setenv("CEPLANNER_LOCALE", "cy_GB")
    assert chosen_locale().name() == "cy_GB"
    assert chosen_locale("fr_FR").name() == "fr_FR"
