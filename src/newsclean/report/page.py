"""The explain report: one page's blocks, each labelled, with the fields found beside them.

The HTML twin of ``newsclean explain``: every input block in source order,
coloured and badged by its label (``body``, an extracted field such as
``title`` or ``byline``, or the boilerplate reason), with the stage and rule
that decided it written under it and in its tooltip; a side panel with the
extracted fields; buttons that filter the blocks (all, removed only, one
label). One self-contained file: inline CSS and script, no fetches.

>>> from newsclean.pipeline import Pipeline
>>> doc = Pipeline.default().run("Page | Site\\n\\nPage\\n\\nADVERTISEMENT\\n\\n"
...     "The first paragraph <b>of</b> the story is long enough to be prose.")
>>> page = explain_html(doc, name="page.txt")
>>> page.count('<li class="block'), 'data-labels="advertisement"' in page, "&lt;b&gt;of&lt;/b&gt;" in page
(4, True, True)
"""

from __future__ import annotations

from collections import Counter

from newsclean.article import Article
from newsclean.document import Document
from newsclean.explain import ExplainRow, explain_rows
from newsclean.report.assets import BASE_CSS, EXPLAIN_CSS, EXPLAIN_JS
from newsclean.report.labels import label_order, style_of
from newsclean.report.markup import esc, shell


def explain_html(doc: Document, *, name: str | None = None) -> str:
    """The explain report of a cleaned document, as a complete HTML page.

    Args:
        doc: the document after the pipeline ran (``Pipeline.run``).
        name: how the header names the page (a file name); defaults to the URL.
    """
    from newsclean.pipeline import to_article

    rows = explain_rows(doc)
    article = to_article(doc)
    title = name or doc.url or "page"
    counts = Counter(label for row in rows for label in _labels(row))
    removed = sum(1 for row in rows if row.label != "body")
    kept = len(rows) - removed
    meta = (
        f"{len(rows)} blocks: {kept} in the body, {removed} removed · format {esc(doc.format)} · "
        f"language {esc(doc.language or '?')}"
        + (f" · {esc(doc.url)}" if doc.url and doc.url != title else "")
    )
    body = (
        '<header class="top">'
        f'<h1><span class="what">newsclean explain:</span> {esc(title)}</h1>'
        f'<p class="meta">{meta}</p></header>\n'
        '<div class="layout">\n<main>\n'
        f"{_filters(counts, len(rows), removed)}\n"
        f'<p id="status" aria-live="polite">Showing {len(rows)} of {len(rows)} blocks</p>\n'
        f'<ol class="blocks">\n{"".join(_block(row) for row in rows)}</ol>\n'
        "</main>\n"
        f"{_fields(article)}\n"
        "</div>"
    )
    return shell(f"newsclean explain: {title}", body, css=BASE_CSS + EXPLAIN_CSS, script=EXPLAIN_JS)


def _labels(row: ExplainRow) -> list[str]:
    return [row.label, row.prefix_label] if row.prefix_label else [row.label]


def _filters(counts: Counter[str], total: int, removed: int) -> str:
    buttons = [
        '<button type="button" data-filter="all" aria-pressed="true">All blocks '
        f'<span class="n">{total}</span></button>',
        f'<button type="button" data-filter="removed" aria-pressed="false">Removed only '
        f'<span class="n">{removed}</span></button>',
    ]
    for label in sorted(counts, key=label_order):
        buttons.append(
            f'<button type="button" data-filter="label:{esc(label)}" aria-pressed="false" '
            f'style="{_css(label)}"><span class="sw" aria-hidden="true"></span>{esc(label)} '
            f'<span class="n">{counts[label]}</span></button>'
        )
    return (
        '<div class="filters no-print" role="group" aria-label="Show blocks">'
        f'<span class="hint">Show:</span>{"".join(buttons)}</div>'
    )


