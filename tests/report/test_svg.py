"""Inline SVG bar charts: proportional bars, labels as text, links, escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from newsclean.report.svg import Bar, bar_chart


def test_bars_are_proportional_and_carry_label_value_and_link() -> None:
    svg = bar_chart(
        [Bar("newsletter", 30, href="#a", note="60%"), Bar("ad", 15, href="#b"), Bar("x", 5)],
        title="Removals",
        width=600,
    )
    root = ET.fromstring(svg)  # well-formed XML, as inline SVG must be
    widths = [float(w) for w in re.findall(r'<rect[^>]* width="([0-9.]+)"', svg)]
    assert widths[0] == max(widths) and widths[0] / widths[1] == 2 and round(widths[0] / widths[2]) == 6
    texts = [t.text for t in root.iter("text")]
    assert texts == ["newsletter", "30 · 60%", "ad", "15", "x", "5"]
    assert [a.get("href") for a in root.iter("a")] == ["#a", "#b"]
    assert root.get("aria-label") == "Removals"


def test_labels_are_escaped_and_cut_with_the_full_label_in_the_tooltip() -> None:
    label = "site/<script>.example-" + "x" * 60
    svg = bar_chart([Bar(label, 1)], title="<t>", max_label=20)
    assert "<script>" not in svg and "<t>" not in svg
    root = ET.fromstring(svg)
    shown = next(root.iter("text")).text or ""
    assert len(shown) == 20 and shown.endswith("…")
    tips = [t.text for t in root.iter("title")]
    assert tips[1] == f"{label}: 1"


def test_no_bars_no_chart() -> None:
    assert "<svg" not in bar_chart([], title="t")
