"""The batch report: what a run read, wrote, removed and failed on, with an example behind each count.

Sections: overview (records in, out, errors, share of text removed, speed),
removals per reason and per rule (inline SVG bar charts and a table of the
rules that fire most), the slowest records, the error types with examples,
the lines learnt as site boilerplate per host, and the examples every chart
bar and table row links to (record id, URL, the removed text).

>>> from newsclean.batch.summary import Summary
>>> page = run_html(Summary(records_in=0, out=0, errors=0, skipped=0, empty=0, errors_by_type={},
...     errors_by_stage={}, removals_by_reason={}, skipped_by_reason={}, error_rate=0.0,
...     max_error_rate=0.05, ok=True, sources=0, chunks=0, chunks_resumed=0, chunks_retried=0,
...     site_boilerplate={"enabled": False}, timings={}, outputs=[], errors_file="errors.jsonl",
...     newsclean_version="0", options_hash="abc"))
>>> '<section id="reasons">' in page, page.count("None in this run.") >= 2
(True, True)
"""

from __future__ import annotations

from typing import Any

from newsclean.batch.summary import Example, Summary
from newsclean.report.assets import BASE_CSS, RUN_CSS
from newsclean.report.labels import style_of
from newsclean.report.markup import anchor, esc, shell
from newsclean.report.svg import Bar, bar_chart

#: Rules drawn in the chart, and listed in the table.
CHART_RULES = 20
TABLE_RULES = 50
#: Hosts listed in the site boilerplate section, and lines shown per host.
HOSTS = 100
LINES_PER_HOST = 15

_SITE_REASON = "site_boilerplate"


def run_html(summary: Summary, *, title: str = "newsclean batch report") -> str:
    """The report of a batch run, as a complete HTML page."""
    sections = [
        ("overview", "Overview", _overview(summary)),
        ("reasons", "Removals per reason", _reasons(summary)),
        ("rules", "Rules that fire most", _rules(summary)),
        ("slowest", "Slowest records", _slowest(summary)),
        ("errors", "Errors", _errors(summary)),
        ("site", "Site boilerplate", _site(summary)),
        ("examples", "Examples", _examples(summary)),
    ]
    toc = "".join(f'<a href="#{key}">{esc(name)}</a>' for key, name, _ in sections)
    status = (
        '<span class="status-ok">OK</span>'
        if summary.ok
        else f'<span class="status-bad">FAILED: error rate over {summary.max_error_rate:.1%}</span>'
    )
    wall = summary.timings.get("wall_s")
    meta = (
        f"{status} · newsclean {esc(summary.newsclean_version)} · options hash "
        f"<code>{esc(summary.options_hash)}</code> · {_count(summary.sources, 'source')}, "
        f"{_count(summary.chunks, 'chunk')}"
        + (f" ({summary.chunks_resumed} resumed)" if summary.chunks_resumed else "")
        + (f" · {wall:.1f} s" if wall is not None else "")
    )
    body = (
        f'<header class="top"><h1>{esc(title)}</h1><p class="meta">{meta}</p></header>\n'
        f'<nav class="toc no-print" aria-label="Sections">{toc}</nav>\n<main>\n'
        + "\n".join(
            f'<section id="{key}">\n<h2>{esc(name)}</h2>\n{html}\n</section>' for key, name, html in sections
        )
        + "\n</main>"
    )
    return shell(title, body, css=BASE_CSS + RUN_CSS)


def _card(key: str, value: str, *, bad: bool = False, note: str = "") -> str:
    note_html = f'<div class="n">{esc(note)}</div>' if note else ""
    return (
        f'<div class="card{" bad" if bad else ""}"><div class="k">{esc(key)}</div>'
        f'<div class="v">{esc(value)}</div>{note_html}</div>'
    )


def _overview(s: Summary) -> str:
    removals = sum(s.removals_by_reason.values())
    cards = [
        _card("Records in", f"{s.records_in:,}"),
        _card("Articles out", f"{s.out:,}", note=f"{s.empty:,} empty"),
        _card("Errors", f"{s.errors:,}", bad=not s.ok, note=f"{s.error_rate:.2%} of records"),
        _card("Skipped", f"{s.skipped:,}", note="not pages (WARC)"),
        _card(
            "Text removed",
            f"{s.removed_share:.1%}",
            note=f"{s.chars_removed:,} of {s.chars_kept + s.chars_removed:,} chars",
        ),
        _card("Blocks removed", f"{removals:,}", note=f"{len(s.removals_by_rule):,} rules fired"),
    ]
    if "docs_per_s" in s.timings:
        cards.append(_card("Speed", f"{s.timings['docs_per_s']:.1f}/s", note="records cleaned per second"))
    outputs = ", ".join(f"<code>{esc(o)}</code>" for o in s.outputs) or "none"
    return (
        f'<div class="cards">{"".join(cards)}</div>'
        f'<p class="note">records in = articles out + errors ({s.records_in:,} = {s.out:,} + {s.errors:,}). '
        f"Outputs: {outputs}; errors in <code>{esc(s.errors_file)}</code>.</p>"
    )


