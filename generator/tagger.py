"""Tagging: recognise every temporal expression in a text and resolve it, in text order."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable, NamedTuple

from . import sentences, timex, vocabulary
from .recognise import GENRES, PARAGRAPH_BREAK, Mention, recognise
from .resolve import (A_DAY_OR_A_TIME, A_MONTH_OR_DAY, A_WEEKDAY, PUBLICATION_DATE, Anchor, Anchors, Resolution,
                      resolve, without_weekday)
from .tense import (after_since, clause_around, ends_a_range, habit, in_a_reported_clause, reports, tells_of_a_plan,
                    tense)

# A period after the last date mentioned that a sentence about the future counts from the
# publication date instead: "Sales fell in 2019 ... will hire 500 over the next year".
_LONG_AHEAD = re.compile(r"REL:REF:(?:month|quarter|year|decade|century):\+")
# Values counted from the last date mentioned, and those counted ahead of it ("the next day").
_FROM_A_MENTIONED_DATE = re.compile(r"REL:(?:REF|MENTIONED):")
_COUNTED_AHEAD = re.compile(r"REL:REF:\w+:\+")
_A_MONTH = re.compile(r"XXXX-\d\d")
# what comes before a month a verb happens in: "will reopen in December"
_IN_THE_MONTH = re.compile(r"\b(?:in|during|until|till|through|by|from)\s+\Z", re.IGNORECASE)
# a future said in the past, which may have come by the time it is reported: "said it would be reviewed in May"
_FUTURE_IN_THE_PAST = re.compile(r"\b(?:would|(?:was|were)\s+(?:to|going\s+to|due\s+to))\b", re.IGNORECASE)
# The hours that the afternoon, the evening or the night puts after noon
_AFTER_NOON_IN = {"AF": range(1, 7), "EV": range(4, 12), "NI": range(6, 12)}
_TODAY = "REL:DCT:day:0"  # the day of a time of day said with none ("at 10 a.m.")
_THAT_DAY = "REL:REF:day:0"  # the day of the last date mentioned
# How many sentences after a day a time of day in the past tense said with none is on it
TIME_AFTER_A_DAY_SENTENCES = 1
_COUNTED_IN_HOURS = re.compile(r"REL:REF:(H|MIN)1:([+-]\d+(?:\.\d+)?)")  # "an hour later", "30 minutes earlier"
_A_CLOCK_TIME = re.compile(r"(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)")
# A year that sets the time of its sentence: said first ("In 2008, Lehman filed for bankruptcy on
# Sept. 15"), or followed by what happened then ("the worst since 2008, when Lehman filed ...")
_WHEN_AFTER = re.compile(r"\s*,\s*when\b", re.IGNORECASE)
_A_YEAR = re.compile(r"\d{4}")
# The dates that the period under way may hold, by its length
_FINER_DATES = {"year": ("day", "month", "quarter", "half"), "month": ("day",), "week": ("day",)}
_ANY_YEARS = re.compile(r"XXXX-(?:\d\d|SP|SU|FA|WI|WXX-\d)(?:-\d\d)?")  # a day, month or season of no year
_OF = re.compile(r"\s+of\s+(?=[\w\"“])", re.IGNORECASE)
_NEXT_WORD = re.compile(r"(?P<gap>[^\w\"“”']*)(?P<word>[\"“]?\w[\w'’-]*[\"”]?)")
_QUOTE_MARKS = re.compile(r"[\"“”]")
_OF_AT_MOST = 60  # characters of what a length of time is of, at most
_CLOCK_TIME = re.compile(r"\d\d:\d\d")
# What may stand between a date and a time of day after it: "Friday, at 9 a.m.", "on Saturday from 9am".
_DATE_THEN_TIME = re.compile(r"\s*(?:,\s*)?(?:at\s+|from\s+|between\s+)?")
# A local time's hour in GMT, with the date there: "3:42 a.m. (1842 GMT Tuesday)"
GMT_BEFORE_ITS_DATE = re.compile(r"\s*\(\s*(?P<hour>[01]\d|2[0-3]):?(?P<minute>[0-5]\d)\s*(?:GMT|UTC)\s*(?:on\s+)?")
_GMT_AFTER_ITS_DATE = re.compile(r"\s*\)")
UTC_OFFSETS_MINUTES = (-12 * 60, 14 * 60)  # the furthest any place's clock is from GMT
# What stands between a date and a day said of it: "on Monday, the day after the shooting",
# "on Monday 4 March".
_APPOSITION = re.compile(r"\s*(?:,|—|–|--|-)\s*|\s+")
_APPOSITION_OR_FOR = re.compile(r"\s*(?:,|—|–|--|-)\s*|\s+(?:for\s+(?:the\s+)?)?", re.IGNORECASE)
# What joins two days: "late Wednesday or early Thursday", "Monday to Friday"; and of those, a range.
_JOINED_WEEKDAYS = re.compile(rf"\s*,?(?:\s*(?:or|and)\s*|{vocabulary.RANGE_TO})", re.IGNORECASE)
_WEEKDAY_RANGE_TO = re.compile(vocabulary.RANGE_TO, re.IGNORECASE)
DIGRESSION_YEARS = 10
# What stands between the two ends of a range: "26 June - 4 August 1952", "from May 15 to August 16".
_RANGE_TO = re.compile(rf"{vocabulary.RANGE_TO}|\s*and\s*", re.IGNORECASE)
# A date that ends a span, a few words after "until" ("lasted until the fall of Budapest in February
# 1945"), looks ahead of the story, which goes on from where it was.
_SPAN_END = re.compile(r"\b(?:until|till)(?:\s+[\w'’-]+){0,6}\s+$", re.IGNORECASE)
# An earlier date in brackets, "(1790)", or naming a thing, "the August 1792 uprising", "the 1978
# Treaty of Friendship", looks back from the story, which goes on from where it was.
_BRACKETED = (re.compile(r"\(\s*$"), re.compile(r"^\s*\)"))
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NAMING = (_THE_BEFORE,
           re.compile(r"^\s+(?!(?:and|or|to|until|till|through|when|as|of|in|on|at|by|for|with|from|after|before)\b)"
                      r"(?:[a-z]{3,}|[A-Z][a-z]{2,})\b"))
_ENDED = re.compile(r"\s+(?:(?:that\s+)?(?:ended|ending)(?:\s+(?:in|on))?|to|through)\s+", re.IGNORECASE)
# A length of time counted from the date right after it: "three days before Christmas", and before
# what happened on a date, "two days before the vote on Sunday"
_WHAT_HAPPENED_ON = r"(?!(?:and|or|but|that|which)\s)(?-i:[a-z][\w-]*)\s+(?:(?-i:[a-z][\w-]*)\s+)?(?:on|in)\s+"
_COUNTED_FROM = re.compile(rf"\s+(?P<sign>before|after|prior\s+to)\s+(?:the\s+)?(?:{_WHAT_HAPPENED_ON})?",
                           re.IGNORECASE)
_A_LENGTH_BEFORE = re.compile(r"\b(?:for|within|over|during|lasted|lasting|last|spent|took|in)\s+\Z", re.IGNORECASE)
_LENGTH = re.compile(r"DUR:(?P<count>\d+(?:\.\d+)?):(?P<unit>[YMWD]\d+)")
_THE_DAY_BEFORE = re.compile(r"\bthe\s+(?:(?:(?P<unit>day|week|month|year)|(?P<weekday>"
                             + vocabulary.expand("{~WEEKDAY}") + r"))\s+(?P<sign>before|after)|(?P<eve>eve)\s+of)"
                             r"\s+(?:the\s+)?\Z", re.IGNORECASE)
# "Christmas in 2018", "Easter of 2019", "6 June in 1944": a day, month or season without a year
# and the year written right after it
_IN_THE_YEAR = re.compile(r"(?:\s*,)?\s+(?:in|of)\s+(?:the\s+year\s+)?", re.IGNORECASE)
_WITHOUT_A_YEAR = re.compile(r"(?:(?:SHIFT|ON):[^X]*)?XXXX-(?:\d\d|(?!WXX$)[A-Z])")  # not a bare week
_A_RELATIVE_YEAR = re.compile(r"REL:\w+:(?:year|Y1):[+-]?\d+")  # "last year", "two years ago", "that year"
_OF_THE_YEAR = re.compile(r"\s+(?:of\s+)?", re.IGNORECASE)
_THE_DAY_BEFORE_LONGEST = 40  # characters: "the Wednesday before the " with room to spare
_SAYING_REACH = 30  # characters before a date that "told reporters on" it may stand in
# "the last day of October", "the first day of next year": a day that opens or closes the period right after it
_THE_DAY_OF = re.compile(r"\bthe\s+(?:(?P<first>first|opening)|last|final|closing)\s+day\s+of\s+\Z", re.IGNORECASE)
_THE_DAY_OF_LONGEST = 30  # characters: "the opening day of " with room to spare
# periods longer than a day, as the rules write them: a year, month, quarter, half or week of one,
# a decade, a century, a period counted from a date or a month of one ("October last year")
_A_PERIOD = re.compile(r"(?:\d{4}|XXXX)(?:-(?:\d\d|Q\d|H\d|W\d\d|WXX))?|\d{2,3}"
                       r"|REL:\w+:(?:week|month|quarter|half|year|decade|century):[+-]?\d+(?:@\d{4}|/-\d\d)?")
_POSITIONS = ("START", "MID", "END")  # the mods of where in a period: "early 2022", "the end of the year"
_NOT_CALENDAR_DAYS = re.compile(r"\b(?:trading|business|working|school|sessions?)\b", re.IGNORECASE)
_OPENS_SENTENCE = re.compile(r"\s*(?:[A-Za-z]+\s+)?")  # what may come before a date that opens its sentence: "On"
# what may come before a later date that sets the time of its sentence: "In", "By the summer of"
_SETS_THE_TIME = re.compile(r"\s*(?:[A-Za-z]+\s+)?(?:(?:the|early|late|middle|first|last|final|months?|weeks?|days?"
                            r"|spring|summer|autumn|fall|winter|end|start|beginning|course|half|part|of)\s+)*",
                            re.IGNORECASE)
HEADING_WORDS = 12  # a heading is a line of at most this many words, without closing punctuation
_CLOSING_PUNCTUATION = re.compile(r"[.!?;:,\"”’)\]]\s*$")
QUARTER_CONTEXT_SENTENCES = 2  # how far back a mentioned quarter makes "a year ago" mean its quarter


def _had_done() -> str:
    """The past perfect as a regex: "had invaded", "had been mined", "had met"."""
    irregular = vocabulary.alternation(vocabulary.load()["tense"]["irregular_participles"])
    return rf"\bhad\s+(?:\w+\s+)?(?:\w+(?:ed|en|wn|un|ght)|{irregular})\b"


@lru_cache(maxsize=1)
def _pluperfect() -> re.Pattern:
    """An earlier date in a clause in the past perfect also looks back: "forces that had invaded
    Burma in late 1943", "the last time it had met, in 1614"."""
    return re.compile(rf"{_had_done()},?(?:\s+[\w,'’-]+){{0,6}}\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _pluperfect_after() -> re.Pattern:
    """A clause in the past perfect after an earlier date that opens its sentence: "The night
    before, the bridges had been mined"."""
    return re.compile(rf"[\s,]*(?:[\w'’-]+\s+){{0,6}}{_had_done()}", re.IGNORECASE)


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    rule: str
    reason: str
    anchor: str | None
    sentence: tuple[int, int]

    def as_json(self) -> dict:
        data = {"start": self.start, "end": self.end, "text": self.text, "type": self.type, "value": self.value}
        if self.mod:
            data["mod"] = self.mod
        return data


def _with_time(value: str, time: str | None) -> str:
    if not time or value in timex.REF_NAMES or value.startswith("P"):
        return value
    return f"{value}T{time}"


def _in_the_part_of_day(time: str | None, part_of_day: str | None) -> str | None:
    """A clock time said without "am" or "pm" as the part of the day said with its date puts it:
    "half past ten on Saturday night" is 22:30."""
    hours = _AFTER_NOON_IN.get(part_of_day or "")
    if time and hours and _CLOCK_TIME.fullmatch(time) and int(time[:2]) in hours:
        return f"{int(time[:2]) + 12:02d}{time[2:]}"
    return time


def _habitual(mention: Mention, mentions: list[Mention], lead_in: str, lead_out: str, genre: str,
              tense_here: str | None) -> Resolution | None:
    """A day, month or season named without its year or a word that picks one, in a clause that
    tells of a habit, in news: any year's ("The budget is usually presented in the spring"). A
    time of day with no day is any day's there, and in a clause not in the past that says how
    often ("The museum is open daily from 10 a.m. to 6 p.m.", "opens at 9 a.m. every day")."""
    a_time = mention.time is not None and mention.value == _TODAY
    if genre != "news" or mention.direction is not None or not (a_time or _ANY_YEARS.match(mention.value)):
        return None
    word = habit(lead_in, lead_out)
    if word is None and a_time and tense_here != "past":
        before, after = clause_around(lead_in, lead_out)
        word = next((other.text for other in mentions if other.type == "SET"
                     and other.start >= mention.start - len(before) and other.end <= mention.end + len(after)), None)
    if word is None:
        return None
    if a_time:
        return Resolution(timex.UNRESOLVED["day"], f'any day\'s: "{word}" tells of a habit')
    # a holiday whose day moves ("usually Thanksgiving") is only its month in any year
    value = mention.value if _ANY_YEARS.fullmatch(mention.value) else resolve(mention, Anchors(None), None, genre).value
    return Resolution(value, f'any year\'s: "{word}" tells of a habit')


def _a_range_of_times(first: Mention, last: Mention, text: str) -> bool:
    """Whether two times of day waiting to be dated are the ends of one range ("4pm and 5pm",
    "2 a.m. until shortly after 6 a.m.")."""
    return first.rule.attach and last.rule.attach and bool(_range_of_times().fullmatch(text[first.end : last.start]))


@lru_cache(maxsize=1)
def _range_of_times() -> re.Pattern:
    near = vocabulary.alternation(vocabulary.load()["near_the_end_of_a_range"])
    return re.compile(rf"(?:{_RANGE_TO.pattern})(?:(?:{near})\s+)?", re.IGNORECASE)


def _date_time_ranges(mentions: list[Mention], text: str, attached: dict[int, int]) -> None:
    """Date a time of day that a range joins to a dated one as that one ("between 4pm and 5pm on
    Tuesday", "on Saturday from 9am to 5pm"), adding it to attached: first the starts of ranges
    whose end is dated, then the ends of those whose start is."""
    starts = [(index, index + 1) for index in range(len(mentions) - 2, -1, -1)]
    ends = [(index, index - 1) for index in range(1, len(mentions))]
    for index, dated in starts + ends:
        first, last = sorted((index, dated))
        if index not in attached and dated in attached and _a_range_of_times(mentions[first], mentions[last], text):
            attached[index] = attached[dated]


def _on_the_day_named(mentions: list[Mention], index: int, sentence: Callable[[Mention], int],
                      tense_at: Callable[[Mention], str | None],
                      resolved: dict[int, tuple[str, Resolution]]) -> Resolution | None:
    """A time of day said with no day ("with a window opening at 8:33 a.m.") after the one date of
    its sentence, in the same tense, when that date is a day ("will launch the rocket on Monday
    morning"): on that day, not on the publication date ("The curfew, announced on Friday, runs
    from 10pm" is not Friday's)."""
    mention = mentions[index]
    if not mention.rule.attach or mention.value != _TODAY:
        return None
    dates = [other for other, candidate in enumerate(mentions) if other != index and candidate.type in ("DATE", "TIME")
             and sentence(candidate) == sentence(mention) and not (candidate.rule.attach and candidate.value == _TODAY)]
    if (len(dates) != 1 or dates[0] > index or dates[0] not in resolved
            or tense_at(mentions[dates[0]]) != tense_at(mention)):
        return None
    day = timex.split_time(resolved[dates[0]][0])[0]
    if timex.precision(day) != "day":
        return None
    return Resolution(day, f'on the day its sentence names, "{mentions[dates[0]].text}"', resolved[dates[0]][1].anchor)


def _counted_from_a_time(mentions: list[Mention], index: int, resolved: dict[int, tuple[str, Resolution]],
                         attached: dict[int, int]) -> Resolution | None:
    """Hours or minutes later or earlier than a clock time said last ("broke out at 6:50 p.m. ... the
    spire collapsed an hour later"): that time moved by them, not an unknown time after its day."""
    if not (counted := _COUNTED_IN_HOURS.fullmatch(mentions[index].value)):
        return None
    last = next((other for other in range(index - 1, -1, -1) if mentions[other].type in ("DATE", "TIME")), None)
    if last is None:
        return None
    time_of_day = next((time for time, on in attached.items() if on == last and abs(time - last) == 1), None)
    if last in attached:  # "on April 15 at 11:30 p.m.": the time, on the date it hangs on
        time_of_day, last = last, attached[last]
    if last not in resolved:
        return None
    said = resolved[last][0] if time_of_day is None else _with_time(
        timex.split_time(resolved[last][0])[0], mentions[time_of_day].time)
    if not (clock := _A_CLOCK_TIME.fullmatch(said)):
        return None
    try:
        moved = datetime.fromisoformat(f"{clock[1]}T{clock[2]}:{clock[3]}") + timedelta(
            **{"hours" if counted[1] == "H" else "minutes": float(counted[2])})
    except (OverflowError, ValueError):  # past 31 December 9999, or from a day no calendar has ("Feb. 29, 2021")
        return None
    if moved.second or moved.microsecond:
        return None
    shown = mentions[last if time_of_day is None else time_of_day].text
    return Resolution(moved.isoformat(timespec="minutes"),
                      f'{mentions[index].text.lower()} than "{shown}", {timex.describe(said)}')


def _on_the_day_just_named(mention: Mention, anchors: Anchors, genre: str, tense_here: str | None,
                           just_named: bool) -> Resolution | None:
    """A time of day said with no day in a past-tense sentence of news, just after a day before the
    publication date was named (just_named): on that day ("The attack began on Saturday. By
    midday, fighters had crossed into several towns")."""
    if not (genre == "news" and mention.rule.attach and mention.value == _TODAY and tense_here == "past" and just_named
            and anchors.ref is not None and anchors.ref.granularity in A_DAY_OR_A_TIME and anchors.dct is not None
            and not anchors.ref.is_after_day(anchors.dct.day)):
        return None
    return resolve(replace(mention, value=_THAT_DAY), anchors, tense_here, genre)


def _any_days_range(mentions: list[Mention], text: str, resolved: dict[int, tuple[str, Resolution]],
                    attached: dict[int, int], of_a_habit: set[int]) -> None:
    """Make any day's the other end of a range of times of which one end is any day's, of_a_habit
    ("Trains run hourly between 6 a.m. and midnight": the habit is said in the clause of the start
    only), unless a date was written next to it."""
    for index in range(1, len(mentions)):
        pair = (index - 1, index)
        if not _a_range_of_times(mentions[index - 1], mentions[index], text):
            continue
        any_days = [end in of_a_habit for end in pair]
        if any_days.count(True) != 1:
            continue
        end, other = pair[::-1] if any_days[0] else pair
        if mentions[end].value == _TODAY and end not in attached:
            reason = f'any day\'s, as the other end of its range, "{mentions[other].text}", is'
            any_day = timex.UNRESOLVED["day"]
            resolved[end] = (_with_time(any_day, mentions[end].time), Resolution(any_day, reason))


def _overnight_range_ends(mentions: list[Mention], text: str, resolved: dict[int, tuple[str, Resolution]]) -> None:
    """Move to the next day the end of a range of times on one day that ends before it starts
    ("the curfew runs from 10pm to 6am")."""
    for index in range(1, len(mentions)):
        first = mentions[index - 1]
        if not _a_range_of_times(first, mentions[index], text):
            continue
        start_day, start_time = timex.split_time(resolved[index - 1][0])
        end_day, end_time = timex.split_time(resolved[index][0])
        if (start_day == end_day and timex.precision(end_day) == "day" and start_time and end_time
                and _CLOCK_TIME.fullmatch(start_time) and _CLOCK_TIME.fullmatch(end_time) and end_time < start_time):
            if (next_day := _days_after(end_day, 1)) is None:  # past 31 December 9999
                continue
            reason = (f'the day after that of "{first.text}", {timex.describe(start_day)}: the range ends earlier in '
                      "the day than it starts")
            resolved[index] = (f"{next_day}T{end_time}", Resolution(next_day, reason, resolved[index][1].anchor))


@lru_cache(maxsize=1)
def _time_then_date() -> re.Pattern:
    """What may stand between a time of day and the date after it: "10:35 a.m. (0735 GMT) Friday",
    "5:34 a.m. Baghdad time on March 20", "10:00 sharp on Sunday", the place it is in ("9 a.m. in
    Geneva on Tuesday") and the name of a holiday the date is ("8 p.m. on Election Day, Nov. 3")."""
    macros = vocabulary.macros()
    holiday = rf"(?i:{macros['HOLIDAY']}|{macros['MOVING_HOLIDAY']}),?\s+"
    place = r"in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},?\s+"
    return re.compile(rf"\s*(?:\([^()]{{1,30}}\)\s*)?(?:sharp,?\s+)?(?:[A-Z][\w-]+\s+time,?\s+)?(?:{place})?"
                      rf"(?:on\s+(?:{holiday})?|of\s+|,\s*)?")


def _date_in_gmt(mentions: list[Mention], index: int, text: str) -> tuple[int, int] | None:
    """For a local time followed by its hour and date in GMT ("struck at 3:42 a.m. local time
    (1842 GMT Tuesday)"), the index of that date and how many days the local date is from it (3:42
    a.m. is 18:42 GMT nine hours ahead: Wednesday), or none when two offsets from GMT that places
    keep (UTC_OFFSETS_MINUTES) fit, twelve hours ahead and behind. None if it is not so followed."""
    mention = mentions[index]
    if not (mention.time and _CLOCK_TIME.fullmatch(mention.time)) or index + 1 >= len(mentions) or not (
            gmt := GMT_BEFORE_ITS_DATE.match(text, mention.end)) or gmt.end() != mentions[index + 1].start:
        return None  # not "that night (1842 GMT Tuesday)"
    after = mentions[index + 1]
    if not (A_WEEKDAY.fullmatch(after.value) or A_MONTH_OR_DAY.fullmatch(after.value)) or not (
            _GMT_AFTER_ITS_DATE.match(text, after.end)):
        return None
    hour, minute = (int(part) for part in mention.time.split(":")[:2])
    local, in_gmt = hour * 60 + minute, int(gmt["hour"]) * 60 + int(gmt["minute"])
    offsets = [offset for offset in ((local - in_gmt) % 1440, (local - in_gmt) % 1440 - 1440)
               if UTC_OFFSETS_MINUTES[0] <= offset <= UTC_OFFSETS_MINUTES[1]]
    return index + 1, (in_gmt + offsets[0]) // 1440 if len(offsets) == 1 else 0


def _days_after(day: str, days: int) -> str | None:
    """The day some days after (or before) a day of the common era, if the calendar has it."""
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):
        return None


