"""The site's Markdown pages: home, timeline (and its year pages), one page per source and per
place, the filter page, and what could not be resolved.

Everything taken from an article goes through markup.text, so it renders as text only.
"""

from __future__ import annotations

import calendar
import html
import json
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby
from typing import NamedTuple
from urllib.parse import urlsplit

from . import markup, timex
from .articles import Article, Problem
from .events import COARSE_FIRST, PLACING_TYPES, Event, Mark, Undated, is_dateline, is_unresolved, label, undated_of
from .exports import EXPORTS
from .keys import entry_key, key
from .layout import (TIMELINE_PAGE, Layout, article_page, decade_of, decade_page, is_month_or_finer, link,
                     month_anchor, month_page, place_page, publication_year, sentence_id, year_page)
from .places import Place, places_in
from .report import REPORT_PAGE, Tally, report_page
from .store import Store, made_or_kept
from .tagger import Timex

MONTH_OR_FINER = COARSE_FIRST.index("month")
FILTER_PAGE = "tags.md"
TIMELINE_FIRST = {"boost": 5}  # a search finds an entry of the timeline before the article it quotes
UNDATED_INTRO = (
    "These sentences report something on a date that could not be pinned down: their article has no "
    "publication date to resolve “Wednesday” or “last month” against, the date they count from is "
    "itself known only to its month or year, or they count from an event the article does not date "
    "(“the day after the crash”). They are listed here rather than guessed into the timeline.")


class PageStores(NamedTuple):
    """Where the pages of articles and the entries are kept between builds."""

    sources: Store
    entries: Store


@dataclass
class Source:
    """An article with what the tagger found in it."""

    article: Article
    marks: list[Mark]
    events: list[Event]

    @property
    def page(self) -> str:
        return article_page(self.article)

    @cached_property
    def undated(self) -> list[Undated]:
        return undated_of(self.article, self.marks)


def _published(article: Article) -> str:
    return timex.describe(article.published.isoformat()) if article.published else "publication date unknown"


def _outlet(article: Article) -> str:
    return article.source or "Unknown outlet"


def entry_places(item: Event | Undated) -> tuple[Place, ...]:
    return places_in(item.article.body[item.sentence[0] : item.sentence[1]])


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain web address; nothing else may become a link."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in url for c in " <>\"'()\n"):
        return None
    return url.strip()


def _front_matter(title: str | None = None, tags: list[str] = (), search: dict | None = None) -> list[str]:
    """Page settings: the tabs are the navigation, so no sidebar; MkDocs and the tags plugin put a
    page's title and tags into HTML unescaped, so they are given escaped."""
    lines = ["---", "hide: [navigation]"]
    if search:
        lines.append(f"search: {json.dumps(search)}")
    if title is not None:
        lines.append(f"title: {json.dumps(html.escape(markup.contain_bidi(title)))}")
    if tags:
        lines.append(f"tags: {json.dumps([html.escape(markup.contain_bidi(tag)) for tag in tags])}")
    return [*lines, "---", ""]


def _highlighted(body: str, start: int, end: int, marks: list[Mark], link_of) -> str:
    """body[start:end] as escaped Markdown, each mark inside it made a link by link_of(mark)."""
    pieces, position = [], start
    for mark in marks:
        if mark.timex.start < start or mark.timex.end > end:
            continue
        pieces.append(markup.text(body[position : mark.timex.start]))
        pieces.append(link_of(mark))
        position = mark.timex.end
    pieces.append(markup.text(body[position:end]))
    return "".join(pieces)


def _hover(mark: Mark) -> str:
    found = mark.timex
    return markup.text(f"{found.type} {found.value} · {label(found.value, found.mod, found.type)}")


# ---- Timeline entries ------------------------------------------------------------------------

def _quote(item: Event | Undated) -> str:
    return _highlighted(
        item.article.body, *item.sentence, item.marks,
        lambda mark: f'<mark class="timex">{markup.text(mark.timex.text)}</mark>',
    )


