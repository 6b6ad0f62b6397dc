"""Exports written beside the pages, so every build of the site carries its data: JSON with full
provenance, TimelineJS JSON, CSV and iCalendar. Nothing in them depends on when they are built."""

from __future__ import annotations

import csv
import html
import io
import json
import os
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from importlib import import_module
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from . import timex
from .events import Event, Undated
from .layout import Layout, article_page, html_path, sentence_id
from .keys import entry_key
from .places import places_in
from .store import Store, kept_in

if TYPE_CHECKING:
    from icalendar import Event as CalendarEvent

SITE_NAME = "News timeline"
SCHEMA = "news-timeline/1"
EXPORTS_DATABASE = "exports.sqlite3"
DATED_PARTS = ("json", "csv", "timelinejs", "icalendar")
UNDATED_PARTS = ("json", "csv")
ICALENDAR_VERSION = version("icalendar")  # its output is part of what is kept
_CALENDAR_END = b"END:VCALENDAR\r\n"
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


_encode = json.JSONEncoder(ensure_ascii=False).encode


def _json_bytes(document: dict, items: dict[str, list[bytes]]) -> bytes:
    """The document as JSON, with the lists in items (each item already JSON) after its members,
    each item on a line of its own, so that a change to one entry is a change to one line."""
    members = [f"{_encode(name)}: {_encode(value)}".encode("utf-8") for name, value in document.items()]
    members += [f"{_encode(name)}: [\n  ".encode("utf-8") + b",\n  ".join(encoded) + b"\n ]" if encoded
                else f"{_encode(name)}: []".encode("utf-8") for name, encoded in items.items()]
    return b"{\n " + b",\n ".join(members) + b"\n}\n"


def timeline_json(events: list[bytes], undated: list[bytes]) -> bytes:
    """From each entry's record as JSON."""
    return _json_bytes({"schema": SCHEMA, "title": SITE_NAME}, {"events": events, "undated": undated})


def _tjs_date(day: date, precision: str) -> dict:
    """A TimelineJS date with no more parts than the precision holds: a month has no day."""
    if precision in ("year", "decade", "century"):
        return {"year": day.year}
    if precision in ("month", "season", "quarter", "half"):
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _slide(event: Event, record: dict) -> dict:
    """An entry as a TimelineJS slide. TimelineJS reads text as HTML: everything from an article is
    escaped."""
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
    return slide


def timelinejs_json(slides: list[bytes]) -> bytes:
    """From each dated entry's slide as JSON."""
    title = {"text": {"headline": SITE_NAME, "text": "Dated, cited events from news articles."}}
    return _json_bytes({"title": title}, {"events": slides})


def _cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading = + - @ would start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_SPREADSHEET_FORMULA_START) else text


def _csv_line(cells) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


def _csv_row(item: Event | Undated, record: dict) -> str:
    """An entry as a line of the CSV file."""
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
    return _csv_line([_cell(row[column]) for column in CSV_COLUMNS])


def timeline_csv(rows: list[bytes]) -> bytes:
    """From each entry's line."""
    return _csv_line(CSV_COLUMNS).encode("utf-8") + b"".join(rows)


def _cited(source: dict) -> str:
    return f"{source['outlet'] or 'Unknown outlet'} · “{source['title']}”"


def _summary(label: str, quote: str, limit: int = 90) -> str:
    short = quote if len(quote) <= limit else quote[:limit].rsplit(" ", 1)[0] + "…"
    return f"{label}: {short}"


@lru_cache(maxsize=1)
def _icalendar():
    """The icalendar package, imported when an entry's iCalendar event is first made: a rebuild
    takes the others from its cache, and importing it takes a fifth of a second."""
    return import_module("icalendar")


def _calendar_event(event: Event, record: dict) -> CalendarEvent:
    stamp_day = event.article.published or event.start
    entry = _icalendar().Event()
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


def timeline_ics(texts: list[bytes]) -> bytes:
    """From each dated entry's event as iCalendar text.

    Each is an all-day event over the whole period its date names (a month-precise event spans
    the month). DTSTAMP is midnight UTC of the article's publication date (else of the event's
    first day), so the file is the same on every build; UIDs come from the entries' permalink ids.
    """
    calendar = _icalendar().Calendar()
    calendar.add("prodid", f"-//{SITE_NAME}//timeline.ics//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", SITE_NAME)
    head = calendar.to_ical().removesuffix(_CALENDAR_END)  # the events go before its end
    return head + b"".join(texts) + _CALENDAR_END


def _parts(item: Event | Undated, record: dict) -> dict[str, bytes]:
    """An entry's part of each export, in UTF-8: its JSON record and CSV row, and when dated its
    TimelineJS slide and iCalendar event."""
    parts = {"json": _encode(record).encode("utf-8"), "csv": _csv_row(item, record).encode("utf-8")}
    if isinstance(item, Event):
        parts["timelinejs"] = _encode(_slide(item, record)).encode("utf-8")
        parts["icalendar"] = _calendar_event(item, record).to_ical()
    return parts


def _packed(parts: dict[str, bytes]) -> bytes:
    """An entry's parts as one value to keep: their lengths on the first line, then each in turn."""
    return " ".join(str(len(part)) for part in parts.values()).encode("ascii") + b"\n" + b"".join(parts.values())


def _unpacked(packed: bytes, kinds: tuple[str, ...]) -> dict[str, bytes]:
    lengths, _, joined = packed.partition(b"\n")
    parts, start = {}, 0
    for kind, length in zip(kinds, map(int, lengths.split()), strict=True):
        parts[kind] = joined[start : start + length]
        start += length
    return parts


def _all_parts(items: list[Event | Undated], layout: Layout, store: Store | None) -> list[dict[str, bytes]]:
    """Each item's parts of the exports; with a store, an item whose parts it holds, under a hash
    of what the item is made from, is taken from it. Each record is made only for an item whose
    parts are made, and let go once they are."""
    if store is None:
        return [_parts(item, _record(item, layout)) for item in items]
    site_url = os.environ.get("SITE_URL")
    keys = [entry_key(item, layout, site_url, ICALENDAR_VERSION) for item in items]
    kept = store.get_many_bytes(keys)
    all_parts, fresh = [], {}
    for item, key in zip(items, keys):
        if key in kept:
            parts = _unpacked(kept[key], DATED_PARTS if isinstance(item, Event) else UNDATED_PARTS)
        else:
            parts = _parts(item, _record(item, layout))
            fresh[key] = _packed(parts)
        all_parts.append(parts)
    store.put_many(fresh)
    return all_parts


def export_files(entries: list[Event], undated: list[Undated], layout: Layout,
                 cache: Path | None = None) -> dict[str, bytes]:
    """Every export, by its file name in the docs folder, from the timeline entries and the
    entries whose date was not resolved, as the pages show them; cache is the folder keeping each
    entry's part of every export between builds, so only changed entries' parts are made again
    (None: none kept)."""
    with kept_in(cache, EXPORTS_DATABASE) as store:
        parts = _all_parts([*entries, *undated], layout, store)
    dated, rest = parts[:len(entries)], parts[len(entries):]
    return {
        "timeline.json": timeline_json([p["json"] for p in dated], [p["json"] for p in rest]),
        "timelinejs.json": timelinejs_json([p["timelinejs"] for p in dated]),
        "timeline.csv": timeline_csv([p["csv"] for p in parts]),
        "timeline.ics": timeline_ics([p["icalendar"] for p in dated]),
    }
