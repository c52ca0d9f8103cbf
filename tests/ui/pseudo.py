"""A pseudo-translation and a collector of every text the window shows, to find untranslated ones.

:class:`PseudoTranslator` turns every text Qt is asked to translate into a visibly marked form
("⟦Šåvéð⟧"), keeping ``{placeholders}``, ``%n``, ``%1`` and HTML tags intact so the application
still formats and renders it. :func:`collect_texts` gathers what a widget tree shows (labels,
buttons, group boxes, tabs, placeholders, combo items, table headers and cells, tooltips, menus);
:func:`unmarked` keeps those that are neither marked nor made only of the plan's own data.
"""

from __future__ import annotations

import ast
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

import ceplanner

OPEN, CLOSE = "⟦", "⟧"
_ACCENTS = str.maketrans(
    "aeiouyAEIOUYcnsdzCNSDZ",
    "åéîøüýÅÉÎØÜÝçñšðžÇÑŠÐŽ",
)
_KEEP = re.compile(r"(\{[^{}]*\}|%n|%L?\d|<[^<>]*>|&[#\w]+;)")


def pseudo(text: str) -> str:
    """``text`` marked and accented, with placeholders, tags and entities left as they are."""
    if not text:
        return text
    parts = _KEEP.split(text)
    return OPEN + "".join(p if i % 2 else p.translate(_ACCENTS) for i, p in enumerate(parts)) + CLOSE


class PseudoTranslator(QTranslator):
    """Translates every text of every context into its :func:`pseudo` form."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


def core_pseudo(context: str, text: str) -> str:
    """The same marker for ``ceplanner.core``'s words (its ``set_translator`` hook)."""
    return pseudo(text)


# -- collecting -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """One text the window shows, and where."""

    text: str
    where: str
    """The widget's class and objectName, and the kind of text (label, tooltip, header ...)."""


def _name(widget: Any) -> str:
    return f"{type(widget).__name__}#{widget.objectName() or '?'}"


def _model_texts(model: QAbstractItemModel, columns: int, owner: str, rows: int = 40) -> Iterable[Shown]:
    horizontal = Qt.Orientation.Horizontal
    for column in range(columns):
        for role, kind in (
            (Qt.ItemDataRole.DisplayRole, "header"),
            (Qt.ItemDataRole.ToolTipRole, "header tip"),
        ):
            value = model.headerData(column, horizontal, role)
            if isinstance(value, str):
                yield Shown(value, f"{owner} {kind} {column}")

    def walk(parent: Any, depth: int) -> Iterable[Shown]:
        for row in range(min(model.rowCount(parent), rows)):
            for column in range(columns):
                index = model.index(row, column, parent)
                for role, kind in (
                    (Qt.ItemDataRole.DisplayRole, "cell"),
                    (Qt.ItemDataRole.ToolTipRole, "cell tip"),
                ):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield Shown(value, f"{owner} {kind} ({row}, {column})")
            first = model.index(row, 0, parent)
            if depth < 3 and model.rowCount(first) > 0:
                yield from walk(first, depth + 1)

    yield from walk(QModelIndex(), 0)


def _menu_texts(menu: QMenu, owner: str) -> Iterable[Shown]:
    yield Shown(menu.title(), f"{owner} menu")
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), owner)
        else:
            yield Shown(action.text(), f"{owner} action {action.objectName() or '?'}")