def _citation(item: Event | Undated, here: str) -> str:
    article = item.article
    sentence = link(here, article_page(article), sentence_id(article, item.sentence))
    citation = (
        f"[{markup.text(_outlet(article))} · “{markup.text(article.title)}”]({sentence}), "
        + (f"published {markup.text(_published(article))}" if article.published else "publication date unknown")
    )
    original = safe_url(article.url)
    if original:
        citation += f" · [original]({original})"
    return citation


def _reports(item: Event | Undated, here: str) -> str:
    """The quote and citation of each report the entry stands for; merged reports after the first
    keep their own ids, so links to them still land here."""
    parts = []
    for report in [item, *getattr(item, "also", ())]:
        anchor = f'<span id="{report.id}"></span>' if report is not item else ""
        parts.append(f"> {anchor}{_quote(report)}\n\n"
                     f'<span class="tl-cite" data-search-exclude>Source: {_citation(report, here)}</span>\n\n')
    return "".join(parts)


def _conflicts(event: Event, here: str, layout: Layout) -> str:
    if not event.conflicts:
        return ""
    lines = ['!!! warning "Dated differently by another report"', "",
             "    What looks like the same event is also reported on another date. Both are shown; "
             "neither is picked.", ""]
    for other in event.conflicts:
        lines.append(f"    - [{markup.text(other.label)}]({link(here, layout.page_of(other), other.id)}): "
                     f"{markup.text(_outlet(other.article))} · “{markup.text(other.article.title)}”")
    return "\n".join(lines) + "\n\n"


def _entry(item: Event | Undated, here: str, layout: Layout) -> str:
    """One entry: its date as a heading (its permalink), the quote and citation of each report, how
    it was dated, and any other date reported for it."""
    classes = ["tl-entry"]
    badges = []
    reports = [item, *getattr(item, "also", ())]
    if isinstance(item, Undated):
        classes.append("tl-undated")
        badges.append("date not resolved")
    else:
        if item.approximate:
            classes.append("tl-approximate")
            badges.append("approximate")
        if item.is_range:
            classes.append("tl-range")
        if item.conflicts:
            classes.append("tl-conflict")
            badges.append("dated differently elsewhere")
    if len(reports) > 1:
        badges.append(f"{len(reports)} sources")
    when = item.label[:1].upper() + item.label[1:]  # "a Wednesday" leads a heading as "A Wednesday"
    heading = markup.text(when) + "".join(f' <span class="tl-badge">{badge}</span>' for badge in badges)
    meta = f"[Permalink](#{item.id} \"Link to this entry\"){{ .tl-permalink }}"
    places = sorted({p.name: p for report in reports for p in entry_places(report)}.values(), key=lambda p: p.name)
    if places:
        chips = " ".join(f"[{markup.text(p.name)}]({link(here, place_page(p))}){{ .tl-place }}" for p in places)
        meta += f" · Places: {chips}"
    how = "\n".join(
        f"    {markup.text((f'{_outlet(report.article)}: ' if len(reports) > 1 else '') + line)}\n"
        for report in reports for line in report.provenance
    )
    conflicts = "" if isinstance(item, Undated) else _conflicts(item, here, layout)
    return (
        f'<div class="{" ".join(classes)}" markdown>\n\n'
        f"#### {heading} {{ #{item.id} }}\n\n"
        f"{_reports(item, here)}"
        f'<span class="tl-meta" data-search-exclude>{meta}</span>\n\n'
        f"{conflicts}"
        f'<div class="tl-how" data-search-exclude markdown>\n\n??? info "How this date was determined"\n{how}\n</div>\n\n'
        f"</div>\n"
    )


class EntryTexts:
    """Each entry's Markdown on the page the layout puts it on, made once; with a store, an entry
    made from the same inputs as one kept there is taken from it (after one article changes: all
    but that article's entries and the ones they merge with or conflict with). An entry is on one
    page, so its text is given once and then let go: the pages, not this, hold the entries."""

    def __init__(self, items: list[Event | Undated], layout: Layout, store: Store | None = None):
        texts = made_or_kept(store, items, lambda item: entry_key(item, layout),
                             lambda item: _entry(item, layout.page_of(item), layout))
        self._texts = {id(item): text for item, text in zip(items, texts)}

    def __call__(self, item: Event | Undated) -> str:
        return self._texts.pop(id(item))


