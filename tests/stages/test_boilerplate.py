"""The ``boilerplate`` stage: page furniture named by pattern rules leaves with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean import Document
from newsclean.stages import Boilerplate

from ._helpers import PAGES, PROSE, PROSE_2, lines_doc, removed, run_stage, run_until


def boilerplate(lines: list[str], *, lang: str = "en", stage: Boilerplate | None = None) -> Document:
    return run_stage(stage or Boilerplate(), lines_doc(lines, lang=lang))


def reason_of(line: str, *, lang: str = "en") -> str | None:
    doc = boilerplate([PROSE, line, PROSE_2], lang=lang)
    assert doc.blocks[0].removed is None and doc.blocks[2].removed is None
    return doc.blocks[1].removed


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("ADVERTISEMENT", "advertisement"),
        ("- Advertisement -", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("We use cookies to ensure you get the best experience on our website.", "cookie_notice"),
        ("Accept all cookies", "cookie_notice"),
        ("Do Not Sell My Personal Information", "cookie_notice"),
        ("By clicking 'I Accept' you consent to the use of cookies", "cookie_notice"),
        ("Sign up for our newsletter to get the day's top stories.", "newsletter"),
        ("Your subscription has been successful.", "newsletter"),
        ("By signing up, you agree to our Terms of Use.", "newsletter"),
        ("Enter your email address", "newsletter"),
        ("Subscribe to continue reading", "paywall"),
        ("Already a subscriber? Log in to continue", "paywall"),
        ("You have reached your limit of free articles.", "paywall"),
        ("Follow us on Facebook", "social"),
        ("Share this article", "social"),
        ("Facebook Twitter Email", "social"),
        ("READ MORE: Oil steadies after OPEC+ pledges deeper cuts", "related"),
        ("Leave a comment", "comments"),
        ("Comments are closed.", "comments"),
        ("Home > News > World", "navigation"),
        ("Skip to content", "navigation"),
        ("Back to top", "navigation"),
        ("Privacy Policy", "copyright"),
        ("© 2024 Northfield Gazette Media", "copyright"),
        ("Copyright 2024 The Associated Press. All rights reserved.", "copyright"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "copyright"),
    ],
)
def test_english_furniture_and_its_reason(line: str, reason: str) -> None:
    assert reason_of(line) == reason


@pytest.mark.parametrize(
    ("lang", "line", "reason"),
    [
        ("de", "Anzeige", "advertisement"),
        ("de", "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", "cookie_notice"),
        ("de", "Jetzt für unseren Newsletter anmelden", "newsletter"),
        ("de", "Lesen Sie auch: Bund plant neue Regeln für E-Autos", "related"),
        ("de", "Startseite > Politik > Ausland", "navigation"),
        ("de", "Alle Rechte vorbehalten.", "copyright"),
        ("fr", "Publicité", "advertisement"),
        ("fr", "Lire aussi : La réforme des retraites adoptée", "related"),
        ("es", "Publicidad", "advertisement"),
        ("es", "Síguenos en Twitter", "social"),
        ("es", "Lee también: El Gobierno aprueba la reforma", "related"),
    ],
)
def test_furniture_in_other_languages(lang: str, line: str, reason: str) -> None:
    assert reason_of(line, lang=lang) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement revenue fell by 5% last year, the company said in its annual report.",
        "Subscribers to the newsletter grew by 20 percent in 2019, the company said in its annual report.",
        "By providing shelter to refugees, the town doubled in size within a decade.",
        "Share prices fell on Monday after the announcement.",
        "Home prices rose again in May, according to the survey.",
        "Read more about the case in court documents filed on Monday in Manhattan federal court.",
        "Log in records showed he had accessed the system twice.",
        "Sign up sheets were posted outside the gym.",
        "Comments made by the minister were criticised by the opposition on Tuesday.",
        "The company said its privacy policy had been updated to comply with the new law passed in March.",
        "The bakery sells cookies to hundreds of customers each morning, the owner said.",
        "Members of the club must subscribe to the rules, the chairman said.",
    ],
)
def test_story_sentences_that_look_like_furniture_stay(line: str) -> None:
    assert reason_of(line) is None


def test_a_long_paragraph_is_never_taken_for_a_short_prompt() -> None:
    long = "We use cookies, the baker said, " + " ".join([PROSE] * 6)
    assert reason_of(long) is None


def test_removals_name_the_stage_and_the_rule() -> None:
    doc = boilerplate([PROSE, "ADVERTISEMENT", "Subscribe to our daily newsletter"])
    assert [(r.stage, r.reason, r.rule, r.block) for r in doc.removals] == [
        ("boilerplate", "advertisement", "xx/ad-marker", 1),
        ("boilerplate", "newsletter", "en/newsletter-subscribe", 2),
    ]


# -- sections: a heading takes the list under it -------------------------------------


def test_a_related_heading_takes_the_teasers_under_it_until_prose_resumes() -> None:
    doc = boilerplate(
        [
            PROSE,
            "RELATED STORIES",
            "Storm leaves thousands without power",
            "Beach towns weigh cost of new dunes",
            PROSE_2,
        ]
    )
    assert [b.removed for b in doc.blocks] == [None, "related", "related", "related", None]
    assert {r.rule for r in doc.removals} == {"en/related-heading"}


def test_a_section_item_that_is_mostly_a_link_goes_even_if_it_reads_like_a_sentence() -> None:
    doc = lines_doc([PROSE, "Read more", "The mayor said the new library would open in the spring.", PROSE_2])
    doc.blocks[2].link_density = 1.0
    doc = run_stage(Boilerplate(), doc)
    assert [b.removed for b in doc.blocks] == [None, "related", "related", None]


def test_comment_count_heading_takes_the_short_comments_under_it() -> None:
    doc = boilerplate([PROSE, "12 Comments", "Great article, thanks!", "Who pays for this?"])
    assert [b.removed for b in doc.blocks] == [None, "comments", "comments", "comments"]


def test_a_non_section_rule_does_not_take_the_next_lines() -> None:
    doc = boilerplate([PROSE, "ADVERTISEMENT", "Officials said", PROSE_2])
    assert [b.removed for b in doc.blocks] == [None, "advertisement", None, None]


def test_german_related_section() -> None:
    doc = boilerplate(
        [PROSE, "Mehr zum Thema", "Streik bei der Bahn: Was Fahrgäste jetzt wissen müssen", PROSE_2],
        lang="de",
    )
    assert [b.removed for b in doc.blocks] == [None, "related", "related", None]


def test_a_related_section_stops_at_an_agency_credit_line() -> None:
    # The trailers stage runs first and records the credit, which then ends the list.
    lines = [PROSE, "Mehr zum Thema", "Bahnstreik: Was Fahrgäste wissen müssen", "(mit Material von dpa)"]
    doc = run_until("\n\n".join(lines), "boilerplate", lang="de")
    assert [b.removed for b in doc.blocks] == [None, "related", "related", "contributors"]
    assert doc.agency == "dpa"


@pytest.mark.xfail(
    strict=True,
    reason="a comments section ends at the first comment written as a sentence: section items must not be "
    "prose, since a lone 'Comments' link above a story must not take the story with it",
)
def test_comments_heading_takes_the_comments_under_it() -> None:
    doc = boilerplate(["Comments", "Great article, thanks!", "I disagree with the mayor on this one."])
    assert [b.removed for b in doc.blocks] == ["comments", "comments", "comments"]


def test_sponsored_heading_takes_the_sponsored_teasers_under_it() -> None:
    doc = boilerplate(
        [PROSE, "Sponsored Content", "Ten gadgets you need this summer", "Why doctors love this one trick"]
    )
    assert [b.removed for b in doc.blocks] == [None, "advertisement", "advertisement", "advertisement"]


# -- story text removed as furniture (rules firing on their own counterexamples) ------------


def test_story_sentence_starting_by_continuing_stays() -> None:
    assert (
        reason_of(
            "By continuing the talks, both sides hoped to avoid a strike that would have closed the port."
        )
        is None
    )


def test_story_sentence_about_copyright_law_stays() -> None:
    line = "Copyright law changed in 2019, and publishers are still adapting to the new rules on quotations."
    assert reason_of(line) is None


def test_story_sentence_quoting_follow_us_stays() -> None:
    line = (
        "Follow us on Twitter was the only instruction the rebels gave, the report said, "
        "before the network went dark."
    )
    assert reason_of(line) is None


def test_story_sentence_starting_thank_you_for_signing_up_stays() -> None:
    line = (
        "Thank you for signing up to volunteer, the mayor told the crowd of students at the school on Friday."
    )
    assert reason_of(line) is None


def test_story_sentence_starting_more_colon_stays() -> None:
    assert reason_of("More: the ministry said the talks would continue next week in Geneva.") is None


# -- user pattern files ------------------------------------------------------------------


def test_user_pattern_file_adds_rules_with_its_own_ids(tmp_path: Path) -> None:
    rules = tmp_path / "house.toml"
    rules.write_text(
        'lang = "en"\nname = "House rules"\n\n[[rule]]\nid = "podcast-plug"\nreason = "promotion"\n'
        "regex = '^listen to our daily podcast'\n"
        'examples = ["Listen to our daily podcast"]\ncounterexamples = ["He did not listen."]\n',
        encoding="utf-8",
    )
    stage = Boilerplate(pattern_files=(str(rules),))
    doc = boilerplate([PROSE, "Listen to our daily podcast on your phone", "ADVERTISEMENT"], stage=stage)
    assert removed(doc) == [
        ("Listen to our daily podcast on your phone", "promotion"),
        ("ADVERTISEMENT", "advertisement"),
    ]
    assert doc.removals[0].rule == "en/podcast-plug"


# -- fixture pages ----------------------------------------------------------------------


def test_every_line_of_an_all_furniture_page_is_removed_with_a_reason() -> None:
    doc = run_until(PAGES / "all_boilerplate_dump.txt", "boilerplate")
    assert list(doc.kept()) == []
    assert removed(doc) == [
        ("Skip to content", "navigation"),
        ("Menu", "navigation"),
        ("Search", "navigation"),
        (
            "We use cookies to personalise content and ads and to analyse our traffic. "
            "Read our cookie policy.",
            "cookie_notice",
        ),
        ("Accept all cookies", "cookie_notice"),
        ("ADVERTISEMENT", "advertisement"),
        ("Subscribe to continue reading", "paywall"),
        ("Already a subscriber? Log in to continue", "paywall"),
        ("Sign up for our newsletter to get the day's top stories.", "newsletter"),
        ("Follow us on Facebook", "social"),
        ("Privacy Policy", "copyright"),
        ("Terms of Use", "copyright"),
        ("© 2024 Northfield Gazette Media. All rights reserved.", "copyright"),
    ]


def test_blog_cookie_banner_and_comment_widgets() -> None:
    doc = run_until(PAGES / "blog_cookie_comments.html", "boilerplate")
    assert [(t, r) for t, r in removed(doc) if r != "title"] == [
        (
            "We use cookies to improve your experience on our site and to show you relevant content. "
            "By continuing to browse, you agree to our use of cookies.",
            "cookie_notice",
        ),
        ("Cookie settings", "cookie_notice"),
        ("Facebook Twitter Email", "social"),
        ("3 Comments", "comments"),
        ("Leave a Reply", "comments"),
        ("© 2022 The Margin Notes. All rights reserved.", "copyright"),
    ]


def test_the_pages_own_address_printed_on_it_leaves() -> None:
    doc = lines_doc(
        ["https://www.example.com/news/bridge-to-close/", PROSE, "http://example.com/other-story"]
    )
    doc.url = "https://example.com/news/bridge-to-close"
    doc = run_stage(Boilerplate(), doc)
    assert [(r.text, r.rule) for r in doc.removals] == [
        ("https://www.example.com/news/bridge-to-close/", "xx/page-url")
    ]


def test_a_byline_or_date_line_ends_a_sponsored_list() -> None:
    dated = "Published 4:00 am CST, Wednesday, November 20, 2019"
    doc = boilerplate(["Sponsored Content", "Legal Notices", "By Paul Roe", dated])
    assert [b.removed for b in doc.blocks] == ["advertisement", "advertisement", None, None]


def test_a_comments_link_under_the_headline_does_not_take_the_lines_under_it() -> None:
    # "Leave a comment" next to the byline links to the form below the story: the short lines
    # under it open the story (its list), they are no comments.
    doc = lines_doc(["Game update brings new levels", "Leave a comment", "New levels", "Bugs fixed", PROSE])
    doc.headline_index = 0
    doc = run_stage(Boilerplate(), doc)
    assert [b.removed for b in doc.blocks] == [None, "comments", None, None, None]


def test_a_comments_heading_after_the_story_takes_the_short_lines_under_it() -> None:
    doc = lines_doc(
        ["Game update brings new levels", PROSE, "Leave a comment", "Great piece", "Agreed with every word"]
    )
    doc.headline_index = 0
    doc = run_stage(Boilerplate(), doc)
    assert [b.removed for b in doc.blocks] == [None, None, "comments", "comments", "comments"]
