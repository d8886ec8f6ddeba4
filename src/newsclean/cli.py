"""The ``newsclean`` command: a thin layer over :class:`~newsclean.Pipeline`.

``newsclean clean PAGE`` prints the Article as JSON; ``newsclean explain PAGE``
lists every input block with its label and rule; ``newsclean schema`` prints
the Article's JSON Schema. ``PAGE`` may be ``-`` for standard input.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from newsclean._version import __version__
from newsclean.errors import NewscleanError


def _read(page: str) -> bytes | Path:
    return sys.stdin.buffer.read() if page == "-" else Path(page)


def _cmd_clean(args: argparse.Namespace) -> int:
    from newsclean.pipeline import Pipeline

    pipeline = Pipeline.default()
    status = 0
    for page in args.pages:
        try:
            article = pipeline(_read(page), url=args.url, lang=args.lang)
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
        doc = Pipeline.default().run(_read(args.page), url=args.url, lang=args.lang)
    except NewscleanError as exc:
        print(f"newsclean: {args.page}: {exc}", file=sys.stderr)
        return 1
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


def _cmd_schema(args: argparse.Namespace) -> int:
    from newsclean.article import Article

    print(json.dumps(Article.model_json_schema(mode="serialization"), indent=2, ensure_ascii=False))
    return 0


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
    clean.add_argument("--compact", action="store_true", help="one JSON object per line")
    clean.add_argument("--no-removals", action="store_true", help="leave the removals out of the output")
    clean.set_defaults(func=_cmd_clean)

    explain = sub.add_parser("explain", help="show each input block with its label and rule")
    explain.add_argument("page", metavar="PAGE", help="HTML or text file ('-' for stdin)")
    explain.add_argument("--url")
    explain.add_argument("--lang")
    explain.add_argument("--only-removed", action="store_true", help="hide body blocks")
    explain.add_argument("--reason", help="show only blocks removed for this reason")
    explain.add_argument("--width", type=int, default=100, help="cut block text at this width")
    explain.add_argument("--colour", "--color", choices=["auto", "always", "never"], default="auto")
    explain.set_defaults(func=_cmd_explain)

    schema = sub.add_parser("schema", help="print the Article JSON Schema")
    schema.set_defaults(func=_cmd_schema)
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
