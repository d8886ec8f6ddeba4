"""The ``title`` stage: headline and site name; the page-title line and the headline leave the body."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.stages import Title

from ._helpers import PAGES, PROSE, SNIPPETS, lines_doc, removed, run_stage, run_until


def title(lines: list[str], **metadata: str) -> Document:
    doc = lines_doc(lines, lang=None)
    doc.metadata.update(metadata)
    return run_stage(Title(), doc)


@pytest.mark.parametrize(
    ("page_title", "headline", "site"),
    [
        ("Storm hits coast | Daily Example", "Storm hits coast", "Daily Example"),
        ("Storm hits coast – Daily Example", "Storm hits coast", "Daily Example"),
        ("Storm hits coast - Daily Example", "Storm hits coast", "Daily Example"),
        ("Daily Example - Storm hits coast", "Storm hits coast", "Daily Example"),
        ("Storm hits coast :: Daily Example", "Storm hits coast", "Daily Example"),
        ("Storm hits coast » Daily Example", "Storm hits coast", "Daily Example"),
        # In Japanese every character counts as a word: a long site name is still a name.
        (
            "商品の改造が商標法違反に！？ - 特許業務法人ライトハウス国際特許事務所",
            "商品の改造が商標法違反に！？",
            "特許業務法人ライトハウス国際特許事務所",
        ),
        ("台风登陆浙江沿海 - 新浪新闻", "台风登陆浙江沿海", "新浪新闻"),
        # Chinese sites join headline, channel and site with "_", a full-width bar or a bare hyphen.
        ("台风登陆浙江沿海_新闻中心_华东在线", "台风登陆浙江沿海", "华东在线"),
        ("台风登陆浙江沿海｜华东在线", "台风登陆浙江沿海", "华东在线"),
        ("台风登陆浙江沿海-华东在线", "台风登陆浙江沿海", "华东在线"),
    ],
)
def test_headline_and_site_name_from_the_page_title(page_title: str, headline: str, site: str) -> None:
    doc = title([page_title, headline, PROSE])
    assert (doc.title, doc.site_name) == (headline, site)
    assert [b.removed for b in doc.blocks] == ["title", "title", None]
    assert [r.rule for r in doc.removals] == ["xx/page-title", "xx/headline"]


def test_title_is_the_headline_as_printed_not_as_in_the_page_title() -> None:
    # The <title> uses "--" and a hyphen; the page prints an en dash: the printed form wins.
    doc = title(
        [
            "Biden-Xi talks end without deal--report | World News",
            "Biden–Xi talks end without deal–report",
            PROSE,
        ]
    )
    assert doc.title == "Biden–Xi talks end without deal–report"
    assert doc.site_name == "World News"


def test_a_headline_that_contains_a_separator_stays_whole() -> None:
    doc = title(
        [
            "Mayor: ‘We will rebuild’ — after the fire | The Town Crier",
            "Mayor: ‘We will rebuild’ — after the fire",
            PROSE,
        ]
    )
    assert doc.title == "Mayor: ‘We will rebuild’ — after the fire"
    assert doc.site_name == "The Town Crier"


def test_headline_found_below_menu_lines() -> None:
    doc = title(["Storm hits coast | Daily Example", "Menu", "Search", "Storm hits coast", PROSE])
    assert doc.title == "Storm hits coast"
    assert [b.removed for b in doc.blocks] == ["title", None, None, "title", None]


def test_a_repeated_headline_leaves_the_body_too() -> None:
    doc = title(["Storm hits coast | Daily Example", "Storm hits coast", PROSE, "Storm hits coast", PROSE])
    assert [b.removed for b in doc.blocks] == ["title", "title", None, "title", None]
    assert doc.removals[-1].rule == "xx/repeated-headline"


def test_first_line_echoed_later_is_the_page_title_even_without_a_separator() -> None:
    doc = title(["Storm hits coast", PROSE, "Storm hits coast", "Share this article"])
    assert doc.title == "Storm hits coast"
    assert doc.site_name is None
    assert [b.removed for b in doc.blocks] == ["title", None, "title", None]


def test_the_site_address_under_the_first_line_is_the_masthead() -> None:
    doc = title(["Storm hits coast", "Daily Example.fr", "Share this article", "Storm hits coast", PROSE])
    assert doc.site_name == "Daily Example.fr"
    assert removed(doc)[:2] == [("Storm hits coast", "title"), ("Daily Example.fr", "navigation")]


def test_a_line_under_the_first_line_that_is_no_address_stays() -> None:
    doc = title(["Storm hits coast", "Daily Example", "Share this article", "Storm hits coast", PROSE])
    assert doc.blocks[1].removed is None


@pytest.mark.parametrize(
    "lines",
    [
        ["Storm hits coast", PROSE, "Storm hits coast"],
        ["Rates | Bonds", PROSE],
    ],
)
def test_clean_text_keeps_its_first_line(lines: list[str]) -> None:
    # Without page chrome the text may be a body cleaned before: its first line is the story's
    # when printed again, or when split by a bar into labels (re-cleaning removes nothing more).
    doc = title(lines)
    assert doc.title is None and doc.removals == []


@pytest.mark.parametrize("lines", [["0:0:0", "0:0:0"], ["Storm hits coast", "Storm hits coast"]])
def test_a_code_or_a_line_printed_twice_alone_is_no_page_title(lines: list[str]) -> None:
    # A score is no headline, and two copies of one line with nothing else are no page around a story.
    doc = title([*lines, PROSE] if lines[0][0].isdigit() else lines)
    assert doc.title is None and doc.removals == []


def test_a_dump_starting_with_prose_has_no_title_and_loses_nothing() -> None:
    doc = title([PROSE, "More rain is expected on Tuesday, forecasters said."])
    assert doc.title is None and doc.site_name is None
    assert doc.removals == []


def test_page_title_without_a_printed_headline_still_gives_the_title() -> None:
    doc = title(["Storm hits coast | Daily Example", PROSE])
    assert (doc.title, doc.site_name) == ("Storm hits coast", "Daily Example")
    assert [b.removed for b in doc.blocks] == ["title", None]


def test_og_site_name_wins_over_the_page_title_tail() -> None:
    doc = title(
        ["Storm hits coast | Daily Example", "Storm hits coast", PROSE], og_site_name="The Daily Example"
    )
    assert doc.site_name == "The Daily Example"


def test_trafilatura_sitename_is_only_a_fallback() -> None:
    # trafilatura's guess may be the URL's host; the page title's tail is better evidence.
    doc = title(["Storm hits coast | Daily Example", "Storm hits coast", PROSE], sitename="dailyexample.com")
    assert doc.site_name == "Daily Example"
    doc = title(["Storm hits coast", PROSE, "Storm hits coast"], sitename="dailyexample.com")
    assert doc.site_name == "dailyexample.com"


def test_a_body_sentence_that_merely_mentions_the_headline_stays() -> None:
    doc = title(
        ["Storm hits coast | Daily Example", "Storm hits coast", "Storm hits coast, the agency said at noon."]
    )
    assert doc.blocks[2].removed is None


def test_site_name_is_the_last_part_when_the_page_title_has_a_section() -> None:
    doc = title(["Storm hits coast | Weather | Daily Example", "Storm hits coast", PROSE])
    assert doc.title == "Storm hits coast"
    assert doc.site_name == "Daily Example"


# -- HTML pages ----------------------------------------------------------------------


def test_html_head_title_and_h1() -> None:
    doc = run_until(SNIPPETS / "parse_article_with_chrome.html", "title")
    assert doc.title == "Wildfire smoke closes schools across the valley"
    assert doc.site_name == "Valley Courier"
    assert removed(doc) == [
        ("Wildfire smoke closes schools across the valley | Valley Courier", "title"),
        ("Wildfire smoke closes schools across the valley", "title"),
    ]
    assert next(b for b in doc.blocks if b.removed == "title" and b.tag == "h1")


@pytest.mark.parametrize(
    ("page", "headline", "site"),
    [
        ("ap_wire_dump.txt", "Flooded river forces evacuations in Ohio town", "Riverside Herald"),
        (
            "german_dpa_dump.txt",
            "Bahn kündigt neue Sprinter zwischen Hamburg und München an",
            "Nordkurier Online",
        ),
        (
            "french_par_page.html",
            "À Lyon, les vélos-cargos remplacent peu à peu les camionnettes",
            "Le Quotidien du Rhône",
        ),
        ("blog_cookie_comments.html", "Why our town library went fine-free", "The Margin Notes"),
    ],
)
def test_fixture_pages_title_and_site(page: str, headline: str, site: str) -> None:
    doc = run_until(PAGES / page, "title")
    assert (doc.title, doc.site_name) == (headline, site)
    assert [r.text for r in doc.removals if r.rule == "xx/headline"] == [headline]


def test_a_page_of_furniture_has_no_title() -> None:
    doc = run_until(PAGES / "all_boilerplate_dump.txt", "title")
    assert doc.title is None
    assert doc.removals == []


# -- a page title that names the story otherwise --------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        ["Coast braces for a second storm as damage mounts", "By Jane Roe", "March 3, 2024"],
        ["Coast braces for a second storm as damage mounts", "Jane Roe and John Doe Daily Example"],
        ["Coast braces for a second storm as damage mounts", "Jane Roe", "Monday 5:30PM", "Share"],
        ["Coast braces for a second storm as damage mounts"],
    ],
    ids=["byline-and-date", "names-line", "bare-name-and-weekday", "over-the-first-paragraph"],
)
def test_printed_headline_over_the_byline_when_the_page_title_differs(header: list[str]) -> None:
    doc = title(["Storm damage mounts on the coast | Daily Example", "Home", "News", *header, PROSE, PROSE])
    assert (doc.title, doc.site_name) == ("Coast braces for a second storm as damage mounts", "Daily Example")
    assert doc.blocks[3].removed == "title"
    assert doc.removals[-1].rule == "xx/headline-over-byline"


def test_the_printed_headline_over_a_standfirst_and_a_byline() -> None:
    doc = title(
        [
            "Storm damage mounts on the coast | Daily Example",
            "Coast braces for a second storm",
            "Residents who had only just returned home were told to leave again on Monday night.",
            "By Jane Roe",
            "March 3, 2024",
            PROSE,
        ]
    )
    assert doc.title == "Coast braces for a second storm"


def test_a_headline_over_its_long_deck_is_the_headline() -> None:
    doc = title(
        [
            "Storm damage mounts on the coast | Daily Example",
            "Coast braces for a second storm",
            "“We have never seen anything like it,” the mayor told residents at a meeting on Monday night",
            "By Jane Roe",
            PROSE,
        ]
    )
    assert doc.title == "Coast braces for a second storm"


def test_a_teaser_sharing_no_word_with_the_page_title_is_not_the_headline() -> None:
    doc = title(
        ["Storm hits coast | Daily Example", "Menu", "Football club wins the cup final", "By Jane Roe", PROSE]
    )
    assert doc.title == "Storm hits coast"
    assert doc.blocks[2].removed is None


def test_the_whole_page_title_printed_beats_a_loose_match_of_one_part() -> None:
    doc = title(
        [
            "Take C.A.R.E. - Acme at the Expo 2024",
            "Acme and its partner at the Expo",
            "Take C.A.R.E. - Acme at the Expo 2024",
            PROSE,
        ]
    )
    assert doc.title == "Take C.A.R.E. - Acme at the Expo 2024"
    assert [b.removed for b in doc.blocks] == ["title", None, "title", None]


def test_a_dump_without_blank_lines_has_its_page_title_read_when_the_headline_repeats() -> None:
    lines = [
        "Bundestag: Ampel einigt sich auf Haushalt 2025 - DER SPIEGEL",
        "Politik",
        "Ampel einigt sich auf Haushalt 2025",
        "Nach wochenlangem Streit haben sich SPD, Grüne und FDP auf einen Entwurf geeinigt.",
    ]
    doc = lines_doc(lines, lang="de")
    for block in doc.blocks:
        block.gap_before = False
    doc = run_stage(Title(), doc)
    assert (doc.title, doc.site_name) == ("Ampel einigt sich auf Haushalt 2025", "DER SPIEGEL")
    assert [b.removed for b in doc.blocks] == ["title", None, "title", None]


def test_a_first_line_without_a_repeated_part_stays_in_a_dump_without_blank_lines() -> None:
    doc = lines_doc(["Berlin - Die Koalition hat sich geeinigt", "Der Entwurf soll nun beraten werden."])
    for block in doc.blocks:
        block.gap_before = False
    doc = run_stage(Title(), doc)
    assert doc.blocks[0].removed is None
