"""The ``trailers`` stage: "(Reporting by X; Editing by Y)" and "X contributed to this report"."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean import Document
from newsclean.stages import Trailers

from ._helpers import PAGES, PROSE, lines_doc, run_stage, run_until


def trailers(lines: list[str], *, lang: str = "en", agency: str | None = None) -> Document:
    doc = lines_doc(lines, lang=lang)
    doc.agency = agency
    return run_stage(Trailers(), doc)


def people(doc: Document) -> list[tuple[str, str]]:
    return [(c.name, c.role) for c in doc.contributors]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "(Reporting by Will Dunham; Editing by Tom Brown)",
            [("Will Dunham", "reporting"), ("Tom Brown", "editing")],
        ),
        (
            "Additional reporting by Steve Gorman; "
            "Editing by Marguerita Choy, Nick Zieminski and Simon Cameron-Moore",
            [
                ("Steve Gorman", "additional reporting"),
                ("Marguerita Choy", "editing"),
                ("Nick Zieminski", "editing"),
                ("Simon Cameron-Moore", "editing"),
            ],
        ),
        (
            "Reporting by Rodrigo Campos; additional reporting by Stephanie Kelly and Saqib Iqbal Ahmed; "
            "Editing by Nick Zieminski",
            [
                ("Rodrigo Campos", "reporting"),
                ("Stephanie Kelly", "additional reporting"),
                ("Saqib Iqbal Ahmed", "additional reporting"),
                ("Nick Zieminski", "editing"),
            ],
        ),
        (
            "Reporting by Greg Roumeliotis, Joshua Franklin, with reporting by Herb Lash and Megan Davies, "
            "editing by Martin Howell.",
            [
                ("Greg Roumeliotis", "reporting"),
                ("Joshua Franklin", "reporting"),
                ("Herb Lash", "with reporting"),
                ("Megan Davies", "with reporting"),
                ("Martin Howell", "editing"),
            ],
        ),
        (
            "(Writing by Elena Ostrowski; Editing by Kim Chua)",
            [("Elena Ostrowski", "writing"), ("Kim Chua", "editing")],
        ),
    ],
)
def test_reuters_style_trailers(line: str, expected: list[tuple[str, str]]) -> None:
    doc = trailers([PROSE, line])
    assert people(doc) == expected
    assert [b.removed for b in doc.blocks] == [None, "contributors"]
    (removal,) = doc.removals
    assert (removal.stage, removal.rule, removal.text) == ("trailers", "en/reuters-trailer", line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Heba Habib contributed to this report.", ["Heba Habib"]),
        ("Heba Habib and Omar Sadiq contributed to this report.", ["Heba Habib", "Omar Sadiq"]),
        ("--With assistance from Mark Gurman and Debby Wu.", ["Mark Gurman", "Debby Wu"]),
    ],
)
def test_contributor_lines(line: str, expected: list[str]) -> None:
    doc = trailers([PROSE, line])
    assert people(doc) == [(name, "contributor") for name in expected]
    assert doc.blocks[1].removed == "contributors"


def test_trailer_before_a_copyright_line_is_read_and_the_copyright_left_alone() -> None:
    doc = trailers([PROSE, "(Reporting by Will Dunham; Editing by Tom Brown)", "© Reuters"])
    assert [b.removed for b in doc.blocks] == [None, "contributors", None]


@pytest.mark.parametrize(
    ("lang", "line", "agency"),
    [
        ("de", "(mit Material von dpa)", "dpa"),
        ("de", "Quellen: dpa, AFP", "dpa"),
        ("fr", "(avec AFP)", "AFP"),
        ("es", "Con información de EFE", "EFE"),
    ],
)
def test_agency_credit_lines_credit_the_agency(lang: str, line: str, agency: str) -> None:
    doc = trailers([PROSE, line], lang=lang)
    assert doc.agency == agency
    assert doc.contributors == []
    assert doc.blocks[1].removed == "contributors"


def test_an_agency_credit_does_not_replace_an_agency_already_found() -> None:
    doc = trailers([PROSE, "(mit Material von dpa)"], lang="de", agency="AFP")
    assert doc.agency == "AFP"


def test_german_mitarbeit_line() -> None:
    doc = trailers([PROSE, "(Mitarbeit: Anna Schmidt und Max Müller)"], lang="de")
    assert people(doc) == [("Anna Schmidt", "contributor"), ("Max Müller", "contributor")]


@pytest.mark.parametrize(
    "line",
    [
        "Several factors contributed to this report's delay, including the pandemic and budget cuts.",
        "Editors by trade, the pair met at a newspaper in Ohio in 1998, a friend said.",
        PROSE,
    ],
)
def test_story_sentences_stay(line: str) -> None:
    doc = trailers([line])
    assert doc.removals == [] and doc.contributors == []


def test_story_sentence_starting_reporting_by_stays() -> None:
    line = "Reporting by the newspaper was criticised by the council, which said the figures were wrong."
    assert trailers([PROSE, line]).blocks[1].removed is None


def test_story_sentence_starting_with_assistance_from_stays() -> None:
    line = "With assistance from the UN, the refugees were moved to a new camp near the border."
    assert trailers([PROSE, line]).blocks[1].removed is None


def test_reporter_with_a_location() -> None:
    doc = trailers([PROSE, "(Reporting by Will Dunham in Washington; Editing by Tom Brown)"])
    assert people(doc) == [("Will Dunham", "reporting"), ("Tom Brown", "editing")]


def test_ap_writer_line_gives_the_writer() -> None:
    doc = trailers([PROSE, "Associated Press writer Priya Raman contributed to this report."])
    assert people(doc) == [("Priya Raman", "contributor")]


def test_ap_writers_list_keeps_the_first_name() -> None:
    doc = trailers(
        [PROSE, "Associated Press writers Alan Fram, Zeke Miller and Jill Colvin contributed to this report."]
    )
    assert [n for n, _ in people(doc)] == ["Alan Fram", "Zeke Miller", "Jill Colvin"]


def test_ap_contributors_with_locations() -> None:
    line = (
        "Associated Press writers Marcia Dunn in Cape Canaveral, Florida, and Vladimir Isachenkov in Moscow "
        "contributed to this report."
    )
    assert [n for n, _ in people(trailers([PROSE, line]))] == ["Marcia Dunn", "Vladimir Isachenkov"]


def test_outlet_possessive_is_not_part_of_the_name() -> None:
    doc = trailers([PROSE, "Fox News' Jessica Napoli contributed to this report"])
    assert people(doc) == [("Jessica Napoli", "contributor")]


def test_initials_slash_agency_credits_the_agency() -> None:
    doc = trailers([PROSE, "jm/dpa"], lang="de")
    assert doc.agency == "dpa"


def test_fixture_page_trailer() -> None:
    doc = run_until(PAGES / "reuters_syndicated_table.html", "trailers")
    assert people(doc) == [("Rafaela Monteiro", "reporting"), ("Conrad Vasquez", "editing")]
    assert [r.text for r in doc.removals if r.reason == "contributors"] == [
        "(Reporting by Rafaela Monteiro; Editing by Conrad Vasquez)"
    ]


def test_german_fixture_page_credit_line() -> None:
    doc = run_until(PAGES / "german_dpa_dump.txt", "trailers")
    assert doc.agency == "dpa"
    assert [r.text for r in doc.removals if r.reason == "contributors"] == ["(mit Material von dpa)"]


def test_a_written_by_line_above_the_story_is_left_to_the_byline_stage() -> None:
    header = "Written by Rachael Link, MS, RD on November 14, 2019"
    doc = lines_doc([header, PROSE, "Written by Rachael Link"])
    doc = run_stage(Trailers(), doc)
    assert [b.removed for b in doc.blocks] == [None, None, "contributors"]


def test_role_groups_credit_people_in_several_roles_on_one_line(tmp_path: Path) -> None:
    rules = tmp_path / "desk.toml"
    rules.write_text(
        'lang = "en"\nname = "Desk credits"\n[[rule]]\nid = "desk-credit"\nkind = "trailer"\n'
        "regex = '^Words: (?P<role_author>[^;]+); photos: (?P<role_photographer>[^;]+)$'\n"
        'examples = ["Words: Jane Roe; photos: John Doe"]\n',
        encoding="utf-8",
    )
    doc = run_stage(
        Trailers(pattern_files=(str(rules),)), lines_doc([PROSE, "Words: Jane Roe; photos: John Doe"])
    )
    assert [(c.name, c.role) for c in doc.contributors] == [
        ("Jane Roe", "author"),
        ("John Doe", "photographer"),
    ]
    assert doc.blocks[1].removed == "contributors"
