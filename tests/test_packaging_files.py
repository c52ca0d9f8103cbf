"""The packaging files agree with each other and with the files they name."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "ceplanner" / "data" / "icons"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / "ceplanner.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_icon_the_desktop_file_names_exists_at_every_size() -> None:
    icon = desktop_entry()["Icon"]
    assert (ICONS / f"{icon}.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = ICONS / f"{icon}-{size}.png"
        assert png.read_bytes()[16:24] == size.to_bytes(4, "big") * 2  # PNG header: width, height
    assert (PACKAGING / "ceplanner.ico").is_file() and (PACKAGING / "ceplanner.icns").is_file()


def test_the_desktop_file_runs_the_gui_script_the_package_and_bundle_provide() -> None:
    exe = desktop_entry()["Exec"].split()[0]
    assert f'{exe} = "ceplanner.__main__:main"' in (ROOT / "pyproject.toml").read_text()
    assert f'"{exe}"' in (PACKAGING / "ceplanner.spec").read_text()
    assert desktop_entry()["MimeType"].rstrip(";") in (PACKAGING / "ceplanner-mime.xml").read_text()


def test_the_windows_installer_names_files_that_exist_and_associates_ceplan() -> None:
    iss = (PACKAGING / "windows" / "ceplanner.iss").read_text()
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.M)
    assert icon and (ROOT / icon.group(1).replace("\\", "/")).is_file()
    exe = re.search(r'#define AppExe "(.+)\.exe"', iss)
    assert (
        exe and f'executable("{exe.group(1)}", console=False)' in (PACKAGING / "ceplanner.spec").read_text()
    )
    assert 'Subkey: "Software\\Classes\\.ceplan"' in iss
    assert '""{app}\\{#AppExe}"" ""%1""' in iss
