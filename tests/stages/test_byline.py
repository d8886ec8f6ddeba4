"""The ``byline`` stage: authors (and the agency) from the byline in the header zone."""

from __future__ import annotations

import pytest

from newsclean import Document
from newsclean.stages import Byline

from ._helpers import PAGES, PROSE, PROSE_2, PROSE_3, SNIPPETS, lines_doc, reasons, run_stage, run_until

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


def test_the_byline_repeated_without_its_prefix_under_the_story_is_the_byline() -> None:
    doc = byline(
        [HEADLINE, "Par Claire Dubois et Luc Martin", PROSE, PROSE_2, "Claire Dubois et Luc Martin"],
        lang="fr",
    )
    assert names(doc) == ["Claire Dubois", "Luc Martin"]
    assert reasons(doc) == [None, "byline", None, None, "byline"]


def test_one_of_several_names_alone_under_the_story_stays() -> None:
    doc = byline([HEADLINE, "Par Claire Dubois et Luc Martin", PROSE, PROSE_2, "Luc Martin"], lang="fr")
    assert reasons(doc)[-1] is None


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
    doc = byline([HEADLINE, "Jane Doe, Reuters", PROSE], author="Jane Doe; Reuters")
    assert names(doc) == ["Jane Doe"] and doc.agency == "Reuters"


def test_a_metadata_author_printed_nowhere_is_the_uploading_account() -> None:
    doc = byline([HEADLINE, PROSE, PROSE_2], author="Yannick Osterholt")
    assert names(doc) == []


def test_metadata_authors_printed_by_the_headline_win_over_one_printed_in_the_footer() -> None:
    doc = byline(
        ["Mara Lindgren", HEADLINE, PROSE, PROSE_2, "© 2024 Harbor Media Group"],
        author="Harbor Media Group; Mara Lindgren",
    )
    assert names(doc) == ["Mara Lindgren"]


def test_a_metadata_author_takes_the_form_the_page_prints() -> None:
    doc = byline([HEADLINE, "Tessa J. Morrow | Valley Courier staff", PROSE], author="Tessa J Morrow")
    assert names(doc) == ["Tessa J. Morrow"]


def test_a_visible_byline_wins_over_metadata() -> None:
    doc = byline([HEADLINE, "By Jane Doe", PROSE], author="Web Desk")
    assert names(doc) == ["Jane Doe"]


# -- known gaps -------------------------------------------------------------------------------


def test_four_caps_authors_with_a_middle_initial() -> None:
    doc = header("By JONATHAN J. COOPER, STEVE PEOPLES, HUMERA LODHI and SIMRAN PARWANI")
    assert names(doc) == ["Jonathan J. Cooper", "Steve Peoples", "Humera Lodhi", "Simran Parwani"]


def test_names_and_agency_without_a_prefix() -> None:
    doc = header("Riley Griffin, Katherine Chiglinsky and David Voreacos, Bloomberg")
    assert names(doc) == ["Riley Griffin", "Katherine Chiglinsky", "David Voreacos"]
    assert doc.agency == "Bloomberg"
    assert [b.removed for b in doc.blocks] == [None, "byline", None, None]


def test_a_name_and_agency_after_a_bar_without_a_prefix() -> None:
    doc = header("Rafaela Monteiro | Reuters")
    assert names(doc) == ["Rafaela Monteiro"] and doc.agency == "Reuters"


def test_names_and_agency_under_a_photo_line_are_its_credit() -> None:
    doc = header("Riley Griffin, Bloomberg")
    assert names(doc) == ["Riley Griffin"]
    doc = byline([HEADLINE, "Crews inspect the bridge supports", "Riley Griffin, Bloomberg", PROSE])
    assert doc.authors == [] and doc.agency is None


def test_byline_run_into_the_dateline() -> None:
    doc = byline(
        [
            HEADLINE,
            "By DANICA KIRKA and JILL LAWLESS LONDON (AP) — "
            "Britain's parliament voted on Tuesday to delay the plan.",
        ]
    )
    assert names(doc) == ["Danica Kirka", "Jill Lawless"]
    # The paragraph keeps the dateline and the story, as printed too; the byline is no body.
    paragraph = doc.blocks[1]
    assert paragraph.removed is None
    assert paragraph.text == "LONDON (AP) — Britain's parliament voted on Tuesday to delay the plan."
    assert paragraph.as_published == paragraph.text