def _reasons(s: Summary) -> str:
    total = sum(s.removals_by_reason.values()) or 1
    bars = [
        Bar(
            reason,
            n,
            href=f"#{anchor('reason', reason)}" if reason in s.samples.by_reason else None,
            colour=style_of(reason).colour,
            note=f"{n / total:.0%}",
        )
        for reason, n in _ranked(s.removals_by_reason)
    ]
    note = '<p class="note">Blocks removed from the articles, by reason; click a bar for an example.</p>'
    return note + bar_chart(bars, title="Removals per reason")


def _rule_reason(s: Summary, rule: str) -> str:
    example = s.samples.by_rule.get(rule)
    return str(example["reason"]) if example else ""


def _rules(s: Summary) -> str:
    ranked = _ranked(s.removals_by_rule)
    total = sum(s.removals_by_rule.values()) or 1
    bars = [
        Bar(
            rule,
            n,
            href=f"#{anchor('rule', rule)}" if rule in s.samples.by_rule else None,
            colour=style_of(_rule_reason(s, rule)).colour,
            note=_rule_reason(s, rule),
        )
        for rule, n in ranked[:CHART_RULES]
    ]
    shown = f"the top {CHART_RULES} of {len(ranked)}" if len(ranked) > CHART_RULES else f"all {len(ranked)}"
    rows = []
    for rank, (rule, n) in enumerate(ranked[:TABLE_RULES], start=1):
        reason = _rule_reason(s, rule)
        badge = f'<span class="badge" style="{_css(reason)}">{esc(reason)}</span>' if reason else ""
        link = f'<a href="#{anchor("rule", rule)}">example</a>' if rule in s.samples.by_rule else ""
        rows.append(
            f'<tr><td class="num">{rank}</td><td><code>{esc(rule)}</code></td><td>{badge}</td>'
            f'<td class="num">{n:,}</td><td class="num">{n / total:.1%}</td><td>{link}</td></tr>'
        )
    more = (
        f'<p class="note">{len(ranked) - TABLE_RULES} more rules fired; see summary.json.</p>'
        if len(ranked) > TABLE_RULES
        else ""
    )
    table = (
        '<table><thead><tr><th class="num">#</th><th>rule</th><th>reason</th><th class="num">blocks</th>'
        f'<th class="num">share</th><th>example</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        if rows
        else ""
    )
    return (
        f'<p class="note">Removals per rule ({shown} rules that fired); '
        "click a bar or a row for an example.</p>"
        + bar_chart(bars, title="Removals per rule", max_label=44)
        + table
        + more
    )


def _where(example: Example) -> str:
    parts = [f"<code>{esc(example.get('source', ''))}</code> #{esc(example.get('index', ''))}"]
    if example.get("record_id"):
        parts.append(f"id <code>{esc(example['record_id'])}</code>")
    if example.get("url"):
        parts.append(f'<span class="mono">{esc(example["url"])}</span>')
    return " · ".join(parts)


