"""Language identification, small and dependency-free.

Scripts decide first (Hangul → ko, kana → ja, Han → zh, Cyrillic → ru, or uk
when the letters only Ukrainian uses (і ї є ґ) are a real share of it, Arabic → ar,
Greek → el, Hebrew → he, Thai → th, Devanagari → hi); for Latin text, the pattern
file whose stopwords cover the most tokens wins. Good
enough to pick pattern files, not a general-purpose identifier.

>>> detect_language("Die Regierung hat am Montag mitgeteilt, dass die Steuern nicht steigen werden.")
'de'
>>> detect_language("Le gouvernement a annoncé lundi que les impôts ne vont pas augmenter.")
'fr'
>>> detect_language("서울에서 열린 회의에서")
'ko'
>>> detect_language("Hükümet, bu yıl vergilerin artmayacağını ve reformun haziranda sunulacağını açıkladı.")
'tr'
>>> detect_language("Уряд у понеділок оголосив, що податки цього року не зростуть.")
'uk'
>>> detect_language("Regeringen meddelade på måndagen att skatterna inte kommer att höjas i år.")
'sv'
"""

from __future__ import annotations

import logging
from collections import Counter
from functools import cache

import regex

from newsclean.errors import PatternError
from newsclean.patterns import PACKAGED_LANGUAGES, load_packaged

logger = logging.getLogger(__name__)

_WORD = regex.compile(r"\p{L}+")
# Runs of each script's letters: counting characters through runs builds far fewer matches.
_SCRIPTS = (
    ("ko", regex.compile(r"\p{Hangul}+")),
    ("ja", regex.compile(r"[\p{Hiragana}\p{Katakana}]+")),
    ("zh", regex.compile(r"\p{Han}+")),
    ("ru", regex.compile(r"\p{Cyrillic}+")),
    ("ar", regex.compile(r"\p{Arabic}+")),
    ("el", regex.compile(r"\p{Greek}+")),
    ("he", regex.compile(r"\p{Hebrew}+")),
    ("th", regex.compile(r"\p{Thai}+")),
    ("hi", regex.compile(r"\p{Devanagari}+")),
)
# Letters only Ukrainian writes (about 7% of its text) against letters only Russian writes
# (ы э ё ъ, about 2% of its text): a Russian story naming "Київ" and "Львів" stays Russian.
# Belarusian also writes "і", but has "ў".
_UKRAINIAN = regex.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN = regex.compile(r"[ыэёъЫЭЁЪ]")
_BELARUSIAN = regex.compile(r"[ўЎ]")
_MIN_UKRAINIAN_SHARE = 0.015
_NOT_LETTER = regex.compile(r"\P{L}+")
# Letters of none of the scripts above: when a text has no other letters, counting each script is moot.
_OTHER_SCRIPT = regex.compile(r"[^\P{L}\p{Latin}]")
MIN_STOPWORD_SHARE = 0.12
# Agglutinative languages put much of their grammar in suffixes ("Meclis'te", "edilerek"), so
# stand-alone function words are a smaller share of their running text.
_MIN_SHARE_FOR = {"tr": 0.08}
_ENOUGH_CHARS = 200
# Danish, Norwegian and Swedish share most of their function words ("det", "som", "har", "men"),
# so their totals stay within the margin; between them, the words only one list has decide.
_CLOSE_LANGUAGES = frozenset({"da", "nb", "sv"})


