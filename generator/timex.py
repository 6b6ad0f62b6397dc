"""TIMEX3 values: writing a period as a value, reading a value back as dates, and saying it in words."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # a winter runs into the next year
GREGORIAN_START = date(1582, 10, 15)
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
PART_NAMES = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
HALF_AND_QUARTER_NAMES = {"Q": ("first quarter", "second quarter", "third quarter", "fourth quarter"),
                          "H": ("first half", "second half")}
REF_NAMES = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}
DATE_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century"}
TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}

WELL_FORMED = re.compile(
    r"""^(?:
        PRESENT_REF|PAST_REF|FUTURE_REF
      | P(?:[\dX.]+(?:Y|M|W|D|DE|CE))*(?:T(?:[\dX.]+[HMS])+)?   # duration
      | (?:BC)?[\dX]{2,4}                                        # century, decade, year
      | (?:BC)?[\dX]{4}-(?:[\dX]{2}|Q[1-4X]|H[12X]|SP|SU|FA|WI|W[\dX]{2}(?:-(?:[1-7]|WE))?)
      | (?:BC)?[\dX]{4}-[\dX]{2}-[\dX]{2}
    )(?:T(?:MO|AF|EV|NI|DT|\d{2}:\d{2}(?::\d{2})?))?$""",
    re.VERBOSE,
)


def is_well_formed(value: str) -> bool:
    return bool(WELL_FORMED.match(value)) and value not in ("P", "PT")


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def format_period(granularity: str, day: date) -> str:
    """The TIMEX3 value of the period of this granularity that contains day."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        return iso_week(day)
    if granularity == "weekend":
        return iso_week(day) + "-WE"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year:04d}"[:3]
    if granularity == "century":
        return f"{day.year:04d}"[:2]
    raise ValueError(f"unknown granularity {granularity!r}")


UNRESOLVED = {
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
    "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX",
}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def split_time(value: str) -> tuple[str, str | None]:
    """'2020-01-15T24:00' -> ('2020-01-15', '24:00'); values without a time part keep None."""
    if value.startswith("P") or "T" not in value:
        return value, None
    date_part, time_part = value.split("T", 1)
    return date_part, time_part


@lru_cache(maxsize=65536)  # values repeat across a corpus, and working one out costs regexes
def interval(value: str) -> tuple[date, date] | None:
    """First and last day of the period a resolved date value names; None if it names none."""
    date_part, _ = split_time(value)
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", date_part):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", date_part):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return (monday + timedelta(days=5), monday + timedelta(days=6)) if m[3] else (monday, monday + timedelta(days=6))
        if m := re.fullmatch(r"(\d{4})-(\d\d)", date_part):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), _month_end(year, month)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", date_part):
            year, first = int(m[1]), 3 * int(m[2]) - 2
            return date(year, first, 1), _month_end(year, first + 2)
        if m := re.fullmatch(r"(\d{4})-H([12])", date_part):
            year, first = int(m[1]), 6 * int(m[2]) - 5
            return date(year, first, 1), _month_end(year, first + 5)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", date_part):
            year, first = int(m[1]), SEASON_START[m[2]]
            last_year, last_month = (year + 1, 2) if m[2] == "WI" else (year, first + 2)
            return date(year, first, 1), _month_end(last_year, last_month)
        if re.fullmatch(r"\d{4}", date_part):
            return date(int(date_part), 1, 1), date(int(date_part), 12, 31)
        if re.fullmatch(r"\d{3}", date_part):
            return date(int(date_part) * 10, 1, 1), date(int(date_part) * 10 + 9, 12, 31)
        if re.fullmatch(r"\d{2}", date_part):
            first = max(int(date_part) * 100, 1)
            return date(first, 1, 1), date(int(date_part) * 100 + 99, 12, 31)
    except (ValueError, OverflowError):  # no such day, or a week running past 9999
        return None
    return None


