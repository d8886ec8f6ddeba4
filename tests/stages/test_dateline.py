"""The ``dateline`` stage: "TOKYO —", "WASHINGTON (AP) —", "(Reuters) -" cut from the opening paragraph."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.stages import Dateline

from ._helpers import PAGES, PROSE, PROSE_2, PROSE_3, lines_doc, run_stage, run_until

REST = "officials said on Monday that the plan would go ahead as announced."


def dateline(lines: list[str], *, lang: str = "en") -> Document:
    return run_stage(Dateline(), lines_doc(lines, lang=lang))


def opening(first: str, *, lang: str = "en") -> Document:
    return dateline([first, PROSE_2], lang=lang)


@pytest.mark.parametrize(
    ("raw", "location", "agency", "date"),
    [
        ("WASHINGTON (AP) —", "WASHINGTON", "AP", None),
        ("HAYWARD, Calif. (AP) —", "HAYWARD, Calif.", "AP", None),
        ("ST. JOSEPH, Mich. (AP) —", "ST. JOSEPH, Mich.", "AP", None),
        ("SALT LAKE CITY (AP) —", "SALT LAKE CITY", "AP", None),
        ("HANOI, Vietnam (AP) —", "HANOI, Vietnam", "AP", None),
        ("LONDON (Reuters) -", "LONDON", "Reuters", None),
        ("KUALA LUMPUR, Jan 5 (Reuters) -", "KUALA LUMPUR", "Reuters", "Jan 5"),
        ("PARIS, Jan 1 (AFP) -", "PARIS", "AFP", "Jan 1"),
        ("New Delhi (AFP) -", "New Delhi", "AFP", None),
        ("(Reuters) —", None, "Reuters", None),
        ("(Bloomberg) --", None, "Bloomberg", None),
        ("MADRID —", "MADRID", None, None),
        ("BUFFALO, N.Y. —", "BUFFALO, N.Y.", None, None),
        ("CLEVELAND, Ohio –", "CLEVELAND, Ohio", None, None),
        ("BERLIN --", "BERLIN", None, None),
        ("NEW DELHI:", "NEW DELHI", None, None),
        ("HONOLULU, Hawaii (HawaiiNewsNow) -", "HONOLULU, Hawaii", "HawaiiNewsNow", None),
        ("Washington (CNN) --", "Washington", "CNN", None),
    ],
)
def test_english_datelines(raw: str, location: str | None, agency: str | None, date: str | None) -> None:
    doc = opening(f"{raw} The city {REST}")
    assert doc.dateline is not None
    assert (doc.dateline.raw, doc.dateline.location, doc.dateline.agency, doc.dateline.date) == (
        raw,
        location,
        agency,
        date,
    )
    assert doc.blocks[0].text == f"The city {REST}"
    assert doc.blocks[0].as_published == f"{raw} The city {REST}"


@pytest.mark.parametrize(
    ("first", "agency", "text"),
    [
        ("(CNN) President Donald Trump " + REST, "CNN", "President Donald Trump " + REST),
        ("Hong Kong (CNN Business) A muddled view " + REST, "CNN Business", "A muddled view " + REST),
    ],
)
def test_cnn_datelines_without_a_dash(first: str, agency: str, text: str) -> None:
    doc = opening(first)
    assert doc.dateline is not None and doc.dateline.agency == agency
    assert doc.blocks[0].text == text
    # CNN is the outlet, not a wire agency: the article's agency stays unset.
    assert doc.agency is None


@pytest.mark.parametrize(
    ("first", "location", "agency", "wire"),
    [
        (
            "Berlin (dpa) - Die Bundesregierung will die Steuern senken, teilte das Ministerium mit.",
            "Berlin",
            "dpa",
            "dpa",
        ),
        (
            "Hamburg (dpa/lno) – Ein Feuer hat in der Nacht eine Lagerhalle zerstört.",
            "Hamburg",
            "dpa/lno",
            "dpa",
        ),
        (
            "Berlin/Frankfurt (dpa) - Die Bahn und die Gewerkschaft haben sich geeinigt.",
            "Berlin/Frankfurt",
            "dpa",
            "dpa",
        ),
        (
            "Frankfurt/Main (dpa) - Der Dax ist am Montag deutlich gestiegen, sagten Händler.",
            "Frankfurt/Main",
            "dpa",
            "dpa",
        ),
    ],
)
def test_german_datelines_credit_dpa(first: str, location: str, agency: str, wire: str) -> None:
    doc = opening(first, lang="de")
    assert doc.dateline is not None
    assert (doc.dateline.location, doc.dateline.agency, doc.agency) == (location, agency, wire)


@pytest.mark.parametrize(
    ("first", "agency"),
    [
        (
            "ZARAGOZA (EFE) - Los agricultores del valle del Ebro solo podrán regar tres días por semana.",
            "EFE",
        ),
        (
            "MADRID (EFE).- El Gobierno aprobó el martes la reforma de las pensiones, informaron fuentes.",
            "EFE",
        ),
    ],
)
def test_spanish_datelines(first: str, agency: str) -> None:
    doc = opening(first, lang="es")
    assert doc.dateline is not None and doc.agency == agency
    assert doc.blocks[0].text.startswith(("Los agricultores", "El Gobierno"))


def test_a_flattened_dash_before_a_sentence_is_a_dateline() -> None:
    doc = opening(
        "Hamburg - Die Polizei hat am Montag zwei Männer festgenommen, teilte ein Sprecher mit.", lang="de"
    )
    assert doc.dateline is not None and doc.dateline.location == "Hamburg"
    assert opening("Liverpool - Manchester United 2:1 (1:0)", lang="de").dateline is None


def test_a_full_stop_glued_to_the_dash_is_not_part_of_the_place() -> None:
    doc = opening(
        "MADRID.- El Gobierno aprobó el martes la reforma de las pensiones, informaron fuentes.", lang="es"
    )
    assert doc.dateline is not None
    assert (doc.dateline.raw, doc.dateline.location) == ("MADRID.-", "MADRID")
    assert opening(f"WASHINGTON, D.C. - {PROSE}").dateline.location == "WASHINGTON, D.C."  # type: ignore[union-attr]


def test_dateline_agency_does_not_replace_an_agency_already_found() -> None:
    doc = lines_doc([f"LONDON (Reuters) - The city {REST}"])
    doc.agency = "AP"
    doc = run_stage(Dateline(), doc)
    assert doc.agency == "AP"
    assert doc.dateline is not None and doc.dateline.agency == "Reuters"


@pytest.mark.parametrize(
    "first",
    [
        "A HUNTER who was lost in the woods for three days was found alive, " + REST,
        "The WASHINGTON Post reported that " + REST,
        "NASA said on Monday that its rover had found new rocks, " + REST,
        "FBI agents searched the house on Tuesday, " + REST,
        "Angela Merkel (CDU) sagte am Montag, die Regierung werde die Pläne prüfen.",
        "BREAKING: Police have closed the main highway after a crash involving several trucks.",
        "EXCLUSIVE: The company plans to cut 2,000 jobs next year, according to documents.",
        "WATCH: The mayor explains why the city will close the old bridge for repairs next month.",
        "UPDATE - Officials said the road would reopen later on Monday after the storm passed.",
        "TOKYO — Short.",
    ],
)
def test_openings_that_are_not_datelines(first: str) -> None:
    doc = opening(first)
    assert doc.dateline is None
    assert doc.blocks[0].text == first
    assert doc.blocks[0].printed is None


def test_a_later_paragraph_is_not_read_when_the_opening_has_no_dateline() -> None:
    later = "TOKYO — Nato is planning to open a liaison office in Japan, its first in Asia, officials said."
    doc = dateline([PROSE, PROSE_2, PROSE, later])
    assert doc.dateline is None
    assert doc.blocks[3].text == later


def test_a_stray_teaser_before_the_opening_is_skipped() -> None:
    doc = dateline(
        ["Nato says it scrambled jets", "TOKYO — Nato is planning to open a liaison office in Japan.", PROSE]
    )
    assert doc.dateline is not None and doc.dateline.location == "TOKYO"
    assert doc.blocks[1].text == "Nato is planning to open a liaison office in Japan."


def test_removed_blocks_are_not_the_opening() -> None:
    doc = lines_doc(["(AP Photo/Ruth Calloway)", f"CAPE MAY POINT, N.J. (AP) — The town {REST}"])
    doc.drop(doc.blocks[0], reason="caption", rule="xx/credit-agency-photo")
    doc = run_stage(Dateline(), doc)
    assert doc.dateline is not None and doc.dateline.location == "CAPE MAY POINT, N.J."


def test_an_empty_body_has_no_dateline() -> None:
    assert run_stage(Dateline(), lines_doc([])).dateline is None


# -- known gaps ---------------------------------------------------------------------------


def test_a_hyphenated_acronym_with_a_colon_is_not_a_dateline() -> None:
    first = "COVID-19: Hospitals in the region have postponed planned surgeries as cases rise again."
    doc = opening(first)
    assert doc.dateline is None
    assert doc.blocks[0].text == first


def test_an_acronym_with_a_dashed_aside_is_not_a_dateline() -> None:
    first = "NATO — the alliance formed in 1949 — now has 31 members, and more want to join, officials said."
    doc = opening(first)
    assert doc.dateline is None
    assert doc.blocks[0].text == first


def test_mixed_case_city_with_a_dash() -> None:
    doc = opening(f"Indianapolis – Several thousand {REST}")
    assert doc.dateline is not None and doc.dateline.location == "Indianapolis"


def test_mixed_case_city_and_state_with_a_dash() -> None:
    doc = opening(f"Dekalb, Ill. — Several {REST}")
    assert doc.dateline is not None and doc.dateline.location == "Dekalb, Ill."


def test_dated_bloomberg_dateline() -> None:
    doc = opening(f"Sept. 14 (Bloomberg) -- The trouble with {REST}")
    assert doc.dateline is not None
    assert (doc.dateline.agency, doc.dateline.date) == ("Bloomberg", "Sept. 14")


# -- fixture pages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "raw", "agency"),
    [
        ("ap_wire_dump.txt", "MARIETTA, Ohio (AP) —", "AP"),
        ("reuters_wire_dump.txt", "LONDON, June 5 (Reuters) -", "Reuters"),
        ("cnn_style_dump.txt", "(CNN)", None),
        ("bloomberg_markets_dump.txt", "(Bloomberg) --", "Bloomberg"),
        ("german_dpa_dump.txt", "Berlin (dpa) -", "dpa"),
        ("spanish_por_dump.txt", "ZARAGOZA (EFE) -", "EFE"),
        ("figcaption_ap_photo.html", "CAPE MAY POINT, N.J. (AP) —", "AP"),
        ("reuters_syndicated_table.html", "SAO PAULO (Reuters) -", "Reuters"),
        ("blog_cookie_comments.html", None, None),
        ("french_par_page.html", None, None),
    ],
)
def test_fixture_pages_datelines(page: str, raw: str | None, agency: str | None) -> None:
    doc = run_until(PAGES / page, "dateline")
    assert (doc.dateline.raw if doc.dateline else None) == raw
    assert doc.agency == agency
    first = next(doc.kept(), None)
    assert first is not None
    if raw is not None:
        assert first.as_published == f"{raw} {first.text}"


def test_dateline_under_the_headline_past_teasers_the_body_kept_above_it() -> None:
    teasers = [f"Local team {word} the title in a close final" for word in ("wins", "loses", "ties")]
    doc = lines_doc(
        [*teasers, "Bridge closes for repairs", "By Jane Roe", f"SPRINGFIELD, Ill. — {PROSE}", PROSE_2]
    )
    doc.drop(doc.blocks[3], reason="title", rule="xx/headline")
    doc.drop(doc.blocks[4], reason="byline", rule="en/by-name")
    doc = run_stage(Dateline(), doc)
    assert doc.dateline is not None
    assert doc.dateline.location == "SPRINGFIELD, Ill."
    assert [b.removed for b in doc.blocks[:3]] == ["not_main_content"] * 3
    assert [b.text for b in doc.kept()] == [PROSE, PROSE_2]


def test_teasers_without_a_full_stop_do_not_end_the_search_for_the_dateline() -> None:
    teasers = [f"Man dies after crash in St. Paul, {n} hurt" for n in ("two", "three", "four")]
    doc = dateline([*teasers, f"BUFFALO, N.Y. — {PROSE}", PROSE_2])
    assert doc.dateline is not None
    assert doc.dateline.location == "BUFFALO, N.Y."


def test_no_dateline_deep_under_the_headline_once_the_story_began() -> None:
    doc = lines_doc(["Bridge closes for repairs", PROSE, PROSE_2, PROSE_3, f"SPRINGFIELD — {PROSE}"])
    doc.drop(doc.blocks[0], reason="title", rule="xx/headline")
    doc = run_stage(Dateline(), doc)
    assert doc.dateline is None
    assert [b.removed for b in doc.blocks[1:]] == [None] * 4


def test_a_mixed_case_dateline_right_under_the_byline_is_read_and_the_standfirst_stays() -> None:
    standfirst = "Nach wochenlangem Streit haben sich SPD, Grüne und FDP auf einen Entwurf geeinigt."
    story = "Berlin – Die Spitzen der Koalition haben sich in der Nacht auf den Haushalt verständigt."
    doc = lines_doc(["Koalition einigt sich", standfirst, "Von Anna Müller", story, PROSE], lang="de")
    doc.drop(doc.blocks[0], reason="title", rule="xx/headline")
    doc.headline_index = 0
    doc.drop(doc.blocks[2], reason="byline", rule="de/von-name")
    doc = run_stage(Dateline(), doc)
    assert doc.dateline is not None and doc.dateline.location == "Berlin"
    assert doc.blocks[1].removed is None
    assert doc.blocks[3].text.startswith("Die Spitzen")


def test_an_agency_printed_after_the_dash_joins_the_dateline() -> None:
    story = "МОСКВА, 20 ноя — РИА Новости. Президент России провел совещание с правительством во вторник."
    doc = dateline([story, PROSE], lang="ru")
    assert doc.dateline is not None
    assert (doc.dateline.location, doc.dateline.agency) == ("МОСКВА", "РИА Новости")
    assert doc.agency == "RIA Novosti"
    assert doc.blocks[0].text.startswith("Президент России")


def test_a_place_line_in_capitals_above_the_first_paragraph_is_the_dateline() -> None:
    doc = dateline(["BAAR, SWITZERLAND", PROSE, PROSE_2])
    assert doc.dateline is not None
    assert doc.dateline.location == "BAAR, SWITZERLAND"
    assert [b.removed for b in doc.blocks] == ["dateline", None, None]


def test_a_capitals_line_without_a_region_is_no_dateline() -> None:
    doc = dateline(["BREAKING NEWS", PROSE])
    assert doc.dateline is None


def test_a_place_region_and_country_before_a_colon_is_a_dateline() -> None:
    doc = opening(f"Washington, DC, United States: The {REST}")
    assert doc.dateline is not None
    assert (doc.dateline.raw, doc.dateline.location, doc.dateline.agency) == (
        "Washington, DC, United States:",
        "Washington, DC, United States",
        None,
    )
    assert doc.blocks[0].text == f"The {REST}"


def test_under_the_pages_own_description_the_next_paragraph_may_open_with_a_mixed_case_dateline() -> None:
    standfirst = "NASA wants to land on the Moon again, and it is asking private firms to help it do so."
    lines = [standfirst, f"Washington, DC, United States: The {REST}", PROSE_2]
    doc = dateline(lines)
    assert doc.dateline is None  # without the description, paragraph two is read as prose
    described = lines_doc(lines)
    described.metadata["description"] = standfirst
    doc = run_stage(Dateline(), described)
    assert doc.dateline is not None and doc.dateline.location == "Washington, DC, United States"
    # As with any text above a dateline, the standfirst leaves the body (the story opens there).
    assert [r.rule for r in doc.removals] == ["xx/above-dateline"]


def test_the_outlet_crediting_itself_where_a_dateline_stands() -> None:
    doc = lines_doc([f"Example.Net - The {REST}", PROSE_2])
    doc.site_name = "Example.Net"
    doc = run_stage(Dateline(), doc)
    assert doc.dateline is not None
    assert (doc.dateline.raw, doc.dateline.location, doc.dateline.agency) == (
        "Example.Net -",
        None,
        "Example.Net",
    )
    assert doc.agency is None, "an outlet is not a wire agency"
    assert doc.blocks[0].text == f"The {REST}"


def test_the_site_name_inside_a_sentence_is_no_dateline() -> None:
    doc = lines_doc([f"Example.Net readers - and {REST}", PROSE_2])
    doc.site_name = "Example.Net"
    assert run_stage(Dateline(), doc).dateline is None


def test_a_place_line_in_capitals_under_a_standfirst_is_the_dateline() -> None:
    standfirst = "The two companies will sell the new alarm system together across Europe from next year."
    doc = lines_doc(["Firms join forces on alarms", standfirst, "BAAR, SWITZERLAND", PROSE, PROSE_2])
    doc.drop(doc.blocks[0], reason="title", rule="xx/headline")
    doc = run_stage(Dateline(), doc)
    assert doc.dateline is not None and doc.dateline.location == "BAAR, SWITZERLAND"
    assert [b.removed for b in doc.blocks] == ["title", "not_main_content", "dateline", None, None]


def test_prose_between_headline_and_byline_above_a_dateline_is_the_standfirst() -> None:
    deck = "The two companies will sell the new alarm system together across Europe from next year."
    doc = lines_doc(["Firms join forces on alarms", deck, "By Jane Roe", f"BERLIN (dpa) - {PROSE}", PROSE_2])
    doc.headline_index = 0
    doc.drop(doc.blocks[0], reason="title", rule="xx/headline")
    doc.drop(doc.blocks[2], reason="byline", rule="en/by-name")
    doc = run_stage(Dateline(), doc)
    assert doc.dateline is not None and doc.standfirst == deck
    assert [b.removed for b in doc.blocks] == ["title", "standfirst", "byline", None, None]


def test_in_clean_text_the_paragraphs_above_a_dateline_shaped_one_stay() -> None:
    # A body cleaned before has no page around it: its first paragraph is the story, and a
    # dateline further down (a second report quoted in full) takes nothing above it away.
    doc = dateline([PROSE, f"LONDON (Reuters) - {PROSE_2}", PROSE_3])
    assert doc.dateline is None
    assert doc.removals == []