@pytest.mark.parametrize(
    ("line", "expected", "rest"),
    [
        ("By Jane Doe WASHINGTON (AP) — The Senate voted", ["Jane Doe"], "WASHINGTON (AP) —"),
        ("By MEG KINNARD HAYWARD, Calif. (AP) — A man was arrested", ["Meg Kinnard"], "HAYWARD, Calif."),
        # "SIMRAN PARWANI NEW | YORK" reads too: only the names both readings agree on are taken.
        (
            "By JONATHAN J. COOPER, STEVE PEOPLES, HUMERA LODHI and SIMRAN PARWANI NEW YORK (AP) — "
            "President Biden said",
            ["Jonathan J. Cooper", "Steve Peoples", "Humera Lodhi"],
            "NEW YORK (AP) —",
        ),
    ],
)
def test_byline_run_into_the_dateline_splits_where_the_place_starts(
    line: str, expected: list[str], rest: str
) -> None:
    doc = byline([HEADLINE, f"{line} on Monday that the plan would go ahead as agreed."])
    assert names(doc) == expected
    assert doc.blocks[1].text.startswith(rest)


def test_a_run_in_byline_no_reading_agrees_on_stays_in_the_paragraph() -> None:
    # "LEIGH ANN | CALDWELL WASHINGTON" or "LEIGH ANN CALDWELL | WASHINGTON": no name is sure.
    line = "By LEIGH ANN CALDWELL WASHINGTON (AP) — The Senate voted on Tuesday to approve the bill."
    doc = byline([HEADLINE, line])
    assert doc.authors == [] and doc.blocks[1].text == line


def test_outlet_with_agency_byline() -> None:
    doc = header("Le Monde avec AFP", lang="fr")
    assert doc.authors == [] and doc.agency == "AFP"


def test_french_author_with_avec_contributors() -> None:
    doc = header("Martin Untersinger (avec Damien Leloup et Morgane Tual)", lang="fr")
    assert names(doc) == ["Martin Untersinger"]
    assert [(c.name, c.role) for c in doc.contributors] == [
        ("Damien Leloup", "contributor"),
        ("Morgane Tual", "contributor"),
    ]
    assert doc.blocks[1].removed == "byline"


def test_a_parenthesis_of_other_words_is_no_contributor_list() -> None:
    doc = header("Martin Untersinger (avec des photos de la rédaction)", lang="fr")
    assert doc.authors == [] and doc.contributors == []


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
        # Its <meta name="author"> names someone the page never prints: no author.
        (SNIPPETS / "parse_article_with_chrome.html", [], None),
    ],
    ids=lambda v: v.stem if hasattr(v, "stem") else None,
)
def test_fixture_pages_bylines(page: object, expected: list[str], agency: str | None) -> None:
    doc = run_until(page, "byline")
    assert names(doc) == expected
    assert doc.agency == agency


def dump_header(*lines: str, lang: str = "en") -> Document:
    """A dump whose headline is known (block 0), as the title stage leaves it."""
    doc = lines_doc([HEADLINE, *lines, PROSE, PROSE_2], lang=lang)
    doc.headline_index = 0
    doc.blocks[0].removed = "title"
    return run_stage(Byline(), doc)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (("Dallas Robinson", "Nov 18, 2019 @17:19 PM"), ["Dallas Robinson"]),
        (("Priya Raman", "1 day ago"), ["Priya Raman"]),
        (("Ed Carter", "Monday 6:30PM"), ["Ed Carter"]),
        (("Tom Hollis", "News reporter @TomHollis1"), ["Tom Hollis"]),
        (("VICTOR HALE, SKYWATCH", "18 NOV 2019"), ["Victor Hale"]),
        (("Lena Vogt", "14. Februar 2024, 11:20 Uhr"), ["Lena Vogt"]),
        (("Claire Dubois", "Publié le 3 mars 2023"), ["Claire Dubois"]),
        (("Marta Ruiz", "12 de abril de 2023"), ["Marta Ruiz"]),
    ],
    ids=["date", "relative", "weekday-clock", "role-line", "caps-with-outlet", "de", "fr", "es"],
)
def test_a_bare_name_is_taken_when_a_date_or_title_line_vouches_for_it(
    lines: tuple[str, ...], expected: list[str]
) -> None:
    lang = {"Lena Vogt": "de", "Claire Dubois": "fr", "Marta Ruiz": "es"}.get(lines[0], "en")
    doc = dump_header(*lines, lang=lang)
    assert names(doc) == expected
    assert doc.blocks[1].removed == "byline"