def _months(events: list[Event], heading: str, entry: EntryTexts) -> list[str]:
    """Entries coarser than a month first, then a heading per month with its entries."""
    lines = []
    coarse = [e for e in events if COARSE_FIRST.index(e.precision) < MONTH_OR_FINER]
    lines += [entry(e) for e in coarse]
    fine = [e for e in events if COARSE_FIRST.index(e.precision) >= MONTH_OR_FINER]
    for (year, month), in_month in groupby(fine, key=lambda e: (e.start.year, e.start.month)):
        lines += [f"{heading} {calendar.month_name[month]} {timex.year_words(year)} {{ #{year}-{month:02d} }}", ""]
        lines += [entry(e) for e in in_month]
    return lines


def _by_year(events: list[Event]) -> list[tuple[int, list[Event]]]:
    ordered = sorted(events, key=Event.sort_key)
    return [(year, list(in_year)) for year, in_year in groupby(ordered, key=lambda e: e.start.year)]


def timeline_page(events: list[Event], undated: list[Undated], layout: Layout, entry: EntryTexts) -> str:
    """The timeline: each year's entries or a link to its page (for a long history, each decade
    and its years), then the undated entries (in the order given) or a link to theirs."""
    here = TIMELINE_PAGE
    lines = [
        *_front_matter(search=TIMELINE_FIRST), "# Timeline", "",
        "Each entry is dated as precisely as its article allows: a day, a week, a month or a year, "
        "a range where the article gives one, and marked where the date is approximate. Every entry "
        "quotes its sentence, links to it in the article, and says how its date was determined.", "",
        "Reports of one event by several articles are one entry citing each of them: the same period "
        "and similar wording. Where reports that look alike give different dates, each date keeps its "
        "entry and the two point at each other.", "",
    ]
    if not events:
        lines += ["No dated events were found in the articles.", ""]
    years = _by_year(events)
    lines += _decade_index(years, here, layout) if layout.years_by_decade else _year_sections(years, here, layout, entry)
    if undated:
        lines += ["## Date not resolved { #undated }", "", UNDATED_INTRO, ""]
        if layout.undated_page == here:
            lines += [entry(item) for item in undated]
        else:
            lines += [_on_a_page_of_their_own("Date not resolved", link(here, layout.undated_page)), ""]
    return "\n".join(lines) + "\n"


def _year_sections(years: list[tuple[int, list[Event]]], here: str, layout: Layout, entry: EntryTexts) -> list[str]:
    """Each year's entries, or a link to its page and its months'."""
    lines = []
    if layout.years_apart:
        lines += ["Years: " + " · ".join(
            f"[{timex.year_words(year)}]({link(here, year_page(year))})" if year in layout.years_apart
            else f"[{timex.year_words(year)}](#{year})"
            for year, _ in years), ""]
    for year, in_year in years:
        lines += [f"## {timex.year_words(year)} {{ #{year} }}", ""]
        if year in layout.years_apart:
            months = sorted({(e.start.month) for e in in_year if COARSE_FIRST.index(e.precision) >= MONTH_OR_FINER})
            lines += [_on_a_page_of_their_own(f"Timeline of {year}", link(here, year_page(year))), ""]
            if months:
                lines += ["Months: " + " · ".join(
                    f"[{calendar.month_name[m]}]({link(here, layout.month_page_of(year, m), month_anchor(year, m))})"
                    for m in months), ""]
            continue
        lines += _months(in_year, "###", entry)
    return lines


