"""The build: read every article in the seeds folder, tag it, and write the site's pages."""

from __future__ import annotations

import sys
from pathlib import Path

from . import exports, pages
from .articles import SEED_SUFFIXES, Article, Problem, read_article
from .batch import Work, default_jobs, tag_all
from .events import events_of, marks_of
from .forked import Forked
from .site_files import sync
from .tag_cache import TagCache

GENERATED_PAGES = ("index.md", "timeline.md", "unresolved.md", "tags.md", *exports.EXPORTS)
GENERATED_FOLDERS = ("sources", "timeline", "places")


def read_articles(seeds: Path) -> tuple[list[Article], list[Problem]]:
    articles, problems = [], []
    for path in sorted(seeds.iterdir()):
        if path.name.startswith(".") or path.name.lower() == "readme.md":
            continue
        if path.suffix.lower() not in SEED_SUFFIXES or not path.is_file():
            problems.append(Problem(path, 1, f"not an article ({', '.join(SEED_SUFFIXES)}); ignored", "notice"))
            continue
        article = read_article(path)
        problems.extend(article.problems)
        articles.append(article)
    return articles, problems


def load_sources(seeds: Path, jobs: int | None = None, cache: TagCache | None = None,
                 ) -> tuple[list[pages.Source], list[Problem]]:
    articles, problems = read_articles(seeds)
    found = tag_all([Work(a.body, a.published, a.genre) for a in articles], jobs, cache)
    sources = []
    for article, timexes in zip(articles, found):
        marks = marks_of(timexes)
        sources.append(pages.Source(article, marks, events_of(article, marks)))
    return sources, problems


def site_files(sources: list[pages.Source], problems: list[Problem], jobs: int = 1) -> dict[str, bytes]:
    """Every file the generator writes into the docs folder, by its path there; with more than one
    job the calendar is written by a second process meanwhile."""
    calendar = Forked(lambda: exports.calendar_files(sources)) if jobs > 1 else None
    markdown = pages.site_pages(sources, problems)
    written = {name: markdown.pop(name).encode("utf-8") for name in list(markdown)}  # one copy at a time
    written.update(exports.data_files(sources))
    written.update(calendar.result() if calendar else exports.calendar_files(sources))
    return written


def build(seeds: Path, out: Path, strict: bool = False, jobs: int | None = None, cache: Path | None = None) -> int:
    """Build the pages into out; jobs processes tag the articles (None: one per core); cache is
    the folder keeping tagging results between builds (None: no cache)."""
    if not seeds.is_dir():
        print(f"{seeds}: error: no such folder of articles", file=sys.stderr)
        return 2
    tag_cache = TagCache(cache) if cache else None
    try:
        sources, problems = load_sources(seeds, jobs, tag_cache)
    finally:
        if tag_cache:
            tag_cache.close()
    changes = sync(out, site_files(sources, problems, jobs or default_jobs()), GENERATED_PAGES, GENERATED_FOLDERS)
    for problem in problems:
        print(problem, file=sys.stderr)
    events = sum(len(source.events) for source in sources)
    print(f"{len(sources)} articles, {events} events written to {out}/ ({changes})", file=sys.stderr)
    serious = [p for p in problems if p.level != "notice"]
    if strict and serious:
        print(f"--strict: {len(serious)} problems", file=sys.stderr)
        return 1
    return 0
