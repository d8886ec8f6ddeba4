"""Names in bylines: Han names, which have no capitals and no spaces, beside Latin-script ones."""

from __future__ import annotations

import pytest

from newsclean.names import parse_byline_names


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("张三", "zh", ["张三"]),
        ("张三、李四", "zh", ["张三", "李四"]),
        ("陳大文 王小明", "zh", ["陳大文", "王小明"]),
        ("Jane Roe and John Doe", "en", ["Jane Roe", "John Doe"]),
    ],
)
def test_names_are_read(text: str, lang: str, expected: list[str]) -> None:
    assert [name for name, _raw in parse_byline_names(text, lang=lang).names] == expected


@pytest.mark.parametrize("text", ["北京市政府今天发布通知", "新闻"])
def test_han_text_that_is_no_name_is_not_taken(text: str) -> None:
    assert parse_byline_names(text, lang="zh").names == []


@pytest.mark.parametrize(
    ("text", "lang", "agency"),
    [
        ("Jean Dupont (avec AFP)", "fr", "AFP"),
        ("Anna Weber mit dpa", "de", "dpa"),
        ("Jane Roe (with Reuters)", "en", "Reuters"),
    ],
)
def test_a_wire_credited_with_the_writer_is_the_agency(text: str, lang: str, agency: str) -> None:
    parsed = parse_byline_names(text, lang=lang)
    assert (parsed.names[0][0], parsed.agency, parsed.leftover) == (
        text.split(" (")[0].split(" mit")[0],
        agency,
        [],
    )


def test_a_place_after_the_names_is_no_author() -> None:
    parsed = parse_byline_names("Anna Weber und Max Roth, Erfurt", lang="de")
    assert [name for name, _raw in parsed.names] == ["Anna Weber", "Max Roth"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("María López, El Diario", "es"),
        ("Jean Dupont, Le Monde", "fr"),
        ("Jane Roe, The Guardian", "en"),
        ("Anna Weber, Der Spiegel", "de"),
    ],
)
def test_a_paper_named_with_its_article_is_no_author(text: str, lang: str) -> None:
    parsed = parse_byline_names(text, lang=lang)
    assert [name for name, _raw in parsed.names] == [text.split(",")[0]]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("김민수", "ko", ["김민수"]),
        ("محمد أحمد", "ar", ["محمد أحمد"]),
        ("राजेश कुमार", "hi", ["राजेश कुमार"]),
        ("정부는새로운대책을", "ko", []),  # a run of Hangul longer than a name
        ("منى الشريف للنشرة العربية", "ar", []),  # four words: a name and what it was written for
    ],
)
def test_names_in_scripts_without_capitals(text: str, lang: str, expected: list[str]) -> None:
    assert [name for name, _raw in parse_byline_names(text, lang=lang).names] == expected