def undated_pages(undated: list[Undated], layout: Layout, entry: EntryTexts) -> dict[str, str]:
    """The entries whose date was not resolved, when too many to list on the timeline page: on a
    page of their own, or, when very many, on a page per year their articles were published in,
    which that page lists."""
    here = layout.undated_page
    lines = [*_front_matter("Date not resolved", search=TIMELINE_FIRST), "# Date not resolved", "",
             UNDATED_INTRO, "", f"{_entries(len(undated))}. [The whole timeline]({link(here, TIMELINE_PAGE)})", ""]
    if not layout.undated_by_year:
        lines += [entry(item) for item in undated]
        return {here: "\n".join(lines) + "\n"}
    written = {}
    by_year: dict[int | None, list[Undated]] = {}
    for item in undated:
        by_year.setdefault(publication_year(item), []).append(item)
    lines += ["## By the year their articles were published { #years }", ""]
    for year, items in sorted(by_year.items(), key=lambda pair: (pair[0] is None, pair[0] or 0)):
        page = layout.page_of(items[0])
        name = "articles without a publication date" if year is None else f"articles published in {timex.year_words(year)}"
        lines.append(f"- [{name[0].upper()}{name[1:]}]({link(here, page)}): {_entries(len(items))}")
        page_lines = [*_front_matter(f"Date not resolved: {name}", search=TIMELINE_FIRST),
                      f"# Date not resolved: {name}", "", UNDATED_INTRO, "",
                      f"{_entries(len(items))}. [All dates not resolved]({link(page, here)}) · "
                      f"[The whole timeline]({link(page, TIMELINE_PAGE)})", ""]
        page_lines += [entry(item) for item in items]
        written[page] = "\n".join(page_lines) + "\n"
    written[here] = "\n".join(lines) + "\n"
    return written


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


def _on_a_page_of_their_own(title: str, target: str) -> str:
    return f"Its entries are on a page of their own: [{title}]({target})."


def _year_link(here: str, year: int, layout: Layout) -> str:
    """A link from here to where the year's entries are: its own page or its heading on another."""
    return link(here, layout.year_home(year), None if year in layout.years_apart else str(year))


def _by_decade(years: list[tuple[int, list[Event]]]) -> list[tuple[int, list[tuple[int, list[Event]]]]]:
    return [(decade, list(in_decade)) for decade, in_decade in groupby(years, key=lambda item: decade_of(item[0]))]


def _decade_words(decade: int) -> str:
    return f"{timex.year_words(decade)}s"


def _decade_index(years: list[tuple[int, list[Event]]], here: str, layout: Layout) -> list[str]:
    """The timeline page when its years are on decade pages: each decade and its years."""
    decades = _by_decade(years)
    lines = ["Decades: " + " · ".join(f"[{_decade_words(decade)}](#{decade}s)" for decade, _ in decades), ""]
    for decade, in_decade in decades:
        lines += [f"## {_decade_words(decade)} {{ #{decade}s }}", ""]
        links = [f"[{timex.year_words(year)}]({_year_link(here, year, layout)})" for year, _ in in_decade]
        lines += ["Years: " + " · ".join(links), ""]
    return lines


def decade_pages(events: list[Event], layout: Layout, entry: EntryTexts) -> dict[str, str]:
    """A page per decade holding the entries of its years that have no page of their own, when the
    timeline page lists only decades."""
    written = {}
    for decade, in_decade in _by_decade(_by_year(events)):
        if not any(year in layout.years_by_decade for year, _ in in_decade):
            continue
        here = decade_page(decade)
        name = f"the {_decade_words(decade)}"
        held = sum(len(in_year) for year, in_year in in_decade if year in layout.years_by_decade)
        lines = [*_front_matter(f"Timeline of {name}", search=TIMELINE_FIRST), f"# Timeline of {name}", "",
                 f"{_entries(held)}. [The whole timeline]({link(here, TIMELINE_PAGE, f'{decade}s')})", ""]
        for year, in_year in in_decade:
            lines += [f"## {timex.year_words(year)} {{ #{year} }}", ""]
            if year in layout.years_apart:
                lines += [_on_a_page_of_their_own(f"Timeline of {year}", link(here, year_page(year))), ""]
                continue
            lines += _months(in_year, "###", entry)
        written[here] = "\n".join(lines) + "\n"
    return written