def test_a_place_line_between_the_name_and_the_date_line_goes_with_the_byline() -> None:
    doc = dump_header(
        "Lucía Serrano Vidal", "Palma de Mallorca", "Actualizado: 09/04/2024 - 13:45h", lang="es"
    )
    assert names(doc) == ["Lucía Serrano Vidal"]
    assert reasons(doc)[1:3] == ["byline", "byline"]


def test_a_place_line_without_a_date_line_under_it_vouches_for_nothing() -> None:
    doc = dump_header("Lucía Serrano Vidal", "Madrid", PROSE_3, lang="es")
    assert names(doc) == [] and reasons(doc)[1:3] == [None, None]


@pytest.mark.parametrize(
    "lines",
    [
        ("Share This Article", "Nov 18, 2019"),  # furniture: a stopword inside
        ("Lena Vogt", "Berlin ist eine Stadt mit vielen Brücken und Kanälen, sagte sie gestern."),
        ("Eastern Michigan quarterback", "Al Grant, Associated Press", "Nov 18, 2019"),
        ("European Space Agency", "Nov 18, 2019"),
    ],
    ids=["furniture", "no-evidence", "photo-credit-after-caption", "organisation"],
)
def test_a_bare_line_without_evidence_or_in_the_wrong_place_is_no_author(lines: tuple[str, ...]) -> None:
    assert names(dump_header(*lines)) == []


def test_a_name_with_its_title_run_on_without_a_comma() -> None:
    doc = dump_header("Bruce Y. Lee Senior Contributor")
    assert [(a.name, a.role) for a in doc.authors] == [("Bruce Y. Lee", "Senior Contributor")]


def test_a_desk_byline_in_capitals_is_no_person() -> None:
    assert names(header("By METRO POST STAFF")) == []


def test_a_wire_named_after_the_name_without_a_comma_is_the_agency() -> None:
    doc = dump_header("Tom Davies Associated Press", "Published 11:34 PM EST Nov 19, 2019")
    assert names(doc) == ["Tom Davies"]
    assert doc.agency == "AP"


def test_the_weekday_of_a_date_after_the_names_is_not_a_name() -> None:
    doc = header("By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.")
    assert names(doc) == ["Matthew Digby", "Minh Do"]


def test_a_date_before_the_name_on_the_same_line() -> None:
    assert names(dump_header("November 20, 2019 Emiliano Bellini")) == ["Emiliano Bellini"]


def test_the_author_after_the_date_and_source_on_a_date_line() -> None:
    page = "\n\n".join(
        [
            "城市更新：老旧小区加装电梯提速",
            "2024-04-18 09:12 来源：江南日报 作者：刘思远",
            "本报讯 记者从市住建局获悉，今年全市计划为600个老旧小区加装电梯，比去年增加近一倍。",
            "市住建局相关负责人介绍，加装电梯的费用由政府补贴、居民分摊和公积金提取三部分组成。",
        ]
    )
    doc = run_until(page, "byline", lang="zh")
    assert names(doc) == ["刘思远"]
    # The line left the body as a date line; the byline on it does not move it again.
    (removal,) = [r for r in doc.removals if r.block == 1]
    assert (removal.stage, removal.reason) == ("published", "byline")


def test_contact_details_beside_the_name_are_dropped() -> None:
    assert names(header("By Megan Rowe meganr@example.com(509) 459-5382")) == ["Megan Rowe"]


