"""Reading sources: format detection, decoding, paths, gzip, and typed errors for bad input."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

import newsclean
from newsclean import InputError, Limits, Pipeline
from newsclean.loading import decode_bytes, load_document, looks_like_html

HTML = (
    "<!doctype html><html><head><title>T</title></head>"
    "<body><p>Un café noir, s'il vous plaît.</p></body></html>"
)


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        (HTML, True),
        ("<html><body><p>x</p></body></html>", True),
        ("  <!-- saved --> <html>", True),
        ("<div><p>a</p><p>b</p><p>c</p><p>d</p><a href=x>e</a></div>", True),
        ("Title | Site\n\nBody line mentioning <b> once.", False),
        ("Plain dump\n\nwith lines", False),
    ],
)
def test_html_or_text_is_told_apart(text: str, is_html: bool) -> None:
    assert looks_like_html(text) is is_html


def test_bytes_with_bom_and_declared_charset() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + "café".encode()) == "café"
    assert decode_bytes(codecs.BOM_UTF16_LE + "café".encode("utf-16-le")) == "café"
    latin = '<meta charset="windows-1252"><p>caf\xe9 \x93quoted\x94</p>'.encode("latin-1")
    assert "café “quoted”" in decode_bytes(latin)


def test_undecodable_bytes_name_the_document() -> None:
    with pytest.raises(InputError, match=r"not valid UTF-8 and no charset declared.*'page-7'"):
        decode_bytes(b"caf\xe9 au lait", document="page-7")


def test_wrong_declared_charset_is_an_input_error() -> None:
    with pytest.raises(InputError, match="declared charset"):
        decode_bytes(b'<meta charset="no-such-codec"><p>\xff\xfe\xfa</p>')


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("", "empty input"),
        (b"", "empty input"),
        ("   \n\t ", "only whitespace"),
        (b"%PDF-1.7 binary", "binary"),
        (b"\x89PNG\r\n\x1a\n....", "binary"),
        ("text with a \x00 NUL byte", "NUL"),
        (12345, "cannot clean a int"),
    ],
)
def test_bad_input_is_a_typed_error(source: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        newsclean.clean(source)  # type: ignore[arg-type]


def test_limits_are_settings(tmp_path: Path) -> None:
    small = Pipeline.default().with_limits(Limits(max_bytes=100))
    with pytest.raises(InputError, match="over the limit of 100"):
        small("word " * 100)
    few_lines = Pipeline.default().with_limits(Limits(max_lines=3))
    with pytest.raises(InputError, match="lines, over the limit"):
        few_lines("a\nb\nc\nd\ne")


def test_paths_and_gzip_are_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress(HTML.encode("utf-8")))
    doc = load_document(page)
    assert doc.format == "html" and "café" in doc.source and doc.url is None
    article = newsclean.clean(page)
    assert article.paragraphs == ("Un café noir, s'il vous plaît.",)


def test_truncated_gzip_and_missing_file_are_input_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(gzip.compress(b"Some text that goes on " * 50)[:40])
    with pytest.raises(InputError, match="gzip"):
        newsclean.clean(broken)
    with pytest.raises(InputError, match="cannot read file"):
        newsclean.clean(tmp_path / "absent.txt")


def test_errors_carry_the_url() -> None:
    with pytest.raises(InputError) as info:
        newsclean.clean("", url="https://example.org/x")
    assert info.value.document == "https://example.org/x"
    assert "https://example.org/x" in str(info.value)


def test_deep_html_is_a_clear_error_not_a_crash() -> None:
    # lxml stops at 255 levels and drops what follows: refusing is better than losing text silently.
    deep = "<html><body>" + "<div>" * 3000 + "<p>text</p>" + "</div>" * 3000 + "</body></html>"
    with pytest.raises(InputError, match="nesting deeper than the limit of 250"):
        newsclean.clean(deep)
    fine = "<html><body>" + "<div>" * 100 + "<p>A paragraph deep inside the page is still read.</p>"
    assert newsclean.clean(fine + "</div>" * 100 + "</body></html>").paragraphs
