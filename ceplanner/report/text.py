"""User text into reportlab markup: every user string passes through here before a Paragraph.

reportlab's ``Paragraph`` parses its text as XML-like markup, so a name such as ``<script>``
raises and ``a<b & c>d`` loses characters unless escaped. :func:`escape` is the one place that
turns plain text into safe markup; :class:`TextRenderer` adds font fallback for characters the
base font lacks and records those no installed font can show.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from ceplanner.report.fonts import REPLACEMENT, is_cjk

_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _clean(text: str) -> str:
    """Normalise line ends and drop control characters and lone surrogates (tabs become spaces)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if text.isprintable() or all(ch == "\n" or ch.isprintable() for ch in text):
        return text
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch == "\n" or category not in ("Cc", "Cs", "Co", "Cn"):
            out.append(ch)
        elif category in ("Cs", "Co", "Cn"):
            out.append(REPLACEMENT)
    return "".join(out)


def escape(text: str) -> str:
    """Plain user text as reportlab markup: ``&``, ``<`` and ``>`` escaped, newlines as ``<br/>``."""
    return _clean(text).translate(_XML).replace("\n", "<br/>")


_RTL = frozenset(("R", "AL"))


def _is_rtl_word(word: str) -> bool:
    """A word whose strong characters are all right to left (Arabic, Urdu, Hebrew ...)."""
    strong = [unicodedata.bidirectional(ch) for ch in word]
    strong = [kind for kind in strong if kind in ("L", "R", "AL")]
    return bool(strong) and all(kind in _RTL for kind in strong)


def _reversed_letters(word: str) -> str:
    """A word's letters in reverse order, each combining mark kept after its letter."""
    clusters: list[str] = []
    for ch in word:
        if clusters and unicodedata.combining(ch):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return "".join(reversed(clusters))


def visual_order(text: str, shaped: Callable[[str], bool] = lambda word: True) -> str:
    """Words of right-to-left runs in the order they are read on the page (a minimal bidi step).

    reportlab lays words out left to right. A run of right-to-left words is reversed here so
    that it reads correctly when it fits one line (names, titles, short phrases). The letters of
    a word that ``shaped`` says reportlab will shape (HarfBuzz puts them right to left) are left
    alone; those of other right-to-left words (Hebrew in DejaVu Sans) are reversed here.
    """
    if not any(unicodedata.bidirectional(ch) in _RTL for ch in text):
        return text
    lines = []
    for line in text.split("\n"):
        words = line.split(" ")
        out: list[str] = []
        run: list[str] = []
        for word in words:
            if _is_rtl_word(word):
                run.append(word if shaped(word) else _reversed_letters(word))
                continue
            out += reversed(run)
            run = []
            out.append(word)
        out += reversed(run)
        lines.append(" ".join(out))
    return "\n".join(lines)


