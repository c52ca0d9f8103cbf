"""With a pseudo-translation installed, no step and no tab of the window shows an untranslated word.

Every text the window shows must be either marked by the pseudo-translator (so it went through
Qt's translation) or data: the plan's own words, the method library's, numbers, money and dates.
Words made by ``ceplanner.core`` (finding messages, enumeration labels, summaries) must be
marked too: core routes them through ``ceplanner.core.i18n.translate``, which the application
points at Qt's translator.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget

from ceplanner.core import i18n as core_i18n
from ceplanner.core.library import resource_path
from ceplanner.core.money import CURRENCIES
from ceplanner.core.serialize import plan_to_json
from ceplanner.ui.wizard import STEPS
from tests.ui.conftest import open_window
from tests.ui.pseudo import (
    Judge,
    PseudoTranslator,
    Shown,
    collect_texts,
    core_fragments,
    core_pseudo,
    plan_strings,
    pseudo,
    strings_in,
)

INCLUDE_CORE = os.environ.get("CEPLANNER_PSEUDO_CORE", "1") == "1"
"""Core's words are judged like the window's own (``CEPLANNER_PSEUDO_CORE=0`` sets them apart,
to see what is left of the window's own words alone)."""


@pytest.fixture
def pseudo_translated(qapp: Any) -> Iterator[PseudoTranslator]:
    """The pseudo-translator, installed for Qt and for core before any window is built."""
    translator = PseudoTranslator()
    qapp.installTranslator(translator)
    core_i18n.set_translator(core_pseudo)
    yield translator
    core_i18n.set_translator(None)
    qapp.removeTranslator(translator)


def _views(page: Any) -> list[tuple[QTabWidget | None, int]]:
    tabs = [t for t in page.findChildren(QTabWidget)]
    return [(None, -1)] + [(t, i) for t in tabs for i in range(t.count())]


def _judge(window: Any, sample_file: Path, include_core: bool, *typed: str) -> Judge:
    import json

    methods = strings_in(json.loads(resource_path("methods.json").read_text(encoding="utf-8")))
    currencies = set(CURRENCIES) | {symbol.strip() for symbol, _digits in CURRENCIES.values()}  # ISO codes
    data = plan_strings(plan_to_json(window.doc.plan), sample_file.name, str(sample_file), *typed)
    data |= methods | currencies
    return Judge(data, None if include_core else core_fragments())


def _every_view(qtbot: Any, window: Any) -> Iterator[tuple[str, Any]]:
    for index, step in enumerate(STEPS):
        window.go_to(index)
        page = window.page(index)
        for tabs, tab in _views(page):
            if tabs is not None:
                tabs.setCurrentIndex(tab)
            qtbot.wait(10)
            yield (step.key + (f" / tab {tab}" if tabs is not None else "")), page


def test_pseudo_marks_everything_but_placeholders_and_tags() -> None:
    assert pseudo("Save {name} as <b>%n</b> &amp; more") == "⟦Šåvé {name} åš <b>%n</b> &amp; møré⟧"
    assert pseudo("") == ""
    assert QCoreApplication.translate("Any", "Saved") == "Saved"  # not installed here


def test_every_step_and_tab_shows_only_translated_words_or_data(
    qtbot: Any, sample_file: Path, pseudo_translated: PseudoTranslator
) -> None:
    assert QCoreApplication.translate("Any", "Saved") == "⟦Šåvéð⟧"
    window = open_window(qtbot, sample_file)
    window._mark_steps()  # the step list's warning marks and tooltips
    judge = _judge(window, sample_file, INCLUDE_CORE)
    first_seen: dict[Shown, str] = {}  # each text in each widget once, with the first view showing it
    for where, _page in _every_view(qtbot, window):
        for shown in collect_texts(window):
            first_seen.setdefault(shown, where)
    assert len(first_seen) > 1000  # the collector really reads the window
    problems = [f"[{first_seen[s]}] {line}" for s in first_seen for line in judge.unmarked([s])]
    assert problems == [], f"{len(problems)} untranslated texts:\n" + "\n".join(problems)


def test_an_untranslated_label_is_found_with_its_name_and_step(
    qtbot: Any, sample_file: Path, pseudo_translated: PseudoTranslator
) -> None:
    window = open_window(qtbot, sample_file)
    page = window.page(1)
    window.go_to(1)
    label = QLabel("Words nobody translated", page)
    label.setObjectName("forgotten_label")
    label.show()
    judge = _judge(window, sample_file, include_core=True)
    found = judge.unmarked(collect_texts(window))
    assert any("QLabel#forgotten_label label" in line and "Words nobody translated" in line for line in found)
    # The same label made with tr() is marked, and a label showing only the plan's data is not flagged.
    label.setText(label.tr("Words nobody translated"))
    name = window.doc.plan.groups[0].name
    data_label = QLabel(f"{name}: 1,250 · £3,400.50 · 12 March 2026", page)
    data_label.setObjectName("data_label")
    data_label.show()
    found = judge.unmarked(collect_texts(window))
    assert not any("forgotten_label" in line or "data_label" in line for line in found)


def test_the_start_screen_dialogs_and_guide_show_only_translated_words_or_data(
    qtbot: Any, sample_file: Path, pseudo_translated: PseudoTranslator
) -> None:
    from ceplanner.ui.check_settings_dialog import CheckSettingsDialog
    from ceplanner.ui.guide import guide_html
    from ceplanner.ui.snapshots_dialog import SnapshotsDialog
    from ceplanner.ui.start_screen import StartScreen

    window = open_window(qtbot, sample_file)
    judge = _judge(window, sample_file, INCLUDE_CORE, "Board draft")  # a snapshot's name is typed
    window.doc.take_snapshot("Board draft")
    problems: list[str] = []
    for make in (
        StartScreen,
        lambda: CheckSettingsDialog(window.doc, window),
        lambda: SnapshotsDialog(window.doc, window),
    ):
        widget = make()
        qtbot.addWidget(widget)
        widget.show()
        shown = collect_texts(widget)
        assert shown
        problems += judge.unmarked(shown)
        widget.close()
    problems += judge.unmarked([Shown(guide_html(), "guide_dialog text")])
    assert problems == [], "\n".join(problems)
