"""Warm-up for the fork server that batch workers are forked from (see :mod:`newsclean.batch.pool`).

The fork server imports this module once; every worker forked from it then
starts with newsclean, spaCy, trafilatura and every language's patterns already
built, instead of spending about two seconds of its own on them. Importing
it cleans two tiny pages: that is its purpose, so nothing else imports it.
"""

from __future__ import annotations

import contextlib
import gc

import newsclean
import newsclean.batch.worker  # what the workers run
from newsclean.prepare import prepare_languages

_PAGES = (
    "Storm hits coast | Daily Example\n\nStorm hits coast\n\nBy Jane Doe\n\n"
    "A strong storm hit the coast on Monday, cutting power to thousands of homes, officials said.",
    "<html><head><title>Storm | Daily Example</title></head><body><h1>Storm</h1>"
    "<p>A strong storm hit the coast on Monday, cutting power to thousands of homes.</p></body></html>",
)

for _page in _PAGES:
    # A warm-up failure only costs the workers their head start.
    with contextlib.suppress(Exception):
        newsclean.clean(_page)
with contextlib.suppress(Exception):
    prepare_languages()  # every language's rules, screens and plans, shared by all workers

# What is loaded now lives as long as every worker: move it out of the collector's reach, so full
# collections in the workers do not walk (and copy) the fork server's pages (see gc.freeze).
gc.freeze()