def _block(row: ExplainRow) -> str:
    removed = row.label != "body"
    if removed:
        tip = f"{row.label}: removed by stage {row.stage}, rule {row.rule} (block {row.index}, <{row.tag}>)"
        why = (
            f'<div class="why">stage <code>{esc(row.stage)}</code> · rule <code>{esc(row.rule)}</code></div>'
        )
    else:
        tip = f"body: kept (block {row.index}, <{row.tag}>)"
        why = ""
    text = esc(row.text[len(row.prefix) :] if row.prefix else row.text)
    if row.prefix:
        prefix_tip = f"{row.prefix_label}: cut from the start of the paragraph"
        text = (
            f'<span class="prefix" style="{_css(row.prefix_label)}" title="{esc(prefix_tip)}">'
            f'<span class="prefix-label">[{esc(row.prefix_label)}]</span>{esc(row.prefix)}</span>{text}'
        )
        tip += f"; starts with a {row.prefix_label}"
    classes = "block removed" if removed else "block"
    tag = f'<span class="tag mono">&lt;{esc(row.tag)}&gt;</span>' if row.tag != "line" else ""
    return (
        f'<li class="{classes}" id="block-{row.index}" data-labels="{esc(" ".join(_labels(row)))}" '
        f'data-removed="{int(removed)}" style="{_css(row.label)}" title="{esc(tip)}">'
        f'<span class="idx mono">{row.index}</span>'
        f'<span><span class="badge">{esc(row.label)}</span>{tag}</span>'
        f'<span class="text">{text}</span>{why}</li>\n'
    )


def _field(name: str, value: str | None) -> str:
    if not value:
        return f'<dt>{esc(name)}</dt><dd class="none">none</dd>'
    return f"<dt>{esc(name)}</dt><dd>{value}</dd>"


def _items(values: list[str]) -> str | None:
    return "<ul>" + "".join(f"<li>{v}</li>" for v in values) + "</ul>" if values else None


def _fields(article: Article) -> str:
    authors = [esc(a.name) + (f" <small>({esc(a.role)})</small>" if a.role else "") for a in article.authors]
    dateline = None
    if article.dateline is not None:
        d = article.dateline
        parts = [f"<q>{esc(d.raw)}</q>"]
        parts += [
            f"{k}: {esc(v)}" for k, v in (("place", d.location), ("agency", d.agency), ("date", d.date)) if v
        ]
        dateline = "<br>".join(parts)
    captions = [
        esc(c.text) + (f" <small>({esc(c.credit)})</small>" if c.credit else "") for c in article.captions
    ]
    contributors = [f"{esc(c.name)} <small>({esc(c.role)})</small>" for c in article.contributors]
    fields = "".join(
        [
            _field("Title", esc(article.title) if article.title else None),
            _field("Site", esc(article.site_name) if article.site_name else None),
            _field("Language", esc(article.language) if article.language else None),
            _field("Authors", _items(authors)),
            _field("Agency", esc(article.agency) if article.agency else None),
            _field("Dateline", dateline),
            _field("Standfirst", esc(article.standfirst) if article.standfirst else None),
            _field("Published", esc(article.published.isoformat()) if article.published else None),
            _field("Modified", esc(article.modified.isoformat()) if article.modified else None),
            _field("Tags", esc(", ".join(article.tags)) if article.tags else None),
            _field("Captions", _items(captions)),
            _field("Contributors", _items(contributors)),
            _field(
                "Body",
                f"{len(article.paragraphs)} paragraphs, {sum(len(p) for p in article.paragraphs)} chars",
            ),
        ]
    )
    legend = (
        '<p class="legend">Border: solid = kept in the body, double = an extracted field, '
        "dashed = boilerplate. Every block's label is written on it; hover a block for its stage "
        "and rule.</p>"
    )
    return (
        '<aside class="fields" aria-label="Extracted fields"><h2>Extracted fields</h2>'
        f"<dl>{fields}</dl>{legend}</aside>"
    )


def _css(label: str) -> str:
    return style_of(label).css_vars
