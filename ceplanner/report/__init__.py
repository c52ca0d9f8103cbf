"""The costed strategy document: PDF export and the charts it shares with the GUI.

Nothing here imports Qt. ``export_pdf`` and ``build_pdf_bytes`` build the PDF; the chart
functions in :mod:`ceplanner.report.charts` return matplotlib ``Figure`` objects. Names are
imported lazily so that importing this package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ceplanner.report.errors import ReportError
    from ceplanner.report.export import build_pdf_bytes, export_pdf
    from ceplanner.report.sections import SECTION_TITLES

__all__ = ["SECTION_TITLES", "ReportError", "build_pdf_bytes", "export_pdf"]


def __getattr__(name: str) -> Any:
    if name == "ReportError":
        from ceplanner.report.errors import ReportError

        return ReportError
    if name in ("export_pdf", "build_pdf_bytes"):
        from ceplanner.report import export

        return getattr(export, name)
    if name == "SECTION_TITLES":
        from ceplanner.report.sections import SECTION_TITLES

        return SECTION_TITLES
    raise AttributeError(f"module 'ceplanner.report' has no attribute {name!r}")
