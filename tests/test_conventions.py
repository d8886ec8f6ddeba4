"""The byline and dateline conventions the metadata issue names, each cleaned end to end.

Every case is a small made-up dump (page title, headline, the line under test, the story) cleaned
through the public API, so a convention holds only if every stage on its way lets it through. The
stage tests check the same forms one stage at a time.
"""

from __future__ import annotations

import pytest

import newsclean

STORY_END = "Officials said the work would take about three weeks and cost more than two million dollars."


def clean(byline: str, first: str, *, lang: str | None = None) -> newsclean.Article:
    lines = ["Bridge plan approved | Example News", "Bridge plan approved", byline, first, STORY_END]
    return newsclean.clean("\n\n".join(lines), lang=lang)


def test_from_staff_reports_credits_no_person_and_leaves_the_body() -> None:
    article = clean(
        "From staff reports", "The city council voted on Tuesday to close the old bridge for repairs."
    )
    assert article.authors == ()
    assert "From staff reports" not in article.body


@pytest.mark.parametrize(
    ("first", "location", "agency", "date", "rest"),
    [
        ("ROMA - Il governo ha approvato martedì il piano.", "ROMA", None, None, "Il governo ha approvato"),
        ("TOKYO — Nato is planning to open an office in Japan.", "TOKYO", None, None, "Nato is planning"),
        (
            "CHICAGO, Feb. 6, 2024 /PRNewswire/ -- Acme Corp announced a new line of bridges on Tuesday.",
            "CHICAGO",
            "PRNewswire",
            "Feb. 6, 2024",
            "Acme Corp announced",
        ),
        (
            "MADRID (EFE).- El Gobierno aprobó este martes el plan.",
            "MADRID",
            "EFE",
            None,
            "El Gobierno aprobó",
        ),
        (
            "Hamburg (dpa/lno) – Die Stadt hat am Dienstag den Plan vorgestellt.",
            "Hamburg",
            "dpa/lno",
            None,
            "Die Stadt",
        ),
        (
            "Hong Kong (CNN Business) Stocks fell sharply on Tuesday after the central bank raised rates.",
            "Hong Kong",
            "CNN Business",
            None,
            "Stocks fell sharply",
        ),
    ],
)
def test_dateline_fields_and_the_paragraph_keeps_the_rest(
    first: str, location: str, agency: str | None, date: str | None, rest: str
) -> None:
    article = clean("By Jane Roe", first)
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency, article.dateline.date) == (
        location,
        agency,
        date,
    )
    assert article.paragraphs[0].startswith(rest)
    assert article.text_as_published.split("\n\n")[0] == first  # the prefix is kept as printed
    assert [a.name for a in article.authors] == ["Jane Roe"]


@pytest.mark.parametrize(
    "line",
    [
        "By the time police arrived, the crowd had already left the square and the shops were closed.",
        "By providing an email address, I agree to the Terms of Use and acknowledge the Privacy Policy.",
    ],
)
def test_sentences_starting_with_by_are_no_bylines(line: str) -> None:
    article = clean("By Jane Roe", line)
    assert [a.name for a in article.authors] == ["Jane Roe"]
