"""The ``main_content`` stage: keep the story's run of text, drop what lies outside it."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.article import Author
from newsclean.stages import MainContent

from ._helpers import PAGES, PROSE, PROSE_2, PROSE_3, SNIPPETS, lines_doc, removed, run_stage, run_until


def main_content(lines: list[str], *, main: list[bool | None] | None = None, fmt: str = "text") -> Document:
    doc = lines_doc(lines)
    if fmt == "html":
        doc.format = "html"
    for block, flag in zip(doc.blocks, main or [], strict=False):
        block.main = flag
    return run_stage(MainContent(), doc)


SHARE_ROW = "Share on Facebook"


def page_dump(lines: list[str]) -> Document:
    """A dump showing page chrome: the lines, then a share row the boilerplate stage already took.
    Without such evidence the text counts as clean and nothing leaves by its shape alone."""
    doc = lines_doc([*lines, SHARE_ROW])
    doc.current_stage = "boilerplate"
    doc.drop(doc.blocks[-1], reason="social", rule="xx/share-row")
    return run_stage(MainContent(), doc)


def story_removed(doc: Document) -> list[tuple[str, str]]:
    """What main_content removed (the share row of :func:`page_dump` aside)."""
    return [
        (r.text, r.reason) for r in sorted(doc.removals, key=lambda r: r.block) if r.stage == "main_content"
    ]


def test_dump_menu_before_and_teasers_after_the_story_leave() -> None:
    doc = main_content(
        [
            "Home",
            "World",
            "Business",
            PROSE,
            PROSE_2,
            PROSE_3,
            "Storm leaves thousands without power",
            "Local team wins",
        ]
    )
    assert [b.removed for b in doc.blocks] == [
        "navigation",
        "navigation",
        "navigation",
        None,
        None,
        None,
        "related",
        "navigation",
    ]
    assert [r.rule for r in doc.removals] == [
        "xx/menu-item",
        "xx/menu-item",
        "xx/menu-item",
        "xx/stray-headline",
        "xx/menu-item",
    ]
    assert {r.stage for r in doc.removals} == {"main_content"}


def test_short_lines_inside_the_story_stay() -> None:
    lines = [
        PROSE,
        "The mayor said:",
        "“It is the right decision.”",
        PROSE_2,
        "Q: Will the bridge reopen?",
        "A: Yes, in the spring.",
        PROSE_3,
    ]
    doc = main_content(lines)
    assert doc.removals == []


def test_a_short_sentence_outside_the_story_is_not_main_content() -> None:
    doc = page_dump([PROSE, PROSE_2, "Photos courtesy of the family."])
    assert story_removed(doc) == [("Photos courtesy of the family.", "not_main_content")]
    assert doc.removals[1].rule == "xx/outside-main-text"


def test_clean_text_keeps_its_short_lines() -> None:
    # No rule finds page chrome and no menu heads the text: a body cleaned before, whose
    # subheading and list are the story's own.
    lines = [PROSE, "What comes next", PROSE_2, "Key dates", "1990", "2004", "Photos courtesy of the family."]
    doc = main_content(lines)
    assert doc.removals == []


def test_a_menu_over_the_story_is_page_chrome_enough() -> None:
    doc = main_content(["Home", "World", "Sport", PROSE, PROSE_2, "Photos courtesy of the family."])
    assert removed(doc) == [
        ("Home", "navigation"),
        ("World", "navigation"),
        ("Sport", "navigation"),
        ("Photos courtesy of the family.", "not_main_content"),
    ]


def test_a_teaser_paragraph_beyond_a_long_menu_is_not_part_of_the_story() -> None:
    teaser = "A short teaser for another story that ends with a full stop and has enough words."
    menu = [
        "News",
        "World",
        "Business",
        "Sport",
        "Culture",
        "Travel",
        "Science",
        "Health",
        "Opinion",
        "Video",
    ]
    doc = page_dump([teaser, *menu, PROSE, PROSE_2, PROSE_3])
    assert [b.text for b in doc.kept()] == [PROSE, PROSE_2, PROSE_3]
    assert doc.blocks[0].removed == "not_main_content"


def test_a_page_dump_without_prose_keeps_nothing_but_removes_with_reasons() -> None:
    doc = page_dump(["Home", "Storm leaves thousands without power"])
    assert list(doc.kept()) == []
    assert story_removed(doc) == [("Home", "navigation"), ("Storm leaves thousands without power", "related")]


def test_short_lines_without_page_chrome_or_prose_are_the_text_itself() -> None:
    lines = ["Storm leaves thousands without power", "Roads closed in three counties"]
    assert [b.text for b in main_content(lines).kept()] == lines


def test_blocks_already_removed_are_left_alone() -> None:
    doc = lines_doc(["ADVERTISEMENT", PROSE, PROSE_2])
    doc.drop(doc.blocks[0], reason="advertisement", rule="xx/ad-marker")
    doc = run_stage(MainContent(), doc)
    assert removed(doc) == [("ADVERTISEMENT", "advertisement")]


def test_an_empty_document_is_fine() -> None:
    assert run_stage(MainContent(), lines_doc([])).removals == []


# -- HTML: trafilatura's verdict decides ----------------------------------------------------


def test_html_blocks_outside_trafilaturas_main_content_leave() -> None:
    doc = main_content(
        ["Trending", PROSE, PROSE_2, "Contact us"], main=[False, True, True, False], fmt="html"
    )
    assert removed(doc) == [("Trending", "not_main_content"), ("Contact us", "not_main_content")]
    assert {r.rule for r in doc.removals} == {"trafilatura/main-content"}


def test_html_short_lines_trafilatura_kept_stay_even_outside_a_prose_run() -> None:
    doc = main_content(["Key points:", PROSE, "Local team wins"], main=[True, True, True], fmt="html")
    assert doc.removals == []


def test_html_without_a_verdict_falls_back_to_the_text_strategy() -> None:
    doc = main_content(["Home", PROSE, PROSE_2], main=[None, None, None], fmt="html")
    assert removed(doc) == [("Home", "navigation")]


def test_html_page_with_chrome() -> None:
    doc = run_until(SNIPPETS / "parse_article_with_chrome.html", "main_content")
    assert [b.text for b in doc.kept()] == [
        b.text for b in doc.blocks if b.tag == "p" and "story" in b.context.split()
    ]
    # Outside trafilatura's main content, the containers' names tell what the furniture is.
    assert ("Home News Sports Opinion", "navigation") in removed(doc)
    nav = next(r for r in doc.removals if r.text == "Home News Sports Opinion")
    assert nav.rule.startswith("html/context-")
    # The sidebar went earlier (boilerplate: a "Trending" section); nothing of it is left.
    assert not [b for b in doc.kept() if "sidebar" in b.context.split()]


@pytest.mark.parametrize(
    "page",
    sorted(PAGES.glob("*.txt")) + sorted(PAGES.glob("*.html")),
    ids=lambda p: p.stem,
)
def test_main_content_never_drops_a_long_prose_paragraph_of_a_fixture_page(page: object) -> None:
    doc = run_until(page, "main_content")
    lost = [r.text for r in doc.removals if r.stage == "main_content" and len(r.text.split()) >= 25]
    assert lost == []


@pytest.mark.xfail(
    strict=True,
    reason="four non-prose lines (an unlabelled ad/teaser box) inside a dump split the story run, and its "
    "last paragraph is dropped as not_main_content (a labelled box leaves with its label first: "
    "test_a_labelled_ad_box_inside_the_story_leaves_alone)",
)
def test_a_teaser_box_inside_the_story_does_not_cut_off_the_rest() -> None:
    lines = [
        PROSE,
        PROSE_2,
        "Five easy dinners for busy weeknights",
        "Top 10 beaches to visit this summer in Europe",
        "Celebrity chef opens restaurant downtown",
        "Why this stock could double next year",
        PROSE_3,
    ]
    doc = main_content(lines)
    assert [b.text for b in doc.kept()] == [PROSE, PROSE_2, PROSE_3]


def test_a_labelled_ad_box_inside_the_story_leaves_alone() -> None:
    # "Ads by ..." heads the box: boilerplate takes it and its headlines, and the story runs on.
    box = [
        "Ads by Example",
        "Top 10 beaches to visit this summer in Europe",
        "Celebrity chef opens restaurant downtown",
        "Why this stock could double next year",
    ]
    page = "\n\n".join(["Bridge closes | Example", "Bridge closes", PROSE, PROSE_2, *box, PROSE_3])
    doc = run_until(page, "main_content")
    assert [b.text for b in doc.kept()] == [PROSE, PROSE_2, PROSE_3]
    assert {doc.blocks[r.block].text for r in doc.removals if r.reason == "advertisement"} == set(box)


# About 170 words: long enough to be a story that teasers can follow.
STORY = [PROSE, PROSE_2, PROSE_3, PROSE + " It went on for hours.", PROSE_2 + " Nobody was hurt."] * 2
TEASER_SUMMARIES = [
    "Residents of the valley say the new road has cut their commute by half since it opened in spring.",
    "The council will vote next week on whether to keep the library open on Sundays through the winter.",
    "A local bakery has won a national prize for its rye bread, the third award in as many years.",
]


def test_a_list_of_teasers_after_the_story_leaves_as_related() -> None:
    teasers = []
    for i, summary in enumerate(TEASER_SUMMARIES):
        teasers += [f"Headline of another story number {i}", "Jane Roe", f"{i + 2}H ago", summary]
    doc = page_dump([*STORY, *teasers])
    assert [b.removed for b in doc.blocks[: len(STORY)]] == [None] * len(STORY)
    assert {r.rule for r in doc.removals if r.stage == "main_content"} == {"xx/teaser-list"}
    assert [text for text, _ in story_removed(doc)] == teasers


def test_a_teaser_whose_summary_is_too_short_for_prose_does_not_end_the_list() -> None:
    # The middle unit's summary ("Thanks, mom.") is no prose, so two units' lines stand between
    # two summaries; each unit brings its all-capitals kicker, which shows the list goes on.
    units = [
        ("RUNNING LATE", TEASER_SUMMARIES[0]),
        ("HOME COOKING", "Thanks, mom."),
        ("BIG WIN", TEASER_SUMMARIES[1]),
    ]
    units += [("NIGHT SHIFT", TEASER_SUMMARIES[2])]
    teasers = []
    for i, (kicker, summary) in enumerate(units):
        teasers += [kicker, f"Headline of another story number {i}", f"{i + 1} shares", summary]
    doc = page_dump([*STORY, *teasers])
    assert [text for text, _ in story_removed(doc)] == teasers


def excerpts_under_heading(separator: str | None) -> Document:
    lines = [*STORY, "You may also like..."]
    for summary in TEASER_SUMMARIES:
        lines += [summary] if separator is None else [summary, separator]
    doc = lines_doc(lines)
    doc.current_stage = "boilerplate"
    for block in doc.blocks:
        if block.text in ("You may also like...", "Share on Facebook"):
            doc.drop(block, reason="related" if block.text.startswith("You") else "social", rule="test")
    return run_stage(MainContent(), doc)


def test_excerpts_each_with_its_share_row_under_a_heading_are_teasers() -> None:
    doc = excerpts_under_heading("Share on Facebook")
    assert [b.text for b in doc.kept()] == STORY
    assert {r.rule for r in doc.removals if r.stage == "main_content"} == {"xx/separated-teasers"}


def test_excerpts_each_under_the_same_kept_kicker_line_are_teasers() -> None:
    # No stage took the "Travel 0" lines (a category and a comment count), but one heads every
    # excerpt: a list of teasers, not the story's paragraphs.
    lines = [*STORY, "You may also like..."]
    for summary in TEASER_SUMMARIES:
        lines += ["Travel 0", summary]
    doc = lines_doc(lines)
    doc.current_stage = "boilerplate"
    doc.drop(doc.blocks[len(STORY)], reason="related", rule="test")
    doc = run_stage(MainContent(), doc)
    assert [b.text for b in doc.kept()] == STORY


def headed_units(after: list[str]) -> Document:
    """The story, "Top stories" (taken as related), three headline-and-summary units, then ``after``."""
    lines = [*STORY, "Top stories"]
    for i, summary in enumerate(TEASER_SUMMARIES):
        lines += [f"Valley town marks its {i + 2}00th anniversary with a parade", summary]
    doc = lines_doc([*lines, *after])
    doc.current_stage = "boilerplate"
    doc.drop(doc.blocks[len(STORY)], reason="related", rule="test")
    return run_stage(MainContent(), doc)


def test_headline_and_summary_units_under_a_related_heading_are_teasers() -> None:
    doc = headed_units(["Home", "Sports", "Weather"])
    rules = {r.text: r.rule for r in doc.removals}
    assert all(rules[s] == "xx/headed-teasers" for s in TEASER_SUMMARIES)
    assert [b.text for b in doc.kept()][: len(STORY)] == STORY


def test_units_under_a_related_heading_followed_by_more_story_stay() -> None:
    # Two paragraphs in a row after them: the story goes on, with its own subheadings.
    doc = headed_units([PROSE, PROSE_2])
    assert not any(r.rule == "xx/headed-teasers" for r in doc.removals)


def test_paragraphs_after_a_related_heading_without_separators_stay() -> None:
    doc = excerpts_under_heading(None)
    assert [b.text for b in doc.kept()] == [*STORY, *TEASER_SUMMARIES]


def test_sections_of_a_story_with_one_paragraph_each_stay() -> None:
    # One subheading per paragraph, no kicker, time or source lines: the story's own sections.
    sections = []
    for i, summary in enumerate(TEASER_SUMMARIES):
        sections += [f"What happens next in part {['one', 'two', 'three'][i]}", summary]
    doc = main_content([*STORY, *sections])
    assert doc.removals == []


def test_a_copyright_line_inside_the_run_ends_the_story() -> None:
    doc = lines_doc([*STORY, "© 2019 Example Media Inc. All rights reserved.", *TEASER_SUMMARIES])
    doc.drop(doc.blocks[len(STORY)], reason="copyright", rule="xx/copyright-sign")
    doc = run_stage(MainContent(), doc)
    after = [r for r in doc.removals if r.rule == "xx/after-copyright-line"]
    assert [r.text for r in after] == TEASER_SUMMARIES
    assert all(b.removed is None for b in doc.blocks[: len(STORY)])


def test_a_comment_link_above_the_story_does_not_cut_it() -> None:
    doc = lines_doc(["Tweet", "Share", "Comment", *STORY])
    doc.drop(doc.blocks[2], reason="comments", rule="en/comments-widget")
    doc = run_stage(MainContent(), doc)
    assert [b.text for b in doc.kept()] == STORY


def test_html_menu_entries_leave_even_when_trafilatura_keeps_them() -> None:
    doc = lines_doc(["Services", "City council", "Subheading", PROSE, "Read the report"])
    doc.format = "html"
    contexts = ["nav navbar", "nav navbar dropdown", "article", "article", "article"]
    for block, context, linked in zip(doc.blocks, contexts, [0.0, 1.0, 0.0, 0.0, 1.0], strict=True):
        block.main, block.context, block.link_density = True, context, linked
    doc = run_stage(MainContent(), doc)
    assert removed(doc) == [("Services", "navigation"), ("City council", "navigation")]
    assert [r.rule for r in doc.removals] == ["html/menu-link-navbar", "html/menu-link-navbar"]


def test_html_teasers_and_author_bios_in_furniture_boxes_leave() -> None:
    bio = "Jane Roe is an award-winning writer based in Virginia who has covered sport for a decade."
    lines = [PROSE, PROSE_2, bio, PROSE_3, "Coach fired by club", "The club lost five games in a row"]
    doc = lines_doc(lines)
    doc.format = "html"
    contexts = ["story", "story", "author bio box", "story", "latest box title", "latest box subline"]
    for block, context, main in zip(doc.blocks, contexts, [True, True, False, True, True, True], strict=True):
        block.main, block.context = main, context
    doc = run_stage(MainContent(), doc)
    assert removed(doc) == [(bio, "byline"), ("Coach fired by club", "related"), (lines[5], "related")]
    assert [b.text for b in doc.kept()] == [PROSE, PROSE_2, PROSE_3]


def test_a_single_short_line_is_the_text_itself() -> None:
    assert [b.text for b in main_content(["Hello world"]).kept()] == ["Hello world"]


TOUR = [
    "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
    "June 10 -- Credit Union Amphitheatre, Tampa, FL",
    "June 14 -- Bank Amphitheatre, Alpharetta, GA",
    "June 17 -- Bridgestone Arena, Nashville, TN",
]


def test_a_list_of_dates_after_the_story_is_part_of_it() -> None:
    doc = page_dump([*STORY, "The tour dates:", *TOUR, "Home", "Contact"])
    assert [b.text for b in doc.kept()] == [*STORY, "The tour dates:", *TOUR]


def test_a_list_of_dates_inside_the_story_is_not_a_link_list() -> None:
    doc = main_content([*STORY[:5], "The tour dates:", *TOUR, *STORY[5:]])
    assert doc.removals == []


BENEFITS = [
    "Your to-do list will shrink to a quarter of its current size",
    "You will be able to ignore most of the advice you read online",
    "Search engines will send readers to your pages every day",
]


@pytest.mark.parametrize("intro", ["Here is what changes once you start:", "Because once you see it …"])
def test_a_list_the_story_announces_is_its_own(intro: str) -> None:
    doc = page_dump([*STORY[:4], intro, *BENEFITS, *STORY[4:]])
    assert story_removed(doc) == []


def test_headlines_under_a_one_word_label_are_a_link_list() -> None:
    teasers = ["Council approves the new bridge budget", "Storm closes schools across the county", *BENEFITS]
    doc = page_dump([*STORY[:4], "More:", *teasers, *STORY[4:]])
    assert story_removed(doc) == [(line, "related") for line in ["More:", *teasers]]


def meal_plan(day: int) -> list[str]:
    return [
        f"Menu for day {day}",
        "Breakfast",
        "Eat within an hour of waking",
        "Oats with berries and a spoon of nut butter",
        "Portion containers: 1 Purple, 1 Yellow, 1 tsp.",
        "Lunch",
        "Eat every two to three hours",
        "Chicken salad with beans and a light dressing",
        "Portion containers: 1 Green, 1 Red, 1 Blue",
    ]


def test_a_plan_that_repeats_its_own_lines_below_the_story_is_the_story() -> None:
    # Day one is told in sentences, so the story's run takes it in; the days below repeat its
    # short lines and labels without a sentence, which alone would read as a menu.
    day_one = [
        "Menu for day 1",
        "Start the week with a bowl of oats and berries, which keeps you going until lunch.",
        "Portion containers: 1 Purple, 1 Yellow, 1 tsp.",
        "Eat every two to three hours",
        "Then have a chicken salad with beans, which you can make the night before and take along.",
    ]
    plan = [*day_one] + [line for day in (2, 3) for line in meal_plan(day)]
    doc = page_dump([*STORY, *plan, "Home", "About us", "Contact", "Careers"])
    assert [b.text for b in doc.kept()] == [*STORY, *plan]


def test_headlines_printed_again_below_are_no_structure_of_the_story() -> None:
    teasers = [f"Council approves the new bridge budget for year {n}" for n in range(4)]
    doc = page_dump([*STORY, *teasers, *STORY, *teasers, *teasers])
    assert all(reason == "related" for _, reason in story_removed(doc)) and len(story_removed(doc)) >= 8


QUALIFIED = [
    f"{team} (Group {group}): {count} appearance"
    for team, group, count in [
        ("Ruritania", "A", "Tenth"),
        ("Freedonia", "A", "Seventh"),
        ("Sylvania", "B", "Third"),
        ("Latveria", "C", "11th"),
        ("Genovia", "D", "Fourth"),
        ("Elbonia", "E", "Second"),
    ]
]


def test_a_list_written_to_one_template_after_the_story_is_part_of_it() -> None:
    doc = page_dump([*STORY, "Qualified teams", *QUALIFIED, "Home", "Contact", "Careers"])
    assert [b.text for b in doc.kept()] == [*STORY, "Qualified teams", *QUALIFIED]


def test_headlines_sharing_no_template_after_the_story_leave() -> None:
    teasers = [f"{team} wins again: the coach says it was a {w} night" for team, w in [("A", "long")]]
    teasers += ["Storm closes schools: parents scramble", "Bridge reopens after repairs: traffic eases"]
    teasers += ["Library hours cut: readers protest", "New mayor sworn in: what changes now"]
    doc = page_dump([*STORY, *teasers])
    assert [b.text for b in doc.kept()] == STORY


def test_repeated_lines_with_numbers_are_no_data_list() -> None:
    repeated = ["2018 Festival Series -- Performance, Seoul"] * 4
    doc = page_dump([*STORY, *repeated])
    assert [b.text for b in doc.kept()] == STORY


SUMMARY = (
    "The agency is the fifth company this year to break ranks with the association, its head said, "
    "after weeks of talks that ended late on Friday with a deal both sides called fair and lasting, "
    "and which the members are expected to approve at a meeting next month."
)
KICKED_TEASERS = [
    line
    for headline in (
        "Studio signs a new deal with the writers guild",
        # A headline with a sentence inside reads as prose, so the teaser rhythm alone misses the list.
        "Regulators drop decades-old film business rules. What effect will that have on cinemas?",
        "Racetrack scenes were shot in the hills north of the city",
        "Distribution chief leaves for a rival studio. Who will take over the job next year?",
    )
    for line in ("Company Town", headline, "Company Town", headline, SUMMARY)
]
LONG_ANSWER = " ".join([PROSE, PROSE_2, PROSE_3, PROSE])


def test_teasers_under_one_repeated_label_after_the_story_leave() -> None:
    doc = page_dump([*STORY, *KICKED_TEASERS])
    assert [b.text for b in doc.kept()] == STORY
    assert {r.rule for r in doc.removals if r.stage == "main_content"} == {"xx/kicker-list"}


def test_an_interview_with_a_speakers_name_over_each_answer_stays() -> None:
    interview = [line for _ in range(4) for line in ("Jane Roe", LONG_ANSWER)]
    doc = page_dump([*STORY, *interview])
    assert [b.text for b in doc.kept()] == [*STORY, *interview]


def test_a_repeated_label_inside_the_story_does_not_end_it() -> None:
    inline = ["Business", "Publisher renames itself in a dispute", "Business", "Publisher renames itself"]
    doc = page_dump([*STORY, *inline, *STORY[:6]])
    assert not [r for r in doc.removals if r.rule == "xx/kicker-list"]


def test_separator_lines_are_no_label() -> None:
    questions = ("Who leads the race now", "Who pays for the new bridge", "Who wins in the end")
    sections = [line for q in questions for line in ("___", q, LONG_ANSWER)]
    doc = page_dump([*STORY, *sections])
    assert not [r for r in doc.removals if r.rule == "xx/kicker-list"]


def _linked_page(items: list[str]) -> Document:
    doc = lines_doc([PROSE, PROSE_2, *items, PROSE_3])
    doc.format = "html"
    for block in doc.blocks:
        block.main = True
        block.link_density = 1.0 if block.text in items else 0.1
    return run_stage(MainContent(), doc)


def test_html_a_run_of_six_short_links_kept_as_main_content_is_a_link_list() -> None:
    categories = ["Agriculture", "Culture", "Economy", "Education", "Sport", "Urban planning"]
    doc = _linked_page(categories)
    assert [b.text for b in doc.kept()] == [PROSE, PROSE_2, PROSE_3]
    assert {r.rule for r in doc.removals} == {"html/link-list"}


def test_html_a_few_short_links_in_the_story_stay() -> None:
    doc = _linked_page(["Read the report", "Watch the hearing", "See the map"])
    assert doc.removals == []


DECK = "Nobody expected the vote to pass, and the result has already changed how the council works."


def _page_with_deck(after_deck: list[tuple[str, str | None]]) -> Document:
    lines = [DECK, *(text for text, _ in after_deck), PROSE, PROSE_2]
    doc = lines_doc(lines)
    doc.format = "html"
    doc.metadata["description"] = DECK
    for block in doc.blocks:
        block.main = True
    doc.current_stage = "byline"
    for block, (_, reason) in zip(doc.blocks[1:], after_deck, strict=False):
        if reason:
            doc.drop(block, reason=reason, rule="en/by-name")
    return run_stage(MainContent(), doc)


def test_html_the_description_printed_over_the_byline_is_the_standfirst() -> None:
    doc = _page_with_deck([("By Jane Roe", "byline")])
    assert doc.standfirst == DECK
    assert [b.text for b in doc.kept()] == [PROSE, PROSE_2]
    assert [r.rule for r in doc.removals if r.stage == "main_content"] == ["html/description-deck"]


def test_html_the_description_as_the_first_paragraph_under_the_byline_is_the_lead() -> None:
    doc = lines_doc(["By Jane Roe", DECK, PROSE])
    doc.format, doc.metadata["description"] = "html", DECK
    for block in doc.blocks:
        block.main = True
    doc.current_stage = "byline"
    doc.drop(doc.blocks[0], reason="byline", rule="en/by-name")
    doc = run_stage(MainContent(), doc)
    assert doc.standfirst is None
    assert [b.text for b in doc.kept()] == [DECK, PROSE]


ECHOED_TEASERS = [
    line
    for kicker, headline in (
        ("Technology", "Search giant's charity arm tries to make amends. Will it work this time?"),
        ("California", "Governor blocks new drilling permits pending a review"),
        ("Climate", "Activists urge the city not to build a gas plant. The vote is next week."),
        ("Markets", "Stock indexes edge mostly down as retailers sink"),
    )
    for line in (kicker, headline, headline, SUMMARY)
]


def test_teasers_whose_headlines_are_printed_twice_after_the_story_leave() -> None:
    doc = page_dump([*STORY, *ECHOED_TEASERS])
    assert [b.text for b in doc.kept()] == STORY
    assert "xx/echoed-teasers" in {r.rule for r in doc.removals}


def test_a_pull_quote_printed_twice_in_the_story_stays() -> None:
    quote = "We will rebuild the bridge, and we will do it right, the mayor said on Monday."
    lines = [*STORY[:4], quote, quote, *STORY[4:]]
    doc = page_dump(lines)
    assert [b.text for b in doc.kept()] == lines


@pytest.mark.parametrize(
    ("line", "cut"),
    [
        ("Hong Kong civilians step in to save students trapped in vi...", True),
        ("Two people in China have been diagnosed with the plague,...", True),
        ("Teen chased by police breaks both legs with airport termin…", True),
        ("Here's the thing …", False),  # the writer's own pause, set apart by a space
        ('"We will see where this goes..."', False),  # a quote trailing off
    ],
)
def test_a_teaser_cut_short_by_the_site_leaves(line: str, cut: bool) -> None:
    doc = page_dump([*STORY[:5], line, *STORY[5:]])
    assert (line not in [b.text for b in doc.kept()]) is cut


def _with_author(lines: list[str], *, fmt: str = "text") -> Document:
    doc = lines_doc([*lines, SHARE_ROW])
    doc.authors = [Author(name="Jane Roe", raw="Jane Roe")]
    if fmt == "html":
        doc.format = "html"
        for block in doc.blocks:
            block.main = True
    doc.current_stage = "boilerplate"
    doc.drop(doc.blocks[-1], reason="social", rule="xx/share-row")
    return run_stage(MainContent(), doc)


BIO = "Jane Roe is a reporter who covers city hall and transport for the paper since 2015."


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_the_authors_box_after_the_story_leaves(fmt: str) -> None:
    doc = _with_author([*STORY, "Jane Roe", BIO], fmt=fmt)
    assert [b.text for b in doc.kept()] == STORY
    assert {r.rule for r in doc.removals if r.stage == "main_content"} == {"xx/author-box", "xx/author-bio"}


def test_the_author_named_early_in_the_story_stays() -> None:
    first = "In this video, Jane Roe shows a shop full of teaching materials and explains each one."
    doc = _with_author([first, *STORY, "More articles from Jane Roe"])
    assert [b.text for b in doc.kept()] == [first, *STORY]


DATED_TEASERS = [
    line
    for headline, author, summary in (
        ("What made the film so popular with young viewers", "Jane Roe", SUMMARY),
        ("Senator warns about the budget plan for next year", "John Doe", "It killed at the box office."),
        ("Report on detention rates is wrong, officials say", "Ann Lee", SUMMARY),
        ("Why the new stadium will cost more than planned", "Jane Roe", "The numbers do not add up."),
        ("Council votes to keep the library open on Sundays", "John Doe", SUMMARY),
    )
    for line in (headline, author, "Wednesday November 20, 2019", summary)
]


def test_teasers_under_the_same_date_line_after_the_story_leave() -> None:
    doc = page_dump([*STORY, *DATED_TEASERS])
    assert [b.text for b in doc.kept()] == STORY
    assert "xx/dated-teasers" in {r.rule for r in doc.removals}


def test_a_timeline_of_dates_in_the_story_stays() -> None:
    timeline = [
        line
        for day in ("Monday November 18, 2019", "Tuesday November 19, 2019", "Wednesday November 20, 2019")
        for line in (day, PROSE_3)
    ]
    doc = page_dump([*STORY, *timeline])
    assert not [r for r in doc.removals if r.rule == "xx/dated-teasers"]


STANDINGS = [f"{n} Driver Number{n} {5040 - 10 * n} {n % 4} {n % 3} {17 - n} {27 - n}" for n in range(1, 9)]
CALENDAR = [f"{n}a etapa: {n + 9} de março – Circuito {n}" for n in range(1, 9)]


def test_a_table_after_the_story_joins_it() -> None:
    lines = [
        *STORY,
        "Final standings after 36 races:",
        "Pos. Driver Points Wins Poles Top 5 Top 10",
        *STANDINGS,
    ]
    doc = page_dump(lines)
    assert [b.text for b in doc.kept()] == lines


def test_a_calendar_right_under_the_headline_is_the_story() -> None:
    sidebar = [PROSE, PROSE_2, PROSE_3]  # a column teaser further down, the only prose on the page
    doc = lines_doc(
        ["Race calendar 2018", "Share this", "Calendar 2018", *CALENDAR, "www.example.com", *sidebar]
    )
    doc.headline_index = 0
    doc.current_stage = "title"
    doc.drop(doc.blocks[0], reason="title", rule="xx/headline")
    doc.current_stage = "boilerplate"
    doc.drop(doc.blocks[1], reason="social", rule="xx/share-row")
    doc = run_stage(MainContent(), doc)
    assert [b.text for b in doc.kept()] == ["Calendar 2018", *CALENDAR]


OFFERS = [
    line
    for n in range(1, 6)
    for line in (f"{n}) Boxed film set number {n} on Blu-Ray", f"http://amzn.to/x{n}")
]


def test_a_numbered_list_the_story_announces_joins_it() -> None:
    lines = [*STORY, "And who are we to sit this one out? Here are the best offers for collectors:", *OFFERS]
    doc = page_dump(lines)
    assert [b.text for b in doc.kept()] == lines


def test_a_numbered_list_not_announced_by_the_story_stays_out() -> None:
    doc = page_dump([*STORY, "Most read", *OFFERS])
    assert [b.text for b in doc.kept()] == STORY


def test_html_a_short_label_kept_right_over_the_headline_is_a_kicker() -> None:
    doc = lines_doc(["Transport", "Bridge to close for repairs", PROSE, PROSE_2])
    doc.format = "html"
    for block in doc.blocks:
        block.main = True
    doc.headline_index = 1
    doc.drop(doc.blocks[1], reason="title", rule="xx/headline")
    doc = run_stage(MainContent(), doc)
    assert [(r.text, r.rule) for r in doc.removals if r.stage == "main_content"] == [
        ("Transport", "html/kicker")
    ]
    assert [b.text for b in doc.kept()] == [PROSE, PROSE_2]


def _html_main(lines: list[str]) -> Document:
    doc = lines_doc(lines)
    doc.format = "html"
    for block in doc.blocks:
        block.main = True
    return run_stage(MainContent(), doc)


def test_html_short_lines_kept_at_the_top_before_the_story_are_a_menu() -> None:
    doc = _html_main(["Home", "World", "Sport", PROSE, PROSE_2])
    assert [(r.text, r.rule) for r in doc.removals] == [
        (t, "html/menu-head") for t in ("Home", "World", "Sport")
    ]


def test_html_a_short_list_under_the_storys_first_lines_stays() -> None:
    lead = "How to change the speed of your character in the game"
    doc = _html_main([lead, "speed 100", "health 50", "stamina 80", PROSE])
    assert doc.removals == []


DUMP_DECK = "Reservoirs in the region are at 16 % of their capacity, the lowest level since records began"


@pytest.mark.parametrize(
    ("deck", "taken"),
    [(DUMP_DECK, True), ("Drought Forces New Limits On Farm Water Use Across The Whole Region Today", False)],
)
def test_a_long_sentence_case_line_over_the_byline_is_the_deck(deck: str, taken: bool) -> None:
    page = "\n\n".join(
        ["Drought limits irrigation | Example", "Drought limits irrigation", deck, "By Jane Roe", *STORY]
    )
    doc = run_until(page, "main_content")
    assert (doc.standfirst == deck) is taken
    assert any(r.text == deck and r.rule == "xx/deck-over-byline" for r in doc.removals) is taken