def _neighbour_date(mentions: list[Mention], index: int, text: str) -> int | None:
    """The index of a date written right next to the time of day at mentions[index]: a date, or
    a part of a day ("9:15 on Saturday morning")."""
    def dates(other: Mention) -> bool:
        """A date that is not itself waiting to be dated by a neighbour ("20th day 20th day"), nor
        counted in hours from a time ("at 6:50 p.m. An hour later")."""
        return other.type in ("DATE", "TIME") and not other.rule.attach and not _COUNTED_IN_HOURS.fullmatch(other.value)

    mention = mentions[index]
    if index + 1 < len(mentions):
        after = mentions[index + 1]
        if dates(after) and _time_then_date().fullmatch(text[mention.end : after.start]):
            return index + 1
    if index > 0:
        before = mentions[index - 1]
        if dates(before) and _DATE_THEN_TIME.fullmatch(text[before.end : mention.start]):
            return index - 1
    return None


def _apposed_day(mentions: list[Mention], index: int, text: str,
                 resolved: dict[int, tuple[str, Resolution]]) -> Resolution | None:
    """"the day after the shooting" said of the day written just before it ("police arrested him on
    Monday, the day after the shooting"): that day, not the day after it."""
    if not mentions[index].rule.apposed or index - 1 not in resolved:
        return None
    before = mentions[index - 1]
    value, found = resolved[index - 1]
    date_value = timex.split_time(value)[0]
    if timex.precision(date_value) != "day" or not _APPOSITION.fullmatch(text, before.end, mentions[index].start):
        return None
    return Resolution(date_value, f'the day written just before it, "{before.text}"', found.anchor)


