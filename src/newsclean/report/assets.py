"""The reports' style sheets and script, as strings inlined into each page.

System fonts only (nothing to download). Print styles drop the controls,
keep the label colours (``print-color-adjust``) and avoid breaking a block
across pages; since every label is also written as text, a greyscale print
still says what each block was.

>>> "@media print" in BASE_CSS and "[hidden]" in EXPLAIN_CSS
True
"""

from __future__ import annotations

BASE_CSS = """
:root { --ink: #1a1a1a; --muted: #555; --line: #d0d0d0; --panel: #f6f6f4; --link: #0059a0; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.top { padding: 14px 24px 10px; border-bottom: 1px solid var(--line); background: var(--panel); }
header.top h1 { margin: 0 0 4px; font-size: 20px; font-weight: 650; }
header.top h1 .what { color: var(--muted); font-weight: 400; }
.meta { margin: 0; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  font-size: 12px; }
a { color: var(--link); }
.badge { display: inline-block; padding: 1px 7px; border-radius: 3px; font-size: 11.5px; font-weight: 600;
  letter-spacing: .02em; white-space: nowrap; background: var(--c); color: var(--k);
  border: 1px solid rgba(0,0,0,.35); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 14px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.empty { color: var(--muted); font-style: italic; }
:target { outline: 3px solid #0072B2; outline-offset: 2px; }
[id] { scroll-margin-top: 12px; }
@media print {
  body { font-size: 10pt; }
  header.top { background: none; }
  a { color: inherit; text-decoration: none; }
  .no-print { display: none !important; }
}
"""

EXPLAIN_CSS = """
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 20px; padding: 14px 24px 24px; }
.filters { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 8px; align-items: center; }
.filters .hint { color: var(--muted); font-size: 12px; margin-right: 4px; }
.filters button { font: inherit; font-size: 12.5px; cursor: pointer; padding: 3px 9px; border-radius: 14px;
  border: 1px solid #999; background: #fff; color: var(--ink); display: inline-flex; gap: 6px;
  align-items: center; }
.filters button .sw { width: 11px; height: 11px; border-radius: 2px; background: var(--c);
  border: 1px solid rgba(0,0,0,.45); }
.filters button[aria-pressed="true"] { background: #1a1a1a; color: #fff; border-color: #1a1a1a; }
.filters button .n { color: inherit; opacity: .75; font-variant-numeric: tabular-nums; }
#status { color: var(--muted); font-size: 12.5px; margin: 0 0 8px; }
ol.blocks { list-style: none; margin: 0; padding: 0; }
.block { display: grid; grid-template-columns: 2.6em 12em minmax(0, 1fr); gap: 2px 10px; align-items: start;
  padding: 6px 10px; margin: 0 0 4px; background: var(--t); border-left: 6px var(--b) var(--c);
  border-radius: 2px; break-inside: avoid; }
.block[hidden] { display: none; }
.block .idx { color: var(--muted); text-align: right; padding-top: 1px; }
.block .text { overflow-wrap: anywhere; }
.block .why { grid-column: 3; color: var(--muted); font-size: 12px; }
.block .why code { color: var(--ink); }
.block .tag { color: var(--muted); font-size: 11px; margin-left: 4px; }
.block.removed .text { color: #333; }
.prefix { background: var(--c); color: var(--k); padding: 0 3px; border-radius: 2px;
  border: 1px dashed rgba(0,0,0,.5); }
.prefix-label { font-size: 10.5px; font-weight: 600; margin-right: 4px; }
aside.fields { position: sticky; top: 12px; align-self: start; background: var(--panel);
  border: 1px solid var(--line); border-radius: 4px; padding: 10px 14px; max-height: calc(100vh - 24px);
  overflow: auto; }
aside.fields h2 { font-size: 15px; margin: 2px 0 8px; }
aside.fields dl { margin: 0; }
aside.fields dt { font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted);
  margin-top: 8px; }
aside.fields dd { margin: 1px 0 0; overflow-wrap: anywhere; }
aside.fields dd.none { color: var(--muted); font-style: italic; }
aside.fields ul { margin: 0; padding-left: 18px; }
.legend { margin-top: 14px; font-size: 12px; color: var(--muted); }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } aside.fields { position: static; } }
@media print {
  .layout { display: flex; flex-direction: column; padding: 0; gap: 8px; }
  aside.fields { order: -1; position: static; max-height: none; overflow: visible; }
  aside.fields dl { columns: 2; column-gap: 28px; }
  aside.fields dt { break-after: avoid; }
  aside.fields dd { break-inside: avoid; }
  .filters, #status { display: none; }
}
"""

RUN_CSS = """
main { padding: 10px 24px 30px; max-width: 1180px; }
nav.toc { display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 8px 24px;
  border-bottom: 1px solid var(--line); font-size: 13px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px;
  margin: 12px 0; }
.card { border: 1px solid var(--line); border-radius: 4px; padding: 8px 12px; background: var(--panel); }
.card .v { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .k { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.card .n { font-size: 12px; color: var(--muted); }
ul.lines { margin: 0; padding-left: 18px; }
.card.bad { border-color: #D55E00; border-width: 2px; }
.status-ok, .status-bad { font-weight: 650; }
.status-bad { color: #B34700; }
section { margin: 22px 0 0; break-inside: avoid-page; }
section h2 { font-size: 17px; margin: 0 0 6px; padding-bottom: 3px; border-bottom: 2px solid var(--ink); }
section h3 { font-size: 14.5px; margin: 14px 0 4px; }
section p.note { color: var(--muted); margin: 2px 0 8px; font-size: 13px; }
svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
svg.chart text { fill: var(--ink); }
svg.chart a:hover rect, svg.chart a:focus rect { stroke-width: 2; }
.example { border-left: 6px var(--b, solid) var(--c, #999); background: var(--t, #f4f4f4); padding: 6px 12px;
  margin: 0 0 8px; break-inside: avoid; }
.example .where { font-size: 12.5px; color: var(--muted); overflow-wrap: anywhere; }
.example blockquote { margin: 4px 0 2px; white-space: pre-wrap; overflow-wrap: anywhere; }
.bar-of { display: inline-block; height: 9px; background: #0072B2; vertical-align: middle; margin-right: 6px;
  border: 1px solid #333; }
td.text { overflow-wrap: anywhere; }
"""

EXPLAIN_JS = """
"use strict";
(function () {
  var blocks = Array.prototype.slice.call(document.querySelectorAll("li.block"));
  var buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-filter]"));
  var status = document.getElementById("status");
  function shows(block, filter) {
    if (filter === "all") { return true; }
    if (filter === "removed") { return block.getAttribute("data-removed") === "1"; }
    var labels = (block.getAttribute("data-labels") || "").split(" ");
    return labels.indexOf(filter.slice("label:".length)) !== -1;
  }
  function apply(filter) {
    var shown = 0;
    blocks.forEach(function (block) {
      var visible = shows(block, filter);
      block.hidden = !visible;
      if (visible) { shown += 1; }
    });
    buttons.forEach(function (button) {
      var on = button.getAttribute("data-filter") === filter;
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    status.textContent = "Showing " + shown + " of " + blocks.length + " blocks";
  }
  buttons.forEach(function (button) {
    button.addEventListener("click", function () { apply(button.getAttribute("data-filter")); });
  });
})();
"""