@lru_cache(maxsize=65536)
def precision(value: str) -> str | None:
    """How fine a resolved date value is: day, week, month, year ... or None for non-dates."""
    date_part, time_part = split_time(value)
    if interval(value) is None:
        return None
    if time_part:
        return "time"
    checks = [
        (r"\d{4}-\d\d-\d\d", "day"), (r"\d{4}-W\d\d-WE", "weekend"), (r"\d{4}-W\d\d", "week"),
        (r"\d{4}-\d\d", "month"), (r"\d{4}-(?:SP|SU|FA|WI)", "season"), (r"\d{4}-Q\d", "quarter"),
        (r"\d{4}-H\d", "half"), (r"\d{4}", "year"), (r"\d{3}", "decade"), (r"\d{2}", "century"),
    ]
    return next(name for pattern, name in checks if re.fullmatch(pattern, date_part))


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def year_words(year: int) -> str:
    return f"AD {year}" if year < 1000 else str(year)  # "AD 79", not "0079" or a bare "79"


def _day(day: date, weekday: bool = True) -> str:
    """'Wed 15 January 2020'; before the Gregorian calendar began (15 October 1582) no weekday, as
    dates then were kept in the Julian calendar, whose weekdays ours would get wrong."""
    text = f"{day.day} {calendar.month_name[day.month]} {year_words(day.year)}"
    return f"{calendar.day_abbr[day.weekday()]} {text}" if weekday and day >= GREGORIAN_START else text