def year_pages(events: list[Event], layout: Layout, entry: EntryTexts) -> dict[str, str]:
    written = {}
    for year, in_year in _by_year(events):
        if year not in layout.years_apart:
            continue
        here = year_page(year)
        lines = [*_front_matter(f"Timeline of {year}", search=TIMELINE_FIRST), f"# Timeline of {year}", ""]
        whole = f"[The whole timeline]({link(here, TIMELINE_PAGE)})"
        if year in layout.years_by_month:
            fine = [e for e in in_year if is_month_or_finer(e)]
            coarse = [e for e in in_year if not is_month_or_finer(e)]
            lines += [f"{_entries(len(coarse))} dated to the year, a season or a quarter; each month's entries are "
                      f"on a page of their own: [Months](#months). {whole}", ""]
            lines += _months(coarse, "##", entry)
            lines += _month_index(year, fine, here)
            written.update(month_pages(year, fine, entry))
        else:
            lines += [f"{_entries(len(in_year))}. {whole}", ""]
            lines += _months(in_year, "##", entry)
        written[here] = "\n".join(lines) + "\n"
    return written


def _month_index(year: int, fine: list[Event], here: str) -> list[str]:
    lines = ["## Months { #months }", ""]
    for month in sorted({e.start.month for e in fine}):
        lines.append(f"- [{calendar.month_name[month]} {year}]({link(here, month_page(year, month), month_anchor(year, month))})")
    return [*lines, ""]


def month_pages(year: int, fine: list[Event], entry: EntryTexts) -> dict[str, str]:
    """A page per month of a year too long for one page: its entries dated to the month or finer."""
    written = {}
    for month, in_month in groupby(fine, key=lambda e: e.start.month):
        in_month = list(in_month)
        here = month_page(year, month)
        name = f"{calendar.month_name[month]} {year}"
        lines = [*_front_matter(f"Timeline of {name}", search=TIMELINE_FIRST),
                 f"# Timeline of {name} {{ #{month_anchor(year, month)} }}", "",
                 f"{len(in_month)} entries. [Timeline of {year}]({link(here, year_page(year), 'months')}) · "
                 f"[The whole timeline]({link(here, TIMELINE_PAGE)})", ""]
        lines += [entry(e) for e in in_month]
        written[here] = "\n".join(lines) + "\n"
    return written


# ---- Source pages ----------------------------------------------------------------------------

def _source_mark_link(mark: Mark, entry_of: dict[str, str]) -> str:
    target = entry_of.get(mark.id, f"#{mark.id}")
    return f'[{markup.text(mark.timex.text)}]({target}){{ #{mark.id} .timex title="{_hover(mark)}" }}'


def _off_the_timeline(found: Timex, body: str) -> str:
    """Why an expression has no entry: it names no date, or one before Christ, which the timeline
    does not place, or it dates the article's dateline, which reports nothing that happened."""
    if found.type in PLACING_TYPES and found.value.startswith("BC"):
        return "before Christ: not on the timeline"
    if found.type in PLACING_TYPES and is_dateline(body, found):
        return "the dateline: no event"
    return "not a date"


def _expression_rows(source: Source, entry_of: dict[str, str]) -> list[str]:
    rows = ["| # | Expression | Type | Value | Meaning | Timeline |", "|---|---|---|---|---|---|"]
    for mark in source.marks:
        found = mark.timex
        entry = f"[entry]({entry_of[mark.id]})" if mark.id in entry_of else _off_the_timeline(found, source.article.body)
        meaning = markup.text(f"{label(found.value, found.mod, found.type)}: {found.reason}")
        rows.append(
            f"| [{mark.id}](#{mark.id}) | {markup.text(found.text)} | {found.type} | <code>{markup.text(found.value)}</code> "
            f"| {meaning} | {entry} |"
        )
    return rows


