"""The Linux bundle builds with the documented recipe and works from its archive.

``make build-bundle`` (what ``make bundle`` runs) builds the PyInstaller one-folder application
and its .tar.gz into tmp_path; the test unpacks the archive elsewhere and, with no repository
and no virtual environment in sight, writes the sample plan, exports the PDF and starts the GUI
offscreen with ``--smoke-test`` (open the sample, show every step, exit 0).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from ceplanner.core.library import sample_plan
from ceplanner.ui.wizard import STEPS

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed"),
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None and not os.environ.get("CI"),
        reason='PyInstaller is not installed (pip install -e ".[bundle]"; make test installs it)',
    ),
]


def run(args: list[str | Path], cwd: Path, env: dict[str, str], timeout: float = 120) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{args} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_the_linux_bundle_builds_and_opens_exports_and_shows_the_sample(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    dist = tmp_path / "dist"
    build = [
        "make",
        "--no-print-directory",
        "-C",
        ROOT,
        "build-bundle",
        f"VENV={sys.prefix}",
        f"DIST={dist}",
        f"BUNDLE_WORK={tmp_path / 'work'}",
    ]
    run(build, ROOT, env, timeout=1800)
    (archive,) = dist.glob("ceplanner-*-linux-*.tar.gz")

    unpacked = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    app = unpacked / "ceplanner"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CEPLANNER_DATA_DIR=str(tmp_path / "user-data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "share"),
        PATH="/usr/bin:/bin",
    )

    run([app / "ceplanner", "demo", "sample.ceplan"], elsewhere, env)
    run([app / "ceplanner", "export", "sample.ceplan", "-o", "strategy.pdf"], elsewhere, env)
    reader = PdfReader(elsewhere / "strategy.pdf")
    assert len(reader.pages) > 5
    assert sample_plan().title in " ".join(reader.pages[0].extract_text().split())
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for page in reader.pages[:3]
        for font in page["/Resources"]["/Font"].values()
    }
    assert "DejaVuSans" in fonts  # the bundled font, embedded

    shown = run([app / "ceplanner-gui", "gui", "--smoke-test", "sample.ceplan"], elsewhere, env)
    assert (
        f"opened “{sample_plan().title} — sample.ceplan — ceplanner” and showed its {len(STEPS)} steps"
        in shown
    )
    assert "drew page 1 of the " in shown  # pypdfium2 loaded and drew the exported PDF

    # The desktop entry installs for the user and runs this copy.
    run([app / "install-desktop-entry.sh"], elsewhere, env)
    entry = (tmp_path / "share" / "applications" / "ceplanner.desktop").read_text()
    assert f'Exec="{app}/ceplanner-gui" %f' in entry
    assert "Icon=ceplanner" in entry
    assert (tmp_path / "share" / "icons" / "hicolor" / "48x48" / "apps" / "ceplanner.png").is_file()
