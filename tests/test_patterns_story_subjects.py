"""Stories about cookies, newsletters, ads and paywalls, in the languages the pattern files cover.

A news paragraph whose *subject* is a cookie fine or a newsletter is the sentence a boilerplate rule
is most likely to take by mistake. Each one here must come through every boilerplate rule of its
language (the neutral ``xx`` rules included), and through ``newsclean.clean`` as a paragraph.
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean.patterns import pattern_set

STORIES: dict[str, list[str]] = {
    "de": [
        "Die Datenschutzbehörde hat gegen den Verlag ein Bußgeld verhängt, weil er Cookies ohne "
        "Einwilligung der Nutzer gesetzt habe.",
        "Viele Websites verwenden Cookies, um das Verhalten der Nutzer zu verfolgen, kritisiert die "
        "Verbraucherzentrale in einer Studie.",
        "Der Verlag will seinen Newsletter künftig auch an Abonnenten in Österreich verschicken, sagte die "
        "Geschäftsführerin.",
        "Die Anzeige gegen den Bürgermeister wurde von der Staatsanwaltschaft eingestellt.",
        "Erhalten Sie eine solche Nachricht in Ihr Postfach, sollten Sie sie sofort löschen, rät die "
        "Polizei.",
        "Dieser Artikel erschien zuerst in der New York Times und löste eine heftige Debatte aus.",
    ],
    "fr": [
        "La CNIL a infligé une amende de 40 millions d'euros à une régie publicitaire qui déposait des "
        "cookies sans le consentement des internautes.",
        "Les abonnés à la newsletter du musée ont reçu mercredi une invitation pour l'inauguration, a "
        "indiqué la direction.",
        "La publicité en ligne représente désormais plus de la moitié des recettes du groupe, selon son "
        "rapport annuel.",
        "Cet article vous a été utile, a écrit une lectrice au médiateur du journal, qui a publié sa lettre "
        "samedi.",
    ],
    "pl": [
        "Urząd Ochrony Danych Osobowych nałożył karę na sklep internetowy, który zapisywał pliki cookie bez "
        "zgody klientów.",
        "Reklama w internecie przynosi już ponad połowę przychodów wydawców, wynika z raportu.",
        "Newsletter ratusza trafia co tydzień do ponad 20 tys. mieszkańców, poinformowała rzeczniczka.",
    ],
    "es": [
        "La Agencia Española de Protección de Datos ha multado a una web de viajes por instalar cookies sin "
        "el consentimiento de los usuarios.",
        "La publicidad institucional del Ayuntamiento costó 2,3 millones de euros el año pasado, según el "
        "informe.",
        "El boletín del museo llega cada semana a 40.000 suscriptores, explicó la directora.",
    ],
    "it": [
        "Il Garante della privacy ha sanzionato un sito di e-commerce che installava cookie senza il "
        "consenso degli utenti.",
        "La pubblicità online vale ormai metà dei ricavi degli editori, secondo il rapporto dell'Agcom.",
        "La newsletter del Comune arriva ogni settimana a 30 mila cittadini, ha spiegato l'assessora.",
    ],
    "nl": [
        "De Autoriteit Persoonsgegevens heeft een webwinkel beboet omdat die cookies plaatste zonder "
        "toestemming van bezoekers.",
        "De nieuwsbrief van de gemeente gaat elke week naar 30.000 inwoners, zei de woordvoerder.",
    ],
    "pt": [
        "A Comissão Nacional de Proteção de Dados multou um site de viagens por instalar cookies sem o "
        "consentimento dos utilizadores.",
        "A publicidade online já representa metade das receitas dos jornais, segundo o relatório.",
        "A newsletter da câmara chega todas as semanas a 20 mil munícipes, explicou a vereadora.",
    ],
    "ru": [
        "Роскомнадзор предупредил владельцев сайтов, что сбор файлов cookie без согласия пользователей "
        "нарушает закон о персональных данных.",
        "По словам юриста, многие компании используют файлы cookie для показа рекламы и не спрашивают "
        "разрешения посетителей.",
        "Издание запустило новую рассылку для подписчиков: письма будут приходить по утрам, сообщил главный "
        "редактор.",
        "Реклама на остановках стала главным источником дохода для перевозчика, говорится в отчете компании.",
    ],
    "zh": [
        "国家网信办通报，部分网站在未经用户同意的情况下收集Cookie信息，违反了个人信息保护法。",
        "这家报社的广告收入去年下降了百分之二十，社长在年度会议上表示。",
    ],
}

CASES = [
    pytest.param(lang, text, id=f"{lang}-{i}")
    for lang, texts in STORIES.items()
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("lang", "text"), CASES)
def test_no_boilerplate_rule_takes_the_story(lang: str, text: str) -> None:
    assert pattern_set(lang).first_match("boilerplate", text) is None


@pytest.mark.parametrize(("lang", "text"), CASES)
def test_the_story_stays_a_paragraph(lang: str, text: str) -> None:
    headline = {"zh": "报道", "ru": "Новости"}.get(lang, "Nachricht")
    article = newsclean.clean(f"{headline}\n\n{text}\n", lang=lang)
    assert text in article.paragraphs