def _cited_spans(source: Source) -> list[tuple[int, int, str]]:
    """(start, end, id) of the sentences entries cite, widened to hold any expression that
    crosses their edge."""
    article = source.article
    spans = sorted({item.sentence for item in [*source.events, *source.undated]})
    widened = []
    for start, end in spans:
        number = sentence_id(article, (start, end))
        for mark in source.marks:
            if mark.timex.start < end and mark.timex.end > start:
                start, end = min(start, mark.timex.start), max(end, mark.timex.end)
        if widened:
            start = max(start, widened[-1][1])
        if start < end:
            widened.append((start, end, number))
    return widened


def _block_text(source: Source, start: int, end: int, cited: list[tuple[int, int, str]], link_of) -> str:
    """body[start:end] with each cited sentence in it wrapped in an element of its own id."""
    body, marks = source.article.body, source.marks
    pieces, position = [], start
    for s, e, number in cited:
        s, e = max(s, start), min(e, end)
        if s >= e or s < position:
            continue
        pieces.append(_highlighted(body, position, s, marks, link_of))
        pieces.append(f'<span class="tl-sentence" id="{number}">{_highlighted(body, s, e, marks, link_of)}</span>')
        position = e
    pieces.append(_highlighted(body, position, end, marks, link_of))
    return "".join(pieces)


def _entry_links(source: Source, layout: Layout) -> dict[str, str]:
    """The link from each expression of an article's page to its timeline entry, by the mark's id."""
    here = source.page
    entry_of = {mark.id: link(here, layout.page_of(event), event.id) for event in source.events for mark in event.marks}
    entry_of.update({mark.id: link(here, layout.page_of(item), item.id) for item in source.undated for mark in item.marks})
    return entry_of


def source_page(source: Source, entry_of: dict[str, str]) -> str:
    """An article's page; entry_of links its expressions to their timeline entries."""
    article = source.article
    meta = [f"**Outlet:** {markup.text(_outlet(article))}", f"**Published:** {markup.text(_published(article))}"]
    if article.author:
        meta.append(f"**By:** {markup.text(article.author)}")
    url = safe_url(article.url)
    if url:
        meta.append(f"[Original article]({url})")
    places = {p.name: p for item in [*source.events, *source.undated] for p in entry_places(item)}
    tags = [_outlet(article), *places]
    lines = [*_front_matter(article.title, tags), f"# {markup.text(article.title)}", "", " · ".join(meta), ""]
    cited = _cited_spans(source)
    link_of = lambda mark: _source_mark_link(mark, entry_of)  # noqa: E731
    residue = []
    for block in article.blocks:
        if block.kind == "residue":
            residue.append(block)
            continue
        text = _block_text(source, block.text_start, block.text_end, cited, link_of)
        lines += [f"## {text}" if block.kind == "crosshead" else text, ""]
    notes = [f"“{article.body[b.start:b.end]}” (line {article.line_of(b.start)}): page residue, not part of the story."
             for b in residue]
    notes += [str(problem) for problem in article.problems]
    if notes:
        lines += ['!!! note "Notes on this article"', ""]
        lines += [f"    - {markup.text(note)}" for note in notes]
        lines.append("")
    lines += ["## Temporal expressions { data-search-exclude }", ""]
    lines += _expression_rows(source, entry_of) if source.marks else ["None found."]
    return "\n".join(lines) + "\n"


def source_pages(sources: list[Source], layout: Layout, store: Store | None = None) -> dict[str, str]:
    """Every article's page, by its path; with a store, a page made from the same inputs as one
    it keeps (the article, the links to its entries) is taken from it rather than made again."""
    links = {source.page: _entry_links(source, layout) for source in sources}
    texts = made_or_kept(store, sources, lambda source: key(source.article.digest, sorted(links[source.page].items())),
                         lambda source: source_page(source, links[source.page]))
    return {source.page: text for source, text in zip(sources, texts)}


