"""HTML reports of what newsclean did: one page's decisions, or a whole batch run.

Both are single self-contained files (inline styles, inline SVG, no fetches),
built with the standard library only:

* :func:`explain_html`: every block of one page, labelled and coloured, with
  the rule behind each removal and the extracted fields (``newsclean explain
  PAGE --html report.html``);
* :func:`run_html`: the summary of a batch run, with bar charts and an example
  behind each count (``newsclean batch ... --report report.html``).

The modules, one idea each: ``markup`` (escaping, anchors, page shell),
``labels`` (colours), ``assets`` (CSS and script), ``svg`` (bar charts),
``page`` (the explain report), ``run`` (the batch report).

>>> from newsclean.pipeline import Pipeline
>>> html = explain_html(Pipeline.default().run("Title\\n\\nA short story about a bridge."), name="p.txt")
>>> html.startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

from newsclean.report.page import explain_html
from newsclean.report.run import run_html

__all__ = ["explain_html", "run_html"]
