"""The site's Markdown pages: home, timeline, one page per source, and what could not be resolved.

Everything taken from an article goes through markup.text, so it renders as text only.
"""

from __future__ import annotations

import calendar
import html
import json
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlsplit

from . import markup, timex
from .articles import Article, Problem
from .events import COARSE_FIRST, Event, Mark, label

MONTH_OR_FINER = COARSE_FIRST.index("month")


@dataclass
class Source:
    """An article with what the tagger found in it."""

    article: Article
    marks: list[Mark]
    events: list[Event]

    @property
    def page(self) -> str:
        return f"sources/{self.article.slug}.md"


def _published(article: Article) -> str:
    return timex.describe(article.published.isoformat()) if article.published else "publication date unknown"


def _outlet(article: Article) -> str:
    return article.source or "Unknown outlet"


def safe_url(url: str | None) -> str | None:
    """The URL if it is a plain web address; nothing else may become a link."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in url for c in " <>\"'()\n"):
        return None
    return url.strip()


def _highlighted(body: str, start: int, end: int, marks: list[Mark], link) -> str:
    """body[start:end] as escaped Markdown, each mark inside it made a link by link(mark)."""
    pieces, position = [], start
    for mark in marks:
        if mark.timex.start < start or mark.timex.end > end:
            continue
        pieces.append(markup.text(body[position : mark.timex.start]))
        pieces.append(link(mark))
        position = mark.timex.end
    pieces.append(markup.text(body[position:end]))
    return "".join(pieces)


def _hover(mark: Mark) -> str:
    found = mark.timex
    return markup.text(f"{found.type} {found.value} · {label(found.value, found.mod, found.type)}")


# ---- Timeline --------------------------------------------------------------------------------

def _when(event: Event) -> str:
    """What leads an entry: its day for day-precise events, else the whole period."""
    if event.precision in ("day", "time"):
        lead = f"{event.start.day} {calendar.month_name[event.start.month]}"
        return f'<span class="tl-day">{lead}</span> {markup.text(event.label)}'
    return f'<span class="tl-day">{markup.text(event.label)}</span>'


def _entry(event: Event, sources_prefix: str) -> str:
    article = event.article
    source_page = f"{sources_prefix}{article.slug}.md"
    quote = _highlighted(
        article.body, *event.sentence, event.marks,
        lambda mark: f'<mark class="timex">{markup.text(mark.timex.text)}</mark>',
    )
    first = event.marks[0]
    classes = "tl-entry" + (" tl-approximate" if event.approximate else "") + (" tl-range" if event.is_range else "")
    citation = (
        f"[{markup.text(_outlet(article))} · “{markup.text(article.title)}”]({source_page}#{first.id}), "
        f"published {markup.text(_published(article))}"
    )
    how = "\n".join(f"    {markup.text(line)}\n" for line in event.provenance)
    approximate = ' <span class="tl-badge">approximate</span>' if event.approximate else ""
    return (
        f'<div class="{classes}" id="{event.id}" markdown>\n\n'
        f"{_when(event)}{approximate}\n\n"
        f"> {quote}\n\n"
        f'<span class="tl-cite">{citation}</span>\n\n'
        f'??? info "How this date was determined"\n{how}\n'
        f"</div>\n"
    )


def timeline_page(events: list[Event]) -> str:
    lines = ["# Timeline", ""]
    if not events:
        lines.append("No dated events were found in the articles.")
    ordered = sorted(events, key=Event.sort_key)
    for year, in_year in groupby(ordered, key=lambda e: e.start.year):
        in_year = list(in_year)
        lines += [f"## {year}", ""]
        coarse = [e for e in in_year if COARSE_FIRST.index(e.precision) < MONTH_OR_FINER]
        lines += [_entry(e, "sources/") for e in coarse]
        fine = [e for e in in_year if COARSE_FIRST.index(e.precision) >= MONTH_OR_FINER]
        for month, in_month in groupby(fine, key=lambda e: e.start.month):
            lines += [f"### {calendar.month_name[month]} {year}", ""]
            lines += [_entry(e, "sources/") for e in in_month]
    return "\n".join(lines) + "\n"


# ---- Source pages ----------------------------------------------------------------------------

def _source_mark_link(mark: Mark, event_of: dict[str, Event]) -> str:
    event = event_of.get(mark.id)
    target = f"../timeline.md#{event.id}" if event else f"#{mark.id}"
    return f'[{markup.text(mark.timex.text)}]({target}){{ #{mark.id} .timex title="{_hover(mark)}" }}'


def _expression_rows(source: Source, event_of: dict[str, Event]) -> list[str]:
    rows = ["| # | Expression | Type | Value | Meaning | Timeline |", "|---|---|---|---|---|---|"]
    for mark in source.marks:
        found = mark.timex
        event = event_of.get(mark.id)
        entry = f"[entry](../timeline.md#{event.id})" if event else "not a date"
        meaning = markup.text(f"{label(found.value, found.mod, found.type)}: {found.reason}")
        rows.append(
            f"| [{mark.id}](#{mark.id}) | {markup.text(found.text)} | {found.type} | `{markup.text(found.value)}` "
            f"| {meaning} | {entry} |"
        )
    return rows


def _title_front_matter(title: str) -> list[str]:
    """MkDocs puts a page's title into navigation and <title> unescaped: give it an escaped one."""
    return ["---", f"title: {json.dumps(html.escape(title))}", "---", ""]


