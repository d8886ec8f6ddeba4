"""The ``byline`` stage: authors (and the agency) from the byline in the header zone."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.stages import Byline

from ._helpers import PAGES, PROSE, PROSE_2, SNIPPETS, lines_doc, run_stage, run_until

HEADLINE = "Bridge to close for repairs"


def byline(lines: list[str], *, lang: str = "en", **metadata: str) -> Document:
    doc = lines_doc(lines, lang=lang)
    doc.metadata.update(metadata)
    return run_stage(Byline(), doc)


def header(line: str, *, lang: str = "en") -> Document:
    return byline([HEADLINE, line, PROSE, PROSE_2], lang=lang)


def names(doc: Document) -> list[str]:
    return [a.name for a in doc.authors]


@pytest.mark.parametrize(
    ("line", "expected", "rule"),
    [
        ("By Leigh Ann Caldwell", ["Leigh Ann Caldwell"], "en/by-name"),
        ("By Sandee LaMotte, CNN", ["Sandee LaMotte"], "en/by-name"),
        ("By Jill Disis, CNN Business", ["Jill Disis"], "en/by-name"),
        ("Written by Rob Ewaschuk", ["Rob Ewaschuk"], "en/by-name"),
        ("by Lucas Nolan22 Dec 2016", ["Lucas Nolan"], "en/by-name"),
        ("By Anna van der Berg and Luis de la Cruz", ["Anna van der Berg", "Luis de la Cruz"], "en/by-name"),
        ("By DANICA KIRKA and JILL LAWLESS", ["Danica Kirka", "Jill Lawless"], "en/by-caps-name"),
        ("BY ABBY GOODNOUGH", ["Abby Goodnough"], "en/by-caps-name"),
        ("By MARTA KOWALCZYK and DEVON O'HARE", ["Marta Kowalczyk", "Devon O'Hare"], "en/by-caps-name"),
    ],
)
def test_english_bylines(line: str, expected: list[str], rule: str) -> None:
    doc = header(line)
    assert names(doc) == expected
    assert [b.removed for b in doc.blocks] == [None, "byline", None, None]
    (removal,) = doc.removals
    assert (removal.stage, removal.rule, removal.text) == ("byline", rule, line)


def test_caps_names_keep_the_printed_form_as_raw() -> None:
    doc = header("By DANICA KIRKA and JILL LAWLESS")
    assert [a.raw for a in doc.authors] == ["DANICA KIRKA", "JILL LAWLESS"]


def test_ap_role_suffix_gives_role_and_agency() -> None:
    doc = header("By GREG BEACHAM, AP Sports Writer")
    assert [(a.name, a.role) for a in doc.authors] == [("Greg Beacham", "AP Sports Writer")]
    assert doc.agency == "AP"


def test_staff_role_suffix_is_a_role_not_a_name() -> None:
    doc = header("By Jane Doe and John Roe, Staff Writers")
    assert [(a.name, a.role) for a in doc.authors] == [
        ("Jane Doe", "Staff Writers"),
        ("John Roe", "Staff Writers"),
    ]


def test_credentials_after_a_name_are_a_role() -> None:
    doc = header("By Brenda  Goodman, MA")
    assert [(a.name, a.raw, a.role) for a in doc.authors] == [("Brenda Goodman", "Brenda  Goodman", "MA")]


def test_reuters_pipe_suffix_gives_the_agency_not_a_second_author() -> None:
    doc = header("By Rafaela Monteiro | Reuters")
    assert names(doc) == ["Rafaela Monteiro"]
    assert doc.agency == "Reuters"


def test_agency_as_the_whole_byline() -> None:
    doc = header("By The Associated Press")
    assert doc.authors == [] and doc.agency == "AP"
    assert doc.blocks[1].removed == "byline"


def test_a_bare_agency_line_credits_the_agency() -> None:
    doc = header("Reuters")
    assert doc.authors == [] and doc.agency == "Reuters"
    assert doc.removals[0].rule == "xx/agency-credit"


def test_by_alone_on_a_line_takes_the_name_from_the_next_line() -> None:
    doc = byline([HEADLINE, "By", "Jane Doe", PROSE])
    assert names(doc) == ["Jane Doe"]
    assert [b.removed for b in doc.blocks] == [None, "byline", "byline", None]


@pytest.mark.parametrize(
    ("lang", "line", "expected"),
    [
        ("de", "Von Markus Balser und Klaus Ott", ["Markus Balser", "Klaus Ott"]),
        ("de", "VON ANNA SCHMIDT und MAX MÜLLER", ["Anna Schmidt", "Max Müller"]),
        ("de", "Ein Kommentar von Markus Balser", ["Markus Balser"]),
        ("de", "Autor: Markus Balser", ["Markus Balser"]),
        ("de", "Von Hans-Jürgen Moritz, dpa", ["Hans-Jürgen Moritz"]),
        ("fr", "Par Sébastien Farcis", ["Sébastien Farcis"]),
        ("fr", "Par Stefan Häne, Sylvain Besson", ["Stefan Häne", "Sylvain Besson"]),
        (
            "fr",
            "Par Églantine Rousseau et Mathis Leclerc-Dumont",
            ["Églantine Rousseau", "Mathis Leclerc-Dumont"],
        ),
        ("es", "Por Luciana Bertoia", ["Luciana Bertoia"]),
        ("es", "Por Lucía Echeverría Salvatierra", ["Lucía Echeverría Salvatierra"]),
        ("pt", "Por Adriano Fernandes | 03/05/2022 20:36", ["Adriano Fernandes"]),
    ],
)
def test_bylines_in_other_languages(lang: str, line: str, expected: list[str]) -> None:
    doc = header(line, lang=lang)
    assert names(doc) == expected
    assert doc.blocks[1].removed == "byline"


def test_german_byline_with_agency_credits_the_agency() -> None:
    assert header("Von Hans-Jürgen Moritz, dpa", lang="de").agency == "dpa"


def test_spanish_agency_byline_is_an_agency_not_a_person() -> None:
    doc = header("Por Agencia EFE", lang="es")
    assert doc.authors == [] and doc.agency == "EFE"


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "By providing an email address, I agree to the Terms of Use."),
        ("en", "By clicking Accept you agree to our terms"),
        ("en", "By 2030 the plan will be complete."),
        ("en", "Follow Author"),
        ("en", "CNN Wire"),
        ("en", "BBC News"),
        ("de", "Von Holden/Invision/AP"),
        ("de", "Von der Leyen sagte am Montag, die EU stehe zusammen."),
        ("de", "Von Montag an gilt die neue Regel."),
    ],
)
def test_lines_that_are_not_bylines(lang: str, line: str) -> None:
    doc = header(line, lang=lang)
    assert doc.authors == []
    assert doc.blocks[1].removed is None


def test_a_by_line_deep_in_the_story_is_not_a_byline() -> None:
    doc = byline([HEADLINE, PROSE, PROSE_2, "By Jane Doe"])
    assert doc.authors == [] and doc.removals == []


def test_the_first_byline_wins() -> None:
    doc = byline([HEADLINE, "By Jane Doe", PROSE, "By John Roe"])
    assert names(doc) == ["Jane Doe"]
    assert [b.removed for b in doc.blocks] == [None, "byline", None, None]


# -- metadata authors (HTML) ---------------------------------------------------------------


def test_metadata_author_stands_in_and_its_printed_line_leaves() -> None:
    doc = byline([HEADLINE, "Jane Doe", PROSE], author="Jane Doe")
    assert names(doc) == ["Jane Doe"]
    assert doc.blocks[1].removed == "byline"
    assert doc.removals[0].rule == "xx/author-name"


def test_metadata_author_list_with_an_agency() -> None:
    doc = byline([HEADLINE, PROSE], author="Jane Doe; Reuters")
    assert names(doc) == ["Jane Doe"] and doc.agency == "Reuters"


def test_a_visible_byline_wins_over_metadata() -> None:
    doc = byline([HEADLINE, "By Jane Doe", PROSE], author="Web Desk")
    assert names(doc) == ["Jane Doe"]


# -- known gaps -------------------------------------------------------------------------------


def test_four_caps_authors_with_a_middle_initial() -> None:
    doc = header("By JONATHAN J. COOPER, STEVE PEOPLES, HUMERA LODHI and SIMRAN PARWANI")
    assert names(doc) == ["Jonathan J. Cooper", "Steve Peoples", "Humera Lodhi", "Simran Parwani"]


@pytest.mark.xfail(
    strict=True,
    reason="a byline without 'By' ('A, B and C, Bloomberg', CONVENTIONS B7) gives no authors and no agency",
)
def test_names_and_agency_without_a_prefix() -> None:
    doc = header("Riley Griffin, Katherine Chiglinsky and David Voreacos, Bloomberg")
    assert names(doc) == ["Riley Griffin", "Katherine Chiglinsky", "David Voreacos"]
    assert doc.agency == "Bloomberg"


@pytest.mark.xfail(
    strict=True,
    reason="a byline run into the dateline in a dump (CONVENTIONS B4) is not split: the first prose block is "
    "never offered to the byline rules, so no authors",
)
def test_byline_run_into_the_dateline() -> None:
    doc = byline(
        [
            HEADLINE,
            "By DANICA KIRKA and JILL LAWLESS LONDON (AP) — "
            "Britain's parliament voted on Tuesday to delay the plan.",
        ]
    )
    assert names(doc) == ["Danica Kirka", "Jill Lawless"]


def test_outlet_with_agency_byline() -> None:
    doc = header("Le Monde avec AFP", lang="fr")
    assert doc.authors == [] and doc.agency == "AFP"


@pytest.mark.xfail(
    strict=True,
    reason="'Martin Untersinger (avec Damien Leloup et Morgane Tual)' (CONVENTIONS B15) gives no author",
)
def test_french_author_with_avec_contributors() -> None:
    doc = header("Martin Untersinger (avec Damien Leloup et Morgane Tual)", lang="fr")
    assert names(doc) == ["Martin Untersinger"]


# -- fixture pages -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected", "agency"),
    [
        (PAGES / "ap_wire_dump.txt", ["Marta Kowalczyk", "Devon O'Hare"], "AP"),
        (PAGES / "reuters_wire_dump.txt", ["Tomasz Brzezinski"], None),
        # The "(mit Material von dpa)" trailer, read by the stage before, credits dpa.
        (PAGES / "german_dpa_dump.txt", ["Katrin Vollmer", "Jonas Petersilie"], "dpa"),
        (PAGES / "figcaption_ap_photo.html", ["Ansel Morrow"], "AP"),
        (PAGES / "reuters_syndicated_table.html", ["Rafaela Monteiro"], "Reuters"),
        (SNIPPETS / "parse_article_with_chrome.html", ["Petra Lindqvist"], None),
    ],
    ids=lambda v: v.stem if hasattr(v, "stem") else None,
)
def test_fixture_pages_bylines(page: object, expected: list[str], agency: str | None) -> None:
    doc = run_until(page, "byline")
    assert names(doc) == expected
    assert doc.agency == agency