def sources_index(sources: list[Source]) -> str:
    # Out of the search index: each source is found on its own page, by its title and text.
    lines = [*_front_matter(search={"exclude": True}), "# Sources", "", "| Outlet | Title | Published | Events |",
             "|---|---|---|---|"]
    for source in sources:
        article = source.article
        lines.append(
            f"| {markup.text(_outlet(article))} | [{markup.text(article.title)}]({article.slug}.md) "
            f"| {markup.text(_published(article))} | {len(source.events)} |"
        )
    return "\n".join(lines) + "\n"


# ---- Places and the filter page --------------------------------------------------------------

def _place_item(item: Event | Undated, here: str, layout: Layout) -> str:
    article = item.article
    quote = markup.text(article.body[item.sentence[0] : item.sentence[1]])
    when = markup.text(item.label) + (" (date not resolved)" if isinstance(item, Undated) else "")
    return (f"- **[{when}]({link(here, layout.page_of(item), item.id)})** — {quote} "
            f"([{markup.text(_outlet(article))}]({link(here, article_page(article), sentence_id(article, item.sentence))}))")


def place_pages(entries: list[Event], undated: list[Undated], layout: Layout) -> dict[str, str]:
    named: dict[str, tuple[Place, list]] = {}
    for item in [*entries, *undated]:
        places = {p.name: p for report in [item, *getattr(item, "also", ())] for p in entry_places(report)}
        for place in places.values():
            named.setdefault(place.name, (place, []))[1].append(item)
    written = {}
    for place, items in named.values():
        here = place_page(place)
        # Out of the search index: its entries are found on the timeline, where they are whole.
        lines = [*_front_matter(f"{place.name} on the timeline", [place.name], search={"exclude": True}),
                 f"# {markup.text(place.name)} on the timeline", "",
                 f"Entries of the timeline that name {markup.text(place.name)} ({markup.text(place.kind)}), "
                 f"in order of date. [All places and sources]({link(here, FILTER_PAGE)})", ""]
        lines += [_place_item(item, here, layout) for item in items]
        written[here] = "\n".join(lines) + "\n"
    return written


def filter_page() -> str:
    return "\n".join([
        *_front_matter("Filter by place and source"),
        "# Filter by place and source", "",
        "Each place below has a page listing the timeline entries that name it; each outlet and "
        "place also lists the articles it appears in. Places are found with a gazetteer of countries, "
        "capitals and other places often in the news, so a place it does not know is not listed.", "",
        "<!-- material/tags -->", "",
    ])


# ---- Unresolved and home ---------------------------------------------------------------------

def unresolved_page(sources: list[Source]) -> str:
    lines = [*_front_matter(), "# Unresolved", "",
             "Expressions that name a date the articles do not pin down. Problems met while reading "
             f"the articles are in the [build report]({REPORT_PAGE}).", ""]
    found_any = False
    for source in sources:
        unresolved = [mark for mark in source.marks if is_unresolved(mark.timex)]
        if not unresolved:
            continue
        found_any = True
        lines += [f"## [{markup.text(source.article.title)}]({source.page})", ""]
        for mark in unresolved:
            found = mark.timex
            lines.append(
                f"- [{markup.text(found.text)}]({source.page}#{mark.id}) "
                f"(line {source.article.line_of(found.start)}): {markup.text(label(found.value, found.mod, found.type))} "
                f"— {markup.text(found.reason)}"
            )
        lines.append("")
    if not found_any:
        lines += ["Every date expression was resolved.", ""]
    return "\n".join(lines) + "\n"


