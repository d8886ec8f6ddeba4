"""The HTML around a report: escaping, anchors, and the self-contained page shell.

Every text that comes from a page or a record goes through :func:`esc`:
scraped pages hold arbitrary markup, and a report must show it, not run it.
The shell's Content-Security-Policy forbids every fetch, so a report cannot
reach the network even if something slipped through.

>>> esc('<script>alert("x")</script>')
'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
>>> anchor("rule", "en/newsletter-signup")
'rule-en-newsletter-signup-1360'
"""

from __future__ import annotations

import hashlib
import html
import re

#: No fetch of any kind: styles and scripts are inline, images are ``data:`` URLs.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def esc(text: object) -> str:
    """``text`` as HTML text or attribute value: ``& < > " '`` escaped."""
    return html.escape(str(text), quote=True)


def anchor(kind: str, key: str) -> str:
    """A stable, unique element id for ``key``: readable slug plus a short hash.

    The hash keeps ids apart whose slugs collide (``a/b`` and ``a-b``).

    >>> anchor("host", "example.com") != anchor("host", "example-com")
    True
    """
    slug = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")[:60]
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=2).hexdigest()
    return f"{kind}-{slug}-{digest}" if slug else f"{kind}-{digest}"


def shell(title: str, body: str, *, css: str, script: str = "") -> str:
    """A complete HTML document: ``body`` (already HTML) with inline ``css`` and ``script``.

    >>> page = shell("A <b>", "<p>hi</p>", css="p{}")
    >>> "<title>A &lt;b&gt;</title>" in page, "Content-Security-Policy" in page
    (True, True)
    """
    js = f"<script>\n{script}\n</script>\n" if script else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="newsclean">\n'
        f"<title>{esc(title)}</title>\n<style>\n{css}\n</style>\n</head>\n"
        f"<body>\n{body}\n{js}</body>\n</html>\n"
    )
