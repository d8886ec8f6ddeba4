"""The ``newsclean`` command: a thin layer over :class:`~newsclean.Pipeline` and :mod:`newsclean.batch`.

``newsclean clean PAGE`` prints the Article as JSON; ``newsclean explain PAGE``
lists every input block with its label and rule (``--html FILE`` writes that
as an HTML report instead); ``newsclean schema`` prints the Article's JSON
Schema. ``PAGE`` may be ``-`` for standard input. ``newsclean batch INPUT...
-o OUT`` cleans whole dumps (see ``docs/batch.md``), prints the run's summary
as JSON and, with ``--report FILE``, writes an HTML report of the run.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from newsclean._version import __version__
from newsclean.errors import NewscleanError


def _add_reference_time(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reference-time",
        type=datetime.fromisoformat,
        metavar="ISO",
        help="when the page was fetched (ISO 8601); relative dates such as '2 hours ago' are read against it",
    )


def _read(page: str) -> bytes | Path:
    return sys.stdin.buffer.read() if page == "-" else Path(page)


def _cmd_clean(args: argparse.Namespace) -> int:
    from newsclean.pipeline import Pipeline

    pipeline = Pipeline.default()
    status = 0
    for page in args.pages:
        try:
            article = pipeline(_read(page), url=args.url, lang=args.lang, reference_time=args.reference_time)
        except NewscleanError as exc:
            print(f"newsclean: {page}: {exc}", file=sys.stderr)
            status = 1
            continue
        data = article.model_dump(mode="json", exclude={"removals"} if args.no_removals else None)
        print(json.dumps(data, ensure_ascii=False, indent=None if args.compact else 2))
    return status


def _cmd_explain(args: argparse.Namespace) -> int:
    from newsclean.explain import explain_rows, format_rows
    from newsclean.pipeline import Pipeline, to_article

    try:
        doc = Pipeline.default().run(
            _read(args.page), url=args.url, lang=args.lang, reference_time=args.reference_time
        )
    except NewscleanError as exc:
        print(f"newsclean: {args.page}: {exc}", file=sys.stderr)
        return 1
    if args.html:
        return _write_explain_html(doc, args)
    rows = explain_rows(doc)
    if args.only_removed:
        rows = [r for r in rows if r.label != "body"]
    if args.reason:
        rows = [r for r in rows if r.label == args.reason]
    colour = args.colour == "always" or (args.colour == "auto" and sys.stdout.isatty())
    print(format_rows(rows, colour=colour, width=args.width))
    article = to_article(doc)
    authors = ", ".join(a.name for a in article.authors) or "-"
    dateline = article.dateline.raw if article.dateline else "-"
    tags = ", ".join(article.tags) or "-"
    print(
        f"\ntitle: {article.title!r}  site: {article.site_name!r}  language: {article.language}\n"
        f"authors: {authors}  agency: {article.agency}  published: {article.published}\n"
        f"dateline: {dateline}  tags: {tags}\n"
        f"body: {len(article.paragraphs)} paragraphs; removed: {len(article.removals)} blocks"
    )
    return 0


def _write_explain_html(doc: Any, args: argparse.Namespace) -> int:
    from newsclean.report import explain_html

    name = args.url or ("<stdin>" if args.page == "-" else Path(args.page).name)
    page = explain_html(doc, name=name)
    if args.html == "-":
        sys.stdout.write(page)
        return 0
    try:
        Path(args.html).write_text(page, encoding="utf-8")
    except OSError as exc:
        print(f"newsclean: explain: cannot write {args.html}: {exc}", file=sys.stderr)
        return 1
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from newsclean.article import Article

    print(json.dumps(Article.model_json_schema(mode="serialization"), indent=2, ensure_ascii=False))
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from newsclean.batch import BatchOptions, Fields, SiteLearning, run

    try:
        options = BatchOptions(
            fields=Fields(text=args.text_field, html=args.html_field, id=args.id_field, url=args.url_field),
            input_format=args.input_format,
            output_format=args.output_format,
            compress=args.gzip,
            merge=args.merge,
            workers=args.workers,
            chunk_size=args.chunk_size,
            max_tasks_per_child=args.max_tasks_per_child,
            time_limit=args.time_limit or None,
            max_error_rate=args.max_error_rate,
            site=None if args.no_site_boilerplate else SiteLearning(min_pages=args.site_min_pages),
            lang=args.lang,
            warc_backend=args.warc_backend,
            report=args.report,
        )
        summary = run(args.inputs, args.output, options=options, resume=args.resume, progress=args.progress)
    except (ValueError, OSError) as exc:
        print(f"newsclean: batch: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsclean: batch: interrupted; run the same command with --resume to go on", file=sys.stderr)
        return 130
    print(summary.to_json())
    if not summary.ok:
        print(
            f"newsclean: batch: {summary.errors} of {summary.records_in} records failed "
            f"({summary.error_rate:.1%}, over --max-error-rate {summary.max_error_rate:.1%}); "
            f"see {Path(args.output) / summary.errors_file}",
            file=sys.stderr,
        )
        return 1
    return 0


def _add_batch(sub: Any) -> None:
    batch = sub.add_parser(
        "batch",
        help="clean many pages: folders, JSON Lines, CSV, WARC/ARC, Parquet",
        description="Clean every record of the inputs into OUT: one output per input (or --merge), "
        "errors.jsonl and summary.json. Prints the summary; exits 1 when too many records fail.",
    )
    batch.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="file, folder, fsspec URL, or '-' for stdin"
    )
    batch.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder")
    batch.add_argument("--format", dest="output_format", choices=["jsonl", "parquet"], default="jsonl")
    batch.add_argument("--gzip", action="store_true", help="gzip the JSON Lines outputs (.jsonl.gz)")
    batch.add_argument("--merge", action="store_true", help="one output file (articles.*) for all inputs")
    batch.add_argument("-j", "--workers", type=int, default=1, help="worker processes (default 1: this one)")
    batch.add_argument(
        "--chunk-size", type=int, default=1000, help="records per chunk (unit of work and resume)"
    )
    batch.add_argument(
        "--max-tasks-per-child", type=int, default=20, help="chunks before a worker is replaced"
    )
    batch.add_argument("--resume", action="store_true", help="continue an interrupted run into OUT")
    batch.add_argument(
        "--input-format", choices=["auto", "pages", "jsonl", "csv", "warc", "parquet"], default="auto"
    )
    batch.add_argument("--text-field", default="text", help="field holding a text dump (default: text)")
    batch.add_argument("--html-field", default="html", help="field holding HTML (default: html)")
    batch.add_argument("--id-field", default="id", help="field holding the record id (default: id)")
    batch.add_argument("--url-field", default="url", help="field holding the page URL (default: url)")
    batch.add_argument("--lang", help="force the language of every page (ISO 639-1)")
    batch.add_argument("--time-limit", type=float, default=60.0, help="seconds per record; 0 for none")
    batch.add_argument(
        "--max-error-rate", type=float, default=0.05, help="share of failed records above which exit is 1"
    )
    batch.add_argument(
        "--no-site-boilerplate", action="store_true", help="do not learn lines that sites repeat across pages"
    )
    batch.add_argument("--site-min-pages", type=int, default=3, help="pages a repeated line must be on")
    batch.add_argument("--warc-backend", choices=["auto", "warcio", "fastwarc"], default="auto")
    batch.add_argument(
        "--report", metavar="FILE", help="also write an HTML report of the run (counts, charts, examples)"
    )
    batch.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: when stderr is a terminal)",
    )
    batch.set_defaults(func=_cmd_batch)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsclean`` command."""
    parser = argparse.ArgumentParser(prog="newsclean", description="Clean scraped news pages into articles.")
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the stages do")
    sub = parser.add_subparsers(dest="command", required=True)

    clean = sub.add_parser("clean", help="print the Article of each page as JSON")
    clean.add_argument("pages", nargs="+", metavar="PAGE", help="HTML or text file ('-' for stdin)")
    clean.add_argument("--url", help="the page's URL (recorded in the Article)")
    clean.add_argument("--lang", help="force the language (ISO 639-1)")
    _add_reference_time(clean)
    clean.add_argument("--compact", action="store_true", help="one JSON object per line")
    clean.add_argument("--no-removals", action="store_true", help="leave the removals out of the output")
    clean.set_defaults(func=_cmd_clean)

    explain = sub.add_parser("explain", help="show each input block with its label and rule")
    explain.add_argument("page", metavar="PAGE", help="HTML or text file ('-' for stdin)")
    explain.add_argument("--url")
    explain.add_argument("--lang")
    _add_reference_time(explain)
    explain.add_argument("--only-removed", action="store_true", help="hide body blocks")
    explain.add_argument("--reason", help="show only blocks removed for this reason")
    explain.add_argument("--width", type=int, default=100, help="cut block text at this width")
    explain.add_argument("--colour", "--color", choices=["auto", "always", "never"], default="auto")
    explain.add_argument(
        "--html", metavar="FILE", help="write an HTML report (self-contained, '-' for stdout) instead of text"
    )
    explain.set_defaults(func=_cmd_explain)

    schema = sub.add_parser("schema", help="print the Article JSON Schema")
    schema.set_defaults(func=_cmd_schema)
    _add_batch(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        # `newsclean schema | head`: the reader left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _run(args: argparse.Namespace) -> int:
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    return int(args.func(args))