def _weekday_said_before(mentions: list[Mention], index: int, text: str, value: str) -> Resolution | None:
    """A weekday said just before the day at mentions[index] that falls on it ("on Monday, the day
    after Christmas", "Wednesday, Christmas Day", "closed Thursday for Thanksgiving"): that day,
    whatever the tense says."""
    if index == 0 or mentions[index - 1].rule.attach or mentions[index].rule.apposed:  # apposed: dated by it
        return None
    before = mentions[index - 1]
    weekday = A_WEEKDAY.fullmatch(before.value)
    day = timex.split_time(value)[0]
    if (not weekday or timex.precision(day) != "day" or day.startswith("BC")
            or not _APPOSITION_OR_FOR.fullmatch(text, before.end, mentions[index].start)
            or date.fromisoformat(day).isoweekday() != int(weekday[1])):
        return None
    return Resolution(day, f'the day said just after it, "{mentions[index].text}"')


@lru_cache(maxsize=1)
def _an_event_of_the_year() -> re.Pattern:
    """What follows a year that names an event: "(the 2022) World Cup", "(the 2024) presidential election"."""
    events = vocabulary.alternation(vocabulary.load()["events_named_by_their_year"])
    return re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{events})\b", re.IGNORECASE)


def _in_the_year_of_its_sentence(mentions: list[Mention], index: int, text: str,
                                 framing: tuple[int, str, bool] | None, tense_here: str | None) -> Resolution | None:
    """A day or month without its year after a year that sets the time of its sentence (framing:
    the mention's index, value, and whether it names an event) is in that year, unless a verb of
    saying comes between them ("In 2019, sales rose, the company said on March 3"); in the future
    tense, only after a year that names an event ("The 2022 World Cup will be held in November")."""
    mention = mentions[index]
    if framing is None or not A_MONTH_OR_DAY.fullmatch(mention.value):
        return None
    year_index, year, names_an_event = framing
    if tense_here == "future" and not names_an_event:
        return None
    if reports(text[mentions[year_index].end : mention.start]):
        return None
    said = mentions[year_index].text
    why = f'the year of the event "{said}" names' if names_an_event else f'the year "{said}" that sets the time of its sentence'
    return Resolution(year + mention.value[4:], f"in {year}, {why}")


