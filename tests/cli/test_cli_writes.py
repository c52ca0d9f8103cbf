"""Commands that write files never destroy one: no writing over plans or the input, no
overwriting without --force, and a full disk leaves the old file as it was."""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from ceplanner.cli import main
from ceplanner.core.serialize import plan_to_json
from ceplanner.store import PlanStore
from tests.factories import big_plan, full_plan
from tests.smalldisk import small_disk

ROOT = Path(__file__).resolve().parents[2]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(*args: str, fsize: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run(
        [sys.executable, "-m", "ceplanner", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "a.ceplan"
    PlanStore.create(path, full_plan()).close()
    return path


@pytest.mark.parametrize("command", ["export-json", "export"])
def test_exports_refuse_to_write_onto_the_plan_itself(
    plan_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sha(plan_path)
    for target in (plan_path, plan_path.parent / "." / plan_path.name):
        assert main([command, str(plan_path), "-o", str(target), "--force"]) == 1
        assert "is the file being read" in capsys.readouterr().err
    os.link(plan_path, plan_path.parent / "hardlink.json")  # the same file by another name
    assert main([command, str(plan_path), "-o", str(plan_path.parent / "hardlink.json"), "--force"]) == 1
    assert sha(plan_path) == before


@pytest.mark.parametrize("command", ["export-json", "export"])
def test_exports_never_write_a_plan_file(
    plan_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    other = plan_path.parent / "other.ceplan"
    PlanStore.create(other, full_plan()).close()
    before = sha(other)
    for target in (other, plan_path.parent / "new.CEPLAN"):
        assert main([command, str(plan_path), "-o", str(target), "--force"]) == 1
        assert "never writes over a plan" in capsys.readouterr().err
    assert sha(other) == before
    assert not (plan_path.parent / "new.CEPLAN").exists()


def test_export_json_needs_force_to_replace_a_file(
    plan_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = plan_path.parent / "backup.json"
    out.write_text("my precious backup", encoding="utf-8")
    assert main(["export-json", str(plan_path), "-o", str(out)]) == 1
    assert "already exists; use --force to replace it" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my precious backup"
    assert main(["export-json", str(plan_path), "-o", str(out), "--force"]) == 0
    with PlanStore.open(plan_path) as store:
        assert out.read_text(encoding="utf-8") == plan_to_json(store.load()) + "\n"
    assert sorted(p.name for p in plan_path.parent.iterdir()) == ["a.ceplan", "backup.json"]


def test_import_json_refuses_to_replace_its_own_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "plan.json"
    source.write_text(plan_to_json(full_plan()), encoding="utf-8")
    before = sha(source)
    assert main(["import-json", str(source), "-o", str(source), "--force"]) == 1
    assert "is the file being read" in capsys.readouterr().err
    assert sha(source) == before


def test_export_json_on_a_full_disk_leaves_the_old_file_whole(tmp_path: Path) -> None:
    """The reported case: a full disk truncated an existing backup and printed a traceback."""
    plan = tmp_path / "big.ceplan"
    PlanStore.create(plan, big_plan(2000, 400)).close()
    out = tmp_path / "backup.json"
    out.write_bytes(b"x" * 300_000)  # an older, smaller export
    before = sha(out)
    result = run("export-json", str(plan), "-o", str(out), "--force", fsize=400_000)
    assert result.returncode == 1
    assert (
        result.stderr.strip() == "ceplanner: backup.json was not saved: the disk is full. "
        "Free some space or choose another disk, then try again."
    )
    assert sha(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.json", "big.ceplan"]  # no temp file left


@pytest.mark.parametrize("command", ["demo", "import-json"])
def test_new_plans_on_a_full_disk_get_one_line(tmp_path: Path, command: str) -> None:
    source = tmp_path / "in.json"
    source.write_text(plan_to_json(big_plan(2000, 400)), encoding="utf-8")
    with small_disk(tmp_path / "disk", "64k") as disk:
        old = disk / "out.ceplan"
        old.write_bytes(b"an older file, kept whole")
        args = ["demo", str(old)] if command == "demo" else ["import-json", str(source), "-o", str(old)]
        result = run(*args, "--force")
        assert result.returncode == 1, result.stderr
        assert (
            result.stderr.strip() == "ceplanner: out.ceplan was not saved: the disk is full. "
            "Free some space or choose another disk, then try again."
        )
        assert old.read_bytes() == b"an older file, kept whole"
        assert sorted(p.name for p in disk.iterdir()) == ["out.ceplan"]


def test_export_json_into_a_read_only_folder(plan_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "old.json").write_text("old", encoding="utf-8")
    os.chmod(folder, 0o555)
    try:
        result = run("export-json", str(plan_path), "-o", str(folder / "old.json"), "--force")
    finally:
        os.chmod(folder, 0o755)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "read-only" in result.stderr
    assert (folder / "old.json").read_text(encoding="utf-8") == "old"


def test_export_pdf_on_a_full_disk_keeps_the_earlier_pdf(plan_path: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "64k") as disk:
        old = disk / "strategy.pdf"
        old.write_bytes(b"%PDF-1.4 the earlier strategy")
        result = run("export", str(plan_path), "-o", str(old), "--force")
        assert result.returncode == 1
        assert (
            result.stderr.strip() == "ceplanner: strategy.pdf was not saved: the disk is full. "
            "Free some space or choose another disk, then try again."
        )
        assert old.read_bytes() == b"%PDF-1.4 the earlier strategy"
        assert sorted(p.name for p in disk.iterdir()) == ["strategy.pdf"]
