"""Events: the dated sentences of an article, each placed in time by its expressions."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date

from . import timex
from .articles import Article
from .tagger import GMT_BEFORE_ITS_DATE, Timex

PLACING_TYPES = ("DATE", "TIME")
COARSE_FIRST = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "weekend", "range", "day", "time")
# The early, middle or late part of a period named with "the": "the early 1990s", "early in the
# week of 2–8 November 1998"; any other period with MOD_WORDS: "early 1998", "mid-November 1998".
PART_OF_DECADE = {"START": "the early {}", "MID": "the mid-{}", "END": "the late {}"}
PART_OF_PERIOD = {"START": "early in {}", "MID": "in the middle of {}", "END": "late in {}"}
MOD_WORDS = {"START": "early {}", "MID": "mid-{}", "END": "late {}", "APPROX": "about {}",
             "BEFORE": "before {}", "AFTER": "after {}", "ON_OR_BEFORE": "on or before {}",
             "ON_OR_AFTER": "on or after {}", "LESS_THAN": "less than {}", "MORE_THAN": "more than {}",
             "EQUAL_OR_LESS": "at most {}", "EQUAL_OR_MORE": "at least {}"}
_SINCE = re.compile(r"\b(?:ever\s+)?since\s+$", re.IGNORECASE)
# "earlier this year", "so far this year", "later this month": the part of the period before or
# after the publication date
_EARLIER_OR_LATER = re.compile(r"earlier|(?P<later>later)", re.IGNORECASE)
_SO_FAR = re.compile(r"\bso\s+far\s+(?:in\s+)?$", re.IGNORECASE)
# A dateline, "BRUSSELS, February 10 (Xinhua) --": a place in capitals, the date, a credit; on a
# line of its own, or opening the first sentence before a dash ("LONDON, Jan 5 (Reuters) - Shares
# fell", "Jan 5 (Reuters) - Oil rose").
_DATELINE_BEFORE = re.compile(r"\s*[A-Z][A-Z .'’-]*(?:,\s*[A-Z][\w .'’-]*)?,\s*")
# (No two runs of spaces side by side in these: each space is tried once.)
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:(?:--|—|–|_)\s*)?")
_DATELINE_OPENING = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:--|—|–|-|_)\s+\S")
_CREDIT_OPENING = re.compile(r"\s*\([^()]{1,30}\)\s*(?:--|—|–|-|_)\s+\S")


@dataclass(frozen=True)
class Mark:
    """A tagged expression of an article, with the id it has on the article's page."""

    id: str
    timex: Timex


@dataclass
class Event:
    id: str
    article: Article
    start: date
    end: date
    precision: str
    label: str
    sentence: tuple[int, int]
    marks: list[Mark] = field(default_factory=list)
    provenance: list[str] = field(default_factory=list)
    approximate: bool = False
    also: tuple[Event, ...] = ()  # reports of the same event by other articles
    conflicts: tuple[Event, ...] = ()  # entries that look like this event, on another date

    @property
    def is_range(self) -> bool:
        return self.precision == "range"

    def sort_key(self) -> tuple:
        return (self.start, COARSE_FIRST.index(self.precision), self.article.slug, self.sentence[0])


@dataclass
class Undated:
    """A sentence that reports something on a date the article does not let us pin down."""

    id: str
    article: Article
    sentence: tuple[int, int]
    label: str
    marks: list[Mark] = field(default_factory=list)
    provenance: list[str] = field(default_factory=list)

    def sort_key(self) -> tuple:
        return (self.article.slug, self.sentence[0])


def marks_of(timexes: list[Timex]) -> list[Mark]:
    return [Mark(f"t{number}", found) for number, found in enumerate(timexes, start=1)]


def label(value: str, mod: str | None, kind: str = "DATE") -> str:
    """A value in words, with its mod: 'early 2022', 'Wed 15 January 2020, around midnight'."""
    date_part, time_part = timex.split_time(value)
    if kind == "TIME" and time_part and mod == "APPROX":
        return f"{timex.describe(date_part)}, around {timex.time_words(time_part)}"
    words = timex.describe(value, kind)
    if mod in PART_OF_PERIOD and words.startswith("the "):
        period = timex.precision(date_part.removeprefix("BC"))
        if period in ("decade", "century"):
            return PART_OF_DECADE[mod].format(words.removeprefix("the "))
        if period:
            return PART_OF_PERIOD[mod].format(words)
    return MOD_WORDS[mod].format(words) if mod in MOD_WORDS else words


def _day(day: date) -> str:
    return timex.describe(day.isoformat())


def _event_id(article: Article, sentence_number: int, value: str) -> str:
    digest = hashlib.sha1(f"{article.slug}|{sentence_number}|{value}".encode()).hexdigest()
    return "ev-" + digest[:10]


