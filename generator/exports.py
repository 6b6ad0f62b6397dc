"""Exports written beside the pages, so every build of the site carries its data: JSON with full
provenance, TimelineJS JSON, CSV and iCalendar. Nothing in them depends on when they are built."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
from datetime import date, datetime, time, timedelta, timezone
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urljoin

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from . import timex
from .events import Event, Undated
from .layout import Layout, article_page, html_path, sentence_id
from .places import places_in
from .store import Store
from .tag_cache import generator_fingerprint

SITE_NAME = "News timeline"
SCHEMA = "news-timeline/1"
CALENDAR_DATABASE = "calendar.sqlite3"
ICALENDAR_VERSION = version("icalendar")
_CALENDAR_END = "END:VCALENDAR\r\n"
EXPORTS = {
    "timeline.json": "every entry with its quote, citation, expressions and how its date was determined",
    "timelinejs.json": "the dated entries for TimelineJS",
    "timeline.csv": "one row per entry, for spreadsheets",
    "timeline.ics": "iCalendar: each dated entry an all-day event spanning the whole period its date names",
}
CSV_COLUMNS = ("id", "start", "end", "precision", "date", "approximate", "values", "expressions", "quote",
               "places", "outlet", "title", "published", "source_file", "source_line", "source_page",
               "original_url", "entry", "also_reported_by", "dated_differently_by")
_SPREADSHEET_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _address(path: str, anchor: str) -> str:
    """A site address: absolute when SITE_URL is set (as for mkdocs.yml's site_url), else relative."""
    relative = f"{html_path(path)}#{anchor}"
    site_url = os.environ.get("SITE_URL")
    return urljoin(site_url.rstrip("/") + "/", relative) if site_url else relative


def _quote(item: Event | Undated) -> str:
    return " ".join(item.article.body[item.sentence[0] : item.sentence[1]].split())


def _report(item: Event | Undated) -> dict:
    """What one article says and where it says it, and how the date was read from it."""
    article = item.article
    record = {"quote": _quote(item)}
    record["places"] = [place.name for place in places_in(record["quote"])]
    record["expressions"] = [
        {"text": m.timex.text, "type": m.timex.type, "value": m.timex.value, "mod": m.timex.mod,
         "rule": m.timex.rule, "reason": m.timex.reason, "anchor": m.timex.anchor,
         "start": m.timex.start, "end": m.timex.end}
        for m in item.marks
    ]
    record["provenance"] = list(item.provenance)
    record["source"] = {
        "outlet": article.source, "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url, "file": article.name, "line": article.line_of(item.sentence[0]),
        "sentence": {"start": item.sentence[0], "end": item.sentence[1]},
        "page": _address(article_page(article), sentence_id(article, item.sentence)),
    }
    return record


def _record(item: Event | Undated, layout: Layout) -> dict:
    """An entry as data: when, what its first report says and where, how it was dated, the other
    reports of it, and the entries that date what looks like the same event differently."""
    undated = isinstance(item, Undated)
    record = {"id": item.id}
    if undated:
        record["date"] = {"resolved": False, "label": item.label}
    else:
        record["date"] = {"resolved": True, "start": item.start.isoformat(), "end": item.end.isoformat(),
                          "precision": item.precision, "label": item.label, "approximate": item.approximate}
    record.update(_report(item))
    record["entry"] = _address(layout.page_of(item), item.id)
    if not undated:
        record["also_reported"] = [{"id": other.id, "date_label": other.label, **_report(other)} for other in item.also]
        record["conflicts"] = [{"id": other.id, "date_label": other.label,
                                "entry": _address(layout.page_of(other), other.id)} for other in item.conflicts]
    return record


class Records:
    """Each entry's record, made once and shared by every export."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self._made: dict[int, dict] = {}

    def __call__(self, item: Event | Undated) -> dict:
        made = self._made.get(id(item))
        if made is None:
            made = self._made[id(item)] = _record(item, self.layout)
        return made


def _json_bytes(document: dict) -> bytes:
    """The document as JSON with each item of its lists on a line of its own, so that a change to
    one entry is a change to one line."""
    encode = json.JSONEncoder(ensure_ascii=False).encode
    members = []
    for key, value in document.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(encode(item) for item in value)
            members.append(f"{encode(key)}: [\n  {items}\n ]")
        else:
            members.append(f"{encode(key)}: {encode(value)}")
    return ("{\n " + ",\n ".join(members) + "\n}\n").encode("utf-8")


def timeline_json(events: list[Event], undated: list[Undated], record: Records) -> bytes:
    document = {
        "schema": SCHEMA,
        "title": SITE_NAME,
        "events": [record(event) for event in events],
        "undated": [record(item) for item in undated],
    }
    return _json_bytes(document)


def _tjs_date(day: date, precision: str) -> dict:
    """A TimelineJS date with no more parts than the precision holds: a month has no day."""
    if precision in ("year", "decade", "century"):
        return {"year": day.year}
    if precision in ("month", "season", "quarter", "half"):
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def timelinejs_json(events: list[Event], records: Records) -> bytes:
    """TimelineJS reads text as HTML: everything from an article is escaped."""
    slides = []
    for event in events:
        record = records(event)
        source = record["source"]
        text = "".join(
            f"<blockquote>{html.escape(report['quote'])}</blockquote>"
            f"<p><a href=\"{html.escape(report['source']['page'])}\">{html.escape(_cited(report['source']))}</a>, "
            f"published {html.escape(report['source']['published'] or 'date unknown')}</p>"
            for report in [record, *record["also_reported"]]
        )
        slide = {"unique_id": event.id, "start_date": _tjs_date(event.start, event.precision),
                 "display_date": event.label,
                 "text": {"headline": html.escape(event.label), "text": text},
                 "group": source["outlet"] or "Unknown outlet"}
        if event.end != event.start:
            slide["end_date"] = _tjs_date(event.end, event.precision)
        slides.append(slide)
    document = {"title": {"text": {"headline": SITE_NAME,
                                   "text": "Dated, cited events from news articles."}},
                "events": slides}
    return _json_bytes(document)


def _cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading = + - @ would start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_SPREADSHEET_FORMULA_START) else text


def timeline_csv(events: list[Event], undated: list[Undated], records: Records) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in [*events, *undated]:
        record = records(item)
        when, source = record["date"], record["source"]
        row = {
            "id": item.id, "start": when.get("start"), "end": when.get("end"),
            "precision": when.get("precision", "unresolved"), "date": when["label"],
            "approximate": "yes" if when.get("approximate") else "no",
            "values": " ".join(e["value"] for e in record["expressions"]),
            "expressions": " | ".join(e["text"] for e in record["expressions"]),
            "quote": record["quote"], "places": "; ".join(record["places"]),
            "outlet": source["outlet"], "title": source["title"], "published": source["published"],
            "source_file": source["file"], "source_line": source["line"], "source_page": source["page"],
            "original_url": source["url"], "entry": record["entry"],
            "also_reported_by": " | ".join(_cited(other["source"]) for other in record.get("also_reported", ())),
            "dated_differently_by": " | ".join(f"{other['date_label']} ({other['id']})"
                                               for other in record.get("conflicts", ())),
        }
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


def _cited(source: dict) -> str:
    return f"{source['outlet'] or 'Unknown outlet'} · “{source['title']}”"


def _summary(label: str, quote: str, limit: int = 90) -> str:
    short = quote if len(quote) <= limit else quote[:limit].rsplit(" ", 1)[0] + "…"
    return f"{label}: {short}"


def _calendar_event(event: Event, record: dict) -> CalendarEvent:
    stamp_day = event.article.published or event.start
    entry = CalendarEvent()
    entry.add("uid", f"{event.id}@news-timeline")
    entry.add("dtstamp", datetime.combine(stamp_day, time(0, 0), tzinfo=timezone.utc))
    entry.add("dtstart", event.start)
    entry.add("dtend", event.end + timedelta(days=1))
    entry.add("summary", _summary(event.label, record["quote"]))
    description = []
    for report in [record, *record["also_reported"]]:
        published = report["source"]["published"]
        description += [f"“{report['quote']}”", f"{_cited(report['source'])}, published "
                                                 f"{timex.describe(published) if published else 'date unknown'}."]
    description += [
        f"Date: {event.label}" + (" (approximate)" if event.approximate else "") + f", {event.precision} precision.",
        *record["provenance"],
    ]
    description += [f"Dated differently by another report: {other['date_label']}." for other in record["conflicts"]]
    entry.add("description", "\n".join(description))
    if record["places"]:
        entry.add("location", ", ".join(record["places"]))
    if record["entry"].startswith(("http://", "https://")):
        entry.add("url", record["entry"])
    entry.add("transp", "TRANSPARENT")
    return entry


def _event_text(event: Event, record: dict) -> str:
    return _calendar_event(event, record).to_ical().decode("utf-8")


def _calendar_key(event: Event, record: dict) -> str:
    """A hash of everything an entry's calendar event is made from, and of what makes it."""
    made_of = [event.id, event.article.published, event.start, event.end, event.label, event.approximate,
               event.precision, record]
    return hashlib.sha256(f"{generator_fingerprint()}\0icalendar {ICALENDAR_VERSION}\0".encode()
                          + json.dumps(made_of, default=str, sort_keys=True).encode()).hexdigest()


def timeline_ics(events: list[Event], records: Records, store: Store | None = None) -> bytes:
    """All-day events over the whole period each date names (a month-precise event spans the month).

    DTSTAMP is midnight UTC of the article's publication date (else of the event's first day), so
    the file is the same on every build; UIDs come from the entries' permalink ids. With a store,
    each event's text is kept there between builds and only the events of changed entries are
    written again; the store keeps nothing else.
    """
    if store is None:
        texts = [_event_text(event, records(event)) for event in events]
    else:
        keys = [_calendar_key(event, records(event)) for event in events]
        kept = store.get_many(keys)
        fresh = {key: _event_text(event, records(event)) for event, key in zip(events, keys) if key not in kept}
        texts = [kept.get(key) or fresh[key] for key in keys]
        store.put_many(fresh)
        store.keep_only(keys)
    calendar = Calendar()
    calendar.add("prodid", f"-//{SITE_NAME}//timeline.ics//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", SITE_NAME)
    head = calendar.to_ical().decode("utf-8").removesuffix(_CALENDAR_END)  # the events go before its end
    return f"{head}{''.join(texts)}{_CALENDAR_END}".encode("utf-8")


def export_files(sources, entries: list[Event], cache: Path | None = None) -> dict[str, bytes]:
    """Every export, by its file name in the docs folder, from the sources and the merged
    timeline entries the pages were made of; cache is the folder keeping each entry's calendar
    event between builds (None: none kept)."""
    undated = sorted((item for source in sources for item in source.undated), key=Undated.sort_key)
    records = Records(Layout(entries, undated))
    store = Store(cache / CALENDAR_DATABASE) if cache else None
    try:
        calendar = timeline_ics(entries, records, store)
    finally:
        if store:
            store.close()
    return {
        "timeline.json": timeline_json(entries, undated, records),
        "timelinejs.json": timelinejs_json(entries, records),
        "timeline.csv": timeline_csv(entries, undated, records).encode("utf-8"),
        "timeline.ics": calendar,
    }
