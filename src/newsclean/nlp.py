"""The only module that imports spaCy.

Everything here is built lazily and cached per process: a blank pipeline per
language (``spacy.blank``, falling back to the multi-language ``xx``) with a
rule-based sentencizer, and a Matcher per set of token rules. No trained model
is downloaded; objects never leave this module (callers get plain strings and
booleans), so stages stay picklable.

>>> sentences("First one. Second one!", "en")
['First one.', 'Second one!']
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher

    from newsclean.patterns import Rule

logger = logging.getLogger(__name__)


@lru_cache(maxsize=32)
def blank(lang: str | None) -> Language:
    """A blank spaCy pipeline for ``lang`` with a sentencizer (``xx`` if unknown)."""
    import spacy

    try:
        nlp = spacy.blank(lang or "xx")
    except (ImportError, KeyError, ValueError, OSError):
        logger.debug("no spaCy language class for %r; using xx", lang)
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=2048)
def tokenizer_only(lang: str | None, text: str) -> Any:
    """Tokenise ``text`` without running the pipeline's components."""
    return blank(lang).make_doc(text)


@lru_cache(maxsize=512)
def _matcher(lang: str | None, rule_id: str, tokens_json: str) -> Matcher:
    from spacy.matcher import Matcher

    matcher = Matcher(blank(lang).vocab)
    matcher.add(rule_id, [json.loads(tokens_json)])
    return matcher


def prepare_token_rule(rule: Rule) -> None:
    """Build the tokenizer and Matcher of a token rule now, not on the first line that gets
    past its first-word screen (which may be deep into a batch, in every recycled worker)."""
    lang = _rule_lang(rule)
    _matcher(lang, rule.qualified_id, rule.tokens_json)
    tokenizer_only(lang, "")


def _rule_lang(rule: Rule) -> str | None:
    return rule.lang if rule.lang != "xx" else None


def token_rule_matches(rule: Rule, text: str) -> bool:
    """Whether the token rule matches at the start of ``text``."""
    return token_rule_match_end(rule, text) is not None


def _first_words(tokens: list[dict[str, Any]]) -> tuple[str, ...] | None:
    """Lower-case words a match can start with, or ``None`` when any word can
    (a tuple, which ``str.startswith`` takes whole)."""
    words: set[str] = set()
    for token in tokens:
        lower = token.get("LOWER")
        if isinstance(lower, str):
            words.add(lower)
        elif isinstance(lower, dict) and isinstance(lower.get("IN"), list):
            words.update(str(w) for w in lower["IN"])
        else:
            return None
        if token.get("OP") not in ("?", "*"):
            return tuple(sorted(words))
    return None


@lru_cache(maxsize=512)
def _rule_first_words(tokens_json: str) -> tuple[str, ...] | None:
    return _first_words(json.loads(tokens_json))


def token_rule_match_end(rule: Rule, text: str) -> int | None:
    """Character offset where the rule's match starting at token 0 ends, if any."""
    tokens_json = rule.tokens_json
    first = _rule_first_words(tokens_json)
    if first is not None:
        # Cheap test before tokenising: most lines cannot start the match at all.
        head = text.lstrip()[:40].split(maxsplit=1)
        if not head or not head[0].casefold().startswith(first):
            return None
    lang = _rule_lang(rule)
    doc = tokenizer_only(lang, text[:500])
    matcher = _matcher(lang, rule.qualified_id, tokens_json)
    ends = [end for _, start, end in matcher(doc) if start == 0]
    if not ends:
        return None
    span = doc[: max(ends)]
    return int(span.end_char)


def sentences(text: str, lang: str | None) -> list[str]:
    """Split ``text`` into sentences with the rule-based sentencizer."""
    return [s.text for s in blank(lang)(text).sents]


#: Package names of trained pipelines tried, best first, when one is installed.
TRAINED_PIPELINES = (
    "{lang}_core_web_trf",
    "{lang}_core_web_lg",
    "{lang}_core_web_md",
    "{lang}_core_web_sm",
    "{lang}_core_news_lg",
    "{lang}_core_news_md",
    "{lang}_core_news_sm",
    "xx_ent_wiki_sm",
)
_PERSON_LABELS = frozenset({"PERSON", "PER"})
_NOT_PERSON_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})


@lru_cache(maxsize=8)
def trained_pipeline(lang: str | None) -> Language | None:
    """A trained pipeline the user already has installed for ``lang``, if any.

    Nothing is ever downloaded: only installed packages are looked up.
    """
    import spacy
    import spacy.util

    for pattern in TRAINED_PIPELINES:
        name = pattern.format(lang=lang or "xx")
        if spacy.util.is_package(name):
            try:
                return spacy.load(name, exclude=["parser", "lemmatizer", "textcat"])
            except (OSError, ValueError, ImportError) as exc:
                logger.warning("installed pipeline %s could not be loaded: %s", name, exc)
    return None


def confirms_person(name: str, lang: str | None) -> bool | None:
    """Ask an installed trained pipeline whether ``name`` is a person.

    ``True`` or ``False`` when its named entities say so, ``None`` when no
    trained pipeline is installed or it has no opinion.
    """
    nlp = trained_pipeline(lang)
    if nlp is None:
        return None
    doc = nlp(name)
    for ent in doc.ents:
        if len(ent.text) >= 0.6 * len(name):
            if ent.label_ in _PERSON_LABELS:
                return True
            if ent.label_ in _NOT_PERSON_LABELS:
                return False
    return None
