"""Names in many scripts print in legible glyphs: shaped Arabic, Urdu and Hindi, CJK, Polish,
Welsh, Hebrew, Greek, Cyrillic. Checked on rendered page images, not only in extracted text."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from reportlab.platypus import Paragraph, SimpleDocTemplate

from ceplanner.core.model import StakeholderGroup
from ceplanner.report import styles
from ceplanner.report.fonts import find_cjk_font, find_script_font
from ceplanner.report.text import visual_order
from tests.report.report_fixtures import Pdf, make_rich_plan

NAMES = {
    "Arabic": "مجموعة السكان العرب",
    "Urdu": "اردو بولنے والے کرایہ دار",
    "Hindi": "हिंदी भाषी किरायेदार",
    "Chinese": "华人社区小组",
    "Polish": "Grupa polska z Łodzi",
    "Welsh": "Grŵp siaradwyr Cymraeg",
    "Hebrew": "קבוצת דיירים",
    "Greek": "Ελληνική ομάδα",
    "Cyrillic": "Русская группа",
}
SCRIPT_OF = {"Arabic": "Arabic", "Urdu": "Arabic", "Hindi": "Devanagari"}
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing"
)


def _installed(language: str) -> bool:
    if language == "Chinese":
        return find_cjk_font() is not None
    return language not in SCRIPT_OF or find_script_font(SCRIPT_OF[language]) is not None


def _pdf_of(markup: str, font: str | None = None) -> bytes:
    style = styles.make_styles().body
    if font is not None:
        style = styles.ParagraphStyle("Only", parent=style, fontName=font, shaping=0)
    buffer = io.BytesIO()
    margins = {"leftMargin": 5, "rightMargin": 5, "topMargin": 5, "bottomMargin": 5}
    SimpleDocTemplate(buffer, pagesize=(320, 40), **margins).build([Paragraph(markup, style)])
    return buffer.getvalue()


def _png(pdf: bytes, tmp_path: Path, name: str) -> Image.Image:
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(source), str(tmp_path / name)], check=True
    )
    return Image.open(tmp_path / f"{name}.png").convert("L")


@needs_poppler
@pytest.mark.parametrize("language", list(NAMES))
def test_each_script_renders_as_glyphs_not_boxes(language: str, tmp_path: Path) -> None:
    if not _installed(language):
        pytest.skip(f"no font for {language} installed (packaging/system-deps.sh test installs one)")
    text = NAMES[language]
    renderer = styles.new_renderer()
    ours = _png(_pdf_of(renderer.markup(text)), tmp_path, "ours")
    assert not renderer.missing
    # The same text forced into DejaVu Sans alone: every glyph it lacks is an empty box (tofu).
    tofu = _png(_pdf_of(text.replace("<", ""), font=styles.BASE_FONT), tmp_path, "tofu")
    boxes = _png(_pdf_of("\u25a1" * len(text)), tmp_path, "boxes")
    assert ImageChops.difference(ours, boxes).getbbox() is not None
    if language in SCRIPT_OF or language == "Chinese":
        assert ImageChops.difference(ours, tofu).getbbox() is not None  # not the tofu rendering
        assert _ink(ours) > 0.5 * _ink(tofu)  # and real ink: glyphs, not an empty line


def _ink(image: Image.Image) -> int:
    return sum(image.histogram()[:128])


def test_right_to_left_words_read_in_order() -> None:
    # Arabic words are shaped right to left by HarfBuzz; the words themselves are reversed.
    assert visual_order("ab اردو بولنے cd") == "ab بولنے اردو cd"
    # Hebrew in DejaVu Sans is not shaped: its letters are reversed too, marks kept with letters.
    assert visual_order("אב גד", shaped=lambda w: False) == "דג בא"
    assert visual_order("בְּ", shaped=lambda w: False) == "בְּ"
    assert visual_order("plain text") == "plain text"


def test_a_plan_in_many_scripts_embeds_a_font_for_each(build: Callable[..., Pdf]) -> None:
    plan = make_rich_plan()
    for language, name in NAMES.items():
        plan.groups.append(
            StakeholderGroup(name=name, seldom_heard=True, access_needs=f"{language} speakers")
        )
    plan.activities[0].group_ids += [g.id for g in plan.groups[-len(NAMES) :]]
    pdf = build(plan)
    fonts = set()
    for page in pdf.reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    for language, script in SCRIPT_OF.items():
        found = find_script_font(script)
        if found is not None:
            # Names are set in bold in the tables, other text in regular: both faces are used.
            for stem in {found.regular.stem, found.bold.stem}:
                assert any(f.endswith(stem) for f in fonts), (language, stem, fonts)
    installed = all(_installed(language) for language in NAMES)
    assert ("could not be shown" in pdf.text) is not installed
    for language in ("Polish", "Welsh", "Greek", "Cyrillic"):
        assert NAMES[language] in pdf.text
    assert re.search(r"Grŵp siaradwyr Cymraeg", pdf.text)