def _counts_by_year(entries: list[Event], undated: list[Undated], layout: Layout) -> list[str]:
    """How many entries each year has, and each month of a year split by month, linked to where
    they are. Only this page counts other pages' entries, so an edit to one article changes the
    pages holding its entries and this one, not every page above them."""
    here = "index.md"
    by_month = bool(layout.years_by_month)
    lines = ["## Entries by year { #years }", "",
             "| Year | Entries | Months on pages of their own |" if by_month else "| Year | Entries |",
             "|---|--:|---|" if by_month else "|---|--:|"]
    for year, in_year in _by_year(entries):
        cells = [f"[{timex.year_words(year)}]({_year_link(here, year, layout)})", str(len(in_year))]
        if by_month:
            fine = Counter(e.start.month for e in in_year if is_month_or_finer(e)) if year in layout.years_by_month else {}
            cells.append(" · ".join(f"[{calendar.month_abbr[month]}]({link(here, month_page(year, month), month_anchor(year, month))})"
                                    f" {count}" for month, count in sorted(fine.items())))
        lines.append(f"| {' | '.join(cells)} |")
    if undated:
        target = link(here, layout.undated_page, "undated" if layout.undated_page == TIMELINE_PAGE else None)
        lines.append(f"| [Date not resolved]({target}) | {len(undated)} |{' |' if by_month else ''}")
    return [*lines, ""]


def home_page(sources: list[Source], entries: list[Event], undated: list[Undated], layout: Layout) -> str:
    expressions = sum(len(source.marks) for source in sources)
    unresolved = sum(is_unresolved(mark.timex) for source in sources for mark in source.marks)
    lines = [
        *_front_matter(), "# Timeline of the news", "",
        "Every date on this site was found in an article and resolved against the article's "
        "publication date" + (", or in a narrative article against the date the story had reached"
                              if any(source.article.genre == "narrative" for source in sources) else "")
        + ". Each event quotes its source sentence, links to the place it came from, "
        "and says how its date was determined.", "",
        f"- **Articles:** {len(sources)}",
        f"- **Temporal expressions found:** {expressions}",
        f"- **Entries on the timeline:** {len(entries)}",
        f"- **Entries reported by more than one article:** {sum(bool(entry.also) for entry in entries)}",
        f"- **Entries dated differently by another report:** {sum(bool(entry.conflicts) for entry in entries)}",
        f"- **Unresolved expressions:** {unresolved}",
    ]
    if entries:
        first = min(entries, key=Event.sort_key)
        last = max(entries, key=lambda e: (e.end, e.start))
        lines.append(f"- **Dates covered:** {markup.text(first.label)} to {markup.text(timex.describe(last.end.isoformat()))}")
    lines += ["", "[Read the timeline](timeline.md) · [Sources](sources/index.md) · "
                  f"[Filter by place and source]({FILTER_PAGE}) · [Unresolved](unresolved.md) · "
                  f"[Build report]({REPORT_PAGE})", ""]
    if entries or undated:
        lines += _counts_by_year(entries, undated, layout)
    lines += ["## Download { #download }", "",
              "The whole timeline, rebuilt with the site, every entry with its quote, citation and how "
              "its date was determined:", ""]
    lines += [f"- [{name}]({name}): {what}" for name, what in EXPORTS.items()]
    return "\n".join(lines) + "\n"


def site_pages(sources: list[Source], entries: list[Event], undated: list[Undated], layout: Layout,
               problems: list[Problem], tally: Tally, stores: PageStores | None = None) -> dict[str, str]:
    """Every generated page, by its path under the docs folder; entries are the merged timeline,
    undated the entries whose date was not resolved; stores keep the articles' pages and the
    entries between builds."""
    entry = EntryTexts([*entries, *undated], layout, stores.entries if stores else None)
    written = {
        "index.md": home_page(sources, entries, undated, layout),
        TIMELINE_PAGE: timeline_page(entries, undated, layout, entry),
        "unresolved.md": unresolved_page(sources),
        REPORT_PAGE: report_page(tally, problems, {source.article.path: source.page for source in sources}),
        FILTER_PAGE: filter_page(),
        "sources/index.md": sources_index(sources),
        **year_pages(entries, layout, entry),
        **decade_pages(entries, layout, entry),
        **place_pages(entries, undated, layout),
    }
    if layout.undated_page != TIMELINE_PAGE:
        written.update(undated_pages(undated, layout, entry))
    written.update(source_pages(sources, layout, stores.sources if stores else None))
    return written
