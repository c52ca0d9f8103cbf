"""Speed and memory benchmarks: `make bench` runs them and writes docs/performance.md.

Targets are stated beside each measurement; the tests never assert on time.
"""

from __future__ import annotations

import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import autosave, startup  # noqa: E402
from ceplanner.core.costing import compute_budget  # noqa: E402
from ceplanner.store import PlanStore  # noqa: E402
from tests.factories import big_plan  # noqa: E402


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def peak_memory_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


def subprocess_ms(code: str, repeat: int = 3) -> float:
    def run() -> None:
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, env=_env())

    return timed(run, repeat)


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def main() -> int:
    rows: list[tuple[str, str, str]] = []
    plan = big_plan(5000, 1000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.ceplan"
        PlanStore.create(path, plan).close()
        store = PlanStore.open(path)
        rows.append(
            (
                "Save a plan of 5,000 groups and 1,000 activities",
                f"{timed(lambda: store.save(plan)):.0f} ms",
                "< 500 ms",
            )
        )
        rows.append(("Load that plan", f"{timed(store.load):.0f} ms", "< 500 ms"))
        store.close()
        rows.append(
            (
                "Open (checks and integrity) that file",
                f"{timed(lambda: PlanStore.open(path).close()):.0f} ms",
                "< 300 ms",
            )
        )
        rows.append(
            (
                "Peak Python heap to load it (tracemalloc)",
                f"{peak_memory_mb(lambda: PlanStore.open(path).load()):.0f} MB",
                "< 200 MB",
            )
        )
    rows.append(
        ("Cost the big plan (compute_budget)", f"{timed(lambda: compute_budget(plan)):.1f} ms", "< 100 ms")
    )

    rows.append(
        (
            "Python start-up to the main window module imported",
            f"{subprocess_ms(_STARTUP):.0f} ms",
            "< 1,000 ms; matplotlib and reportlab not loaded",
        )
    )
    rows.append(
        (
            "Export the sample plan's PDF (new process, fonts and charts included)",
            f"{subprocess_ms(_EXPORT_SAMPLE, repeat=3):.0f} ms",
            "< 5,000 ms",
        )
    )
    rows.append(
        (
            "Export a 500-group, 200-activity plan's PDF (new process)",
            f"{subprocess_ms(_EXPORT_BIG, repeat=1):.0f} ms",
            "< 30,000 ms",
        )
    )
    rows.append(
        (
            "Peak memory (RSS) to export a 20,000-group, 5,000-activity plan's PDF (new process; about 3,500 pages)",
            f"{_export_peak_mb():,.0f} MB",
            "< 1,000 MB",
        )
    )

    edit_lines = [_edit_table(plan, label, target) for plan, label, target in EDIT_PLANS]
    app_ms, wizard_ms = startup.measure()
    save_ms, update_ms, save_cpu, update_cpu = autosave.measure()
    ratio_rows = [
        (
            "Start-up to an interactive window with the sample plan open (new process, until shown "
            "and the event loop is idle)",
            app_ms,
            "a bare PySide6 script showing an empty seven-page QWizard, timed the same way",
            wizard_ms,
            1.5,
        ),
        (
            "Autosave of one edit: `PlanStore.save` of the sample plan after one change",
            save_ms,
            "a bare `sqlite3` single-row UPDATE and COMMIT, rollback journal (DELETE), synchronous=FULL",
            update_ms,
            3.0,
        ),
    ]

    lines = [
        "# Performance",
        "",
        f"Measured by `make bench` on {datetime.now():%Y-%m-%d} ({platform.machine()}, "
        f"Python {platform.python_version()}, {_cpus()} cores). Median of several runs.",
        "",
        "| what | measured | target | met |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {'yes' if _met(b, c) else '**no**'} |" for a, b, c in rows],
        "",
        "## Against a baseline measured in the same run",
        "",
        "| what | measured | baseline | ratio | target | met |",
        "|---|---|---|---|---|---|",
        *[
            f"| {what} | {ms:,.1f} ms | {base_what}: {base:,.1f} ms | {ms / base:.1f}× | ratio ≤ {limit:g} | "
            f"{'yes' if ms / base <= limit else '**no**'} |"
            for what, ms, base_what, base, limit in ratio_rows
        ],
        "",
        f"Autosave's wall time is mostly the disk's flush, which varies from run to run on a shared "
        f"disk; in CPU time the save took {save_cpu:.1f} ms and the bare update {update_cpu:.2f} ms.",
        "",
        "## Edit to repaint to saved, on every step",
        "",
        "Each step shown, then one edit of a value that step shows (through the document, as the pages "
        "edit), events processed until the window has repainted, then the edit written as autosave "
        "writes it (`doc.flush()`, without its 150 ms pause) and `saved` received. Median of 30 edits "
        "after 3 warm-up edits. Baseline: a bare `QLabel.setText` in "
        "a shown window until it has repainted, measured in the same process.",
        "",
        *[line for table in edit_lines for line in table],
    ]
    out = ROOT / "docs" / "performance.md"
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