def _explain(found: Timex) -> str:
    return f"“{found.text}” → {label(found.value, found.mod, found.type)}: {found.reason}. Rule: {found.rule}."


def events_of(article: Article, marks: list[Mark]) -> list[Event]:
    """One event per sentence and period: expressions of the same sentence that name the same
    period make one event, the finest of them giving its date."""
    sentence_numbers = {}
    grouped: dict[tuple, Event] = {}
    previous = None  # the key and expression of the last event
    for mark in marks:
        found = mark.timex
        span = timex.interval(found.value) if found.type in PLACING_TYPES else None
        if span is None or is_dateline(article.body, found):
            continue
        if previous and _in_gmt_after(article.body, previous[1], found):
            grouped[previous[0]].marks.append(mark)  # the date in GMT of the local time before it
            grouped[previous[0]].provenance.append(f"{_explain(found)} It is the date of the same moment in GMT.")
            continue
        sentence_number = sentence_numbers.setdefault(found.sentence, len(sentence_numbers))
        start, end = span
        precision = timex.precision(found.value)
        text = label(found.value, found.mod, found.type)
        provenance = [_explain(found)]
        before = article.body[found.sentence[0] : found.start]
        since = _SINCE.search(before)
        part = _SO_FAR.search(before) or _EARLIER_OR_LATER.match(found.text)
        if since and article.published and start <= article.published:
            end, precision = article.published, "range"
            text = f"{_day(start) if start == span[1] else text} – {_day(end)}"
            provenance.append(f"“since” makes it a range up to the publication date, {_day(end)}.")
        elif part and article.published and start <= article.published <= end:
            if part.groupdict().get("later"):
                start, side = article.published, "after"
            else:
                end, side = article.published, "before"
            precision, text = "range", f"{_day(start)} – {_day(end)}"
            words = " ".join(part[0].split())
            provenance = [_explain(replace(found, mod=None)),
                          f"“{words}” makes it the part of {timex.describe(found.value)} {side} the publication "
                          f"date, {_day(article.published)}."]
        key = (found.sentence, start, end)
        previous = key, found
        event = grouped.get(key)
        if event is None:
            grouped[key] = Event(
                id=_event_id(article, sentence_number, f"{start}/{end}"),
                article=article, start=start, end=end, precision=precision, label=text,
                sentence=found.sentence, marks=[mark], provenance=provenance,
                approximate=found.mod == "APPROX",
            )
            continue
        event.marks.append(mark)
        event.provenance.extend(provenance)
        if COARSE_FIRST.index(precision) > COARSE_FIRST.index(event.precision):
            event.precision, event.label = precision, text
            event.approximate = event.approximate or found.mod == "APPROX"
    return sorted(grouped.values(), key=Event.sort_key)


def _in_gmt_after(body: str, time: Timex, found: Timex) -> bool:
    """Whether found is the date in GMT of the local time just before it: "3:42 a.m. local time
    (1842 GMT Tuesday)"."""
    if time.type != "TIME" or time.sentence != found.sentence:
        return False
    in_gmt = GMT_BEFORE_ITS_DATE.match(body, time.end)
    return bool(in_gmt and in_gmt.end() == found.start)


def is_dateline(body: str, found: Timex) -> bool:
    """Whether the expression dates a dateline, which repeats the publication date and reports
    nothing that happened."""
    start, end = found.sentence
    if _DATELINE_BEFORE.fullmatch(body, start, found.start):
        return bool(_DATELINE_AFTER.fullmatch(body, found.end, end) or _DATELINE_OPENING.match(body, found.end, end))
    return not body[start : found.start].strip() and bool(_CREDIT_OPENING.match(body, found.end, end))


def is_unresolved(found: Timex) -> bool:
    """A date or time whose value still has unknown digits: "Wednesday" with no publication date."""
    return found.type in PLACING_TYPES and "X" in timex.split_time(found.value)[0]


def undated_of(article: Article, marks: list[Mark]) -> list[Undated]:
    """One item per sentence holding a date expression that could not be resolved."""
    grouped: dict[tuple[int, int], Undated] = {}
    for mark in marks:
        found = mark.timex
        if not is_unresolved(found):
            continue
        item = grouped.get(found.sentence)
        if item is None:
            digest = hashlib.sha1(f"{article.slug}|{found.sentence[0]}|undated".encode()).hexdigest()
            item = grouped[found.sentence] = Undated(
                id="un-" + digest[:10], article=article, sentence=found.sentence,
                label=label(found.value, found.mod, found.type),
            )
        item.marks.append(mark)
        why = "the article has no publication date to resolve it against" if article.published is None else found.reason
        item.provenance.append(f"“{found.text}” → {label(found.value, found.mod, found.type)}: {why}. Rule: {found.rule}.")
    return list(grouped.values())
