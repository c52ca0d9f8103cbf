"""Font files for the report and its charts: DejaVu Sans from matplotlib, and a CJK fallback if any.

Built-in PDF fonts are Latin-1 only, so the report embeds DejaVu Sans (shipped with matplotlib)
for Polish, Greek, Cyrillic and the like. DejaVu has no Chinese, Japanese or Korean glyphs: if
the system has a CJK font that reportlab can embed (TrueType outlines; CFF-based OpenType such
as the Noto Sans CJK ``.ttc`` files cannot be), it is used for those characters only.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

BASE_FONT = "DejaVuSans"
CJK_FONT = "CePlannerCJK"
DEJAVU_FILES: dict[str, str] = {
    BASE_FONT: "DejaVuSans.ttf",
    BASE_FONT + "-Bold": "DejaVuSans-Bold.ttf",
    BASE_FONT + "-Oblique": "DejaVuSans-Oblique.ttf",
    BASE_FONT + "-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}
REPLACEMENT = "\u25a1"  # WHITE SQUARE, in DejaVu Sans: stands for a character no font can show
PROBE_CHARS = "中の"  # a CJK fallback must have at least these (characters it lacks are still noted)

# File names (lower case, without extension) of CJK fonts with TrueType outlines, best first.
_CJK_NAMES: tuple[str, ...] = (
    "wqy-microhei",
    "wqy-zenhei",
    "droidsansfallbackfull",
    "droidsansfallback",
    "notosanscjk-regular",
    "notosanscjksc-regular",
    "msyh",
    "msgothic",
    "malgun",
    "simsun",
    "simhei",
    "arial unicode",
    "arialuni",
    "uming",
    "ukai",
)


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int = 0
    """Sub-font index inside a ``.ttc`` collection."""


def dejavu_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".fonts",
        home / ".local" / "share" / "fonts",
    ]
    if sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs += [windir / "Fonts", home / "AppData" / "Local" / "Microsoft" / "Windows" / "Fonts"]
    return [d for d in dirs if d.is_dir()]


def cjk_candidates() -> list[FontFile]:
    """Installed font files that may hold CJK glyphs, best first (not yet checked)."""
    found: dict[str, list[Path]] = {}
    for top in _font_dirs():
        for root, _dirs, files in os.walk(top):
            for name in files:
                stem, ext = os.path.splitext(name.lower())
                if ext in (".ttf", ".ttc") and stem in _CJK_NAMES:
                    found.setdefault(stem, []).append(Path(root) / name)
    return [FontFile(path) for stem in _CJK_NAMES for path in sorted(found.get(stem, []))]


def _loadable(font: FontFile) -> bool:
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        face = TTFont("probe", str(font.path), subfontIndex=font.index).face
    except Exception:  # any unreadable font is simply not a candidate
        return False
    return all(ord(ch) in face.charToGlyph for ch in PROBE_CHARS)


@lru_cache(maxsize=1)
def find_cjk_font() -> FontFile | None:
    """The first installed CJK font that reportlab can embed, or None. Looked up once."""
    override = os.environ.get("CEPLANNER_CJK_FONT", "")
    if override:
        candidate = FontFile(Path(override))
        return candidate if _loadable(candidate) else None
    return next((font for font in cjk_candidates() if _loadable(font)), None)


SCRIPT_FONTS: dict[str, tuple[tuple[str, str], ...]] = {
    # Script: (regular, bold) file names, best first. Noto fonts are in Debian's fonts-noto-core.
    "Arabic": (
        ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
        ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf"),
        ("NotoSansArabicUI-Regular.ttf", "NotoSansArabicUI-Bold.ttf"),
    ),
    "Devanagari": (
        ("NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf"),
        ("Lohit-Devanagari.ttf", "Lohit-Devanagari.ttf"),
        ("Mangal.ttf", "Mangalb.ttf"),
    ),
}
"""Fallback fonts for scripts DejaVu Sans lacks, used for those characters only (shaped by
HarfBuzz through reportlab when ``uharfbuzz`` is installed)."""
SCRIPT_PROBES: dict[str, str] = {"Arabic": "\u0628\u06d2", "Devanagari": "\u0915\u093f"}
"""Characters a script's fallback font must have (Urdu's yeh barree is checked for Arabic)."""


@dataclass(frozen=True)
class ScriptFont:
    script: str
    regular: Path
    bold: Path


@lru_cache(maxsize=1)
def _font_files() -> dict[str, Path]:
    """Every installed font file by lower-case file name (the first found wins)."""
    found: dict[str, Path] = {}
    for top in _font_dirs():
        for root, _dirs, files in os.walk(top):
            for name in sorted(files):
                if name.lower().endswith((".ttf", ".otf")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _has(path: Path, chars: str) -> bool:
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        face = TTFont("probe", str(path)).face
    except Exception:  # unreadable or CFF outlines reportlab cannot embed: not a candidate
        return False
    return all(ord(ch) in face.charToGlyph for ch in chars)


@cache
def find_script_font(script: str) -> ScriptFont | None:
    """The first installed font for ``script`` (see ``SCRIPT_FONTS``) reportlab can embed."""
    files = _font_files()
    for regular, bold in SCRIPT_FONTS.get(script, ()):
        path = files.get(regular.lower())
        if path is not None and _has(path, SCRIPT_PROBES[script]):
            bold_path = files.get(bold.lower())
            usable = bold_path is not None and _has(bold_path, SCRIPT_PROBES[script])
            return ScriptFont(script, path, bold_path if usable and bold_path else path)
    return None


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` is a Chinese, Japanese or Korean character (the scripts DejaVu lacks)."""
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x9FFF  # radicals, kana, CJK symbols, unified ideographs
        or 0xAC00 <= cp <= 0xD7AF  # Hangul syllables
        or 0x1100 <= cp <= 0x11FF  # Hangul jamo
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0xFF00 <= cp <= 0xFFEF  # full-width forms
        or 0x20000 <= cp <= 0x3134F  # extension ideographs
    )
