"""A really full disk for tests: a tiny tmpfs mounted in the test's folder (needs root, as in CI)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def small_disk(folder: Path, size: str = "256k") -> Iterator[Path]:
    """Mount a ``size`` tmpfs at ``folder``; skip the test where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True, timeout=30
    )
    if result.returncode != 0:
        pytest.skip("a small disk cannot be mounted here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30)


def fill(folder: Path, keep: int = 0) -> None:
    """Fill the disk at ``folder`` until at most ``keep`` bytes are free."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        size = 0
        for block in (65536, 4096, 512, 1):
            while True:
                try:
                    written = os.write(fd, b"\0" * block)
                except OSError:
                    break
                if written < block:
                    size += written
                    break
                size += written
        if keep:
            os.ftruncate(fd, max(0, size - keep))
    finally:
        os.close(fd)
