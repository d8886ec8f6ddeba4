"""Build now what newsclean otherwise builds on first use, for long runs and forked workers.

Each language's pattern files, their literal screens and rule plans, the blank spaCy tokenizers
and Matchers of its token rules, and the date patterns are built the first time a page in that
language is cleaned: a fraction of a second for most languages (the French and Indonesian
tokenizers, with their long exception lists, take about two seconds and 40 MB each), which a short
script hardly notices and a batch pays once. A batch's fork server calls :func:`prepare_languages`
before it forks its workers, so they start with everything built and share it, and a recycled
worker does not pay for a language again.

>>> prepare_languages(["en"])
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from newsclean.dates import find_date
from newsclean.nlp import prepare_token_rule
from newsclean.patterns import PACKAGED_LANGUAGES, pattern_set

_SAMPLE = "Published 3 March 2024 by Jane Roe"  # touches the date patterns
_NEAR = datetime(2024, 3, 4)


def prepare_languages(languages: Iterable[str | None] | None = None, *, tokenizers: bool = True) -> None:
    """Build the pattern sets (and what matching them needs) of ``languages``, every shipped
    language when not given; ``tokenizers=False`` leaves the token rules' spaCy tokenizers to
    first use (about 90 MB less for all languages). The set for pages of no detected language
    (``None``), which holds every file's rules, is left to first use: about 20 MB for the few
    pages that need it."""
    for lang in PACKAGED_LANGUAGES if languages is None else languages:
        patterns = pattern_set(lang)
        patterns.prepare()
        if tokenizers:
            for rule in patterns.rules:
                if rule.tokens is not None:
                    prepare_token_rule(rule)
        find_date(_SAMPLE, lang=lang, near=_NEAR)  # with ``near``, the yearless patterns too
