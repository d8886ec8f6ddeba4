"""Polish and Chinese pages end to end: the pl and zh pattern files at work through ``newsclean.clean``."""

from __future__ import annotations

import html
from datetime import datetime

import pytest

import newsclean
from newsclean.language import detect_language

PL_BODY = [
    "Rada Ministrów przyjęła we wtorek projekt ustawy budżetowej na przyszły rok. Jak poinformował minister "
    "finansów, po raz pierwszy od 30 lat budżet ma być zrównoważony.",
    "Według założeń dochody państwa wyniosą 429,5 mld zł, a wydatki będą na tym samym poziomie. "
    "Wzrost gospodarczy prognozowany jest na 3,7 proc.",
    "Projekt trafi teraz do Sejmu, który ma się nim zająć jeszcze w grudniu. Opozycja zapowiada, że będzie "
    "krytykować założenia rządu, które jej zdaniem są zbyt optymistyczne.",
]

ZH_BODY = [
    "国务院总理李克强20日主持召开国务院常务会议，部署进一步做好稳就业工作，确定加快发展先进制造业集群的措施。",
    "会议指出，今年以来，各地区各部门认真落实党中央、国务院部署，就业形势保持总体稳定，城镇新增就业提前完成全年目标任务。",
    "会议要求，要把稳就业摆在更加突出位置，加大对高校毕业生、农民工等重点群体就业的支持力度，确保就业局势稳定。",
]

PL_DUMP = "\n".join(
    [
        "Strona główna > Wiadomości > Kraj",
        "Rząd przyjął projekt budżetu na 2020 rok",
        "Autor: Jan Kowalski",
        "Opublikowano: 20 listopada 2019, 10:30",
        "Udostępnij",
        "WARSZAWA (PAP) - " + PL_BODY[0],
        PL_BODY[1],
        "REKLAMA",
        PL_BODY[2],
        "Czytaj także: Inflacja w listopadzie wyższa od oczekiwań",
        "Zobacz też",
        "Sejm uchwalił nowelizację ustawy o podatku dochodowym",
        "Premier zapowiada nowe inwestycje w infrastrukturę",
        "Tagi: budżet, Sejm, finanse publiczne",
        "Komentarze (12)",
        "© 2019 Przykładowa Gazeta sp. z o.o. Wszelkie prawa zastrzeżone.",
    ]
)

ZH_DUMP = """首页 > 新闻 > 国内
国务院部署进一步做好稳就业工作
2019-11-20 10:30 来源：新华网
作者：张三
分享到：微信 微博 QQ空间
新华社北京11月20日电（记者张三、李四）国务院总理李克强20日主持召开国务院常务会议，部署进一步做好稳就业工作，确定加快发展先进制造业集群的措施。
会议指出，今年以来，各地区各部门认真落实党中央、国务院部署，就业形势保持总体稳定，城镇新增就业提前完成全年目标任务。
广告
会议要求，要把稳就业摆在更加突出位置，加大对高校毕业生、农民工等重点群体就业的支持力度，确保就业局势稳定。
相关新闻
李克强主持召开国务院常务会议
国务院发布关于推动制造业高质量发展的意见
标签：就业,制造业,国务院
责任编辑：王五
版权所有 新华网 未经授权禁止转载
"""


def _removed(article: newsclean.Article) -> dict[str, tuple[str, str]]:
    return {r.text: (r.reason, r.rule) for r in article.removals}


def test_polish_news_text_is_detected_as_polish() -> None:
    assert detect_language(PL_BODY[0] + " " + PL_BODY[2]) == "pl"


@pytest.mark.parametrize(
    "text", [ZH_BODY[0], "中央社記者林克倫台北20日電）台灣今天宣布新的防疫措施，從下週一開始實施。"]
)
def test_chinese_news_text_is_detected_as_chinese(text: str) -> None:
    assert detect_language(text) == "zh"