_WRITTEN_MONTH_OR_DAY = re.compile(r"\d{4}-\d\d(?:-\d\d)?")  # a month or day with its year written
# What joins a clause dated to a month of a year to the next: "was suspended in March 2020 and
# resumed in June"; not a relative clause ("founded in March 2010, which ...") or a quotation
_COORDINATED_CLAUSES = re.compile(r",?\s+(?:and|but|then|before)\s+[^,;:()\"“”]*", re.IGNORECASE)


def _later_in_the_same_year(mentions: list[Mention], index: int, text: str, sentence: Callable[[Mention], int],
                            resolved: dict[int, tuple[str, Resolution]], tense_here: str | None) -> Resolution | None:
    """In news, a month or day without its year in a past-tense clause joined to one dated to a
    month or day with its year written ("The season was suspended in March 2020 and resumed in
    June") is later in that year, if it falls no earlier in the year."""
    mention = mentions[index]
    if tense_here != "past" or not A_MONTH_OR_DAY.fullmatch(mention.value):
        return None
    before, value = next(_dated_before_in_its_sentence(mentions, index, sentence, resolved), (None, None))
    if (before is None or not _WRITTEN_MONTH_OR_DAY.fullmatch(mentions[before].value)
            or not _COORDINATED_CLAUSES.fullmatch(text, mentions[before].end, mention.start)
            or reports(text[mentions[before].end : mention.start])):
        return None
    year, month_and_day = value[:4], value[5:]
    if mention.value[5:] < month_and_day[: len(mention.value) - 5]:
        return None
    return Resolution(year + mention.value[4:],
                      f'later in {int(year)}, the year of "{mentions[before].text}" before it')