def source_page(source: Source) -> str:
    article = source.article
    event_of = {mark.id: event for event in source.events for mark in event.marks}
    meta = [f"**Outlet:** {markup.text(_outlet(article))}", f"**Published:** {markup.text(_published(article))}"]
    if article.author:
        meta.append(f"**By:** {markup.text(article.author)}")
    url = safe_url(article.url)
    if url:
        meta.append(f"[Original article]({url})")
    lines = [*_title_front_matter(article.title), f"# {markup.text(article.title)}", "", " · ".join(meta), ""]
    residue = []
    for block in article.blocks:
        if block.kind == "residue":
            residue.append(block)
            continue
        text = _highlighted(article.body, block.text_start, block.text_end, source.marks,
                            lambda mark: _source_mark_link(mark, event_of))
        lines += [f"## {text}" if block.kind == "crosshead" else text, ""]
    notes = [f"“{article.body[b.start:b.end]}” (line {article.line_of(b.start)}): page residue, not part of the story."
             for b in residue]
    notes += [str(problem) for problem in article.problems]
    if notes:
        lines += ['!!! note "Notes on this article"', ""]
        lines += [f"    - {markup.text(note)}" for note in notes]
        lines.append("")
    lines += ["## Temporal expressions", ""]
    lines += _expression_rows(source, event_of) if source.marks else ["None found."]
    return "\n".join(lines) + "\n"


def sources_index(sources: list[Source]) -> str:
    lines = ["# Sources", "", "| Outlet | Title | Published | Events |", "|---|---|---|---|"]
    for source in sources:
        article = source.article
        lines.append(
            f"| {markup.text(_outlet(article))} | [{markup.text(article.title)}]({article.slug}.md) "
            f"| {markup.text(_published(article))} | {len(source.events)} |"
        )
    return "\n".join(lines) + "\n"


# ---- Unresolved and home ---------------------------------------------------------------------

def is_unresolved(mark: Mark) -> bool:
    return mark.timex.type in ("DATE", "TIME") and "X" in timex.split_time(mark.timex.value)[0]


def unresolved_page(sources: list[Source], problems: list[Problem]) -> str:
    lines = ["# Unresolved", "",
             "Expressions that name a date the articles do not pin down, and problems met while reading them.", ""]
    found_any = False
    for source in sources:
        unresolved = [mark for mark in source.marks if is_unresolved(mark)]
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
    lines += ["## Build problems", ""]
    lines += [f"- {markup.text(str(problem))}" for problem in problems] or ["None."]
    return "\n".join(lines) + "\n"


def home_page(sources: list[Source], events: list[Event]) -> str:
    expressions = sum(len(source.marks) for source in sources)
    unresolved = sum(is_unresolved(mark) for source in sources for mark in source.marks)
    lines = [
        "# Timeline of the news", "",
        "Every date on this site was found in a news article and resolved against the article's "
        "publication date. Each event quotes its source sentence, links to the place it came from, "
        "and says how its date was determined.", "",
        f"- **Articles:** {len(sources)}",
        f"- **Temporal expressions found:** {expressions}",
        f"- **Events on the timeline:** {len(events)}",
        f"- **Unresolved expressions:** {unresolved}",
    ]
    if events:
        first = min(events, key=Event.sort_key)
        last = max(events, key=lambda e: (e.end, e.start))
        lines.append(f"- **Dates covered:** {markup.text(first.label)} to {markup.text(timex.describe(last.end.isoformat()))}")
    lines += ["", "[Read the timeline](timeline.md) · [Sources](sources/index.md) · [Unresolved](unresolved.md)", ""]
    return "\n".join(lines) + "\n"
