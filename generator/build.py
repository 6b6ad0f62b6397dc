"""The build: read every article in the seeds folder, tag it, and write the site's pages."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

from . import exports, merging, pages
from .articles import SEED_SUFFIXES, Problem, distinct_slugs, parse_article
from .events import Event, events_of, marks_of
from .intake import read_text
from .report import REPORT_PAGE, Tally, counts, ordered
from .tagger import tag

GENERATED_PAGES = ("index.md", "timeline.md", "unresolved.md", "tags.md", REPORT_PAGE, *exports.EXPORTS)
GENERATED_FOLDERS = ("sources", "timeline", "places")


def load_sources(seeds: Path, today: date | None = None) -> tuple[list[pages.Source], list[Problem], Tally]:
    articles, problems, tally = [], [], Tally()
    for path in sorted(seeds.iterdir()):
        if path.name.startswith(".") or path.name.lower() == "readme.md":
            continue
        if path.suffix.lower() not in SEED_SUFFIXES or not path.is_file():
            problems.append(Problem(path, 1, f"not an article ({', '.join(SEED_SUFFIXES)}); ignored", "notice"))
            tally.ignored += 1
            continue
        tally.read += 1
        text, read = read_text(path)
        if text is None:
            problems.extend(read)
            tally.skipped += 1
            continue
        article = parse_article(path, text, today)
        article.problems[:0] = read
        articles.append(article)
    distinct_slugs(articles, reserved=frozenset({"index"}))  # sources/index.md lists the sources
    sources = []
    for article in articles:
        problems.extend(article.problems)
        marks = marks_of(tag(article.body, article.published, article.genre))
        sources.append(pages.Source(article, marks, events_of(article, marks)))
    tally.published = len(sources)
    return sources, ordered(problems), tally


def write_pages(sources: list[pages.Source], problems: list[Problem], tally: Tally, out: Path) -> list[Event]:
    """Write every page and export; returns the timeline's entries."""
    for name in GENERATED_PAGES:
        (out / name).unlink(missing_ok=True)
    for name in GENERATED_FOLDERS:
        shutil.rmtree(out / name, ignore_errors=True)
    events = [event for source in sources for event in source.events]
    entries = merging.merge(events, {source.article.path: source.marks for source in sources})
    written = pages.site_pages(sources, entries, problems, tally)
    for name, content in written.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(content, encoding="utf-8")
    exports.write_exports(sources, entries, out)
    return entries


def build(seeds: Path, out: Path, strict: bool = False, today: date | None = None) -> int:
    """Write the site's pages; today (by default the day of the build) is the latest publication
    date accepted. Returns the exit status: 1 with strict when there was any error or warning."""
    if not seeds.is_dir():
        print(f"{seeds}: error: no such folder of articles", file=sys.stderr)
        return 2
    sources, problems, tally = load_sources(seeds, today)
    entries = write_pages(sources, problems, tally, out)
    for problem in problems:
        print(problem, file=sys.stderr)
    events = sum(len(source.events) for source in sources)
    print(f"{tally.summary()}; {counts(problems)} (see {out / REPORT_PAGE})", file=sys.stderr)
    print(f"articles: {len(sources)}, events: {events}, timeline entries: {len(entries)}; written to {out}/",
          file=sys.stderr)
    serious = [p for p in problems if p.level != "notice"]
    if strict and serious:
        print(f"--strict: {len(serious)} problems", file=sys.stderr)
        return 1
    return 0