def test_a_by_line_past_the_header_needs_a_date_beside_it() -> None:
    teaser = "Get breaking news alerts and special reports, delivered to your inbox every weekday morning."
    doc = dump_header(PROSE_2, "Breaking News Emails", teaser, "Nov. 19, 2019, 8:41 AM UTC", "By Phil Helsel")
    assert names(doc) == ["Phil Helsel"]
    doc = dump_header(PROSE_2, "Breaking News Emails", teaser, "By Phil Helsel")
    assert names(doc) == []


def test_an_outlet_run_onto_the_name_is_trimmed() -> None:
    doc = lines_doc([HEADLINE, "Elliot Brown Coast Courier", "Published 2:16 AM EST Nov 20, 2019", PROSE])
    doc.url = "https://www.coastcourier.com/story/sports/2019/11/20/roundup/"
    doc.headline_index = 0
    doc.blocks[0].removed = "title"
    assert names(run_stage(Byline(), doc)) == ["Elliot Brown"]


def test_a_shared_title_after_several_names_is_not_another_name() -> None:
    doc = header("By MARIA SANTOS and DEREK OWENS, Harbor Daily Staff Writers")
    assert names(doc) == ["Maria Santos", "Derek Owens"]
    assert doc.authors[0].role == "Harbor Daily Staff Writers"


# -- labels, outlets and accounts ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("Analysis by Mara Lindgren, Harbor Editor-at-large", "en", ["Mara Lindgren"]),
        ("Текст: Анна Петрова·24 сентября 2018", "ru", ["Анна Петрова"]),
        ("Autor: Jan Kowalski", "pl", ["Jan Kowalski"]),
        (
            "05/10/2018 - Publicado por: Clara Boaventura - Categoria: Saúde - Tags: obras",
            "pt",
            ["Clara Boaventura"],
        ),
        ("September 10, 2018 | by Catherine", "en", ["Catherine"]),
    ],
)
def test_bylines_behind_labels_and_dates(line: str, lang: str, expected: list[str]) -> None:
    assert names(header(line, lang=lang)) == expected


def test_an_outlet_in_capitals_after_the_names_is_not_a_name() -> None:
    doc = dump_header("Tessa Morrow and Ken Abe VALLEY COURIER", "Published 7:07 PM EST Nov 19, 2019")
    assert names(doc) == ["Tessa Morrow", "Ken Abe"]


@pytest.mark.parametrize("line", ["By Admin", "By The Water Coolest", "Posted by webmaster"])
def test_site_accounts_and_brands_are_not_people(line: str) -> None:
    assert names(header(line)) == []


def test_a_bare_name_the_markup_contradicts_is_not_the_byline() -> None:
    doc = lines_doc([HEADLINE, "Mara LindgrenView More Articles", "Kurt Oda November 20, 2019 12:32", PROSE])
    doc.format = "html"
    doc.headline_index = 0
    doc.blocks[0].removed = "title"
    doc.metadata["author"] = "Mara Lindgren"
    assert names(run_stage(Byline(), doc)) == ["Mara Lindgren"]


def test_a_printed_name_is_found_in_the_forms_pages_print_it() -> None:
    from newsclean.stages.byline import _printed_pattern

    assert _printed_pattern("Trevor J Mitchell").search("By Trevor J. Mitchell, Argus Leader")
    assert _printed_pattern("Jose Altoveros").search("Jose AltoverosView More Articles")
    assert _printed_pattern("JANIE HAR").search("By Janie Har, Associated Press")
    assert _printed_pattern("王小明").search("来源：新华网 记者王小明报道")
    assert not _printed_pattern("Ann Lee").search("Joann Leeds wrote this")


def test_a_chinese_byline_taken_by_a_boilerplate_rule_still_gives_its_author() -> None:
    import newsclean

    story = "北京市4日夜间遭遇强降雨，多个区县出现停水停电情况，相关部门正在全力抢修，预计今天恢复供电。"
    page = f"北京暴雨致多地停水停电 - 新华网\n\n北京暴雨致多地停水停电\n\n作者：张三、李四\n\n{story}\n"
    article = newsclean.clean(page)
    assert [a.name for a in article.authors] == ["张三", "李四"]
    assert "作者：张三、李四" not in article.paragraphs


