"""The report's reportlab mini-markup read back as formatted runs of text, for the Word document.

Sections write paragraphs as reportlab markup (``<b>``, ``<i>``, ``<font color=…>``, ``<br/>``,
``<a href=…>``), user text escaped by :func:`ceplanner.report.text.escape`. This reads that
markup with the standard HTML parser, so entities (``&amp;``, ``&lt;``, ``&nbsp;``) become the
characters they stand for exactly once and typed text comes out as it was typed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html.parser import HTMLParser


@dataclass(frozen=True)
class Run:
    """A piece of text in one format; ``text`` "\\n" with ``line_break`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    color: str | None = None
    """"RRGGBB" without the hash, or None for the style's colour."""
    link: str | None = None
    """Target of an ``<a href>``: "#key" for a place in the document."""
    superscript: bool = False
    subscript: bool = False
    line_break: bool = False


_STYLE_TAGS = {"b", "strong", "i", "em", "font", "a", "super", "sup", "sub", "span", "u", "strike"}


def _colour(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if value.startswith("#") and len(value) == 7:
        return value[1:].upper()
    return None


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[Run] = []
        self._stack: list[tuple[str, Run]] = [("", Run(""))]

    @property
    def _format(self) -> Run:
        return self._stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "br":
            self.runs.append(replace(self._format, text="\n", line_break=True))
            return
        if tag not in _STYLE_TAGS and tag != "para":
            # Not a tag the report writes: text that slipped through unescaped is kept as typed.
            self.handle_data(self.get_starttag_text() or "")
            return
        fmt = self._format
        if tag in ("b", "strong"):
            fmt = replace(fmt, bold=True)
        elif tag in ("i", "em"):
            fmt = replace(fmt, italic=True)
        elif tag == "font":
            fmt = replace(fmt, color=_colour(attr.get("color")) or fmt.color)
        elif tag == "a":
            fmt = replace(fmt, link=attr.get("href") or None, color=_colour(attr.get("color")) or fmt.color)
        elif tag in ("super", "sup"):
            fmt = replace(fmt, superscript=True)
        elif tag == "sub":
            fmt = replace(fmt, subscript=True)
        self._stack.append((tag, fmt))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.handle_starttag(tag, attrs)
        elif tag not in _STYLE_TAGS:
            self.handle_data(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            return
        for i in range(len(self._stack) - 1, 0, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if data:
            self.runs.append(replace(self._format, text=data))


def runs(markup: str) -> list[Run]:
    """The formatted runs of reportlab ``markup``, neighbours of one format merged."""
    reader = _Reader()
    reader.feed(markup)
    reader.close()
    merged: list[Run] = []
    for run in reader.runs:
        if merged and not run.line_break and not merged[-1].line_break and _same(merged[-1], run):
            merged[-1] = replace(merged[-1], text=merged[-1].text + run.text)
        else:
            merged.append(run)
    return merged


def _same(a: Run, b: Run) -> bool:
    return replace(a, text="") == replace(b, text="")


def plain_text(markup: str) -> str:
    """The text of ``markup`` without its formatting (line breaks as "\\n")."""
    return "".join(run.text for run in runs(markup))
