"""The dirty-page factory: reproducible, realistic in shape, both formats agree, gold is right."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path

import lxml.html
import pytest

from newsclean.article import Caption
from newsclean.errors import PatternError
from newsclean.stages.html_blocks import BlockRenderer
from newsclean.testing import ArticleParts, DirtyPageFactory
from newsclean.testing.families import load_family_book
from newsclean.testing.material import load_story_material, story_languages
from newsclean.testing.parts import printed_credit

LANGS = ("de", "en", "es", "fr", "it", "nl", "pt")


def html_lines(html: str) -> list[str]:
    """The visible lines of a page as newsclean's HTML renderer lays them out."""
    tree = lxml.html.document_fromstring(html)
    return [b.text for b in BlockRenderer(max_depth=250, document="t").render(tree.find("body"))]


def test_every_language_has_stories_and_every_family() -> None:
    factory = DirtyPageFactory()
    assert factory.languages == LANGS == story_languages()
    families = set(factory.families("en"))
    assert families == {
        "advertisement", "comments", "cookie_notice", "footer", "navigation", "newsletter", "paywall",
        "related", "social",
    }  # fmt: skip
    book = load_family_book()
    for lang in LANGS:
        assert set(factory.families(lang)) == families, lang
        for family in families:
            assert len(book.variants(family, lang)) >= 3, (lang, family)


def test_same_seed_same_page_and_different_seeds_differ() -> None:
    a = DirtyPageFactory(seed=5).make(language="it")
    assert a == DirtyPageFactory(seed=5).make(language="it")
    assert a == DirtyPageFactory().make(language="it", seed=a.seed)
    assert a.text != DirtyPageFactory(seed=6).make(language="it").text


@pytest.mark.parametrize("lang", LANGS)
def test_dump_and_html_show_the_same_lines(lang: str) -> None:
    for seed in range(15):
        page = DirtyPageFactory().make(language=lang, seed=seed)
        dump = page.text.split("\n")
        buttons = {i.text for i in page.injected if i.button}
        # newsclean's renderer skips <button>; a browser's dump shows it.
        dump_lines = [line for line in dump if line and line not in buttons]
        shown = [line for line in html_lines(page.html) if line not in buttons]
        assert shown == dump_lines[1:], seed  # the dump's first line is the <title>


@pytest.mark.parametrize("lang", LANGS)
def test_gold_and_injected_lines_are_on_the_page(lang: str) -> None:
    for seed in range(15):
        page = DirtyPageFactory().make(language=lang, seed=seed)
        lines = page.text.split("\n")
        assert lines[0].startswith(page.gold.title or "") or lines[0].endswith(page.gold.title or "")
        positions = [lines.index(p) for p in page.gold.text_as_published.split("\n\n")]
        assert positions == sorted(positions)
        for injected in page.injected:
            assert injected.text in lines
        assert not set(page.gold.paragraphs) & {i.text for i in page.injected}
        assert page.gold.language == lang and page.gold.site_name and page.gold.site_name in lines[0]


def test_only_the_families_asked_for_are_injected() -> None:
    factory = DirtyPageFactory(seed=2)
    for lang in LANGS:
        page = factory.make(language=lang, families=["comments", "footer"])
        assert {i.family for i in page.injected} == {"comments", "footer"}
        assert {i.slot for i in page.injected} <= {"end", "footer"}
    with pytest.raises(ValueError, match="no family 'popups'"):
        factory.make(families=["popups"])


def test_ads_go_between_paragraphs_and_cookie_banners_first_or_last() -> None:
    factory = DirtyPageFactory(seed=3)
    for _ in range(30):
        page = factory.make(language="en", families=["advertisement", "cookie_notice"])
        lines = [line for line in page.text.split("\n") if line]
        cookie = [lines.index(i.text) for i in page.injected if i.family == "cookie_notice"]
        assert cookie[0] == 1 or cookie[-1] == len(lines) - 1
        first = lines.index(page.gold.text_as_published.split("\n\n")[0])
        for ad in (i for i in page.injected if i.family == "advertisement" and i.slot == "body"):
            assert max(k for k, line in enumerate(lines) if line == ad.text) > first


def test_parts_given_are_printed_exactly() -> None:
    parts = ArticleParts(
        title="Bridge reopens after repairs",
        paragraphs=["The bridge reopened on Friday after six weeks of repairs.", "Traffic was light."],
        authors=["Jane Doe"],
        dateline="TOKYO —",
        captions=[Caption(text="The bridge at dusk.", credit="AP Photo/Ken Marsh")],
        tags=["Transport"],
        site_name="Harbor Daily",
        published=datetime(2024, 3, 5, 9, 30),
    )
    page = DirtyPageFactory().make(parts, families=["social"], seed=1)
    assert "TOKYO — The bridge reopened on Friday after six weeks of repairs." in page.text
    assert "The bridge at dusk. (AP Photo/Ken Marsh)" in page.text
    assert page.gold.paragraphs == parts.paragraphs
    assert page.gold.dateline is not None and page.gold.dateline.location == "TOKYO"
    assert [a.name for a in page.gold.authors] == ["Jane Doe"]
    assert page.gold.published is not None and page.gold.published.date() == parts.published.date()
    edited = dataclasses.replace(page_parts := DirtyPageFactory().story("nl", seed=4), tags=())
    assert edited.tags == () and edited.paragraphs == page_parts.paragraphs
    with pytest.raises(ValueError, match="at least one paragraph"):
        ArticleParts(title="x", paragraphs=[])


@pytest.mark.parametrize("lang", LANGS)
def test_credit_formats_survive_the_round_trip(lang: str) -> None:
    # The gold keeps a credit without its brackets; printing it must give the page's form back.
    for template in load_story_material(lang).formats.credit:
        printed = template.replace("{photographer}", "Ana Lima").replace("{agency}", "AP")
        bare = printed[1:-1] if printed.startswith("(") else printed
        assert printed_credit(bare) == printed


def test_user_family_files_add_wording_and_families(tmp_path: Path) -> None:
    mine = tmp_path / "promo.toml"
    mine.write_text(
        'lang = "en"\n[family.app_promo]\nwhere = ["after_body"]\nhtml = ["div.app-teaser"]\n'
        '[[variant]]\nfamily = "app_promo"\nblocks = ["Get the {site} app", "[Download]"]\n',
        encoding="utf-8",
    )
    factory = DirtyPageFactory(family_files=[mine])
    assert "app_promo" in factory.families("en") and "app_promo" not in factory.families("de")
    page = factory.make(language="en", families=["app_promo"], seed=1)
    assert [i.text for i in page.injected] == [f"Get the {page.gold.site_name} app", "Download"]
    assert '<div class="app-teaser">' in page.html


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('lang = "en"\n[[variant]]\nfamily = "popup"\nblocks = ["x"]\n', "no layout for family 'popup'"),
        ('lang = "en"\n[[variant]]\nfamily = "footer"\nblocks = ["© {owner}"]\n', "unknown slot {owner}"),
        ('lang = "en"\n[family.x]\nwhere = ["sidebar"]\nhtml = ["div"]\n', "family.x.where"),
        ('lang = "en"\n[[variant]]\nfamily = "footer"\nblocks = ["ok"]\ncolour = 1\n', "colour"),
    ],
)
def test_bad_family_files_fail_naming_the_file(tmp_path: Path, body: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(PatternError, match=message) as info:
        DirtyPageFactory(family_files=[bad])
    assert str(bad) in str(info.value)