def _dated_before_in_its_sentence(mentions: list[Mention], index: int, sentence: Callable[[Mention], int],
                                  resolved: dict[int, tuple[str, Resolution]]):
    """The mentions resolved before mentions[index] in its sentence, nearest first, each as its
    index and the date of its value (a time of day left off)."""
    for before in range(index - 1, -1, -1):
        if sentence(mentions[before]) != sentence(mentions[index]):
            return
        if before in resolved:
            yield before, timex.split_time(resolved[before][0])[0]


def _holding_the_date_before(mentions: list[Mention], index: int, sentence: Callable[[Mention], int],
                             resolved: dict[int, tuple[str, Resolution]]) -> Resolution | None:
    """"the year" of results, "the week's": the one holding the last date said before it in its
    sentence when that is finer ("Sales in December were the strongest of the year")."""
    mention = mentions[index]
    if not mention.rule.of_the_date_before or not mention.value.startswith("REL:"):  # not "the eve of the week"
        return None
    unit = mention.value.split(":")[2]
    for before, value in _dated_before_in_its_sentence(mentions, index, sentence, resolved):
        if timex.precision(value) not in _FINER_DATES[unit] or value.startswith("BC"):
            return None
        held = timex.format_period(unit, timex.interval(value)[0])
        return Resolution(held, f'the {unit} of "{mentions[before].text}", said before it')
    return None


def _first_weekday_after(day_value: str, weekday: int, after: str) -> Resolution | None:
    """The first given weekday (1 is Monday) after the day of day_value, which after names; None
    past 31 December 9999."""
    ahead = (weekday - date.fromisoformat(day_value).isoweekday()) % 7 or 7
    if (day := _days_after(day_value, ahead)) is None:
        return None
    return Resolution(day, f"the first {calendar.day_name[weekday - 1]} after {after}")


def _weekday_joined_ahead(mentions: list[Mention], index: int, text: str, dct: date | None,
                          resolved: dict[int, tuple[str, Resolution]]) -> Resolution | None:
    """A weekday joined to a day after the publication date by "or", "and" or a range ("late
    Wednesday or early Thursday", "the vote is on Tuesday or Wednesday"): the first such weekday
    after that day, not one its own tense might point to."""
    weekday = A_WEEKDAY.fullmatch(mentions[index].value)
    if (not weekday or mentions[index].type != "DATE" or index - 1 not in resolved
            or not _JOINED_WEEKDAYS.fullmatch(text, mentions[index - 1].end, mentions[index].start)):
        return None
    before = timex.split_time(resolved[index - 1][0])[0]
    if timex.precision(before) != "day" or before.startswith("BC") or dct is None or date.fromisoformat(before) <= dct:
        return None
    return _first_weekday_after(before, int(weekday[1]), f'"{mentions[index - 1].text}"')


def _weekday_ahead_of_the_saying(mentions: list[Mention], index: int, text: str, dct: date | None,
                                 resolved: dict[int, tuple[str, Resolution]], sentence: Callable[[Mention], int],
                                 tense_here: str | None, genre: str) -> Resolution | None:
    """A weekday still ahead in what was said on a day before the publication date ("He said on
    Friday that talks would resume on Monday"): the first such weekday after the day it was said."""
    weekday = A_WEEKDAY.fullmatch(mentions[index].value)
    if not weekday or mentions[index].type != "DATE" or genre != "news" or tense_here != "future" or dct is None:
        return None
    for said, day_said in _dated_before_in_its_sentence(mentions, index, sentence, resolved):
        if timex.precision(day_said) != "day" or day_said.startswith("BC") or date.fromisoformat(day_said) >= dct:
            continue
        words_before = text[max(0, mentions[said].start - _SAYING_REACH) : mentions[said].start]
        if reports(text[mentions[said].end : mentions[index].start]) or reports(words_before):
            return _first_weekday_after(day_said, int(weekday[1]), f'"{mentions[said].text}", '
                                        f"{timex.describe(day_said)}, the day it was said")
    return None


def _weekday_range_start(mentions: list[Mention], index: int, text: str, anchors: Anchors,
                         tense_at: Callable[[Mention], str | None], genre: str) -> Resolution | None:
    """A weekday that starts a range ("ran Monday-Friday", "Monday to Wednesday next week"): the
    last such weekday on or before the day that ends it, once that is dated by its own tense."""
    weekday = A_WEEKDAY.fullmatch(mentions[index].value)
    if (not weekday or mentions[index].type != "DATE" or index + 1 == len(mentions)
            or not _WEEKDAY_RANGE_TO.fullmatch(text, mentions[index].end, mentions[index + 1].start)):
        return None
    end = mentions[index + 1]
    end_day = timex.split_time(resolve(end, anchors, tense_at(end), genre).value)[0]
    if timex.precision(end_day) != "day" or end_day.startswith("BC"):
        return None
    day = date.fromisoformat(end_day)
    back = (day.isoweekday() - int(weekday[1])) % 7
    if back > (day - date.min).days:
        return None
    start = day - timedelta(days=back)
    if anchors.dct and start < anchors.dct.day and tense_at(mentions[index]) == "future":
        return None  # a range still to come: the first weekday ahead, and its end after it
    name = calendar.day_name[int(weekday[1]) - 1]
    return Resolution(start.isoformat(), f'the last {name} on or before "{end.text}", which ends its range')


def _in_year_order(month_day_or_season: str) -> str:
    """"-11-15", "-08" or "-FA" as a month and day that sort in the year: autumn is "-09"."""
    season = month_day_or_season.removeprefix("-")
    return f"-{timex.SEASON_START[season]:02d}" if season in timex.SEASON_START else month_day_or_season


def _range_start(mentions: list[Mention], index: int, text: str, anchors: Anchors,
                 tense_at: Callable[[Mention], str | None], genre: str) -> Resolution | None:
    """A day, month or season without a year that starts a range is in the year of the range's end
    ("26 June - 4 August 1952", "the spring and summer of 1979", "the April-June period"), or the
    one before when it comes later in the year than the end ("from November 15 to February 15,
    1989"). An end without a year is given one first, by the tense around it (tense_at(mention)),
    so that both ends lie on the same side ("postponed from April to September")."""
    if index + 1 == len(mentions):
        return None
    start, end = mentions[index], mentions[index + 1]
    start_value, end_value = without_weekday(start.value), without_weekday(end.value)
    cyclic = r"-(?:\d\d(?:-\d\d)?|SP|SU|FA|WI)"
    if not (re.fullmatch("XXXX" + cyclic, start_value) and re.fullmatch(r"(?:\d{4}|XXXX)" + cyclic, end_value)
            and _RANGE_TO.fullmatch(text[start.end : end.start])):
        return None
    if end_value.startswith("XXXX"):
        end_value = resolve(end, anchors, tense_at(end), genre).value
        if not re.fullmatch(r"\d{4}" + cyclic, end_value):
            return None
    # "-11-15" comes after "-02-15", and autumn after summer: the start is in the year before
    earlier_year = _in_year_order(start_value[4:]) > _in_year_order(end_value[4:])
    value = f"{int(end_value[:4]) - earlier_year:04d}{start_value[4:]}"
    if timex.interval(value) is None:
        return None
    which = "the year before that of" if earlier_year else "the year of"
    return Resolution(value, f'{which} "{end.text}", which ends its range')