def detect_language(text: str, *, sample: int = 20_000) -> str | None:
    """The ISO 639-1 code of ``text``, or ``None`` when there is too little evidence."""
    text = text[:sample]
    other_script = _OTHER_SCRIPT.search(text) is not None
    if other_script:
        letters = _letters(text)  # script shares need the exact count
    else:
        # Below, a text of one script only needs to know whether it has 4 and 20 letters:
        # its first few hundred characters usually tell.
        letters = _letters(text[:_ENOUGH_CHARS])
        if letters < 20 and len(text) > _ENOUGH_CHARS:
            letters = _letters(text)
    if letters < 4:
        return None
    if other_script:
        # A script is evidence from a few characters; "ja" before "zh", since
        # Japanese mixes kana with Han characters.
        counts = {code: sum(map(len, pattern.findall(text))) for code, pattern in _SCRIPTS}
        if counts["ja"] > 0.05 * letters:
            return "ja"
        for code, count in counts.items():
            if code != "ja" and count > 0.3 * letters:
                return _cyrillic(text, count) if code == "ru" else code
    if letters < 20:
        return None
    words = Counter(_WORD.findall(text.casefold()))
    scores = _scores(words)
    if not scores:
        return None
    ranked = [*scores.most_common(2), ("", 0)]
    (best, top), (runner_up, second) = ranked[0], ranked[1]
    if top < 3:
        return None
    if top < 1.2 * second:
        if best not in _CLOSE_LANGUAGES or runner_up not in _CLOSE_LANGUAGES:
            return None
        best = _close_call(scores, words) or ""
        if not best:
            return None
        top = scores[best]
    # In its own language, function words are a large share of running text;
    # a low share means a language without a pattern file (Finnish, Hungarian...).
    if top < _MIN_SHARE_FOR.get(best, MIN_STOPWORD_SHARE) * words.total():
        return None
    return best


def _cyrillic(text: str, cyrillic: int) -> str:
    """``uk`` for Cyrillic text with enough Ukrainian-only letters and few Russian ones, else ``ru``."""
    ukrainian = len(_UKRAINIAN.findall(text))
    if ukrainian < _MIN_UKRAINIAN_SHARE * cyrillic or _BELARUSIAN.search(text):
        return "ru"
    return "uk" if ukrainian > 2 * len(_RUSSIAN.findall(text)) else "ru"


def _close_call(scores: Counter[str], words: Counter[str]) -> str | None:
    """The one of the close languages whose own words (in no rival's list) clearly outnumber
    each rival's, when no other language comes near them; else ``None``."""
    top = max(scores.values())
    rivals = [lang for lang, score in scores.items() if score * 1.2 > top]
    if any(lang not in _CLOSE_LANGUAGES for lang in rivals):
        return None
    lists = {lang: _stopwords(lang) or frozenset() for lang in rivals}
    own = {}
    for lang, stop in lists.items():
        others = frozenset().union(*(s for other, s in lists.items() if other != lang))
        own[lang] = sum(words[w] for w in stop - others)
    ranked = sorted(own.items(), key=lambda item: item[1], reverse=True)
    (best, count), runner_up = ranked[0], (ranked[1][1] if len(ranked) > 1 else 0)
    return best if count >= 2 and count >= 2 * runner_up else None


def _letters(text: str) -> int:
    """How many letters ``text`` has (removing the rest builds no match per letter)."""
    return len(_NOT_LETTER.sub("", text))


def stopword_scores(text: str) -> Counter[str]:
    """How many tokens of ``text`` each packaged language's stopwords cover."""
    return _scores(Counter(_WORD.findall(text.casefold())))


def _scores(words: Counter[str]) -> Counter[str]:
    # One look-up per distinct word of the text, not one per word and language: a word found
    # in some list then counts for each language whose list has it.
    languages_of = _stopword_languages()
    totals = dict.fromkeys(PACKAGED_LANGUAGES, 0)
    for word in languages_of.keys() & words.keys():
        count = words[word]
        for lang in languages_of[word]:
            totals[lang] += count
    # In the languages' order, as ties between them are broken.
    return Counter({lang: total for lang, total in totals.items() if total > 0})


@cache
def _stopword_languages() -> dict[str, tuple[str, ...]]:
    """Each stopword of the packaged languages, with the languages whose list has it."""
    languages: dict[str, list[str]] = {}
    for lang in PACKAGED_LANGUAGES:
        for word in _stopwords(lang) or ():
            languages.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in languages.items()}


@cache
def _stopwords(lang: str) -> frozenset[str] | None:
    try:
        return frozenset(w.casefold() for w in load_packaged(lang).stopwords)
    except PatternError:
        logger.warning("pattern file for %r is missing or invalid; not detecting it", lang)
        return None