class TextRenderer:
    """Turns user text into markup for the fonts available, remembering what it could not show.

    ``base`` is the set of code points the base font (every style of it) can draw. ``fallback``
    is looked up lazily, the first time a character outside ``base`` appears, and gives a font
    name and its code points, or None when no fallback font is installed.
    """

    def __init__(
        self,
        base: frozenset[int],
        fallback: Callable[[], tuple[str, frozenset[int]] | None] | None = None,
        scripts: Callable[[], Sequence[tuple[str, frozenset[int]]]] | None = None,
    ) -> None:
        self._base = base
        self._fallback_loader = fallback
        self._scripts_loader = scripts
        self._fallback: tuple[str, frozenset[int]] | None = None
        self._fonts: list[tuple[str, frozenset[int]]] = []
        self._bold_fonts: frozenset[str] = frozenset()
        """Fallback fonts with a bold face registered as ``name + "-Bold"`` (the script fonts)."""
        self._fallback_loaded = fallback is None and scripts is None
        self.missing: set[str] = set()
        """Characters replaced by the replacement mark because no font could draw them."""

    def _fallback_fonts(self) -> list[tuple[str, frozenset[int]]]:
        """The CJK fallback, if any, then the fallback fonts for other scripts."""
        if not self._fallback_loaded:
            self._fallback_loaded = True
            self._fallback = self._fallback_loader() if self._fallback_loader else None
            scripts = list(self._scripts_loader()) if self._scripts_loader else []
            self._bold_fonts = frozenset(name for name, _ in scripts)
            self._fonts = ([self._fallback] if self._fallback else []) + scripts
        return self._fonts

    def _runs(self, text: str) -> list[tuple[str | None, str]]:
        """Split cleaned text into (font name or None for the base font, text) runs."""
        runs: list[tuple[str | None, str]] = []
        current: str | None = None
        buf: list[str] = []
        for ch in text:
            font: str | None = None
            if ch != "\n" and ord(ch) not in self._base:
                if current is not None and ord(ch) in self._font_chars(current):
                    font = current  # marks and joiners stay in the run they belong to
                else:
                    font = next((name for name, chars in self._fallback_fonts() if ord(ch) in chars), None)
                if font is None:
                    self.missing.add(ch)
                    ch = REPLACEMENT
            if font != current and buf:
                runs.append((current, "".join(buf)))
                buf = []
            current = font
            buf.append(ch)
        if buf:
            runs.append((current, "".join(buf)))
        return runs

    def _font_chars(self, name: str) -> frozenset[int]:
        return next((chars for n, chars in self._fallback_fonts() if n == name), frozenset())

    def covers(self, text: str) -> bool:
        """Whether the base font can draw every character of ``text`` as it stands (text with
        right-to-left letters must first be put in visual order by :meth:`markup`)."""
        base = self._base
        return all(ord(ch) in base and unicodedata.bidirectional(ch) not in _RTL for ch in text)

    def markup(self, text: str | None, *, limit: int | None = None, bold: bool = False) -> str:
        """Safe markup for ``text``; ``limit`` cuts it to that many characters with an ellipsis.

        ``bold``: the text is set in bold (inside ``<b>`` or a bold style). reportlab's
        ``<font name=…>`` resets bold, so runs in a script fallback font name its bold face
        (registered as ``name + "-Bold"``); the CJK fallback has no bold.
        """
        text = _clean(text or "")
        if limit is not None and len(text) > limit:
            text = text[: max(limit - 1, 0)].rstrip() + "…"
        text = visual_order(text, lambda word: any(ord(ch) not in self._base for ch in word))
        if all(ord(ch) in self._base or ch == "\n" for ch in text):
            return escape(text)
        parts = []
        for font, run in self._runs(text):
            escaped = escape(run)
            if font is not None and bold and font in self._bold_fonts:
                font += "-Bold"
            parts.append(escaped if font is None else f'<font name="{font}">{escaped}</font>')
        return "".join(parts)

    def plain(self, text: str | None, *, limit: int | None = None) -> str:
        """``text`` with characters no font can show replaced, for places that take no markup."""
        text = _clean(text or "").replace("\n", " ")
        if limit is not None and len(text) > limit:
            text = text[: max(limit - 1, 0)].rstrip() + "…"
        return "".join(ch if ord(ch) in self._base else REPLACEMENT for ch in text)

    def missing_note(self) -> str | None:
        """A sentence for the reader when some characters could not be shown, else None."""
        if not self.missing:
            return None
        if self._fallback is None and any(is_cjk(ch) for ch in self.missing):
            return (
                "Some characters could not be shown: no CJK font is installed. Chinese, Japanese "
                f"and Korean characters appear as {REPLACEMENT}. Install a font such as WenQuanYi "
                "Zen Hei or Droid Sans Fallback and export again to show them."
            )
        return (
            "Some characters could not be shown because no installed font includes them; "
            f"they appear as {REPLACEMENT}."
        )
