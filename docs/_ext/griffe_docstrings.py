"""A griffe extension for the API reference: newsclean's docstrings in Markdown.

The docstrings are written to read well in ``help()`` and to run as doctests:
bare ``>>>`` examples and Sphinx-style roles (:class:`Article`). Markdown would
read ``>>>`` as nested quotes and ``[...]`` in doctest output as links, so this
extension fences each doctest as a ``pycon`` block and turns roles into inline
code. It changes only the rendered text, never the source.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|meth|func|attr|mod|data|exc|obj|const):`(~?)([^`]+)`")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _role_to_code(match: re.Match[str]) -> str:
    tilde, target = match.groups()
    # As in Sphinx, "~newsclean.Article" shows only "Article".
    return f"`{target.rsplit('.', 1)[-1] if tilde else target}`"


def fence_doctests(text: str) -> str:
    """Wrap runs of doctest lines (``>>>``, ``...`` and their output) in ``pycon`` fences."""
    out: list[str] = []
    lines = text.split("\n")
    i = 0
    in_fence = False
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append(line)
            i += 1
            continue
        if in_fence or not line.lstrip().startswith(">>>"):
            out.append(line)
            i += 1
            continue
        indent = line[: len(line) - len(line.lstrip())]
        block: list[str] = []
        while i < len(lines) and lines[i].strip():
            block.append(lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i].lstrip())
            i += 1
        out.extend([f"{indent}```pycon", *(f"{indent}{b}" for b in block), f"{indent}```"])
    return "\n".join(out)


def convert(text: str) -> str:
    """Roles to inline code and "::" to ":" (outside doctests), then fence the doctests."""
    converted = []
    for line in text.split("\n"):
        if line.lstrip().startswith((">>>", "...")):
            converted.append(line)
            continue
        line = _ROLE.sub(_role_to_code, line)
        if line.endswith("::") and line.strip() != "::":
            line = line[:-1]  # reST's literal-block marker; the block is indented code in Markdown too
        converted.append(line)
    return fence_doctests("\n".join(converted))


class MarkdownDocstrings(griffe.Extension):
    """Rewrite each docstring's text before mkdocstrings parses it."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = convert(obj.docstring.value)