def _quarter_ending(mentions: list[Mention], index: int, text: str, anchors: Anchors, tense_here: str | None,
                    genre: str) -> Resolution | None:
    """"the quarter ended July 31", "the quarter to July": the calendar quarter of the month
    before that day or month, where most of the quarter's three months lie (a fiscal quarter
    need not be a calendar one)."""
    mention = mentions[index]
    if not mention.rule.ends_on_next_date or index + 1 == len(mentions):
        return None
    ended = mentions[index + 1]
    if not _ENDED.fullmatch(text[mention.end : ended.start]):
        return None
    end = resolve(ended, anchors, tense_here, genre).value
    if timex.precision(end) not in ("day", "month"):
        return None
    year, month = int(end[:4]), int(end[5:7])
    if (year, month) == (1, 1):
        return None  # no quarter before the calendar's first month
    month_before = date(year, month - 1, 1) if month > 1 else date(year - 1, 12, 1)
    on_or_with = "on" if timex.precision(end) == "day" else "with"
    reason = f'the quarter that ended {on_or_with} "{ended.text}", {timex.describe(end)}'
    return Resolution(timex.format_period("quarter", month_before), reason)


def _counted_from_dates(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions, each date joined with what counts from it right before it: a length of time
    ("three days before Christmas", "a week after Jan. 5", "two days before the vote on Sunday"),
    "the day after" ("the day before Thanksgiving", "the eve of Thanksgiving") or a weekday ("the
    Monday after Thanksgiving"). "for three days after Christmas" stays a length; "eight trading
    days after Oct. 12" are not calendar days."""
    joined: list[Mention] = []
    for base in mentions:
        previous = joined[-1] if joined else None
        # where "the day after" or "the Monday after" may start: it may have been found on its own
        gap_start = joined[-2].end if len(joined) > 1 else 0
        shift, start = None, None
        if base.type == "DATE" and previous is not None and not _NOT_CALENDAR_DAYS.search(previous.text):
            length = _LENGTH.fullmatch(previous.value) if previous.type == "DURATION" else None
            joint = _COUNTED_FROM.fullmatch(text, previous.end, base.start)
            if length and joint and not _A_LENGTH_BEFORE.search(text, max(0, previous.start - 12), previous.start):
                shift = f"{'+' if joint['sign'].lower() == 'after' else '-'}{length['count']}:{length['unit']}"
                start = previous.start
        reach = max(gap_start, base.start - _THE_DAY_BEFORE_LONGEST)
        if base.type == "DATE" and shift is None and (day := _THE_DAY_BEFORE.search(text, reach, base.start)):
            if day["eve"]:  # "the eve of Thanksgiving": the day before
                shift = "-1:day"
            else:
                unit = day["unit"].lower() if day["unit"] else f"DOW{vocabulary.normalise('weekday', day['weekday'])}"
                shift = f"{'+' if day['sign'].lower() == 'after' else '-'}1:{unit}"
            start = day.start()
        if shift is None:
            joined.append(base)
            continue
        if previous is not None and previous.end > start:
            joined.pop()  # the length, "the day after" or "Monday", found on its own
        # "two weeks before the end of the year" counts from that end, and is a day, not the end of one
        counted_from = f"@{base.mod}" if base.mod in _POSITIONS else ""
        joined.append(replace(base, start=start, text=text[start : base.end], type="DATE",
                              value=f"SHIFT:{shift}{counted_from}:{base.value}",
                              mod=(previous.mod if previous and previous.start == start else None)
                              or (None if counted_from else base.mod)))
    return joined


def _days_of_periods(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions, each period longer than a day joined with "the first day of" or "the last day of"
    right before it into that day ("the last day of October"); "the last day" found on its own
    before it goes."""
    joined: list[Mention] = []
    for mention in mentions:
        day_of = None
        if mention.type == "DATE" and _A_PERIOD.fullmatch(mention.value):
            reach = max(joined[-1].start if joined else 0, mention.start - _THE_DAY_OF_LONGEST)
            day_of = _THE_DAY_OF.search(text, reach, mention.start)
        if day_of is None:
            joined.append(mention)
            continue
        if joined and joined[-1].end > day_of.start():
            joined.pop()
        joined.append(replace(mention, start=day_of.start(), text=text[day_of.start() : mention.end], mod=None,
                              value=f"DAYOF:{'F' if day_of['first'] else 'L'}:{mention.value}"))
    return joined


def _with_what_it_is_of(mention: Mention, mentions: list[Mention], text: str) -> Mention:
    """A length of time in narrative text, taking in what it is a length of ("two months of fierce
    battles", "the first three years of the American Revolutionary War"): the words after "of" up
    to a mark of punctuation, a verb in the past or a word that starts another phrase, as long as
    no other expression is among them ("the last two weeks of February 1951" keeps its date)."""
    of = mention.type == "DURATION" and _OF.match(text, mention.end)
    if not of:
        return mention
    stops = _ends_what_a_length_is_of()
    end, previous = None, ""
    for word in _NEXT_WORD.finditer(text, of.end()):
        lower = word["word"].lower()
        if (word.start() != (end or of.end()) or word["gap"].strip() or lower in stops
                or (lower.endswith("ed") and previous not in ("a", "an", "the"))):
            break
        end, previous = word.end(), lower
    if end is None or end - mention.end > _OF_AT_MOST or any(mention.end < other.start < end for other in mentions):
        return mention
    if text[end - 1] in "\"”" and len(_QUOTE_MARKS.findall(text, mention.end, end)) % 2:
        end -= 1  # '"57 Days of Hell".': the closing mark is the quotation's
    return replace(mention, end=end, text=text[mention.start : end])


@lru_cache(maxsize=1)
def _ends_what_a_length_is_of() -> frozenset[str]:
    vocab = vocabulary.load()
    return frozenset([*vocab["ends_what_a_length_is_of"], *vocab["tense"]["past"], *vocab["tense"]["finite_past"]])


_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)")


def _in_the_order_shown(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions, each numeric date that reads either way round ("01/03/2015") read in the order of
    day and month that the article's other numeric dates show, when they all show the same one
    ("31/12/2018": the day first)."""
    shown = {mention.rule.numeric_order: mention for mention in mentions
             if mention.rule.numeric_order in ("day first", "month first")}
    if len(shown) != 1:
        return mentions
    (order, example), = shown.items()
    read = []
    for mention in mentions:
        if mention.rule.numeric_order == "either" and (parts := _SLASHED.fullmatch(mention.text)):
            first, second, year = parts.groups()
            day, month = (first, second) if order == "day first" else (second, first)
            known_as = f'a day and month written {order}, as "{example.text}" is in the same article'
            year = year if len(year) == 4 else f"XX{year}"  # "11/3/19": the nearest year ending so
            mention = replace(mention, value=f"{year}-{int(month):02d}-{int(day):02d}",
                              rule=replace(mention.rule, known_as=known_as))
        read.append(mention)
    return read


def _in_the_year_after(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions, each day, month, season, holiday or weekday without a year that is followed by
    "in" or "of" and a year ("Christmas in 2018", "three days before Christmas in 2018", "on
    Monday in 2018") given that year; the year stays an expression of its own."""
    given = list(mentions)
    for index, (mention, year) in enumerate(zip(mentions, mentions[1:])):
        if (mention.type == "DATE" and re.fullmatch(r"\d{4}", year.value) and _WITHOUT_A_YEAR.match(mention.value)
                and _IN_THE_YEAR.fullmatch(text, mention.end, year.start)):
            known_as = f'the year written after it, "{text[mention.end : year.end].strip(" ,")}"'
            given[index] = replace(mention, value=mention.value.replace("XXXX", year.value, 1),
                                   rule=replace(mention.rule, known_as=known_as))
    return given


def _in_a_relative_year(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions, each holiday, day or season without a year that is followed by a year counted
    from another date ("Christmas Day last year", "Easter of that year", "the day after
    Thanksgiving two years ago") joined with it into one expression in that year."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if (previous is not None and previous.type == "DATE" and _A_RELATIVE_YEAR.fullmatch(mention.value)
                and _WITHOUT_A_YEAR.match(previous.value) and "-WXX-" not in previous.value
                and _OF_THE_YEAR.fullmatch(text, previous.end, mention.start)):
            joined[-1] = replace(previous, end=mention.end, text=text[previous.start : mention.end],
                                 value=f"INYEAR:{mention.value}:{previous.value}", mod=previous.mod or mention.mod)
            continue
        joined.append(mention)
    return joined


def _is_heading(text: str, start: int, end: int) -> bool:
    """Whether the sentence at start:end is a heading: a short line of its own, unpunctuated."""
    return ((start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
            and len(text[start:end].split()) <= HEADING_WORDS and not _CLOSING_PUNCTUATION.search(text[start:end]))


def _digression(mentioned: Anchor, ref: Anchor | None, genre: str, tense_here: str | None, lead_in: str,
                lead_out: str, heading: bool, opens_paragraph: bool) -> bool:
    """In narrative text, a year far from the story's time ("a memorial built in 2004"), unless
    it is the first date of its paragraph or a later year that sets the time of its sentence ("In
    the early months of 1942,"), a date in a sentence about the future ("elections
    were to be held in 1976"), the end of a span after the story's date (lead_in, the sentence
    before it, ends "...lasted until the fall of") or an earlier date in brackets, naming a
    thing (lead_out, the sentence after it, starts ")" or " uprising") or in the past perfect
    ("had invaded Burma in", "The night before, the bridges had been mined") is an aside: the
    dates after it still follow the story. The end of a range ("from 218 to 201 BC") never is. A
    date in a heading ("Estates-General of 1789") is where the story goes next."""
    if genre != "narrative" or ref is None or heading:
        return False
    if tense_here == "future":
        return True
    flashback = (_pluperfect().search(lead_in)
                 or (_OPENS_SENTENCE.fullmatch(lead_in) and _pluperfect_after().match(lead_out)))
    if mentioned.is_before(ref) and (flashback or any(
            before.search(lead_in) and after.search(lead_out) for before, after in (_BRACKETED, _NAMING))):
        return True
    if ends_a_range(lead_in):  # "lasted from 218 to 201 BC": the story goes on from the end
        return False
    if ref.is_before(mentioned) and _SPAN_END.search(lead_in):
        return True
    moves_on = ref.is_before(mentioned) and _SETS_THE_TIME.fullmatch(lead_in)
    return (not opens_paragraph and not moves_on and mentioned.granularity in ("year", "decade", "century")
            and mentioned.years_apart(ref) > DIGRESSION_YEARS)


def tag(text: str, dct: date | None = None, genre: str = "news") -> list[Timex]:
    """Every temporal expression in text, resolved against the publication date dct."""
    return tag_in_sentences(text, dct, genre)[0]


class Tagged(NamedTuple):
    timexes: list[Timex]
    sentence_starts: list[int]  # the offset of each sentence the text was read in


def tag_in_sentences(text: str, dct: date | None = None, genre: str = "news") -> Tagged:
    """What tag() finds, and where each sentence of text starts."""
    if genre not in GENRES:
        raise ValueError(f"genre must be one of {GENRES}, not {genre!r}")
    mentions = recognise(text, genre)
    for join in (_counted_from_dates, _in_the_year_after, _days_of_periods, _in_a_relative_year, _in_the_order_shown):
        mentions = join(mentions, text)
    if genre == "narrative":
        mentions = [_with_what_it_is_of(mention, mentions, text) for mention in mentions]
    spans = sentences.split(text)
    starts = [start for start, _ in spans]
    dct_anchor = Anchor.from_value(dct.isoformat(), PUBLICATION_DATE) if dct else None

    def sentence_number(mention: Mention) -> int:
        return bisect_right(starts, mention.start) - 1

    def sentence_of(mention: Mention) -> tuple[int, int]:
        number = sentence_number(mention)
        return spans[number] if number >= 0 else (0, len(text))

    def tense_at(mention: Mention) -> str | None:
        start, end = sentence_of(mention)
        return tense(text[start:end], mention.start - start, mention.end - start)

    attached = {}
    days_from_gmt = {}  # of a local time dated by its hour in GMT
    for index, mention in enumerate(mentions):
        if mention.rule.attach:
            if (in_gmt := _date_in_gmt(mentions, index, text)) is not None:
                attached[index], days_from_gmt[index] = in_gmt
                continue
            neighbour = _neighbour_date(mentions, index, text)
            if neighbour is not None:
                attached[index] = neighbour
    _date_time_ranges(mentions, text, attached)

    resolved: dict[int, tuple[str, Resolution]] = {}
    of_a_habit: set[int] = set()  # the mentions any year's or day's because their clause tells of a habit
    anchors = Anchors(dct_anchor)
    quarter_sentence = None
    paragraph_starts = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
    dated_paragraph = None  # the paragraph of the last date mentioned
    past_ref = None  # the last date mentioned that is not after the publication date
    framing = None  # a year that sets the time of its sentence (see _in_the_year_of_its_sentence)
    ref_sentence = None  # the sentence of the last date mentioned
    for index, mention in enumerate(mentions):
        if index in attached:
            continue
        start, end = sentence_of(mention)
        number = sentence_number(mention)
        if mention.near_quarter and quarter_sentence is not None and (
            number - quarter_sentence <= QUARTER_CONTEXT_SENTENCES
        ):
            mention = replace(mention, value=mention.near_quarter)
        tense_here = tense_at(mention)
        if genre == "news" and mention.direction is None and after_since(text[start : mention.start]):
            mention = replace(mention, direction="since")
        lead_in, lead_out = text[start : mention.start], text[mention.end : end]
        if tense_here == "past" and (tells_of_a_plan(lead_in, lead_out) or in_a_reported_clause(lead_in, lead_out)):
            mention = replace(mention, plan=True)
        if (tense_here == "future" and _A_MONTH.fullmatch(mention.value) and _IN_THE_MONTH.search(lead_in)
                and not _FUTURE_IN_THE_PAST.search(lead_in)):
            mention = replace(mention, when_it_happens=True)
        if mention.in_the_past and tense_here == "past" and anchors.ref is not None:
            mention = replace(mention, value=mention.in_the_past)  # "by the end of the year, it had"
        here = anchors
        if (tense_here == "past" and _FROM_A_MENTIONED_DATE.match(mention.value) and past_ref
                and anchors.ref.is_after_day(dct)):
            here = replace(anchors, ref=past_ref)  # "had visited twice that year": not the year ahead
        elif (genre == "news" and tense_here == "past" and mention.value.startswith("REL:REF:") and anchors.ref
              and dct and anchors.ref.is_after_day(dct) and not _COUNTED_AHEAD.match(mention.value)):
            here = replace(anchors, ref=None)  # "resume on the 3rd, the airline said on the 1st": not the month ahead
        elif (genre == "news" and tense_here == "past" and anchors.ref is None
              and _COUNTED_AHEAD.match(mention.value)):
            here = replace(anchors, dct=None)  # "was charged the next day": not the day after publication
        elif (genre == "news" and tense_here == "future" and _LONG_AHEAD.match(mention.value) and anchors.ref
              and anchors.dct and anchors.ref.is_before(anchors.dct)):
            here = replace(anchors, ref=anchors.dct)  # "will hire 500 in the next year": counted from now
        if framing is not None and sentence_number(mentions[framing[0]]) != number:
            framing = None
        quarter_ended = _quarter_ending(mentions, index, text, here, tense_here, genre)
        if habit := _habitual(mention, mentions, lead_in, lead_out, genre, tense_here):
            of_a_habit.add(index)
        found = (habit
                 or _in_the_year_of_its_sentence(mentions, index, text, framing, tense_here)
                 or (genre == "news" and _later_in_the_same_year(mentions, index, text, sentence_number, resolved,
                                                                 tense_here))
                 or _holding_the_date_before(mentions, index, sentence_number, resolved)
                 or _on_the_day_named(mentions, index, sentence_number, tense_at, resolved)
                 or _counted_from_a_time(mentions, index, resolved, attached)
                 or _on_the_day_just_named(mention, here, genre, tense_here, ref_sentence is not None
                                           and number - ref_sentence <= TIME_AFTER_A_DAY_SENTENCES)
                 or _apposed_day(mentions, index, text, resolved)
                 or _weekday_joined_ahead(mentions, index, text, dct, resolved)
                 or _weekday_ahead_of_the_saying(mentions, index, text, dct, resolved, sentence_number, tense_here,
                                                 genre)
                 or _weekday_range_start(mentions, index, text, here, tense_at, genre)
                 or _range_start(mentions, index, text, here, tense_at, genre)
                 or quarter_ended
                 or resolve(mention, here, tense_here, genre))
        value = _with_time(found.value, mention.time)
        resolved[index] = (value, found)
        if (weekday := _weekday_said_before(mentions, index, text, value)) is not None:
            resolved[index - 1] = (_with_time(weekday.value, mentions[index - 1].time), weekday)
        mentioned = Anchor.from_value(value, "the last date mentioned")
        if genre == "news" and _A_YEAR.fullmatch(value):
            names_an_event = bool(_THE_BEFORE.search(lead_in) and _an_event_of_the_year().match(lead_out))
            if names_an_event or (dct and value < f"{dct.year:04d}"
                                  and (_OPENS_SENTENCE.fullmatch(lead_in) or _WHEN_AFTER.match(lead_out))):
                framing = (index, value, names_an_event)
        heading = _is_heading(text, start, end)
        paragraph = bisect_right(paragraph_starts, mention.start)
        opens_paragraph = mentioned is not None and paragraph != dated_paragraph
        if mentioned is not None:
            dated_paragraph = paragraph
        compared_with = genre == "news" and mention.rule.comparison  # "up from $4 million a year earlier"
        if mentioned is not None and not compared_with and not _digression(
                mentioned, anchors.ref, genre, tense_here, lead_in, lead_out, heading, opens_paragraph):
            if not (anchors.ref and mentioned.holds(anchors.ref)):  # "1941" after "7 December 1941": still December
                anchors = replace(anchors, ref=mentioned)
                ref_sentence = number
                if dct and not mentioned.is_after_day(dct):
                    past_ref = mentioned
            if "X" not in mention.value and not mention.value.startswith("REL:") and not (
                    anchors.written and mentioned.holds(anchors.written)):
                anchors = replace(anchors, written=Anchor.from_value(value, "the last date written in full"))
            elif (genre == "narrative" and anchors.written and mentioned.day.year > anchors.written.day.year
                  and (mentioned.granularity in ("season", "quarter", "half") and _SETS_THE_TIME.fullmatch(lead_in)
                       or mentioned.granularity in ("day", "month") and mention.rule.from_the_story)):
                # "The following spring they reached Berlin", "He escaped the following February"
                anchors = replace(anchors, written=mentioned)
            reported = dct is None or not mentioned.is_after_day(dct)  # a forecast quarter is not the one reported on
            if mentioned.granularity == "quarter" and (quarter_ended or not mention.value.startswith("REL:QTR")) and reported:
                anchors = replace(anchors, quarter=Anchor.from_value(value, "the last quarter mentioned"))
                quarter_sentence = number

    for index, neighbour in attached.items():
        mention = mentions[index]
        date_value, date_found = resolved[neighbour]
        date_value, part_of_day = timex.split_time(date_value)
        if timex.precision(date_value) == "day":
            reason = f'on the date written next to it, "{mentions[neighbour].text}"'
            if (days := days_from_gmt.get(index)) and (local_day := _days_after(date_value, days)):
                date_value = local_day
                reason = (f'{"the day after" if days > 0 else "the day before"} the date of its hour in GMT, '
                          f'"{text[mention.end:mentions[neighbour].end].strip(" (")}"')
            time = _in_the_part_of_day(mention.time, part_of_day)
            resolved[index] = (_with_time(date_value, time), Resolution(date_value, reason, date_found.anchor))
        elif timex.precision(date_value) in ("month", "year") and not date_value.startswith("BC"):
            day = f"{date_value}-XX" if timex.precision(date_value) == "month" else f"{date_value}-XX-XX"
            reason = f'not resolved: a day of the date written next to it, "{mentions[neighbour].text}"'
            resolved[index] = (_with_time(day, mention.time), Resolution(day, reason, date_found.anchor))
        else:
            found = resolve(mention, anchors, None, genre)
            resolved[index] = (_with_time(found.value, mention.time), found)

    _any_days_range(mentions, text, resolved, attached, of_a_habit)
    _overnight_range_ends(mentions, text, resolved)
    result = []
    for index, mention in enumerate(mentions):
        value, found = resolved[index]
        result.append(
            Timex(
                start=mention.start,
                end=mention.end,
                text=mention.text,
                type="TIME" if mention.type == "DATE" and _A_CLOCK_TIME.fullmatch(value) else mention.type,
                value=value,
                mod=mention.mod,
                rule=mention.rule.name,
                reason=found.reason,
                anchor=str(found.anchor) if found.anchor else None,
                sentence=sentence_of(mention),
            )
        )
    return Tagged(result, starts)
