"""Guard the Qt binding pin: no reference to ``None`` may be lost by void Qt calls.

Why this test exists: PySide6-Essentials 6.12.0 on Python 3.11 dropped one reference to
``None`` on every Qt call that returns nothing. ceplanner makes hundreds of such calls per edit,
so after a few dozen edits ``None``'s count reached zero and the interpreter aborted with
"Fatal Python error: none_dealloc" (the window vanished mid-edit). 299 tests passed at the time,
because none made more than a few edits in a row.

The check runs in a subprocess so that a broken binding fails this test instead of aborting
the whole test run. Whatever pin ``pyproject.toml`` holds, it has to pass here, on the Python
the suite runs under.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

PROBE = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton

    app = QApplication([])
    button, label, timer, obj = QPushButton(), QLabel(), QTimer(), QObject()
    before = sys.getrefcount(None)
    for i in range({CALLS} // 4):
        button.setEnabled(True)          # void method on a widget
        label.setText("x")               # void method taking a str
        timer.setInterval(i % 100)       # void method on a plain QObject
        obj.setObjectName("n")
    after = sys.getrefcount(None)
    print(before - after)
    """
)


def test_void_qt_calls_keep_none_alive() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert "none_dealloc" not in result.stderr, (
        "The Qt binding freed None: pin a PySide6 release that passes this test.\n" + result.stderr
    )
    assert result.returncode == 0, f"The probe process failed ({result.returncode}):\n{result.stderr}"
    lost = int(result.stdout.strip().splitlines()[-1])
    # A sound binding loses nothing; a few references may move with interpreter caches.
    assert lost < 50, (
        f"{lost} references to None were lost in {CALLS:,} void Qt calls: this binding would "
        "abort the application after some hundreds of edits. Pin another PySide6 release."
    )
