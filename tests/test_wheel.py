"""The package installs from a wheel and runs anywhere: built-in data travels inside it.

Builds a wheel from a copy of the sources, installs it (with its pinned dependencies) into a
fresh virtual environment outside the repository, and runs ``ceplanner demo`` and
``ceplanner export`` from that environment in a folder that is not the repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from ceplanner.core import library

ROOT = Path(__file__).resolve().parents[1]


def clean_env(tmp_path: Path) -> dict[str, str]:
    """The environment without anything that points back into the repository or its venv."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["CEPLANNER_DATA_DIR"] = str(tmp_path / "user-data")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(args: list[str | Path], cwd: Path, env: dict[str, str], timeout: float = 600) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def build_wheel(tmp_path: Path, env: dict[str, str]) -> Path:
    """A wheel built from a copy of what the package needs (the repository is left untouched)."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "ceplanner", src / "ceplanner", ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, src], tmp_path, env)
    (wheel,) = dist.glob("ceplanner-*.whl")
    return wheel


@pytest.mark.slow
def test_a_wheel_installed_outside_the_repository_writes_the_sample_and_exports_it(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    wheel = build_wheel(tmp_path, env)

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], tmp_path, env)
    run([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], tmp_path, env)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # The package comes from the new environment, not from the repository.
    where = run(
        [venv / "bin" / "python", "-c", "import ceplanner; print(ceplanner.__file__)"], elsewhere, env
    )
    assert Path(where.strip()).is_relative_to(venv)

    run([venv / "bin" / "ceplanner", "demo", "sample.ceplan"], elsewhere, env)
    assert (elsewhere / "sample.ceplan").is_file()
    run([venv / "bin" / "ceplanner", "export", "sample.ceplan", "-o", "strategy.pdf"], elsewhere, env)

    reader = PdfReader(elsewhere / "strategy.pdf")
    text = "".join(page.extract_text() for page in reader.pages[:3])
    assert len(reader.pages) > 5
    assert library.sample_plan().title in " ".join(text.split())

    # The method library ships too, whole.
    count = "from ceplanner.core.library import builtin_methods; print(len(builtin_methods()))"
    assert int(run([venv / "bin" / "python", "-c", count], elsewhere, env)) == len(library.builtin_methods())

    # The three shipped templates install with the package.
    listed = run([venv / "bin" / "ceplanner", "templates"], elsewhere, env)
    assert listed.count("(built in)") == 3
