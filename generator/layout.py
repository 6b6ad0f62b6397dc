"""Where things live on the site: the page of each entry, source and place, and sentence ids."""

from __future__ import annotations

import posixpath
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from . import sentences
from .articles import Article
from .events import Event
from .places import Place

# A year with more entries than this gets a page of its own; the timeline page then links to it.
YEAR_PAGE_THRESHOLD = 100
TIMELINE_PAGE = "timeline.md"


def year_page(year: int) -> str:
    return f"timeline/{year}.md"


def article_page(article: Article) -> str:
    return f"sources/{article.slug}.md"


def place_page(place: Place) -> str:
    return f"places/{place.slug}.md"


def html_path(page: str) -> str:
    """The built page's path (the site is built with use_directory_urls: false)."""
    return page.removesuffix(".md") + ".html"


def link(here: str, page: str, anchor: str | None = None) -> str:
    """A relative link from page here to page, as Markdown links in here must be written."""
    target = posixpath.relpath(page, posixpath.dirname(here) or ".")
    return f"{target}#{anchor}" if anchor else target


@lru_cache(maxsize=64)
def _sentence_starts(body: str) -> list[int]:
    return [start for start, _ in sentences.split(body)]


def sentence_id(article: Article, span: tuple[int, int]) -> str:
    """The id of the sentence at span on the article's page: s1 for its first sentence."""
    return f"s{max(bisect_right(_sentence_starts(article.body), span[0]), 1)}"


class Layout:
    """Which page each timeline entry is on: the timeline, or its year's page when that year is long."""

    def __init__(self, events: list[Event]):
        counts = Counter(event.start.year for event in events)
        self.years_apart = sorted(year for year, count in counts.items() if count > YEAR_PAGE_THRESHOLD)

    def page_of(self, event: Event) -> str:
        year = event.start.year
        return year_page(year) if year in self.years_apart else TIMELINE_PAGE
