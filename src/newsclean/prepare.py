"""Build now what newsclean otherwise builds on first use, for long runs and forked workers.

Each language's pattern files, their literal screens and rule plans, and the date patterns are
built the first time a page in that language is cleaned: a fraction of a second per language,
which a short script never notices and a batch of millions pays once. A batch's fork server calls
:func:`prepare_languages` before it forks its workers, so they start with everything built and
share it. Token rules' blank spaCy tokenizers stay lazy: about 4 MB each, so building all 22 up
front would cost every worker some 80 MB for languages most batches never meet.

>>> prepare_languages(["en"])
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from newsclean.dates import find_date
from newsclean.patterns import PACKAGED_LANGUAGES, pattern_set

_SAMPLE = "Published 3 March 2024 by Jane Roe"  # touches the date patterns
_NEAR = datetime(2024, 3, 4)


def prepare_languages(languages: Iterable[str | None] | None = None) -> None:
    """Build the pattern sets (and what matching them needs) of ``languages``, every shipped
    language when not given. The set for pages of no detected language (``None``), which holds
    every file's rules, is left to first use: about 20 MB for the few pages that need it."""
    for lang in PACKAGED_LANGUAGES if languages is None else languages:
        patterns = pattern_set(lang)
        patterns.prepare()
        find_date(_SAMPLE, lang=lang, near=_NEAR)  # with ``near``, the yearless patterns too
