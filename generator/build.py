"""The build: read every article in the seeds folder, tag it, and write the site's pages."""

from __future__ import annotations

import dataclasses
import os
import sys
from datetime import date
from pathlib import Path

from . import exports, merging, pages
from .articles import SEED_SUFFIXES, Article, Problem, distinct_slugs, one_spelling_per_outlet, parse_article
from .batch import Taggers, Work, default_jobs, tag_all
from .events import Event, Undated, events_of, marks_of
from .forked import Forked
from .intake import read_text
from .layout import Layout
from .report import REPORT_PAGE, Tally, counts, ordered
from .site_files import sync
from .store import kept_in
from .tag_cache import TagCache

GENERATED_PAGES = ("index.md", "timeline.md", "unresolved.md", "tags.md", REPORT_PAGE, *exports.EXPORTS)
GENERATED_FOLDERS = ("sources", "timeline", "places")
SOURCE_PAGES_DATABASE = "source-pages.sqlite3"
ENTRIES_DATABASE = "entries.sqlite3"
WORDS_DATABASE = "words.sqlite3"


def seed_files(seeds: Path) -> list[Path]:
    """Every file in the folder and its subfolders, in order of path; hidden files and folders
    (named ".…") and README.md files are passed over."""
    found = []
    for folder, subfolders, names in os.walk(seeds):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        linked = [name for name in subfolders if (Path(folder) / name).is_symlink()]  # listed, not walked
        found += [Path(folder) / name for name in [*names, *linked]
                  if not name.startswith(".") and name.lower() != "readme.md"]
    return sorted(found, key=lambda path: path.relative_to(seeds).parts)


def read_articles(seeds: Path, today: date | None = None) -> tuple[list[Article], list[Problem], Tally]:
    """Every article of the folder and its subfolders that can be read, with the problems met and
    the files counted."""
    articles, problems, tally = [], [], Tally()
    for path in seed_files(seeds):
        if path.is_dir():
            problems.append(Problem(path, 1, "a link to a folder: not followed (it could lead back here); ignored",
                                    "notice"))
            tally.ignored += 1
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
        article = parse_article(path, text, today, path.relative_to(seeds).as_posix())
        article.problems[:0] = read
        articles.append(article)
    distinct_slugs(articles, reserved=frozenset({"index"}))  # sources/index.md lists the sources
    one_spelling_per_outlet(articles)
    for article in articles:
        problems.extend(article.problems)
    tally.published = len(articles)
    return articles, ordered(problems), tally


def load_sources(seeds: Path, today: date | None = None, jobs: int | None = None, cache: TagCache | None = None,
                 ) -> tuple[list[pages.Source], list[Problem], Tally]:
    with Taggers(jobs or default_jobs()) as taggers:  # getting ready while the articles are read
        articles, problems, tally = read_articles(seeds, today)
        found = tag_all([Work(a.body, a.published, a.genre) for a in articles], taggers, cache)
    sources = []
    for article, tagged in zip(articles, found):
        article = dataclasses.replace(article, sentence_starts=tuple(tagged.sentence_starts))
        marks = marks_of(tagged.timexes)
        sources.append(pages.Source(article, marks, events_of(article, marks)))
    return sources, problems, tally


def timeline_entries(sources: list[pages.Source], cache: Path | None = None, jobs: int = 1) -> list[Event]:
    """The timeline's entries: the events of every article, reports of one event merged. cache is
    the folder keeping the words of the articles' sentences between builds; with more than one
    job, two processes look for conflicting dates."""
    events = [event for source in sources for event in source.events]
    with kept_in(cache, WORDS_DATABASE) as store:
        return merging.merge(events, {source.article.path: source.marks for source in sources}, store, jobs)


def site_files(sources: list[pages.Source], entries: list[Event], problems: list[Problem], tally: Tally,
               jobs: int = 1, cache: Path | None = None) -> dict[str, bytes]:
    """Every file the generator writes into the docs folder, by its path there; with more than one
    job the exports are written by a second process meanwhile. cache is the folder keeping the
    articles' pages, the entries and their parts of the exports between builds."""
    undated = sorted((item for source in sources for item in source.undated), key=Undated.sort_key)
    layout = Layout(entries, undated)
    exported = Forked(lambda: exports.export_files(entries, undated, layout, cache)) if jobs > 1 else None
    with kept_in(cache, SOURCE_PAGES_DATABASE) as source_pages, kept_in(cache, ENTRIES_DATABASE) as entry_texts:
        stores = pages.PageStores(source_pages, entry_texts) if cache else None
        markdown = pages.site_pages(sources, entries, undated, layout, problems, tally, stores)
    written = {name: markdown.pop(name).encode("utf-8") for name in list(markdown)}  # one copy at a time
    written.update(exported.result() if exported else exports.export_files(entries, undated, layout, cache))
    return written


def build(seeds: Path, out: Path, strict: bool = False, today: date | None = None, jobs: int | None = None,
          cache: Path | None = None) -> int:
    """Build the pages into out. today (by default the day of the build) is the latest publication
    date accepted; jobs processes tag the articles (None: one per core); cache is the folder keeping
    tagging results between builds (None: no cache). Returns the exit status: 1 with strict when
    there was any error or warning."""
    if not seeds.is_dir():
        print(f"{seeds}: error: no such folder of articles", file=sys.stderr)
        return 2
    jobs = jobs or default_jobs()
    tag_cache = TagCache(cache) if cache else None
    try:
        sources, problems, tally = load_sources(seeds, today, jobs, tag_cache)
    finally:
        if tag_cache:
            tag_cache.close()
    entries = timeline_entries(sources, cache, jobs)
    written = site_files(sources, entries, problems, tally, jobs, cache)
    changes = sync(out, written, GENERATED_PAGES, GENERATED_FOLDERS)
    for problem in problems:
        print(problem, file=sys.stderr)
    events = sum(len(source.events) for source in sources)
    print(f"{tally.summary()}; {counts(problems)} (see {out / REPORT_PAGE})", file=sys.stderr)
    print(f"articles: {len(sources)}, events: {events}, timeline entries: {len(entries)}; written to {out}/ "
          f"({changes})", file=sys.stderr)
    serious = [p for p in problems if p.level != "notice"]
    if strict and serious:
        print(f"--strict: {len(serious)} problems", file=sys.stderr)
        return 1
    return 0