def _days(first: date, last: date) -> str:
    """A run of days, saying a month or year once when they share it: '2–8 November 1998',
    '30 November – 6 December 1998', '28 December 1998 – 3 January 1999'."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{_day(last, False)}"
    if first.year == last.year:
        return f"{first.day} {calendar.month_name[first.month]} – {_day(last, False)}"
    return f"{_day(first, False)} – {_day(last, False)}"


def time_words(time_part: str) -> str:
    return PART_NAMES.get(time_part, "midnight" if time_part == "24:00" else time_part)


def _duration_words(value: str) -> str:
    m = re.fullmatch(r"P(?:([\dX.]+)(DE|CE|Y|M|W|D)|T([\dX.]+)([HMS]))", value)
    if not m:
        return value
    amount, name = (m[1], DATE_UNITS[m[2]]) if m[1] else (m[3], TIME_UNITS[m[4]])
    if amount == "X":
        return f"some {name}s"
    return f"{amount} {name}{'' if amount == '1' else 's'}"


@lru_cache(maxsize=65536)
def describe(value: str, kind: str = "DATE") -> str:
    """A value in words, at its own precision: 'Wed 15 January 2020', 'January 2020', '2015'."""
    if kind == "DURATION":
        return _duration_words(value)
    if kind == "SET":
        if value.startswith("P"):
            return "every " + _duration_words(value).removeprefix("1 ")
        date_part, time_part = split_time(value)
        if re.fullmatch(r"XXXX-(?:WXX-[1-7]|\d\d|SP|SU|FA|WI|Q[1-4])", date_part):  # every Monday, each July
            repeated = describe_unresolved(date_part).removeprefix("a ").removesuffix(" (year unknown)")
            return f"every {repeated}" + (f" {time_words(time_part)}" if time_part else "")
        if m := re.fullmatch(r"XXXX-XX-(\d\d)", date_part):  # the 1st of each month
            return f"every month on the {_ordinal(int(m[1]))}" + (f" {time_words(time_part)}" if time_part else "")
    if value in REF_NAMES:
        return REF_NAMES[value]
    if value.startswith("BC"):
        return _before_christ(value)
    date_part, time_part = split_time(value)
    suffix = f", {time_words(time_part)}" if time_part else ""
    span = interval(date_part)
    found = precision(date_part) if span else None
    if found == "day":
        return _day(span[0]) + suffix
    if found == "week":
        return f"the week of {_days(*span)}"
    if found == "weekend":
        return f"the weekend of {_days(*span)}"
    if found == "month":
        return f"{calendar.month_name[span[0].month]} {year_words(span[0].year)}"
    if found == "season":
        first = year_words(span[0].year)
        years = first if span[0].year == span[1].year else f"{first}–{span[1].year}"
        return f"{SEASON_NAMES[date_part[-2:]]} {years}"
    if found in ("quarter", "half"):
        return f"the {HALF_AND_QUARTER_NAMES[date_part[-2]][int(date_part[-1]) - 1]} of {year_words(span[0].year)}"
    if found == "year":
        return year_words(span[0].year)
    if found == "decade":
        return f"the {year_words(span[0].year)}s"
    if found == "century":
        return f"the {_ordinal(int(date_part) + 1)} century"
    return describe_unresolved(date_part) + suffix


def _before_christ(value: str) -> str:
    """'August 480 BC': the date in words as if it were AD, its year marked BC and no weekday (the
    calendar's weekdays do not run back before year 1)."""
    if m := re.fullmatch(r"BC(\d{4})-WI", value):  # its January falls in the next year, a lower one BC
        return f"winter {int(m[1])}–{int(m[1]) - 1} BC"
    words = describe(value[2:]).replace("AD ", "")
    if words.startswith("an unresolved date"):
        return f"an unresolved date ({value})"
    words = re.sub(r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ", "", words)
    digits = re.match(r"\d+", value[2:])[0]
    if len(digits) == 3:
        return f"the {int(digits) * 10}s BC"
    if len(digits) == 2:
        return f"{words} BC"
    return re.sub(rf"\b0*{int(digits)}(?=s?\b)", lambda m: f"{m.group(0).lstrip('0')} BC", words, count=1)


# what 1915-XX-XX, 1915-WXX, 1915-XX, 1915-QX and 1915-HX leave open
_UNKNOWN_PART = {"XX-XX": "day", "WXX": "week", "XX": "month", "QX": "quarter", "HX": "half"}


# a value of a year known by its last two digits ("'69", "Sept. '23", "4Q24", "summer '69")
KNOWN_BY_TWO_DIGITS = re.compile(
    r"XX(?P<yy>\d\d)(?P<within>-(?P<month>\d\d)(?:-(?P<day>\d\d))?|-(?P<part>Q(?=[1-4])|H(?=[12]))(?P<n>\d)"
    r"|-(?P<season>SP|SU|FA|WI))?")


def describe_unresolved(value: str) -> str:
    if m := re.fullmatch(r"XXXX-WXX-([1-7])", value):
        return "a " + calendar.day_name[int(m[1]) - 1]
    if value == "XXXX-WXX-WE":
        return "a weekend"
    if m := re.fullmatch(r"(\d{4})-WXX-([1-7]|WE)", value):  # "on Monday in 2018"
        return f"a {'weekend' if m[2] == 'WE' else calendar.day_name[int(m[2]) - 1]} in {year_words(int(m[1]))}"
    if m := KNOWN_BY_TWO_DIGITS.fullmatch(value):
        if m["day"]:
            what = f"{int(m['day'])} {calendar.month_name[int(m['month'])]} of "
        elif m["month"]:
            what = f"{calendar.month_name[int(m['month'])]} of "
        elif m["part"]:
            what = f"the {HALF_AND_QUARTER_NAMES[m['part']][int(m['n']) - 1]} of "
        elif m["season"]:
            what = f"the {SEASON_NAMES[m['season']]} of "
        else:
            what = ""
        return f"{what}a year ending in {m['yy']}"
    if m := re.fullmatch(r"(\d{4})-(\d\d)-XX", value):
        return f"a day in {calendar.month_name[int(m[2])]} {int(m[1])}"
    if m := re.fullmatch(r"(\d{4})-(XX-XX|WXX|XX|QX|HX)", value):
        return f"a {_UNKNOWN_PART[m[2]]} in {int(m[1])}"
    if m := re.fullmatch(r"XXXX-(\d\d)-(\d\d)", value):
        return f"{int(m[2])} {calendar.month_name[int(m[1])]} (year unknown)"
    if m := re.fullmatch(r"XXXX-(\d\d)-XX", value):
        return f"a day in {calendar.month_name[int(m[1])]} (year unknown)"
    if m := re.fullmatch(r"XXXX-(\d\d)", value):
        return f"a {calendar.month_name[int(m[1])]} (year unknown)"
    if m := re.fullmatch(r"XXXX-(SP|SU|FA|WI)", value):
        return f"a {SEASON_NAMES[m[1]]} (year unknown)"
    if m := re.fullmatch(r"XXXX-([QH])([1-4])", value):
        return f"a {HALF_AND_QUARTER_NAMES[m[1]][int(m[2]) - 1]} (year unknown)"
    return f"an unresolved date ({value})"
