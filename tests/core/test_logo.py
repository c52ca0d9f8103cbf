"""A logo is checked from its header before a report uses it: the real reason for a refusal."""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image

from ceplanner.core.logo import LogoError, check_logo

ROOT = Path(__file__).resolve().parents[2]


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG that declares ``width`` x ``height`` (its pixel data is never read by the check)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
    return path


def test_a_small_png_and_jpeg_are_accepted(tmp_path: Path) -> None:
    for fmt, name in (("PNG", "logo.png"), ("JPEG", "logo.jpg")):
        buffer = io.BytesIO()
        Image.new("RGB", (120, 40), "navy").save(buffer, fmt)
        (tmp_path / name).write_bytes(buffer.getvalue())
        assert check_logo(tmp_path / name) == (120, 40)


def test_a_96_megapixel_image_is_refused_from_its_header(tmp_path: Path) -> None:
    logo = png_header_only(tmp_path / "huge.png", 12_000, 8_000)
    with pytest.raises(
        LogoError, match=r"is 12,000 × 8,000 pixels \(96 megapixels\); a logo may have at most 25"
    ):
        check_logo(logo)
    bomb = png_header_only(tmp_path / "bomb.png", 60_000, 60_000)
    with pytest.raises(LogoError, match="far too many pixels"):
        check_logo(bomb)


def test_devices_pipes_and_folders_are_named_as_such(tmp_path: Path) -> None:
    with pytest.raises(LogoError, match="“/dev/zero” is a device, not an image file"):
        check_logo("/dev/zero")
    with pytest.raises(LogoError, match="is a folder, not an image file"):
        check_logo(tmp_path)
    with pytest.raises(LogoError, match="does not exist"):
        check_logo(tmp_path / "missing.png")
    (tmp_path / "notes.png").write_text("not an image", encoding="utf-8")
    with pytest.raises(LogoError, match="is not a PNG or JPEG image"):
        check_logo(tmp_path / "notes.png")
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "GIF")
    (tmp_path / "logo.gif").write_bytes(buffer.getvalue())
    with pytest.raises(LogoError, match="is a GIF image; choose a PNG or JPEG"):
        check_logo(tmp_path / "logo.gif")


def test_export_with_a_fifo_logo_says_so_without_hanging(tmp_path: Path) -> None:
    plan = tmp_path / "p.ceplan"
    subprocess.run([sys.executable, "-m", "ceplanner", "demo", str(plan)], cwd=ROOT, check=True, timeout=120)
    fifo = tmp_path / "logo.png"
    os.mkfifo(fifo)
    for logo in (str(fifo), "/dev/zero"):
        result = subprocess.run(
            [sys.executable, "-m", "ceplanner", "export", str(plan), "--logo", logo],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1
        kind = "a named pipe" if logo == str(fifo) else "a device"
        assert (
            result.stderr.strip()
            == f"ceplanner: The logo “{logo}” is {kind}, not an image file. Choose a PNG or JPEG file."
        )
    assert not (tmp_path / "p.pdf").exists()
