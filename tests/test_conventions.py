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


def clean_in(lang: str, byline: str, first: str) -> newsclean.Article:
    lines = ["Titel | Beispiel", "Titel", byline, first, first]
    return newsclean.clean("\n\n".join(lines), lang=lang)


DE = "Die Stadt hat am Dienstag den Plan für die neue Brücke vorgestellt, teilte ein Sprecher mit."
FR = "Le maire a annoncé mardi la fermeture du pont pour des travaux de rénovation."
ES = "El Ayuntamiento aprobó este martes el plan para el nuevo puente de la ciudad."
IT = "Il sindaco ha annunciato martedì la chiusura del ponte per lavori di ristrutturazione."
NL = "De gemeente heeft dinsdag het plan voor de nieuwe brug gepresenteerd, zei een woordvoerder."


@pytest.mark.parametrize(
    ("lang", "byline", "first", "authors", "agency"),
    [
        ("de", "Von Anna Weber und Jan Schulz", DE, ["Anna Weber", "Jan Schulz"], None),
        ("de", "Von Anna Weber, Erfurt", DE, ["Anna Weber"], None),
        ("fr", "Par Jean Dupont", FR, ["Jean Dupont"], None),
        ("fr", "Le Monde avec AFP", FR, [], "AFP"),
        ("es", "Por María López — Sevilla", ES, ["María López"], None),
        ("es", "Por María López, El Diario — Sevilla", ES, ["María López"], None),
        ("fr", "Par Jean Dupont, Le Monde", FR, ["Jean Dupont"], None),
        ("es", "Por Agencia EFE", ES, [], "EFE"),
        ("it", "di Marco Rossi", IT, ["Marco Rossi"], None),
        ("nl", "Door Jan de Vries", NL, ["Jan de Vries"], None),
    ],
)
def test_bylines_in_other_languages(
    lang: str, byline: str, first: str, authors: list[str], agency: str | None
) -> None:
    article = clean_in(lang, byline, first)
    assert [a.name for a in article.authors] == authors
    assert article.agency == agency
    assert byline not in article.body


EN = "The council voted on Tuesday to close the old bridge for repairs, officials said."
CAPTION = "A worker walks past the closed bridge on Tuesday."


def clean_story_with(line: str, *, at_end: bool = False) -> newsclean.Article:
    story = (
        [EN, line, EN + " More work is planned."] if not at_end else [EN, EN + " More work is planned.", line]
    )
    return newsclean.clean("\n\n".join(["Bridge closes | Example", "Bridge closes", "By Jane Roe", *story]))


@pytest.mark.parametrize(
    "credit",
    [
        "(AP Photo/Matt Rourke)",
        "REUTERS/Mario Anzuoni",
        "Photograph: Jane Roe/AFP/Getty Images",
        "Photo: Jane Roe/Getty Images",
        "REUTERS FILE PHOTO",
    ],
)
def test_photo_credits_go_to_the_caption_and_out_of_the_body(credit: str) -> None:
    article = clean_story_with(f"{CAPTION} {credit}")
    assert [(c.text, c.credit) for c in article.captions] == [(CAPTION, credit.strip("()"))]
    assert CAPTION not in article.body and [a.name for a in article.authors] == ["Jane Roe"]


@pytest.mark.parametrize(
    ("trailer", "contributors"),
    [
        (
            "(Reporting by Jane Roe; Editing by John Doe and Mary Major)",
            [("Jane Roe", "reporting"), ("John Doe", "editing"), ("Mary Major", "editing")],
        ),
        ("Additional reporting by Jane Roe in London.", [("Jane Roe", "additional reporting")]),
        ("--With assistance from Jane Roe.", [("Jane Roe", "contributor")]),
        (
            "Associated Press writers Jane Roe and John Doe contributed to this report.",
            [("Jane Roe", "contributor"), ("John Doe", "contributor")],
        ),
    ],
)
def test_contributor_trailers_give_roles_and_leave_the_body(
    trailer: str, contributors: list[tuple[str, str]]
) -> None:
    article = clean_story_with(trailer, at_end=True)
    assert [(c.name, c.role) for c in article.contributors] == contributors
    assert trailer not in article.body


def test_a_dateline_under_key_points_and_a_lead_photo_opens_the_story() -> None:
    # Key points and a captioned lead photo stand above the dateline: they are not the story, and
    # "DUBAI, United Arab Emirates —" (city in capitals, country as written) is its dateline.
    lines = [
        "Airline orders new jets | Example",
        "Airline orders new jets",
        "By Jane Roe",
        "Key Points",
        "The airline has finalized a deal to buy 30 jets from the planemaker, the companies said.",
        "The deal comes in addition to five sales earlier this week at the air show in the city.",
        "An executive walks past a passenger aircraft during the air show in the city on Monday.",
        "Jane Roe | Example Images | Getty Images",
        "DUBAI, United Arab Emirates — The airline finalized a deal to buy 30 jets, executives said.",
        EN,
    ]
    article = newsclean.clean("\n\n".join(lines))
    assert article.dateline is not None and article.dateline.location == "DUBAI, United Arab Emirates"
    assert article.paragraphs[0].startswith("The airline finalized a deal")


def test_a_mixed_case_place_in_a_later_paragraph_is_no_dateline() -> None:
    later = "New York, NY – The company moved its offices last year, and the staff followed it north."
    article = clean_story_with(later)
    assert article.dateline is None and later in article.paragraphs


KO_STORY = [
    "정부는 5일 새로운 부동산 대책을 발표했다. 이번 대책은 청년층의 주거 안정을 위한 것이라고 밝혔다.",
    "전문가들은 이번 대책이 시장에 미칠 영향을 두고 의견이 엇갈린다고 말했다. 시행은 다음 달부터다.",
]


@pytest.mark.parametrize(
    ("credit", "author"),
    [("정덕현 칼럼니스트 writer@example.com", "정덕현"), ("칼럼니스트 박생강 writer@example.com", "박생강")],
)
def test_a_korean_columnist_credit_closing_the_story_names_the_author(credit: str, author: str) -> None:
    page = "\n\n".join(["부동산 대책 발표 | 예시일보", "부동산 대책 발표", *KO_STORY, credit])
    article = newsclean.clean(page)
    assert [a.name for a in article.authors] == [author]
    assert credit not in article.body
