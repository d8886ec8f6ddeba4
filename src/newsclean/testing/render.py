"""Write a laid-out page as a text dump and as HTML.

The dump follows the shape of scraped dumps: the page title on the first line, then one block per
line, blocks separated by a blank line, a ``<br>`` inside a block as a single line break. The HTML is
a plain news page (header and menus, ``<main><article>``, asides, footer) whose visible text, laid out
by a browser, is that same dump.
"""

from __future__ import annotations

import random
from html import escape

import regex

from newsclean.testing.layout import Layout, PageBlock

_SPEC = regex.compile(r"^(?P<tag>[a-z][a-z0-9]*)(?:#(?P<id>[\w-]+))?(?P<classes>(?:\.[\w-]+)*)$")
_REGION = {"top": 0, "nav": 0, "header": 1, "body": 1, "after_body": 1, "end": 2, "footer": 3, "bottom": 3}


def render_dump(layout: Layout) -> str:
    """The page as a text dump (no trailing newline)."""
    return "\n\n".join([layout.page_title, *(block.text for block in layout.blocks)])


def _open(spec: str) -> tuple[str, str]:
    m = _SPEC.match(spec)
    if m is None:  # validated when the family file was read
        raise ValueError(f"bad container {spec!r}")
    attrs = ""
    if m["id"]:
        attrs += f' id="{m["id"]}"'
    if m["classes"]:
        attrs += f' class="{" ".join(m["classes"][1:].split("."))}"'
    return f"<{m['tag']}{attrs}>", f"</{m['tag']}>"


def _text(text: str) -> str:
    return "<br>".join(escape(line, quote=False) for line in text.split("\n"))


def _slug(text: str) -> str:
    return "-".join(regex.findall(r"\w+", text.casefold()))[:60] or "page"


class _HtmlWriter:
    def __init__(self, layout: Layout, rng: random.Random) -> None:
        self.layout = layout
        self.rng = rng
        self.out: list[str] = []

    def furniture(self, group: list[PageBlock]) -> None:
        start, end = _open(group[0].container or "div")
        self.out.append(start)
        items: list[str] = []
        for block in group:
            if block.kind == "item":
                items.append(f'<li><a href="/{_slug(block.text)}">{_text(block.text)}</a></li>')
                continue
            if items:
                self.out.append(f"<ul>{''.join(items)}</ul>")
                items = []
            self.out.append(self.element(block))
        if items:
            self.out.append(f"<ul>{''.join(items)}</ul>")
        self.out.append(end)

    def element(self, block: PageBlock) -> str:
        text = _text(block.text)
        if block.kind == "heading":
            tag = self.rng.choice(("h2", "h3", "h4"))
            return f"<{tag}>{text}</{tag}>"
        if block.kind == "button":
            if self.rng.random() < 0.5:
                return f'<button type="button">{text}</button>'
            return f'<p><a class="button" href="#">{text}</a></p>'
        if block.kind == "row":
            joiner = " " if " ".join(block.items) == block.text else ""
            links = joiner.join(f'<a href="/{_slug(i)}">{escape(i, quote=False)}</a>' for i in block.items)
            return f'<div class="links">{links}</div>'
        tag = self.rng.choice(("p", "p", "div"))
        return f"<{tag}>{text}</{tag}>"

    def own(self, block: PageBlock, index: int) -> str:
        text = _text(block.text)
        if block.role == "headline":
            return f'<h1 class="headline">{text}</h1>'
        if block.role == "byline":
            cls = self.rng.choice(("byline", "author", "article-author"))
            return f'<p class="{cls}">{text}</p>'
        if block.role == "date":
            when = self.layout.published
            stamp = ""
            if when is not None:
                stamp = when.isoformat() if self.layout.published_has_time else when.date().isoformat()
            return f'<p class="date"><time datetime="{stamp}">{text}</time></p>'
        if block.role == "caption":
            image = f'<img src="/media/{index}.jpg" alt="">'
            return f'<figure class="photo">{image}<figcaption>{text}</figcaption></figure>'
        if block.role == "tags":
            return f'<p class="article-tags">{text}</p>'
        return f"<p>{text}</p>"

    def head(self) -> None:
        lay = self.layout
        self.out += [
            "<!DOCTYPE html>",
            f'<html lang="{lay.language}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{escape(lay.page_title, quote=False)}</title>",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<link rel="stylesheet" href="/static/site.css">',
        ]
        if lay.site_name and self.rng.random() < 0.5:
            self.out.append(f'<meta property="og:site_name" content="{escape(lay.site_name)}">')
        if lay.published is not None and lay.published_has_time and self.rng.random() < 0.6:
            self.out.append(f'<meta property="article:published_time" content="{lay.published.isoformat()}">')
        self.out += ["<script>window.dataLayer = window.dataLayer || [];</script>", "</head>", "<body>"]

    def write(self) -> str:
        self.head()
        region = 0
        blocks = self.layout.blocks
        i = 0
        while i < len(blocks):
            block = blocks[i]
            now = _REGION[block.slot] if block.slot else 1
            while region < now:
                # Walk the page's regions in order: chrome, <main><article>, after the article, footer.
                region += 1
                self.out.append({1: "<main>\n<article>", 2: "</article>", 3: "</main>"}[region])
            if block.group is None:
                self.out.append(self.own(block, i))
                i += 1
                continue
            j = i
            while j < len(blocks) and blocks[j].group == block.group:
                j += 1
            self.furniture(blocks[i:j])
            i = j
        while region < 3:
            region += 1
            self.out.append({1: "<main>\n<article>", 2: "</article>", 3: "</main>"}[region])
        self.out += ['<script src="/static/ads.js" async></script>', "</body>", "</html>"]
        return "\n".join(self.out)


def render_html(layout: Layout, rng: random.Random) -> str:
    """The page as an HTML document."""
    return _HtmlWriter(layout, rng).write()