def _slowest(s: Summary) -> str:
    if not s.slowest:
        return '<p class="empty">None in this run.</p>'
    rows = "".join(
        f'<tr><td class="num">{rank}</td><td class="num">{float(e["seconds"]):.3f} s</td>'
        f'<td>{esc(e.get("kind", ""))}</td><td class="text">{_where(e)}</td></tr>'
        for rank, e in enumerate(s.slowest, start=1)
    )
    return (
        '<p class="note">What each record took to read and clean, in the worker that cleaned it.</p>'
        '<table><thead><tr><th class="num">#</th><th class="num">time</th><th>outcome</th>'
        f"<th>record</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _errors(s: Summary) -> str:
    if not s.errors_by_type:
        return '<p class="empty">None in this run.</p>'
    rows = []
    for error, n in _ranked(s.errors_by_type):
        link = f'<a href="#{anchor("error", error)}">examples</a>' if error in s.samples.by_error else ""
        share = n / s.records_in if s.records_in else 0.0
        rows.append(
            f'<tr><td><code>{esc(error)}</code></td><td class="num">{n:,}</td>'
            f'<td class="num">{share:.2%}</td><td>{link}</td></tr>'
        )
    stages = ", ".join(f"<code>{esc(k)}</code> {v:,}" for k, v in _ranked(s.errors_by_stage))
    examples = []
    for error, _ in _ranked(s.errors_by_type):
        entries = s.samples.by_error.get(error)
        if not entries:
            continue
        items = "".join(
            f'<div class="example"><div class="where">{_where(e)} · stage '
            f"<code>{esc(e.get('stage', ''))}</code></div>"
            f"<blockquote>{esc(e.get('message', ''))}</blockquote></div>"
            for e in entries
        )
        examples.append(f'<div id="{anchor("error", error)}"><h3><code>{esc(error)}</code></h3>{items}</div>')
    return (
        '<table><thead><tr><th>error type</th><th class="num">records</th><th class="num">share</th>'
        f"<th>examples</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'<p class="note">By stage: {stages}. Every failed record is a line in '
        f"<code>{esc(s.errors_file)}</code>.</p>" + "".join(examples)
    )


def _site(s: Summary) -> str:
    info = s.site_boilerplate
    if not info.get("enabled"):
        return '<p class="empty">Site boilerplate learning was off for this run.</p>'
    learnt, removed_lines = s.samples.site_learnt, s.samples.site_lines
    host_example = _site_rules(s)
    hosts = _hosts(s)
    head = (
        f'<p class="note">{info.get("lines", 0):,} lines learnt on {info.get("hosts", 0):,} hosts from '
        f"{info.get('pages_learnt', 0):,} pages; {info.get('removed', 0):,} blocks removed as site "
        "boilerplate. Learning keeps only a key per line, so a line's text is shown once it removed "
        "a block.</p>"
    )
    if not hosts:
        return head
    rows = []
    for host in hosts[:HOSTS]:
        lines = removed_lines.get(host, {})
        rule = host_example.get(host)
        link = f' <a href="#{anchor("rule", rule)}">example</a>' if rule else ""
        items = "".join(f"<li>{n:,}× {esc(text)}</li>" for text, n in list(lines.items())[:LINES_PER_HOST])
        more_lines = len(lines) - LINES_PER_HOST
        if more_lines > 0:
            items += f'<li class="empty">{more_lines} more lines</li>'
        listed = f'<ul class="lines">{items}</ul>{link}' if items else '<span class="empty">none</span>'
        rows.append(
            f'<tr id="{anchor("host", host)}"><td><code>{esc(host)}</code></td>'
            f'<td class="num">{learnt.get(host, 0):,}</td><td class="num">{sum(lines.values()):,}</td>'
            f'<td class="text">{listed}</td></tr>'
        )
    more = f'<p class="note">{len(hosts) - HOSTS} more hosts.</p>' if len(hosts) > HOSTS else ""
    return (
        head + '<table><thead><tr><th>host</th><th class="num">lines learnt</th>'
        '<th class="num">blocks removed</th><th>lines that removed blocks (blocks × text)</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{more}"
    )


def _hosts(s: Summary) -> list[str]:
    """Hosts with learnt lines, those that removed most first."""
    learnt, removed = s.samples.site_learnt, s.samples.site_lines
    return sorted(
        set(learnt) | set(removed), key=lambda h: (-sum(removed.get(h, {}).values()), -learnt.get(h, 0), h)
    )


def _site_rules(s: Summary) -> dict[str, str]:
    """Host -> the site boilerplate rule that has an example there."""
    from newsclean.stages.site_boilerplate import site_host

    rules: dict[str, str] = {}
    for rule, example in s.samples.by_rule.items():
        if example.get("reason") == _SITE_REASON:
            rules.setdefault(site_host(example.get("url")) or rule, rule)
    return rules


def _example(example: Example, element_id: str, heading: str) -> str:
    reason = str(example.get("reason", ""))
    return (
        f'<div class="example" id="{element_id}" style="{_css(reason)}">'
        f'<div><span class="badge">{esc(reason)}</span> {heading}'
        f" · stage <code>{esc(example.get('stage', ''))}</code> · block {esc(example.get('block', ''))}</div>"
        f'<div class="where">{_where(example)}</div>'
        f"<blockquote>{esc(example.get('text', ''))}</blockquote></div>"
    )


def _examples(s: Summary) -> str:
    by_reason = [
        _example(
            s.samples.by_reason[r],
            anchor("reason", r),
            f"first <b>{esc(r)}</b> removal, by rule <code>{esc(s.samples.by_reason[r]['rule'])}</code>",
        )
        for r, _ in _ranked(s.removals_by_reason)
        if r in s.samples.by_reason
    ]
    shown = {rule for rule, _ in _ranked(s.removals_by_rule)[: max(CHART_RULES, TABLE_RULES)]}
    site_rules = _site_rules(s)
    shown |= {site_rules[host] for host in _hosts(s)[:HOSTS] if host in site_rules}
    by_rule = [
        _example(s.samples.by_rule[r], anchor("rule", r), f"first removal by rule <code>{esc(r)}</code>")
        for r, _ in _ranked(s.removals_by_rule)
        if r in shown and r in s.samples.by_rule
    ]
    if not by_reason and not by_rule:
        return '<p class="empty">None in this run.</p>'
    return (
        '<p class="note">The first removal of each reason and of each rule, in input order: '
        "the record it came from and the text removed.</p>"
        f"<h3>Per reason</h3>{''.join(by_reason)}<h3>Per rule</h3>{''.join(by_rule)}"
    )


def _count(n: int, noun: str) -> str:
    """``1 source``, ``2 sources``."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def _ranked(counts: dict[str, Any]) -> list[tuple[str, int]]:
    return sorted(((k, int(v)) for k, v in counts.items()), key=lambda kv: (-kv[1], kv[0]))


def _css(label: str) -> str:
    return style_of(label).css_vars
