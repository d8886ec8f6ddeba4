"""Horizontal bar charts as inline SVG: no plotting library, nothing to load.

Each bar carries its label and value as text, and may link to an anchor of
the report (a click on the bar jumps to an example).

>>> chart = bar_chart([Bar("newsletter", 30, href="#reason-newsletter"), Bar("ads & more", 10)],
...                   title="Removals per reason")
>>> chart.count("<rect"), 'href="#reason-newsletter"' in chart, "ads &amp; more" in chart
(2, True, True)
>>> bar_chart([], title="Nothing")
'<p class="empty">None in this run.</p>'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsclean.report.markup import esc

ROW = 24
BAR = 16
PAD = 6
CHAR = 7.0  # average width of a character at 12px, to size the label column


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its label, value, and optionally a link, a colour and a note after the value."""

    label: str
    value: float
    href: str | None = None
    colour: str = "#0072B2"
    note: str = ""


def bar_chart(bars: Sequence[Bar], *, title: str, width: int = 760, max_label: int = 40) -> str:
    """An SVG chart with one horizontal bar per item, longest value scaled to the full width.

    Labels longer than ``max_label`` characters are cut (the full label is in
    the bar's tooltip). Bar lengths are proportional to the values:

    >>> svg = bar_chart([Bar("a", 4), Bar("b", 2)], title="t", width=400)
    >>> import re
    >>> [float(w) for w in re.findall(r'<rect[^>]* width="([0-9.]+)"', svg)]
    [362.0, 181.0]
    """
    if not bars:
        return '<p class="empty">None in this run.</p>'
    labels = [b.label if len(b.label) <= max_label else b.label[: max_label - 1] + "…" for b in bars]
    values = [f"{b.value:g}" + (f" · {b.note}" if b.note else "") for b in bars]
    label_w = min(int(max(len(x) for x in labels) * CHAR) + 2 * PAD, int(width * 0.45))
    value_w = int(max(len(v) for v in values) * CHAR) + 2 * PAD
    span = max(width - label_w - value_w, 40)
    top = max(b.value for b in bars) or 1
    height = ROW * len(bars) + PAD
    rows = []
    for i, (bar, label, value) in enumerate(zip(bars, labels, values, strict=True)):
        y = PAD + i * ROW
        length = round(span * bar.value / top, 1)
        tip = f"{bar.label}: {value}"
        row = (
            f"<title>{esc(tip)}</title>"
            f'<text class="bar-label" x="{label_w - PAD}" y="{y + BAR - 4}" text-anchor="end">'
            f"{esc(label)}</text>"
            f'<rect x="{label_w}" y="{y}" width="{length}" height="{BAR}" fill="{esc(bar.colour)}" '
            'stroke="#333333" stroke-width="0.5"/>'
            f'<text class="bar-value" x="{label_w + length + PAD}" y="{y + BAR - 4}">{esc(value)}</text>'
        )
        if bar.href:
            row = f'<a href="{esc(bar.href)}">{row}</a>'
        rows.append(f'<g class="bar">{row}</g>')
    return (
        f'<svg class="chart" role="img" aria-label="{esc(title)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
        f"<title>{esc(title)}</title>{''.join(rows)}</svg>"
    )
