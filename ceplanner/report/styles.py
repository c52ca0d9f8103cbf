"""Fonts, colours and paragraph styles of the strategy document.

DejaVu Sans (regular, bold, oblique, bold-oblique) is registered with reportlab from
matplotlib's data folder, so the PDF and the charts share one typeface and non-Latin-1 text
renders. A CJK font, when one is installed, is registered only once a CJK character appears.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ceplanner.core import palette
from ceplanner.report.fonts import (
    BASE_FONT,
    CJK_FONT,
    DEJAVU_FILES,
    SCRIPT_FONTS,
    dejavu_dir,
    find_cjk_font,
    find_script_font,
)
from ceplanner.report.text import TextRenderer

BOLD = BASE_FONT + "-Bold"
ITALIC = BASE_FONT + "-Oblique"
BOLD_ITALIC = BASE_FONT + "-BoldOblique"

# The one palette of ceplanner (core/palette.py): one deep blue for structure, greys for rules,
# a warm accent for flags (WARNING where it is text, readable at 4.5:1 or more).
NAVY = colors.HexColor(palette.NAVY)
BLUE = colors.HexColor(palette.BLUE)
TEXT = colors.HexColor(palette.TEXT)
MUTED = colors.HexColor(palette.MUTED)
RULE = colors.HexColor(palette.RULE)
HEADER_BG = colors.HexColor("#E6ECF2")
ZEBRA = colors.HexColor("#F6F8FA")
PANEL = colors.HexColor(palette.PANEL)
ACCENT = colors.HexColor(palette.VERMILLION)
WARNING = colors.HexColor(palette.WARNING)
NOTE_BG = colors.HexColor("#FBF3E6")


SHAPED_SCRIPTS = frozenset(
    cp
    for first, last in (
        (0x0600, 0x06FF),
        (0x0750, 0x077F),
        (0x08A0, 0x08FF),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
        (0x0900, 0x097F),
        (0xA8E0, 0xA8FF),
    )
    for cp in range(first, last + 1)
)
"""Arabic script and Devanagari: never drawn in DejaVu Sans, which would not join or shape them."""


@lru_cache(maxsize=1)
def register_base_fonts() -> frozenset[int]:
    """Register DejaVu Sans in its four styles; return the code points all four can draw."""
    folder = dejavu_dir()
    coverage: frozenset[int] | None = None
    for name, filename in DEJAVU_FILES.items():
        # Not shaped: HarfBuzz would apply DejaVu's "st" and similar ligatures to English text.
        # Its right-to-left scripts (Hebrew) need no joining; text.visual_order orders them.
        font = TTFont(name, str(folder / filename), shapable=False)
        pdfmetrics.registerFont(font)
        chars = frozenset(font.face.charToGlyph)
        coverage = chars if coverage is None else coverage & chars
    pdfmetrics.registerFontFamily(
        BASE_FONT, normal=BASE_FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    assert coverage is not None
    # DejaVu draws some Arabic letters, but unjoined (it is not shaped): those scripts are left
    # to a shaped fallback font (or marked as missing).
    return coverage - SHAPED_SCRIPTS


@lru_cache(maxsize=1)
def register_cjk_font() -> tuple[str, frozenset[int]] | None:
    """Register the installed CJK fallback font, if there is one; its name and code points."""
    found = find_cjk_font()
    if found is None:
        return None
    try:
        font = TTFont(CJK_FONT, str(found.path), subfontIndex=found.index)
    except Exception:  # a font that loaded when probed but fails now: behave as if absent
        return None
    pdfmetrics.registerFont(font)
    # Bold and italic runs of CJK text use the same face rather than failing to map.
    pdfmetrics.registerFontFamily(
        CJK_FONT, normal=CJK_FONT, bold=CJK_FONT, italic=CJK_FONT, boldItalic=CJK_FONT
    )
    return CJK_FONT, frozenset(font.face.charToGlyph)


@lru_cache(maxsize=1)
def register_script_fonts() -> tuple[tuple[str, frozenset[int]], ...]:
    """Register the installed fallback fonts for Arabic script and Devanagari (see
    ``fonts.SCRIPT_FONTS``); each font's name and the code points its regular and bold share."""
    registered = []
    for script in SCRIPT_FONTS:
        found = find_script_font(script)
        if found is None:
            continue
        name = f"CePlanner{script}"
        try:
            regular = TTFont(name, str(found.regular))
            bold = TTFont(name + "-Bold", str(found.bold))
        except Exception:  # a font that loaded when probed but fails now: behave as if absent
            continue
        pdfmetrics.registerFont(regular)
        pdfmetrics.registerFont(bold)
        # These scripts have no italic: italic runs use the upright face rather than fail.
        pdfmetrics.registerFontFamily(
            name, normal=name, bold=name + "-Bold", italic=name, boldItalic=name + "-Bold"
        )
        chars = frozenset(regular.face.charToGlyph) & frozenset(bold.face.charToGlyph)
        registered.append((name, chars))
    return tuple(registered)


