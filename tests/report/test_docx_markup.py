"""The report's markup read back as Word runs: formatting kept, entities decoded exactly once."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
from reportlab.platypus import Table

from ceplanner.report.docx_markup import Run, plain_text, runs
from ceplanner.report.docx_render import DocxWriter
from ceplanner.report.text import escape


def test_bold_italic_colour_breaks_and_links_become_runs() -> None:
    got = runs('a <b>b <i>c</i></b><br/><font color="#A8470A">d</font>&nbsp;<a href="#k1">page 3</a>')
    assert got == [
        Run("a "),
        Run("b ", bold=True),
        Run("c", bold=True, italic=True),
        Run("\n", line_break=True),
        Run("d", color="A8470A"),
        Run("\xa0"),
        Run("page 3", link="#k1"),
    ]


def test_escaped_user_text_comes_back_exactly() -> None:
    typed = "<b>&amp; </b> a<b & c>d <script>x</script> &lt; 東京 مرحبا\nnext line"
    assert plain_text(escape(typed)) == typed


def test_a_table_in_a_cell_is_followed_by_a_paragraph() -> None:
    """Word refuses a cell whose last element is a table (python-docx's add_table, which the
    writer uses for tables in cells, adds the paragraph)."""
    document = docx.Document()
    inner = Table([["x"]])
    DocxWriter(document, 400.0).write([Table([[inner]])])
    cell = document.tables[0].rows[0].cells[0]
    assert cell._tc[-1].tag == qn("w:p")
    assert [t.text for t in document.element.body.iter(qn("w:t"))] == ["x"]