def test_the_reporters_credit_closing_a_chinese_story_gives_its_authors() -> None:
    import newsclean

    story = "北京市4日夜间遭遇强降雨，多个区县出现停水停电情况，相关部门正在全力抢修，预计今天恢复供电。"
    page = f"北京暴雨致多地停水停电 - 新华网\n\n北京暴雨致多地停水停电\n\n{story}\n\n（记者 张三 李四）\n"
    article = newsclean.clean(page)
    assert [a.name for a in article.authors] == ["张三", "李四"]
    assert article.paragraphs == (story,)


def test_a_bare_name_under_a_standfirst_without_a_full_stop_is_the_byline() -> None:
    import newsclean

    page = "\n".join(
        [
            "El Gobierno aprueba los presupuestos de 2025 | EL PAÍS",
            "El Gobierno aprueba los presupuestos de 2025",
            "El Consejo de Ministros da luz verde a unas cuentas que prevén un gasto récord en pensiones",
            "Carlos Martínez",
            "Madrid - 08 oct 2024 - 14:35 CEST",
            "El Consejo de Ministros ha aprobado este martes el proyecto de ley de Presupuestos Generales.",
            "Las cuentas contemplan un aumento del gasto en pensiones del 5,7% y en defensa este año.",
        ]
    )
    assert [a.name for a in newsclean.clean(page).authors] == ["Carlos Martínez"]


@pytest.mark.parametrize(
    ("credit", "site", "authors"),
    [
        ("Posted by Vortex", "Vortex Cannon Entertainment", []),  # the site's own account
        ("By Beachbody", "The Beachbody Blog", []),
        ("By Jane Roe", "The Beachbody Blog", ["Jane Roe"]),
        ("By Regan", "Regan's Kitchen", ["Regan"]),  # a possessive: the person's own site
    ],
)
def test_an_author_named_inside_the_site_name_is_the_site(credit: str, site: str, authors: list[str]) -> None:
    doc = lines_doc([HEADLINE, credit, PROSE, PROSE_2])
    doc.site_name = site
    doc = run_stage(Byline(), doc)
    assert [a.name for a in doc.authors] == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Elliot Brownstein Florida Today", ["Elliot Brownstein"]),
        (
            "Lisa Kaczke and Trevor J. Mitchell Sioux Falls Argus Leader",
            ["Lisa Kaczke", "Trevor J. Mitchell"],
        ),
        ("Jana Krüger Hamburger Abendblatt", ["Jana Krüger"]),
    ],
)
def test_a_newspaper_run_onto_a_bare_name_is_cut_off(line: str, authors: list[str]) -> None:
    lang = "de" if "Krüger" in line else "en"
    doc = lines_doc([HEADLINE, line, "Published 10:02 AM EST Nov 19, 2019", PROSE, PROSE_2], lang=lang)
    doc.current_stage = "title"
    doc.drop(doc.blocks[0], reason="title", rule="xx/headline")
    doc.headline_index = 0
    doc = run_stage(Byline(), doc)
    assert [a.name for a in doc.authors] == authors


def test_an_agency_after_the_name_is_credited_not_cut() -> None:
    doc = header("By JANIE HAR Associated Press")
    assert [a.name for a in doc.authors] == ["Janie Har"]
    assert doc.agency == "AP"


def test_a_surname_that_is_a_newspaper_word_stays() -> None:
    doc = header("By Emily Post")
    assert [a.name for a in doc.authors] == ["Emily Post"]


def test_a_byline_printed_again_leaves_with_the_first() -> None:
    doc = byline(["By Jane Roe", PROSE, PROSE_2, "By Jane Roe"])
    assert [a.name for a in doc.authors] == ["Jane Roe"]
    assert [(r.block, r.rule) for r in doc.removals] == [(0, "en/by-name"), (3, "en/by-name#repeated")]
