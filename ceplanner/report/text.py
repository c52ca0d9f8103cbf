"""User text into reportlab markup: every user string passes through here before a Paragraph.

reportlab's ``Paragraph`` parses its text as XML-like markup, so a name such as ``<script>``
raises and ``a<b & c>d`` loses characters unless escaped. :func:`escape` is the one place that
turns plain text into safe markup; :class:`TextRenderer` adds font fallback for characters the
base font lacks and records those no installed font can show.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

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
    ) -> None:
        self._base = base
        self._fallback_loader = fallback
        self._fallback: tuple[str, frozenset[int]] | None = None
        self._fallback_loaded = fallback is None
        self.missing: set[str] = set()
        """Characters replaced by the replacement mark because no font could draw them."""

    def _fallback_font(self) -> tuple[str, frozenset[int]] | None:
        if not self._fallback_loaded:
            self._fallback_loaded = True
            self._fallback = self._fallback_loader() if self._fallback_loader else None
        return self._fallback

    def _runs(self, text: str) -> list[tuple[str | None, str]]:
        """Split cleaned text into (font name or None for the base font, text) runs."""
        runs: list[tuple[str | None, str]] = []
        current: str | None = None
        buf: list[str] = []
        for ch in text:
            font: str | None = None
            if ch != "\n" and ord(ch) not in self._base:
                fallback = self._fallback_font()
                if fallback is not None and ord(ch) in fallback[1]:
                    font = fallback[0]
                else:
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

    def covers(self, text: str) -> bool:
        """Whether the base font can draw every character of ``text``."""
        base = self._base
        return all(ord(ch) in base for ch in text)

    def markup(self, text: str | None, *, limit: int | None = None) -> str:
        """Safe markup for ``text``; ``limit`` cuts it to that many characters with an ellipsis."""
        text = _clean(text or "")
        if limit is not None and len(text) > limit:
            text = text[: max(limit - 1, 0)].rstrip() + "…"
        if all(ord(ch) in self._base or ch == "\n" for ch in text):
            return escape(text)
        parts = []
        for font, run in self._runs(text):
            escaped = escape(run)
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
