"""Where things live on the site: the page of each entry, source and place, and sentence ids."""

from __future__ import annotations

import posixpath
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from .articles import Article
from .events import COARSE_FIRST, Event, Undated
from .places import Place

# A year with more entries than this gets a page of its own; the timeline page then links to it.
# So do the entries whose date could not be resolved, when there are more than this of them; and
# when there are more than MONTH_PAGE_THRESHOLD, they are split by their articles' year.
YEAR_PAGE_THRESHOLD = 100
# A year with more entries than this is split further: each month's entries on a page of their
# own, the year's page keeping the entries dated only to a season, quarter or the year.
MONTH_PAGE_THRESHOLD = 1000
# When the years without a page of their own hold more entries than this, the timeline page lists
# only decades and years, and those years' entries go on a page per decade.
TIMELINE_PAGE_LIMIT = 500
TIMELINE_PAGE = "timeline.md"
UNDATED_PAGE = "timeline/undated.md"
NO_YEAR = "no-date"  # in the name of the page of undated entries from articles without a date
MONTH_OR_FINER = COARSE_FIRST.index("month")


def year_page(year: int) -> str:
    return f"timeline/{year}.md"


def decade_of(year: int) -> int:
    return year // 10 * 10


def decade_page(decade: int) -> str:
    return f"timeline/{decade}s.md"


def publication_year(item: Undated) -> int | None:
    return item.article.published.year if item.article.published else None


def undated_page_of_year(year: int | None) -> str:
    """The page of the undated entries from articles published in year (None: without a date)."""
    return f"timeline/undated-{NO_YEAR if year is None else year}.md"


def month_page(year: int, month: int) -> str:
    return f"timeline/{year}-{month:02d}.md"


def month_anchor(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def is_month_or_finer(event: Event) -> bool:
    return COARSE_FIRST.index(event.precision) >= MONTH_OR_FINER


def article_page(article: Article) -> str:
    return f"sources/{article.slug}.md"


def place_page(place: Place) -> str:
    return f"places/{place.slug}.md"


def html_path(page: str) -> str:
    """The built page's path (the site is built with use_directory_urls: false)."""
    return page.removesuffix(".md") + ".html"


def link(here: str, page: str, anchor: str | None = None) -> str:
    """A relative link from page here to page, as Markdown links in here must be written."""
    target = _relative(page, posixpath.dirname(here) or ".")
    return f"{target}#{anchor}" if anchor else target


@lru_cache(maxsize=4096)  # a few pages link to many, many pages link to a few
def _relative(page: str, folder: str) -> str:
    return posixpath.relpath(page, folder)


def sentence_id(article: Article, span: tuple[int, int]) -> str:
    """The id of the sentence at span on the article's page (s1 for its first sentence), among
    the sentences the tagger read it in."""
    return f"s{max(bisect_right(article.sentence_starts, span[0]), 1)}"


class Layout:
    """Which page each timeline entry is on: the timeline, its year's page when that year is long,
    or its month's page when the year is very long; its decade's page when the other years are
    too many for the timeline page. Entries whose date was not resolved are on the timeline, on a
    page of their own when there are many, or on a page per year of publication when there are
    very many."""

    def __init__(self, entries: list[Event], undated: list[Undated]):
        counts = Counter(entry.start.year for entry in entries)
        self.years_apart = sorted(year for year, count in counts.items() if count > YEAR_PAGE_THRESHOLD)
        self.years_by_month = sorted(year for year, count in counts.items() if count > MONTH_PAGE_THRESHOLD)
        rest = {year: count for year, count in counts.items() if year not in self.years_apart}
        self.years_by_decade = frozenset(rest) if sum(rest.values()) > TIMELINE_PAGE_LIMIT else frozenset()
        self.undated_page = UNDATED_PAGE if len(undated) > YEAR_PAGE_THRESHOLD else TIMELINE_PAGE
        self.undated_by_year = self.undated_page == UNDATED_PAGE and len(undated) > MONTH_PAGE_THRESHOLD
        self._entry_of = {report.id: entry for entry in entries for report in entry.also}

    def year_home(self, year: int) -> str:
        """The page holding the year's entries, or those coarser than a month when it is split."""
        if year in self.years_apart:
            return year_page(year)
        return decade_page(decade_of(year)) if year in self.years_by_decade else TIMELINE_PAGE

    def month_page_of(self, year: int, month: int) -> str:
        """The page holding the entries of that month (under the heading month_anchor)."""
        return month_page(year, month) if year in self.years_by_month else self.year_home(year)

    def page_of(self, event: Event | Undated) -> str:
        """The page of the entry that event leads, or that it is merged into as another report."""
        if isinstance(event, Undated):
            if self.undated_by_year:
                return undated_page_of_year(publication_year(event))
            return self.undated_page
        entry = self._entry_of.get(event.id, event)
        year = entry.start.year
        if year in self.years_by_month and is_month_or_finer(entry):
            return month_page(year, entry.start.month)
        return self.year_home(year)