def new_renderer() -> TextRenderer:
    """A text renderer for one document (it collects that document's unshowable characters)."""
    return TextRenderer(register_base_fonts(), register_cjk_font, register_script_fonts)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_right_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_org: ParagraphStyle
    cover_meta: ParagraphStyle
    figure_caption: ParagraphStyle
    toc_0: ParagraphStyle
    toc_1: ParagraphStyle
    bullet: ParagraphStyle
    note: ParagraphStyle
    key_value: ParagraphStyle
    key_label: ParagraphStyle


@lru_cache(maxsize=1)
def make_styles() -> Styles:
    register_base_fonts()
    body = ParagraphStyle(
        "Body",
        fontName=BASE_FONT,
        bulletFontName=BASE_FONT,
        fontSize=9.5,
        leading=14,
        textColor=TEXT,
        spaceAfter=6,
        alignment=TA_LEFT,
        # Arabic script and Devanagari need shaping (joined letters, conjuncts): reportlab does it
        # with HarfBuzz (uharfbuzz) for every style derived from this one.
        shaping=1,
    )
    cell = ParagraphStyle("Cell", parent=body, fontSize=8, leading=10.4, spaceAfter=0)
    return Styles(
        body=body,
        lead=ParagraphStyle("Lead", parent=body, fontSize=10.5, leading=15.5, spaceAfter=8),
        small=ParagraphStyle("Small", parent=body, fontSize=8, leading=11),
        muted=ParagraphStyle("Muted", parent=body, fontSize=8.5, leading=12, textColor=MUTED),
        h1=ParagraphStyle(
            "Heading1",
            parent=body,
            fontName=BOLD,
            fontSize=17,
            leading=22,
            textColor=NAVY,
            spaceBefore=22,
            spaceAfter=10,
        ),
        h2=ParagraphStyle(
            "Heading2",
            parent=body,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            textColor=NAVY,
            spaceBefore=12,
            spaceAfter=5,
        ),
        h3=ParagraphStyle(
            "Heading3",
            parent=body,
            fontName=BOLD,
            fontSize=9.5,
            leading=13,
            textColor=TEXT,
            spaceBefore=8,
            spaceAfter=3,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("CellBold", parent=cell, fontName=BOLD),
        cell_right=ParagraphStyle("CellRight", parent=cell, alignment=TA_RIGHT),
        cell_right_bold=ParagraphStyle("CellRightBold", parent=cell, fontName=BOLD, alignment=TA_RIGHT),
        cell_head=ParagraphStyle("CellHead", parent=cell, fontName=BOLD, textColor=NAVY),
        cell_head_right=ParagraphStyle(
            "CellHeadRight", parent=cell, fontName=BOLD, textColor=NAVY, alignment=TA_RIGHT
        ),
        cover_title=ParagraphStyle(
            "CoverTitle", parent=body, fontName=BOLD, fontSize=28, leading=34, textColor=NAVY, spaceAfter=14
        ),
        cover_subtitle=ParagraphStyle(
            "CoverSubtitle", parent=body, fontSize=13, leading=18, textColor=BLUE, spaceAfter=30
        ),
        cover_org=ParagraphStyle(
            "CoverOrg", parent=body, fontName=BOLD, fontSize=13, leading=18, textColor=TEXT, spaceAfter=4
        ),
        cover_meta=ParagraphStyle("CoverMeta", parent=body, fontSize=9.5, leading=14, spaceAfter=0),
        figure_caption=ParagraphStyle(
            "Caption", parent=body, fontName=ITALIC, fontSize=8, leading=11, textColor=MUTED, spaceBefore=2
        ),
        toc_0=ParagraphStyle(
            "TOC0",
            parent=body,
            shaping=0,  # fixed headings; reportlab 5.1 fails to shape the contents' dot leaders
            fontSize=10,
            leading=13,
            leftIndent=0,
            firstLineIndent=0,
            spaceBefore=6,
            spaceAfter=1,
        ),
        toc_1=ParagraphStyle(
            "TOC1",
            parent=body,
            shaping=0,
            fontSize=8.5,
            leading=11,
            leftIndent=14,
            firstLineIndent=0,
            textColor=MUTED,
            spaceAfter=0,
        ),
        bullet=ParagraphStyle("Bullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=3),
        note=ParagraphStyle("Note", parent=body, fontSize=9, leading=13, textColor=TEXT, spaceAfter=0),
        key_value=ParagraphStyle(
            "KeyValue", parent=body, fontName=BOLD, fontSize=14, leading=17, textColor=NAVY, spaceAfter=0
        ),
        key_label=ParagraphStyle(
            "KeyLabel", parent=body, fontSize=8, leading=10, textColor=MUTED, spaceAfter=0
        ),
    )