EDIT_PLANS = [
    ("sample", "the sample plan", 16.0),
    ("big", "a 500-group, 200-activity plan", 50.0),
]


def _edit_table(plan: str, label: str, target_ms: float) -> list[str]:
    """Run benchmarks/gui_edits.py for ``plan`` in its own process; its results as a table."""
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui_edits", plan],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        return [
            f"{label}: the measurement failed (exit {result.returncode}):",
            "",
            "```",
            result.stderr[-2000:],
            "```",
            "",
        ]
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    base = measured["baseline_ms"]
    lines = [
        f"### {label[0].upper()}{label[1:]} (target ≤ {target_ms:g} ms on every step)",
        "",
        "| step | to repaint | save | total | baseline (QLabel) | ratio | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in measured["steps"]:
        total = row["total_ms"]
        lines.append(
            f"| {row['step']} | {row['paint_ms']:,.1f} ms | {row['save_ms']:,.1f} ms | {total:,.1f} ms | "
            f"{base:.2f} ms | {total / base:,.0f}× | {'yes' if total <= target_ms else '**no**'} |"
        )
    return [*lines, ""]


def _met(measured: str, target: str) -> bool:
    """Compare "112 ms" with "< 500 ms" (same unit); the target's first number is the limit."""
    value = float(measured.split()[0].replace(",", ""))
    limit = float(target.removeprefix("< ").split()[0].replace(",", "").rstrip(";"))
    return value < limit


def _export_peak_mb() -> float:
    result = subprocess.run(
        [sys.executable, "-c", _EXPORT_PEAK], cwd=ROOT, env=_env(), check=True, capture_output=True, text=True
    )
    return float(result.stdout.strip().splitlines()[-1])


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


_STARTUP = (
    "import sys, ceplanner.ui.main_window; "
    "assert 'matplotlib' not in sys.modules and 'reportlab' not in sys.modules"
)
_EXPORT_SAMPLE = (
    "import tempfile, pathlib; from ceplanner.core.library import sample_plan; "
    "from ceplanner.report.export import export_pdf; "
    "export_pdf(sample_plan(), pathlib.Path(tempfile.mkdtemp()) / 's.pdf')"
)
_EXPORT_BIG = (
    "import tempfile, pathlib; from tests.factories import big_plan; "
    "from ceplanner.report.export import export_pdf; "
    "export_pdf(big_plan(500, 200), pathlib.Path(tempfile.mkdtemp()) / 'b.pdf')"
)
_EXPORT_PEAK = (
    "import resource, tempfile, pathlib; from tests.factories import big_plan; "
    "from ceplanner.report.export import export_pdf; "
    "export_pdf(big_plan(20000, 5000), pathlib.Path(tempfile.mkdtemp()) / 'b.pdf'); "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
)

if __name__ == "__main__":
    raise SystemExit(main())
