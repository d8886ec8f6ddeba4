"""The ``parse`` stage: text dumps and HTML pages become blocks in reading order."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean import Block, Document, InputError
from newsclean.loading import Limits, load_document
from newsclean.stages import Parse

from ._helpers import PAGES, SNIPPETS, load


def parse(source: object, *, limits: Limits | None = None) -> Document:
    return Parse()(load(source, limits=limits))


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


def block(doc: Document, text: str) -> Block:
    found = [b for b in doc.blocks if b.text == text]
    assert len(found) == 1, f"{text!r} not found once in {texts(doc)}"
    return found[0]


# -- text dumps ---------------------------------------------------------------


def test_dump_gives_one_block_per_non_empty_line_in_order() -> None:
    doc = parse(SNIPPETS / "parse_dump_lines.txt")
    assert doc.format == "text"
    assert [b.text.strip() for b in doc.blocks] == [
        "Harbour office reopens",
        "The harbour office reopened on Monday",
        "after six weeks of repairs.",
        "Second paragraph, indented with a tab.",
        "Third paragraph.",
    ]
    assert [b.index for b in doc.blocks] == [0, 1, 2, 3, 4]
    assert {b.tag for b in doc.blocks} == {"line"}


def test_dump_crlf_line_ends_leave_no_carriage_returns() -> None:
    doc = parse(SNIPPETS / "parse_dump_lines.txt")
    assert not any("\r" in b.text for b in doc.blocks)


def test_dump_blank_line_marks_a_paragraph_break_and_a_wrapped_line_does_not() -> None:
    doc = parse(SNIPPETS / "parse_dump_lines.txt")
    # A whitespace-only line is a blank line too; several blank lines count once.
    assert [b.gap_before for b in doc.blocks] == [True, True, False, True, True]


def test_dump_blocks_carry_no_html_evidence() -> None:
    doc = parse("First line of the dump.\n\nSecond line of the dump.")
    assert all(b.main is None and b.link_density == 0.0 and b.context == "" for b in doc.blocks)
    assert doc.metadata == {}


# -- HTML: lines, inline text, entities ------------------------------------------


def test_head_title_is_block_zero_with_whitespace_collapsed() -> None:
    doc = parse(SNIPPETS / "parse_br_lines.html")
    first = doc.blocks[0]
    assert (first.index, first.tag, first.text) == (0, "title", "Harbour notices | Port Gazette")
    assert first.main is False
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))


def test_br_splits_a_paragraph_into_lines_of_one_paragraph() -> None:
    doc = parse(SNIPPETS / "parse_br_lines.html")
    lines = ["Harbour office", "12 Quay Street", "Open Monday to Friday", "Closed on public holidays."]
    assert texts(doc)[1:5] == lines
    assert [b.tag for b in doc.blocks[1:5]] == ["p"] * 4
    # <br> continues the paragraph; <br><br> starts a new one, as a browser shows it.
    assert [b.gap_before for b in doc.blocks[1:5]] == [True, False, False, True]


def test_inline_elements_join_without_added_spaces() -> None:
    doc = parse(SNIPPETS / "parse_br_lines.html")
    assert "Ferry times are subject to weather." in texts(doc)
    assert "Newport and New Haven share a pier." in texts(doc)


def test_entities_are_decoded() -> None:
    doc = parse(SNIPPETS / "parse_br_lines.html")
    assert "Tickets cost £4 & children travel free." in texts(doc)


def test_html_lang_is_kept_as_a_candidate_in_lower_case() -> None:
    doc = parse(SNIPPETS / "parse_br_lines.html")
    assert doc.metadata["html_lang"] == "en-us"
    assert doc.language is None  # the language stage decides


# -- HTML: what is not text --------------------------------------------------------


def test_hidden_elements_scripts_and_widgets_give_no_blocks() -> None:
    doc = parse(SNIPPETS / "parse_hidden_and_scripts.html")
    assert texts(doc) == [
        "Council approves budget",
        "The council approved its budget on Tuesday night after a debate that lasted almost four hours.",
        "The vote was 7 to 2, with two members absent.",
        "Members who voted against said the tax rise was too steep.",
    ]


@pytest.mark.parametrize(
    "hidden",
    [
        "Thanks for signing up",  # style="display: none"
        "valid email address",  # style="visibility:hidden"
        "subscription has been successful",  # hidden attribute
        "Story continues below",  # <script>
        "enable JavaScript",  # <noscript>
        "Loading related stories",  # <template>
        "Watch the debate",  # <iframe>
        "Sort by",  # <select>/<option>
        "Submit",  # <button>
        "editor: check",  # comment
        "SPOILER",  # hidden inline element
        "tracking pixel",  # <script> in <head>
    ],
)
def test_hidden_text_does_not_leak_into_any_block(hidden: str) -> None:
    doc = parse(SNIPPETS / "parse_hidden_and_scripts.html")
    assert not [t for t in texts(doc) if hidden in t]


def test_text_after_a_comment_or_hidden_element_is_kept() -> None:
    doc = parse(
        "<html><body><p>Before <span hidden>secret</span>after<!-- note --> and more.</p></body></html>"
    )
    assert texts(doc) == ["Before after and more."]


def test_structured_dates_are_read_from_meta_tags() -> None:
    doc = parse(SNIPPETS / "parse_hidden_and_scripts.html")
    assert doc.metadata["published_time"] == "2024-02-06T17:45:00+00:00"
    assert doc.metadata["modified_time"] == "2024-02-07T09:10:00+00:00"


def test_structured_dates_are_read_from_json_ld() -> None:
    html = (
        '<html><head><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},'
        ' {"@type": "NewsArticle", "datePublished": "2023-08-09T14:02:00-03:00",'
        ' "dateModified": "2023-08-09T16:40:00-03:00"}]}'
        "</script></head><body><p>A paragraph of the story that is long enough to be kept.</p></body></html>"
    )
    doc = parse(html)
    assert doc.metadata["published_time"] == "2023-08-09T14:02:00-03:00"
    assert doc.metadata["modified_time"] == "2023-08-09T16:40:00-03:00"


def test_broken_json_ld_is_ignored() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"datePublished": </script></head>'
        "<body><p>A paragraph of the story that is long enough to be kept.</p></body></html>"
    )
    doc = parse(html)
    assert "published_time" not in doc.metadata
    assert texts(doc) == ["A paragraph of the story that is long enough to be kept."]


# -- HTML: tables ----------------------------------------------------------------------


def test_each_table_row_is_one_block_with_its_cells_spaced() -> None:
    doc = parse(SNIPPETS / "parse_table.html")
    rows = [b.text for b in doc.blocks if b.tag == "tr"]
    assert rows[:2] == ["District Turnout Winner", "North 61% Alvarez"]
    assert block(doc, "Votes counted by 11 p.m.").tag == "caption"


def test_text_around_a_table_stays_in_order() -> None:
    doc = parse(SNIPPETS / "parse_table.html")
    body = texts(doc)
    assert body[1] == "Turnout rose in every district compared with the last election, officials said."
    assert body[-1] == "Final results are expected on Thursday."


def test_br_inside_a_cell_keeps_the_row_whole_and_in_the_story() -> None:
    doc = parse(SNIPPETS / "parse_table.html")
    rows = [b for b in doc.blocks if b.tag == "tr"]
    assert [r.text for r in rows][2:] == ["River Valley 58% Okonkwo"]
    assert all(r.main for r in rows)


# -- HTML: link density and context words ---------------------------------------------


def test_link_density_is_the_share_of_text_inside_links() -> None:
    doc = parse(SNIPPETS / "parse_links_and_context.html")
    mixed = block(doc, "The mayor said the new library would open in the spring, a year later than planned.")
    assert 0.05 < mixed.link_density < 0.25
    assert block(doc, "Read our full coverage of the library project here").link_density == 1.0
    assert block(doc, "News").link_density == 1.0
    assert block(doc, "Contact the newsroom").link_density == 0.0


def test_context_holds_ancestor_class_id_and_role_words_in_lower_case() -> None:
    doc = parse(SNIPPETS / "parse_links_and_context.html")
    assert block(doc, "News").context.split() == ["nav", "site", "nav", "top", "menu"]
    assert set(block(doc, "Most popular stories this week").context.split()) == {
        "aside",
        "sidebar",
        "complementary",
    }
    assert block(doc, "Contact the newsroom").context == "footer"


def test_figcaption_keeps_its_tag_and_figure_context() -> None:
    doc = parse(SNIPPETS / "parse_links_and_context.html")
    caption = block(doc, "The library site in March.")
    assert caption.tag == "figcaption"
    assert {"figure", "media", "figcaption"} <= set(caption.context.split())


def test_context_does_not_leak_to_siblings() -> None:
    doc = parse(SNIPPETS / "parse_links_and_context.html")
    story = block(doc, "The mayor said the new library would open in the spring, a year later than planned.")
    assert "nav" not in story.context.split()
    assert "figcaption" not in story.context.split()


# -- HTML: trafilatura's verdict and metadata ------------------------------------------


def test_trafilatura_marks_the_story_main_and_the_chrome_not() -> None:
    doc = parse(SNIPPETS / "parse_article_with_chrome.html")
    main = {b.text for b in doc.blocks if b.main}
    not_main = {b.text for b in doc.blocks if b.main is False}
    assert all(b.text in main for b in doc.blocks if b.tag == "p" and "story" in b.context.split())
    assert {
        "Home News Sports Opinion",
        "Trending",
        "High school football scores from Friday night",
        "Privacy Policy | Terms of Service",
    } <= not_main
    assert doc.blocks[0].tag == "title" and doc.blocks[0].main is False


def test_trafilatura_metadata_is_kept_as_candidates() -> None:
    doc = parse(SNIPPETS / "parse_article_with_chrome.html")
    assert doc.metadata["title"] == "Wildfire smoke closes schools across the valley"
    assert doc.metadata["author"] == "Petra Lindqvist"
    assert doc.metadata["sitename"] == "Valley Courier"
    assert doc.metadata["og_site_name"] == "Valley Courier"
    # Candidates only: the later stages decide.
    assert doc.title is None and doc.authors == [] and doc.site_name is None


def test_parse_removes_nothing() -> None:
    doc = parse(SNIPPETS / "parse_article_with_chrome.html")
    assert doc.removals == []
    assert all(b.removed is None for b in doc.blocks)


# -- HTML: limits --------------------------------------------------------------------


def test_nesting_deeper_than_the_limit_is_an_input_error() -> None:
    html = "<html><body>" + "<div>" * 40 + "<p>Deep text.</p>" + "</div>" * 40 + "</body></html>"
    with pytest.raises(InputError, match="nesting"):
        parse(html, limits=Limits(max_depth=20))
    assert texts(parse(html, limits=Limits(max_depth=100))) == ["Deep text."]


@pytest.mark.parametrize("url", [None, "https://www.harbourherald.example/news/ferry-winter"])
@pytest.mark.parametrize(
    "page",
    [
        SNIPPETS / "parse_article_with_chrome.html",
        SNIPPETS / "parse_metadata_fallbacks.html",
        PAGES / "blog_cookie_comments.html",
        PAGES / "french_par_page.html",
    ],
    ids=lambda p: getattr(p, "stem", p),
)
def test_metadata_candidates_are_those_of_trafilatura_extract_metadata(page: Path, url: str | None) -> None:
    # Parse asks trafilatura's metadata pieces only for the fields later stages read; they
    # must come out as trafilatura's whole extract_metadata gives them.
    from trafilatura import load_html
    from trafilatura.metadata import extract_metadata

    doc = Parse()(load_document(page, url=url))
    params = {"extensive_search": False, "original_date": True}
    expected = extract_metadata(load_html(page.read_text(encoding="utf-8")), url, params)
    for field_name in ("title", "author", "date", "sitename", "description"):
        assert doc.metadata.get(field_name) == (getattr(expected, field_name) or None), field_name
    assert doc.metadata.get("tags") == ("\n".join(expected.tags) or None)


def test_metadata_fallbacks_read_the_body_and_the_twitter_handle() -> None:
    doc = parse(SNIPPETS / "parse_metadata_fallbacks.html")
    # "Desk" alone is no name: the byline in the body gives the author.
    assert doc.metadata["author"] == "Aled Morgan-Price"
    assert doc.metadata["sitename"] == "Harbourherald"
    assert doc.metadata["tags"] == "Ferries\nIsland life"
    assert doc.metadata["date"] == "2024-10-30"