def test_polish_dump() -> None:
    article = newsclean.clean(PL_DUMP)
    assert article.language == "pl"
    assert article.title == "Rząd przyjął projekt budżetu na 2020 rok"
    assert [a.name for a in article.authors] == ["Jan Kowalski"]
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency) == ("WARSZAWA", "PAP")
    assert article.agency == "PAP"
    assert article.published == datetime(2019, 11, 20, 10, 30)
    assert list(article.paragraphs) == PL_BODY
    assert list(article.tags) == ["budżet", "Sejm", "finanse publiczne"]
    removed = _removed(article)
    assert removed["Strona główna > Wiadomości > Kraj"] == ("navigation", "pl/breadcrumb")
    assert removed["Udostępnij"] == ("social", "pl/share-row")
    assert removed["REKLAMA"] == ("advertisement", "xx/ad-marker")
    assert removed["Czytaj także: Inflacja w listopadzie wyższa od oczekiwań"] == (
        "related",
        "pl/read-more-inline",
    )
    assert removed["Zobacz też"] == ("related", "pl/related-heading")
    assert removed["Sejm uchwalił nowelizację ustawy o podatku dochodowym"] == (
        "related",
        "pl/related-heading",
    )
    assert removed["Tagi: budżet, Sejm, finanse publiczne"] == ("tags", "pl/tags-line")
    assert removed["Komentarze (12)"] == ("comments", "pl/comments-widget")
    assert removed["Autor: Jan Kowalski"][0] == "byline"
    assert removed["Opublikowano: 20 listopada 2019, 10:30"][0] == "byline"
    assert "Wszelkie prawa zastrzeżone" in " ".join(
        r.text for r in article.removals if r.reason == "copyright"
    )


def test_chinese_dump() -> None:
    article = newsclean.clean(ZH_DUMP)
    assert article.language == "zh"
    assert article.title == "国务院部署进一步做好稳就业工作"
    # Names in Han characters are not read as author names yet (newsclean.names wants capitals);
    # the byline line still leaves the body.
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency, article.dateline.date) == (
        "北京",
        "新华社",
        "11月20日",
    )
    assert article.agency == "Xinhua"
    assert article.published == datetime(2019, 11, 20, 10, 30)
    assert list(article.paragraphs) == ZH_BODY
    assert list(article.tags) == ["就业", "制造业", "国务院"]
    removed = _removed(article)
    assert removed["首页 > 新闻 > 国内"] == ("navigation", "zh/breadcrumb")
    assert removed["作者：张三"] == ("byline", "zh/byline-line")
    assert removed["分享到：微信 微博 QQ空间"] == ("social", "zh/share-row")
    assert removed["广告"] == ("advertisement", "xx/ad-marker")
    assert removed["相关新闻"] == ("related", "zh/related-heading")
    assert removed["李克强主持召开国务院常务会议"] == ("related", "zh/related-heading")
    assert removed["标签：就业,制造业,国务院"] == ("tags", "zh/tags-line")
    assert removed["责任编辑：王五"] == ("contributors", "zh/editor")
    assert removed["版权所有 新华网 未经授权禁止转载"] == ("copyright", "zh/copyright")
    assert removed["2019-11-20 10:30 来源：新华网"][0] == "byline"


def _as_html(dump: str, lang: str, links: set[str]) -> str:
    lines = [line for line in dump.splitlines() if line.strip()]
    head, title, rest = lines[0], lines[1], lines[2:]
    # In HTML, the teasers under a "related" heading are links.
    paragraphs = "\n".join(
        f'<p><a href="/story">{html.escape(line)}</a></p>' if line in links else f"<p>{html.escape(line)}</p>"
        for line in rest
    )
    return (
        f'<html lang="{lang}"><head><title>{html.escape(title)}</title></head><body>'
        f"<nav><p>{html.escape(head)}</p></nav><article><h1>{html.escape(title)}</h1>\n{paragraphs}\n"
        "</article></body></html>"
    )


PL_LINKS = {
    "Sejm uchwalił nowelizację ustawy o podatku dochodowym",
    "Premier zapowiada nowe inwestycje w infrastrukturę",
}
ZH_LINKS = {"李克强主持召开国务院常务会议", "国务院发布关于推动制造业高质量发展的意见"}


@pytest.mark.parametrize(
    ("dump", "lang", "links", "body"),
    [(PL_DUMP, "pl", PL_LINKS, PL_BODY), (ZH_DUMP, "zh", ZH_LINKS, ZH_BODY)],
)
def test_html_variant(dump: str, lang: str, links: set[str], body: list[str]) -> None:
    article = newsclean.clean(_as_html(dump, lang, links))
    assert article.language == lang
    assert article.dateline is not None and article.dateline.location in {"WARSZAWA", "北京"}
    assert list(article.paragraphs) == body
    rules = {r.rule for r in article.removals}
    assert {f"{lang}/related-heading", f"{lang}/share-row", f"{lang}/tags-line"} <= rules
