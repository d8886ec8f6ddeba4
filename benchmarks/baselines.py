"""Text-mode baselines and small helpers shared by the benchmark systems.

* :func:`c4_filter` is a line filter after the heuristics used to build the
  C4 corpus, described in section 2.2 of C. Raffel et al., "Exploring the
  Limits of Transfer Learning with a Unified Text-to-Text Transformer",
  JMLR 21(140), 2020 (arXiv:1910.10683).
* :func:`lines_as_html` wraps each line of a text dump in ``<p>`` so that
  HTML extractors (jusText, trafilatura) can be run over a dump.
* :func:`html_to_text` renders an HTML fragment as text, one line per block
  element (used for readability-lxml's ``summary()``).
"""

from __future__ import annotations

import html
import re

# --------------------------------------------------------------------------- #
# C4 line filter
# --------------------------------------------------------------------------- #

#: "Terminal punctuation mark (i.e. a period, exclamation mark, question mark,
#: or end quotation mark)" -- the ASCII marks of the paper plus their Unicode
#: counterparts (curly and angle closing quotes, CJK full stops), since the
#: corpus is multilingual and typographic.
C4_TERMINAL = (".", "!", "?", '"', "”", "’", "»", "」", "』", "。", "！", "？", "．")

#: "We only retained lines that contained at least 5 words."
C4_MIN_WORDS = 5

#: Lines mentioning site policies are dropped ("terms of use", "privacy
#: policy", "cookie policy", "uses cookies", "use of cookies", "use cookies").
C4_POLICY = (
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)

# Wikipedia-style citation markers ("[1]", "[edit]", "[citation needed]") are removed.
_CITATION = re.compile(r"\[\d*\]|\[edit\]|\[citation needed\]", re.IGNORECASE)


def c4_keep_line(line: str, *, min_words: int = C4_MIN_WORDS) -> bool:
    """Whether the C4 heuristics keep one (citation-stripped, trimmed) line.

    >>> c4_keep_line("The council voted on Monday to close the bridge.")
    True
    >>> c4_keep_line("Read more")
    False
    >>> c4_keep_line("Please enable JavaScript to view the comments powered by Disqus.")
    False
    """
    if not line.endswith(C4_TERMINAL):
        return False
    if len(line.split()) < min_words:
        return False
    lowered = line.lower()
    if "javascript" in lowered or "lorem ipsum" in lowered:
        return False
    if "{" in line or "}" in line:
        return False
    return not any(phrase in lowered for phrase in C4_POLICY)


def c4_filter(text: str, *, min_words: int = C4_MIN_WORDS) -> str:
    """Keep the lines of ``text`` that pass the C4 heuristics, joined by newlines.

    The heuristics are applied per line only. The paper's page-level rules
    (drop pages with fewer than 3 sentences, with "lorem ipsum", with a curly
    bracket or a bad word, and non-English pages) would blank whole articles,
    so the page-level ones are applied to the line instead ("lorem ipsum",
    curly brackets) or left out (sentence count, bad words, language). The
    data-set-wide de-duplication of three-sentence spans has no per-page
    equivalent and is left out as well.

    >>> c4_filter("Menu\\nHome\\nThe mayor said the bridge will reopen in May.\\n"
    ...           "This site uses cookies to improve your experience.")
    'The mayor said the bridge will reopen in May.'
    """
    kept = []
    for raw in text.split("\n"):
        line = _CITATION.sub("", raw).strip()
        if line and c4_keep_line(line, min_words=min_words):
            kept.append(line)
    return "\n".join(kept)


# --------------------------------------------------------------------------- #
# Dumps as HTML
# --------------------------------------------------------------------------- #


def lines_as_html(text: str) -> str:
    """Wrap every non-empty line of a text dump in its own ``<p>`` element.

    >>> lines_as_html("Title\\n\\nA <b> line")
    '<html><body><p>Title</p>\\n<p>A &lt;b&gt; line</p></body></html>'
    """
    paragraphs = [
        f"<p>{html.escape(line.strip(), quote=False)}</p>" for line in text.split("\n") if line.strip()
    ]
    return "<html><body>" + "\n".join(paragraphs) + "</body></html>"


# --------------------------------------------------------------------------- #
# HTML fragment to text
# --------------------------------------------------------------------------- #

_BLOCK_TAGS = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div"),
        *("dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "html", "li"),
        *("main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th"),
        *("thead", "tr", "ul", "h1", "h2", "h3", "h4", "h5", "h6"),
    }
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})
_WS = re.compile(r"\s+")


def html_to_text(fragment: str) -> str:
    """Render an HTML fragment as text: one line per block element, inline text joined.

    >>> html_to_text("<div><h2>Head</h2><p>One <b>bold</b> word.</p><p>Two<br>lines</p></div>")
    'Head\\nOne bold word.\\nTwo\\nlines'
    >>> html_to_text("")
    ''
    """
    if not fragment.strip():
        return ""
    import lxml.html  # only needed by the readability system

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:  # an unparsable fragment carries no text
        return ""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _WS.sub(" ", "".join(current)).strip()
        if text:
            lines.append(text)
        current.clear()

    def walk(el: object) -> None:
        tag = getattr(el, "tag", None)
        if not isinstance(tag, str):  # comments and processing instructions
            tail = getattr(el, "tail", None)
            if tail:
                current.append(tail)
            return
        tag = tag.lower()
        if tag in _SKIP_TAGS:
            pass
        elif tag == "br":
            flush()
        else:
            block = tag in _BLOCK_TAGS
            if block:
                flush()
            if getattr(el, "text", None):
                current.append(el.text)  # type: ignore[attr-defined]
            for child in el:  # type: ignore[attr-defined]
                walk(child)
            if block:
                flush()
        tail = getattr(el, "tail", None)
        if tail:
            current.append(tail)

    walk(root)
    flush()
    return "\n".join(lines)
