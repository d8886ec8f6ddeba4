"""Build now what newsclean otherwise builds on first use, for long runs and forked workers.

Each language's pattern files, their literal screens and rule plans, and the date patterns are
built the first time a page in that language is cleaned: a fraction of a second per language,
which a short script never notices and a batch pays once. A batch's fork server calls
:func:`prepare_languages` before it forks its workers, so they start with everything built and
share it.

The blank spaCy tokenizers of the token rules are built too with ``tokenizers=True``. The batch
leaves them to first use: together they hold about 100 MB (the French, Indonesian and Dutch ones,
with their long exception lists, most of it), which would push every worker past its memory
budget for languages most batches never meet. A worker builds the few it needs, in a tenth of a
second each, except French and Indonesian (about two seconds each).

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


def prepare_languages(languages: Iterable[str | None] | None = None, *, tokenizers: bool = False) -> None:
    """Build the pattern sets (and what matching them needs) of ``languages``, every shipped
    language when not given, and with ``tokenizers`` the token rules' spaCy tokenizers and
    Matchers (about 100 MB more for every language). The set for pages of no detected language
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
