"""Checking a logo image before a report uses it: a real file, a PNG or JPEG, of sensible size.

Only the image's header is read, so a huge or hostile file is refused before it costs memory.
Used by the command line's ``export --logo`` and meant for the window's logo choice too.
"""

from __future__ import annotations

import stat
import warnings
from pathlib import Path

MAX_LOGO_BYTES = 20 * 1024 * 1024
MAX_LOGO_PIXELS = 25_000_000
FORMATS = {"PNG", "JPEG"}


class LogoError(ValueError):
    """A logo that cannot be used; ``str()`` is a sentence for the user."""


def _kind(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if not stat.S_ISREG(mode):
        return "not an ordinary file"
    return None


def check_logo(path: str | Path) -> tuple[int, int]:
    """Refuse a logo that is missing, not a regular file, too big, or not a PNG or JPEG image;
    return its (width, height) in pixels."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise LogoError(
            f"The logo file “{path}” does not exist. Choose another file or export without one."
        ) from None
    except OSError as exc:
        raise LogoError(f"The logo file “{path}” cannot be read ({exc.strerror or exc}).") from None
    kind = _kind(info.st_mode)
    if kind is not None:
        what = kind if kind.startswith("not") else f"is {kind}"
        raise LogoError(f"The logo “{path}” {what}, not an image file. Choose a PNG or JPEG file.")
    if info.st_size > MAX_LOGO_BYTES:
        raise LogoError(
            f"The logo “{path.name}” is {info.st_size / 1024 / 1024:,.0f} MB; a logo may be at most "
            f"{MAX_LOGO_BYTES // 1024 // 1024} MB. Choose a smaller image."
        )
    from PIL import Image  # only the header is read

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                fmt = image.format
    except Image.DecompressionBombError:
        raise LogoError(
            f"The logo “{path.name}” has far too many pixels; a logo may have at most "
            f"{MAX_LOGO_PIXELS / 1e6:.0f} megapixels. Make it smaller and try again."
        ) from None
    except (OSError, ValueError, SyntaxError):  # what Pillow raises for a file it cannot identify
        raise LogoError(
            f"The logo “{path.name}” is not a PNG or JPEG image. Choose a PNG or JPEG file."
        ) from None
    if fmt not in FORMATS:
        raise LogoError(f"The logo “{path.name}” is a {fmt} image; choose a PNG or JPEG file.")
    if width * height > MAX_LOGO_PIXELS:
        raise LogoError(
            f"The logo “{path.name}” is {width:,} × {height:,} pixels ({width * height / 1e6:.0f} megapixels); "
            f"a logo may have at most {MAX_LOGO_PIXELS / 1e6:.0f} megapixels. Make it smaller and try again."
        )
    return width, height
