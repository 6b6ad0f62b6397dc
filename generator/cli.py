"""Command line: `build` the site's pages, `tag` a text or a TimeML document."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from .tagger import GENRES, tag


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="generate the site's Markdown pages from articles")
    build.add_argument("--seeds", default="seeds", help="folder of articles (.md, .txt), subfolders included; default: seeds")
    build.add_argument("--out", default="docs", help="folder the pages are written to; default: docs")
    build.add_argument("--strict", action="store_true",
                       help="exit with status 1 on any error or warning (the pages are still written)")
    build.add_argument("--today", type=_iso_date, metavar="YYYY-MM-DD",
                       help="the day of the build: a later publication date is not used; default: today")
    build.add_argument("--jobs", type=_positive, default=None,
                       help="processes tagging the articles (and, with more than one, a second looking for "
                            "conflicting dates and writing the exports); default: one per core; 1: all in this process")
    build.add_argument("--cache", default=".cache", metavar="DIR",
                       help="folder keeping each article's tagging between builds; default: .cache")
    build.add_argument("--no-cache", action="store_true", help="tag every article afresh and keep nothing")

    tagger = commands.add_parser("tag", help="print the temporal expressions of a text as JSON")
    tagger.add_argument("file", nargs="?", help="plain-text file, or - for standard input")
    tagger.add_argument("--dct", type=_iso_date, help="publication date that relative expressions resolve against")
    tagger.add_argument("--timeml", metavar="IN.tml", help="tag a TimeML document and print TimeML")
    tagger.add_argument("--genre", choices=GENRES, default="news",
                        help="narrative text anchors relative expressions to the last mentioned date")
    return parser


def _tag(args: argparse.Namespace) -> int:
    if args.timeml:
        from .timeml import annotate

        sys.stdout.write(annotate(_read(args.timeml), args.genre))
        return 0
    if not args.file:
        print("tag: give a FILE (or - for standard input), or --timeml IN.tml", file=sys.stderr)
        return 2
    found = tag(_read(args.file), args.dct, args.genre)
    json.dump([timex.as_json() for timex in found], sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "tag":
        return _tag(args)
    from .build import build

    cache = None if args.no_cache else Path(args.cache)
    return build(Path(args.seeds), Path(args.out), strict=args.strict, today=args.today, jobs=args.jobs, cache=cache)
