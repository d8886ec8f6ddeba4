"""The ``normalize`` stage: one canonical form of the text for every later rule."""

from __future__ import annotations

import unicodedata

import pytest

from newsclean.stages import Normalize
from newsclean.stages.normalize import normalize_text

from ._helpers import SNIPPETS, lines_doc, run_stage, run_until

ODD = SNIPPETS / "normalize_odd_characters.txt"


def test_fixture_dump_normalises_line_by_line() -> None:
    doc = run_until(ODD, "normalize")
    assert [b.text for b in doc.blocks] == [
        "Café owners in München say rents doubled.",
        "Prices rose by 5 % last year.",
        "The increase was announced on Monday.",
        "Zerowidthjoiners and wordjoiners vanish.",
        "Tabs and runs of spaces collapse.",
        "A bell and an escape character are removed.",
        "",
        "“Typographic quotes” — and dashes – stay as printed.",
    ]


def test_text_is_nfc() -> None:
    doc = run_until(ODD, "normalize")
    assert all(unicodedata.is_normalized("NFC", b.text) for b in doc.blocks)
    assert doc.blocks[0].text.startswith("Café")  # one code point, not e + combining accent
    assert "\u0301" not in doc.blocks[0].text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Berlin\u00a0(dpa)\u00a0-\u00a0Die", "Berlin (dpa) - Die"),
        ("5\u202f000 Euro", "5 000 Euro"),
        ("Tokyo\u3000Japan", "Tokyo Japan"),
        ("Mon\u00adday", "Monday"),
        ("\ufeffHeadline", "Headline"),
        ("  padded  ", "padded"),
        ("line\nbreak", "line break"),
        ("“Quotes”, ‘apostrophes’ and — dashes", "“Quotes”, ‘apostrophes’ and — dashes"),
    ],
)
def test_normalize_text(raw: str, clean: str) -> None:
    assert normalize_text(raw) == clean


def test_normalize_text_is_idempotent() -> None:
    raw = ODD.read_text(encoding="utf-8")
    once = normalize_text(raw)
    assert normalize_text(once) == once


def test_a_block_left_empty_is_dropped_as_empty() -> None:
    doc = run_until(ODD, "normalize")
    empty = [b for b in doc.blocks if not b.text]
    assert len(empty) == 1 and empty[0].removed == "empty"
    (removal,) = doc.removals
    assert (removal.stage, removal.reason, removal.rule, removal.block) == (
        "normalize",
        "empty",
        "xx/empty-after-normalize",
        empty[0].index,
    )


def test_normalised_text_is_what_the_page_printed() -> None:
    # Only a later cut (a dateline) may make the printed form differ from the text.
    doc = run_until(ODD, "normalize")
    assert all(b.printed is None and b.as_published == b.text for b in doc.blocks)


def test_no_break_spaces_from_html_entities_become_spaces() -> None:
    html = (
        "<html><body><p>Berlin (dpa) -&nbsp;Die Bahn will neue Z&uuml;ge kaufen, hie&szlig; es.</p>"
        "</body></html>"
    )
    doc = run_until(html, "normalize")
    assert [b.text for b in doc.blocks] == ["Berlin (dpa) - Die Bahn will neue Züge kaufen, hieß es."]


def test_text_already_normal_is_left_alone() -> None:
    doc = run_stage(Normalize(), lines_doc(["Plain text, nothing to change."]))
    assert doc.blocks[0].text == "Plain text, nothing to change."
    assert doc.removals == []