def collect_texts(root: QWidget) -> list[Shown]:
    """Every text shown by ``root`` and the visible widgets under it (and its menu bar)."""
    found: list[Shown] = []
    widgets = [root] + [w for w in root.findChildren(QWidget) if w.isVisibleTo(root)]
    for widget in widgets:
        name = _name(widget)
        if widget.toolTip():
            found.append(Shown(widget.toolTip(), f"{name} tooltip"))
        if widget.statusTip():
            found.append(Shown(widget.statusTip(), f"{name} status tip"))
        if isinstance(widget, QLabel):
            found.append(Shown(widget.text(), f"{name} label"))
        elif isinstance(widget, QAbstractButton):
            found.append(Shown(widget.text(), f"{name} button"))
        elif isinstance(widget, QGroupBox):
            found.append(Shown(widget.title(), f"{name} group box"))
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            found.append(Shown(widget.placeholderText(), f"{name} placeholder"))
        elif isinstance(widget, QComboBox):
            found.extend(Shown(widget.itemText(i), f"{name} item {i}") for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                found.append(Shown(widget.tabText(i), f"{name} tab {i}"))
                if widget.tabToolTip(i):
                    found.append(Shown(widget.tabToolTip(i), f"{name} tab tip {i}"))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():  # the power grid's points: labels and tooltips
                if isinstance(item, QGraphicsSimpleTextItem | QGraphicsTextItem):
                    text = item.text() if isinstance(item, QGraphicsSimpleTextItem) else item.toPlainText()
                    found.append(Shown(text, f"{name} scene text"))
                if item.toolTip():
                    found.append(Shown(item.toolTip(), f"{name} scene tooltip"))
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                item = widget.item(i)
                found.append(Shown(item.text(), f"{name} item {i}"))
                if item.toolTip():
                    found.append(Shown(item.toolTip(), f"{name} item tip {i}"))
        elif isinstance(widget, QTableView) and widget.model() is not None:
            found.extend(_model_texts(widget.model(), widget.horizontalHeader().count(), name))
        elif isinstance(widget, QTreeView) and widget.model() is not None:
            found.extend(_model_texts(widget.model(), widget.header().count(), name))
    menu_bar = getattr(root, "menuBar", None)
    if callable(menu_bar):
        for action in menu_bar().actions():
            if action.menu() is not None:
                found.extend(_menu_texts(action.menu(), "menu bar"))
    if root.windowTitle():
        found.append(Shown(root.windowTitle(), f"{_name(root)} window title"))
    return [s for s in found if s.text.strip()]


# -- judging ----------------------------------------------------------------------------------

_TAG = re.compile(r"<[^<>]*>")
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_WORD = re.compile(r"[^\W\d_]{2,}")
MONTHS = set(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


def plain(text: str) -> str:
    """The words of ``text``: HTML tags and entities gone, mnemonic "&" gone, spaces collapsed."""
    text = html.unescape(_TAG.sub(" ", text)) if "<" in text or "&" in text else text
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def strings_in(value: Any) -> set[str]:
    """Every string value inside a JSON-like value (not its keys: field names are never shown)."""
    found: set[str] = set()
    if isinstance(value, str):
        found.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            found |= strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            found |= strings_in(item)
    return found


@dataclass(frozen=True)
class CoreWords:
    """The words ``ceplanner/core`` produces (finding messages, enumeration labels, summaries)
    before they are routed through ``ceplanner.core.i18n``: its string literals, and its
    f-strings as patterns (a value stands for any text)."""

    literals: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    joining_words: frozenset[str]
    """The words of f-strings' literal parts ("of" in "{part} of {whole}"): what is left of
    core's composed texts once their values and longer parts are taken out."""


def core_fragments() -> CoreWords:
    literals: set[str] = set()
    patterns: set[str] = set()
    joining: set[str] = set()
    for path in (Path(ceplanner.__file__).parent / "core").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstrings = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in in_fstrings:
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                for v in node.values:
                    if isinstance(v, ast.Constant):
                        joining |= {w.lower() for w in _WORD.findall(str(v.value))}
                parts = [
                    re.escape(" ".join(v.value.split())) if isinstance(v, ast.Constant) else ".+?"
                    for v in node.values
                ]
                if sum(len(p) for p in parts if p != ".+?") >= 6:
                    patterns.add("".join(parts))
    compiled = tuple(re.compile(p) for p in sorted(patterns, key=len, reverse=True))
    return CoreWords(frozenset(literals), compiled, frozenset(joining))


class Judge:
    """Says which shown texts are neither marked as translated nor made of data."""

    def __init__(self, data: set[str], core: CoreWords | None = None) -> None:
        self.data = self._pieces(data)
        self.core = self._pieces(core.literals) if core is not None else []
        self.core_patterns = core.patterns if core is not None else ()
        self.core_joining = core.joining_words if core is not None else frozenset()
        self._verdicts: dict[str, str] = {}

    @staticmethod
    def _pieces(strings: Iterable[str]) -> list[str]:
        pieces = {plain(s) for s in strings}
        for s in list(pieces):  # multi-line data is shown line by line, too
            pieces |= {" ".join(line.split()) for line in s.splitlines()}
        # Longest first, so "Deaf BSL users" goes before "users"; two-letter words are noise.
        return sorted((p for p in pieces if len(p) >= 3 and _WORD.search(p)), key=len, reverse=True)

    @staticmethod
    def _without(text: str, pieces: list[str], any_case: bool = False) -> str:
        """``text`` with each of ``pieces`` taken out (in any case: core's words are lowered)."""
        if any_case:
            lowered = text.lower()
            for piece in pieces:
                if piece.lower() in lowered:
                    text = re.sub(re.escape(piece), " ", text, flags=re.IGNORECASE)
                    lowered = text.lower()
            return text
        for piece in pieces:
            if piece in text:
                text = text.replace(piece, " ")
        return text

    def residue(self, text: str) -> str:
        """What is left of ``text`` once marked parts, data and numbers are taken out."""
        text = plain(text)
        while True:
            shorter = _MARKED.sub(" ", text)
            if shorter == text:
                break
            text = shorter
        left = self._words(self._without(text, self.data))
        if left and (self.core or self.core_patterns):
            # Data inside core's words and core's words inside data: take whichever order explains more.
            orders = [
                (self._patterns, self._data, self._core),
                (self._patterns, self._core, self._data),
                (self._data, self._patterns, self._core),
                (self._core, self._data, self._patterns),
            ]
            results = []
            for steps in orders:
                rest = text
                for step in steps:
                    rest = step(rest)
                results.append(self._words(rest))
            left = min(results, key=lambda words: len(words.split()))
            if all(word.lower() in self.core_joining for word in left.split()):
                left = ""
        return left

    def _patterns(self, text: str) -> str:
        for pattern in self.core_patterns:
            text = pattern.sub(" ", text)
        return text

    def _data(self, text: str) -> str:
        return self._without(text, self.data)

    def _core(self, text: str) -> str:
        return self._without(text, self.core, any_case=True)

    @staticmethod
    def _words(text: str) -> str:
        return " ".join(w for w in _WORD.findall(text) if w.lower() not in MONTHS)

    def unmarked(self, shown: Iterable[Shown]) -> list[str]:
        """A line per text that shows words nobody translated: the words, the text, where."""
        verdicts = self._verdicts
        lines = []
        for s in shown:
            if s.text not in verdicts:
                verdicts[s.text] = self.residue(s.text)
            if left := verdicts[s.text]:
                lines.append(f"{s.where}: {left!r} in {plain(s.text)[:120]!r}")
        return lines


def plan_strings(plan_json: str, *extra: str) -> set[str]:
    return strings_in(json.loads(plan_json)) | set(extra)
