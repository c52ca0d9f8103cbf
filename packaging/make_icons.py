"""Draw ceplanner's application icon: the SVG, PNGs at 16-256 px, a Windows .ico, a macOS .icns.

Run ``.venv/bin/python packaging/make_icons.py`` after changing the drawing; the files it writes
are committed. The SVG and PNGs are package data (``ceplanner/data/icons/``: the window icon,
and the ``ceplanner`` icon the ``.desktop`` file names); the .ico and .icns are for installers.

The drawing: three people (a community) on the navy of the PDF's headings, with an orange coin
(the costs), in the colours of ``ceplanner/core/palette.py``.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "ceplanner" / "data" / "icons"
PACKAGING = ROOT / "packaging"
SIZES = (16, 24, 32, 48, 64, 128, 256)

# Colours from ceplanner/core/palette.py: NAVY, WHITE, SKY_BLUE, ORANGE.
SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>ceplanner</title>
  <rect x="8" y="8" width="240" height="240" rx="48" fill="#1B365D"/>
  <!-- two people behind -->
  <circle cx="72" cy="92" r="24" fill="#56B4E9"/>
  <path d="M32 184 a40 44 0 0 1 80 0 v12 h-80 z" fill="#56B4E9"/>
  <circle cx="184" cy="92" r="24" fill="#56B4E9"/>
  <path d="M144 184 a40 44 0 0 1 80 0 v12 h-80 z" fill="#56B4E9"/>
  <!-- one person in front -->
  <circle cx="128" cy="100" r="30" fill="#FFFFFF" stroke="#1B365D" stroke-width="6"/>
  <path d="M76 208 a52 56 0 0 1 104 0 v12 h-104 z" fill="#FFFFFF" stroke="#1B365D" stroke-width="6"/>
  <!-- a coin: the costs -->
  <circle cx="196" cy="196" r="40" fill="#E69F00" stroke="#1B365D" stroke-width="8"/>
  <rect x="184" y="178" width="24" height="36" rx="4" fill="none" stroke="#1B365D" stroke-width="8"/>
</svg>
"""


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn at ``size`` pixels square, as PNG bytes (Qt's SVG renderer)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise SystemExit("the icon's SVG is not valid")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "ceplanner.svg").write_text(SVG, encoding="utf-8")
    images = {}
    for size in SIZES:
        png = render_png(SVG.encode(), size)
        (ICONS / f"ceplanner-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
    big = Image.open(io.BytesIO(render_png(SVG.encode(), 1024))).convert("RGBA")
    images[256].save(
        PACKAGING / "ceplanner.ico", sizes=[(s, s) for s in SIZES], append_images=list(images.values())
    )
    big.save(PACKAGING / "ceplanner.icns")
    print(f"Wrote {ICONS}/ceplanner.svg, {len(SIZES)} PNGs, packaging/ceplanner.ico and .icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
