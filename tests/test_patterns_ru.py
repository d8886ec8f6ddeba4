"""Russian pages end to end: the ru pattern file at work through ``newsclean.clean``."""

from __future__ import annotations

from datetime import datetime

import newsclean
from newsclean.language import detect_language

RU_BODY = [
    "Правительство России одобрило проект федерального бюджета на следующий год. Как сообщил министр "
    "финансов, расходы на социальную сферу будут увеличены, а дефицит бюджета сократится.",
    "По словам министра, доходы бюджета составят около 40 триллионов рублей. Рост экономики в следующем "
    "году прогнозируется на уровне двух процентов.",
    "Законопроект будет внесен в Государственную думу до конца месяца. В оппозиции уже заявили, что "
    "считают прогноз правительства слишком оптимистичным.",
]

RU_DUMP = "\n".join(
    [
        "Главная Политика Экономика Общество Спорт",
        "Правительство одобрило проект бюджета на следующий год",
        "Автор: Иван Петров",
        "Опубликовано: 20 ноября 2019, 10:30",
        "МОСКВА, 20 ноября. /ТАСС/. " + RU_BODY[0],
        RU_BODY[1],
        "Реклама",
        RU_BODY[2],
        "Читайте также",
        "Госдума приняла закон о налогах в первом чтении",
        "Центробанк сохранил ключевую ставку",
        "Поделиться: ВКонтакте Одноклассники Telegram",
        "© 2019 Пример Медиа. Все права защищены. Полное или частичное копирование материалов запрещено.",
    ]
)


def _removed(article: newsclean.Article) -> dict[str, tuple[str, str]]:
    return {r.text: (r.reason, r.rule) for r in article.removals}


def test_russian_text_is_detected_as_russian() -> None:
    assert detect_language(RU_BODY[0]) == "ru"


def test_russian_dump() -> None:
    article = newsclean.clean(RU_DUMP)
    assert article.language == "ru"
    assert article.title == "Правительство одобрило проект бюджета на следующий год"
    assert [a.name for a in article.authors] == ["Иван Петров"]
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency) == ("МОСКВА", "ТАСС")
    assert article.dateline.date == "20 ноября"
    assert article.agency == "TASS"
    assert article.published == datetime(2019, 11, 20, 10, 30)
    assert list(article.paragraphs) == RU_BODY
    removed = _removed(article)
    assert removed["Главная Политика Экономика Общество Спорт"] == ("navigation", "ru/section-row")
    assert removed["Реклама"] == ("advertisement", "xx/ad-marker")
    assert removed["Читайте также"] == ("related", "ru/related-heading")
    assert removed["Госдума приняла закон о налогах в первом чтении"] == ("related", "ru/related-heading")
    assert removed["Центробанк сохранил ключевую ставку"] == ("related", "ru/related-heading")
    assert removed["Поделиться: ВКонтакте Одноклассники Telegram"] == ("social", "ru/share-row")
    assert removed["Автор: Иван Петров"][0] == "byline"
    assert any("Все права защищены" in r.text for r in article.removals if r.reason == "copyright")
